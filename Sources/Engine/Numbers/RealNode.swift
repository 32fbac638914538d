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
        /// Σ cᵢ·xᵢ: a matrix product's entry is one node, not one node per term plus one for the sum.
        case sum(SumTerms)
        case product(RealNode, RealNode)
        /// c · x, the node first: (RealNode, Rational) packs into 25 bytes, (Rational, RealNode) took 32.
        case scaled(RealNode, Rational)
        case quotient(RealNode, RealNode)
        case function(RealFunction, RealNode)
        case power(RealNode, Rational)           // x^(p/q), x > 0
        case magnitude(RealNode)
    }

    // Attention holds three nodes per weight (a score, its exponential, the weight), so the
    // stored fields are ordered and sized to keep a node at 88 bytes (a 96-byte heap block):
    // a 25-byte operation, the small fields in its tail, and the rarely set proved decimal boxed.
    public let operation: Operation

    /// What kind of node this is, without the payload: matching `operation` copies (and
    /// retains) its children, which the hot loops over a sum's terms cannot afford.
    let kind: Kind
    enum Kind: UInt8 { case constant, pi, sum, product, scaled, quotient, function, power, magnitude }

    /// Set when ExponentialPolynomial proves the value exactly 0 (its exact form is then `0`).
    var isProvedZero = false

    /// Marks nodes already seen by a walk over a graph (see `evaluateInParallel`).
    var visitMark: UInt32 = 0

    private let storedDepth: UInt32
    private let storedLeafCount: UInt32

    /// Height of the graph below this node; bounds the work of printing and refuses absurd depth.
    var depth: Int { Int(storedDepth) }

    /// Leaves under this node, counting shared ones each time (saturating): every leaf prints
    /// as at least one character, so this bounds the exact form's length from below.
    var leafCount: Int { Int(storedLeafCount) }

    /// A hash of the expression's structure: equal expressions built separately hash alike.
    let structuralHash: Int
    private var cache: Interval?

    /// The proved decimal text of this node at some digits (Tensor.certifyDigits), so printing
    /// a certified value does not round its interval again. Written only by whoever formats this node.
    var provedDecimal: (digits: Int, text: String)? {
        get { proved.map { ($0.digits, $0.text) } }
        set { proved = newValue.map { ProvedDecimal(digits: $0.digits, text: $0.text) } }
    }
    /// Boxed: only formatted roots have one, and inline it took 25 bytes of every node.
    private var proved: ProvedDecimal?
    private final class ProvedDecimal {
        let digits: Int
        let text: String
        init(digits: Int, text: String) { self.digits = digits; self.text = text }
    }

    func provedDecimal(digits: Int) -> String? {
        guard let p = proved, p.digits == digits else { return nil }
        return p.text
    }

    init(_ operation: Operation) {
        self.operation = operation
        // Attention builds tens of thousands of nodes: no array of children is made here,
        // and the hash is a cheap mix rather than SipHash.
        var h = StructureHash()
        var deepest = 0, leaves = 0
        func include(_ c: RealNode) {
            deepest = max(deepest, c.depth)
            leaves = min(leaves + c.leafCount, RealNode.leafCountCap)
            h.combine(c.structuralHash)
        }
        switch operation {
        case let .constant(q): h.combine(0); h.combine(q); leaves = 1; kind = .constant
        case .pi: h.combine(1); leaves = 1; kind = .pi
        case let .sum(terms):
            // The hash covers the count and the first terms only (equal sums still hash alike;
            // a collision costs only a full comparison): hashing all 1,024 terms of each of a
            // product's 65,536 entries was a third of an exact attention's time.
            h.combine(2); h.combine(terms.count)
            terms.combineHashes(into: &h, limit: RealNode.hashedSumTerms)
            (deepest, leaves) = terms.depthAndLeaves
            kind = .sum
        case let .product(a, b): h.combine(3); include(a); include(b); kind = .product
        case let .scaled(x, c): h.combine(4); h.combine(c); include(x); kind = .scaled
        case let .quotient(a, b): h.combine(5); include(a); include(b); kind = .quotient
        case let .function(f, x): h.combine(6); h.combine(f); include(x); kind = .function
        case let .power(x, e): h.combine(7); h.combine(e); include(x); kind = .power
        case let .magnitude(x): h.combine(8); include(x); kind = .magnitude
        }
        self.storedDepth = UInt32(clamping: 1 + deepest)
        self.storedLeafCount = UInt32(clamping: leaves)
        self.structuralHash = h.value
        if 1 + deepest > Limits.maximumRealDepth { Interrupt.noteTooDeep() }
    }

    /// The structural hash of exp(q) for a rational q, as `init` gives it to
    /// `RealNode(.function(.exp, RealNode(.constant(q))))`, without making either node.
    static func hashOfExponential(of q: Rational) -> Int {
        var argument = StructureHash()
        argument.combine(0); argument.combine(q)
        var h = StructureHash()
        h.combine(6); h.combine(RealFunction.exp); h.combine(argument.value)
        return h.value
    }

    /// Where leaf counts saturate (far above any exact form's length limit).
    static let leafCountCap = Int(UInt32.max)

    /// How many of a sum's terms its structural hash looks at.
    static let hashedSumTerms = 16

    /// The same expression, whether or not it is the same object.
    func isStructurallyEqual(to other: RealNode) -> Bool {
        var proven = Set<NodePair>()
        return isStructurallyEqual(to: other, proven: &proven)
    }

    /// Two nodes already found equal in one comparison. Graphs share subgraphs (a softmax
    /// row's denominator under every weight, a layer's outputs under the next layer), and
    /// walking them as trees compared the same pair once per path: comparing two attention
    /// outputs built apart took seconds. Unequal pairs need no memory: they end the walk.
    private struct NodePair: Hashable {
        let a: ObjectIdentifier, b: ObjectIdentifier
    }

    private func isStructurallyEqual(to other: RealNode, proven: inout Set<NodePair>) -> Bool {
        if self === other { return true }
        // (Not the heights: a shared sum's counts a zero coefficient's node, see SumTerms.depthAndLeaves.)
        guard structuralHash == other.structuralHash else { return false }
        let pair = NodePair(a: ObjectIdentifier(self), b: ObjectIdentifier(other))
        if proven.contains(pair) { return true }
        switch (operation, other.operation) {
        case let (.constant(a), .constant(b)): return a == b
        case (.pi, .pi): return true
        case let (.scaled(_, a), .scaled(_, b)): guard a == b else { return false }
        case let (.function(f, _), .function(g, _)): guard f == g else { return false }
        case let (.power(_, a), .power(_, b)): guard a == b else { return false }
        case let (.sum(a), .sum(b)):
            guard a.count == b.count else { return false }
            for (s, t) in zip(a, b) where s.coefficient != t.coefficient { return false }
        case (.product, .product), (.quotient, .quotient), (.magnitude, .magnitude): break
        default: return false
        }
        let mine = children, theirs = other.children
        guard mine.count == theirs.count else { return false }
        for (x, y) in zip(mine, theirs) where !x.isStructurallyEqual(to: y, proven: &proven) { return false }
        proven.insert(pair)
        return true
    }

    static func children(of op: Operation) -> [RealNode] {
        switch op {
        case .constant, .pi: return []
        case let .sum(terms): return terms.map(\.node)
        case let .product(a, b), let .quotient(a, b): return [a, b]
        case let .scaled(x, _), let .function(_, x), let .power(x, _), let .magnitude(x): return [x]
        }
    }

    var children: [RealNode] { RealNode.children(of: operation) }

    /// A term a sum keeps as it is: not a constant, a multiple or a sum to be merged into it.
    var isPlainTerm: Bool { kind != .constant && kind != .scaled && kind != .sum }

    /// An interval containing the value, computed with `precision` bits; nil if some step
    /// could not be decided at this precision (a divisor or logarithm argument too close to 0).
    func interval(precision: Int) -> Interval? {
        _ = MPFRSetup.done
        if let c = cache, c.precision >= precision { return c }
        // Post-order walk with an explicit stack: graphs from long recurrences are deep.
        var stack: [(node: RealNode, ready: Bool)] = [(self, false)]
        var visited = 0
        while let (node, ready) = stack.popLast() {
            visited &+= 1
            if visited & 255 == 0, Interrupt.isRequested { return nil }   // Ctrl-C: no result
            if let c = node.cache, c.precision >= precision { continue }
            if ready {
                node.cache = node.compute(precision)
                if node.cache == nil { return nil }
            } else {
                stack.append((node, true))
                if case let .sum(terms) = node.operation {
                    // No array of children for the commonest node with many of them.
                    for t in terms where !t.node.isCached(precision) { stack.append((t.node, false)) }
                } else {
                    for child in node.children where !child.isCached(precision) { stack.append((child, false)) }
                }
            }
        }
        return cache
    }

    /// This node's interval from its children's cached ones; nil when a child is not cached at
    /// `precision` or a step is undecided. It writes no cache but this node's, so distinct nodes
    /// whose children are evaluated may be computed on several threads at once.
    func intervalFromEvaluatedChildren(precision: Int) -> Interval? {
        if let c = cache, c.precision >= precision { return c }
        if case let .sum(terms) = operation {
            for t in terms where !t.node.isCached(precision) { return nil }
        } else {
            for child in children where !child.isCached(precision) { return nil }
        }
        cache = compute(precision)
        return cache
    }

    func isUncached(_ precision: Int) -> Bool { !isCached(precision) }

    /// This sum's interval from its row's gathered ends and its column's integer form (see
    /// evaluateInParallel), else computed the ordinary way. Writes only this node's cache.
    func evaluateSum(row: FixedPointRow?, column: IntegerCoefficients?, precision: Int) {
        if isCached(precision) { return }
        if let row, let column, let total = Interval.fixedPointSum(row, column.numerators, over: column.denominator, precision: precision) {
            cache = total
        } else {
            _ = intervalFromEvaluatedChildren(precision: precision)
        }
    }

    /// Keeps an interval computed elsewhere (ExpBatch) as this node's.
    func store(_ interval: Interval) {
        if let c = cache, c.precision >= interval.precision { return }
        cache = interval
    }

    /// The cached interval if it has at least `precision` bits (nothing is computed).
    func cachedInterval(precision: Int) -> Interval? { isCached(precision) ? cache : nil }

    private func isCached(_ precision: Int) -> Bool { cache.map { $0.precision >= precision } ?? false }

    private func compute(_ p: Int) -> Interval? {
        func iv(_ n: RealNode) -> Interval? { n.cache }
        switch operation {
        case let .constant(q): return .exact(q, precision: p)
        case .pi: return .pi(precision: p)
        case let .sum(terms):
            // Coefficients over one denominator (values 1/2, 3/10, 7/100 of a decimal input) are
            // added in fixed point, with one division at the end.
            var values: [Interval] = []
            values.reserveCapacity(terms.count)
            for t in terms {
                guard let v = iv(t.node) else { return nil }
                values.append(v)
            }
            if let integers = IntegerCoefficients(terms.coefficients),
               let total = Interval.fixedPointSum(values, integers.numerators, over: integers.denominator, precision: p) {
                return total
            }
            // Coefficients too large for machine integers, or an end that is not finite.
            let total = IntervalSum(precision: p)
            for (t, v) in zip(terms, values) {
                switch t.coefficient.storage {
                case .small(1, 1): total.add(v)
                case let .small(n, d): total.add(v, times: Int(n), over: UInt(d))
                case .big: total.add(v * .exact(t.coefficient, precision: p))
                }
            }
            return total.interval
        case let .product(a, b):
            guard let x = iv(a), let y = iv(b) else { return nil }
            return x * y
        case let .scaled(x, c):
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

/// Mixes the parts of a node's structure into a hash (a multiply–xorshift step per part). Only
/// compared within one process, and equal structures always give equal hashes: equal rationals
/// have the same storage (small whenever they fit).
struct StructureHash {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    mutating func combine(_ v: Int) {
        state = (state ^ UInt64(bitPattern: Int64(v))) &* 0xBF58_476D_1CE4_E5B9
        state ^= state >> 29
    }

    mutating func combine(_ q: Rational) {
        if case let .small(n, d) = q.storage { combine(Int(n)); combine(Int(d)) } else { combine(q.hashValue) }
    }

    /// A function by its place in RealFunction (hashValue would run SipHash for every exponential).
    mutating func combine(_ f: RealFunction) {
        let code: Int
        switch f {
        case .exp: code = 0
        case .log: code = 1
        case .sqrt: code = 2
        case .tanh: code = 3
        case .sigmoid: code = 4
        case .sin: code = 5
        case .cos: code = 6
        }
        combine(code)
    }

    var value: Int { Int(truncatingIfNeeded: state ^ (state >> 32)) }
}

/// A node compared by structure, for dictionaries that must see `exp(1)` built twice as one key.
struct StructuralKey: Hashable {
    let node: RealNode
    static func == (a: StructuralKey, b: StructuralKey) -> Bool { a.node.isStructurallyEqual(to: b.node) }
    func hash(into h: inout Hasher) { h.combine(node.structuralHash) }
}
