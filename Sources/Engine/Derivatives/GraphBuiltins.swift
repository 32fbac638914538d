// Built-ins in the gradient graph. Element-wise functions, sums and softmax are primitive
// operations; attention, multihead, rnn, additive and layernorm are spelled out in them, step
// by step as the built-ins compute, so their gradients follow from the primitives' rules
// (rnn's is backpropagation through time). Sizes, masks and encodings are constants.

struct GraphBuiltins {
    let builder: GraphBuilder
    let name: String
    let label: String

    /// Built-ins whose value does not change when their arguments change a little (sizes,
    /// masks, fixed encodings, positions): their gradient is 0.
    static let constants: Set<String> = ["rows", "cols", "shape", "zeros", "ones", "eye", "causal", "rand", "posenc", "argmax"]

    func call(_ builtin: Builtin, _ args: [GradNode]) throws -> GradNode {
        if Self.constants.contains(name) {
            let value = try builtin.run(BuiltinCall(arguments: args.map(\.value), float: builder.evaluator.float,
                                                    recorder: TraceRecorder(), name: name))
            return .constant(value, label)
        }
        if let f = RealFunction(rawValue: name) { return try GraphOperations.function(f, args[0], label) }
        switch name {
        case "relu": return try GraphOperations.relu(args[0], label)
        case "abs": return try GraphOperations.abs(args[0], label)
        case "sum": return try GraphOperations.total(args[0], label)
        case "mean": return try GraphOperations.divide(try GraphOperations.total(args[0], "sum(…)"), count(args[0]), label)
        case "norm":
            if args[0].needsGradient, try !args[0].value.containsNonzero {
                throw Diagnostic("grad: norm has no derivative at the zero vector (its slope depends on the direction)")
            }
            let squares = try GraphOperations.multiply(args[0], args[0], "(\(args[0].label)).^2")
            return try GraphOperations.function(.sqrt, try GraphOperations.total(squares, "sum of squares"), label)
        case "dot":
            guard args[0].value.count == args[1].value.count else {
                throw Diagnostic("dot needs equal lengths, got \(args[0].value.shape) and \(args[1].value.shape)")
            }
            let products = try GraphOperations.multiply(try reshape(args[0], .vector(args[0].value.count)),
                                                        try reshape(args[1], .vector(args[1].value.count)), "elementwise products")
            return try GraphOperations.total(products, label)
        case "max", "min": return try extreme(args, larger: name == "max")
        case "transpose": return try GraphOperations.structural(args, label) { $0[0].transposed() }
        case "vcat": return try GraphOperations.structural(args, label) { try Concatenation.vertical($0) }
        case "hcat": return try GraphOperations.structural(args, label) { try Concatenation.horizontal($0) }
        case "softmax": return try GraphOperations.softmax(args[0], mask: nil, label)
        case "attention": return try attention(args[0], args[1], args[2], mask: args.count == 4 ? args[3].value : nil, prefix: "")
        case "multihead": return try multihead(args)
        case "rnn": return try rnn(args)
        case "additive": return try additive(args)
        case "layernorm": return try layernorm(args)
        default:
            throw Diagnostic("grad: \(name) has no derivative rule")
        }
    }

    private func count(_ a: GradNode) -> GradNode {
        let n = Tensor.filled(.scalar, Rational(a.value.count), like: a.value)
        return .constant(n, "\(a.value.count)")
    }

    private func constant(_ q: Rational, like: Tensor) -> GradNode {
        .constant(Tensor.filled(.scalar, q, like: like), "\(q)")
    }

    private func step(_ text: String) -> String { "\(name): \(text)" }

    func reshape(_ a: GradNode, _ shape: Shape) throws -> GradNode {
        if a.value.shape == shape { return a }
        return GradNode(value: a.value.reshaped(shape), label: a.label, parents: [a],
                        rules: ["∂L/∂(\(short(a.label))) = ∂L/∂(\(short(a.label))) reshaped"]) { g in [g.reshaped(a.value.shape)] }
    }

    private func sequence(_ a: GradNode) throws -> GradNode {
        switch a.value.shape {
        case .matrix: return a
        case let .vector(n): return try reshape(a, .matrix(n, 1))
        case .scalar: return try reshape(a, .matrix(1, 1))
        }
    }

