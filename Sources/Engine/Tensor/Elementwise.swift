// Element-wise operations with broadcasting: a scalar over anything, and a row
// (a 1×n matrix or an n-vector) over the rows of an m×n matrix, as in `X W + b`.

extension Tensor {
    /// An element-wise operation on exact values and its float counterpart.
    public struct Operation: Sendable {
        public var verb: Message                         // "add", "subtract", "multiply element-wise" …
        public var exact: @Sendable (Scalar, Scalar) throws -> Scalar
        public var float: @Sendable (Double, Double) -> Double
        /// k with x op c = k·x for a nonzero rational c on the right, when the operation is such
        /// a scaling (x / c, x · c): a large tensor is then scaled on every core with one
        /// reciprocal, not one `exact` call per element (attention's scores / √d_k).
        var rightRationalFactor: (@Sendable (Rational) -> Rational)?
        public init(verb: Message, exact: @escaping @Sendable (Scalar, Scalar) throws -> Scalar, float: @escaping @Sendable (Double, Double) -> Double) {
            self.verb = verb; self.exact = exact; self.float = float
        }
    }

    public static func elementwise(_ a: Tensor, _ b: Tensor, _ op: Operation) throws -> Tensor {
        let shape = try broadcastShape(a.shape, b.shape, verb: op.verb)
        let ia = broadcastIndex(from: a.shape, to: shape), ib = broadcastIndex(from: b.shape, to: shape)
        let n = shape.count
        if a.isFloat || b.isFloat {
            let x = a.floatElements, y = b.floatElements
            let out = [Double](unsafeUninitializedCapacity: n) { o, initialized in
                x.withUnsafeBufferPointer { xs in
                    y.withUnsafeBufferPointer { ys in
                        // The common cases (equal shapes, a scalar on the right) index directly.
                        if a.shape == shape && b.shape == shape {
                            for i in 0..<n { o[i] = op.float(xs[i], ys[i]) }
                        } else if a.shape == shape && b.shape == .scalar {
                            let c = ys[0]
                            for i in 0..<n { o[i] = op.float(xs[i], c) }
                        } else {
                            for i in 0..<n { o[i] = op.float(xs[ia(i)], ys[ib(i)]) }
                        }
                    }
                }
                initialized = n
            }
            return Tensor(shape: shape, float: out)
        }
        let x = a.exactElements, y = b.exactElements
        if b.shape == .scalar, n >= scalingInParallel, let factor = op.rightRationalFactor,
           case let .rational(c) = y[0], !c.isZero {
            // Scalar.scale only makes nodes (no evaluation): blocks are scaled in parallel.
            let k = factor(c)
            let out = try Parallel.rows(n, width: 1, filler: Scalar.zero, minimumCount: scalingInParallel) { block, out in
                for i in block {
                    if i & 1023 == 1023 { try Interrupt.check() }
                    out[i] = Scalar.scale(x[i], by: k)
                }
            }
            return Tensor(shape: shape, exact: out)
        }
        var out: [Scalar] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            if i & 1023 == 1023 { try Interrupt.check() }
            out.append(try op.exact(x[ia(i)], y[ib(i)]))
        }
        return Tensor(shape: shape, exact: out)
    }

    /// Elements from which scaling by a rational is spread over the cores.
    static let scalingInParallel = 16_384

    static func broadcastShape(_ a: Shape, _ b: Shape, verb: Message) throws -> Shape {
        if a == b { return a }
        switch (a, b) {
        case (.scalar, _): return b
        case (_, .scalar): return a
        case let (.matrix(_, c), .matrix(1, c2)) where c == c2: return a
        case let (.matrix(1, c), .matrix(_, c2)) where c == c2: return b
        case let (.matrix(_, c), .vector(n)) where c == n: return a
        case let (.vector(n), .matrix(_, c)) where c == n: return b
        default:
            throw Diagnostic("cannot \(verb) \(a) and \(b) (shapes must match, or one must be a scalar or a row that fits every row)")
        }
    }

    /// Maps an output position to the position in an operand of shape `s`.
    private static func broadcastIndex(from s: Shape, to out: Shape) -> (Int) -> Int {
        if s == out { return { $0 } }
        if s == .scalar { return { _ in 0 } }
        let c = out.cols
        return { $0 % c }      // a row repeated over the rows
    }

    /// Applies a function to every element.
    public func map(_ exact: (Scalar) throws -> Scalar, float: (Double) -> Double) throws -> Tensor {
        switch elements {
        case let .float(d): return Tensor(shape: shape, float: d.map(float))
        case let .exact(e):
            var out: [Scalar] = []
            out.reserveCapacity(e.count)
            for (i, x) in e.enumerated() {
                if i & 1023 == 1023 { try Interrupt.check() }
                out.append(try exact(x))
            }
            return Tensor(shape: shape, exact: out)
        }
    }

    public static func + (a: Tensor, b: Tensor) throws -> Tensor {
        try elementwise(a, b, Operation(verb: "add", exact: { $0 + $1 }, float: { $0 + $1 }))
    }

    public static func - (a: Tensor, b: Tensor) throws -> Tensor {
        try elementwise(a, b, Operation(verb: "subtract", exact: { $0 - $1 }, float: { $0 - $1 }))
    }

    public func negated() throws -> Tensor { try map({ -$0 }, float: { -$0 }) }

    public func scaled(by s: Scalar) throws -> Tensor { try Tensor.elementwise(self, Tensor(s), .multiply) }
}

extension Tensor.Operation {
    public static let multiply: Tensor.Operation = {
        var op = Tensor.Operation(verb: "multiply", exact: { $0 * $1 }, float: { $0 * $1 })
        op.rightRationalFactor = { $0 }                  // x · c = scale(x, by: c)
        return op
    }()
    public static let divide: Tensor.Operation = {
        var op = Tensor.Operation(verb: "divide", exact: { try Scalar.divide($0, $1) }, float: { $0 / $1 })
        op.rightRationalFactor = { $0.reciprocal }       // x / c = scale(x, by: 1/c) for c ≠ 0
        return op
    }()
}
