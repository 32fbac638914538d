// The primitive operations of the gradient graph, each with its local derivative. Built-ins
// like attention are made of these (GraphBuiltins), so their gradients need no rules of their own.
#if canImport(Glibc)
import Glibc
#endif

enum GraphOperations {
    static func add(_ a: GradNode, _ b: GradNode, _ label: String) throws -> GradNode {
        let value = try a.value + b.value
        return GradNode(value: value, label: label, parents: [a, b],
                        rules: ["∂L/∂(\(short(a.label))) = ∂L/∂(\(short(label)))", "∂L/∂(\(short(b.label))) = ∂L/∂(\(short(label)))"],
                        cellRules: [.elementwise(factor: one(a.value), factorText: "1"), .elementwise(factor: one(b.value), factorText: "1")]) { g in
            [try g.unbroadcast(to: a.value.shape), try g.unbroadcast(to: b.value.shape)]
        }
    }

    static func subtract(_ a: GradNode, _ b: GradNode, _ label: String) throws -> GradNode {
        let value = try a.value - b.value
        return GradNode(value: value, label: label, parents: [a, b],
                        rules: ["∂L/∂(\(short(a.label))) = ∂L/∂(\(short(label)))", "∂L/∂(\(short(b.label))) = -∂L/∂(\(short(label)))"],
                        cellRules: [.elementwise(factor: one(a.value), factorText: "1"), .elementwise(factor: try one(b.value).negated(), factorText: "-1")]) { g in
            [try g.unbroadcast(to: a.value.shape), try g.negated().unbroadcast(to: b.value.shape)]
        }
    }

    static func negate(_ a: GradNode, _ label: String) throws -> GradNode {
        GradNode(value: try a.value.negated(), label: label, parents: [a], rules: ["∂L/∂(\(short(a.label))) = -∂L/∂(\(short(label)))"],
                 cellRules: [.elementwise(factor: try one(a.value).negated(), factorText: "-1")]) { g in [try g.negated()] }
    }

    private static func one(_ t: Tensor) -> Tensor { Tensor.filled(t.shape, .one, like: t) }

    /// The matrix product (scaling when one side is a scalar), with the documents' shape rules.
    static func product(_ a: GradNode, _ b: GradNode, _ label: String) throws -> GradNode {
        let value = try Tensor.product(a.value, b.value)
        if a.value.shape == .scalar || b.value.shape == .scalar { return try multiply(a, b, label, value: value) }
        let (A, B) = (a.value.asMatrix, b.value.asMatrix)
        return GradNode(value: value, label: label, parents: [a, b],
                        rules: ["∂L/∂(\(short(a.label))) = ∂L/∂(\(short(label))) (\(short(b.label)))ᵀ", "∂L/∂(\(short(b.label))) = (\(short(a.label)))ᵀ ∂L/∂(\(short(label)))"],
                        cellRules: [.productLeft(b: B, bLabel: b.label), .productRight(a: A, aLabel: a.label)]) { g in
            let G = g.reshaped(.matrix(A.shape.rows, B.shape.cols))
            return [a.needsGradient ? try Tensor.product(G, B.matrixTransposed()).reshaped(a.value.shape) : nil,
                    b.needsGradient ? try Tensor.product(A.matrixTransposed(), G).reshaped(b.value.shape) : nil]
        }
    }

    /// Element-wise product (with broadcasting), also a scalar times a tensor.
    static func multiply(_ a: GradNode, _ b: GradNode, _ label: String, value: Tensor? = nil) throws -> GradNode {
        let value = try value ?? (a.value .* b.value)
        return GradNode(value: value, label: label, parents: [a, b],
                        rules: ["∂L/∂(\(short(a.label))) = ∂L/∂(\(short(label))) ⊙ (\(short(b.label)))", "∂L/∂(\(short(b.label))) = (\(short(a.label))) ⊙ ∂L/∂(\(short(label)))"],
                        cellRules: [a.value.shape == value.shape && b.value.shape == value.shape ? .elementwise(factor: b.value, factorText: b.label) : nil,
                                    a.value.shape == value.shape && b.value.shape == value.shape ? .elementwise(factor: a.value, factorText: a.label) : nil]) { g in
            [a.needsGradient ? try (g .* b.value).unbroadcast(to: a.value.shape) : nil,
             b.needsGradient ? try (g .* a.value).unbroadcast(to: b.value.shape) : nil]
        }
    }

