// The paths that make a large exact tensor fast — a product's entries sharing their row and
// column, exponentials batched over one denominator, nodes evaluated a height at a time on
// every core, sums added in fixed point — must print exactly what evaluating each cell alone
// prints, and build the same exact forms.
import Testing
@testable import Engine

@Suite("Parallel evaluation")
struct ParallelEvaluationTests {
    /// Every cell formatted one at a time on this thread, on a freshly evaluated tensor (no
    /// interval computed by the batch path is reused).
    static func serialDecimals(_ program: String, digits: Int) -> [String] {
        guard let t = Run.value(program) else { return [] }
        return (0..<t.count).map { CellText(t.scalar(at: $0), digits: digits).decimal }
    }

    @Test(arguments: [
        "X = rand(64, 16, 1); attention(X, X, X)",
        "X = rand(40, 24, 7); Y = rand(40, 24, 8); softmax(X Y^T / 5) Y",
        "X = rand(20, 30, 3); softmax(X X^T) [ones(20, 1) rand(20, 3, 4)]",
    ])
    func batchedCellsMatchCellByCell(program: String) {
        let batched = Run.decimals(program, digits: 30)
        #expect(batched.count > CellBatch.parallelThreshold)
        #expect(batched == Self.serialDecimals(program, digits: 30))
    }

    /// A product's entry built from a shared row and column is the sum the general path builds
    /// from its terms (Scalar.combination): same exact form, structurally equal, so x − x is
    /// still exactly 0. A zero in the column is no term; rows repeat a score, so equal terms
    /// appear more than once.
    @Test func sharedRowsAndColumnsBuildTheSameSums() throws {
        let setup = "E = exp(rand(20, 20, 5) / 3); V = [rand(19, 3, 9); 0 1 0]; "
        let e = try #require(Run.value(setup + "E")), v = try #require(Run.value(setup + "V"))
        let product = try Tensor.product(e, v)
        for (i, j) in [(0, 0), (7, 2), (19, 1)] {
            let terms = (0..<20).compactMap { t -> SumTerm? in
                guard case let .real(x) = e.scalar(at: i * 20 + t), case let .rational(c) = v.scalar(at: t * 3 + j) else {
                    fatalError("E holds reals, V rationals")
                }
                return c.isZero ? nil : SumTerm(c, x)
            }
            let entry = product.scalar(at: i * 3 + j), expected = Scalar.combination(constant: .zero, terms)
            #expect(ExactForm.string(entry, limit: 1_000_000) == ExactForm.string(expected, limit: 1_000_000))
            guard case let .real(x) = entry, case let .real(y) = expected else {
                Issue.record("expected two reals")
                continue
            }
            #expect(x.structuralHash == y.structuralHash && x.isStructurallyEqual(to: y))
            if case let .sum(shared) = x.operation { #expect(shared.sharedRow != nil) } else { Issue.record("expected a sum") }
        }
        #expect(Run.decimals(setup + "E V - E V", digits: 10).allSatisfy { $0 == "0" })
    }

    /// A softmax row eⱼ/D times a column is (Σ cⱼ·eⱼ)/D with the numerators shared by the
    /// row's entries (the n² weights are not divided out): the same digits as the sum of the
    /// weighted quotients, a column of 1s gives exactly 1, and x − x is exactly 0.
    @Test func softmaxRowsShareTheirNumeratorsOverOneDenominator() throws {
        let setup = "W = softmax(rand(20, 20, 5) / 3); V = [rand(18, 3, 9); 1 1 0; 1 0 0]; "
        let w = try #require(Run.value(setup + "W")), v = try #require(Run.value(setup + "V"))
        let product = try Tensor.product(w, v)
        for (i, j) in [(0, 0), (7, 1), (19, 2)] {
            let terms = (0..<20).map { t -> SumTerm in
                guard case let .real(x) = w.scalar(at: i * 20 + t), case let .rational(c) = v.scalar(at: t * 3 + j) else {
                    fatalError("weights are reals, values rationals")
                }
                return SumTerm(c, x)
            }
            let entry = product.scalar(at: i * 3 + j), expected = Scalar.combination(constant: .zero, terms)
            #expect(CellText(entry, digits: 40).decimal == CellText(expected, digits: 40).decimal)
            guard case let .real(x) = entry, case let .quotient(numerator, _) = x.operation,
                  case let .sum(shared) = numerator.operation else {
                Issue.record("expected (Σ cⱼ·eⱼ)/D")
                continue
            }
            #expect(shared.sharedRow != nil)
        }
        let ones = try #require(Run.value(setup + "W ones(20, 1)"))
        #expect((0..<20).allSatisfy { ones.scalar(at: $0).rational == .one })
        #expect(Run.decimals(setup + "W V - W V", digits: 10).allSatisfy { $0 == "0" })
    }

    /// A row prepared once for many fixed-point sums gives the very intervals the per-sum way
    /// gives, for positive, negative and zero multipliers and ends of both signs.
    @Test func preparedRowsSumBitForBit() {
        let p = 190
        let values = (0..<40).map { k -> Interval in
            let x = Interval.exact(Rational(Int64(k * 37 % 23) - 11, Int64(7 + k)), precision: p + 64)
            return k % 3 == 0 ? x.exp() : x
        }
        let prepared = FixedPointRow(values, preparedFor: p), plain = FixedPointRow(values)
        for seed in 0..<12 {
            let n = (0..<40).map { k in ((k * 31 + seed * 17) % 41) - 20 }
            let a = Interval.fixedPointSum(prepared, n, over: 100, precision: p)
            let b = Interval.fixedPointSum(plain, n, over: 100, precision: p)
            // 80 digits tell any two 190-bit floats apart.
            func text(_ f: BigFloat?) -> String { f?.decimalDigits(80).map { "\($0.negative) \($0.digits) \($0.exponent)" } ?? "nil" }
            #expect(text(a?.lo) == text(b?.lo) && text(a?.hi) == text(b?.hi), "seed \(seed)")
            #expect(a != nil)
        }
    }

    /// Phases run on kept helper threads; a phase inside another (the helpers are busy) runs on
    /// threads of its own. Every iteration runs exactly once either way.
    @Test func everyIterationRunsOnceInManyAndNestedPhases() {
        for round in 0..<300 {
            let count = 1 + round % 9
            let seen = Parallel.Slots<Int>(count: count)
            Parallel.forEach(count) { i in seen[i] = (seen[i] ?? 0) + 1 }
            #expect((0..<count).allSatisfy { seen[$0] == 1 }, "round \(round)")
        }
        let nested = Parallel.Slots<Int>(count: 64)
        Parallel.forEach(8) { i in Parallel.forEach(8) { j in nested[i * 8 + j] = i * 8 + j } }
        #expect((0..<64).allSatisfy { nested[$0] == $0 })
    }
}
