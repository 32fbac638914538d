// Reductions over all elements: sum mean max min argmax norm dot.

enum ReductionBuiltins {
    static let table: [Builtin] = [
        Builtin("sum", 1...1, "sum(A)", "the sum of all elements") { c in try total(c[0]) },
        Builtin("mean", 1...1, "mean(A)", "the mean of all elements") { c in
            try Tensor.elementwise(try total(c[0]), Tensor(Rational(c[0].count)), .divide)
        },
        Builtin("max", 1...2, "max(A) or max(a, b)", "the largest element, or the element-wise maximum of two tensors") { c in
            try extreme(c, larger: true)
        },
        Builtin("min", 1...2, "min(A) or min(a, b)", "the smallest element, or the element-wise minimum of two tensors") { c in
            try extreme(c, larger: false)
        },
        Builtin("argmax", 1...1, "argmax(x)", "the 1-based position of the largest element (of each row, for a matrix)") { c in
            let t = c[0]
            switch t.shape {
            case .matrix(let r, let n):
                let values = try (0..<r).map { i in Scalar(try argmax(t, from: i * n, count: n) + 1) }
                return Tensor(shape: .vector(r), exact: values)
            default:
                return Tensor(Rational(try argmax(t, from: 0, count: t.count) + 1))
            }
        },
        Builtin("norm", 1...1, "norm(x)", "the Euclidean length (Frobenius norm of a matrix)") { c in
            let squares = try Tensor.elementwise(c[0], c[0], .multiply)
            return try total(squares).map({ try $0.apply(.sqrt) }, float: { $0.squareRoot() })
        },
        Builtin("dot", 2...2, "dot(a, b)", "Σ aᵢbᵢ for two tensors with the same number of elements") { c in
            guard c[0].count == c[1].count else {
                throw Diagnostic("dot needs equal lengths, got \(c[0].shape) and \(c[1].shape)")
            }
            let product = try Tensor.elementwise(c[0].reshaped(.vector(c[0].count)), c[1].reshaped(.vector(c[1].count)), .multiply)
            return try total(product)
        },
    ]

    static func total(_ t: Tensor) throws -> Tensor {
        switch t.elements {
        case let .float(d): return Tensor(shape: .scalar, float: [d.reduce(0, +)])
        case let .exact(e): return Tensor(Scalar.sum(e))
        }
    }

    private static func extreme(_ c: BuiltinCall, larger: Bool) throws -> Tensor {
        if c.count == 2 {
            let op = Tensor.Operation(verb: larger ? "take the maximum of" : "take the minimum of", exact: { a, b in
                let s = try Scalar.compare(a, b)
                return (larger ? s >= 0 : s <= 0) ? a : b
            }, float: { larger ? Swift.max($0, $1) : Swift.min($0, $1) })
            return try Tensor.elementwise(c[0], c[1], op)
        }
        let t = c[0]
        var index = 0
        for i in 1..<t.count where try better(t, i, than: index, larger: larger) { index = i }
        return t.isFloat ? Tensor(shape: .scalar, float: [t.floatElements[index]]) : Tensor(t.scalar(at: index))
    }

    private static func better(_ t: Tensor, _ i: Int, than j: Int, larger: Bool) throws -> Bool {
        if i & 1023 == 0 { try Interrupt.check() }
        switch t.elements {
        case let .float(d): return larger ? d[i] > d[j] : d[i] < d[j]
        case let .exact(e):
            let s = try Scalar.compare(e[i], e[j])
            return larger ? s > 0 : s < 0
        }
    }

    /// 0-based position of the first largest element among `count` elements from `start`.
    private static func argmax(_ t: Tensor, from start: Int, count: Int) throws -> Int {
        var best = start
        for i in (start + 1)..<(start + count) where try better(t, i, than: best, larger: true) { best = i }
        return best - start
    }
}