    /// Element-wise quotient (also `/` by a scalar): ∂/∂a = 1/b, ∂/∂b = -a/b² = -(a/b)/b.
    static func divide(_ a: GradNode, _ b: GradNode, _ label: String) throws -> GradNode {
        let value = try a.value ./ b.value
        return GradNode(value: value, label: label, parents: [a, b],
                        rules: ["∂L/∂(\(short(a.label))) = ∂L/∂(\(short(label))) ⊘ (\(short(b.label)))",
                                "∂L/∂(\(short(b.label))) = -∂L/∂(\(short(label))) ⊙ (\(short(label))) ⊘ (\(short(b.label)))"]) { g in
            [a.needsGradient ? try (g ./ b.value).unbroadcast(to: a.value.shape) : nil,
             b.needsGradient ? try ((try g .* value).negated() ./ b.value).unbroadcast(to: b.value.shape) : nil]
        }
    }

    /// xᵖ element-wise. A constant exponent gives p·xᵖ⁻¹; an exponent that depends on the
    /// differentiated tensor also gives xᵖ·log x (which needs x > 0).
    static func power(_ a: GradNode, _ b: GradNode, _ label: String) throws -> GradNode {
        let value = try Tensor.elementwise(a.value, b.value, .power)
        var slope: Tensor? = nil
        if a.needsGradient {
            let p = b.value
            if p.shape == .scalar, let q = p.scalar(at: 0).rational, q.isZero {
                slope = Tensor.zeros(a.value.shape, like: a.value)        // x⁰ = 1 is constant
            } else {
                let exponentBelowOne = try p.each({ try Scalar.compare($0, .one) < 0 ? .one : .zero }, { $0 < 1 ? 1 : 0 })
                if try exponentBelowOne.containsNonzero, try a.value.containsZero {
                    throw Diagnostic("grad: x.^p with p < 1 has no derivative at x = 0 (its slope is infinite there)")
                }
                let lowered = try p - Tensor.filled(.scalar, .one, like: p)
                slope = try p .* Tensor.elementwise(a.value, lowered, .power)
            }
        }
        if b.needsGradient, try a.value.each({ Scalar(try $0.sign > 0 ? 1 : 0) }, { $0 > 0 ? 1 : 0 }).containsZero {
            throw Diagnostic("grad: x.^p differentiated with respect to p needs every x > 0 (its derivative contains log x)")
        }
        return GradNode(value: value, label: label, parents: [a, b],
                        rules: ["∂L/∂(\(short(a.label))) = ∂L/∂(\(short(label))) ⊙ p (\(short(a.label))).^(p - 1), p = \(short(b.label))",
                                "∂L/∂(\(short(b.label))) = ∂L/∂(\(short(label))) ⊙ (\(short(label))) ⊙ log(\(short(a.label)))"],
                        cellRules: [slope.flatMap { $0.shape == value.shape ? .elementwise(factor: $0, factorText: "p (\(a.label))^(p - 1)") : nil }, nil]) { g in
            var da: Tensor? = nil, db: Tensor? = nil
            if let slope { da = try (g .* slope).unbroadcast(to: a.value.shape) }
            if b.needsGradient {
                let logs = try a.value.each({ try $0.apply(.log) }, { Glibc.log($0) })
                db = try (try g .* value .* logs).unbroadcast(to: b.value.shape)
            }
            return [da, db]
        }
    }

