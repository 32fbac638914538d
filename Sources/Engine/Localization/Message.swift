// A message written once in English, at the place that reports it, and shown in any Language.
// `Diagnostic("cannot multiply \(a.shape) by \(b.shape)")` keeps the literal text as a
// template (`cannot multiply %@ by %@`) and the interpolated values as arguments; a language's
// table maps the template to its own wording (`无法把 %1 乘以 %2`). A template without a
// translation is shown in English, so new messages work before anyone translates them.

public struct Message: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// Two messages are equal when they read the same (in English).
    public static func == (a: Message, b: Message) -> Bool { a.english == b.english }

    enum Part: Sendable, Equatable {
        case literal(String)
        /// A value shown as it is in every language: a name, a number, typed text.
        case value(String)
        /// A shape, which has words in it (`3-vector`).
        case shape(Shape)
        /// A message inside a message (`in f: …`), translated on its own.
        case message(Message)
        /// A node of a gradient graph: a built-in's step is translated (`attention: weights = …`).
        case graphNode(String)
        /// A setting the message suggests changing, named as the reader can change it
        /// (`--float` or `:float on`, see SettingNames): the same in every language.
        case setting(SuggestedSetting)
    }

    var parts: [Part]

    /// Text that is not translated (a message from outside the Engine, or already composed).
    public init(verbatim text: String) { parts = [.value(text)] }

    public init(stringLiteral value: String) { parts = [.literal(value)] }

    public init(stringInterpolation: Interpolation) { parts = stringInterpolation.parts }

    public struct Interpolation: StringInterpolationProtocol {
        var parts: [Part] = []
        public init(literalCapacity: Int, interpolationCount: Int) {}
        public mutating func appendLiteral(_ literal: String) {
            if !literal.isEmpty { parts.append(.literal(literal)) }
        }
        public mutating func appendInterpolation(_ shape: Shape) { parts.append(.shape(shape)) }
        public mutating func appendInterpolation(_ message: Message) { parts.append(.message(message)) }
        public mutating func appendInterpolation(graphNode label: String) { parts.append(.graphNode(label)) }
        public mutating func appendInterpolation(setting: SuggestedSetting) { parts.append(.setting(setting)) }
        public mutating func appendInterpolation<T>(_ value: T) { parts.append(.value(String(describing: value))) }
    }

    /// The English template: the literal text with `%@` where each argument goes. The key of
    /// the translation tables.
    public var key: String {
        parts.map { if case let .literal(s) = $0 { return s } else { return "%@" } }.joined()
    }

    /// The arguments in order, each rendered in `language`.
    private func arguments(in language: Language, adding extra: [String: String], naming: SettingNames) -> [String] {
        parts.compactMap { part in
            switch part {
            case .literal: return nil
            case let .value(s): return s
            case let .shape(s): return MessageTranslations.shape(s, in: language)
            case let .message(m): return m.text(in: language, adding: extra, naming: naming)
            case let .graphNode(label): return MessageTranslations.graphLabel(label, in: language)
            case let .setting(s): return naming.name(s)
            }
        }
    }

    /// The message in `language`, in English where the language has no wording for it;
    /// a suggested setting is named by `naming` (a flag unless a session shows it).
    public func text(in language: Language, naming: SettingNames = .flags) -> String {
        text(in: language, adding: [:], naming: naming)
    }

    /// The message in `language`, looked up first in `extra` (the program's own messages,
    /// keyed the same way), then in the Engine's table, in English where neither has it.
    public func text(in language: Language, adding extra: [String: String], naming: SettingNames = .flags) -> String {
        if language != .en, let template = extra[key] ?? MessageTranslations.table(for: language)[key] {
            return MessageTranslations.fill(template, with: arguments(in: language, adding: extra, naming: naming))
        }
        return parts.map { part in
            switch part {
            case let .literal(s), let .value(s), let .graphNode(s): return s
            case let .shape(s): return s.description
            case let .message(m): return m.text(in: language, adding: extra, naming: naming)
            case let .setting(s): return naming.name(s)
            }
        }.joined()
    }

    public var english: String { text(in: .en) }
    public var description: String { english }

    /// Whether the English text contains `s` (for messages that must not repeat a prefix).
    public func contains(_ s: String) -> Bool { english.contains(s) }

}
