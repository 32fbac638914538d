// Wrapping prose to a width in terminal columns: at spaces for Latin text, between any two
// characters for CJK text (which has no spaces and takes two columns a character).

public enum TextWrap {
    /// Paragraphs (separated by blank lines) re-flowed and wrapped to `width` columns; blank
    /// lines kept. Lines that start a list item, a quote, a table row or a code fence, and
    /// the lines inside a fence, keep their own line.
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(width, 8)
        var out: [String] = []
        for line in logicalLines(text) {
            if line.isEmpty { out.append(""); continue }
            if line.hasPrefix("```") || line.hasPrefix("    ") { out.append(line); continue }
            out.append(contentsOf: wrap(line, width))
        }
        return out
    }

    /// Source lines joined into one line per paragraph (or per list item, row, fence line).
    static func logicalLines(_ text: String) -> [String] {
        var result: [String] = []
        var inFence = false
        var joinable = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).trimmingTrailingSpaces
            if line.hasPrefix("```") { inFence.toggle(); result.append(line); joinable = false; continue }
            if inFence { result.append(line); continue }
            if line.allSatisfy(\.isWhitespace) { result.append(""); joinable = false; continue }
            if joinable && !startsBlock(line), let last = result.popLast() {
                let trimmed = String(line.drop { $0 == " " })
                result.append(last + (isWide(last.last) && isWide(trimmed.first) ? "" : " ") + trimmed)
            } else {
                result.append(line)
            }
            joinable = !line.hasPrefix("|") && !line.hasPrefix("    ")
        }
        return result
    }

    private static func startsBlock(_ line: String) -> Bool {
        let body = line.drop { $0 == " " }
        if body.hasPrefix("- ") || body.hasPrefix("* ") || body.hasPrefix("> ") || body.hasPrefix("|") || line.hasPrefix("    ") { return true }
        let digits = body.prefix { $0.isNumber }
        return !digits.isEmpty && body.dropFirst(digits.count).hasPrefix(". ")
    }

    private static func isWide(_ ch: Character?) -> Bool {
        ch?.unicodeScalars.first.map { DisplayWidth.of($0) == 2 } ?? false
    }

    /// Characters a line must not start with (closing punctuation, CJK and Latin).
    private static let noLineStart: Set<Character> = Set("。，、；：！？）」』》〉】”’…·,.;:!?)]}%")

    private static func wrap(_ line: String, _ width: Int) -> [String] {
        var result: [String] = []
        var current: [String] = [], currentWidth = 0
        // Tokens: runs of non-space Latin text, single wide characters, and single spaces.
        var tokens: [String] = []
        var word = ""
        for ch in line {
            if ch == " " || isWide(ch) {
                if !word.isEmpty { tokens.append(word); word = "" }
                tokens.append(String(ch))
            } else {
                word.append(ch)
            }
        }
        if !word.isEmpty { tokens.append(word) }
        func flush() {
            result.append(current.joined().trimmingTrailingSpaces)
            current = []
            currentWidth = 0
        }
        for token in tokens {
            let w = DisplayWidth.of(token)
            if currentWidth + w > width && !current.isEmpty {
                // Closing punctuation takes the character before it to the next line.
                var carried: [String] = []
                if let first = token.first, noLineStart.contains(first), current.count > 1, isWide(current.last?.first) {
                    carried.append(current.removeLast())
                }
                flush()
                if token == " " { continue }
                current = carried
                currentWidth = carried.reduce(0) { $0 + DisplayWidth.of($1) }
            }
            if w > width {
                // A single word longer than the line: cut it.
                var piece = ""
                for ch in token {
                    let cw = DisplayWidth.of(String(ch))
                    if currentWidth + cw > width { current.append(piece); flush(); piece = "" }
                    piece.append(ch)
                    currentWidth += cw
                }
                current.append(piece)
                continue
            }
            current.append(token)
            currentWidth += w
        }
        if !current.isEmpty { flush() }
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
