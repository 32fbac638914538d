// Where each pane goes for a terminal size: pure arithmetic, tested without a terminal.

struct Layout: Equatable {
    static let minimumRows = 16
    static let minimumCols = 50

    var header: Rect
    var prose: Rect
    var formula: Rect
    var tensors: Rect
    var status: Rect
    var input: Rect

    /// nil when the terminal is too small to show a lesson legibly.
    static func lesson(rows: Int, cols: Int, proseLines: Int, formulaLines: Int) -> Layout? {
        guard rows >= minimumRows, cols >= minimumCols else { return nil }
        let fixed = 3                         // header, status, input
        let body = rows - fixed
        // Prose and formulas take what they need up to a share of the body; tensors get the rest.
        let formulaHeight = min(max(formulaLines, 1) + 1, max(3, body / 3))
        let proseHeight = min(max(proseLines, 1) + 1, max(3, (body - formulaHeight) / 3))
        let tensorHeight = body - formulaHeight - proseHeight
        var top = 1
        func take(_ h: Int) -> Rect { defer { top += h }; return Rect(top: top, left: 0, height: h, width: cols) }
        let prose = take(proseHeight)
        let formula = take(formulaHeight)
        let tensors = take(tensorHeight)
        return Layout(header: Rect(top: 0, left: 0, height: 1, width: cols), prose: prose, formula: formula,
                      tensors: tensors, status: Rect(top: rows - 2, left: 0, height: 1, width: cols),
                      input: Rect(top: rows - 1, left: 0, height: 1, width: cols))
    }
}
