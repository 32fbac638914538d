// The documents' attention operations: softmax, attention (scaled dot product), multihead.

enum AttentionBuiltins {
    static let table: [Builtin] = [
        Builtin("softmax", 1...1, "softmax(x)", "exp(xⱼ)/Σₖ exp(xₖ); row by row on a matrix") { c in
            try Softmax.apply(c[0])
        },
        Builtin("attention", 3...4, "attention(Q, K, V[, M])",
                "softmax(Q Kᵀ / √d_k) V with d_k = cols(K); M is a 0/1 mask (1 = may attend)") { c in
            try attention(c[0], c[1], c[2], mask: c.count == 4 ? c[3] : nil, call: c, prefix: "")
        },
        Builtin("multihead", 6...7, "multihead(X, W_Q, W_K, W_V, W_O, h[, M])",
                "h heads of attention over column blocks of X W_Q, X W_K, X W_V, joined and projected by W_O") { c in
            try multihead(c)
        },
        Builtin("headwidth", 2...2, "headwidth(W, h)",
                "cols(W) / h, the width of one of h heads; refused when the columns do not split into h equal heads") { c in
            try headWidth(c)
        },
    ]

    /// The width of one head, with a message that says why when the columns do not split.
    private static func headWidth(_ c: BuiltinCall) throws -> Tensor {
        let h = try c.integer(1, "head count")
        guard h >= 1 else { throw Diagnostic("multihead needs at least one head") }
        let columns = c[0].shape.cols
        guard columns % h == 0 else {
            throw Diagnostic("\(columns) columns cannot be split into \(h) heads (\(columns) is not a multiple of \(h))")
        }
        return Tensor(Rational(columns / h))
    }

    /// softmax(Q Kᵀ / √d_k) V, recording scores, scaled scores, weights and output.
    static func attention(_ q: Tensor, _ k: Tensor, _ v: Tensor, mask: Tensor?, call c: BuiltinCall, prefix: String) throws -> Tensor {
        let keys = sequence(k), values = sequence(v)
        // A vector of length d_k is one query; with 1-dimensional keys a vector is a column of queries.
        let singleQuery = q.shape.isVector && keys.shape.cols > 1
        let query = singleQuery ? q.transposed() : sequence(q)
        guard query.shape.cols == keys.shape.cols else {
            throw Diagnostic("attention: Q has \(query.shape.cols) columns but K has \(keys.shape.cols) (queries and keys must have the same length d_k)")
        }
        guard keys.shape.rows == values.shape.rows else {
            throw Diagnostic("attention: K has \(keys.shape.rows) rows but V has \(values.shape.rows) (one value per key)")
        }
        let (k, v) = (keys, values)
        let scores = try Tensor.product(query, k.matrixTransposed())
        c.record("\(prefix)scores = Q K^T", scores)
        let dk = c.float ? Tensor(shape: .scalar, float: [Double(k.shape.cols)]) : Tensor(Rational(k.shape.cols))
        let root = try dk.map({ try $0.apply(.sqrt) }, float: { $0.squareRoot() })
        let scaled = try Tensor.elementwise(scores, root, .divide)
        c.record("\(prefix)scaled = scores / sqrt(d_k)", scaled)
        let allowed = try mask.map { try maskCells($0, rows: scores.shape.rows, cols: scores.shape.cols) }
        let weights = try Softmax.apply(scaled, mask: allowed)
        c.record("\(prefix)weights = softmax(scaled)", weights)
        let output = try Tensor.product(weights, v)
        c.record("\(prefix)output = weights V", output)
        return singleQuery ? output.transposed() : output
    }

    /// A sequence as a matrix whose rows are its vectors; an n-vector is n rows of one number.
    static func sequence(_ t: Tensor) -> Tensor {
        switch t.shape {
        case .matrix: return t
        case let .vector(n): return t.reshaped(.matrix(n, 1))
        case .scalar: return t.reshaped(.matrix(1, 1))
        }
    }

    /// A 0/1 mask of the scores' shape as booleans.
    static func maskCells(_ m: Tensor, rows: Int, cols: Int) throws -> [Bool] {
        guard m.shape.rows == rows, m.shape.cols == cols else {
            throw Diagnostic("the mask is \(m.shape) but the scores are \(rows)×\(cols)")
        }
        return try (0..<m.count).map { i in
            let s = m.scalar(at: i)
            guard let q = s.rational, q.isZero || q == .one else {
                throw Diagnostic("a mask holds only 0 (masked) and 1 (may attend)")
            }
            return q == .one
        }
    }

    private static func multihead(_ c: BuiltinCall) throws -> Tensor {
        let h = try c.integer(5, "head count")
        guard h >= 1 else { throw Diagnostic("multihead needs at least one head") }
        let x = sequence(c[0])
        let q = sequence(try Tensor.product(x, c[1])), k = sequence(try Tensor.product(x, c[2]))
        let v = sequence(try Tensor.product(x, c[3]))
        c.record("Q = X W_Q", q)
        c.record("K = X W_K", k)
        c.record("V = X W_V", v)
        for (name, t) in [("X W_Q", q), ("X W_K", k), ("X W_V", v)] where t.shape.cols % h != 0 {
            throw Diagnostic("multihead: \(name) has \(t.shape.cols) columns, which do not split into \(h) equal heads")
        }
        guard q.shape.cols == k.shape.cols else {
            throw Diagnostic("multihead: W_Q and W_K must have the same number of columns (\(q.shape.cols) and \(k.shape.cols))")
        }
        let dq = q.shape.cols / h, dv = v.shape.cols / h
        var heads: [Tensor] = []
        for i in 0..<h {
            func block(_ t: Tensor, _ width: Int) throws -> Tensor {
                try Indexing.index(t, [.all, .range(i * width + 1, (i + 1) * width)])
            }
            let head = try attention(try block(q, dq), try block(k, dq), try block(v, dv),
                                     mask: c.count == 7 ? c[6] : nil, call: c, prefix: "head_\(i + 1) ")
            c.record("head_\(i + 1)", head)
            heads.append(head)
        }
        let joined = try Concatenation.horizontal(heads)
        c.record("concat = hcat(head_1, …, head_\(h))", joined)
        let output = try Tensor.product(joined, c[4])
        c.record("output = concat W_O", output)
        return output
    }
}