    /// exp log sqrt tanh sigmoid sin cos, element-wise.
    static func function(_ f: RealFunction, _ a: GradNode, _ label: String) throws -> GradNode {
        let x = a.value
        let float: (Double) -> Double
        switch f {
        case .exp: float = Glibc.exp
        case .log: float = Glibc.log
        case .sqrt: float = Glibc.sqrt
        case .tanh: float = Glibc.tanh
        case .sigmoid: float = { 1 / (1 + Glibc.exp(-$0)) }
        case .sin: float = Glibc.sin
        case .cos: float = Glibc.cos
        }
        let y = try x.each({ try $0.apply(f) }, float)
        if a.needsGradient, f == .sqrt, try x.containsZero {
            throw Diagnostic("grad: sqrt has no derivative at 0 (its slope is infinite there)")
        }
        let slope: Tensor, text: String
        switch f {
        case .exp: (slope, text) = (y, "exp(\(a.label))")
        case .log: (slope, text) = (try Tensor.filled(x.shape, .one, like: x) ./ x, "1 / (\(a.label))")
        case .sqrt: (slope, text) = (try Tensor.filled(x.shape, Rational(1, 2), like: x) ./ y, "1 / (2 sqrt(\(a.label)))")
        case .tanh: (slope, text) = (try y.each({ .one - $0 * $0 }, { 1 - $0 * $0 }), "1 - tanh(\(a.label))²")
        case .sigmoid: (slope, text) = (try y.each({ $0 * (.one - $0) }, { $0 * (1 - $0) }), "σ(\(a.label)) (1 - σ(\(a.label)))")
        case .sin: (slope, text) = (try x.each({ try $0.apply(.cos) }, Glibc.cos), "cos(\(a.label))")
        case .cos: (slope, text) = (try x.each({ -(try $0.apply(.sin)) }, { -Glibc.sin($0) }), "-sin(\(a.label))")
        }
        return elementwiseFunction(a, y, label, slope: slope, slopeText: text)
    }

    /// relu'(x) = 1 for x > 0 and 0 for x ≤ 0 (at 0 the convention of PyTorch: 0).
    static func relu(_ a: GradNode, _ label: String) throws -> GradNode {
        let x = a.value
        let y = try x.each({ try $0.sign > 0 ? $0 : .zero }, { Swift.max($0, 0) })
        let slope = try x.each({ try $0.sign > 0 ? .one : .zero }, { $0 > 0 ? 1 : 0 })
        return elementwiseFunction(a, y, label, slope: slope, slopeText: "[\(a.label) > 0]")
    }

    /// abs'(x) = sign(x); at 0 the subgradient 0 (PyTorch's convention).
    static func abs(_ a: GradNode, _ label: String) throws -> GradNode {
        let x = a.value
        let y = try x.each({ try $0.sign < 0 ? -$0 : $0 }, { Swift.abs($0) })
        let slope = try x.each({ Scalar(try $0.sign) }, { $0 > 0 ? 1 : $0 < 0 ? -1 : 0 })
        return elementwiseFunction(a, y, label, slope: slope, slopeText: "sign(\(a.label))")
    }

    private static func elementwiseFunction(_ a: GradNode, _ y: Tensor, _ label: String, slope: Tensor, slopeText: String) -> GradNode {
        GradNode(value: y, label: label, parents: [a], rules: ["∂L/∂(\(short(a.label))) = ∂L/∂(\(short(label))) ⊙ \(slopeText)"],
                 cellRules: [.elementwise(factor: slope, factorText: slopeText)]) { g in [try g .* slope] }
    }

    /// The sum of all elements: every element gets the sum's gradient.
    static func total(_ a: GradNode, _ label: String) throws -> GradNode {
        GradNode(value: try ReductionBuiltins.total(a.value), label: label, parents: [a],
                 rules: ["∂L/∂(\(short(a.label)))[i, j] = ∂L/∂(\(short(label)))"]) { g in
            [try Tensor.filled(a.value.shape, .one, like: a.value) .* g]
        }
    }

    /// Row-wise softmax, masked cells exactly 0. Per row, ∂L/∂x = α ⊙ (g − (g·α)): the Jacobian
    /// diag(α) − ααᵀ applied to g without forming it. Masked cells have α = 0, so gradient 0.
    static func softmax(_ a: GradNode, mask: [Bool]?, _ label: String) throws -> GradNode {
        let alpha = try Softmax.apply(a.value, mask: mask)
        let width = alpha.shape.isVector ? alpha.count : alpha.shape.cols
        return GradNode(value: alpha, label: label, parents: [a],
                        rules: ["∂L/∂(\(short(a.label))) = α ⊙ (∂L/∂α − (∂L/∂α · α) per row), α = \(short(label))  [(diag(α) − ααᵀ) ∂L/∂α]"]) { g in
            [try softmaxBackward(alpha: alpha, g, width: width)]
        }
    }

