// An exact softmax kept as its rows' scores until its weights are read: the weights of row i
// are exp(sᵢⱼ)/Dᵢ with Dᵢ = Σⱼ exp(sᵢⱼ), and a product by rationals needs only the row of
// exponentials and Dᵢ (ProductRow.overCommonDenominator), whose nodes are themselves made on
// first use (SharedRow(exponentialsOf:)). A 1024×1024 attention then holds its scores, not
// three million nodes; showing, tracing or differentiating the weights makes them, and they
// are the very nodes Softmax.exactRow would have built.
import Synchronization

final class SoftmaxRows: Sendable {
    enum Row: Sendable {
        /// exp(sⱼ) made on demand, over Σⱼ 1·exp(sⱼ) on the same row.
        case lazy(numerators: SharedRow, denominator: RealNode)
        /// A row Softmax.exactRow built (a score of 0 has the rational weight numerator 1,
        /// a far score shifts the row, equal scores are exactly 1/n).
        case built([Scalar])
    }

    let rows: [Row]
    let width: Int
    var count: Int { rows.count }
    /// Weights made so far, by row, and all of them once every row is made.
    private let made: Mutex<[[Scalar]?]>
    private let all: Mutex<[Scalar]?> = Mutex(nil)

    /// The rows of softmax over `scores` (count × n, no mask), kept lazily where a row has
    /// more than `Scalar.likeTermSearchLimit` scores (so the eager denominator would be the
    /// same plain sum), all rational, none 0 (exp(0) is the rational 1), none far from 0 (no
    /// shift by the largest) and not all equal (those rows are exactly 1/n); other rows are
    /// built as Softmax always built them. nil when no row can wait.
    init?(scores: [Scalar], width n: Int, rows count: Int) throws {
        guard n > Scalar.likeTermSearchLimit, count > 0 else { return nil }
        // Which rows can wait, before building any: when none can (real scores, say), the
        // caller builds them all, in parallel, and nothing here is built twice.
        var exponents: [[Rational]?] = []
        exponents.reserveCapacity(count)
        for r in 0..<count {
            if r & 63 == 0 { try Interrupt.check() }
            exponents.append(Self.lazyExponents(scores[(r * n)..<(r * n + n)]))
        }
        guard exponents.contains(where: { $0 != nil }) else { return nil }
        let ones = SharedColumn(Array(repeating: .one, count: n), severalOnes: true)
        var rows: [Row] = []
        rows.reserveCapacity(count)
        for (r, row) in exponents.enumerated() {
            if let row {
                let numerators = SharedRow(exponentialsOf: row)
                rows.append(.lazy(numerators: numerators, denominator: RealNode(.sum(SumTerms(row: numerators, column: ones)))))
            } else {
                if r & 63 == 0 { try Interrupt.check() }
                rows.append(.built(try Softmax.exactRow(Array(scores[(r * n)..<(r * n + n)]), allowed: nil, row: r)))
            }
        }
        self.rows = rows
        width = n
        made = Mutex(Array(repeating: nil, count: count))
    }

    /// The scores of a row that can wait, else nil.
    private static func lazyExponents(_ row: ArraySlice<Scalar>) -> [Rational]? {
        var exponents: [Rational] = []
        exponents.reserveCapacity(row.count)
        var allEqual = true
        for x in row {
            guard case let .rational(q) = x, !q.isZero, !(Softmax.farFromZero < q.magnitude) else { return nil }
            if allEqual, let first = exponents.first, q != first { allEqual = false }
            exponents.append(q)
        }
        return allEqual ? nil : exponents
    }

    /// Row i's weights exp(sⱼ)/D, made once.
    func weights(ofRow i: Int) -> [Scalar] {
        guard case let .lazy(numerators, denominator) = rows[i] else {
            if case let .built(w) = rows[i] { return w }
            return []
        }
        if let w = made.withLock({ $0[i] }) { return w }
        let d = Scalar.real(denominator)
        let w = numerators.nodes.map { Scalar.divide(.real($0), byPositive: d) }
        return made.withLock { state in
            if let earlier = state[i] { return earlier }
            state[i] = w
            return w
        }
    }

    /// Every weight, row by row (made once: the tensor's elements are read many times).
    var elements: [Scalar] {
        if let done = all.withLock({ $0 }) { return done }
        var out: [Scalar] = []
        out.reserveCapacity(rows.count * width)
        for i in rows.indices { out.append(contentsOf: weights(ofRow: i)) }
        return all.withLock { state in
            if let earlier = state { return earlier }
            state = out
            return out
        }
    }

    /// The weight at a row-major position, making only its row.
    func weight(at k: Int) -> Scalar { weights(ofRow: k / width)[k % width] }
}
