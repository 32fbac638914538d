// A sound test that a real is exactly 0, used only where refinement cannot decide its sign at
// the precision cap (Scalar.sign, DecimalFormat.certified).
//
// A value built from rationals with + − × ÷, integer powers and exp, tanh, sigmoid of rationals
// is a rational function of the single number t = e^(1/D), D the lcm of the exponents'
// denominators: exp(q) = t^(qD), tanh(q) = (t^(2qD) − 1)/(t^(2qD) + 1), sigmoid(q) = 1/(1 + t^(−qD)).
// t is transcendental (Lindemann–Weierstrass: e^a is transcendental for algebraic a ≠ 0), so no
// nonzero polynomial with rational coefficients vanishes at t. The value is therefore 0 exactly
// when the numerator of that rational function is the zero polynomial, which exact sparse
// arithmetic on Laurent polynomials decides. Every divisor is checked to be a nonzero
// polynomial, so its value is nonzero too and the algebra is valid. Anything else in the graph
// (log, sqrt of a non-square, sin, cos, pi, abs, exp of an irrational) or more work than the
// bounds below gives up: the caller then reports what it reports today.

enum ExponentialPolynomial {
    /// Terms in any one polynomial.
    static let maximumTerms = 20_000
    /// Coefficient multiplications over the whole test.
    static let maximumWork = 20_000_000
    /// |exponent| of t in any term, and the lcm D. Polynomials are sparse, so a high degree
    /// costs nothing (scores of two-decimal inputs give D = 2·10^8); the bound keeps Int exact.
    static let maximumDegree = 1 << 50
    /// Deeper graphs are not walked (the walk recurses).
    static let maximumDepth = 500

    /// True only when `node` is proved exactly 0; remembers the proof on the node for its exact form.
    static func provesZero(_ node: RealNode) -> Bool {
        if node.isProvedZero { return true }
        guard node.depth <= maximumDepth else { return false }
        var exponents = ExponentCollector()
        guard exponents.visit(node), let d = exponents.lcm else { return false }
        var builder = FunctionBuilder(denominatorLCM: d)
        guard let f = builder.function(node), f.numerator.isZero else { return false }
        node.isProvedZero = true
        return true
    }
}

/// A Laurent polynomial Σ cₖ·tᵏ with rational coefficients (no zero ones).
struct LaurentPolynomial: Equatable {
    private(set) var terms: [Int: Rational] = [:]

    static let one = LaurentPolynomial(constant: .one)

    init() {}
    init(constant c: Rational) { if !c.isZero { terms[0] = c } }
    init(monomial c: Rational, degree k: Int) { if !c.isZero { terms[k] = c } }

    var isZero: Bool { terms.isEmpty }
    var isMonomial: Bool { terms.count == 1 }

    static func == (a: LaurentPolynomial, b: LaurentPolynomial) -> Bool {
        a.terms.count == b.terms.count && a.terms.allSatisfy { b.terms[$0.key] == $0.value }
    }

    mutating func add(_ c: Rational, degree k: Int) {
        guard !c.isZero else { return }
        let sum = (terms[k] ?? .zero) + c
        terms[k] = sum.isZero ? nil : sum
    }
}

/// Numerator / Π factorᵢ^mᵢ: the factors are distinct nonzero polynomials normalised to lowest
/// degree 0 and lowest coefficient 1, so equal denominators are recognised and shared.
struct RationalFunction {
    var numerator: LaurentPolynomial
    var factors: [(polynomial: LaurentPolynomial, multiplicity: Int)] = []
}

/// Walks the graph once, checking every node is supported and collecting the lcm D of the
/// denominators of exp's (and tanh's, sigmoid's) rational arguments.
private struct ExponentCollector {
    private(set) var lcm: Int? = 1
    private var seen: Set<ObjectIdentifier> = []

    mutating func visit(_ n: RealNode) -> Bool {
        guard seen.insert(ObjectIdentifier(n)).inserted else { return true }
        switch n.operation {
        case .constant: return true
        case .pi, .magnitude: return false
        case let .sum(terms):
            guard terms.count <= ExponentialPolynomial.maximumTerms else { return false }
            for t in terms where !visit(t.node) { return false }
            return true
        case let .product(a, b), let .quotient(a, b): return visit(a) && visit(b)
        case let .scaled(x, _): return visit(x)
        case let .power(x, e): return e.isInteger && e.intValue != nil && visit(x)
        case let .function(f, x):
            switch f {
            case .exp, .tanh, .sigmoid:
                guard let q = exactRational(x) else { return false }
                include(f == .tanh ? q + q : q)
                return lcm != nil
            case .sqrt: return exactRational(x).flatMap { $0.exactRoot(2) } != nil
            case .log, .sin, .cos: return false
            }
        }
    }

