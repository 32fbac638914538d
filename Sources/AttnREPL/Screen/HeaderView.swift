// The top line: the lesson's title on the left, step k/N (and the progress, where there is
// room for it) on the right.
import Engine

enum HeaderView {
    static func draw(_ t: TerminalSurface, _ r: Rect, title: String, right: String, extra: String = "") {
        let style = Style.tone(.title, bold: true)
        let titleWidth = DisplayWidth.of(title) + 1
        let both = right + extra
        let shown = titleWidth + DisplayWidth.of(both) + 3 <= r.width ? both : right
        let rightWidth = DisplayWidth.of(shown)
        t.put(String(repeating: " ", count: r.width), row: r.top, col: 0, style: style)
        t.put(" " + Clip.text(title, width: max(0, r.width - rightWidth - 4)), row: r.top, col: 0, style: style)
        t.put(shown, row: r.top, col: max(0, r.width - rightWidth - 1), style: style)
    }
}
