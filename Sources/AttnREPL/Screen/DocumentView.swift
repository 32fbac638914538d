// A window onto the step document: which lines show for a scroll position, the "more above ↑"
// and "more below ↓" marks (on lines of their own, so they never hide text), and finding the
// reader's place again after the document re-flows.
import Engine

enum DocumentView {
    struct Window: Equatable {
        var top: Int
        /// Document lines shown, from `top`.
        var rows: Int
        var above: Bool
        var below: Bool
    }

    /// The largest useful first line: the end of the document at the bottom of the window.
    static func maxTop(count: Int, height: Int) -> Int { count <= height ? 0 : max(0, count - (height - 1)) }

    static func window(count: Int, height: Int, top: Int) -> Window {
        guard count > height else { return Window(top: 0, rows: count, above: false, below: false) }
        let first = min(max(0, top), maxTop(count: count, height: height))
        let above = first > 0
        var rows = max(1, height - (above ? 1 : 0))
        let below = first + rows < count
        if below { rows = max(1, rows - 1) }
        return Window(top: first, rows: rows, above: above, below: below)
    }

    /// Lines a page key moves: a window less a line of overlap and the marks.
    static func page(height: Int) -> Int { max(1, height - 3) }

    /// The line where a place (block, line within it) is now; the top when it is gone.
    static func line(of place: ScreenState.Place?, in lines: [DocumentLine]) -> Int {
        guard let place, let first = lines.firstIndex(where: { $0.anchor == place.anchor }) else { return 0 }
        let length = lines[first...].prefix { $0.anchor == place.anchor }.count
        return first + min(place.offset, max(0, length - 1))
    }

    static func place(at line: Int, in lines: [DocumentLine]) -> ScreenState.Place? {
        guard line > 0, line < lines.count else { return nil }
        let anchor = lines[line].anchor
        var first = line
        while first > 0 && lines[first - 1].anchor == anchor { first -= 1 }
        return ScreenState.Place(anchor: anchor, offset: line - first)
    }

    static func draw(_ t: TerminalSurface, _ r: Rect, lines: [DocumentLine], top: Int, strings: ScreenStrings) {
        let w = window(count: lines.count, height: r.height, top: top)
        var y = r.top
        if w.above {
            mark(t, y, r.width, strings.moreAbove)
            y += 1
        }
        for line in lines[w.top..<min(lines.count, w.top + w.rows)] {
            var x = r.left
            for seg in line.segments {
                t.put(seg.text, row: y, col: x, style: seg.style)
                x += DisplayWidth.of(seg.text)
            }
            y += 1
        }
        if w.below { mark(t, r.top + r.height - 1, r.width, strings.moreBelow) }
    }

    private static func mark(_ t: TerminalSurface, _ row: Int, _ width: Int, _ text: String) {
        let label = " \(text) "
        let side = max(0, width - DisplayWidth.of(label))
        t.put(String(repeating: "┄", count: side / 2) + label + String(repeating: "┄", count: side - side / 2),
              row: row, col: 0, style: .tone(.muted))
    }
}
