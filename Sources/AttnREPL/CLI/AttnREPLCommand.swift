// The `attn-repl` command line: subcommands of SPEC §2, and the interactive default.
import ArgumentParser
import Engine

@main
struct AttnREPLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attn-repl",
        abstract: "Learn attention, from the RNN step to the Transformer, by computing every formula exactly.",
        discussion: """
            With no subcommand, reads formulas and `:` commands: a full-screen session on a terminal \
            (--plain: a line REPL with history and completion instead), or one statement per line \
            from standard input when it is not a terminal (echo 'softmax([1, 2, 3])' | attn-repl).
            """,
        version: AttnREPLVersion.current,
        subcommands: [EvalCommand.self, RunCommand.self, LessonCommand.self, ReplayCommand.self, ExportCommand.self, StepTimingCommand.self]
    )

    @Flag(name: .long, help: "Use the line REPL (readline: history, Tab completion) instead of the full screen.")
    var plain = false

    @OptionGroup var numbers: NumberOptions
    @OptionGroup var lessonOptions: LessonOptions

    mutating func run() throws {
        Signals.installInterruptHandler()
        let state = ReplState(digits: numbers.digits, float: numbers.float, language: lessonOptions.lang,
                              library: lessonOptions.library())
        if !plain, StandardInput.isTerminal, ScreenLauncher.run(state: state, openLesson: false) { return }
        // Only a session someone types into is journaled; piped input is kept in memory for :export.
        state.beginTranscript(journal: StandardInput.isTerminal)
        let status = LineREPL.run(state: state)
        if status != 0 { throw ExitCode(status) }
    }
}

enum AttnREPLVersion {
    static let current = "0.1.0"
}
