// A recorded tensor laid out for an export: rows and columns (a vector as a column), the
// middle elided when large, and for each cell its exact form and whether its decimals are
// the value exactly (`3.5` for 7/2) or only approximate it.
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
    private let value: TranscriptValue

    init?(_ value: TranscriptValue) {
        guard let shape = value.shape, let values = value.values else { return nil }
        self.value = value
        isScalar = shape.isEmpty
        rows = shape.first ?? 1
        cols = shape.count >= 2 ? shape[1] : 1
        guard rows * cols == values.count else { return nil }
    }

    func cell(_ i: Int, _ j: Int) -> Cell {
        let k = i * cols + j
        let decimal = value.values?[k] ?? "?"
        let exact = value.exact.flatMap { $0.indices.contains(k) ? $0[k] : nil }
        return Cell(exact: exact, decimal: decimal, decimalIsExact: exact.map { Self.sameRational($0, decimal) } ?? false)
    }

    /// Row (or column) indices to show, nil where the middle is elided.
    static func shown(_ n: Int, limit: Int) -> [Int?] {
        guard n > limit else { return Array(0..<n) }
        let head = (limit + 1) / 2, tail = limit - head - 1
        return Array(0..<head) + [nil] + Array((n - tail)..<n)
    }

    /// Every cell's decimals are its exact value (so one grid says everything).
    var decimalsAreExact: Bool {
        (0..<rows).allSatisfy { i in (0..<cols).allSatisfy { cell(i, $0).decimalIsExact } }
    }

    /// Every cell has an exact form worth showing beside its decimals.
    var hasExactForms: Bool {
        (0..<rows).allSatisfy { i in (0..<cols).allSatisfy { cell(i, $0).exact != nil } }
    }

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
