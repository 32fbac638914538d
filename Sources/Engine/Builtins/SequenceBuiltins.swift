// Sequence models from the documents: rnn, additive scores, positional encoding, layer norm.
#if canImport(Glibc)
import Glibc
#endif

enum SequenceBuiltins {
    static let table: [Builtin] = [
        Builtin("rnn", 4...5, "rnn(X, W_hh, W_xh, b_h[, h_0])",
                "hₜ = tanh(W_hh hₜ₋₁ + W_xh xₜ + b_h) over the rows xₜ of X; the rows of the result are h_1..h_T") { c in
            try rnn(c)
        },
        Builtin("additive", 5...5, "additive(h, S, W_h, W_s, v)",
                "the scores eⱼ = vᵀ tanh(W_h h + W_s sⱼ) over the rows sⱼ of S") { c in
            try additive(c)
        },
        Builtin("posenc", 2...2, "posenc(n, d)",
                "sinusoidal positional encoding: PE[pos, 2i] = sin(pos/10000^(2i/d)), PE[pos, 2i+1] = cos(…), pos = 0..n-1") { c in
            try posenc(c)
        },
        Builtin("layernorm", 1...2, "layernorm(X[, eps])",
                "each row minus its mean, divided by √(variance + eps); population variance, eps = 1e-5 by default") { c in
            try layernorm(c)
        },
    ]

    /// A vector, accepting a 1×n row too (biases are written either way).
    private static func column(_ t: Tensor, _ what: String) throws -> Tensor {
        switch t.shape {
        case .vector: return t
        case let .matrix(1, n): return t.reshaped(.vector(n))
        default: throw Diagnostic("\(what) must be a vector, got \(t.shape)")
        }
    }

    private static func rows(_ t: Tensor, _ what: String) throws -> [Tensor] {
        guard case let .matrix(r, _) = t.shape else {
            throw Diagnostic("\(what) must be a matrix whose rows are the sequence's vectors, got \(t.shape)")
        }
        return try (1...r).map { try Indexing.index(t, [.single($0)]) }
    }

    private static func rnn(_ c: BuiltinCall) throws -> Tensor {
        let xs = try rows(c[0], "X"), whh = c[1], wxh = c[2], b = try column(c[3], "b_h")
        let hidden = b.count
        guard whh.shape == .matrix(hidden, hidden) else {
            throw Diagnostic("rnn: W_hh must be \(hidden)×\(hidden) to match b_h, got \(whh.shape)")
        }
        guard wxh.shape == .matrix(hidden, xs[0].count) else {
            throw Diagnostic("rnn: W_xh must be \(hidden)×\(xs[0].count) (hidden size × input size), got \(wxh.shape)")
        }
        var h = c.count == 5 ? try column(c[4], "h_0")
                             : StructureBuiltins.make(.vector(hidden), float: c.float) { _, _ in 0 }
        guard h.count == hidden else { throw Diagnostic("rnn: h_0 must have \(hidden) elements, got \(h.count)") }
        var states: [Tensor] = []
        for (t, x) in xs.enumerated() {
            try Interrupt.check()
            let pre = try Tensor.product(whh, h) + Tensor.product(wxh, x) + b
            h = try pre.map({ try $0.apply(.tanh) }, float: tanh)
            c.record("h_\(t + 1) = tanh(W_hh h_\(t) + W_xh x_\(t + 1) + b_h)", h)
            states.append(h)
        }
        return try Concatenation.vertical(states.map { $0.transposed() })
    }

    private static func additive(_ c: BuiltinCall) throws -> Tensor {
        let h = try column(c[0], "h"), ss = try rows(c[1], "S"), wh = c[2], ws = c[3], v = try column(c[4], "v")
        let projected = try Tensor.product(wh, h)
        c.record("W_h h", projected)
        var scores: [Tensor] = []
        for (j, s) in ss.enumerated() {
            let inner = try (projected + Tensor.product(ws, s)).map({ try $0.apply(.tanh) }, float: tanh)
            guard inner.count == v.count else {
                throw Diagnostic("additive: v has \(v.count) elements but W_h h + W_s s has \(inner.count)")
            }
            let e = try Tensor.product(v.transposed(), inner)
            c.record("e_\(j + 1) = v^T tanh(W_h h + W_s s_\(j + 1))", e)
            scores.append(e)
        }
        if c.float { return Tensor(shape: .vector(scores.count), float: scores.map { $0.floatElements[0] }) }
        return Tensor(shape: .vector(scores.count), exact: scores.map { $0.scalar(at: 0) })
    }

    private static func posenc(_ c: BuiltinCall) throws -> Tensor {
        let n = try c.integer(0, "length"), d = try c.integer(1, "dimension")
        guard n >= 1, d >= 1 else { throw Diagnostic("posenc needs n ≥ 1 and d ≥ 1") }
        try Tensor.checkSize(n, d)
        if c.float {
            var out = [Double](repeating: 0, count: n * d)
            for pos in 0..<n {
                for j in 0..<d {
                    let angle = Double(pos) / pow(10000, Double(2 * (j / 2)) / Double(d))
                    out[pos * d + j] = j % 2 == 0 ? sin(angle) : cos(angle)
                }
            }
            return Tensor(shape: .matrix(n, d), float: out)
        }
        // One denominator 10000^(2i/d) per column pair, shared by every position.
        let denominators = try (0..<((d + 1) / 2)).map { i in
            try Scalar(10000).power(.rational(Rational(Int64(2 * i), Int64(d))))
        }
        var out: [Scalar] = []
        out.reserveCapacity(n * d)
        for pos in 0..<n {
            try Interrupt.check()
            for j in 0..<d {
                let angle = try Scalar.divide(Scalar(pos), denominators[j / 2])
                out.append(try angle.apply(j % 2 == 0 ? .sin : .cos))
            }
        }
        return Tensor(shape: .matrix(n, d), exact: out)
    }

    private static func layernorm(_ c: BuiltinCall) throws -> Tensor {
        let x = c[0]
        let eps: Tensor = c.count == 2 ? c[1] : Tensor(Rational(1, 100_000))
        guard eps.shape == .scalar, try eps.scalar(at: 0).sign >= 0 else {
            throw Diagnostic("layernorm's eps must be a scalar ≥ 0")
        }
        let width = x.shape.isVector ? x.count : x.shape.cols
        let rowCount = x.count / width
        var out: [Tensor] = []
        for r in 0..<rowCount {
            try Interrupt.check()
            let row = x.shape.isVector ? x : try Indexing.index(x, [.single(r + 1)])
            let n = Tensor(Rational(width))
            let mean = try Tensor.elementwise(try ReductionBuiltins.total(row), n, .divide)
            let centred = try row - mean
            let variance = try Tensor.elementwise(try ReductionBuiltins.total(try Tensor.elementwise(centred, centred, .multiply)), n, .divide)
            let scale = try (variance + eps).map({ try $0.apply(.sqrt) }, float: { $0.squareRoot() })
            out.append(try Tensor.elementwise(centred, scale, .divide))
        }
        if x.shape.isVector || x.shape == .scalar { return out[0].reshaped(x.shape) }
        return try Concatenation.vertical(out.map { $0.transposed() })
    }
}
