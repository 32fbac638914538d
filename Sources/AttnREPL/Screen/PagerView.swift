// Output too long for its pane (`:vars`, `:sessions`, `:help NAME`, a big :why) shown over
// the whole screen, scrollable; any key other than the scrolling ones closes it.

enum PagerView {
    /// Lines visible at once on a terminal with `rows` rows (a title line and a key line).
    static func pageHeight(rows: Int) -> Int { max(1, rows - 2) }

    /// The first line shown, kept inside the text.
    static func clamp(_ top: Int, lines: Int, rows: Int) -> Int {
        max(0, min(top, lines - pageHeight(rows: rows)))
    }

    static func draw(_ t: TerminalSurface, lines: [String], top: Int, error: Bool, zh: Bool) {
        let height = pageHeight(rows: t.rows)
        let first = clamp(top, lines: lines.count, rows: t.rows)
        for row in 0..<t.rows { t.put(String(repeating: " ", count: t.cols), row: row, col: 0, style: .tone(.normal)) }
        let range = "\(first + 1)–\(min(lines.count, first + height)) / \(lines.count)"
        let title = zh ? " 输出 \(range)" : " Output, lines \(range)"
        t.put(Clip.text(title, width: t.cols), row: 0, col: 0, style: .tone(.title, bold: true))
        for (i, line) in lines.dropFirst(first).prefix(height).enumerated() {
            t.put(Clip.text(" " + line, width: t.cols), row: 1 + i, col: 0, style: error ? .tone(.error) : .plain)
        }
        let keys = zh ? " ↑↓ PgUp PgDn 滚动 · 其他任意键关闭" : " ↑↓ PgUp PgDn Home End scroll · any other key closes"
        t.put(Clip.text(keys, width: t.cols), row: t.rows - 1, col: 0, style: .tone(.muted))
    }
}
