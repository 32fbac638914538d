// The terms of a sum node, Σ cᵢ·xᵢ. Most sums own their list; an entry of a matrix product
// of reals by rationals is a row of one and a column of the other, shared by every entry in
// that row or column (64 × 16 attention outputs share 64 rows and 16 columns instead of
// holding 65,536 terms of their own).
import Synchronization

/// One term c·x of a sum: a rational coefficient (1 for a plain term) and a real.
public struct SumTerm: Sendable {
    public let coefficient: Rational
    public let node: RealNode

    init(_ coefficient: Rational, _ node: RealNode) {
        self.coefficient = coefficient
        self.node = node
    }
}

/// A row of nodes shared by the entries of one row of a product; its identity is the
/// object's, so a walk can tell shared rows apart without holding pointers into arrays.
/// A softmax row's exponentials exp(sⱼ) are made only when something reads them (see
/// LazyExponentials): a 1024×1024 attention then holds 1024 scores per row, not 2 million nodes.
final class SharedRow: Sendable {
    private let given: [RealNode]?
    private let exponentials: LazyExponentials?
    let count: Int
    /// The largest height of the row's nodes, and their leaf counts: what every entry's node
    /// needs (RealNode.init), found once per row instead of once per entry.
    let deepest: Int
    let totalLeaves: Int
    /// Each node's leaf count, or nil when they all have `uniformLeaves` (a row of
    /// exponentials: one each), so an entry's count is one multiplication, not a walk.
    private let leafCounts: [Int]?
    private let uniformLeaves: Int

    init(_ nodes: [RealNode]) {
        given = nodes
        exponentials = nil
        count = nodes.count
        deepest = nodes.reduce(0) { max($0, $1.depth) }
        let leaves = nodes.map(\.leafCount)
        totalLeaves = leaves.reduce(0) { min($0 + $1, RealNode.leafCountCap) }
        let first = leaves.first ?? 0
        uniformLeaves = first
        leafCounts = leaves.allSatisfy { $0 == first } ? nil : leaves
    }

    /// exp(sⱼ) for nonzero rational scores sⱼ, each node made on first use (equal scores share one).
    init(exponentialsOf scores: [Rational]) {
        given = nil
        exponentials = LazyExponentials(scores)
        count = scores.count
        deepest = 2                                   // exp over a constant
        totalLeaves = scores.count
        leafCounts = nil
        uniformLeaves = 1
    }

    /// The leaves under the nodes at `positions`, counting shared ones each time (saturating).
    func leaves(at positions: [Int]) -> Int {
        guard let leafCounts else {
            let (total, overflow) = positions.count.multipliedReportingOverflow(by: uniformLeaves)
            return overflow ? RealNode.leafCountCap : Swift.min(total, RealNode.leafCountCap)
        }
        var total = 0
        for k in positions { total = Swift.min(total + leafCounts[k], RealNode.leafCountCap) }
        return total
    }

    /// The node at position k.
    func node(_ k: Int) -> RealNode { given?[k] ?? exponentials!.node(k) }

    /// The structural hash of the node at k (a softmax row's, without making it).
    func structuralHash(_ k: Int) -> Int {
        if let given { return given[k].structuralHash }
        return RealNode.hashOfExponential(of: exponentials!.scores[k])
    }

    /// Every node (a softmax row's exponentials are all made).
    var nodes: [RealNode] { given ?? exponentials!.all }

    /// The scores of a row of exponentials exp(sⱼ), without making its nodes.
    var exponentScores: [Rational]? { exponentials?.scores }

    /// The nodes that exist: all of an ordinary row, those made so far of a softmax row.
    var existingNodes: [RealNode] { given ?? exponentials!.madeNodes }
}

/// The nodes exp(sⱼ) of a softmax row, made on demand under a lock (rows are read from several
/// threads): exactly the nodes Softmax would build eagerly, equal scores sharing one node.
final class LazyExponentials: Sendable {
    let scores: [Rational]
    private let made: Mutex<(nodes: [RealNode?], byScore: [Rational: RealNode])>

    init(_ scores: [Rational]) {
        self.scores = scores
        made = Mutex((Array(repeating: nil, count: scores.count), [:]))
    }

    func node(_ k: Int) -> RealNode {
        made.withLock { state in
            if let n = state.nodes[k] { return n }
            let q = scores[k]
            let n = state.byScore[q] ?? RealNode(.function(.exp, RealNode(.constant(q))))
            state.byScore[q] = n
            state.nodes[k] = n
            return n
        }
    }

    var all: [RealNode] { (0..<scores.count).map(node) }

    /// The nodes made so far (a graph's size counts these, and makes no more).
    var madeNodes: [RealNode] { made.withLock { state in state.nodes.compactMap { $0 } } }
}

