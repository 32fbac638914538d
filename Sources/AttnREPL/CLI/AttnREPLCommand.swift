// The `attn-repl` command line: subcommands of SPEC §2, and the interactive default.
import ArgumentParser
import Engine
#if canImport(Glibc)
import Glibc
#endif

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
        subcommands: [EvalCommand.self, RunCommand.self, LessonCommand.self, ReplayCommand.self, ExportCommand.self, StepTimingCommand.self, GraphSizeCommand.self]
    )

    @Flag(name: .long, help: "Use the line REPL (readline: history, Tab completion) instead of the full screen.")
    var plain = false

    @OptionGroup var numbers: NumberOptions
    @OptionGroup var lessonOptions: LessonOptions

    /// ArgumentParser's entry point, with every exit going through `StandardOutput.exit`, so
    /// that output which could not be written makes the status 1 (SPEC §2).
    static func main() {
        // A closed pipe is a write error like any other (status 1), not a signal that kills the process.
        signal(SIGPIPE, SIG_IGN)
        // Past a file-size limit (ulimit -f) a write fails with EFBIG instead of killing us.
        signal(SIGXFSZ, SIG_IGN)
        // Until the options are parsed, the language --lang asks for as the arguments spell it.
        StandardOutput.language = UsageText.language(in: Array(CommandLine.arguments.dropFirst()))
        if let text = getenv("ATTN_MEMORY_LIMIT").map({ String(cString: $0) }) {
            guard let bytes = MemoryBudget.parse(text) else {
                StandardError.write([StandardOutput.language.text("error: ATTN_MEMORY_LIMIT=\(text) is not a size (bytes, or with K, M, G or T: 4G, 512M)")])
                StandardOutput.exit(64)
            }
            MemoryBudget.limit = MemoryBudget.capped(bytes)
        }
        do {
            var command = try parseAsRoot()
            if let speaker = command as? SpeaksALanguage { StandardOutput.language = speaker.language }
            try command.run()
            StandardOutput.exit(InteractiveSignals.exitStatus ?? 0)
        } catch {
            TerminalColumns.widenForHelp()
            let code = exitCode(for: error).rawValue
            if error is ExitCode { StandardOutput.exit(InteractiveSignals.exitStatus ?? code) }
            // Help, version and usage errors, worded as ArgumentParser words them (the frame and
            // the program's own usage messages in the --lang language), help in the --lang language.
            let english = fullMessage(for: error)
            let message = code == 64 ? UsageText.translated(english, in: StandardOutput.language)
                : TranslatedHelp.screen(replacing: english, root: AttnREPLCommand.self, in: StandardOutput.language) ?? english
            if !message.isEmpty {
                if code == 0 { StandardOutput.write([message]) } else { StandardError.write([message]) }
            }
            StandardOutput.exit(code)
        }
    }

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
