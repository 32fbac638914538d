// Wrapping prose to a width in terminal columns: at spaces for Latin text, between any two
// characters for CJK text (which has no spaces and takes two columns a character). Plain text
// for the line REPL's lesson output, styled runs (Markdown's bold and code) for the screen.
import Engine

enum TextWrap {
    /// One line wrapped to `width` columns with its continuation lines indented by `indent`
    /// (a long `:why` or error message on a terminal); a line that fits is returned as it is.
    static func hanging(_ line: String, width: Int, indent: Int = 4) -> [String] {
        guard DisplayWidth.of(line) > width, width > indent + 8 else { return [line] }
        let pieces = wrap(line, width: width - indent)
        return pieces.enumerated().map { $0.offset == 0 ? $0.element : String(repeating: " ", count: indent) + $0.element }
    }

    /// Paragraphs (separated by blank lines) re-flowed and wrapped to `width` columns; blank
    /// lines kept. Lines that start a list item, a quote, a table row or a code fence, and
    /// the lines inside a fence, keep their own line.
    static func lines(_ text: String, width: Int) -> [String] {
        let width = max(width, 8)
        var out: [String] = []
        for line in logicalLines(text) {
            if line.isEmpty { out.append(""); continue }
            if line.hasPrefix("```") || line.hasPrefix("    ") { out.append(line); continue }
            out.append(contentsOf: wrap(line, width: width))
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
    /// Characters a line must not end with (opening punctuation, CJK).
    private static let noLineEnd: Set<Character> = Set("（「『《〈【“‘")

    /// One line of plain text wrapped to `width` columns.
    static func wrap(_ line: String, width: Int) -> [String] {
        wrap([Segment(text: line, style: .plain)], width: width).map { $0.map(\.text).joined() }
    }

    /// Styled runs wrapped to `width` columns, each line a list of runs: breaks at spaces and
    /// between wide characters, never before closing punctuation; a word longer than the line
    /// is cut (nothing is ever dropped).
    static func wrap(_ runs: [Segment], width: Int) -> [[Segment]] {
        let width = max(width, 1)
        // Tokens: runs of non-space Latin text, single wide characters, and single spaces.
        var tokens: [Segment] = []
        for run in runs {
            var word = ""
            var unbrokenUntil: String.Index? = nil
            for index in run.text.indices {
                let ch = run.text[index]
                if ch == "[", unbrokenUntil == nil { unbrokenUntil = shortBracketEnd(run.text, from: index) }
                if let end = unbrokenUntil, index <= end {
                    word.append(ch)
                    if index == end { unbrokenUntil = nil }
                    continue
                }
                if ch == " " || isWide(ch) {
                    if !word.isEmpty { tokens.append(Segment(text: word, style: run.style)); word = "" }
                    tokens.append(Segment(text: String(ch), style: run.style))
                } else {
                    word.append(ch)
                }
            }
            if !word.isEmpty { tokens.append(Segment(text: word, style: run.style)) }
        }
        var result: [[Segment]] = []
        var current: [Segment] = [], currentWidth = 0
        func flush() {
            while current.last?.text == " " { current.removeLast() }
            result.append(merged(current))
            current = []
            currentWidth = 0
        }
        for token in tokens {
            if token.text == " " && current.isEmpty && !result.isEmpty { continue }   // no line starts with a space
            let w = DisplayWidth.of(token.text)
            if currentWidth + w > width && !current.isEmpty {
                // Closing punctuation takes the character or word before it to the next line
                // (`d_model。` in Chinese prose), when the two fit there; when that is closing
                // punctuation too (`输入）；`), the one before it as well.
                // Opening punctuation goes with what it opens (`（FILE!`, not `（` alone at the end).
                var carried: [Segment] = []
                if let first = token.text.first, noLineStart.contains(first) {
                    var carriedWidth = w
                    while current.count > 1, let previous = current.last, previous.text != " ",
                          carriedWidth + DisplayWidth.of(previous.text) <= width {
                        carried.insert(current.removeLast(), at: 0)
                        carriedWidth += DisplayWidth.of(previous.text)
                        guard let c = previous.text.first, noLineStart.contains(c) else { break }
                    }
                } else if token.text != " ", current.count > 1, let previous = current.last, previous.text.count == 1,
                          let opening = previous.text.first, noLineEnd.contains(opening), DisplayWidth.of(previous.text) + w <= width {
                    carried.append(current.removeLast())
                }
                flush()
                if token.text == " " { continue }
                current = carried
                currentWidth = carried.reduce(0) { $0 + DisplayWidth.of($1.text) }
            }
            if w > width {
                // A single word longer than the line: cut it.
                var piece = ""
                for ch in token.text {
                    let cw = DisplayWidth.of(String(ch))
                    if currentWidth + cw > width {
                        current.append(Segment(text: piece, style: token.style))
                        flush()
                        piece = ""
                    }
                    piece.append(ch)
                    currentWidth += cw
                }
                current.append(Segment(text: piece, style: token.style))
                continue
            }
            current.append(token)
            currentWidth += w
        }
        if !current.isEmpty { flush() }
        return result.isEmpty ? [[]] : result
    }

    /// The index of the `]` that closes a short bracket at `start` (`[i, j]`, `[2, 0, 1]`),
    /// whose spaces do not break a line; nil for a long one, which may break as usual.
    private static func shortBracketEnd(_ text: String, from start: String.Index) -> String.Index? {
        var index = text.index(after: start), length = 1
        while index < text.endIndex, length < 12 {
            let ch = text[index]
            if ch == "]" { return index }
            if ch == "[" || isWide(ch) { return nil }
            index = text.index(after: index)
            length += 1
        }
        return nil
    }

    /// Neighbouring runs of one style joined.
    private static func merged(_ runs: [Segment]) -> [Segment] {
        var out: [Segment] = []
        for r in runs where !r.text.isEmpty {
            if let last = out.last, last.style == r.style { out[out.count - 1].text += r.text } else { out.append(r) }
        }
        return out
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
