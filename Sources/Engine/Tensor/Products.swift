// The matrix product with the shape rules of the documents' notation:
// row × column is a scalar, column × row an outer product, a scalar scales anything.

extension Tensor {
    public static func product(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        if a.shape == .scalar || b.shape == .scalar {
            return try elementwise(a, b, .multiply)
        }
        let (m, k) = (a.shape.rows, a.shape.cols)
        let (k2, n) = (b.shape.rows, b.shape.cols)
        guard k == k2 else {
            var hint = ""
            if case .vector = a.shape, case .vector = b.shape { hint = "; for a dot product write a^T b" }
            throw Diagnostic("cannot multiply \(a.shape) by \(b.shape) (inner dimensions \(k) and \(k2)\(hint))")
        }
        let shape: Shape
        switch (a.shape, b.shape) {
        case (.matrix(1, _), .vector): shape = .scalar                   // row × column
        case (_, .vector): shape = .vector(m)                            // matrix × column
        default: shape = .matrix(m, n)
        }
        let float = a.isFloat || b.isFloat
        try checkSize(m, n, limit: float ? Limits.maximumFloatProductElements : Limits.maximumElements)
        let work = Double(m) * Double(k) * Double(n)
        let limit = Double(float ? Limits.maximumFloatProductWork : Limits.maximumExactProductWork)
        guard work <= limit else {
            throw Diagnostic("multiplying \(a.shape) by \(b.shape) is too much work for the \(float ? "float" : "exact") path"
                             + (float ? "" : "; try :float or --float"))
        }
        if float {
            return Tensor(shape: shape, float: try BLAS.product(a.floatElements, b.floatElements, m, k, n))
        }
        return Tensor(shape: shape, exact: try exactProduct(a.exactElements, b.exactElements, m, k, n))
    }

    private static func exactProduct(_ x: [Scalar], _ y: [Scalar], _ m: Int, _ k: Int, _ n: Int) throws -> [Scalar] {
        var out: [Scalar] = []
        out.reserveCapacity(m * n)
        var terms: [Scalar] = []
        terms.reserveCapacity(k)
        for i in 0..<m {
            try Interrupt.check()
            for j in 0..<n {
                // All-rational rows and columns accumulate directly; anything real becomes one sum node.
                var acc = Rational.zero
                var exact = true
                terms.removeAll(keepingCapacity: true)
                for t in 0..<k {
                    let p = x[i * k + t], q = y[t * n + j]
                    if exact, case let .rational(u) = p, case let .rational(v) = q {
                        acc = acc + u * v
                    } else {
                        if exact { exact = false; terms.append(.rational(acc)) }
                        terms.append(p * q)
                    }
                }
                out.append(exact ? .rational(acc) : Scalar.sum(terms))
            }
        }
        return out
    }

    /// Vectors become rows (1×n) and 1×n rows become vectors; matrices swap their axes.
    public func transposed() -> Tensor {
        switch shape {
        case .scalar: return self
        case let .vector(n): return reshaped(.matrix(1, n))
        case let .matrix(1, n): return reshaped(.vector(n))
        case .matrix: return matrixTransposed()
        }
    }

    /// The transpose as a matrix even when it has one column (for sequences inside built-ins).
    func matrixTransposed() -> Tensor {
        switch shape {
        case .scalar: return self
        case let .vector(n): return reshaped(.matrix(1, n))
        case let .matrix(r, c):
            var index: [Int] = []
            index.reserveCapacity(r * c)
            for j in 0..<c { for i in 0..<r { index.append(i * c + j) } }
            switch elements {
            case let .exact(e): return Tensor(shape: .matrix(c, r), exact: index.map { e[$0] })
            case let .float(d): return Tensor(shape: .matrix(c, r), float: index.map { d[$0] })
            }
        }
    }
}