    static func softmaxBackward(alpha: Tensor, _ g: Tensor, width: Int) throws -> Tensor {
        let rows = alpha.count / width
        let flatA = alpha.reshaped(.matrix(rows, width)), flatG = g.reshaped(.matrix(rows, width))
        // Each row's g·α, broadcast back over the row as a column.
        let dots = try ReductionBuiltinsRows.rowSums(try flatA .* flatG)
        var centred: [Tensor] = []
        for r in 0..<rows {
            let gRow = try Indexing.index(flatG, [.single(r + 1), .all]).transposed()
            centred.append(try gRow - Indexing.index(dots, [.single(r + 1)]))
        }
        let shifted = try Concatenation.vertical(centred)
        return try (flatA .* shifted.reshaped(flatA.shape)).reshaped(alpha.shape)
    }

    /// A node that only moves elements (indexing, stacking, transposing, reshaping): its
    /// gradient is found by running the same `build` on numbered placeholders, so every output
    /// element knows which input element it copies.
    static func structural(_ parts: [GradNode], _ label: String, _ build: ([Tensor]) throws -> Tensor) throws -> GradNode {
        let value = try build(parts.map(\.value))
        guard parts.contains(where: \.needsGradient) else { return .constant(value, label) }
        var offset = 0
        var tags: [Tensor] = []
        for p in parts {
            let base = offset
            // Doubles hold these whole numbers exactly and cost far less than exact scalars.
            tags.append(Tensor(shape: p.value.shape, float: (0..<p.value.count).map { Double(base + $0 + 1) }))
            offset += p.value.count
        }
        let tagged = try build(tags)
        // Placeholder t - 1 is element `index` of part `part` (tables, not a search: rnn stacks
        // thousands of parts).
        var owner: [(part: Int, index: Int)] = []
        owner.reserveCapacity(offset)
        for (k, p) in parts.enumerated() { for i in 0..<p.value.count { owner.append((k, i)) } }
        var sources: [(part: Int, index: Int)?] = []
        sources.reserveCapacity(tagged.count)
        for tag in tagged.floatElements {
            guard tag >= 1, tag <= Double(owner.count) else { sources.append(nil); continue }
            sources.append(owner[Int(tag) - 1])
        }
        return GradNode(value: value, label: label, parents: parts,
                        rules: parts.map { "∂L/∂(\(short($0.label))) = ∂L/∂(\(short(label))) moved back to where each element came from" }) { g in
            if case let .float(d) = g.elements {
                var floats: [[Double]] = parts.map { Array(repeating: 0, count: $0.value.count) }
                for (i, s) in sources.enumerated() { if let s { floats[s.part][s.index] += d[i] } }
                return parts.indices.map { k in Tensor(shape: parts[k].value.shape, float: floats[k]) }
            }
            let e = g.exactElements
            var grads: [[Scalar]] = parts.map { Array(repeating: .zero, count: $0.value.count) }
            for (i, s) in sources.enumerated() { if let s { grads[s.part][s.index] = grads[s.part][s.index] + e[i] } }
            return parts.indices.map { k in Tensor(shape: parts[k].value.shape, exact: grads[k]) }
        }
    }
}

enum ReductionBuiltinsRows {
    /// The sum of each row of a matrix, as a vector.
    static func rowSums(_ m: Tensor) throws -> Tensor {
        let (r, c) = (m.shape.rows, m.shape.cols)
        let ones = Tensor.filled(.vector(c), .one, like: m)
        return try Tensor.product(m.reshaped(.matrix(r, c)), ones).reshaped(.vector(r))
    }
}

extension Tensor {
    /// Some element is 0 (where sqrt and fractional powers have no derivative).
    var containsZero: Bool {
        get throws {
        switch elements {
        case let .float(d): return d.contains(0)
        case let .exact(e): return try e.contains { try $0.sign == 0 }
        }
        }
    }

    var containsNonzero: Bool {
        get throws {
        switch elements {
        case let .float(d): return d.contains { $0 != 0 }
        case let .exact(e): return try e.contains { try $0.sign != 0 }
        }
        }
    }
}
