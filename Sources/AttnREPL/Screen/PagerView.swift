// Output too long for its pane (`:vars`, `:sessions`, `:help NAME`, a big :why) and the help,
// shown over the whole screen (everything beneath cleared), scrollable; any key other than
// the scrolling ones closes it.
import Engine

enum PagerView {
    /// Lines visible at once on a terminal with `rows` rows (a title line and a key line).
    static func pageHeight(rows: Int) -> Int { max(1, rows - 2) }

    /// The first line shown, kept inside the text.
    static func clamp(_ top: Int, lines: Int, rows: Int) -> Int {
        max(0, min(top, lines - pageHeight(rows: rows)))
    }

    static func draw(_ t: TerminalSurface, lines: [String], top: Int, error: Bool, title: (String) -> String, keys: String) {
        let height = pageHeight(rows: t.rows)
        let first = clamp(top, lines: lines.count, rows: t.rows)
        for row in 0..<t.rows { t.put(String(repeating: " ", count: t.cols), row: row, col: 0, style: .tone(.normal)) }
        let range = "\(first + 1)–\(min(lines.count, first + height)) / \(lines.count)"
        t.put(String(repeating: " ", count: t.cols), row: 0, col: 0, style: .tone(.title, bold: true))
        t.put(Clip.prefix(title(range), width: t.cols), row: 0, col: 0, style: .tone(.title, bold: true))
        for (i, line) in lines.dropFirst(first).prefix(height).enumerated() {
            t.put(" " + line, row: 1 + i, col: 0, style: error ? .tone(.error) : .plain)
        }
        t.put(Clip.prefix(keys, width: t.cols), row: t.rows - 1, col: 0, style: .tone(.muted))
    }

    /// Text wrapped to the pager's width (lines are then never cut).
    static func wrap(_ lines: [String], width: Int) -> [String] {
        lines.flatMap { line -> [String] in
            let indent = String(line.prefix { $0 == " " })
            let body = String(line.dropFirst(indent.count))
            if body.isEmpty { return [""] }
            return TextWrap.wrap(body, width: max(10, width - 2 - indent.count)).map { indent + $0 }
        }
    }
}
