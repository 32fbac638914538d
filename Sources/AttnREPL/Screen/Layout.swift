// Where each pane goes for a terminal size: pure arithmetic, tested without a terminal.

struct Layout: Equatable {
    static let minimumRows = 16
    static let minimumCols = 50

    var header: Rect
    var prose: Rect
    var formula: Rect
    var tensors: Rect
    /// Results of what the learner typed (empty when there are none).
    var output: Rect
    var status: Rect
    var input: Rect

    static func fits(rows: Int, cols: Int) -> Bool { rows >= minimumRows && cols >= minimumCols }

    /// Lines of output the output pane shows (below its rule); longer output opens the pager.
    static func outputCapacity(rows: Int, home: Bool = false) -> Int { max(2, (rows - 3) / (home ? 2 : 4)) - 1 }

    /// nil when the terminal is too small to show a lesson legibly.
    static func lesson(rows: Int, cols: Int, proseLines: Int, formulaLines: Int, tensorLines: Int = 0, outputLines: Int = 0) -> Layout? {
        guard fits(rows: rows, cols: cols) else { return nil }
        let fixed = 3                         // header, status, input
        let outputHeight = min(outputLines, outputCapacity(rows: rows) + 1)
        let body = rows - fixed - outputHeight
        // Formulas take what they need up to a third; prose and tensors share the rest by need,
        // each keeping a minimum when both need more than there is.
        let formulaHeight = min(max(formulaLines, 1) + 1, max(3, body / 3))
        let rest = body - formulaHeight
        let proseNeed = max(proseLines, 1) + 1, tensorNeed = max(tensorLines, 2) + 1
        let proseHeight: Int
        if proseNeed + tensorNeed <= rest {
            proseHeight = proseNeed
        } else {
            let tensorShare = max(min(tensorNeed, rest / 2), rest - proseNeed)
            proseHeight = max(3, rest - tensorShare)
        }
        let tensorHeight = rest - proseHeight
        var top = 1
        func take(_ h: Int) -> Rect { defer { top += h }; return Rect(top: top, left: 0, height: h, width: cols) }
        let prose = take(proseHeight)
        let formula = take(formulaHeight)
        let tensors = take(tensorHeight)
        let output = take(outputHeight)
        return Layout(header: Rect(top: 0, left: 0, height: 1, width: cols), prose: prose, formula: formula,
                      tensors: tensors, output: output, status: Rect(top: rows - 2, left: 0, height: 1, width: cols),
                      input: Rect(top: rows - 1, left: 0, height: 1, width: cols))
    }

    /// The home view: the header, the lesson list (in `tensors`), output, status and input.
    static func home(rows: Int, cols: Int, outputLines: Int = 0) -> Layout? {
        guard fits(rows: rows, cols: cols) else { return nil }
        let outputHeight = min(outputLines, outputCapacity(rows: rows, home: true) + 1)
        let list = Rect(top: 1, left: 0, height: rows - 3 - outputHeight, width: cols)
        return Layout(header: Rect(top: 0, left: 0, height: 1, width: cols), prose: .empty, formula: .empty,
                      tensors: list, output: Rect(top: list.bottom, left: 0, height: outputHeight, width: cols),
                      status: Rect(top: rows - 2, left: 0, height: 1, width: cols),
                      input: Rect(top: rows - 1, left: 0, height: 1, width: cols))
    }
}
