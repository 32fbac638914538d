// Drawing the screen's input line from what readline holds (Session/Readline.swift).
import Engine

/// Drawing the input line: prompt and text with the cursor kept in view by scrolling sideways.
enum InputLineView {
    /// Returns the cursor's screen column.
    static func draw(_ t: TerminalSurface, _ r: Rect, prompt: String, text: String, cursor: Int, placeholder: String) -> Int {
        t.put(String(repeating: " ", count: r.width), row: r.top, col: 0, style: .plain)
        let promptWidth = DisplayWidth.of(prompt)
        t.put(prompt, row: r.top, col: 0, style: .tone(.accent, bold: true))
        if text.isEmpty {
            t.put(Clip.prefix(placeholder, width: r.width - promptWidth - 1), row: r.top, col: promptWidth, style: .tone(.muted))
            return promptWidth
        }
        let available = max(4, r.width - promptWidth - 1)
        let chars = Array(text)
        let cursorWidth = DisplayWidth.of(String(chars.prefix(cursor)))
        // Scroll so the cursor stays visible, by whole characters.
        var start = 0, skipped = 0
        while cursorWidth - skipped >= available && start < chars.count {
            skipped += DisplayWidth.of(String(chars[start]))
            start += 1
        }
        t.put(Clip.prefix(String(chars[start...]), width: available), row: r.top, col: promptWidth, style: .plain)
        return promptWidth + cursorWidth - skipped
    }
}
