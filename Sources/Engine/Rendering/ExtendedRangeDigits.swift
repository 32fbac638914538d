// Values past MPFR's exponent range, when they are exp(x)·y with y within it: exp(10^19) is
// 3.2456…e+4342944819032518276 though MPFR's floats end near 10^±1.39e18, and the second weight
// of softmax([10^19, 1]) is exp(1 − 10^19)/(exp(1 − 10^19) + 1). The decimal exponent and
// significand come from L = (x + ln|y|)/ln 10: 10^(L − ⌊L⌋) has the digits, ⌊L⌋ is the exponent.

extension RealNode {
    /// (x, y) with this value = exp(x)·y, when an exponential is a factor of its product or
    /// quotient structure (the first one found).
    var exponentialFactor: (exponent: Scalar, rest: Scalar)? {
        switch operation {
        case let .function(.exp, x):
            return (Scalar.real(x).unwrappedConstant, .one)
        case let .product(a, b):
            if let (x, r) = a.exponentialFactor { return (x, r * .real(b)) }
            if let (x, r) = b.exponentialFactor { return (x, .real(a) * r) }
        case let .quotient(a, b):
            // Built as nodes: y's sign is decided by its enclosure, not on construction.
            if let (x, r) = a.exponentialFactor { return (x, .real(RealNode(.quotient(r.node, b)))) }
            if let (x, r) = b.exponentialFactor { return (-x, .real(RealNode(.quotient(a, r.node)))) }
        case let .scaled(inner, c):
            if let (x, r) = inner.exponentialFactor { return (x, Scalar.scale(r, by: c)) }
        default:
            break
        }
        return nil
    }
}

extension Scalar {
    /// An enclosure at `bits` bits; nil while undecided.
    func interval(precision bits: Int) -> Interval? {
        switch self {
        case let .rational(q): return .exact(q, precision: bits)
        case let .real(n): return n.interval(precision: bits)
        }
    }
}

enum ExtendedRangeDigits {
    /// `digits` proved digits of a node that is exp(x)·y, refined up to the precision cap; nil
    /// when it has no such form, y's sign stays unknown, or ⌊L⌋ does not fit in an Int.
    static func string(_ node: RealNode, digits: Int) throws -> String? {
        guard let (x, y) = node.exponentialFactor else { return nil }
        let cap = Precision.maximumBits(forDigits: digits)
        for bits in Precision.ladder(from: Precision.bits(forDigits: digits), cap: cap) {
            try Interrupt.check()
            // L is near 2^62 at most where this applies: 128 more bits keep its fraction exact enough.
            let w = bits + 128
            guard let yi = y.interval(precision: w), yi.isFinite, let s = yi.sign, s != 0,
                  let xi = x.interval(precision: w), xi.isFinite,
                  let logY = yi.magnitude().log(), let ln10 = Interval.exact(Rational(10), precision: w).log(),
                  let l = (xi + logY) / ln10,
                  let e = l.lo.floor, l.hi.floor == e else { continue }
            let significand = ((l - .exact(Rational(e), precision: w)) * ln10).exp()
            guard let lo = significand.lo.decimalDigits(digits), let hi = significand.hi.decimalDigits(digits),
                  lo.digits == hi.digits, lo.exponent == hi.exponent else { continue }
            let (exponent, overflow) = e.addingReportingOverflow(lo.exponent - 1)
            guard !overflow else { return nil }
            return DecimalFormat.compose(negative: s < 0, digits: lo.digits, exponent: exponent, precision: digits)
        }
        return nil
    }

    /// The sign of exp(x)·y: y's, when its enclosure decides it.
    static func sign(_ node: RealNode) -> Int? {
        guard let (_, y) = node.exponentialFactor else { return nil }
        for bits in Precision.ladder(from: 64, cap: Precision.maximumSignBits) {
            if let iv = y.interval(precision: bits), iv.isFinite, let s = iv.sign { return s }
        }
        return nil
    }
}
