// The Engine's part of issue 13: control characters neutralised one way everywhere, the
// memory budget's sizes, and the fixed-point sum (now a C target that checks its own scratch
// space) with terms far narrower or wider than the result, where the shifts are largest.
import Testing
@testable import Engine

@Suite("Hostile input, Engine side")
struct HostileInputEngineTests {
    init() { _ = MPFRSetup.done }

    @Test func controlCharactersBecomeVisible() {
        #expect(ControlCharacters.neutralised("a\u{1B}]0;x\u{07}b") == "a␛]0;x␇b")
        #expect(ControlCharacters.neutralised("line\nnext\tcell") == "line\nnext\tcell")
        #expect(ControlCharacters.neutralised("line\nnext\tcell", keepingLineBreaks: false) == "line␊next␉cell")
        #expect(ControlCharacters.neutralised("\u{9B}31m\u{7F}\r") == "\u{FFFD}31m␡␍")
        // Clean text, Chinese and math included, is returned as it is.
        let clean = "注意力 α₂,₁ ≈ 0.244728 ⎡1⎤"
        #expect(ControlCharacters.neutralised(clean) == clean)
        #expect(Sanitize.text("a\tb\u{1B}") == "a b␛")
    }

    @Test func jsonEscapesC1ControlsToo() {
        #expect(JSON.string("\u{1B}[2J\u{9B}").serialized() == "\"\\u001b[2J\\u009b\"")
    }

    @Test func memoryLimitsAreReadWithUnits() {
        #expect(MemoryBudget.parse("4G") == 4 << 30)
        #expect(MemoryBudget.parse("512M") == 512 << 20)
        #expect(MemoryBudget.parse("100k") == 100 << 10)
        #expect(MemoryBudget.parse("1.5GiB") == 3 << 29)
        #expect(MemoryBudget.parse("1000000") == 1_000_000)
        #expect(MemoryBudget.parse("2 GB") == 2 << 30)
        for bad in ["", "lots", "0", "-1G", "4X", "1e30G"] { #expect(MemoryBudget.parse(bad) == nil, "\(bad)") }
        #expect(MemoryBudget.describe(139 * 1024 * 1024 * 1024) == "139 GB")
        #expect(MemoryBudget.describe(1.5 * 1024 * 1024) == "1.5 MB")
        #expect(MemoryBudget.describe(512) == "512 bytes")
    }

    @Test func printingPastTheBudgetIsRefused() throws {
        let saved = MemoryBudget.limit
        defer { MemoryBudget.limit = saved }
        MemoryBudget.limit = 1 << 30
        try MemoryBudget.requireForPrinting(values: 1000, digits: 1000)
        #expect(throws: Diagnostic.self) { try MemoryBudget.requireForPrinting(values: 4_000_000, digits: 10_000) }
    }

    /// Terms at `termPrecision` summed at `precision`: a term much narrower than the result is
    /// shifted up by many limbs, one much wider is shifted down; the sum must still enclose.
    @Test(arguments: [(64, 2000), (2000, 64), (128, 4096), (4096, 200)])
    func fixedPointSumsWithTermsOfOtherPrecisions(termPrecision: Int, precision: Int) throws {
        let values: [Rational] = [Rational(1, 3), Rational(-22, 7), Rational(5, 1 << 40), Rational(7, 1)]
        let multipliers = [3, -5, 1000, 1]
        let intervals = values.map { Interval.exact($0, precision: termPrecision) }
        var exact = Rational.zero
        for (q, n) in zip(values, multipliers) { exact = exact + q * Rational(n) }
        let truth = Interval.exact(exact, precision: 2 * max(termPrecision, precision))
        let sum = try #require(Interval.fixedPointSum(intervals, multipliers, over: 1, precision: precision))
        // The exact value lies in the sum (truth encloses it within 2^-4000 or so).
        #expect(sum.lo <= truth.hi && truth.lo <= sum.hi)
        #expect(sum.lo <= sum.hi)
    }
}
