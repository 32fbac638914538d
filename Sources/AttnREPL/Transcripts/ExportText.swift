// Text from a transcript (lesson prose, explanations, typed input) as a text export embeds
// it: every control character made visible, except the line breaks that shape it.
import Engine

enum ExportText {
    static func clean(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitize.text(String($0)) }.joined(separator: "\n")
    }

    /// What a replayed `:` command leaves to note: the precision after `:digits` or `:float`
    /// (" — now 6 digits, exact"); nothing after `:reveal`, `:clear`, `:leave`, `:trace`, which
    /// change no setting that this note names.
    static func settingsNote(_ e: TranscriptEvent, _ strings: any Strings) -> String {
        guard let settings = e.settings, let input = e.input, input.hasPrefix(":") else { return "" }
        let word = String(input.dropFirst().prefix { !$0.isWhitespace })
        guard case let .found(command) = CommandTable.find(word), ["digits", "float"].contains(command.name) else { return "" }
        return strings.exportNow(digits: settings.digits, float: settings.float)
    }
}
