// Error messages as shown to a person: `error: …` with the line and a caret under the place.

public enum DiagnosticText {
    /// `error: unexpected ')' (column 14)` then the source line and `^` under the range,
    /// in `language`; a setting the message suggests is named by `naming`.
    public static func lines(_ d: Diagnostic, source: SourceText, language: Language = .en, naming: SettingNames = .flags) -> [String] {
        guard let range = d.range, !source.scalars.isEmpty else { return [Message("error: \(d.text)").text(in: language, naming: naming)] }
        let scalars = source.scalars
        let start = max(0, min(range.start, scalars.count))
        let end = max(start + 1, min(range.end, scalars.count))
        var lineStart = start
        while lineStart > 0 && scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = start
        while lineEnd < scalars.count && scalars[lineEnd] != "\n" { lineEnd += 1 }
        let lineNumber = scalars[0..<lineStart].filter { $0 == "\n" }.count + 1
        let multiLine = scalars.contains("\n")
        let column = start - lineStart + 1
        let place: Message = multiLine ? "line \(lineNumber), column \(column)" : "column \(column)"
        // Long lines are shown as a window around the place.
        let windowStart = max(lineStart, start - 60), windowEnd = min(lineEnd, max(end, start + 1) + 60)
        let visible = String(String.UnicodeScalarView(scalars[windowStart..<windowEnd].map(Sanitize.visible)))
        let before = String(String.UnicodeScalarView(scalars[windowStart..<start].map(Sanitize.visible)))
        let marked = String(String.UnicodeScalarView(scalars[start..<min(end, windowEnd)].map(Sanitize.visible)))
        let lead = windowStart > lineStart ? "…" : ""
        let caret = String(repeating: " ", count: DisplayWidth.of(lead + before))
            + "^" + String(repeating: "~", count: max(0, DisplayWidth.of(marked) - 1))
        return [Message("error: \(d.text) (\(place))").text(in: language, naming: naming), "  " + lead + visible + (windowEnd < lineEnd ? "…" : ""), "  " + caret]
    }
}

/// Text from outside (files, pasted input) drawn on one line: control characters made
/// visible as ControlCharacters shows them, line ends included, and a tab as a space.
public enum Sanitize {
    public static func visible(_ u: Unicode.Scalar) -> Unicode.Scalar {
        u == "\t" ? " " : ControlCharacters.visible(u, keepingLineBreaks: false)
    }

    public static func text(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map(visible)))
    }
}
