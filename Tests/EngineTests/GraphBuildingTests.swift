// The fast ways of building attention's graph (RationalSoftmaxRow, integer dot products,
// scaling by a rational on every core) must build exactly what the general ways build: the
// same values, the same exact forms, the same sharing of nodes.
import Testing
@testable import Engine

@Suite("Graph building")
struct GraphBuildingTests {
    /// A row of `n` short rationals from a few values (so scores repeat), none 0.
    static func scores(_ n: Int, seed: UInt64) -> [Scalar] {
        var g = SplitMix64(seed: seed)
        let values = (0..<7).map { _ in Rational(Int64(g.next() % 1999) - 999, 80000) }.filter { !$0.isZero }
        return (0..<n).map { _ in .rational(values[Int(g.next() % UInt64(values.count))]) }
    }

    /// Whether RationalSoftmaxRow builds this row (rather than leaving it to Softmax.exactRow).
    static func takesFastPath(_ row: [Scalar], mask: [Bool]? = nil) -> Bool {
        let taken = Parallel.Slots<Bool>(count: 1)
        _ = try? Parallel.rows(1, width: row.count, filler: Scalar.zero, minimumCount: 2) { _, out in
            var scratch = RationalSoftmaxRow()
            taken[0] = scratch.build(row, 0..<row.count, allowed: mask, into: out)
        }
        return taken[0] ?? false
    }

    static func quotientParts(_ s: Scalar) -> (RealNode, RealNode)? {
        guard case let .real(w) = s, case let .quotient(e, d) = w.operation else { return nil }
        return (e, d)
    }

