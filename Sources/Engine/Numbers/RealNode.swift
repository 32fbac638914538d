// Non-rational real numbers as expression graphs over exact inputs. A node can be
// evaluated to an enclosing interval at any binary precision; results are cached per node,
// so shared sub-expressions (the denominator of a softmax row, say) are computed once.

public enum RealFunction: String, Sendable, CaseIterable {
    case exp, log, sqrt, tanh, sigmoid, sin, cos
}

public final class RealNode: @unchecked Sendable {
    // Nodes are immutable except for the interval cache; the Engine is single-threaded.
    public enum Operation: Sendable {
        case constant(Rational)
        case pi
        case sum([RealNode])
        case product(RealNode, RealNode)
        case scaled(Rational, RealNode)          // c · x
        case quotient(RealNode, RealNode)
        case function(RealFunction, RealNode)
        case power(RealNode, Rational)           // x^(p/q), x > 0
        case magnitude(RealNode)
    }

    public let operation: Operation
    /// Height of the graph below this node; bounds the work of printing and refuses absurd depth.
    let depth: Int
    /// A hash of the expression's structure: equal expressions built separately hash alike.
    let structuralHash: Int
    private var cache: Interval?

    /// Leaves under this node, counting shared ones each time (saturating): every leaf prints
    /// as at least one character, so this bounds the exact form's length from below.
    let leafCount: Int

    init(_ operation: Operation) {
        self.operation = operation
        // Attention builds tens of thousands of nodes: no array of children is made here.
        var h = Hasher()
        var deepest = 0, leaves = 0
        func include(_ c: RealNode) {
            deepest = max(deepest, c.depth)
            leaves = min(leaves + c.leafCount, 1 << 40)
            h.combine(c.structuralHash)
        }
        switch operation {
        case let .constant(q): h.combine(0); h.combine(q); leaves = 1
        case .pi: h.combine(1); leaves = 1
        case let .sum(terms): h.combine(2); for t in terms { include(t) }
        case let .product(a, b): h.combine(3); include(a); include(b)
        case let .scaled(c, x): h.combine(4); h.combine(c); include(x)
        case let .quotient(a, b): h.combine(5); include(a); include(b)
        case let .function(f, x): h.combine(6); h.combine(f); include(x)
        case let .power(x, e): h.combine(7); h.combine(e); include(x)
        case let .magnitude(x): h.combine(8); include(x)
        }
        self.depth = 1 + deepest
        self.leafCount = leaves
        if depth > Limits.maximumRealDepth { Interrupt.noteTooDeep() }
        self.structuralHash = h.finalize()
    }

    /// The same expression, whether or not it is the same object.
    func isStructurallyEqual(to other: RealNode) -> Bool {
        if self === other { return true }
        guard structuralHash == other.structuralHash, depth == other.depth else { return false }
        switch (operation, other.operation) {
        case let (.constant(a), .constant(b)): return a == b
        case (.pi, .pi): return true
        case let (.scaled(a, _), .scaled(b, _)): guard a == b else { return false }
        case let (.function(f, _), .function(g, _)): guard f == g else { return false }
        case let (.power(_, a), .power(_, b)): guard a == b else { return false }
        case (.sum, .sum), (.product, .product), (.quotient, .quotient), (.magnitude, .magnitude): break
        default: return false
        }
        let mine = children, theirs = other.children
        return mine.count == theirs.count && zip(mine, theirs).allSatisfy { $0.isStructurallyEqual(to: $1) }
    }

    static func children(of op: Operation) -> [RealNode] {
        switch op {
        case .constant, .pi: return []
        case let .sum(terms): return terms
        case let .product(a, b), let .quotient(a, b): return [a, b]
        case let .scaled(_, x), let .function(_, x), let .power(x, _), let .magnitude(x): return [x]
        }
    }

    var children: [RealNode] { RealNode.children(of: operation) }

    /// An interval containing the value, computed with `precision` bits; nil if some step
    /// could not be decided at this precision (a divisor or logarithm argument too close to 0).
    func interval(precision: Int) -> Interval? {
        _ = MPFRSetup.done
        if let c = cache, c.precision >= precision { return c }
        // Post-order walk with an explicit stack: graphs from long recurrences are deep.
        var stack: [(node: RealNode, ready: Bool)] = [(self, false)]
        while let (node, ready) = stack.popLast() {
            if let c = node.cache, c.precision >= precision { continue }
            if ready {
                node.cache = node.compute(precision)
                if node.cache == nil { return nil }
            } else {
                stack.append((node, true))
                for child in node.children where !(child.cache.map { $0.precision >= precision } ?? false) {
                    stack.append((child, false))
                }
            }
        }
        return cache
    }

    private func compute(_ p: Int) -> Interval? {
        func iv(_ n: RealNode) -> Interval? { n.cache }
        switch operation {
        case let .constant(q): return .exact(q, precision: p)
        case .pi: return .pi(precision: p)
        case let .sum(terms):
            return Interval.sum(precision: p, count: terms.count) { iv(terms[$0]) }
        case let .product(a, b):
            guard let x = iv(a), let y = iv(b) else { return nil }
            return x * y
        case let .scaled(c, x):
            guard let v = iv(x) else { return nil }
            if case let .small(n, d) = c.storage { return v.scaled(numerator: Int(n), denominator: UInt(d)) }
            return v * .exact(c, precision: p)
        case let .quotient(a, b):
            guard let x = iv(a), let y = iv(b) else { return nil }
            return x / y
        case let .function(f, x):
            guard let v = iv(x) else { return nil }
            switch f {
            case .exp: return v.exp()
            case .log: return v.log()
            case .sqrt: return v.sqrt()
            case .tanh: return v.tanh()
            case .sigmoid: return v.sigmoid()
            case .sin: return v.sin()
            case .cos: return v.cos()
            }
        case let .power(x, e):
            guard let v = iv(x), v.lo.sign > 0, let n = e.numerator.smallValue,
                  let q = e.denominator.smallValue else { return nil }
            let rooted = v.power(UInt(n.magnitude)).root(UInt(q))
            return n < 0 ? rooted.reciprocal : rooted
        case let .magnitude(x):
            return iv(x)?.magnitude()
        }
    }
}

extension Interval {
    var reciprocal: Interval { (Interval.exact(.one, precision: precision) / self)! }
}

extension BigInteger {
    /// The value when it fits in an Int.
    var smallValue: Int? {
        guard approximateDecimalDigits <= 18 else { return nil }
        return Int(decimalString)
    }
}

/// A node compared by structure, for dictionaries that must see `exp(1)` built twice as one key.
struct StructuralKey: Hashable {
    let node: RealNode
    static func == (a: StructuralKey, b: StructuralKey) -> Bool { a.node.isStructurallyEqual(to: b.node) }
    func hash(into h: inout Hasher) { h.combine(node.structuralHash) }
}
