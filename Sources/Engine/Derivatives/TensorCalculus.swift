// Tensor helpers the backward rules share: filled tensors of the forward values' kind,
// undoing a broadcast, matrix views of vectors and scalars.

extension Tensor {
    /// A tensor of one value, exact or float like `like`.
    static func filled(_ shape: Shape, _ value: Rational, like: Tensor) -> Tensor {
        like.isFloat ? Tensor(shape: shape, float: Array(repeating: value.doubleValue, count: shape.count))
                     : Tensor(shape: shape, exact: Array(repeating: .rational(value), count: shape.count))
    }

    static func zeros(_ shape: Shape, like: Tensor) -> Tensor { filled(shape, .zero, like: like) }

    /// The gradient of an operand that was broadcast to this gradient's shape: summed back over
    /// every position the operand was repeated at (all of them for a scalar, the rows for a row).
    func unbroadcast(to s: Shape) throws -> Tensor {
        if s == shape { return self }
        if s == .scalar { return try ReductionBuiltins.total(self) }
        let (r, c) = (shape.rows, shape.cols)
        var columns: [Tensor] = []
        for j in 0..<c {
            let column = try Indexing.index(self.reshaped(.matrix(r, c)), [.all, .single(j + 1)])
            columns.append(try ReductionBuiltins.total(column))
        }
        let values: [Scalar] = columns.map { $0.scalar(at: 0) }
        if isFloat { return Tensor(shape: s, float: columns.map { $0.floatElements[0] }) }
        return Tensor(shape: s, exact: values)
    }

    /// The matrix this tensor acts as in a product: an n-vector is n×1, a scalar 1×1.
    var asMatrix: Tensor { reshaped(.matrix(shape.rows, shape.cols)) }

    /// Adds another gradient of the same shape (several uses of one value add up).
    func accumulating(_ other: Tensor) throws -> Tensor {
        try (self + other.reshaped(shape)).reshaped(shape)
    }

    /// Element-wise with a function of each element, exact and float.
    func each(_ exact: (Scalar) throws -> Scalar, _ float: (Double) -> Double) throws -> Tensor {
        try map(exact, float: float)
    }

    static func .* (a: Tensor, b: Tensor) throws -> Tensor { try elementwise(a, b, .multiply) }
    static func ./ (a: Tensor, b: Tensor) throws -> Tensor { try elementwise(a, b, .divide) }
}

infix operator .* : MultiplicationPrecedence
infix operator ./ : MultiplicationPrecedence
