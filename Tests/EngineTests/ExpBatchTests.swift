// Batched exponentials over one denominator: enclosures checked against single Interval.exp
// results at the same and at four times the precision.
import Foundation
import Testing
@testable import Engine

@Suite("ExpBatch")
struct ExpBatchTests {
    init() { _ = MPFRSetup.done }

    /// Numerators of every kind: zero, ±1, duplicates, a dense run, scores' range, and large |m|.
    static func numerators(seed: UInt64, count: Int = 120) -> [Int] {
        var g = SplitMix64(seed: seed)
        var ms = [0, 0, 1, -1, 7, 7, -200_000, 200_000, 1_000_000, -1_000_000]
        ms += (0..<20).map { 12_345 + $0 }
        while ms.count < count {
            let bound = g.below(4) == 0 ? 1_000_000 : 200_000
            ms.append(g.below(2 * bound + 1) - bound)
        }
        return ms
    }

    static func contains(_ outer: Interval, _ inner: Interval) -> Bool { outer.lo <= inner.lo && inner.hi <= outer.hi }
    static func intersect(_ a: Interval, _ b: Interval) -> Bool { a.lo <= b.hi && b.lo <= a.hi }

    /// hi/lo − 1 of a positive interval, rounded to a double.
    static func relativeWidth(_ x: Interval) -> Double {
        let hi = Interval(lo: x.hi, hi: x.hi), lo = Interval(lo: x.lo, hi: x.lo)
        return ((hi - lo) / lo)!.hi.doubleValue
    }

    @Test(arguments: [64, 206, 1000], [UInt(1), 40_000, 3 << 20])
    func tablesEncloseNarrowly(precision p: Int, denominator d: UInt) {
        let ms = Self.numerators(seed: UInt64(p) &* 31 &+ UInt64(d))
        let batch = ExpBatch.viaTables(numerators: ms, denominator: d, precision: p)
        #expect(batch.count == ms.count)
        let bound = Double(sign: .plus, exponent: 3 - p, significand: 1)   // see viaTables
        for (m, x) in zip(ms, batch) {
            let single = ExpBatch.single(m, d, p), reference = ExpBatch.single(m, d, 4 * p)
            #expect(x.precision == p)
            #expect(x.lo.sign > 0 && x.lo <= x.hi)
            #expect(Self.intersect(x, single), "exp(\(m)/\(d)) at \(p) bits misses the single exp")
            #expect(Self.contains(x, reference), "exp(\(m)/\(d)) at \(p) bits misses the \(4 * p)-bit value")
            #expect(Self.relativeWidth(x) < bound, "exp(\(m)/\(d)) at \(p) bits is too wide")
        }
    }

    @Test func exactAtZeroAndDuplicatesAgree() {
        let ms = [0, 5, 5, -5, 0] + Array(100..<140)
        let batch = ExpBatch.viaTables(numerators: ms, denominator: 3, precision: 128)
        #expect(batch[0].lo.doubleValue == 1 && batch[0].hi.doubleValue == 1)
        #expect(batch[1].lo <= batch[2].lo && batch[2].lo <= batch[1].lo)
        #expect(batch[1].hi <= batch[2].hi && batch[2].hi <= batch[1].hi)
    }

    @Test func smallOrSpreadBatchesTakeSingleExps() {
        #expect(ExpBatch.expIntervals(numerators: [], denominator: 7, precision: 64).isEmpty)
        #expect(!ExpBatch.tablesPay(count: 15, range: 10, precision: 206))
        #expect(ExpBatch.tablesPay(count: 4096, range: 400_000, precision: 206))
        #expect(!ExpBatch.tablesPay(count: 40, range: 1 << 30, precision: 206))
        let ms = [3, -8, 1_000]
        for (m, x) in zip(ms, ExpBatch.expIntervals(numerators: ms, denominator: 9, precision: 80)) {
            let single = ExpBatch.single(m, 9, 80)
            #expect(x.lo <= single.lo && single.lo <= x.lo && x.hi <= single.hi && single.hi <= x.hi)
        }
    }

    @Test func batchesOfScoresUseTablesAndEnclose() {
        let ms = Self.numerators(seed: 5, count: 300).map { $0 % 200_000 }
        let batch = ExpBatch.expIntervals(numerators: ms, denominator: 40_000, precision: 206)
        for (m, x) in zip(ms, batch) {
            #expect(Self.contains(x, ExpBatch.single(m, 40_000, 824)))
        }
    }

    @Test func floorDivisionRoundsDown() {
        #expect([-7, -6, -5, -1, 0, 4, 5].map { ExpBatch.floorDivision($0, 5) } == [-2, -2, -1, -1, 0, 0, 1])
    }

    /// By hand: `ATTN_BENCH=1 swift test --filter ExpBatchTests.benchmark` times 4,096 exps of
    /// m/40000 (|m| ≤ 200000), single vs batched, and the exp/product cost ratio behind
    /// `ExpBatch.tablesPay` (use a release build: `-c release -Xswiftc -enable-testing`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ATTN_BENCH"] != nil))
    func benchmark() {
        var g = SplitMix64(seed: 1)
        let ms = (0..<4096).map { _ in g.below(400_001) - 200_000 }
        func milliseconds(_ body: () -> Void) -> Double {
            let start = ContinuousClock.now
            body()
            let d = ContinuousClock.now - start
            return Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15
        }
        for p in [64, 206, 1000] {
            let single = milliseconds { _ = ms.map { ExpBatch.single($0, 40_000, p) } }
            let batch = milliseconds { _ = ExpBatch.expIntervals(numerators: ms, denominator: 40_000, precision: p) }
            let xs = ms.map { ExpBatch.single($0, 40_000, p) }
            let products = milliseconds { for k in 1..<xs.count { _ = xs[k - 1] * xs[k] } }
            print("p=\(p): 4096 exps \(single) ms, batched \(batch) ms (×\(single / batch));",
                  "an exp costs \(single / products) products")
        }
    }
}
