// Decimal output: %g-style text, correct rounding, every digit right at any precision.
import Testing
@testable import Engine

@Suite("DecimalFormat")
struct DecimalFormatTests {
    @Test func rationalsRoundHalfToEven() {
        #expect(DecimalFormat.string(Rational(1, 3), digits: 6) == "0.333333")
        #expect(DecimalFormat.string(Rational(2, 3), digits: 6) == "0.666667")
        #expect(DecimalFormat.string(Rational(1, 8), digits: 2) == "0.12")
        #expect(DecimalFormat.string(Rational(3, 8), digits: 2) == "0.38")
        #expect(DecimalFormat.string(Rational(35, 100), digits: 1) == "0.4")
        #expect(DecimalFormat.string(Rational(25, 100), digits: 1) == "0.2")
        #expect(DecimalFormat.string(Rational(-3, 20_000_000), digits: 6) == "-1.5e-07")
        #expect(DecimalFormat.string(Rational(9_950_787, 500), digits: 6) == "19901.6")
        #expect(DecimalFormat.string(Rational(1_234_567), digits: 6) == "1.23457e+06")
        #expect(DecimalFormat.string(Rational(999_999, 1_000_000), digits: 3) == "1")
        #expect(DecimalFormat.string(Rational(99_999), digits: 3) == "1e+05")
        #expect(DecimalFormat.string(Rational(1, 2), digits: 6) == "0.5")
        #expect(DecimalFormat.string(Rational(-7), digits: 6) == "-7")
        #expect(DecimalFormat.string(Rational.zero, digits: 6) == "0")
        #expect(DecimalFormat.string(Rational(1, 10_000), digits: 6) == "0.0001")
        #expect(DecimalFormat.string(Rational(1, 100_000), digits: 6) == "1e-05")
    }

    @Test func realsAreCorrectlyRounded() throws {
        let e = try Scalar.one.apply(.exp)
        #expect(DecimalFormat.string(e, digits: 6) == "2.71828")
        #expect(DecimalFormat.string(e, digits: 1) == "3")
        #expect(DecimalFormat.string(e, digits: 30) == "2.71828182845904523536028747135")
        let tiny = try Scalar(Rational(-1000)).apply(.exp)
        #expect(DecimalFormat.string(tiny, digits: 6) == "5.07596e-435")
        let huge = try Scalar(Rational(1_000_000)).apply(.exp)
        #expect(DecimalFormat.string(huge, digits: 3).hasSuffix("e+434294"))
    }

    @Test func thousandDigits() throws {
        let root = try Scalar(Rational(2)).apply(.sqrt)
        let text = DecimalFormat.string(root, digits: 1000)
        #expect(text.filter(\.isNumber).count == 1000)
        #expect(text.hasPrefix("1.41421356237309504880168872420969807856967187537694"))
        #expect(text.hasSuffix("2951848847"))   // checked against mpmath at 1100 digits
    }

    @Test func cancellationIsRefinedUntilDecided() throws {
        // (1 + 10^-60) - 1 needs far more than the default precision.
        let tiny = try Scalar(Rational(1)).apply(.exp) + Scalar(Rational(1, 10).raised(to: 60)) - (try Scalar(Rational(1)).apply(.exp))
        #expect(DecimalFormat.string(tiny, digits: 6) == "1e-60")
    }

    @Test func anExactZeroHiddenInARealPrintsAsZero() throws {
        let e = try Scalar.one.apply(.exp)
        let zero = Scalar.scale(e, by: Rational(2)) - e - e
        #expect(DecimalFormat.string(zero, digits: 6) == "0")
    }
}
