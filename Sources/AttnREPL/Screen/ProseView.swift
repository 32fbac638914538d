// The step's explanation, wrapped (Chinese at double width), clipped to the pane.
import Engine

enum ProseView {
    static func lines(_ text: String, width: Int) -> [String] {
        TextWrap.lines(text, width: max(10, width - 2)).reduce(into: [String]()) { out, line in
            if !(line.isEmpty && (out.last?.isEmpty ?? true)) { out.append(line) }   // no double blank lines
        }
    }

    static func draw(_ t: TerminalSurface, _ r: Rect, text: String) {
        var ls = lines(text, width: r.width)
        if ls.count > r.height {
            ls = Array(ls.prefix(r.height))
            ls[ls.count - 1] = Clip.text(ls[ls.count - 1] + " …", width: r.width - 2)
        }
        for (i, line) in ls.enumerated() { t.put(" " + line, row: r.top + i, col: 0, style: .plain) }
    }
}
