// The commonest exact softmax row, attention's: more than 16 allowed scores, all short nonzero
// rationals near 0. It builds exactly the nodes Softmax.exactRow builds for such a row — one
// exp(constant) per distinct score, the row's sum of those with coefficient 1 in position
// order, one quotient per allowed position — without that path's per-row arrays, sort of
// rationals and per-weight simplification checks (an exact 1024×1024 softmax spent most of its
// time there). Every other row (a real, long, far or zero score, few or all-equal scores) is
// declined and goes the general way.

/// Scratch space for building rows, reused from row to row by one thread.
struct RationalSoftmaxRow {
    /// Open addressing over the scores' (numerator, denominator): 0 is empty, else position + 1.
    private var slots: [Int32] = []
    /// For each position of the row, the first position with the same score.
    private var first: [Int32] = []
    private var exponentials: [RealNode?] = []

    /// Writes the row `range` of `scores` (masked positions left as they are, 0) and returns
    /// true, or returns false having written nothing.
    mutating func build(_ scores: [Scalar], _ range: Range<Int>, allowed mask: [Bool]?,
                        into out: Parallel.RowWriter<Scalar>) -> Bool {
        func isOpen(_ k: Int) -> Bool { mask?[k] ?? true }
        var open = 0
        for k in range where isOpen(k) {
            guard case let .rational(q) = scores[k], case let .small(n, d) = q.storage, n != 0 else { return false }
            // |q| > 2²⁰ shifts the row by its largest score (Softmax.largestIfFar); d > 2⁴³ cannot be.
            if d < 1 << 43, n.magnitude > UInt64(d) << 20 { return false }
            open += 1
        }
        guard open > Scalar.likeTermSearchLimit, open < Int(Int32.max) else { return false }

        // Equal scores share one exponential (a reduced fraction's parts are its value's).
        let width = range.count
        var tableSize = 1
        while tableSize < 2 * open { tableSize <<= 1 }
        slots.removeAll(keepingCapacity: true)
        slots.append(contentsOf: repeatElement(0, count: tableSize))
        first.removeAll(keepingCapacity: true)
        first.append(contentsOf: repeatElement(-1, count: width))
        var distinct = 0
        for k in range where isOpen(k) {
            let (n, d) = Self.parts(scores[k])
            var h = Self.hash(n, d) & (tableSize - 1)
            while true {
                let s = Int(slots[h])
                if s == 0 {
                    slots[h] = Int32(k - range.lowerBound + 1)
                    first[k - range.lowerBound] = Int32(k - range.lowerBound)
                    distinct += 1
                    break
                }
                if Self.parts(scores[range.lowerBound + s - 1]) == (n, d) {
                    first[k - range.lowerBound] = Int32(s - 1)
                    break
                }
                h = (h + 1) & (tableSize - 1)
            }
        }
        // Every score the same: exactly 1/n, which the general path gives.
        guard distinct > 1 else { return false }

        exponentials.removeAll(keepingCapacity: true)
        exponentials.append(contentsOf: repeatElement(nil, count: width))
        var terms: [SumTerm] = []
        terms.reserveCapacity(open)
        for k in range where isOpen(k) {
            let j = k - range.lowerBound, f = Int(first[j])
            if f == j, case let .rational(q) = scores[k] {
                exponentials[j] = RealNode(.function(.exp, RealNode(.constant(q))))
            }
            let e = exponentials[f]!
            exponentials[j] = e
            terms.append(SumTerm(.one, e))
        }
        let denominator = RealNode(.sum(SumTerms(terms)))
        for k in range where isOpen(k) {
            out[k] = .real(RealNode(.quotient(exponentials[k - range.lowerBound]!, denominator)))
        }
        return true
    }

    private static func parts(_ score: Scalar) -> (Int64, Int64) {
        guard case let .rational(q) = score, case let .small(n, d) = q.storage else { return (0, 0) }
        return (n, d)
    }

    private static func hash(_ n: Int64, _ d: Int64) -> Int {
        var x = UInt64(bitPattern: n) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: d) &* 0xBF58_476D_1CE4_E5B9
        x ^= x >> 31
        return Int(truncatingIfNeeded: x)
    }
}
