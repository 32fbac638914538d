// Exact attention's output entries evaluated in fixed point (SoftmaxProducts, softmax_product.c):
// the kernel must take the entries it is built for, leave the weights unevaluated, and enclose
// the value the ordinary evaluation computes, narrowly, for every kind of row it accepts.
import Testing
@testable import Engine

@Suite("Softmax rows in fixed point")
struct SoftmaxProductTests {
    static func realNodes(_ t: Tensor) -> [RealNode] {
        (0..<t.count).compactMap { i in
            if case let .real(n) = t.scalar(at: i) { return n }
            return nil
        }
    }

    /// Rows over 20 different primes: no common denominator fits, so each row has its own table.
    static var rowsOverPrimes: String {
        let primes = [65537, 65539, 65543, 65551, 65557, 65563, 65579, 65581, 65587, 65599,
                      65609, 65617, 65629, 65633, 65647, 65651, 65657, 65677, 65687, 65699]
        let rows = primes.enumerated().map { i, p in
            (0..<20).map { j in "\(((i * 7 + j * 13) % 23 + 1) * 5000)/\(p)" }.joined(separator: ", ")
        }
        return "S = [" + rows.joined(separator: "; ") + "]; softmax(S) (rand(20, 3, 8) - 1/2)"
    }

    @Test(arguments: [
        "X = rand(64, 16, 1); attention(X, X, X)",
        // Values of both signs: sums that cancel.
        "X = rand(30, 4, 3); V = rand(30, 3, 4) - 1/2; attention(X, X, V)",
        // Scores up to 3200 apart: most weights fall below 2^-F and read as 0.
        "X = rand(20, 4, 5) * 40; attention(X, X, rand(20, 2, 6))",
        // A product of a softmax by a matrix with integers and a 0 in each column.
        "X = rand(25, 9, 2); softmax(X X^T / 3) [ones(24, 2) rand(24, 1, 3); 0 0 0]",
        rowsOverPrimes,
    ])
    func enclosesTheOrdinaryValue(program: String) throws {
        let fast = try #require(Run.value(program)), slow = try #require(Run.value(program))
        let p = 200
        let roots = Self.realNodes(fast), references = Self.realNodes(slow)
        #expect(roots.count == references.count && roots.count > 16)
        RealNode.evaluateInParallel(roots, precision: p)
        var taken = 0
        for (node, reference) in zip(roots, references) {
            // Taken by the kernel: the numerator Σ cⱼ·eⱼ was never evaluated. (A row holding a
            // score of exactly 0 has a rational weight and is built, and evaluated, otherwise.)
            if case let .quotient(numerator, _) = node.operation, numerator.kind == .sum,
               numerator.cachedInterval(precision: p) == nil {
                taken += 1
            }
            let enclosure = try #require(node.cachedInterval(precision: p))
            let precise = try #require(reference.interval(precision: 4 * p))
            #expect(enclosure.lo <= precise.lo && precise.hi <= enclosure.hi)
            // Narrow: within 2^-(p - 8) of the value, relatively, unless the sum cancels.
            if let width = Self.relativeWidth(enclosure), precise.lo.sign == precise.hi.sign, !precise.containsZero {
                #expect(width < pow2(-(p - 8)) || Self.cancels(reference, precision: 4 * p))
            }
        }
        #expect(taken >= roots.count * 9 / 10)
    }

    /// Scores 2^32/2^31 apart need tables past 2^32 entries' reach: the kernel refuses the row,
    /// and the same batch evaluates its entries the ordinary way.
    @Test func refusedRowsAreEvaluatedTheOrdinaryWay() throws {
        let scores = (["1", "(2^32 + 1)"] + (2...16).map(String.init)).joined(separator: " ")
        let program = "S = [\(scores)] / 2^31; softmax(S) (rand(17, 3, 4) - 1/2)"
        let fast = try #require(Run.value(program)), slow = try #require(Run.value(program))
        let roots = Self.realNodes(fast), references = Self.realNodes(slow)
        #expect(roots.count == 3)
        RealNode.evaluateInParallel(roots, precision: 160)
        var entries = 0
        for (node, reference) in zip(roots, references) {
            // (A column with a 0 has 16 terms, too few to share: its entry is an ordinary sum.)
            if case let .quotient(numerator, _) = node.operation {
                entries += 1
                #expect(numerator.cachedInterval(precision: 160) != nil)    // walked, not taken
            }
            let enclosure = try #require(node.cachedInterval(precision: 160))
            let precise = try #require(reference.interval(precision: 400))
            #expect(enclosure.lo <= precise.lo && precise.hi <= enclosure.hi)
        }
        #expect(entries >= 2)
    }

    /// The digits printed through the kernel are the digits printed cell by cell.
    @Test func printsWhatEachCellPrintsAlone() {
        let program = "X = rand(30, 4, 3); V = rand(30, 3, 4) - 1/2; attention(X, X, V)"
        #expect(Run.decimals(program, digits: 40) == ParallelEvaluationTests.serialDecimals(program, digits: 40))
    }

