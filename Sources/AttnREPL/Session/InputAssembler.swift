// Joins lines into one complete input: while brackets are still open the next line
// continues the statement (the lua REPL's rule: ask for more only when the parse failed
// because the input ended). `:` commands are always one line.
import Engine

struct InputAssembler {
    private var pending = ""

    /// True while an earlier line left brackets open.
    var isContinuing: Bool { !pending.isEmpty }

    /// Adds a line; returns the complete input, or nil while more lines are needed.
    mutating func add(_ line: String) -> String? {
        pending += pending.isEmpty ? line : "\n" + line
        if !pending.hasPrefix(":"), case .incomplete = Parser.parse(pending) { return nil }
        defer { pending = "" }
        return pending
    }

    /// What is left when the input ends (or the learner gives up on it), if anything.
    mutating func flush() -> String? {
        defer { pending = "" }
        return pending.isEmpty ? nil : pending
    }
}
