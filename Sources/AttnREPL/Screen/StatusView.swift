// The status line: a message when there is one, otherwise the keys.
import Engine

enum StatusView {
    static func draw(_ t: TerminalSurface, _ r: Rect, message: (text: String, tone: Style.Tone)?, keys: String) {
        t.put(String(repeating: " ", count: r.width), row: r.top, col: 0, style: .tone(.muted, bold: false))
        if let message {
            t.put(Clip.text(" " + message.text, width: r.width), row: r.top, col: 0, style: .tone(message.tone, bold: true))
        } else {
            t.put(Clip.text(" " + keys, width: r.width), row: r.top, col: 0, style: .tone(.muted))
        }
    }
}

/// What the learner's last formula or command printed, newest at the bottom.
enum OutputView {
    static func draw(_ t: TerminalSurface, _ r: Rect, lines: [String], error: Bool) {
        guard r.height > 0 else { return }
        t.put(String(repeating: "─", count: r.width), row: r.top, col: 0, style: .tone(.muted))
        let shown = lines.suffix(r.height - 1)
        for (i, line) in shown.enumerated() {
            t.put(Clip.text(" " + line, width: r.width), row: r.top + 1 + i, col: 0, style: error ? .tone(.error) : .plain)
        }
    }
}
