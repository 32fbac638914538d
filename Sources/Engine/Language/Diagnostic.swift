// Errors the Engine reports: a message and, where known, the source range it is about.

public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var range: SourceRange?

    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }

    public var description: String { message }
}

/// The outcome of parsing a piece of input.
public enum ParseResult: Sendable, Equatable {
    /// The input is a whole program.
    case complete([Statement])
    /// The input ended inside an open bracket, parenthesis or brace, or after a binary operator:
    /// a REPL should ask for a continuation line.
    case incomplete
    /// The input cannot be parsed.
    case failure(Diagnostic)
}
