// 1-based indexing: X[2] is row 2 of a matrix as a vector, v[2] an element, A[i, j] an element,
// A[:, j] a column, A[i, :] a row, A[:, 1:2] a block.

enum Indexing {
    enum Argument {
        case single(Int)
        case range(Int, Int)
        case all
    }

    static func index(_ t: Tensor, _ args: [Argument]) throws -> Tensor {
        switch (t.shape, args.count) {
        case (.scalar, _):
            throw Diagnostic("a scalar cannot be indexed")
        case let (.vector(n), 1):
            let rows = try positions(args[0], n, "index", t.shape)
            return pick(t, rows.map { $0 }, shape: isSingle(args[0]) ? .scalar : .vector(rows.count))
        case let (.matrix(r, c), 1):
            let rows = try positions(args[0], r, "row", t.shape)
            let cells = rows.flatMap { i in (0..<c).map { i * c + $0 } }
            return pick(t, cells, shape: isSingle(args[0]) ? .vector(c) : .matrix(rows.count, c))
        case (.matrix, 2), (.vector, 2):
            let (r, c) = (t.shape.rows, t.shape.cols)
            let rows = try positions(args[0], r, "row", t.shape)
            let cols = try positions(args[1], c, "column", t.shape)
            let cells = rows.flatMap { i in cols.map { i * c + $0 } }
            let shape: Shape
            switch (isSingle(args[0]), isSingle(args[1])) {
            case (true, true): shape = .scalar
            case (true, false): shape = .vector(cols.count)
            case (false, true): shape = .vector(rows.count)
            case (false, false): shape = .matrix(rows.count, cols.count)
            }
            return pick(t, cells, shape: shape)
        default:
            throw Diagnostic("a \(t.shape) tensor takes 1 or 2 indices, got \(args.count)")
        }
    }

    private static func isSingle(_ a: Argument) -> Bool {
        if case .single = a { return true }
        return false
    }

    /// 0-based positions selected along an axis of length `n`.
    private static func positions(_ a: Argument, _ n: Int, _ what: Message, _ shape: Shape) throws -> [Int] {
        let plural: Message = what == "index" ? "indices" : what == "row" ? "rows" : "columns"
        func check(_ i: Int) throws {
            if i == 0 {
                throw Diagnostic("\(plural) start at 1 here, as in the documents (not at 0 as in Python): the first is [1]")
            }
            guard i >= 1 && i <= n else {
                throw Diagnostic("\(what) \(i) is out of range for a \(shape) tensor (\(plural) run from 1 to \(n))")
            }
        }
        switch a {
        case let .single(i):
            try check(i)
            return [i - 1]
        case let .range(lo, hi):
            try check(lo)
            try check(hi)
            guard lo <= hi else { throw Diagnostic("empty range \(lo):\(hi)") }
            return Array((lo - 1)..<hi)
        case .all:
            return Array(0..<n)
        }
    }

    private static func pick(_ t: Tensor, _ cells: [Int], shape: Shape) -> Tensor {
        switch t.elements {
        case let .exact(e): return Tensor(shape: shape, exact: cells.map { e[$0] })
        case let .float(d): return Tensor(shape: shape, float: cells.map { d[$0] })
        }
    }
}
