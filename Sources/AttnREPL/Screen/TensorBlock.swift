// One tensor drawn as a block of styled text: a label line, then its entries in brackets,
// exact forms beside the decimals where both fit, a window that follows the cell cursor
// with ⋮ and ⋯ where rows and columns are elided, and heat-map shading for weights.
import Engine

struct Segment: Equatable {
    var text: String
    var style: Style
}

struct TensorBlock {
    var lines: [[Segment]]
    var width: Int { lines.map { $0.reduce(0) { $0 + DisplayWidth.of($1.text) } }.max() ?? 0 }

    enum Emphasis { case plain, input, current, referenced }

    struct Request {
        let name: String
        let value: Tensor
        let cells: CellSource
        var emphasis: Emphasis = .plain
        var selected = false
        /// The step's newest tensor, marked while no tensor is selected.
        var marked = false
        var hidden = false
        /// 0-based rows a formula of the current step picks (`X[2]` → row 1).
        var highlightedRows: Set<Int> = []
        var cursor = (row: 0, col: 0)
        var maxHeight = 12
        var maxWidth = 80
        var strings = ScreenStrings.en
    }

    static let exactCellLimit = 12
    static let gridDigits = 6

    static func make(_ r: Request) -> TensorBlock {
        let shapeText: String = switch r.value.shape {
        case .scalar: ""
        case .vector: "  " + r.strings.vector(r.value.count)
        case .matrix: "  \(r.value.shape)"
        }
        let labelStyle: Style = switch r.emphasis {
        case .current: .tone(.current, bold: true)
        case .referenced: .tone(.accent, bold: true)
        case .input: .tone(.normal, bold: true)
        case .plain: .tone(.normal)
        }
        let nameStyle = r.selected ? Style(tone: .selection, bold: true) : r.marked ? Style(tone: labelStyle.tone, bold: true, underline: true) : labelStyle
        var label = [Segment(text: UnicodeMath.name(r.name), style: nameStyle)]
        label.append(Segment(text: shapeText, style: .tone(.muted)))
        if r.hidden {
            return TensorBlock(lines: [label, [Segment(text: "  " + r.strings.predictFirst, style: .tone(.accent))]])
        }
        if r.value.shape == .scalar {
            // The value at the session's digits when it fits, else the grid's decimal (the
            // full value is one Tab away, in the cell line).
            let room = max(8, r.maxWidth - DisplayWidth.of(label[0].text) - 3)
            var text = r.cells.cell(0, digits: r.cells.digits).summary
            if DisplayWidth.of(text) > room {
                let short = r.cells.cell(0, digits: gridDigits)
                text = short.decimalIsExact ? short.decimal : "≈ " + short.decimal
            }
            label.append(Segment(text: " = ", style: .tone(.muted)))
            label.append(Segment(text: text.hasPrefix("≈") ? String(text.dropFirst(2)) : text,
                                 style: r.selected ? .tone(.selection) : .plain))
            if text.hasPrefix("≈") { label[label.count - 2].text = " ≈ " }
            return TensorBlock(lines: [label])
        }
        return TensorBlock(lines: [label] + grid(r))
    }

