// The footer: the keys that work now. And the output pane: what the learner's last formula or
// command printed (wrapped, never cut), under a rule.
import Engine

enum StatusView {
    /// As many of the keys (most important first) as fit the width.
    static func draw(_ t: TerminalSurface, _ r: Rect, keys: [String]) {
        t.put(String(repeating: " ", count: r.width), row: r.top, col: 0, style: .tone(.muted))
        t.put(fitting(keys, width: r.width - 1), row: r.top, col: 0, style: .tone(.muted))
    }

    /// While a statement computes: that it does, and the one key that works then.
    static func drawBusy(_ t: TerminalSurface, _ r: Rect, message: String, keys: [String]) {
        t.put(String(repeating: " ", count: r.width), row: r.top, col: 0, style: .tone(.muted))
        let head = " " + message
        t.put(head, row: r.top, col: 0, style: .tone(.accent, bold: true))
        t.put(fitting(keys, width: r.width - DisplayWidth.of(head) - 2), row: r.top, col: DisplayWidth.of(head) + 1, style: .tone(.muted))
    }

    static func fitting(_ keys: [String], width: Int) -> String {
        var text = ""
        for key in keys {
            let next = text.isEmpty ? " " + key : text + "  " + key
            if DisplayWidth.of(next) > width { continue }
            text = next
        }
        return text
    }
}

enum OutputView {
    static func draw(_ t: TerminalSurface, _ r: Rect, lines: [DocumentLine]) {
        guard r.height > 0 else { return }
        t.put(String(repeating: "─", count: r.width), row: r.top, col: 0, style: .tone(.muted))
        for (i, line) in lines.suffix(r.height - 1).enumerated() {
            var x = 0
            for seg in line.segments {
                t.put(seg.text, row: r.top + 1 + i, col: x, style: seg.style)
                x += DisplayWidth.of(seg.text)
            }
        }
    }
}