    /// One row by hand: weights 1, e^-1/2 and e^-1 (den 2, t = 0, 1, 2) times the column
    /// (1, -1, 2) over 3.
    @Test func oneRowByHand() throws {
        let table = try #require(ExpTable(denominator: 2, reach: 2, limbs: 3))
        let columns = try #require(SoftmaxColumns(integers: [1, 5, -1, 0, 2, 7], count: 3, width: 2, denominators: [3, 1]))
        let values = try #require(Interval.softmaxRowProduct(table, exponents: [0, 1, 2], columns: columns,
                                                             wanted: [true, false], precision: 120))
        #expect(values[1] == nil)
        let enclosure = try #require(values[0])
        let q = 400
        let e1 = Interval.exact(Rational(-1, 2), precision: q).exp(), e2 = Interval.exact(Rational(-1), precision: q).exp()
        let one = Interval.exact(.one, precision: q)
        let numerator = one - e1 + e2.scaled(numerator: 2, denominator: 1)
        let denominator = (one + e1 + e2).scaled(numerator: 3, denominator: 1)
        let quotient: Interval? = numerator / denominator
        let precise = try #require(quotient)
        #expect(enclosure.lo <= precise.lo && precise.hi <= enclosure.hi)
        #expect(try #require(Self.relativeWidth(enclosure)) < pow2(-110))
    }

    /// The error bound, not the final rounding, is what makes the enclosure hold: asked for more
    /// bits than the fixed point carries (one limb, F = 63), the enclosure is as wide as the
    /// bound says, and still holds the value. Random rows of 40 weights, both signs; small
    /// integers take the 32-bit lanes, integers past 2^30 GMP's multiply-adds.
    @Test(arguments: [(1, 20), (2, 20), (3, 1 << 40), (4, Int.max / 2)])
    func errorBoundHoldsBeyondTheFixedPoint(seed: Int, magnitude: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let n = 40, den = 7
        let t = [0] + (1..<n).map { _ in Int(random.next() % 300) }
        let a = (0..<n).map { _ in Int(random.next() % UInt64(2 * magnitude + 1)) - magnitude }
        let table = try #require(ExpTable(denominator: UInt(den), reach: 299, limbs: 1))
        let columns = try #require(SoftmaxColumns(integers: a, count: n, width: 1, denominators: [5]))
        let values = try #require(Interval.softmaxRowProduct(table, exponents: t.map(UInt.init), columns: columns,
                                                             wanted: [true], precision: 256))
        let enclosure = try #require(values[0])
        let q = 600
        var numerator = Interval.exact(.zero, precision: q), denominator = numerator
        for j in 0..<n {
            let e = Interval.exact(Rational(Int64(-t[j]), Int64(den)), precision: q).exp()
            numerator = numerator + e * .exact(Rational(Int64(a[j]), 5), precision: q)
            denominator = denominator + e
        }
        let quotient: Interval? = numerator / denominator
        let precise = try #require(quotient)
        #expect(enclosure.lo <= precise.lo && precise.hi <= enclosure.hi)
        // About 2^-63 times the error bound, relative to the denominator (at least 1).
        #expect(try #require(Self.relativeWidth(enclosure)) < pow2(-40))
    }

    @Test func refusesWhatItCannotTake() throws {
        #expect(ExpTable(denominator: 0, reach: 5, limbs: 2) == nil)
        #expect(ExpTable(denominator: 1, reach: 5, limbs: 0) == nil)
        // Reach past 2^32 with a cut-off beyond it: the tables would be too large.
        #expect(ExpTable(denominator: 1 << 30, reach: 1 << 40, limbs: 4) == nil)
        #expect(SoftmaxColumns(integers: [1, 2], count: 2, width: 1, denominators: [0]) == nil)
        let table = try #require(ExpTable(denominator: 1000, reach: 10, limbs: 2))
        let columns = try #require(SoftmaxColumns(integers: [1, 1], count: 2, width: 1, denominators: [1]))
        // t = 11 is past the tables' reach but below the cut-off: refused, nothing written.
        #expect(Interval.softmaxRowProduct(table, exponents: [0, 11], columns: columns, wanted: [true], precision: 64) == nil)
        // A row of the wrong length.
        #expect(Interval.softmaxRowProduct(table, exponents: [0], columns: columns, wanted: [true], precision: 64) == nil)
    }

    static func relativeWidth(_ iv: Interval) -> Double? {
        let lo = iv.lo.doubleValue, hi = iv.hi.doubleValue
        guard lo.isFinite, hi.isFinite, lo != 0 || hi != 0 else { return nil }
        return (hi - lo) / max(abs(lo), abs(hi))
    }

    /// Whether the entry's numerator is much smaller than the sum of its terms' magnitudes.
    static func cancels(_ node: RealNode, precision: Int) -> Bool {
        guard case let .quotient(numerator, _) = node.operation, case let .sum(terms) = numerator.operation,
              let total = numerator.interval(precision: precision) else { return false }
        var magnitude = 0.0
        for t in terms { magnitude += abs(t.coefficient.doubleValue) * (t.node.interval(precision: 64)?.hi.doubleValue ?? .infinity) }
        return abs(total.hi.doubleValue) < magnitude / Double(1 << 20)
    }
}

private func pow2(_ e: Int) -> Double { Double(sign: .plus, exponent: e, significand: 1) }
