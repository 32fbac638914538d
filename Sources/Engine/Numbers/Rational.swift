// Exact rational numbers: 64-bit numerator and denominator while they fit, GMP beyond.

/// An exact rational number, always in lowest terms with a positive denominator.
public struct Rational: Sendable {
    enum Storage: Sendable {
        case small(Int64, Int64)
        case big(BigRational)
    }

    let storage: Storage

    init(storage: Storage) { self.storage = storage }

    public init(_ n: Int) { storage = .small(Int64(n), 1) }

    /// `n / d` reduced; `d` must not be zero.
    public init(_ n: Int64, _ d: Int64) {
        precondition(d != 0, "zero denominator")
        if n == .min || d == .min {
            storage = Rational.normalized(BigRational(numerator: n, denominator: d))
            return
        }
        let g = Rational.gcd(n.magnitude, d.magnitude)
        let sign: Int64 = d < 0 ? -1 : 1
        storage = .small(sign * n / Int64(g), sign * d / Int64(g))
    }

    init(big: BigRational) { storage = Rational.normalized(big) }

    /// The exact value of a double (every finite double is a binary fraction); nil for inf and NaN.
    public init?(exactly d: Double) {
        guard d.isFinite else { return nil }
        if let i = Int64(exactly: d) { storage = .small(i, 1); return }
        storage = Rational.normalized(BigRational(exactly: d))
    }

    private static func normalized(_ b: BigRational) -> Storage {
        if let (n, d) = b.smallParts, n != .min, d != .min { return .small(n, d) }
        return .big(b)
    }

    /// The least common multiple of two positive integers when it is at most `limit`: the
    /// common denominator of a batch of fractions, grown one denominator at a time.
    static func lcm(_ a: UInt64, _ b: UInt64, atMost limit: UInt64) -> UInt64? {
        let (l, overflow) = (a / gcd(a, b)).multipliedReportingOverflow(by: b)
        return overflow || l > limit ? nil : l
    }

    /// The greatest common divisor, 1 for gcd(0, 0). One division brings the larger below the
    /// smaller, then binary steps (shifts and subtractions) finish: about twice as fast as
    /// Euclid's divisions for the entries of an exact product (a million of them in attention).
    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        if a == 0 { return b == 0 ? 1 : b }
        if b == 0 { return a }
        var (u, v) = (a, b)
        if u > v {
            u %= v
            if u == 0 { return v }
        } else {
            v %= u
            if v == 0 { return u }
        }
        let shift = (u | v).trailingZeroBitCount
        u >>= u.trailingZeroBitCount
        repeat {
            v >>= v.trailingZeroBitCount
            if u > v { swap(&u, &v) }
            v -= u
        } while v != 0
        return u << shift
    }

    public static let zero = Rational(0)
    public static let one = Rational(1)

    var big: BigRational {
        switch storage {
        case let .small(n, d): return BigRational(numerator: n, denominator: d)
        case let .big(b): return b
        }
    }

    public var sign: Int {
        switch storage {
        case let .small(n, _): return n == 0 ? 0 : (n < 0 ? -1 : 1)
        case let .big(b): return b.sign
        }
    }

    public var isZero: Bool { sign == 0 }
    /// Exactly 1; cheaper than `== .one` in loops over a sum's terms (no tuple of storages).
    var isOne: Bool {
        if case .small(1, 1) = storage { return true }
        return false
    }
    public var isInteger: Bool {
        switch storage {
        case let .small(_, d): return d == 1
        case let .big(b): return b.denominator.compare(BigInteger(1)) == 0
        }
    }

    /// The value as an `Int` when it is an integer that fits.
    public var intValue: Int? {
        if case let .small(n, 1) = storage { return Int(n) }
        return nil
    }

    var numerator: BigInteger {
        switch storage {
        case let .small(n, _): return BigInteger(n)
        case let .big(b): return b.numerator
        }
    }

    var denominator: BigInteger {
        switch storage {
        case let .small(_, d): return BigInteger(d)
        case let .big(b): return b.denominator
        }
    }

    /// Nearest double (for the float path).
    public var doubleValue: Double {
        switch storage {
        case let .small(n, d): return d == 1 ? Double(n) : big.doubleValue
        case let .big(b): return b.doubleValue
        }
    }

    /// Bits in numerator and denominator together (small values report at most 128).
    public var bitSize: Int {
        switch storage {
        case let .small(n, d): return (64 - n.magnitude.leadingZeroBitCount) + (64 - d.magnitude.leadingZeroBitCount)
        case let .big(b): return b.bitSize
        }
    }
}

// MARK: - Arithmetic

extension Rational {
    public static func + (a: Rational, b: Rational) -> Rational {
        if case let .small(an, ad) = a.storage, case let .small(bn, bd) = b.storage {
            if ad == 1 && bd == 1 {
                let (s, o) = an.addingReportingOverflow(bn)
                if !o { return Rational(storage: .small(s, 1)) }
            } else if let r = smallSum(an, ad, bn, bd) {
                return r
            }
        }
        return Rational(big: a.big.adding(b.big))
    }

    private static func smallSum(_ an: Int64, _ ad: Int64, _ bn: Int64, _ bd: Int64) -> Rational? {
        let (x, o1) = an.multipliedReportingOverflow(by: bd)
        let (y, o2) = bn.multipliedReportingOverflow(by: ad)
        let (d, o3) = ad.multipliedReportingOverflow(by: bd)
        guard !o1, !o2, !o3 else { return nil }
        let (n, o4) = x.addingReportingOverflow(y)
        guard !o4, n != .min else { return nil }
        return Rational(n, d)
    }

