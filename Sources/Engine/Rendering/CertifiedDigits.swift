// Digits or an error (SPEC §4): a real is refined, up to the precision cap, until every digit it
// prints is proved. What cannot be proved — a cancellation past the cap, a value outside MPFR's
// exponent range, an argument too large to reduce — is refused with the reason, never printed.

/// Why a real's digits could not be proved, with what was known at the cap.
struct CertificationFailure: Error {
    enum Reason {
        /// Some step left MPFR's exponent range (too large, or too small to tell from 0).
        case overflow, underflow
        /// The enclosure still holds 0: the sign is unknown.
        case straddlesZero
        /// The sign is known but the enclosure is too wide for the digits asked.
        case tooWide
        /// A divisor or a logarithm's argument could not be told from 0 at any precision.
        case undecidable
    }

    let reason: Reason
    let node: RealNode
    let digits: Int
    let bits: Int
    /// The enclosure at the cap, if one was computed.
    let interval: Interval?
}

extension DecimalFormat {
    /// `digits` significant digits of a real, each one proved, or why they cannot be.
    ///
    /// Both ends of the enclosure rounding to the same digits proves correct rounding. At the
    /// cap, ends that round apart (a value on or within 2^−cap of a decimal tie) are accepted
    /// when the whole enclosure is less than one unit of the last digit from the rounding of its
    /// end nearer zero: every printed digit is then still right in the sense of SPEC §2.1.
    /// Throws only when interrupted.
    static func certified(_ node: RealNode, digits: Int) throws -> Result<String, CertificationFailure> {
        let cap = Precision.maximumBits(forDigits: digits)
        var last: Interval? = nil
        for bits in Precision.ladder(from: Precision.bits(forDigits: digits), cap: cap) {
            try Interrupt.check()
            guard let iv = node.interval(precision: bits) else { continue }
            last = iv
            guard iv.isFinite else { continue }
            if let decided = string(iv, digits: digits) { return .success(decided) }
            if bits == cap, iv.sign != nil, iv.sign != 0, let within = withinOneUnit(iv, digits: digits) {
                return .success(within)
            }
        }
        // Past the exponent range (an end infinite or at the range's edge, or 0 and a neighbour
        // of the smallest float): exp(x)·y may still be written out (ExtendedRangeDigits).
        let reason = last.map(failureReason) ?? .undecidable
        if reason == .straddlesZero, SquareRootSum.provesZero(node) || ExponentialPolynomial.provesZero(node) { return .success("0") }
        if reason != .straddlesZero, reason != .tooWide, let text = try ExtendedRangeDigits.string(node, digits: digits) {
            return .success(text)
        }
        return .failure(CertificationFailure(reason: reason, node: node, digits: digits, bits: cap, interval: last))
    }

    /// What an enclosure that decided nothing at the cap says: MPFR clamps results past its range
    /// to ±inf or its largest float (overflow) and to 0 or its smallest float (underflow).
    private static func failureReason(_ iv: Interval) -> CertificationFailure.Reason {
        let edge = MPFRRange.maximumExponent / 2
        let ends = [iv.lo, iv.hi]
        if !iv.isFinite || ends.contains(where: { ($0.binaryExponent ?? 0) > edge }) { return .overflow }
        guard iv.containsZero else { return .tooWide }
        return ends.allSatisfy({ ($0.binaryExponent ?? -edge - 1) < -edge }) ? .underflow : .straddlesZero
    }

    /// The rounding D of the end nearer zero when every point of `iv` (one sign) is within one unit of D's
    /// last digit: lo > D − u and hi < D + u on magnitudes, with D ± u bounded outward in binary.
    private static func withinOneUnit(_ iv: Interval, digits: Int) -> String? {
        let negative = iv.hi.sign < 0
        let (near, far) = negative ? (iv.hi, iv.lo) : (iv.lo, iv.hi)    // smaller and larger magnitude
        guard let d = near.decimalDigits(digits), let significand = BigInteger(decimal: d.digits) else { return nil }
        let unitExponent = d.exponent - digits
        let above = BigFloat.decimal(significand.adding(BigInteger(1)).decimalString, exponent: unitExponent,
                                     precision: iv.precision, roundingUp: false)
        let below = BigFloat.decimal(significand.adding(BigInteger(-1)).decimalString, exponent: unitExponent,
                                     precision: iv.precision, roundingUp: true)
        let farMagnitude = negative ? (-Interval(lo: far, hi: far)).lo : far
        let nearMagnitude = negative ? (-Interval(lo: near, hi: near)).hi : near
        guard farMagnitude < above, below < nearMagnitude else { return nil }
        return compose(negative: negative, digits: d.digits, exponent: d.exponent - 1, precision: digits)
    }
}

