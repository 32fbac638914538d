// The line REPL's loop: statements and `:` commands in, results out. Results go to
// standard output, errors to standard error, and the session goes on after an error.
import Engine

final class LineSession {
    let state: ReplState
    private(set) var quitRequested = false
    private(set) var failures = 0

    init(state: ReplState) { self.state = state }

    /// Reads lines until the input ends or `:quit`; returns false if any statement failed.
    /// `prompt`, if given, is shown before each line (told whether brackets are still open).
    func run(input: AnySequence<String>, prompt: ((_ continuing: Bool) -> Void)? = nil) -> Bool {
        var assembler = InputAssembler()
        let lines = input.makeIterator()
        // Output that cannot be written ends the session: nobody sees the rest.
        while !quitRequested, StandardOutput.failure == nil {
            prompt?(assembler.isContinuing)
            guard let line = lines.next() else { break }
            for complete in assembler.add(line) where !quitRequested { handle(complete) }
        }
        if !quitRequested, StandardOutput.failure == nil, let rest = assembler.flush() { handle(rest) }
        return failures == 0
    }

    /// Reads complete inputs from readline until the learner leaves or types `:quit`.
    func run(reader: TerminalLineReader) {
        while !quitRequested, let text = reader.read(completing: state.completionCandidates, arguments: state.argumentCompletions) {
            handle(text) {
                // The terminal echoed the Ctrl-C that stopped the evaluation as `^C`:
                // start the report on a line of its own.
                if InteractiveSignals.takeInterrupts() > 0 { StandardOutput.write([""]) }
            }
        }
    }

    /// One complete input: a command, a statement in the open lesson, or statements.
    func handle(_ text: String, beforeShowing: () -> Void = {}) {
        let width = Readline.outputColumns
        let response = Responder(state: state, wording: .line(state.strings, width: width)).respond(to: text)
        beforeShowing()
        StandardOutput.write(fitted(response.lines, width))
        if !response.errors.isEmpty {
            failures += 1
            StandardError.write(fitted(response.errors, width))
        }
        quitRequested = response.quit
    }

    /// Lines wider than a terminal wrapped at spaces under themselves, instead of broken by
    /// the terminal inside a word or a number. Indented lines are tables, laid out to the
    /// width already, or a source line with the caret under it, which must stay aligned.
    private func fitted(_ lines: [String], _ width: Int?) -> [String] {
        guard let width else { return lines }
        return lines.flatMap { $0.hasPrefix("  ") ? [$0] : TextWrap.hanging($0, width: width) }
    }
}
