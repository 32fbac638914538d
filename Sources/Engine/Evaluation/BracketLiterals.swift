// Building tensors from bracket literals: `[1, 2, 3]`, `[1 2; 3 4]`, `[[1, 2], [3, 4]]`, `[c_2; h_2]`.

enum BracketLiterals {
    static func build(_ literal: BracketLiteral, evaluate: (Expr) throws -> Tensor) throws -> Tensor {
        switch literal {
        case let .commaList(items):
            guard !items.isEmpty else { throw Diagnostic("empty vector literal []") }
            return try commaList(try items.map(evaluate), items)
        case let .rows(rows):
            guard !rows.isEmpty, rows.allSatisfy({ !$0.isEmpty }) else { throw Diagnostic("empty vector literal []") }
            if rows.count == 1, rows[0].count == 1, case .bracket = rows[0][0].kind {
                // `[[1, 2]]` and `[[5]]` are one row, 1×2 and 1×1, as in NumPy.
                let inner = try evaluate(rows[0][0])
                switch inner.shape {
                case .scalar: return inner.reshaped(.matrix(1, 1))
                case let .vector(n): return inner.reshaped(.matrix(1, n))
                case .matrix: return inner
                }
            }
            let built = try rows.map { row in try Concatenation.horizontal(try row.map(evaluate), literal: true) }
            if built.count > 1, Set(built.map { $0.shape.cols }).count > 1,
               built.allSatisfy({ $0.shape == .scalar || $0.shape.rows == 1 }) {
                let lengths = built.map { $0.shape.cols }
                let k = lengths.firstIndex { $0 != lengths[0] }!
                throw Diagnostic(lengths[0] == 1 ? "rows must have the same length: row 1 has 1 element, row \(k + 1) has \(lengths[k])"
                                    : "rows must have the same length: row 1 has \(lengths[0]) elements, row \(k + 1) has \(lengths[k])", at: rows[k].first.map { r in
                                    SourceRange.covering(r.range, rows[k].last!.range) })
            }
            let value = try Concatenation.vertical(built)
            return value.shape == .scalar ? value.reshaped(.vector(1)) : value     // [3] is a 1-vector
        }
    }

    /// Scalars make a column vector; vectors (or 1×n rows) of one length make the rows of a matrix.
    private static func commaList(_ values: [Tensor], _ items: [Expr]) throws -> Tensor {
        if values.allSatisfy({ $0.shape == .scalar }) {
            let value = try Concatenation.vertical(values)
            return value.shape == .scalar ? value.reshaped(.vector(1)) : value
        }
        var width: Int? = nil
        for (v, e) in zip(values, items) {
            let w: Int
            switch v.shape {
            case let .vector(n), let .matrix(1, n): w = n
            default: throw Diagnostic("a comma list holds scalars or equal-length vectors, not a \(v.shape) tensor", at: e.range)
            }
            if let width, width != w {
                throw Diagnostic("ragged literal: rows of length \(width) and \(w)", at: e.range)
            }
            width = w
        }
        return try Concatenation.vertical(values.map { $0.shape.cols == 1 ? $0.transposed() : $0 })
    }
}

/// vcat and hcat, shared by literals and the built-ins.
enum Concatenation {
    /// Stacks top to bottom: scalars and vectors make a vector; anything with a row shape makes a matrix.
    static func vertical(_ parts: [Tensor]) throws -> Tensor {
        guard let first = parts.first else { throw Diagnostic("nothing to stack") }
        if parts.count == 1 { return first }
        let float = parts.contains { $0.isFloat }
        if parts.allSatisfy({ $0.shape == .scalar || $0.shape.isVector }) {
            let n = parts.reduce(0) { $0 + $1.count }
            try Tensor.checkSize(n, 1)
            return join(parts, .vector(n), float: float)
        }
        let width = first.shape.cols
        for p in parts where p.shape.cols != width {
            throw Diagnostic("cannot stack \(first.shape) on \(p.shape): rows of length \(width) and \(p.shape.cols)")
        }
        let rows = parts.reduce(0) { $0 + $1.shape.rows }
        try Tensor.checkSize(rows, width)
        return join(parts, .matrix(rows, width), float: float)
    }

    /// Side by side: scalars make a 1×n row; vectors become columns; heights must agree.
    static func horizontal(_ parts: [Tensor], literal: Bool = false) throws -> Tensor {
        guard let first = parts.first else { throw Diagnostic("nothing to join") }
        if parts.count == 1 { return first }
        let height = first.shape.rows
        for p in parts where p.shape.rows != height {
            let ragged = literal && parts.allSatisfy { $0.shape == .scalar || $0.shape.isVector }
            throw Diagnostic(ragged ? "ragged literal: cannot put a \(first.shape) and a \(p.shape) side by side"
                                    : "cannot put \(first.shape) and \(p.shape) side by side: heights \(height) and \(p.shape.rows)")
        }
        let width = parts.reduce(0) { $0 + $1.shape.cols }
        try Tensor.checkSize(height, width)
        // Row-major: take row i of every part in turn.
        var cells: [(part: Int, index: Int)] = []
        cells.reserveCapacity(height * width)
        for i in 0..<height {
            for (k, p) in parts.enumerated() {
                let c = p.shape.cols
                for j in 0..<c { cells.append((k, i * c + j)) }
            }
        }
        let shape: Shape = .matrix(height, width)
        if parts.contains(where: { $0.isFloat }) {
            let data = parts.map(\.floatElements)
            return Tensor(shape: shape, float: cells.map { data[$0.part][$0.index] })
        }
        let data = parts.map(\.exactElements)
        return Tensor(shape: shape, exact: cells.map { data[$0.part][$0.index] })
    }

    private static func join(_ parts: [Tensor], _ shape: Shape, float: Bool) -> Tensor {
        float ? Tensor(shape: shape, float: parts.flatMap(\.floatElements))
              : Tensor(shape: shape, exact: parts.flatMap(\.exactElements))
    }
}

extension Shape {
    public var isVector: Bool { if case .vector = self { return true } else { return false } }
}