/// The messages for values whose digits or sign cannot be proved (SPEC §4: name the value and
/// the limit, and suggest a way out).
public enum Certification {
    /// How an error names a value: its exact form, cut short after 60 characters (nil: too
    /// long to write, and the error says "the value").
    static func form(_ node: RealNode) -> String? {
        if let form = ExactForm.string(.real(node), limit: 60) { return form }
        if let long = ExactForm.string(.real(node), limit: 4000) { return String(long.prefix(50)) + "…" }
        return nil
    }

    static func name(_ node: RealNode) -> Message {
        form(node).map { "\($0)" } ?? "the value"
    }

    /// `[lo, hi]` rounded outward to 3 digits.
    static func bounds(_ iv: Interval) -> String {
        func end(_ f: BigFloat, _ rounding: BigFloat.Rounding) -> String {
            guard let d = f.decimalDigits(3, rounding: rounding) else { return f.sign < 0 ? "-inf" : "inf" }
            return DecimalFormat.compose(negative: d.negative, digits: d.digits, exponent: d.exponent - 1, precision: 3)
        }
        return "[\(end(iv.lo, .down)), \(end(iv.hi, .up))]"
    }

    /// MPFR's exponent range in words: `2^±4611686018427387903 (about 10^±1.39e+18)`.
    static func range(sign: String = "±") -> Message {
        let e = MPFRRange.maximumExponent
        let decimal = Double(e) * 0.30102999566398120
        return "2^\(sign)\(e) (about 10^\(sign)\(DecimalFormat.string(decimal, digits: 3)))"
    }

    static func diagnostic(_ f: CertificationFailure, element: Message? = nil) -> Diagnostic {
        var what = name(f.node)
        if let element { what = form(f.node).map { "\(element) (\($0))" } ?? element }
        let known: Message = f.interval.map { " it is only known to lie in \(bounds($0))" } ?? ""
        switch f.reason {
        case .overflow:
            return Diagnostic("\(what) is too large for MPFR's exponent range, magnitudes up to \(range(sign: "")): its digits cannot be computed exactly; rescale the inputs, or use \(setting: .float) for an approximation")
        case .underflow:
            return Diagnostic("\(what) cannot be told from 0: a step fell below MPFR's exponent range, magnitudes down to \(range(sign: "-")); rescale the inputs, or use \(setting: .float) for an approximation")
        case .straddlesZero:
            let tiny = f.interval.map { mayBeZero($0, bits: f.bits) } ?? false
            let why: Message = tiny ? " (it may be exactly 0)" : periodicHint(f.node)
            return Diagnostic("cannot prove any digit of \(what): at the precision cap of \(f.bits) bits (for \(f.digits) digits)\(known), so even its sign is unknown\(why); use \(setting: .float) for an approximation")
        case .tooWide:
            return Diagnostic("cannot prove \(f.digits) digits of \(what): at the precision cap of \(f.bits) bits\(known)\(periodicHint(f.node)); ask for fewer digits (\(setting: .digits)), or use \(setting: .float) for an approximation")
        case .undecidable:
            return Diagnostic("cannot prove any digit of \(what): a divisor, or the argument of log, sqrt or a power, cannot be told from 0 at the precision cap of \(f.bits) bits; use \(setting: .float) for an approximation")
        }
    }

    /// For sin or cos of a huge argument: why the cap is not enough.
    static func periodicHint(_ node: RealNode) -> Message {
        guard case let .function(f, x) = node.operation, f == .sin || f == .cos,
              let magnitude = x.interval(precision: 64)?.hi.binaryExponent, magnitude > 1000 else { return "" }
        return " (its argument, about 2^\(magnitude), needs that many bits of pi and more to be reduced modulo 2pi)"
    }

    /// Ends within 2^(−bits/2) of 0: a cancellation, or a value that is exactly 0 by an identity
    /// the Engine does not know. A wider enclosure (cos(10^20000)) is an argument too large to reduce.
    static func mayBeZero(_ iv: Interval, bits: Int) -> Bool {
        [iv.lo, iv.hi].allSatisfy { ($0.binaryExponent ?? Int.min) < -bits / 2 }
    }

    /// The error for a real whose sign stays unknown at `Precision.maximumSignBits`.
    static func undecidedSign(of node: RealNode) -> Diagnostic {
        let bits = Precision.maximumSignBits
        if let iv = node.interval(precision: bits), iv.isFinite {
            return Diagnostic("cannot decide the sign of \(name(node)): at the precision cap of \(bits) bits it is only known to lie in \(bounds(iv))\(mayBeZero(iv, bits: bits) ? " (it may be exactly 0)" : "" as Message); use \(setting: .float) for an approximation")
        }
        return Diagnostic("cannot decide the sign of \(name(node)) within \(bits) bits (a step leaves MPFR's exponent range, \(range()), or divides by a number that cannot be told from 0); use \(setting: .float) for an approximation")
    }
}
