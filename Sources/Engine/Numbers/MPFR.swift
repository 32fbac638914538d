// The only Swift file that calls MPFR: correctly rounded binary floats and the interval
// arithmetic built on them (every operation rounds its lower end down and its upper end up,
// so the true value always lies inside).
import CMPFR

/// An MPFR float whose struct and digits live in one Swift object (MPFR's custom interface):
/// one allocation instead of three; attention makes tens of thousands of these.
final class BigFloat: ManagedBuffer<__mpfr_struct, mp_limb_t> {
    /// A float of `precision` bits, set to +0.
    static func make(precision p: Int) -> BigFloat {
        let limbs = (mpfr_custom_get_size(mpfr_prec_t(p)) + MemoryLayout<mp_limb_t>.size - 1) / MemoryLayout<mp_limb_t>.size
        let buffer = unsafeDowncast(create(minimumCapacity: limbs) { _ in __mpfr_struct() }, to: BigFloat.self)
        buffer.withUnsafeMutablePointers { header, digits in
            mpfr_custom_init(digits, mpfr_prec_t(p))
            mpfr_custom_init_set(header, Int32(MPFR_ZERO_KIND.rawValue), 0, mpfr_prec_t(p), digits)
        }
        return buffer
    }

    /// The float, for MPFR calls: stable for the object's lifetime. Never passed to mpfr_clear
    /// or mpfr_set_prec (the digits are not MPFR's to free or resize). Swift may end an
    /// object's lifetime right after its last use, which can be this getter, before the C
    /// call runs: use `x` only on a float something else keeps alive across the call (a
    /// parameter, a stored property, a local used again afterwards), and `withPointer`, or
    /// `defer { withExtendedLifetime(f) {} }` for a local, everywhere else.
    var x: UnsafeMutablePointer<__mpfr_struct> { withUnsafeMutablePointerToHeader { $0 } }

    /// The float for an MPFR call, with this object kept alive until `body` returns: for
    /// a float that is a temporary of the calling expression.
    func withPointer<R>(_ body: (UnsafeMutablePointer<__mpfr_struct>) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try withUnsafeMutablePointerToHeader { try body($0) } }
    }

    var precision: Int { Int(mpfr_get_prec(x)) }
    var sign: Int { Int(attn_mpfr_sgn(x)) }
    var isNaN: Bool { mpfr_nan_p(x) != 0 }
    var isInfinite: Bool { mpfr_inf_p(x) != 0 }
    var isZero: Bool { mpfr_zero_p(x) != 0 }
    var doubleValue: Double { mpfr_get_d(x, MPFR_RNDN) }

    /// The decimal `mantissa`·10^`exponent` (mantissa a string of digits) rounded down or up to
    /// `precision` bits: exact bounds of a decimal of any exponent, however far from zero.
    static func decimal(_ mantissa: String, exponent: Int, precision p: Int, roundingUp: Bool) -> BigFloat {
        let r = make(precision: p)
        _ = mpfr_set_str(r.x, "\(mantissa)e\(exponent)", 10, roundingUp ? MPFR_RNDU : MPFR_RNDD)
        return r
    }

    /// ⌊x⌋ when it fits in an Int.
    var floor: Int? {
        guard !isNaN, !isInfinite, mpfr_fits_slong_p(x, MPFR_RNDD) != 0 else { return nil }
        return mpfr_get_si(x, MPFR_RNDD)
    }

    /// log2 of the magnitude, rounded down (MPFR's exponent minus one); nil for 0, inf and NaN.
    var binaryExponent: Int? { isZero || isNaN || isInfinite ? nil : Int(mpfr_get_exp(x)) - 1 }

    static func < (a: BigFloat, b: BigFloat) -> Bool { mpfr_less_p(a.x, b.x) != 0 }
    static func <= (a: BigFloat, b: BigFloat) -> Bool { mpfr_lessequal_p(a.x, b.x) != 0 }

    enum Rounding { case nearest, down, up }

    /// `digits` significant decimal digits rounded to nearest (or down or up): the digit
    /// string (no sign) and the exponent `e` such that the value is 0.DIGITS × 10^e.
    func decimalDigits(_ digits: Int, rounding: Rounding = .nearest) -> (negative: Bool, digits: String, exponent: Int)? {
        guard !isNaN, !isInfinite else { return nil }
        var e: mpfr_exp_t = 0
        let mode = rounding == .nearest ? MPFR_RNDN : (rounding == .down ? MPFR_RNDD : MPFR_RNDU)
        guard let p = mpfr_get_str(nil, &e, 10, digits, x, mode) else { return nil }
        defer { mpfr_free_str(p) }
        var s = String(cString: p)
        let negative = s.hasPrefix("-")
        if negative { s.removeFirst() }
        return (negative, s, Int(e))
    }
}

