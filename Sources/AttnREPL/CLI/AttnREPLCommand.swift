// The `attn-repl` command line: subcommands of SPEC §2, and the interactive default.
import ArgumentParser
import Engine

@main
struct AttnREPLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attn-repl",
        abstract: "Learn attention, from the RNN step to the Transformer, by computing every formula exactly.",
        discussion: """
            With no subcommand, reads formulas and `:` commands: a full-screen session on a terminal, \
            or one statement per line from standard input when it is not a terminal \
            (echo 'softmax([1, 2, 3])' | attn-repl).
            """,
        version: AttnREPLVersion.current,
        subcommands: [EvalCommand.self, RunCommand.self, LessonCommand.self, StepTimingCommand.self]
    )

    @Flag(name: .long, help: "Use the line REPL even on a terminal.")
    var plain = false

    @OptionGroup var numbers: NumberOptions
    @OptionGroup var lessonOptions: LessonOptions

    mutating func run() throws {
        Signals.installInterruptHandler()
        let state = ReplState(digits: numbers.digits, float: numbers.float, language: lessonOptions.lang.rawValue,
                              library: lessonOptions.library())
        if !plain, StandardInput.isTerminal, ScreenLauncher.run(state: state, openLesson: false) { return }
        let session = LineSession(state: state)
        let ok = session.run(input: StandardInput.lines())
        if !ok { throw ExitCode(1) }
    }
}

enum AttnREPLVersion {
    static let current = "0.1.0"
}
