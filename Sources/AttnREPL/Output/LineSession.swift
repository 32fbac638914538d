// The line REPL's loop: statements and `:` commands in, results out. Results go to
// standard output, errors to standard error, and the session goes on after an error.
import Engine

final class LineSession {
    let state: ReplState
    private(set) var quitRequested = false
    private(set) var failures = 0

    init(state: ReplState) { self.state = state }

    /// Reads lines until the input ends or `:quit`; returns false if any statement failed.
    func run(input: AnySequence<String>) -> Bool {
        var pending = ""
        for line in input {
            pending += pending.isEmpty ? line : "\n" + line
            if !pending.hasPrefix(":"), case .incomplete = Parser.parse(pending) { continue }
            handle(pending)
            pending = ""
            if quitRequested { break }
        }
        if !pending.isEmpty && !quitRequested { handle(pending) }
        return failures == 0
    }

    /// One complete input: a command, a statement in the open lesson, or statements.
    func handle(_ text: String) {
        let response = Responder(state: state).respond(to: text)
        StandardOutput.write(response.lines)
        if !response.errors.isEmpty {
            failures += 1
            StandardError.write(response.errors)
        }
        quitRequested = response.quit
    }
}
