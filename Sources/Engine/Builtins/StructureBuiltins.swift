// Shapes and construction: transpose rows cols shape zeros ones eye vcat hcat causal rand.

enum StructureBuiltins {
    static let table: [Builtin] = [
        Builtin("transpose", 1...1, "transpose(A)", "Aᵀ: a vector becomes a row, a row a vector") { c in c[0].transposed() },
        Builtin("rows", 1...1, "rows(A)", "number of rows (a vector's length)") { c in count(c[0].shape.rows, c) },
        Builtin("cols", 1...1, "cols(A)", "number of columns (1 for a vector)") { c in count(c[0].shape.cols, c) },
        Builtin("shape", 1...1, "shape(A)", "the dimensions: [n] for a vector, [r, c] for a matrix") { c in
            let dims = c[0].shape.dimensions
            guard !dims.isEmpty else { throw Diagnostic("a scalar has no dimensions (its shape is [])") }
            return Tensor(shape: .vector(dims.count), exact: dims.map { Scalar($0) })
        },
        Builtin("zeros", 1...2, "zeros(n) or zeros(m, n)", "a vector or matrix of zeros") { c in try filled(c, 0) },
        Builtin("ones", 1...2, "ones(n) or ones(m, n)", "a vector or matrix of ones") { c in try filled(c, 1) },
        Builtin("eye", 1...1, "eye(n)", "the n×n identity matrix") { c in
            let n = try c.integer(0, "size")
            try Tensor.checkSize(n, n)
            return make(.matrix(n, n), float: c.float) { i, j in i == j ? 1 : 0 }
        },
        Builtin("causal", 1...1, "causal(n)", "the n×n lower-triangular 0/1 mask: position i may attend to j ≤ i") { c in
            let n = try c.integer(0, "size")
            try Tensor.checkSize(n, n)
            guard n >= 1 else { throw Diagnostic("causal needs a size of at least 1") }
            return make(.matrix(n, n), float: false) { i, j in j <= i ? 1 : 0 }
        },
        Builtin("vcat", 1...256, "vcat(a, b, …)", "stack top to bottom (vectors make a longer vector)") { c in
            try Concatenation.vertical(c.arguments)
        },
        Builtin("hcat", 1...256, "hcat(a, b, …)", "join side by side (vectors become columns)") { c in
            try Concatenation.horizontal(c.arguments)
        },
        Builtin("rand", 3...3, "rand(m, n, seed)", "a deterministic m×n matrix of short decimals in [-1, 1] for examples") { c in
            let m = try c.integer(0, "row count"), n = try c.integer(1, "column count"), seed = try c.integer(2, "seed")
            try Tensor.checkSize(m, n)
            guard m >= 1, n >= 1 else { throw Diagnostic("rand needs at least one row and one column") }
            var generator = SplitMix64(seed: UInt64(bitPattern: Int64(seed)))
            let values = (0..<(m * n)).map { _ in Rational(Int64(generator.next() % 201) - 100, 100) }
            if c.float { return Tensor(shape: .matrix(m, n), float: values.map(\.doubleValue)) }
            return Tensor(shape: .matrix(m, n), exact: values.map(Scalar.rational))
        },
    ]

    private static func count(_ n: Int, _ c: BuiltinCall) -> Tensor {
        c.float ? Tensor(shape: .scalar, float: [Double(n)]) : Tensor(Rational(n))
    }

    private static func filled(_ c: BuiltinCall, _ value: Int) throws -> Tensor {
        let m = try c.integer(0, "size")
        let shape: Shape
        if c.count == 2 {
            let n = try c.integer(1, "column count")
            try Tensor.checkSize(m, n)
            shape = .matrix(m, n)
        } else {
            try Tensor.checkSize(m, 1)
            shape = .vector(m)
        }
        guard shape.count > 0 else { throw Diagnostic("\(c.name) needs sizes of at least 1") }
        return make(shape, float: c.float) { _, _ in value }
    }

    /// A tensor whose element (i, j) (0-based) is an integer.
    static func make(_ shape: Shape, float: Bool, _ value: (Int, Int) -> Int) -> Tensor {
        let cols = shape.cols
        let ints = (0..<shape.count).map { value($0 / cols, $0 % cols) }
        return float ? Tensor(shape: shape, float: ints.map(Double.init))
                     : Tensor(shape: shape, exact: ints.map { Scalar($0) })
    }
}

/// A small, fast, reproducible generator (Steele, Lea & Flood's SplitMix64).
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in 0..<n (0 when n ≤ 1).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(n, 1))) }
}
