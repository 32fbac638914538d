// Text from a transcript (lesson prose, explanations, typed input) as a text export embeds
// it: every control character made visible, except the line breaks that shape it.
import Engine

enum ExportText {
    static func clean(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { Sanitize.text(String($0)) }.joined(separator: "\n")
    }
}
