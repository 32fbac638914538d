// A recorded tensor laid out for an export: rows and columns (a vector as a column), the
// middle elided when large (or, for a tensor recorded by its top-left block, the rest), and
// for each cell its exact form and whether its decimals are the value exactly (`3.5` for
// 7/2) or only approximate it.
import Engine

struct RecordedTensor {
    struct Cell {
        let exact: String?
        let decimal: String
        let decimalIsExact: Bool
    }

    let rows: Int
    let cols: Int
    let isScalar: Bool
    /// The recorded block (all of the tensor unless it was large).
    private let keptRows: Int
    private let keptCols: Int
    private let value: TranscriptValue

    init?(_ value: TranscriptValue) {
        guard let shape = value.shape, let values = value.values, shape.count <= 2 else { return nil }
        self.value = value
        isScalar = shape.isEmpty
        rows = shape.first ?? 1
        cols = shape.count == 2 ? shape[1] : 1
        keptRows = value.block?.first ?? rows
        keptCols = value.block?.last ?? cols
        guard keptRows <= rows, keptCols <= cols, keptRows * keptCols == values.count else { return nil }
    }

    /// The cell at (i, j), which must be in `shownRows` and `shownColumns`.
    func cell(_ i: Int, _ j: Int) -> Cell {
        let k = i * keptCols + j
        let decimal = value.values?[k] ?? "?"
        let exact = value.exact.flatMap { $0.indices.contains(k) ? $0[k] : nil }
        return Cell(exact: exact, decimal: decimal, decimalIsExact: exact.map { Self.sameRational($0, decimal) } ?? false)
    }

    func shownRows(limit: Int) -> [Int?] { Self.shown(rows, kept: keptRows, limit: limit) }
    func shownColumns(limit: Int) -> [Int?] { Self.shown(cols, kept: keptCols, limit: limit) }

    /// Indices to show, nil where the rest is elided: the middle, or all after the recorded block.
    static func shown(_ n: Int, kept: Int, limit: Int) -> [Int?] {
        if kept < n { return Array(0..<min(kept, limit - 1)) + [nil] }
        guard n > limit else { return Array(0..<n) }
        let head = (limit + 1) / 2, tail = limit - head - 1
        return Array(0..<head) + [nil] + Array((n - tail)..<n)
    }

    private var keptCells: [Cell] {
        (0..<keptRows).flatMap { i in (0..<keptCols).map { cell(i, $0) } }
    }

    /// Every cell's decimals are its exact value (so one grid says everything).
    var decimalsAreExact: Bool { keptCells.allSatisfy(\.decimalIsExact) }

    /// Every cell has an exact form worth showing beside its decimals.
    var hasExactForms: Bool { keptCells.allSatisfy { $0.exact != nil } }

    /// True when `exact` is a rational (`-7/2`) equal to the decimal text (`-3.5`).
    static func sameRational(_ exact: String, _ decimal: String) -> Bool {
        if exact == decimal { return true }
        guard exact.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "/" }) else { return false }
        let interpreter = Interpreter()
        guard let a = try? interpreter.evaluateExpression(exact).scalar(at: 0).rational,
              let b = try? interpreter.evaluateExpression(decimal).scalar(at: 0).rational else { return false }
        return a == b
    }
}
