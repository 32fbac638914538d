// The terms of a sum node, Σ cᵢ·xᵢ. Most sums own their list; an entry of a matrix product
// of reals by rationals is a row of one and a column of the other, shared by every entry in
// that row or column (64 × 16 attention outputs share 64 rows and 16 columns instead of
// holding 65,536 terms of their own).

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
final class SharedRow: Sendable {
    let nodes: [RealNode]
    init(_ nodes: [RealNode]) { self.nodes = nodes }
}

/// A column of coefficients shared by the entries of one column of a product.
final class SharedColumn: Sendable {
    let coefficients: [Rational]
    init(_ coefficients: [Rational]) { self.coefficients = coefficients }
}

public struct SumTerms: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case owned([SumTerm])
        /// cᵢ·xᵢ for a shared row of nodes xᵢ and a shared column of coefficients cᵢ.
        case product(SharedRow, SharedColumn)
    }

    private let storage: Storage

    init(_ terms: [SumTerm]) { storage = .owned(terms) }

    /// Σ coefficientsᵢ·nodesᵢ over a shared row and column of one length, kept as they are.
    init(row: SharedRow, column: SharedColumn) {
        precondition(row.nodes.count == column.coefficients.count, "a row and a column of different lengths")
        storage = .product(row, column)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case let .owned(terms): return terms.count
        case let .product(row, _): return row.nodes.count
        }
    }

    public subscript(i: Int) -> SumTerm {
        switch storage {
        case let .owned(terms): return terms[i]
        case let .product(row, column): return SumTerm(column.coefficients[i], row.nodes[i])
        }
    }

    /// The shared row of a product's entry, and an identity for it: a walk over many entries
    /// of one row visits its nodes once.
    var sharedNodes: (nodes: [RealNode], identity: ObjectIdentifier)? {
        guard case let .product(row, _) = storage else { return nil }
        return (row.nodes, ObjectIdentifier(row))
    }

    /// The shared column of a product's entry, and an identity for it.
    var sharedCoefficients: (coefficients: [Rational], identity: ObjectIdentifier)? {
        guard case let .product(_, column) = storage else { return nil }
        return (column.coefficients, ObjectIdentifier(column))
    }

    var coefficients: [Rational] { map(\.coefficient) }
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
            let g = UInt(Rational.gcd(UInt64(common), d.magnitude))
            let (next, overflow) = (common / g).multipliedReportingOverflow(by: UInt(d))
            guard !overflow, next <= 1 << 32 else { return nil }
            common = next
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