    /// The bracketed entries.
    private static func grid(_ r: Request) -> [[Segment]] {
        let t = r.value
        let (rows, cols) = (t.shape.rows, t.shape.cols)
        let weights = r.cells.isWeights
        // Rows: leave room for the label and for ⋮ markers when elided.
        let rowCapacity = max(1, r.maxHeight - 1)
        let rowRange = Window.range(count: rows, capacity: rows <= rowCapacity ? rowCapacity : max(1, rowCapacity - 2), focus: r.cursor.row)
        // Columns: as many as fit the width around the cursor column.
        func cellText(_ i: Int, _ j: Int) -> String {
            let c = r.cells.cell(i * cols + j, digits: gridDigits)
            return weights ? "\(HeatMap.shade(r.cells.double(i * cols + j)))\(c.decimal)" : c.decimal
        }
        func exactText(_ i: Int, _ j: Int) -> String? {
            let c = r.cells.cell(i * cols + j, digits: gridDigits)
            if c.decimalIsExact { return c.decimal }
            guard let e = c.exact, e.count <= exactCellLimit else { return nil }
            return e
        }
        let colRange = Window.columns(count: cols, focus: r.cursor.col, budget: r.maxWidth - 6) { j in
            rowRange.map { DisplayWidth.of(cellText($0, j)) }.max() ?? 1
        }
        let visibleRows = Array(rowRange), visibleCols = Array(colRange)
        // Exact forms beside the decimals when every visible entry has a short one and some differ.
        var exactGrid: [[String]]? = nil
        if !weights, !t.isFloat {
            let e = visibleRows.map { i in visibleCols.map { exactText(i, $0) } }
            let all = e.flatMap { $0 }
            let anyApprox = visibleRows.contains { i in visibleCols.contains { !r.cells.cell(i * cols + $0, digits: gridDigits).decimalIsExact } }
            if anyApprox, all.allSatisfy({ $0 != nil }) { exactGrid = e.map { $0.map { $0! } } }
        }
        let decimalGrid = visibleRows.map { i in visibleCols.map { cellText(i, $0) } }
        let decimalWidths = columnWidths(decimalGrid)
        let exactWidths = exactGrid.map(columnWidths)
        let bothWidth = (exactWidths.map { $0.reduce(0, +) + 2 * $0.count + 5 } ?? 0) + decimalWidths.reduce(0, +) + 2 * decimalWidths.count + 3
        if bothWidth > r.maxWidth { exactGrid = nil }
        let approximate = visibleRows.contains { i in visibleCols.contains { !r.cells.cell(i * cols + $0, digits: gridDigits).decimalIsExact } }

        var out: [[Segment]] = []
        if rowRange.lowerBound > 0 { out.append([Segment(text: "  " + r.strings.moreRows(rowRange.lowerBound), style: .tone(.muted))]) }
        let middle = visibleRows.count / 2
        for (k, i) in visibleRows.enumerated() {
            let (open, close) = brackets(k, visibleRows.count, elidedAbove: rowRange.lowerBound > 0, elidedBelow: rowRange.upperBound < rows)
            var line: [Segment] = []
            let rowStyle: Style = r.highlightedRows.contains(i) ? .tone(.accent, bold: true) : .plain
            if let exactGrid, let exactWidths {
                line.append(Segment(text: open, style: .tone(.muted)))
                for (m, j) in visibleCols.enumerated() {
                    let text = " " + DisplayWidth.padLeft(exactGrid[k][m], exactWidths[m]) + " "
                    line.append(Segment(text: text, style: cursorStyle(r, i, j, base: rowStyle)))
                }
                line.append(Segment(text: close, style: .tone(.muted)))
                line.append(Segment(text: k == middle ? " ≈ " : "   ", style: .tone(.muted)))
            } else if approximate {
                line.append(Segment(text: k == middle ? "≈ " : "  ", style: .tone(.muted)))
            }
            line.append(Segment(text: open + (colRange.lowerBound > 0 ? "⋯" : ""), style: .tone(.muted)))
            for (m, j) in visibleCols.enumerated() {
                let text = " " + DisplayWidth.padLeft(decimalGrid[k][m], decimalWidths[m]) + " "
                var style = exactGrid == nil ? cursorStyle(r, i, j, base: rowStyle) : rowStyle
                if weights {
                    let w = r.cells.double(i * cols + j)
                    style = r.cells.isExactZero(i * cols + j) ? .tone(.masked) : Style(tone: HeatMap.tone(w), bold: style.bold, reverse: style.reverse)
                    if r.selected && i == r.cursor.row && j == r.cursor.col { style.reverse = true }
                }
                let shown = weights && r.cells.isExactZero(i * cols + j)
                    ? " " + DisplayWidth.padLeft(String(HeatMap.maskedShade) + "0", decimalWidths[m]) + " " : text
                line.append(Segment(text: shown, style: style))
            }
            line.append(Segment(text: (colRange.upperBound < cols ? "⋯" : "") + close, style: .tone(.muted)))
            out.append(line)
        }
        if rowRange.upperBound < rows { out.append([Segment(text: "  " + r.strings.moreRows(rows - rowRange.upperBound), style: .tone(.muted))]) }
        return out
    }

    private static func cursorStyle(_ r: Request, _ i: Int, _ j: Int, base: Style) -> Style {
        guard r.selected, i == r.cursor.row, j == r.cursor.col else { return base }
        return Style(tone: .selection, bold: true)
    }

    private static func columnWidths(_ grid: [[String]]) -> [Int] {
        guard let first = grid.first else { return [] }
        return first.indices.map { j in grid.map { DisplayWidth.of($0[j]) }.max() ?? 1 }
    }

    /// ⎡ ⎢ ⎣ for the rows of a matrix, [ ] for a single row; open ends where rows are elided.
    private static func brackets(_ k: Int, _ n: Int, elidedAbove: Bool, elidedBelow: Bool) -> (String, String) {
        if n == 1 && !elidedAbove && !elidedBelow { return ("[", "]") }
        if k == 0 && !elidedAbove { return ("⎡", "⎤") }
        if k == n - 1 && !elidedBelow { return ("⎣", "⎦") }
        return ("⎢", "⎥")
    }
}

/// Which rows or columns of a long tensor are on screen: a window that keeps the focus visible.
enum Window {
    static func range(count: Int, capacity: Int, focus: Int) -> Range<Int> {
        guard count > capacity else { return 0..<count }
        let start = min(max(0, focus - capacity / 2), count - capacity)
        return start..<(start + capacity)
    }

    /// Columns around `focus` whose widths (plus two spaces each) fit in `budget`.
    static func columns(count: Int, focus: Int, budget: Int, width: (Int) -> Int) -> Range<Int> {
        guard count > 0 else { return 0..<0 }
        let f = min(max(0, focus), count - 1)
        var lo = f, hi = f + 1
        var used = width(f) + 2
        var growRight = true
        while lo > 0 || hi < count {
            let candidate = growRight ? (hi < count ? hi : lo - 1) : (lo > 0 ? lo - 1 : hi)
            let w = width(candidate) + 2
            guard used + w <= budget else { break }
            used += w
            if candidate == hi { hi += 1 } else { lo -= 1 }
            growRight.toggle()
        }
        return lo..<hi
    }
}