    /// max(A) / min(A): the gradient goes to the element chosen (the first at a tie, as the
    /// value is chosen); max(a, b): to a where a was chosen (a at a tie), else to b.
    private func extreme(_ args: [GradNode], larger: Bool) throws -> GradNode {
        func better(_ x: Scalar, _ y: Scalar, strict: Bool) throws -> Bool {
            let s = try Scalar.compare(x, y)
            return larger ? (strict ? s > 0 : s >= 0) : (strict ? s < 0 : s <= 0)
        }
        let a = args[0].value
        if args.count == 1 {
            let values = a.isFloat ? a.floatElements.map { Scalar(Rational(exactly: $0) ?? .zero) } : a.exactElements
            var best = 0
            for i in 1..<max(values.count, 1) where try better(values[i], values[best], strict: true) { best = i }
            return try GraphOperations.structural(args, label) { t in Tensor(shape: .scalar, exact: [t[0].scalar(at: best)]).converted(like: t[0]) }
        }
        let b = args[1].value
        let shape = try Tensor.broadcastShape(a.shape, b.shape, verb: larger ? "take the maximum of" : "take the minimum of")
        func position(_ s: Shape, _ i: Int) -> Int { s == shape ? i : s == .scalar ? 0 : i % shape.cols }
        let takeA = try (0..<shape.count).map { i in try better(a.scalar(at: position(a.shape, i)), b.scalar(at: position(b.shape, i)), strict: false) }
        return try GraphOperations.structural(args, label) { t in
            let cells = (0..<shape.count).map { i in takeA[i] ? t[0].scalar(at: position(a.shape, i)) : t[1].scalar(at: position(b.shape, i)) }
            return Tensor(shape: shape, exact: cells).converted(like: t[0])
        }
    }

    // MARK: The documents' operations

    /// softmax(Q Kᵀ / √d_k) V as AttentionBuiltins.attention computes it.
    func attention(_ q: GradNode, _ k: GradNode, _ v: GradNode, mask: Tensor?, prefix: String) throws -> GradNode {
        let keys = try sequence(k), values = try sequence(v)
        let singleQuery = q.value.shape.isVector && keys.value.shape.cols > 1
        let query = singleQuery ? try GraphOperations.structural([q], q.label + "ᵀ") { $0[0].transposed() } : try sequence(q)
        guard query.value.shape.cols == keys.value.shape.cols else {
            throw Diagnostic("attention: Q has \(query.value.shape.cols) columns but K has \(keys.value.shape.cols) (queries and keys must have the same length d_k)")
        }
        guard keys.value.shape.rows == values.value.shape.rows else {
            throw Diagnostic("attention: K has \(keys.value.shape.rows) rows but V has \(values.value.shape.rows) (one value per key)")
        }
        let keysT = try GraphOperations.structural([keys], step("\(prefix)K^T")) { $0[0].matrixTransposed() }
        let scores = try GraphOperations.product(query, keysT, step("\(prefix)scores = Q K^T"))
        let dk = keys.value.shape.cols
        let float = builder.evaluator.float
        let root = float ? Tensor(shape: .scalar, float: [Double(dk).squareRoot()]) : Tensor(try Scalar(dk).apply(.sqrt))
        let scaled = try GraphOperations.divide(scores, .constant(root, "sqrt(\(dk))"), step("\(prefix)scaled = scores / sqrt(d_k)"))
        let allowed = try mask.map { try AttentionBuiltins.maskCells($0, rows: scores.value.shape.rows, cols: scores.value.shape.cols) }
        let weights = try GraphOperations.softmax(scaled, mask: allowed, step("\(prefix)weights = softmax(scaled)"))
        let output = try GraphOperations.product(weights, values, step("\(prefix)output = weights V"))
        return singleQuery ? try GraphOperations.structural([output], label) { $0[0].transposed() } : output
    }

