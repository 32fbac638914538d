// Numbers as decimal text with a given number of significant digits, every digit correct.

public enum DecimalFormat {
    /// `value` rounded to `digits` significant digits, written like C's `%g`
    /// (`0.333333`, `0.0900306`, `-1.5e-07`, `19901.6`), trailing zeros dropped.
    public static func string(_ value: Scalar, digits: Int) -> String {
        switch value {
        case let .rational(q): return string(q, digits: digits)
        case let .real(n): return string(n, digits: digits)
        }
    }

    /// Exact rounding of a rational (half to even), with GMP integers.
    public static func string(_ q: Rational, digits: Int) -> String {
        if q.isZero { return "0" }
        let n = q.numerator.magnitude(), d = q.denominator
        // Find E with 10^E ≤ n/d < 10^(E+1).
        var e = n.approximateDecimalDigits - d.approximateDecimalDigits
        func atLeastPowerOfTen(_ k: Int) -> Bool {
            k >= 0 ? n.compare(d.multiplying(BigInteger.power(10, UInt(k)))) >= 0
                   : n.multiplying(BigInteger.power(10, UInt(-k))).compare(d) >= 0
        }
        while atLeastPowerOfTen(e + 1) { e += 1 }
        while !atLeastPowerOfTen(e) { e -= 1 }
        let shift = digits - 1 - e
        let scaledNumerator = shift >= 0 ? n.multiplying(BigInteger.power(10, UInt(shift))) : n
        let scaledDenominator = shift >= 0 ? d : d.multiplying(BigInteger.power(10, UInt(-shift)))
        var (s, r) = scaledNumerator.quotientAndRemainder(dividingBy: scaledDenominator)
        let twice = r.multiplying(2).compare(scaledDenominator)
        if twice > 0 || (twice == 0 && !s.isEven) { s = s.adding(BigInteger(1)) }
        var text = s.decimalString
        if text.count > digits { text.removeLast(); e += 1 }   // rounded up to 10^digits
        return compose(negative: q.sign < 0, digits: text, exponent: e, precision: digits)
    }

    /// A real's proved digits (see `certified`). Where no error can be raised — a value shown
    /// again at more digits than its statement was certified for — digits that cannot be proved
    /// show as `unproved`; statements are certified before they print (Tensor.certifyDigits),
    /// so eval and the line REPL report an error instead.
    static func string(_ node: RealNode, digits: Int) -> String {
        if let text = node.provedDecimal(digits: digits) { return text }
        do {
            if case let .success(text) = try certified(node, digits: digits) { return text }
        } catch {
            // Ctrl-C or the memory budget: keep the stop, and its reason, for the caller's next check.
            Interrupt.request(because: (error as? Diagnostic) ?? .interrupted)
        }
        return unproved
    }

    /// Shown in place of digits that could not be proved: never a digit.
    public static let unproved = "?"

    /// The digits both ends of an interval round to, or nil when they differ (more precision needed).
    static func string(_ iv: Interval, digits: Int) -> String? {
        guard let lo = iv.lo.decimalDigits(digits), let hi = iv.hi.decimalDigits(digits), lo == hi else { return nil }
        return compose(negative: lo.negative, digits: lo.digits, exponent: lo.exponent - 1, precision: digits)
    }

    /// `digits` is the significand's digits (d₁d₂…), `exponent` the power of ten of d₁.
    static func compose(negative: Bool, digits: String, exponent e: Int, precision: Int) -> String {
        var ds = Substring(digits)
        while ds.count > 1 && ds.last == "0" { ds = ds.dropLast() }
        if ds == "0" { return "0" }
        let sign = negative ? "-" : ""
        if e < -4 || e >= precision {
            let rest = ds.dropFirst()
            let mantissa = rest.isEmpty ? String(ds.prefix(1)) : "\(ds.prefix(1)).\(rest)"
            let exponentDigits = String(abs(e))
            let padded = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
            return "\(sign)\(mantissa)e\(e < 0 ? "-" : "+")\(padded)"
        }
        if e < 0 {
            return sign + "0." + String(repeating: "0", count: -e - 1) + ds
        }
        let integerCount = e + 1
        if ds.count <= integerCount {
            return sign + ds + String(repeating: "0", count: integerCount - ds.count)
        }
        return sign + ds.prefix(integerCount) + "." + ds.dropFirst(integerCount)
    }

    /// A double (float mode), to at most 17 significant digits.
    public static func string(_ x: Double, digits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        guard let q = Rational(exactly: x) else { return "nan" }
        return string(q, digits: min(digits, 17))
    }
}
