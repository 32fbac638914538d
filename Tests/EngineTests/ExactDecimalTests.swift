// Full decimal expansions (for .csv files) and the nearest double (for .npy files).
import Testing
@testable import Engine

@Suite("Exact decimals and nearest doubles")
struct ExactDecimalTests {
    @Test func terminatingRationalsAreWrittenOutInFull() {
        #expect(DecimalFormat.exactString(Rational(1, 10)) == "0.1")
        #expect(DecimalFormat.exactString(Rational(-1, 4_000_000)) == "-0.00000025")
        #expect(DecimalFormat.exactString(Rational(-7)) == "-7")
        #expect(DecimalFormat.exactString(Rational(0)) == "0")
        #expect(DecimalFormat.exactString(Rational(123, 20)) == "6.15")
        #expect(DecimalFormat.exactString(Rational(exactly: 0.1)!) == "0.1000000000000000055511151231257827021181583404541015625")
        // A denominator beyond 64 bits takes the big-integer path.
        let tiny = Rational(exactly: 1e-300)!
        let text = DecimalFormat.exactString(tiny)
        #expect(text?.hasPrefix("0." + String(repeating: "0", count: 299) + "1") == true)
        #expect(text.flatMap { Rational(literal: $0) } == tiny)
    }

    @Test func otherRationalsHaveNone() {
        #expect(DecimalFormat.exactString(Rational(1, 3)) == nil)
        #expect(DecimalFormat.exactString(Rational(7, 30)) == nil)
    }

    @Test func nearestDoubleRoundsCorrectly() throws {
        #expect(Scalar.rational(Rational(1, 10)).nearestDouble == 0.1)
        #expect(Scalar.rational(Rational(1, 3)).nearestDouble == 1.0 / 3.0)
        // Halfway between 1 and the next double: ties go to the even significand (1).
        let half = Rational(exactly: 1.0)! + Rational(exactly: Double.ulpOfOne / 2)!
        #expect(Scalar.rational(half).nearestDouble == 1.0)
        let aboveHalf = half + Rational(exactly: Double.ulpOfOne / 1024)!
        #expect(Scalar.rational(aboveHalf).nearestDouble == 1.0.nextUp)
        #expect(try Scalar.one.apply(.exp).nearestDouble == 2.718281828459045)
        #expect(Scalar.rational(Rational(literal: "1e400")!).nearestDouble == nil)
    }
}
