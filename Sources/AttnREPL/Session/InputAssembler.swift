// Joins lines into complete inputs: while brackets are still open the next line continues
// the statement (the lua REPL's rule: ask for more only when the parse failed because the
// input ended).
//
// Two rules keep this safe with any input:
// - Linear time. While brackets are open the input cannot be complete, so the lines are
//   only scanned for brackets, one line at a time; the whole statement is parsed again
//   only once its brackets are balanced (20 000 lines of `[` take milliseconds, not minutes).
// - A `:` command is one line and never the continuation of a statement: an unfinished
//   statement before it is handed on as it is (its parse error says what is missing),
//   then the command.
import Engine

struct InputAssembler {
    private var pending = ""
    private var brackets = BracketScan()

    /// True while an earlier line left a statement unfinished.
    var isContinuing: Bool { !pending.isEmpty }

    /// Adds a line; returns the inputs it completes, in order: none while more lines are
    /// needed, one usually, two when a command ends an unfinished statement.
    mutating func add(_ line: String) -> [String] {
        if line.trimmingSpaces.hasPrefix(":") {
            return (flush().map { [$0] } ?? []) + [line]
        }
        pending += pending.isEmpty ? line : "\n" + line
        brackets.scan(line)
        if brackets.isOpen { return [] }
        if case .incomplete = Parser.parse(pending) { return [] }
        return flush().map { [$0] } ?? []
    }

    /// What is left when the input ends (or the learner gives up on it), if anything.
    mutating func flush() -> String? {
        defer { pending = ""; brackets = BracketScan() }
        return pending.isEmpty ? nil : pending
    }
}

/// The brackets still open at the end of the lines scanned so far, as the lexer counts them:
/// `(`, `[`, `{` and `\{`, the braces of a subscript `_{…}` (which may span lines), and
/// nothing in a `#` comment. After a closing bracket that matches nothing the answer is left
/// to the parser (`isOpen` is false).
struct BracketScan {
    private var open: [Unicode.Scalar] = []
    /// Inside a subscript `_{…}` opened this many braces deep (0: not in one).
    private var subscriptDepth = 0
    private var mismatched = false

    var isOpen: Bool { !mismatched && (!open.isEmpty || subscriptDepth > 0) }

    mutating func scan(_ line: String) {
        let s = Array(line.unicodeScalars)
        var i = 0
        while i < s.count, !mismatched {
            let c = s[i]
            i += 1
            if subscriptDepth > 0 {
                if c == "{" { subscriptDepth += 1 } else if c == "}" { subscriptDepth -= 1 }
                continue
            }
            switch c {
            case "#": return
            case "_" where i < s.count && s[i] == "{":
                subscriptDepth = 1
                i += 1
            case "\\":
                guard i < s.count else { break }
                let next = s[i]
                i += 1
                if next == "{" { open.append("{") } else if next == "}" { if open.last == "{" { open.removeLast() } }
            case "(", "[", "{":
                open.append(c)
            case ")", "]", "}":
                let expected: Unicode.Scalar = c == ")" ? "(" : (c == "]" ? "[" : "{")
                if open.last == expected { open.removeLast() } else { mismatched = true }
            default:
                break
            }
        }
    }
}
