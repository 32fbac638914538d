// The top line: lesson title on the left, step k/N and progress on the right.
import Engine

enum HeaderView {
    static func draw(_ t: TerminalSurface, _ r: Rect, title: String, right: String) {
        let style = Style.tone(.title, bold: true)
        let rightWidth = DisplayWidth.of(right)
        t.put(String(repeating: " ", count: r.width), row: r.top, col: 0, style: style)
        t.put(" " + Clip.text(title, width: max(0, r.width - rightWidth - 4)), row: r.top, col: 0, style: style)
        t.put(right, row: r.top, col: max(0, r.width - rightWidth - 1), style: style)
    }
}
