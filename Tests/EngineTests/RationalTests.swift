// Exact rationals: literals, arithmetic across the 64-bit/GMP boundary, laws.
import Testing
@testable import Engine

@Suite("Rational")
struct RationalTests {
    @Test func literalsAreExact() {
        #expect(Rational(literal: "0.1") == Rational(1, 10))
        #expect(Rational(literal: ".5") == Rational(1, 2))
        #expect(Rational(literal: "1e-3") == Rational(1, 1000))
        #expect(Rational(literal: "12e-2") == Rational(3, 25))
        #expect(Rational(literal: "4e3") == Rational(4000))
        #expect(Rational(literal: "1.") == Rational(1))
        #expect(Rational(literal: "2.5e0") == Rational(5, 2))
        #expect(Rational(literal: "1e999999999999") == nil)
        #expect(Rational(literal: "1.2.3") == nil)
        #expect(Rational(literal: "") == nil)
    }

    @Test func reducedWithPositiveDenominator() {
        #expect(Rational(6, -4).description == "-3/2")
        #expect(Rational(0, -5).description == "0")
        #expect(Rational(10, 5).description == "2")
    }

    @Test func arithmeticCrossesIntoGMP() {
        let big = Rational(Int64.max, 1)
        let sum = big + big
        #expect(sum.description == "18446744073709551614")
        #expect((sum - big) == big)
        let product = big * big
        #expect((product / big) == big)
        #expect(Rational(Int64.min, 1).description == "-9223372036854775808")
        #expect((-Rational(Int64.min, 1)).description == "9223372036854775808")
    }

    @Test func addsAndMultipliesFractions() {
        #expect(Rational(1, 3) + Rational(1, 6) == Rational(1, 2))
        #expect(Rational(1, 10) * Rational(3) - Rational(3, 10) == .zero)
        #expect(Rational(2, 3).reciprocal == Rational(3, 2))
        #expect(Rational(-2, 3).raised(to: -3) == Rational(-27, 8))
    }

    @Test func exactRoots() {
        #expect(Rational(81, 64).exactRoot(2) == Rational(9, 8))
        #expect(Rational(2).exactRoot(2) == nil)
        #expect(Rational(-8, 27).exactRoot(3) == Rational(-2, 3))
        #expect(Rational(10000).exactRoot(2) == Rational(100))
    }

    @Test func ordering() {
        #expect(Rational(1, 3) < Rational(1, 2))
        #expect(Rational(-1, 2) < Rational(-1, 3))
        #expect(Rational(Int64.max, 3) < Rational(Int64.max, 2))
    }

    @Test(arguments: 0..<200)
    func fieldLaws(_ seed: Int) {
        var g = SplitMix64(seed: UInt64(seed))
        func random() -> Rational {
            let n = Int64(bitPattern: g.next() % 2_000_001) - 1_000_000
            let d = Int64(g.next() % 999) + 1
            return seed % 3 == 0 ? Rational(n, d) * Rational(Int64.max / 3, 7) : Rational(n, d)
        }
        let a = random(), b = random(), c = random()
        #expect((a + b) + c == a + (b + c))
        #expect(a * (b + c) == a * b + a * c)
        if !b.isZero { #expect((a / b) * b == a) }
        #expect(a - a == .zero)
    }

    /// Rational.gcd (a division, then binary steps) against Euclid's algorithm, over values of
    /// every size, zeros, powers of two and the largest.
    @Test func gcdAgreesWithEuclid() {
        func euclid(_ a: UInt64, _ b: UInt64) -> UInt64 {
            var (a, b) = (a, b)
            while b != 0 { (a, b) = (b, a % b) }
            return a == 0 ? 1 : a
        }
        var g = SplitMix64(seed: 18)
        var pairs: [(UInt64, UInt64)] = [(0, 0), (0, 7), (12, 0), (1 << 63, 1 << 40), (.max, .max - 1), (.max, 1 << 63),
                                         (48, 18), (10000, 5000), (7, 7), (1, .max)]
        for _ in 0..<20_000 {
            let a = g.next() >> (g.next() % 64), b = g.next() >> (g.next() % 64)
            pairs.append((a, b))
            pairs.append((a &* (b & 0xFFFF), b & 0xFFFF))
        }
        for (a, b) in pairs { #expect(Rational.gcd(a, b) == euclid(a, b), "gcd(\(a), \(b))") }
    }
}
