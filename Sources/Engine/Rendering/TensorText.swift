// Tensors as aligned text blocks: the exact matrix beside its decimal digits.
//
//   ⎡ 1/3  1/2 ⎤   ⎡ 0.333333   0.5 ⎤
//   ⎣  -7  5/4 ⎦ ≈ ⎣       -7  1.25 ⎦

public enum TensorText {
    /// Longest exact form shown in a matrix cell; longer ones leave only the decimals.
    static let exactCellLimit = 40

    public static func lines(_ t: Tensor, digits: Int, maxRows: Int = 24, maxCols: Int = 10, width: Int? = nil) -> [String] {
        layout(t, digits: digits, maxRows: maxRows, maxCols: maxCols, width: width).lines
    }

    /// The text of `t` within `width` columns (nil: no limit), and whether exact forms the
    /// table could have shown were left out for the width. Tried in turn: exact and decimal
    /// blocks side by side, the decimals under the exact forms, the decimals alone, and then
    /// fewer columns (the middle ones elided) until the decimals fit.
    public static func layout(_ t: Tensor, digits: Int, maxRows: Int = 24, maxCols: Int = 10,
                              width: Int? = nil) -> (lines: [String], droppedExactForms: Bool) {
        if t.shape == .scalar {
            return ([CellText.cells(t, digits: digits)[0].summary], false)
        }
        let (rows, cols) = (t.shape.rows, t.shape.cols)
        let shownRows = elided(rows, maxRows), shownCols = elided(cols, maxCols)
        var cells: [[CellText?]] = []
        for i in shownRows {
            cells.append(shownCols.map { j in
                guard let i, let j else { return nil }
                let k = i * cols + j
                if case let .float(d) = t.elements { return CellText(float: d[k], digits: digits) }
                return CellText(t.scalar(at: k), digits: digits, exactLimit: exactCellLimit)
            })
        }
        let all = cells.flatMap { $0.compactMap { $0 } }
        let allExact = all.allSatisfy(\.decimalIsExact)
        let showExact = !allExact && all.contains { !$0.decimalIsExact && $0.exact != nil }
            && all.allSatisfy { $0.decimalIsExact || $0.exact != nil }
        let decimals = block(cells.map { $0.map { $0.map(\.decimal) } })
        let relation = allExact ? "=" : "≈"
        let alone = allExact ? decimals : join([decimals], relation: relation, prefixed: true)
        func fits(_ lines: [String]) -> Bool { width.map { w in lines.allSatisfy { DisplayWidth.of($0) <= w } } ?? true }
        if showExact {
            let exacts = block(cells.map { $0.map { $0.map { $0.exact ?? $0.decimal } } })
            let beside = join([exacts, decimals], relation: relation, prefixed: false)
            if fits(beside) { return (beside, false) }
            let under = exacts + join([decimals], relation: relation, prefixed: true)
            if fits(under) { return (under, false) }
        }
        if fits(alone) || shownCols.count <= 3 { return (alone, showExact) }
        return layout(t, digits: digits, maxRows: maxRows, maxCols: shownCols.count - 2, width: width)
    }

    /// Why `lines` shows some real cells of `t` without their exact form: too long for a table
    /// cell (more than 40 characters; JSON and the screen's cell cursor show up to 160), or
    /// longer than 160 characters (kept nowhere: JSON's `exact` is null). Only shown cells count.
    public enum HiddenExactForms: Sendable { case tooLongForTheTable, tooLongToKeep }

    public static func hiddenExactForms(_ t: Tensor, maxRows: Int = 24, maxCols: Int = 10) -> HiddenExactForms? {
        guard case let .exact(e) = t.elements else { return nil }
        let cols = t.shape.cols
        let indices = t.shape == .scalar ? [0] : elided(t.shape.rows, maxRows).compactMap { $0 }.flatMap { i in
            elided(cols, maxCols).compactMap { $0 }.map { i * cols + $0 }
        }
        var hidden: HiddenExactForms? = nil
        for k in indices {
            guard case .real = e[k] else { continue }
            if ExactForm.string(e[k], limit: 160) == nil { return .tooLongToKeep }
            if t.shape != .scalar, ExactForm.string(e[k], limit: exactCellLimit) == nil { hidden = .tooLongForTheTable }
        }
        return hidden
    }

    /// One line for traces and lists: `[1, 2, 3]`, `[1 2; 3 4]`, `7/2 = 3.5`, or the shape when long.
    public static func inline(_ t: Tensor, digits: Int, limit: Int = 72) -> String {
        // n entries need at least 2n + 1 characters ("[", one each, separators, "]"): a tensor
        // too big for that is named by its shape without formatting any entry.
        if t.shape != .scalar && 2 * t.count + 1 > limit { return "\(t.shape) tensor" }
        let cells = CellText.cells(t, digits: digits, exactLimit: 24)
        if t.shape == .scalar { return cells[0].summary }
        let allExact = cells.allSatisfy(\.decimalIsExact)
        let body: String
        switch t.shape {
        case .vector: body = "[" + cells.map(\.decimal).joined(separator: ", ") + "]"
        default:
            let c = t.shape.cols
            body = "[" + stride(from: 0, to: cells.count, by: c).map { r in
                cells[r..<(r + c)].map(\.decimal).joined(separator: " ")
            }.joined(separator: "; ") + "]"
        }
        let text = (allExact ? "" : "≈ ") + body
        return text.count <= limit ? text : "\(t.shape) tensor"
    }

    /// Row or column indices to show, nil marking the elided middle.
    static func elided(_ n: Int, _ limit: Int) -> [Int?] {
        guard n > limit else { return Array(0..<n) }
        let head = (limit + 1) / 2, tail = limit - head
        return Array(0..<head) + [nil] + Array((n - tail)..<n)
    }

    /// A bracketed, right-aligned grid; nil cells are the elision marks.
    static func block(_ cells: [[String?]]) -> [String] {
        let rowCount = cells.count, colCount = cells.first?.count ?? 0
        let elidedRow = cells.map { $0.allSatisfy { $0 == nil } }
        var widths = Array(repeating: 1, count: colCount)
        for row in cells { for (j, c) in row.enumerated() { widths[j] = max(widths[j], DisplayWidth.of(c ?? "⋯")) } }
        return cells.enumerated().map { i, row in
            let body = row.enumerated().map { j, c in
                let text = c ?? (elidedRow[i] ? "⋮" : "⋯")
                return DisplayWidth.padLeft(text, widths[j])
            }.joined(separator: "  ")
            let (open, close): (String, String)
            if rowCount == 1 { (open, close) = ("[", "]") }
            else if i == 0 { (open, close) = ("⎡", "⎤") }
            else if i == rowCount - 1 { (open, close) = ("⎣", "⎦") }
            else { (open, close) = ("⎢", "⎥") }
            return "\(open) \(body) \(close)"
        }
    }

    /// Blocks side by side with `=`/`≈` on the middle row.
    static func join(_ blocks: [[String]], relation: String, prefixed: Bool) -> [String] {
        let height = blocks[0].count, middle = (height - 1) / 2
        return (0..<height).map { i in
            let mark = i == middle ? relation : String(repeating: " ", count: relation.count)
            if prefixed { return "\(mark) \(blocks[0][i])" }
            return blocks.map { $0[i] }.joined(separator: " \(mark) ")
        }
    }
}
