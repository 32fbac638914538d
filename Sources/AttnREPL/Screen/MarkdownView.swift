// A step's prose as the screen shows it: Markdown rendered with attributes — headings bold,
// **bold** bold, `code` in the accent colour, list items with a bullet and a hanging indent,
// quotes with a bar, fenced and indented code as a block kept line for line — and wrapped to
// the width. The raw `**`, `##` and backticks never show.
import Engine

enum MarkdownView {
    /// The prose as styled lines; each paragraph (block) is numbered from `firstBlock` so a
    /// reader's place can be found again after the text re-flows.
    static func lines(_ text: String, width: Int, firstBlock: Int = 0) -> [DocumentLine] {
        let width = max(width, 10)
        var out: [DocumentLine] = []
        var block = firstBlock
        var inFence = false
        func add(_ segments: [Segment], indent: Int = 0) {
            out.append(DocumentLine(segments: indent > 0 ? [Segment(text: String(repeating: " ", count: indent), style: .plain)] + segments : segments,
                                    anchor: block))
        }
        func blank() {
            if let last = out.last, !last.segments.isEmpty { out.append(DocumentLine(segments: [], anchor: block)) }
        }
        for line in TextWrap.logicalLines(text) {
            if line.hasPrefix("```") {
                inFence.toggle()
                if inFence { blank(); block += 1 } else { blank() }
                continue
            }
            if inFence || line.hasPrefix("    ") {
                // Code: kept as written, broken (not cut) where longer than the line.
                let code = inFence ? line : String(line.dropFirst(4))
                for piece in TextWrap.wrap([Segment(text: code.isEmpty ? " " : code, style: .tone(.accent))], width: width - 2) {
                    add(piece, indent: 2)
                }
                continue
            }
            if line.isEmpty { blank(); continue }
            block += 1
            let body = String(line.drop { $0 == " " })
            if body.hasPrefix("#") {
                let title = String(body.drop { $0 == "#" }.drop { $0 == " " })
                blank()
                for piece in TextWrap.wrap(inline(title, base: .tone(.current, bold: true)), width: width) { add(piece) }
                continue
            }
            if let (marker, rest) = listItem(body) {
                let hanging = DisplayWidth.of(marker)
                let pieces = TextWrap.wrap(inline(rest), width: width - hanging)
                for (k, piece) in pieces.enumerated() {
                    add((k == 0 ? [Segment(text: marker, style: .tone(.accent, bold: true))] : [Segment(text: String(repeating: " ", count: hanging), style: .plain)]) + piece)
                }
                continue
            }
            if body.hasPrefix(">") {
                let quoted = String(body.dropFirst().drop { $0 == " " })
                for piece in TextWrap.wrap(inline(quoted), width: width - 2) {
                    add([Segment(text: "│ ", style: .tone(.muted))] + piece)
                }
                continue
            }
            for piece in TextWrap.wrap(inline(body), width: width) { add(piece) }
        }
        while let last = out.last, last.segments.isEmpty { out.removeLast() }
        return out
    }

    /// `- x`, `* x` → `• x`; `3. x` stays numbered.
    private static func listItem(_ body: String) -> (String, String)? {
        if body.hasPrefix("- ") || body.hasPrefix("* ") { return ("• ", String(body.dropFirst(2))) }
        let digits = body.prefix { $0.isNumber }
        if !digits.isEmpty, body.dropFirst(digits.count).hasPrefix(". ") {
            return ("\(digits). ", String(body.dropFirst(digits.count + 2)))
        }
        return nil
    }

    /// Inline Markdown: `code` and **bold** (nested in either order is not needed by lessons);
    /// an unmatched marker is kept as text.
    static func inline(_ text: String, base: Style = .plain) -> [Segment] {
        var out: [Segment] = []
        var plain = ""
        var bold = false
        let chars = Array(text)
        var i = 0
        func emit(_ s: String, _ style: Style) {
            guard !s.isEmpty else { return }
            out.append(Segment(text: s, style: style))
        }
        var style: Style { bold ? Style(tone: base.tone == .normal ? .normal : base.tone, bold: true) : base }
        while i < chars.count {
            let c = chars[i]
            if c == "`", let close = chars[(i + 1)...].firstIndex(of: "`") {
                emit(plain, style); plain = ""
                emit(String(chars[(i + 1)..<close]), Style(tone: .accent, bold: bold || base.bold))
                i = close + 1
                continue
            }
            if c == "*", i + 1 < chars.count, chars[i + 1] == "*",
               bold || hasClosingBold(chars, from: i + 2) {
                emit(plain, style); plain = ""
                bold.toggle()
                i += 2
                continue
            }
            plain.append(c)
            i += 1
        }
        emit(plain, style)
        return out
    }

    private static func hasClosingBold(_ chars: [Character], from start: Int) -> Bool {
        var j = start
        while j + 1 < chars.count {
            if chars[j] == "*" && chars[j + 1] == "*" { return j > start }
            j += 1
        }
        return false
    }
}