/// A closed interval [lo, hi] of MPFR floats known to contain a real number.
struct Interval: @unchecked Sendable {
    let lo: BigFloat
    let hi: BigFloat

    var precision: Int { lo.precision }

    /// True when the interval contains zero (the sign is not yet known).
    var containsZero: Bool { lo.sign <= 0 && hi.sign >= 0 }
    var sign: Int? {
        if lo.sign > 0 { return 1 }
        if hi.sign < 0 { return -1 }
        if lo.isZero && hi.isZero { return 0 }
        return nil
    }
    var isFinite: Bool { !lo.isNaN && !hi.isNaN && !lo.isInfinite && !hi.isInfinite }

    typealias Unary = (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32

    private static func both(_ p: Int, _ lo: (UnsafeMutablePointer<__mpfr_struct>) -> Void,
                             _ hi: (UnsafeMutablePointer<__mpfr_struct>) -> Void) -> Interval {
        let l = BigFloat.make(precision: p), h = BigFloat.make(precision: p)
        lo(l.x)
        hi(h.x)
        return Interval(lo: l, hi: h)
    }

    static func exact(_ q: Rational, precision p: Int) -> Interval {
        // A machine-sized n/d: set n and divide by d, each rounded outward (no GMP rational made).
        if case let .small(n, d) = q.storage {
            return both(p, { r in
                mpfr_set_si(r, Int(n), MPFR_RNDD)
                if d != 1 { mpfr_div_ui(r, r, UInt(d), MPFR_RNDD) }
            }, { r in
                mpfr_set_si(r, Int(n), MPFR_RNDU)
                if d != 1 { mpfr_div_ui(r, r, UInt(d), MPFR_RNDU) }
            })
        }
        let big = q.big
        return big.withPointer { q in both(p, { attn_mpfr_set_q($0, q, MPFR_RNDD) }, { attn_mpfr_set_q($0, q, MPFR_RNDU) }) }
    }

    static func pi(precision p: Int) -> Interval {
        both(p, { mpfr_const_pi($0, MPFR_RNDD) }, { mpfr_const_pi($0, MPFR_RNDU) })
    }

    /// Applies an increasing function to both ends.
    func increasing(_ f: Unary) -> Interval {
        Interval.both(precision, { _ = f($0, lo.x, MPFR_RNDD) }, { _ = f($0, hi.x, MPFR_RNDU) })
    }

    static func + (a: Interval, b: Interval) -> Interval {
        both(a.precision, { mpfr_add($0, a.lo.x, b.lo.x, MPFR_RNDD) }, { mpfr_add($0, a.hi.x, b.hi.x, MPFR_RNDU) })
    }

    static func - (a: Interval, b: Interval) -> Interval {
        both(a.precision, { mpfr_sub($0, a.lo.x, b.hi.x, MPFR_RNDD) }, { mpfr_sub($0, a.hi.x, b.lo.x, MPFR_RNDU) })
    }

    static prefix func - (a: Interval) -> Interval {
        both(a.precision, { mpfr_neg($0, a.hi.x, MPFR_RNDD) }, { mpfr_neg($0, a.lo.x, MPFR_RNDU) })
    }

    /// lo·lo′ rounded down and hi·hi′ rounded up, for the ends the sign cases pick.
    private static func product(_ p: Int, _ l1: BigFloat, _ l2: BigFloat, _ h1: BigFloat, _ h2: BigFloat) -> Interval {
        both(p, { mpfr_mul($0, l1.x, l2.x, MPFR_RNDD) }, { mpfr_mul($0, h1.x, h2.x, MPFR_RNDU) })
    }

    private static func quotient(_ p: Int, _ l1: BigFloat, _ l2: BigFloat, _ h1: BigFloat, _ h2: BigFloat) -> Interval {
        both(p, { mpfr_div($0, l1.x, l2.x, MPFR_RNDD) }, { mpfr_div($0, h1.x, h2.x, MPFR_RNDU) })
    }

    static func * (a: Interval, b: Interval) -> Interval { a.times(b, precision: a.precision) }

    /// self · b with the ends rounded outward to `p` bits, whatever the factors' precisions
    /// (a table kept at extra precision yields results at the precision asked for).
    func times(_ b: Interval, precision p: Int) -> Interval {
        let a = self
        // When each factor has one sign, two end products are the extremes.
        let aUp = a.lo.sign >= 0, aDown = a.hi.sign <= 0, bUp = b.lo.sign >= 0, bDown = b.hi.sign <= 0
        if aUp && bUp { return Interval.product(p, a.lo, b.lo, a.hi, b.hi) }
        if aUp && bDown { return Interval.product(p, a.hi, b.lo, a.lo, b.hi) }
        if aDown && bUp { return Interval.product(p, a.lo, b.hi, a.hi, b.lo) }
        if aDown && bDown { return Interval.product(p, a.hi, b.hi, a.lo, b.lo) }
        // General case: the extremes are among the four end products.
        let ends = [(a.lo, b.lo), (a.lo, b.hi), (a.hi, b.lo), (a.hi, b.hi)]
        let lows = ends.map { e -> BigFloat in let r = BigFloat.make(precision: p); mpfr_mul(r.x, e.0.x, e.1.x, MPFR_RNDD); return r }
        let highs = ends.map { e -> BigFloat in let r = BigFloat.make(precision: p); mpfr_mul(r.x, e.0.x, e.1.x, MPFR_RNDU); return r }
        return Interval(lo: lows.min(by: <)!, hi: highs.max(by: <)!)
    }

    /// nil when `b` may be zero (more precision, or a real division by zero).
    static func / (a: Interval, b: Interval) -> Interval? {
        guard !b.containsZero else { return nil }
        let p = a.precision
        // b has one sign; the extremes are two end quotients, chosen by the sign of a.
        if b.lo.sign > 0 {
            if a.lo.sign >= 0 { return quotient(p, a.lo, b.hi, a.hi, b.lo) }
            if a.hi.sign <= 0 { return quotient(p, a.lo, b.lo, a.hi, b.hi) }
            return quotient(p, a.lo, b.lo, a.hi, b.lo)
        }
        if b.hi.sign < 0 {
            if a.lo.sign >= 0 { return quotient(p, a.hi, b.hi, a.lo, b.lo) }
            if a.hi.sign <= 0 { return quotient(p, a.hi, b.lo, a.lo, b.hi) }
            return quotient(p, a.hi, b.hi, a.lo, b.hi)
        }
        let ends = [(a.lo, b.lo), (a.lo, b.hi), (a.hi, b.lo), (a.hi, b.hi)]
        let lows = ends.map { e -> BigFloat in let r = BigFloat.make(precision: p); mpfr_div(r.x, e.0.x, e.1.x, MPFR_RNDD); return r }
        let highs = ends.map { e -> BigFloat in let r = BigFloat.make(precision: p); mpfr_div(r.x, e.0.x, e.1.x, MPFR_RNDU); return r }
        return Interval(lo: lows.min(by: <)!, hi: highs.max(by: <)!)
    }

    /// c · self for c = n/d with d > 0: a multiplication and a division by machine integers, each
    /// rounded outward, in place of an interval for c and its end products.
    func scaled(numerator n: Int, denominator d: UInt) -> Interval {
        let (first, last) = n >= 0 ? (lo, hi) : (hi, lo)
        return Interval.both(precision, { r in
            mpfr_mul_si(r, first.x, n, MPFR_RNDD)
            if d != 1 { mpfr_div_ui(r, r, d, MPFR_RNDD) }
        }, { r in
            mpfr_mul_si(r, last.x, n, MPFR_RNDU)
            if d != 1 { mpfr_div_ui(r, r, d, MPFR_RNDU) }
        })
    }


    /// One MPFR exponential instead of two: exp(lo) to nearest brackets exp(lo) within an ulp
    /// (the ternary value says on which side), and exp(hi) = exp(lo)·e^δ ≤ exp(lo)·(1 + 2δ)
    /// for δ = hi − lo ≤ 1. Wide or non-finite intervals take both ends the plain way.
    func exp() -> Interval {
        let p = precision
        guard isFinite else { return increasing(mpfr_exp) }
        let delta = BigFloat.make(precision: p)
        defer { withExtendedLifetime(delta) {} }     // its last use is a C call
        mpfr_sub(delta.x, hi.x, lo.x, MPFR_RNDU)
        guard mpfr_cmp_ui(delta.x, 1) <= 0 else { return increasing(mpfr_exp) }
        let down = BigFloat.make(precision: p), up = BigFloat.make(precision: p)
        let side = mpfr_exp(down.x, lo.x, MPFR_RNDN)
        guard !down.isInfinite, !down.isZero else { return increasing(mpfr_exp) }
        mpfr_set(up.x, down.x, MPFR_RNDN)
        if side > 0 { mpfr_nextbelow(down.x) } else if side < 0 { mpfr_nextabove(up.x) }
        if !delta.isZero {
            mpfr_mul_2ui(delta.x, delta.x, 1, MPFR_RNDU)
            mpfr_add_ui(delta.x, delta.x, 1, MPFR_RNDU)
            mpfr_mul(up.x, up.x, delta.x, MPFR_RNDU)
        }
        return Interval(lo: down, hi: up)
    }
    func tanh() -> Interval { increasing(mpfr_tanh) }

    /// nil unless the interval is known to be positive.
    func log() -> Interval? { lo.sign > 0 ? increasing(mpfr_log) : nil }

    /// nil when the interval may be negative beyond zero.
    func sqrt() -> Interval? {
        if lo.sign >= 0 { return increasing(mpfr_sqrt) }
        guard hi.sign >= 0 else { return nil }
        // Straddles zero: the value is ≥ 0 by construction (a square root's argument), so clamp.
        return Interval.both(precision, { mpfr_set_zero($0, 1) }, { mpfr_sqrt($0, hi.x, MPFR_RNDU) })
    }

    /// σ(x) = 1 / (1 + e^(−x)), increasing.
    func sigmoid() -> Interval {
        func end(_ x: BigFloat, _ outer: mpfr_rnd_t, _ inner: mpfr_rnd_t) -> (UnsafeMutablePointer<__mpfr_struct>) -> Void {
            { r in
                mpfr_neg(r, x.x, MPFR_RNDN)      // exact
                mpfr_exp(r, r, inner)
                mpfr_add_ui(r, r, 1, inner)
                mpfr_ui_div(r, 1, r, outer)
            }
        }
        return Interval.both(precision, end(lo, MPFR_RNDD, MPFR_RNDU), end(hi, MPFR_RNDU, MPFR_RNDD))
    }

    /// sin and cos have slope at most 1: f(mid) widened by the half-width, clamped to [−1, 1].
    func sin() -> Interval { lipschitz(mpfr_sin) }
    func cos() -> Interval { lipschitz(mpfr_cos) }

    private func lipschitz(_ f: Unary) -> Interval {
        let p = precision
        let mid = BigFloat.make(precision: p), radius = BigFloat.make(precision: p), t = BigFloat.make(precision: p)
        defer { withExtendedLifetime(t) {} }         // its last use is a C call
        mpfr_add(mid.x, lo.x, hi.x, MPFR_RNDN)
        mpfr_div_2ui(mid.x, mid.x, 1, MPFR_RNDN)
        mpfr_sub(radius.x, hi.x, mid.x, MPFR_RNDU)
        mpfr_sub(t.x, mid.x, lo.x, MPFR_RNDU)
        mpfr_max(radius.x, radius.x, t.x, MPFR_RNDU)
        return Interval.both(p, { r in
            _ = f(r, mid.x, MPFR_RNDD)
            mpfr_sub(r, r, radius.x, MPFR_RNDD)
            if mpfr_cmp_si(r, -1) < 0 { mpfr_set_si(r, -1, MPFR_RNDN) }
        }, { r in
            _ = f(r, mid.x, MPFR_RNDU)
            mpfr_add(r, r, radius.x, MPFR_RNDU)
            if mpfr_cmp_si(r, 1) > 0 { mpfr_set_si(r, 1, MPFR_RNDN) }
        })
    }

    /// x^n for a positive interval and n ≥ 0.
    func power(_ n: UInt) -> Interval {
        Interval.both(precision, { mpfr_pow_ui($0, lo.x, n, MPFR_RNDD) }, { mpfr_pow_ui($0, hi.x, n, MPFR_RNDU) })
    }

    /// The positive n-th root of a positive interval.
    func root(_ n: UInt) -> Interval {
        Interval.both(precision, { mpfr_rootn_ui($0, lo.x, n, MPFR_RNDD) }, { mpfr_rootn_ui($0, hi.x, n, MPFR_RNDU) })
    }

    func magnitude() -> Interval {
        if lo.sign >= 0 { return self }
        if hi.sign <= 0 { return -self }
        return Interval.both(precision, { mpfr_set_zero($0, 1) }, { r in
            mpfr_neg(r, lo.x, MPFR_RNDU)
            mpfr_max(r, r, hi.x, MPFR_RNDU)
        })
    }
}

/// A running sum of intervals kept in a few floats, every lower end rounded down and every
/// upper end up (a long sum would otherwise allocate a pair of floats per term): the fallback
/// of a sum whose coefficients do not fit the fixed-point sum. Multiples (n/d)·t are summed per
/// denominator d as n·t and divided by d once at the end.
final class IntervalSum {
    private let precision: Int
    private let scratch: BigFloat
    /// Partial sums by denominator; d = 1 holds the plain terms.
    private var groups: [(d: UInt, lo: BigFloat, hi: BigFloat)] = []

