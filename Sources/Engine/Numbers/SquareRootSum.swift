// A sound test that a real is exactly 0, for values built from rationals with + − × ÷, integer
// powers and square roots of rationals: used, like ExponentialPolynomial, only where refinement
// cannot decide a sign at the precision cap.
//
// Such a value is Σ cᵢ·√mᵢ with rational cᵢ and distinct classes mᵢ (SquareRootForm): products
// are multiplied out (√a·√b = √(ab), reduced again), a divisor must be a single c·√m (then
// x/(c·√m) = x·√m/(c·m)), and the square root of a value is taken only when that value is
// rational. The value is 0 when every coefficient is 0 — exact algebra, so a claim of 0 never
// rests on approximation; linear independence only makes the test complete within its class.
// Anything else (a square root of an irrational, as in √(5 + 2√6) − √2 − √3, which is 0;
// exp, log, sin, pi, abs of an irrational; a divisor with two classes) gives up.

enum SquareRootSum {
    /// Classes in any one value.
    static let maximumClasses = 256
    /// Term multiplications over the whole test.
    static let maximumWork = 1_000_000
    /// Terms in a sum node that is walked.
    static let maximumSumTerms = 4096
    /// |k| of an integer power that is multiplied out.
    static let maximumPower = 64
    /// Deeper graphs are not walked (the walk recurses).
    static let maximumDepth = 500

    /// True only when `node` is proved exactly 0; remembers the proof on the node for its exact form.
    static func provesZero(_ node: RealNode) -> Bool {
        if node.isProvedZero { return true }
        guard node.depth <= maximumDepth else { return false }
        var builder = SquareRootSumBuilder()
        guard let value = builder.value(node), value.isZero else { return false }
        node.isProvedZero = true
        return true
    }
}

/// Σ coefficient·√(class representative), by class index (class 0 is never special: the
/// rationals are the class of 1, wherever it was first met).
struct SquareRootCombination {
    var coefficients: [Int: Rational] = [:]

    var isZero: Bool { coefficients.isEmpty }

    mutating func add(_ c: Rational, inClass i: Int) {
        guard !c.isZero else { return }
        let sum = (coefficients[i] ?? .zero) + c
        coefficients[i] = sum.isZero ? nil : sum
    }
}

private struct SquareRootSumBuilder {
    private var classes = SquareRootClasses()
    private var memo: [ObjectIdentifier: SquareRootCombination] = [:]
    private var work = 0

    mutating func value(_ n: RealNode) -> SquareRootCombination? {
        if let v = memo[ObjectIdentifier(n)] { return v }
        guard !Interrupt.isRequested, let v = compute(n) else { return nil }
        memo[ObjectIdentifier(n)] = v
        return v
    }

    /// c·√r as a combination, r a positive rational.
    private mutating func squareRoot(of r: Rational, times c: Rational) -> SquareRootCombination? {
        let (i, factor) = classes.place(ReducedRadicand(r))
        guard classes.representatives.count <= SquareRootSum.maximumClasses else { return nil }
        var v = SquareRootCombination()
        v.add(c * factor, inClass: i)
        return v
    }

    private mutating func rational(_ q: Rational) -> SquareRootCombination? { squareRoot(of: .one, times: q) }

    /// The rational value of a combination with no square root in it.
    private func rationalValue(_ v: SquareRootCombination) -> Rational? {
        guard let (i, c) = v.coefficients.first else { return .zero }
        guard v.coefficients.count == 1, classes.representatives[i].isOne else { return nil }
        return c
    }

    private mutating func compute(_ n: RealNode) -> SquareRootCombination? {
        switch n.operation {
        case let .constant(q): return rational(q)
        case let .sum(terms):
            guard terms.count <= SquareRootSum.maximumSumTerms else { return nil }
            var total = SquareRootCombination()
            for t in terms {
                guard let v = value(t.node) else { return nil }
                for (i, c) in v.coefficients { total.add(t.coefficient * c, inClass: i) }
            }
            return total
        case let .scaled(x, k):
            guard let v = value(x) else { return nil }
            return scaled(v, by: k)
        case let .product(a, b):
            guard let x = value(a), let y = value(b) else { return nil }
            return product(x, y)
        case let .quotient(a, b):
            guard let x = value(a), let y = value(b), let r = reciprocal(y) else { return nil }
            return product(x, r)
        case let .power(x, e):
            guard let base = value(x) else { return nil }
            if let k = e.intValue, k.magnitude <= SquareRootSum.maximumPower { return power(base, k) }
            // b^(k/2) = b^((k−1)/2)·√b for a rational b > 0 and an odd k.
            guard case let .small(k, 2) = e.storage, k.magnitude <= Int64(SquareRootSum.maximumPower),
                  let b = rationalValue(base), b.sign > 0 else { return nil }
            return squareRoot(of: b, times: b.raised(to: Int((k - 1) / 2)))
        case let .function(.sqrt, x):
            guard let v = value(x), let r = rationalValue(v) else { return nil }
            if r.isZero { return SquareRootCombination() }
            guard r.sign > 0 else { return nil }
            return squareRoot(of: r, times: .one)
        case let .magnitude(x):
            guard let v = value(x), let r = rationalValue(v) else { return nil }
            return rational(r.magnitude)
        case .function, .pi:
            return nil
        }
    }

    private func scaled(_ v: SquareRootCombination, by k: Rational) -> SquareRootCombination {
        var out = SquareRootCombination()
        for (i, c) in v.coefficients { out.add(k * c, inClass: i) }
        return out
    }

    /// (Σ aᵢ√mᵢ)(Σ bⱼ√nⱼ) = Σ aᵢbⱼ√(mᵢnⱼ).
    private mutating func product(_ x: SquareRootCombination, _ y: SquareRootCombination) -> SquareRootCombination? {
        work += x.coefficients.count * y.coefficients.count
        guard work <= SquareRootSum.maximumWork else { return nil }
        var out = SquareRootCombination()
        for (i, a) in x.coefficients {
            if Interrupt.isRequested { return nil }
            for (j, b) in y.coefficients {
                let m = classes.representatives[i], n = classes.representatives[j]
                guard let part = squareRoot(of: m * n, times: a * b) else { return nil }
                for (k, c) in part.coefficients { out.add(c, inClass: k) }
            }
        }
        return out
    }

    /// 1/(c·√m) = √m/(c·m); nil for 0 or for more than one class (that would need conjugates).
    private mutating func reciprocal(_ v: SquareRootCombination) -> SquareRootCombination? {
        guard v.coefficients.count == 1, let (i, c) = v.coefficients.first else { return nil }
        let m = classes.representatives[i]
        var out = SquareRootCombination()
        out.add((c * m).reciprocal, inClass: i)
        return out
    }

    private mutating func power(_ base: SquareRootCombination, _ k: Int) -> SquareRootCombination? {
        guard let b = k < 0 ? reciprocal(base) : base else { return nil }
        guard var result = rational(.one) else { return nil }
        for _ in 0..<k.magnitude {
            guard let r = product(result, b) else { return nil }
            result = r
        }
        return result
    }
}