    private func multihead(_ args: [GradNode]) throws -> GradNode {
        let h = try Evaluator.integer(args[5].value, "multihead's head count")
        guard h >= 1 else { throw Diagnostic("multihead needs at least one head") }
        let x = try sequence(args[0])
        let q = try sequence(try GraphOperations.product(x, args[1], step("Q = X W_Q")))
        let k = try sequence(try GraphOperations.product(x, args[2], step("K = X W_K")))
        let v = try sequence(try GraphOperations.product(x, args[3], step("V = X W_V")))
        for (n, t) in [("X W_Q", q), ("X W_K", k), ("X W_V", v)] where t.value.shape.cols % h != 0 {
            throw Diagnostic("multihead: \(n) has \(t.value.shape.cols) columns, which do not split into \(h) equal heads")
        }
        guard q.value.shape.cols == k.value.shape.cols else {
            throw Diagnostic("multihead: W_Q and W_K must have the same number of columns (\(q.value.shape.cols) and \(k.value.shape.cols))")
        }
        let dq = q.value.shape.cols / h, dv = v.value.shape.cols / h
        var heads: [GradNode] = []
        for i in 0..<h {
            func block(_ t: GradNode, _ width: Int, _ what: String) throws -> GradNode {
                try GraphOperations.structural([t], step("\(what)_\(i + 1)")) { try Indexing.index($0[0], [.all, .range(i * width + 1, (i + 1) * width)]) }
            }
            heads.append(try attention(try block(q, dq, "Q"), try block(k, dq, "K"), try block(v, dv, "V"),
                                       mask: args.count == 7 ? args[6].value : nil, prefix: "head_\(i + 1) "))
        }
        let joined = try GraphOperations.structural(heads, step("concat = hcat(head_1, …, head_\(h))")) { try Concatenation.horizontal($0) }
        return try GraphOperations.product(joined, args[4], label)
    }

    private func column(_ t: GradNode, _ what: String) throws -> GradNode {
        switch t.value.shape {
        case .vector: return t
        case let .matrix(1, n): return try reshape(t, .vector(n))
        default: throw Diagnostic("\(what) must be a vector, got \(t.value.shape)")
        }
    }

    private func rows(_ t: GradNode, _ what: String) throws -> [GradNode] {
        guard case let .matrix(r, _) = t.value.shape else {
            throw Diagnostic("\(what) must be a matrix whose rows are the sequence's vectors, got \(t.value.shape)")
        }
        // Halving, not one pick per row from the whole matrix: each pick's gradient is as large as
        // its source, so picking T rows from T rows directly would cost T² (rnn over long X).
        var out: [GradNode] = []
        func split(_ block: GradNode, first: Int, count: Int) throws {
            if count == 1 {
                out.append(try GraphOperations.structural([block], "\(t.label)[\(first)]") { try Indexing.index($0[0], [.single(1)]) })
                return
            }
            let half = count / 2
            let top = try GraphOperations.structural([block], "\(t.label)[\(first):\(first + half - 1), :]") { try Indexing.index($0[0], [.range(1, half)]) }
            let bottom = try GraphOperations.structural([block], "\(t.label)[\(first + half):\(first + count - 1), :]") { try Indexing.index($0[0], [.range(half + 1, count)]) }
            try split(top, first: first, count: half)
            try split(bottom, first: first + half, count: count - half)
        }
        try split(t, first: 1, count: r)
        return out
    }

    /// hₜ = tanh(W_hh hₜ₋₁ + W_xh xₜ + b_h): the gradient flows back through every step.
    private func rnn(_ args: [GradNode]) throws -> GradNode {
        let xs = try rows(args[0], "X"), whh = args[1], wxh = args[2], b = try column(args[3], "b_h")
        let hidden = b.value.count
        guard whh.value.shape == .matrix(hidden, hidden) else {
            throw Diagnostic("rnn: W_hh must be \(hidden)×\(hidden) to match b_h, got \(whh.value.shape)")
        }
        guard wxh.value.shape == .matrix(hidden, xs[0].value.count) else {
            throw Diagnostic("rnn: W_xh must be \(hidden)×\(xs[0].value.count) (hidden size × input size), got \(wxh.value.shape)")
        }
        var h = args.count == 5 ? try column(args[4], "h_0")
            : GradNode.constant(Tensor.zeros(.vector(hidden), like: b.value), "h_0")
        guard h.value.count == hidden else { throw Diagnostic("rnn: h_0 must have \(hidden) elements, got \(h.value.count)") }
        var states: [GradNode] = []
        for (t, x) in xs.enumerated() {
            try Interrupt.check()
            let recurrent = try GraphOperations.product(whh, h, step("W_hh h_\(t)"))
            let input = try GraphOperations.product(wxh, x, step("W_xh x_\(t + 1)"))
            let pre = try GraphOperations.add(try GraphOperations.add(recurrent, input, step("W_hh h_\(t) + W_xh x_\(t + 1)")), b,
                                              step("W_hh h_\(t) + W_xh x_\(t + 1) + b_h"))
            h = try GraphOperations.function(.tanh, pre, step("h_\(t + 1)"))
            states.append(h)
        }
        return try GraphOperations.structural(states, label) { try Concatenation.vertical($0.map { $0.transposed() }) }
    }

