// What views draw on: a grid of cells with styles. Curses implements it on a real terminal;
// MemoryTerminal keeps the grid in memory so views and layouts are tested without ncurses.
import Engine

/// How a piece of text looks. Tones map to colours, or to attributes on a monochrome terminal.
struct Style: Equatable {
    enum Tone: Int, CaseIterable {
        case normal, title, accent, current, muted, error, success, selection
        case heat0, heat1, heat2, heat3, heat4, masked
    }
    var tone: Tone = .normal
    var bold = false
    var reverse = false
    var underline = false

    static let plain = Style()
    static func tone(_ t: Tone, bold: Bool = false) -> Style { Style(tone: t, bold: bold) }
}

protocol TerminalSurface: AnyObject {
    var rows: Int { get }
    var cols: Int { get }
    /// Whether colours can be used (false under NO_COLOR or on a monochrome terminal).
    var hasColor: Bool { get }
    func clear()
    /// Draws `text` from (row, col), clipped at the right edge; control characters are made visible.
    func put(_ text: String, row: Int, col: Int, style: Style)
    func showCursor(row: Int, col: Int)
    func hideCursor()
    func refresh()
}

/// A rectangle of the screen, in cells.
struct Rect: Equatable {
    var top: Int, left: Int, height: Int, width: Int
    var bottom: Int { top + height }
    static let empty = Rect(top: 0, left: 0, height: 0, width: 0)
}

/// Clips text to a number of terminal columns, ending with "…" when cut.
enum Clip {
    /// The longest prefix that fits, without an ellipsis.
    static func prefix(_ s: String, width: Int) -> String {
        var out = "", used = 0
        for ch in s {
            let w = DisplayWidth.of(String(ch))
            if used + w > width { break }
            out.append(ch)
            used += w
        }
        return out
    }

    static func text(_ s: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(s) <= width { return s }
        var out = "", used = 0
        for ch in s {
            let w = DisplayWidth.of(String(ch))
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }
}

/// The in-memory terminal: cells of characters, for tests and golden files.
final class MemoryTerminal: TerminalSurface {
    let rows: Int
    let cols: Int
    let hasColor: Bool
    private(set) var cells: [[String]]
    private(set) var styles: [[Style]]
    private(set) var cursor: (row: Int, col: Int)?

    init(rows: Int, cols: Int, color: Bool = false) {
        self.rows = rows
        self.cols = cols
        self.hasColor = color
        cells = Array(repeating: Array(repeating: " ", count: cols), count: rows)
        styles = Array(repeating: Array(repeating: .plain, count: cols), count: rows)
    }

    func clear() {
        cells = Array(repeating: Array(repeating: " ", count: cols), count: rows)
        styles = Array(repeating: Array(repeating: .plain, count: cols), count: rows)
    }

    func put(_ text: String, row: Int, col: Int, style: Style) {
        guard row >= 0, row < rows, col >= 0, col < cols else { return }
        var c = col
        for ch in Sanitize.text(text) {
            let w = DisplayWidth.of(String(ch))
            if w == 0 { continue }
            guard c + w <= cols else { break }
            cells[row][c] = String(ch)
            styles[row][c] = style
            if w == 2 { cells[row][c + 1] = ""; styles[row][c + 1] = style }
            c += w
        }
    }

    func showCursor(row: Int, col: Int) { cursor = (row, col) }
    func hideCursor() { cursor = nil }
    func refresh() {}

    /// The screen as text lines, trailing spaces removed.
    var lines: [String] { cells.map { $0.joined().trimmingTrailingSpaces } }
}