    init(precision p: Int) {
        precision = p
        scratch = BigFloat.make(precision: p)
    }

    private func group(_ d: UInt) -> (lo: BigFloat, hi: BigFloat) {
        if let g = groups.first(where: { $0.d == d }) { return (g.lo, g.hi) }
        let l = BigFloat.make(precision: precision), h = BigFloat.make(precision: precision)
        mpfr_set_zero(l.x, 1)
        mpfr_set_zero(h.x, 1)
        groups.append((d, l, h))
        return (l, h)
    }

    func add(_ t: Interval) {
        let (l, h) = group(1)
        mpfr_add(l.x, l.x, t.lo.x, MPFR_RNDD)
        mpfr_add(h.x, h.x, t.hi.x, MPFR_RNDU)
    }

    /// Adds (n/d)·t, d > 0. Dividing the partial sum by d later keeps the bounds: division by a
    /// positive number is increasing, and each step rounds outward.
    func add(_ t: Interval, times n: Int, over d: UInt) {
        let (first, last) = n >= 0 ? (t.lo, t.hi) : (t.hi, t.lo)
        let (l, h) = group(d)
        mpfr_mul_si(scratch.x, first.x, n, MPFR_RNDD)
        mpfr_add(l.x, l.x, scratch.x, MPFR_RNDD)
        mpfr_mul_si(scratch.x, last.x, n, MPFR_RNDU)
        mpfr_add(h.x, h.x, scratch.x, MPFR_RNDU)
    }

