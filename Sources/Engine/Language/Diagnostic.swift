// Errors the Engine reports: a message and, where known, the source range it is about.
// The message is a `Message`, written in English at the place that throws and shown in the
// learner's language by whoever prints it.

public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: Message
    public var range: SourceRange?

    public init(_ text: Message, at range: SourceRange? = nil) {
        self.text = text
        self.range = range
    }

    /// A message composed elsewhere, shown as it is in every language.
    @_disfavoredOverload
    public init(_ message: String, at range: SourceRange? = nil) {
        self.init(Message(verbatim: message), at: range)
    }

    /// The message in English.
    public var message: String { text.english }

    public func message(in language: Language, naming: SettingNames = .flags) -> String { text.text(in: language, naming: naming) }

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