    @Test(arguments: [(40, false), (17, false), (64, true), (300, false)])
    func fastSoftmaxRowsBuildTheGeneralPathsGraph(n: Int, masked: Bool) throws {
        let row = Self.scores(n, seed: UInt64(n))
        let mask: [Bool]? = masked ? (0..<n).map { $0 % 3 != 1 } : nil
        #expect(Self.takesFastPath(row, mask: mask))
        let fast = try Softmax.apply(Tensor(shape: .vector(n), exact: row), mask: mask).exactElements
        let general = try Softmax.exactRow(row, allowed: mask, row: 0)
        var fastDenominator: RealNode?
        for j in 0..<n {
            guard mask?[j] ?? true else {
                #expect(fast[j].isZero && general[j].isZero)
                continue
            }
            let (e, d) = try #require(Self.quotientParts(fast[j]))
            let (ge, gd) = try #require(Self.quotientParts(general[j]))
            #expect(e.isStructurallyEqual(to: ge) && d.isStructurallyEqual(to: gd))
            #expect(ExactForm.string(fast[j], limit: 100_000) == ExactForm.string(general[j], limit: 100_000))
            // One denominator per row; equal scores share one exponential, as they do generally.
            if let fastDenominator { #expect(d === fastDenominator) } else { fastDenominator = d }
            for k in 0..<j where mask?[k] ?? true {
                let (e2, _) = try #require(Self.quotientParts(fast[k]))
                let (ge2, _) = try #require(Self.quotientParts(general[k]))
                #expect((e === e2) == (ge === ge2))
            }
        }
        // The denominator's terms are the numerators themselves, coefficient 1, in order.
        let d = try #require(fastDenominator)
        guard case let .sum(terms) = d.operation else { Issue.record("the denominator is not a sum"); return }
        let numerators = (0..<n).filter { mask?[$0] ?? true }.compactMap { Self.quotientParts(fast[$0])?.0 }
        #expect(terms.count == numerators.count)
        for (t, e) in zip(terms, numerators) { #expect(t.coefficient.isOne && t.node === e) }
    }

    @Test func rowsTheFastPathDeclines() {
        var row = Self.scores(40, seed: 3)
        #expect(Self.takesFastPath(row))
        #expect(!Self.takesFastPath(Array(row.prefix(16))))                     // too short: like terms are merged
        #expect(!Self.takesFastPath(Array(repeating: row[0], count: 40)))       // all equal: exactly 1/n
        row[5] = .zero
        #expect(!Self.takesFastPath(row))                                       // exp(0) is the rational 1
        row[5] = .rational(Rational(1 << 20))
        #expect(Self.takesFastPath(row))                                        // 2²⁰ is not far from 0
        row[5] = .rational(Rational(3 << 20 + 1, 3))
        #expect(!Self.takesFastPath(row))                                       // beyond: shifted by the largest
        row[5] = .rational(Rational(-(3 << 20 + 1), 3))
        #expect(!Self.takesFastPath(row))
        row[5] = .real(RealNode(.function(.sqrt, RealNode(.constant(Rational(2))))))
        #expect(!Self.takesFastPath(row))                                       // a real score
        #expect(!Self.takesFastPath(Self.scores(40, seed: 3), mask: (0..<40).map { $0 < 16 }))
    }

    /// Exact products of all-rational matrices (integer dot products, reduced by their
    /// denominators' twos and fives or by a gcd, or added as rationals on overflow) against
    /// the sum of rational products.
    @Test(arguments: [
        "rand(9, 7, 1) / 7", "rand(9, 7, 2)", "rand(9, 7, 3) * 10^15", "rand(9, 7, 4) / 2^40",
        "vcat(rand(4, 7, 5), zeros(5, 7))", "rand(9, 7, 6) * (10^9 + 7) / 1024",
    ], ["rand(7, 5, 9)", "rand(7, 5, 8) / 3 + rand(7, 5, 9) / 8", "rand(7, 5, 7) * 10^12"])
    func integerDotProductsAreExact(left: String, right: String) throws {
        let a = try #require(Run.value(left)), b = try #require(Run.value(right))
        let product = try Tensor.product(a, b)
        let (x, y) = (a.exactElements, b.exactElements)
        for i in 0..<9 {
            for j in 0..<5 {
                var expected = Rational.zero
                for t in 0..<7 { expected = expected + x[i * 7 + t].rational! * y[t * 5 + j].rational! }
                #expect(product.exactElements[i * 5 + j].rational == expected)
            }
        }
    }

    @Test func scalingALargeTensorByARationalIsElementwiseDivision() throws {
        let t = try #require(Run.value("vcat(exp(rand(64, 128, 1)), rand(64, 128, 2))"))
        #expect(t.count >= Tensor.scalingInParallel)
        for c in [Rational(3), Rational(-8, 5), Rational(1)] {
            let scaled = try Tensor.elementwise(t, Tensor(c), .divide)
            let multiplied = try Tensor.elementwise(t, Tensor(c), .multiply)
            for (i, x) in t.exactElements.enumerated() {
                let quotient = try Scalar.divide(x, .rational(c)), product = x * .rational(c)
                for (built, expected) in [(scaled.exactElements[i], quotient), (multiplied.exactElements[i], product)] {
                    switch (built, expected) {
                    case let (.rational(p), .rational(q)): #expect(p == q)
                    case let (.real(p), .real(q)):
                        #expect(p.isStructurallyEqual(to: q) && p.kind == q.kind)
                        #expect(c != .one || p === q)
                    default: Issue.record("element \(i): a rational and a real")
                    }
                }
            }
        }
        #expect(throws: Diagnostic.self) { try Tensor.elementwise(t, Tensor(Rational.zero), .divide) }
    }

    /// A softmax row with a score 0 has the constant 1 in its denominator; its weights still
    /// add up to exactly 1, and a column with several 1s still gives a combined fraction.
    @Test func aDenominatorWithAConstantTerm() throws {
        let scores = (0...20).map(String.init).joined(separator: ", ")
        let setup = "W = softmax([\(scores)]^T / 10); "
        #expect(Run.value(setup + "W ones(21, 1)")?.exactElements.first?.rational == .one)
        let partial = try #require(Run.value(setup + "W vcat([1; 1; 0.5; 1], zeros(17, 1))")?.exactElements.first)
        guard case .real = partial else { Issue.record("expected a real"); return }
        let weights = try #require(Run.value(setup + "W")).exactElements
        let d = try #require(Self.quotientParts(weights[1])?.1)
        #expect(d.hasMoreDistinctTerms(than: 19))
        #expect(!d.hasMoreDistinctTerms(than: 20))
    }
}
