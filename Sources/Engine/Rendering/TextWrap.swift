// Wrapping prose to a width in terminal columns: at spaces for Latin text, between any two
// characters for CJK text (which has no spaces and takes two columns a character).

public enum TextWrap {
    /// Paragraphs (separated by blank lines) wrapped to `width` columns; blank lines kept.
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(width, 8)
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if paragraph.allSatisfy(\.isWhitespace) { out.append(""); continue }
            out.append(contentsOf: wrap(String(paragraph), width))
        }
        return out
    }

    private static func wrap(_ line: String, _ width: Int) -> [String] {
        var result: [String] = []
        var current = "", currentWidth = 0
        // Tokens: runs of non-space Latin text, single wide characters, and single spaces.
        var tokens: [String] = []
        var word = ""
        for ch in line {
            let wide = ch.unicodeScalars.first.map { DisplayWidth.of($0) == 2 } ?? false
            if ch == " " || wide {
                if !word.isEmpty { tokens.append(word); word = "" }
                tokens.append(String(ch))
            } else {
                word.append(ch)
            }
        }
        if !word.isEmpty { tokens.append(word) }
        for token in tokens {
            let w = DisplayWidth.of(token)
            if currentWidth + w > width && !current.isEmpty {
                result.append(current.trimmingTrailingSpaces)
                current = ""
                currentWidth = 0
                if token == " " { continue }
            }
            if w > width {
                // A single word longer than the line: cut it.
                var piece = ""
                for ch in token {
                    let cw = DisplayWidth.of(String(ch))
                    if currentWidth + cw > width { result.append(current + piece); current = ""; piece = ""; currentWidth = 0 }
                    piece.append(ch)
                    currentWidth += cw
                }
                current += piece
                continue
            }
            current += token
            currentWidth += w
        }
        if !current.isEmpty { result.append(current.trimmingTrailingSpaces) }
        return result.isEmpty ? [""] : result
    }
}

extension String {
    public var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