    /// eⱼ = vᵀ tanh(W_h h + W_s sⱼ) for each row sⱼ of S.
    private func additive(_ args: [GradNode]) throws -> GradNode {
        let h = try column(args[0], "h"), ss = try rows(args[1], "S"), wh = args[2], ws = args[3], v = try column(args[4], "v")
        let projected = try GraphOperations.product(wh, h, step("W_h h"))
        let vT = try GraphOperations.structural([v], "vᵀ") { $0[0].transposed() }
        var scores: [GradNode] = []
        for (j, s) in ss.enumerated() {
            let sum = try GraphOperations.add(projected, try GraphOperations.product(ws, s, step("W_s s_\(j + 1)")), step("W_h h + W_s s_\(j + 1)"))
            let inner = try GraphOperations.function(.tanh, sum, step("tanh(W_h h + W_s s_\(j + 1))"))
            guard inner.value.count == v.value.count else {
                throw Diagnostic("additive: v has \(v.value.count) elements but W_h h + W_s s has \(inner.value.count)")
            }
            scores.append(try GraphOperations.product(vT, inner, step("e_\(j + 1)")))
        }
        return try GraphOperations.structural(scores, label) { parts in
            try Concatenation.vertical(parts).reshaped(.vector(parts.count))
        }
    }

    /// Each row minus its mean, over √(variance + eps); the mean and variance depend on the row too.
    private func layernorm(_ args: [GradNode]) throws -> GradNode {
        let x = args[0]
        let eps = args.count == 2 ? args[1] : constant(Rational(1, 100_000), like: x.value)
        guard eps.value.shape == .scalar, try eps.value.scalar(at: 0).sign >= 0 else {
            throw Diagnostic("layernorm's eps must be a scalar ≥ 0")
        }
        let width = x.value.shape.isVector ? x.value.count : x.value.shape.cols
        let rowCount = x.value.count / width
        var out: [GradNode] = []
        for r in 0..<rowCount {
            try Interrupt.check()
            let row = x.value.shape.isVector ? x : try GraphOperations.structural([x], "\(x.label)[\(r + 1)]") { try Indexing.index($0[0], [.single(r + 1)]) }
            let n = constant(Rational(width), like: x.value)
            let mean = try GraphOperations.divide(try GraphOperations.total(row, step("sum of row \(r + 1)")), n, step("mean of row \(r + 1)"))
            let centred = try GraphOperations.subtract(row, mean, step("row \(r + 1) - mean"))
            let squares = try GraphOperations.multiply(centred, centred, step("(row \(r + 1) - mean).^2"))
            let variance = try GraphOperations.divide(try GraphOperations.total(squares, step("sum of squares of row \(r + 1)")), n, step("variance of row \(r + 1)"))
            let shifted = try GraphOperations.add(variance, eps, step("variance + eps of row \(r + 1)"))
            if shifted.needsGradient, try !shifted.value.containsNonzero {
                throw Diagnostic("grad: layernorm of a constant row with eps = 0 has no derivative (it divides by √0)")
            }
            let scale = try GraphOperations.function(.sqrt, shifted, step("√(variance + eps) of row \(r + 1)"))
            out.append(try GraphOperations.divide(centred, scale, step("row \(r + 1) normalised")))
        }
        if x.value.shape.isVector || x.value.shape == .scalar { return try reshape(out[0], x.value.shape) }
        return try GraphOperations.structural(out, label) { try Concatenation.vertical($0.map { $0.transposed() }) }
    }
}

extension Tensor {
    /// The same values as doubles when `like` is float (for placeholders built exactly).
    func converted(like: Tensor) -> Tensor {
        like.isFloat && !isFloat ? Tensor(shape: shape, float: floatElements) : self
    }
}
