// Usage errors (exit 64) in the --lang language. ArgumentParser words them in English
// (`Error: …`, `Usage: …`, `See '… --help' for more information.`); under another language
// the frame is translated, and so is the message when it is one of the program's own (thrown
// through `error`), and so are ArgumentParser's common ones (a missing or unknown argument, an
// invalid value), matched by their English pattern. The option's help ArgumentParser
// repeats after `Help:` (English) is left out; `--help` itself is TranslatedHelp's.
import ArgumentParser
import Engine

enum UsageText {
    /// The program's own usage messages, by their English text.
    nonisolated(unsafe) private static var messages: [String: Message] = [:]

    /// A usage error whose message can be shown in any language.
    static func error(_ message: Message) -> ValidationError {
        messages[message.english] = message
        return ValidationError(message.english)
    }

    /// ArgumentParser's messages (version 1.8), `%@` where it quotes a value.
    static let argumentParserMessages: [Message] = [
        "Missing expected argument '\("")'", "Unknown option '\("")'", "Unexpected argument '\("")'",
        "Missing value for '\("")'", "The value '\("")' is invalid for '\("")'. Please provide one of \("").",
        "The value '\("")' is invalid for '\("")'",
    ]

    /// `text` as one of ArgumentParser's messages with its quoted values filled in, if it is
    /// one (for a language other than English: a list of values `'a', 'b' or 'c'` becomes `'a'、'b'、'c'`).
    static func argumentParserMessage(_ text: String) -> Message? {
        for pattern in argumentParserMessages {
            let pieces = pattern.key.components(separatedBy: "%@")
            guard text.hasPrefix(pieces[0]), text.hasSuffix(pieces[pieces.count - 1]) else { continue }
            var rest = Substring(text.dropFirst(pieces[0].count).dropLast(pieces[pieces.count - 1].count))
            var values: [String] = []
            for piece in pieces.dropFirst().dropLast() {
                guard let r = rest.firstRange(of: piece) else { break }
                values.append(String(rest[..<r.lowerBound]))
                rest = rest[r.upperBound...]
            }
            values.append(String(rest))
            guard values.count == pieces.count - 1 else { continue }
            values = values.map { $0.split(separator: ", ").flatMap { $0.split(separator: " or ") }.flatMap { $0.split(separator: " and ") }.joined(separator: "、") }
            var message = Message.Interpolation(literalCapacity: 0, interpolationCount: values.count)
            for (k, piece) in pieces.enumerated() {
                message.appendLiteral(piece)
                if k < values.count { message.appendInterpolation(values[k]) }
            }
            return Message(stringInterpolation: message)
        }
        return nil
    }

    /// The language `--lang` asks for, read from the raw arguments: a usage error can come
    /// before the options are parsed.
    static func language(in arguments: [String]) -> Language {
        for (k, word) in arguments.enumerated() {
            let value = word.hasPrefix("--lang=") ? String(word.dropFirst(7)) : word == "--lang" && k + 1 < arguments.count ? arguments[k + 1] : nil
            if let value, let language = Language(rawValue: value) { return language }
        }
        return .en
    }

    /// ArgumentParser's full message for a usage error, in `language`.
    static func translated(_ text: String, in language: Language) -> String {
        guard language != .en else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("Help:  ") }.map { line in
            if line.hasPrefix("Error: ") {
                let english = String(line.dropFirst(7))
                let message = messages[english] ?? argumentParserMessage(english)
                return language.strings.errorPrefix + (message.map(language.text) ?? english)
            }
            if line.hasPrefix("Usage: ") { return language.text("Usage: \(Message(verbatim: String(line.dropFirst(7))))") }
            if line.hasPrefix("  See '"), line.hasSuffix("' for more information."), let end = line.lastIndex(of: "'") {
                let command = line[line.index(line.startIndex, offsetBy: 7)..<end]
                return language.text("  See '\(Message(verbatim: String(command)))' for more information.")
            }
            return String(line)
        }.joined(separator: "\n")
    }
}
