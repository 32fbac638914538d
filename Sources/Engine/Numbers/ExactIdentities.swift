// Identities that are exact and cheap, applied as values are built (SPEC §4): they keep results
// exact and keep evaluation away from values MPFR cannot hold (log(exp(10^30)) is 10^30, not
// the logarithm of a number past the exponent range).

extension Scalar {
    /// f(x) when an identity gives it exactly: log(exp(x)) = x, exp(log(x)) = x, and sin, cos
    /// of rational multiples of π whose value is rational (0, ±1/2, ±1).
    static func identity(_ f: RealFunction, of x: Scalar) -> Scalar? {
        guard case let .real(n) = x else { return nil }
        switch (f, n.operation) {
        case let (.log, .function(.exp, inner)), let (.exp, .function(.log, inner)):
            return Scalar.real(inner).unwrappedConstant
        case (.sin, _), (.cos, _):
            guard let k = n.multipleOfPi else { return nil }
            return sineOfMultipleOfPi(k, shiftedByQuarterTurn: f == .cos)
        default:
            return nil
        }
    }

    /// sin(kπ), or cos(kπ) = sin(kπ + π/2), when it is rational: 6k an integer t with t mod 12
    /// in {0, 1, 3, 5, 6, 7, 9, 11}.
    private static func sineOfMultipleOfPi(_ k: Rational, shiftedByQuarterTurn: Bool) -> Scalar? {
        let sixths = k * Rational(6)
        guard sixths.isInteger, let t6 = sixths.numerator.smallValue else { return nil }
        let t = ((t6 % 12) + 12 + (shiftedByQuarterTurn ? 3 : 0)) % 12
        let table: [Int: Rational] = [0: .zero, 1: Rational(1, 2), 3: .one, 5: Rational(1, 2),
                                      6: .zero, 7: Rational(-1, 2), 9: Rational(-1), 11: Rational(-1, 2)]
        return table[t].map(Scalar.rational)
    }

    /// exp(a)·exp(b) = exp(a + b) and exp(a)/exp(b) = exp(a − b) when that exponent is rational:
    /// exp(-10^500)·exp(10^500) is exactly 1, and neither factor is ever evaluated.
    static func combinedExponentials(_ x: RealNode, _ y: RealNode, dividing: Bool) -> Scalar? {
        guard case let .function(.exp, a) = x.operation, case let .function(.exp, b) = y.operation else { return nil }
        let (p, q) = (Scalar.real(a).unwrappedConstant, Scalar.real(b).unwrappedConstant)
        guard let exponent = (dividing ? p - q : p + q).rational else { return nil }
        return exponential(exponent)
    }

    /// exp(q) for a rational q: 1 for 0, else the node.
    static func exponential(_ q: Rational) -> Scalar {
        q.isZero ? .one : .real(RealNode(.function(.exp, RealNode(.constant(q)))))
    }
}

extension RealNode {
    /// k when this node is k·π for a rational k.
    var multipleOfPi: Rational? {
        switch operation {
        case .pi: return .one
        case let .scaled(x, k): return x.kind == .pi ? k : nil
        default: return nil
        }
    }
}