    public static prefix func - (a: Rational) -> Rational {
        if case let .small(n, d) = a.storage, n != .min { return Rational(storage: .small(-n, d)) }
        return Rational(big: a.big.negated())
    }

    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

    public static func * (a: Rational, b: Rational) -> Rational {
        if case let .small(an, ad) = a.storage, case let .small(bn, bd) = b.storage {
            // Cross-reduce first so the products stay small.
            let g1 = Int64(gcd(an.magnitude, bd.magnitude)), g2 = Int64(gcd(bn.magnitude, ad.magnitude))
            let (n, o1) = (an / g1).multipliedReportingOverflow(by: bn / g2)
            let (d, o2) = (ad / g2).multipliedReportingOverflow(by: bd / g1)
            if !o1, !o2, n != .min { return Rational(storage: .small(n, d)) }
        }
        return Rational(big: a.big.multiplying(b.big))
    }

    /// `b` must not be zero; callers check and report division by zero.
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(!b.isZero, "division by zero")
        return a * b.reciprocal
    }

    public var reciprocal: Rational {
        switch storage {
        case let .small(n, d) where n != .min: return Rational(d, n)
        default: return Rational(big: BigRational(numerator: denominator, denominator: numerator))
        }
    }

    public var magnitude: Rational { sign < 0 ? -self : self }

    /// `self` raised to an integer power; `self` must not be zero when `e` is negative.
    public func raised(to e: Int) -> Rational {
        if e < 0 { return reciprocal.raised(to: -e) }
        var result = Rational.one, base = self, e = e
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result
    }

    /// The exact `n`-th root when numerator and denominator are both perfect powers (n ≥ 1).
    public func exactRoot(_ n: Int) -> Rational? {
        guard n >= 1 else { return nil }
        if n == 1 { return self }
        if sign < 0 && n % 2 == 0 { return nil }
        guard let num = numerator.exactRoot(UInt(n)), let den = denominator.exactRoot(UInt(n)) else { return nil }
        return Rational(big: BigRational(numerator: num, denominator: den))
    }
}

// MARK: - Comparison

extension Rational: Comparable, Hashable {
    public static func == (a: Rational, b: Rational) -> Bool {
        switch (a.storage, b.storage) {
        case let (.small(an, ad), .small(bn, bd)): return an == bn && ad == bd
        default: return a.big.equals(b.big)
        }
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        if case let .small(an, ad) = a.storage, case let .small(bn, bd) = b.storage {
            let (x, o1) = an.multipliedReportingOverflow(by: bd)
            let (y, o2) = bn.multipliedReportingOverflow(by: ad)
            if !o1 && !o2 { return x < y }
        }
        return a.big.compare(b.big) < 0
    }

    public func hash(into h: inout Hasher) {
        switch storage {
        case let .small(n, d): h.combine(n); h.combine(d)
        case let .big(b): h.combine(b.numerator.decimalString); h.combine(b.denominator.decimalString)
        }
    }
}

// MARK: - Text

extension Rational: CustomStringConvertible {
    /// The reduced fraction: `"7/2"`, `"-7"`.
    public var description: String {
        switch storage {
        case let .small(n, 1): return String(n)
        case let .small(n, d): return "\(n)/\(d)"
        case let .big(b):
            let d = b.denominator
            return d.compare(BigInteger(1)) == 0 ? b.numerator.decimalString
                : "\(b.numerator.decimalString)/\(d.decimalString)"
        }
    }

    /// Parses a number literal as typed (`3`, `2.5`, `.5`, `1e-3`, `1.`) exactly.
    /// Returns nil for text that is not such a literal or whose size exceeds `maxDigits`.
    public init?(literal text: String, maxDigits: Int = 100_000) {
        var mantissa = "", fractionDigits = 0, exponentText = ""
        var seenDot = false, inExponent = false
        for ch in text {
            if inExponent {
                guard ch.isASCII, ch.isNumber || ((ch == "-" || ch == "+") && exponentText.isEmpty) else { return nil }
                exponentText.append(ch)
            } else if ch == "." {
                guard !seenDot else { return nil }
                seenDot = true
            } else if ch == "e" || ch == "E" {
                inExponent = true
            } else if ch.isASCII, ch.isNumber {
                mantissa.append(ch)
                if seenDot { fractionDigits += 1 }
            } else {
                return nil
            }
        }
        guard !mantissa.isEmpty, mantissa.count <= maxDigits else { return nil }
        var exponent = 0
        if inExponent {
            let digits = exponentText.drop { $0 == "+" || $0 == "-" }
            guard !digits.isEmpty, digits.count <= 9, let e = Int(digits) else { return nil }
            exponent = exponentText.hasPrefix("-") ? -e : e
        }
        let scale = exponent - fractionDigits
        guard abs(scale) + mantissa.count <= maxDigits else { return nil }
        // Short literals (most numbers in programs and files) need no big integers.
        if mantissa.count <= 18, abs(scale) <= 18, let m = Int64(mantissa) {
            var power: Int64 = 1
            for _ in 0..<abs(scale) { power *= 10 }
            if scale < 0 { self.init(m, power); return }
            let (n, overflow) = m.multipliedReportingOverflow(by: power)
            if !overflow { self.init(n, 1); return }
        }
        guard let m = BigInteger(decimal: mantissa) else { return nil }
        let p = BigInteger.power(10, UInt(abs(scale)))
        let big = scale >= 0 ? BigRational(numerator: m.multiplying(p), denominator: BigInteger(1))
                             : BigRational(numerator: m, denominator: p)
        self.init(big: big)
    }
}
