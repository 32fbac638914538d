// Where each part of the screen goes for a terminal size: pure arithmetic, tested without a
// terminal. The title bar on top; the step document (or the lesson list) below it; the output
// of what was typed; the footer with the keys; the input line at the bottom.

struct Layout: Equatable {
    static let minimumRows = 16
    static let minimumCols = 50

    var header: Rect
    /// The step document's window, or the lesson list.
    var body: Rect
    /// Results of what the learner typed, under a rule (empty when there are none).
    var output: Rect
    var footer: Rect
    var input: Rect

    static func fits(rows: Int, cols: Int) -> Bool { rows >= minimumRows && cols >= minimumCols }

    /// Lines of output the output pane shows (below its rule); longer output opens the pager.
    static func outputCapacity(rows: Int) -> Int { max(2, (rows - 3) / 3) - 1 }

    /// nil when the terminal is too small to show anything legibly.
    static func make(rows: Int, cols: Int, outputLines: Int = 0) -> Layout? {
        guard fits(rows: rows, cols: cols) else { return nil }
        let outputHeight = outputLines == 0 ? 0 : min(outputLines, outputCapacity(rows: rows)) + 1
        let body = Rect(top: 1, left: 0, height: rows - 3 - outputHeight, width: cols)
        return Layout(header: Rect(top: 0, left: 0, height: 1, width: cols), body: body,
                      output: Rect(top: body.bottom, left: 0, height: outputHeight, width: cols),
                      footer: Rect(top: rows - 2, left: 0, height: 1, width: cols),
                      input: Rect(top: rows - 1, left: 0, height: 1, width: cols))
    }
}
