// The fixed-point sum behind a long sum's interval (attention's output entries): it must
// enclose the exact value of Σ nᵢ·xᵢ / d whatever the signs, magnitudes and zeros, and be about
// as narrow as the MPFR running sum it replaces.
import Testing
@testable import Engine

@Suite("Fixed-point sums")
struct FixedPointSumTests {
    init() { _ = MPFRSetup.done }

    /// Random rationals of mixed sign and magnitude (2^-60 to 2^40), some zero, some equal.
    static func terms(seed: UInt64, count: Int) -> (values: [Rational], multipliers: [Int]) {
        var g = SplitMix64(seed: seed)
        var values: [Rational] = [], multipliers: [Int] = []
        for i in 0..<count {
            let n = Int64(g.below(2_000_001)) - 1_000_000
            let scale = Int64(1) << Int64(g.below(40))
            let q: Rational = i % 7 == 3 ? .zero : (g.below(3) == 0 ? Rational(n * scale, 7) : Rational(n, scale * 3))
            values.append(i % 11 == 5 && i > 0 ? values[i - 1] : q)
            multipliers.append(i % 13 == 0 ? 0 : Int(g.below(2_001)) - 1_000)
        }
        return (values, multipliers)
    }

    @Test(arguments: [64, 190, 700], [UInt(1), 100, 40_000])
    func enclosesTheExactSum(precision p: Int, denominator d: UInt) throws {
        for seed in UInt64(1)...20 {
            let (values, multipliers) = Self.terms(seed: seed &* 977 &+ UInt64(p), count: 1 + Int(seed) * 5)
            let intervals = values.map { Interval.exact($0, precision: p) }
            let sum = try #require(Interval.fixedPointSum(intervals, multipliers, over: d, precision: p))
            var exact = Rational.zero
            for (q, n) in zip(values, multipliers) { exact = exact + q * Rational(n) }
            exact = exact * Rational(1, Int64(d))
            // The exact value, enclosed far more tightly than the sum under test.
            let truth = Interval.exact(exact, precision: 4 * p)
            #expect(sum.lo <= truth.lo && truth.hi <= sum.hi, "seed \(seed): the sum does not enclose \(exact)")
            // As narrow as the MPFR running sum, within a few units of its last place.
            let running = IntervalSum(precision: p)
            for (x, n) in zip(intervals, multipliers) { running.add(x, times: n, over: d) }
            let reference = running.interval
            let slack = Interval.exact(Rational(1, 1 << 20), precision: p)
            let widthSum = (sum.hi.asInterval - sum.lo.asInterval).hi
            let widthReference = ((reference.hi.asInterval - reference.lo.asInterval) * slack.reciprocal).hi
            let tiny = Interval.exact(Rational(1, 1 << 62), precision: p).hi
            #expect(widthSum <= widthReference || widthSum <= tiny || exact.isZero, "seed \(seed): wider than the running sum")
        }
    }

    /// Terms far below the scale are rounded onto it outward: a tiny negative term must still
    /// pull the lower bound below a large exact term, and a tiny positive one the upper above it.
    @Test(arguments: [1, -1], [1, 3])
    func termsBelowTheScaleRoundOutward(sign: Int, multiplier: Int) throws {
        let p = 64
        let big = Interval.exact(Rational(1 << 40), precision: p)
        let tiny = Interval.exact(Rational(1, 1 << 40).raised(to: 5), precision: p)   // 2^-200
        let sum = try #require(Interval.fixedPointSum([big, tiny], [1, sign * multiplier], over: 1, precision: p))
        let exact = Rational(1 << 40) + Rational(sign * multiplier) * Rational(1, 1 << 40).raised(to: 5)
        let truth = Interval.exact(exact, precision: 400)
        #expect(sum.lo <= truth.lo && truth.hi <= sum.hi)
        #expect(sign < 0 ? sum.lo < big.lo : big.hi < sum.hi)
    }

    /// A term only partly below the scale: its lowest limb is dropped whole and the next one in
    /// part; a bit set in the dropped limb must still round the bound outward.
    @Test(arguments: [1, -1])
    func partlyDroppedTermsRoundOutward(sign: Int) throws {
        let p = 190
        let big = Interval.exact(Rational(1 << 40), precision: p)
        let twoTo80 = Rational(1 << 40).raised(to: 2)
        let small = Rational.one / twoTo80 + Rational.one / (twoTo80 * Rational(1 << 50).raised(to: 3))   // 2^-80 + 2^-230
        let term = Interval.exact(small, precision: p)
        #expect(term.hi <= term.lo)                                  // exactly representable
        let sum = try #require(Interval.fixedPointSum([big, term], [1, sign], over: 1, precision: p))
        let truth = Interval.exact(Rational(1 << 40) + Rational(sign) * small, precision: 4 * p)
        #expect(sum.lo <= truth.lo && truth.hi <= sum.hi)
    }

    @Test func zerosAndEmptySums() throws {
        let zero = Interval.exact(.zero, precision: 100)
        let empty = try #require(Interval.fixedPointSum([], [], over: 1, precision: 100))
        #expect(empty.lo.isZero && empty.hi.isZero)
        let zeros = try #require(Interval.fixedPointSum([zero, zero], [3, -5], over: 7, precision: 100))
        #expect(zeros.lo.isZero && zeros.hi.isZero)
    }

    @Test func refusesNonFiniteEnds() {
        let one = Interval.exact(.one, precision: 64)
        let overflowing = Interval.exact(Rational(Int(Int64.max)), precision: 64).exp()   // e^(9.2e18) is past MPFR's range
        #expect(!overflowing.isFinite)
        #expect(Interval.fixedPointSum([one, overflowing], [1, 1], over: 1, precision: 64) == nil)
    }
}

private extension BigFloat {
    var asInterval: Interval { Interval(lo: self, hi: self) }
}