/// A column of coefficients shared by the entries of one column of a product. A zero
/// coefficient is no term of the sum (`nonzero` lists the others' positions): a column of
/// 1024 short decimals almost always holds a 0, and without this such a column could not be
/// shared and every entry of its product held its own 1024 terms.
final class SharedColumn: Sendable {
    let coefficients: [Rational]
    /// Positions of the nonzero coefficients; nil when none is zero.
    let nonzero: [Int]?
    var count: Int { nonzero?.count ?? coefficients.count }
    /// Whether more than one coefficient is 1 (see Tensor.sharedTerms).
    let severalOnes: Bool

    init(_ coefficients: [Rational], severalOnes: Bool) {
        self.coefficients = coefficients
        self.severalOnes = severalOnes
        let zeros = coefficients.contains { $0.isZero }
        nonzero = zeros ? coefficients.indices.filter { !coefficients[$0].isZero } : nil
    }
}

public struct SumTerms: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case owned([SumTerm])
        /// cᵢ·xᵢ for a shared row of nodes xᵢ and a shared column of coefficients cᵢ.
        case product(SharedRow, SharedColumn)
    }

    private let storage: Storage

    init(_ terms: [SumTerm]) { storage = .owned(terms) }

    /// Σ coefficientsᵢ·nodesᵢ over a shared row and column of one length, kept as they are
    /// (zero coefficients left out).
    init(row: SharedRow, column: SharedColumn) {
        precondition(row.count == column.coefficients.count, "a row and a column of different lengths")
        storage = .product(row, column)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case let .owned(terms): return terms.count
        case let .product(_, column): return column.count
        }
    }

    public subscript(i: Int) -> SumTerm {
        switch storage {
        case let .owned(terms): return terms[i]
        case let .product(row, column):
            let k = column.nonzero?[i] ?? i
            return SumTerm(column.coefficients[k], row.node(k))
        }
    }

    /// The shared row of a product's entry (its identity tells shared rows apart): a walk over
    /// many entries of one row visits its nodes once.
    var sharedRow: SharedRow? {
        guard case let .product(row, _) = storage else { return nil }
        return row
    }

    /// The shared column of a product's entry (zeros included, in step with the row's nodes),
    /// and an identity for it.
    var sharedCoefficients: (coefficients: [Rational], identity: ObjectIdentifier)? {
        guard case let .product(_, column) = storage else { return nil }
        return (column.coefficients, ObjectIdentifier(column))
    }

    var coefficients: [Rational] { map(\.coefficient) }

    /// Each of the first `limit` terms' coefficient and node hash into `h`, in order: what a
    /// sum node's structural hash covers. Reads the arrays in place (no term values, and no
    /// reference counting on the row and column that every entry of a product shares).
    func combineHashes(into h: inout StructureHash, limit: Int) {
        switch storage {
        case let .owned(terms):
            for t in terms.prefix(limit) { h.combine(t.coefficient); h.combine(t.node.structuralHash) }
        case let .product(row, column):
            if let nonzero = column.nonzero {
                for k in nonzero.prefix(limit) { h.combine(column.coefficients[k]); h.combine(row.structuralHash(k)) }
            } else {
                for k in 0..<Swift.min(limit, column.coefficients.count) { h.combine(column.coefficients[k]); h.combine(row.structuralHash(k)) }
            }
        }
    }

    /// The greatest height and the leaf count of the terms' nodes, from the shared row's
    /// summary when there is one (a product's 65,536 entries would each walk 1,024 terms).
    /// A zero coefficient's node counts for the height: an upper bound is all levels need.
    var depthAndLeaves: (deepest: Int, leaves: Int) {
        switch storage {
        case let .owned(terms):
            var deepest = 0, leaves = 0
            for t in terms {
                deepest = Swift.max(deepest, t.node.depth)
                leaves = Swift.min(leaves + t.node.leafCount, RealNode.leafCountCap)
            }
            return (deepest, leaves)
        case let .product(row, column):
            guard let nonzero = column.nonzero else { return (row.deepest, row.totalLeaves) }
            return (row.deepest, row.leaves(at: nonzero))
        }
    }
}

/// Coefficients cᵢ = nᵢ / d as machine integers nᵢ over one denominator d (at most 2³²),
/// when they all fit (none Int.min): what a fixed-point sum needs.
struct IntegerCoefficients: Sendable {
    let denominator: UInt
    let numerators: [Int]

    init?<C: Collection>(_ coefficients: C) where C.Element == Rational {
        var common: UInt = 1
        for c in coefficients {
            guard case let .small(_, d) = c.storage else { return nil }
            if d == 1 { continue }
            guard let next = Rational.lcm(UInt64(common), d.magnitude, atMost: 1 << 32) else { return nil }
            common = UInt(next)
        }
        var numerators: [Int] = []
        numerators.reserveCapacity(coefficients.count)
        for c in coefficients {
            guard case let .small(n, d) = c.storage else { return nil }
            let (m, overflow) = Int(n).multipliedReportingOverflow(by: Int(common / UInt(d)))
            guard !overflow, m != .min else { return nil }
            numerators.append(m)
        }
        denominator = common
        self.numerators = numerators
    }
}
