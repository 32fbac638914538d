// Identities that are exact and cheap, applied as values are built (SPEC §4): they keep results
// exact and keep evaluation away from values MPFR cannot hold (log(exp(10^30)) is 10^30, not
// the logarithm of a number past the exponent range), and make √2·√2 the rational 2.

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

    /// √a·√b = √(ab) and √a/√b = √(a/b) for rational multiples of square roots of positive
    /// rationals (SquareRootForm), square factors moved out: √2·√2 is 2, √2·√6 is 2·√3, and
    /// √u·√u is u for any u (a sqrt node's argument is never negative).
    static func combinedSquareRoots(_ x: RealNode, _ y: RealNode, dividing: Bool) -> Scalar? {
        if !dividing, x.kind == .function, y.kind == .function,
           case let .function(.sqrt, u) = x.operation, case let .function(.sqrt, v) = y.operation,
           u.isStructurallyEqual(to: v) {
            return Scalar.real(u).unwrappedConstant
        }
        guard let f = x.squareRootForm, let g = y.squareRootForm else { return nil }
        let radicand = dividing ? f.radicand / g.radicand : f.radicand * g.radicand
        guard radicand.bitSize <= SquareRootLimits.maximumRadicandBits else { return nil }
        return squareRoot(of: radicand, times: dividing ? f.coefficient / g.coefficient : f.coefficient * g.coefficient)
    }

    /// c·√r for rationals c and r > 0, as c·s·√m with r = s²·m reduced (ReducedRadicand):
    /// rational when r is a square.
    static func squareRoot(of r: Rational, times c: Rational) -> Scalar {
        let reduced = ReducedRadicand(r)
        let k = c * reduced.outside
        if reduced.radicand.isOne { return .rational(k) }
        return scale(.real(RealNode(.function(.sqrt, RealNode(.constant(reduced.radicand))))), by: k)
    }

    /// The terms of a sum with multiples of square roots of one class merged: √12 + √3 is 3·√3,
    /// √8 − 2·√2 is nothing. A class with one term keeps that term's form. Short sums only
    /// (see likeTermSearchLimit); the merged term stands where its class first appeared.
    static func combinedSquareRootTerms(_ terms: [SumTerm], constant: inout Rational) -> [SumTerm] {
        guard terms.count > 1, terms.count <= likeTermSearchLimit else { return terms }
        var forms: [(position: Int, coefficient: Rational, radicand: Rational)] = []
        for (i, t) in terms.enumerated() {
            if let f = t.node.squareRootForm { forms.append((i, t.coefficient * f.coefficient, f.radicand)) }
        }
        guard forms.count > 1 else { return terms }
        var classes = SquareRootClasses()
        var totals: [Rational] = [], members: [Int] = [], firstPosition: [Int] = []
        var classAt: [Int: Int] = [:]
        for f in forms {
            let (c, factor) = classes.place(ReducedRadicand(f.radicand))
            let amount = f.coefficient * factor
            if c == totals.count {
                totals.append(amount); members.append(1); firstPosition.append(f.position)
            } else {
                totals[c] = totals[c] + amount; members[c] += 1
            }
            classAt[f.position] = c
        }
        guard members.contains(where: { $0 > 1 }) else { return terms }
        var result: [SumTerm] = []
        for (i, t) in terms.enumerated() {
            guard let c = classAt[i], members[c] > 1 else { result.append(t); continue }
            guard firstPosition[c] == i, !totals[c].isZero else { continue }
            let m = classes.representatives[c]
            if m.isOne {
                constant = constant + totals[c]
            } else {
                result.append(SumTerm(totals[c], RealNode(.function(.sqrt, RealNode(.constant(m))))))
            }
        }
        return result
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