    private mutating func include(_ q: Rational) {
        guard let current = lcm, case let .small(_, d) = q.storage else { lcm = nil; return }
        let g = Int(Rational.gcd(UInt64(current), UInt64(d)))
        let (l, overflow) = current.multipliedReportingOverflow(by: Int(d) / g)
        lcm = overflow || l > ExponentialPolynomial.maximumDegree ? nil : l
    }
}

/// The exact value of a real node that only combines rationals (an exp argument kept as a graph).
private func exactRational(_ n: RealNode) -> Rational? {
    guard n.depth <= 64 else { return nil }
    switch n.operation {
    case let .constant(q): return q
    case let .sum(terms):
        guard terms.count <= 1000 else { return nil }
        var total = Rational.zero
        for t in terms {
            guard let v = exactRational(t.node) else { return nil }
            total = total + t.coefficient * v
        }
        return total
    case let .product(a, b): return exactRational(a).flatMap { x in exactRational(b).map { x * $0 } }
    case let .scaled(x, c): return exactRational(x).map { c * $0 }
    case let .quotient(a, b):
        guard let x = exactRational(a), let y = exactRational(b), !y.isZero else { return nil }
        return x / y
    case let .function(.sqrt, x): return exactRational(x)?.exactRoot(2)
    default: return nil
    }
}

/// Turns a supported graph into a rational function of t, sharing work between shared nodes.
private struct FunctionBuilder {
    let denominatorLCM: Int
    private var memo: [ObjectIdentifier: RationalFunction] = [:]
    private var work = 0

    init(denominatorLCM: Int) { self.denominatorLCM = denominatorLCM }

    mutating func function(_ n: RealNode) -> RationalFunction? {
        if let f = memo[ObjectIdentifier(n)] { return f }
        guard !Interrupt.isRequested, let f = compute(n) else { return nil }
        memo[ObjectIdentifier(n)] = f
        return f
    }

    private mutating func compute(_ n: RealNode) -> RationalFunction? {
        switch n.operation {
        case let .constant(q): return RationalFunction(numerator: LaurentPolynomial(constant: q))
        case let .sum(terms):
            var total = RationalFunction(numerator: LaurentPolynomial())
            for t in terms {
                guard let f = function(t.node), let sum = add(total, scale(f, by: t.coefficient)) else { return nil }
                total = sum
            }
            return total
        case let .product(a, b):
            guard let x = function(a), let y = function(b) else { return nil }
            return multiply(x, y)
        case let .scaled(x, c): return function(x).map { scale($0, by: c) }
        case let .quotient(a, b):
            guard let x = function(a), let y = function(b), let r = reciprocal(y) else { return nil }
            return multiply(x, r)
        case let .power(x, e):
            guard let k = e.intValue, k.magnitude <= 10_000, let base = function(x) else { return nil }
            guard let b = k < 0 ? reciprocal(base) : base else { return nil }
            var result = RationalFunction(numerator: .one)
            for _ in 0..<k.magnitude { guard let r = multiply(result, b) else { return nil }; result = r }
            return result
        case let .function(f, x):
            guard let q = exactRational(x) else { return nil }
            switch f {
            case .exp: return degree(of: q).map { RationalFunction(numerator: LaurentPolynomial(monomial: .one, degree: $0)) }
            case .sigmoid:
                // 1 / (1 + t^(−qD))
                guard let k = degree(of: -q) else { return nil }
                var p = LaurentPolynomial.one
                p.add(.one, degree: k)
                return reciprocal(RationalFunction(numerator: p))
            case .tanh:
                // (t^(2qD) − 1) / (t^(2qD) + 1)
                guard let k = degree(of: q + q) else { return nil }
                var above = LaurentPolynomial(monomial: .one, degree: k), below = above
                above.add(-.one, degree: 0)
                below.add(.one, degree: 0)
                guard let r = reciprocal(RationalFunction(numerator: below)) else { return nil }
                return multiply(RationalFunction(numerator: above), r)
            case .sqrt: return q.exactRoot(2).map { RationalFunction(numerator: LaurentPolynomial(constant: $0)) }
            case .log, .sin, .cos: return nil
            }
        case .pi, .magnitude: return nil
        }
    }

    /// qD as an integer exponent of t, within the degree bound.
    private func degree(of q: Rational) -> Int? {
        guard let k = (q * Rational(denominatorLCM)).intValue, k.magnitude <= ExponentialPolynomial.maximumDegree else { return nil }
        return k
    }

