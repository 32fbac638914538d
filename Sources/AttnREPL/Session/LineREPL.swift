// The line REPL and the input it meets: readline on a terminal (history, completion,
// continuation prompts, Ctrl-C cancels a line), plain prompts on a terminal that cannot be
// edited on (TERM=dumb, as in an editor's shell buffer), and neither prompts nor escape
// codes when standard input or output is not a terminal (`echo 'softmax([1,2,3])' | attn-repl`).
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

enum LineREPL {
    /// Runs the session and returns the exit status: a pipe fails (1) if any statement
    /// failed, as a script would; an interactive session the learner leaves ends with 0.
    static func run(state: ReplState) -> Int32 {
        let session = LineSession(state: state)
        switch TerminalKind.current {
        case .none:
            return session.run(input: StandardInput.lines()) ? 0 : 1
        case .dumb:
            StandardOutput.write([greeting(state)])
            _ = session.run(input: StandardInput.lines()) { continuing in
                StandardOutput.prompt(continuing ? TerminalLineReader.continuationPrompt : TerminalLineReader.prompt)
            }
            if !session.quitRequested { StandardOutput.write([""]) }   // end the prompt line Ctrl-D left open
            return 0
        case .capable:
            Readline.useUTF8CharacterType()
            InteractiveSignals.install()
            InteractiveSignals.watchResizes()
            let reader = TerminalLineReader(historyFile: StatePaths.history)
            StandardOutput.write([greeting(state)])
            session.run(reader: reader)
            reader.close()
            return 0
        }
    }

    private static func greeting(_ state: ReplState) -> String {
        state.strings.greeting(version: AttnREPLVersion.current)
    }
}