    /// The total; the sum must not be added to afterwards.
    var interval: Interval {
        let (l, h) = group(1)
        for g in groups where g.d != 1 {
            mpfr_div_ui(scratch.x, g.lo.x, g.d, MPFR_RNDD)
            mpfr_add(l.x, l.x, scratch.x, MPFR_RNDD)
            mpfr_div_ui(scratch.x, g.hi.x, g.d, MPFR_RNDU)
            mpfr_add(h.x, h.x, scratch.x, MPFR_RNDU)
        }
        return Interval(lo: l, hi: h)
    }
}

extension Interval {
    /// Divides both ends by d > 0 in place, rounding outward: only for an interval just made
    /// and not yet shared (the fixed-point sums' totals).
    func divideInPlace(by d: UInt) {
        mpfr_div_ui(lo.x, lo.x, d, MPFR_RNDD)
        mpfr_div_ui(hi.x, hi.x, d, MPFR_RNDU)
    }
}

/// MPFR's exponent range, as MPFRSetup widens it.
enum MPFRRange {
    /// The largest binary exponent: magnitudes lie between 2^−e and 2^e.
    static var maximumExponent: Int {
        _ = MPFRSetup.done
        return Int(mpfr_get_emax())
    }
}

/// MPFR set-up: the widest exponent range, so exp(1e6) or exp(-5000) never overflow. MPFR keeps
/// the range per thread: worker threads prepare their own.
enum MPFRSetup {
    static let done: Bool = {
        attn_widen_exponent_range()
        return true
    }()

    static func prepareThisThread() { attn_widen_exponent_range() }
}