    // MARK: Polynomial arithmetic within the bounds

    private mutating func product(_ a: LaurentPolynomial, _ b: LaurentPolynomial) -> LaurentPolynomial? {
        work += a.terms.count * b.terms.count
        guard work <= ExponentialPolynomial.maximumWork else { return nil }
        var p = LaurentPolynomial()
        for (i, x) in a.terms {
            if Interrupt.isRequested { return nil }
            for (j, y) in b.terms {
                let (k, overflow) = i.addingReportingOverflow(j)
                guard !overflow, k.magnitude <= ExponentialPolynomial.maximumDegree else { return nil }
                p.add(x * y, degree: k)
            }
        }
        return p.terms.count <= ExponentialPolynomial.maximumTerms ? p : nil
    }

    private func sum(_ a: LaurentPolynomial, _ b: LaurentPolynomial) -> LaurentPolynomial? {
        var p = a
        for (k, c) in b.terms { p.add(c, degree: k) }
        return p.terms.count <= ExponentialPolynomial.maximumTerms ? p : nil
    }

    private func scale(_ f: RationalFunction, by c: Rational) -> RationalFunction {
        if c.isOne { return f }
        var g = f
        var p = LaurentPolynomial()
        for (k, x) in f.numerator.terms { p.add(c * x, degree: k) }
        g.numerator = p
        return g
    }

    /// Π over `factors` of factor^multiplicity, times `p`.
    private mutating func times(_ p: LaurentPolynomial, _ factors: [(polynomial: LaurentPolynomial, multiplicity: Int)]) -> LaurentPolynomial? {
        var result = p
        for (factor, m) in factors {
            for _ in 0..<m { guard let r = product(result, factor) else { return nil }; result = r }
        }
        return result
    }

    /// a + b over the lcm of their denominators (shared factors are not multiplied twice).
    private mutating func add(_ a: RationalFunction, _ b: RationalFunction) -> RationalFunction? {
        if a.numerator.isZero { return b }
        if b.numerator.isZero { return a }
        var common = a.factors
        var missingFromA: [(polynomial: LaurentPolynomial, multiplicity: Int)] = []
        var missingFromB: [(polynomial: LaurentPolynomial, multiplicity: Int)] = []
        var usedB = Array(repeating: false, count: b.factors.count)
        for (i, (p, m)) in a.factors.enumerated() {
            if let j = b.factors.indices.first(where: { !usedB[$0] && b.factors[$0].polynomial == p }) {
                usedB[j] = true
                let n = b.factors[j].multiplicity
                if n > m { missingFromA.append((p, n - m)); common[i].multiplicity = n }
                if m > n { missingFromB.append((p, m - n)) }
            } else {
                missingFromB.append((p, m))
            }
        }
        for (j, f) in b.factors.enumerated() where !usedB[j] {
            missingFromA.append(f)
            common.append(f)
        }
        guard let x = times(a.numerator, missingFromA), let y = times(b.numerator, missingFromB),
              let s = sum(x, y) else { return nil }
        return RationalFunction(numerator: s, factors: s.isZero ? [] : common)
    }

    private mutating func multiply(_ a: RationalFunction, _ b: RationalFunction) -> RationalFunction? {
        guard let p = product(a.numerator, b.numerator) else { return nil }
        if p.isZero { return RationalFunction(numerator: p) }
        var factors = a.factors
        for f in b.factors {
            if let i = factors.firstIndex(where: { $0.polynomial == f.polynomial }) {
                factors[i].multiplicity += f.multiplicity
            } else {
                factors.append(f)
            }
        }
        return RationalFunction(numerator: p, factors: factors)
    }

    /// 1/f; nil when f's numerator is the zero polynomial (f is exactly 0: no valid quotient).
    private mutating func reciprocal(_ f: RationalFunction) -> RationalFunction? {
        guard let (lowest, coefficient) = f.numerator.terms.min(by: { $0.key < $1.key }) else { return nil }
        // numerator = c·t^lowest·factor with factor normalised (lowest degree 0, lowest coefficient 1).
        var normalised = LaurentPolynomial()
        for (k, x) in f.numerator.terms { normalised.add(x / coefficient, degree: k - lowest) }
        let monomial = LaurentPolynomial(monomial: coefficient.reciprocal, degree: -lowest)
        guard let top = times(monomial, f.factors) else { return nil }
        let factors = normalised.isMonomial ? [] : [(polynomial: normalised, multiplicity: 1)]
        return RationalFunction(numerator: top, factors: factors)
    }
}
