// One exact number: a rational, or a real kept as its expression over exact inputs.
// The builders here simplify as they go, so results that are rational stay rational
// (exp(0) = 1, sqrt(9/4) = 3/2, sqrt(2)^2 = 2, a softmax row of equal scores is exactly 1/n).

public enum Scalar: Sendable {
    case rational(Rational)
    case real(RealNode)

    public static let zero = Scalar.rational(.zero)
    public static let one = Scalar.rational(.one)

    public init(_ q: Rational) { self = .rational(q) }
    public init(_ n: Int) { self = .rational(Rational(n)) }

    public var rational: Rational? {
        if case let .rational(q) = self { return q }
        return nil
    }

    var node: RealNode {
        switch self {
        case let .rational(q): return RealNode(.constant(q))
        case let .real(n): return n
        }
    }

    /// Known to be exactly zero.
    public var isZero: Bool { rational?.isZero ?? false }
}

// MARK: - Arithmetic

extension Scalar {
    public static func + (a: Scalar, b: Scalar) -> Scalar { sum([a, b]) }
    public static func - (a: Scalar, b: Scalar) -> Scalar {
        // x − x is exactly 0 (as x / x is 1): otherwise a real that is 0 must be refined to
        // thousands of bits before it prints as 0 (`attention(Q, K, V) - Z` in a lesson).
        if case let .real(x) = a, case let .real(y) = b, x.isStructurallyEqual(to: y) { return .zero }
        return sum([a, -b])
    }

    /// The sum of many terms as one node: rational parts added exactly, fractions over the
    /// same denominator combined (so a softmax row adds up to exactly 1).
    public static func sum(_ terms: [Scalar]) -> Scalar {
        var constant = Rational.zero
        var reals: [SumTerm] = []
        reals.reserveCapacity(terms.count)
        for t in terms {
            switch t {
            case let .rational(q): constant = constant + q
            case let .real(n): reals.append(SumTerm(.one, n))
            }
        }
        return combination(constant: constant, reals)
    }

    /// constant + Σ cᵢ·xᵢ as one node (what `sum` and the exact matrix product build). Nested
    /// plain sums are flattened, c·x is kept as a term with coefficient c, constants (also
    /// those inside nested sums) join the exact part.
    static func combination(constant: Rational, _ terms: [SumTerm]) -> Scalar {
        var constant = constant
        var reals: [SumTerm]
        if terms.allSatisfy({ $0.node.isPlainTerm }) {
            reals = terms      // a matrix product's entry: nothing to unwrap
        } else {
            reals = []
            reals.reserveCapacity(terms.count)
            func take(_ c: Rational, _ n: RealNode) {
                switch n.operation {
                case let .constant(q): constant = constant + c * q
                case let .scaled(x, k): reals.append(SumTerm(c * k, x))
                default: reals.append(SumTerm(c, n))
                }
            }
            for t in terms {
                if t.coefficient.isOne, case let .sum(inner) = t.node.operation {
                    for u in inner { take(u.coefficient, u.node) }
                } else {
                    take(t.coefficient, t.node)
                }
            }
        }
        reals = combineLikeTerms(combineCommonDenominators(reals, constant: &constant))
        reals = combinedSquareRootTerms(reals, constant: &constant)
        if reals.isEmpty { return .rational(constant) }
        if !constant.isZero { reals.append(SumTerm(.one, RealNode(.constant(constant)))) }
        if reals.count == 1 { return scale(.real(reals[0].node), by: reals[0].coefficient) }
        return .real(RealNode(.sum(SumTerms(reals))))
    }

    /// Sums longer than this are not searched for like terms: they come from matrix products,
    /// whose terms are distinct, and hashing every term cost the exact attention path 20%.
    static let likeTermSearchLimit = 16

    /// 2·x - x → x and x - x → nothing, keeping the order in which terms first appeared.
    private static func combineLikeTerms(_ terms: [SumTerm]) -> [SumTerm] {
        guard terms.count > 1, terms.count <= likeTermSearchLimit else { return terms }
        var order: [StructuralKey] = []
        var coefficients: [StructuralKey: Rational] = [:]
        for t in terms {
            let key = StructuralKey(node: t.node)
            if let old = coefficients[key] { coefficients[key] = old + t.coefficient } else { order.append(key); coefficients[key] = t.coefficient }
        }
        if order.count == terms.count { return terms }
        return order.compactMap { key in
            let c = coefficients[key]!
            return c.isZero ? nil : SumTerm(c, key.node)
        }
    }

    /// a/S + b/S → (a + b)/S, and exactly k when a + b is k·S term by term.
    private static func combineCommonDenominators(_ terms: [SumTerm], constant: inout Rational) -> [SumTerm] {
        // Most sums (a matrix product's entries) hold at most one fraction: nothing to combine.
        func fraction(_ t: SumTerm) -> (RealNode, RealNode)? {
            guard t.coefficient.isOne, case let .quotient(num, den) = t.node.operation else { return nil }
            return (num, den)
        }
        var fractions = 0
        for i in terms.indices where terms[i].coefficient.isOne && terms[i].node.kind == .quotient {
            fractions += 1
            if fractions > 1 { break }
        }
        if fractions < 2 { return terms }
        var groups: [StructuralKey: (denominator: RealNode, numerators: [Scalar], first: Int)] = [:]
        var others: [(Int, SumTerm)] = []
        for (i, t) in terms.enumerated() {
            if let (num, den) = fraction(t) {
                let key = StructuralKey(node: den)
                groups[key, default: (den, [], i)].numerators.append(Scalar.real(num).unwrappedConstant)
            } else {
                others.append((i, t))
            }
        }
        if groups.values.allSatisfy({ $0.numerators.count == 1 }) { return terms }
        var combined: [(Int, SumTerm)] = []
        for g in groups.values {
            let numerator = sum(g.numerators)
            let form = LinearForm(numerator)
            // a/S − a/S, or (x₁ − μ)/S + … + (xₙ − μ)/S with μ the mean: nothing is left.
            if form.isZero { continue }
            if !g.denominator.hasMoreDistinctTerms(than: form.terms.count),
               let ratio = form.ratio(to: LinearForm(.real(g.denominator))) {
                constant = constant + ratio
            } else {
                combined.append((g.first, SumTerm(.one, RealNode(.quotient(numerator.node, g.denominator)))))
            }
        }
        // Each combined fraction where its first term stood; `others` is already in order (a
        // merge, not a sort of the 1,024 terms of an attention output's entry).
        combined.sort { $0.0 < $1.0 }
        var result: [SumTerm] = []
        result.reserveCapacity(others.count + combined.count)
        var next = 0
        for (i, t) in others {
            while next < combined.count, combined[next].0 < i { result.append(combined[next].1); next += 1 }
            result.append(t)
        }
        result.append(contentsOf: combined[next...].map(\.1))
        return result
    }

    /// A constant node seen as the rational it holds.
    var unwrappedConstant: Scalar {
        if case let .real(n) = self, case let .constant(q) = n.operation { return .rational(q) }
        return self
    }

    public static prefix func - (a: Scalar) -> Scalar { scale(a, by: Rational(-1)) }

    public static func scale(_ a: Scalar, by c: Rational) -> Scalar {
        switch a {
        case let .rational(q): return .rational(q * c)
        case let .real(n):
            if c.isZero { return .zero }
            if c == .one { return a }
            if case let .scaled(inner, c2) = n.operation {
                let k = c * c2
                return k == .one ? .real(inner) : .real(RealNode(.scaled(inner, k)))
            }
            return .real(RealNode(.scaled(n, c)))
        }
    }

    public static func * (a: Scalar, b: Scalar) -> Scalar {
        switch (a, b) {
        case let (.rational(x), .rational(y)): return .rational(x * y)
        case let (.rational(x), .real): return scale(b, by: x)
        case let (.real, .rational(y)): return scale(a, by: y)
        case let (.real(x), .real(y)):
            return combinedExponentials(x, y, dividing: false) ?? combinedSquareRoots(x, y, dividing: false)
                ?? .real(RealNode(.product(x, y)))
        }
    }

    /// Throws for a divisor that is exactly zero, or indistinguishable from zero.
    public static func divide(_ a: Scalar, _ b: Scalar) throws -> Scalar {
        switch (a, b) {
        case let (_, .rational(y)):
            guard !y.isZero else { throw Diagnostic("division by zero") }
            return scale(a, by: y.reciprocal)
        case let (.rational(x), .real(y)):
            if x.isZero { return .zero }
            try requireNonzero(y)
            return .real(RealNode(.quotient(RealNode(.constant(x)), y)))
        case let (.real(x), .real(y)):
            if x.isStructurallyEqual(to: y) { return .one }
            if let e = combinedExponentials(x, y, dividing: true) ?? combinedSquareRoots(x, y, dividing: true) { return e }
            try requireNonzero(y)
            return .real(RealNode(.quotient(x, y)))
        }
    }

    /// a / b for a b known to be positive by construction (a softmax denominator), without
    /// refining b to check it is not zero.
    static func divide(_ a: Scalar, byPositive b: Scalar) -> Scalar {
        switch (a, b) {
        case let (_, .rational(y)): return scale(a, by: y.reciprocal)
        case let (.rational(x), .real(y)):
            return x.isZero ? .zero : .real(RealNode(.quotient(RealNode(.constant(x)), y)))
        case let (.real(x), .real(y)):
            if x.isStructurallyEqual(to: y) { return .one }
            return combinedExponentials(x, y, dividing: true) ?? .real(RealNode(.quotient(x, y)))
        }
    }

    private static func requireNonzero(_ n: RealNode) throws {
        let s: Int
        do { s = try Scalar.real(n).sign } catch let d as Diagnostic {
            throw Diagnostic("division by a number that cannot be told from 0: \(d.text)")
        }
        if s == 0 { throw Diagnostic("division by zero") }
    }
}

// MARK: - Functions

extension Scalar {
    public func apply(_ f: RealFunction) throws -> Scalar {
        if let q = rational, let exact = try Scalar.exactValue(f, q) { return exact }
        if let exact = Scalar.identity(f, of: self) { return exact }
        switch f {
        case .log:
            guard try sign > 0 else { throw Diagnostic("log of a number that is not positive") }
        case .sqrt:
            let s = try sign
            if s < 0 { throw Diagnostic("sqrt of a negative number") }
            if s == 0 { return .zero }
        default: break
        }
        return .real(RealNode(.function(f, node)))
    }

    /// The exact result where the function of a rational is rational.
    private static func exactValue(_ f: RealFunction, _ q: Rational) throws -> Scalar? {
        switch f {
        case .exp: return q.isZero ? .one : nil
        case .log:
            guard q.sign > 0 else { throw Diagnostic("log of \(q), which is not positive") }
            return q == .one ? .zero : nil
        case .sqrt:
            guard q.sign >= 0 else { throw Diagnostic("sqrt of \(q), which is negative") }
            return q.exactRoot(2).map(Scalar.rational)
        case .tanh, .sin: return q.isZero ? .zero : nil
        case .cos: return q.isZero ? .one : nil
        case .sigmoid: return q.isZero ? .rational(Rational(1, 2)) : nil
        }
    }

    /// `self ^ e`. Integer powers of anything; fractional powers of positive numbers.
    public func power(_ e: Scalar) throws -> Scalar {
        guard let q = e.rational else {
            guard try sign > 0 else { throw Diagnostic("a real exponent needs a positive base") }
            return try (e * apply(.log)).apply(.exp)
        }
        if let n = q.intValue, abs(n) <= Limits.maximumIntegerExponent {
            if let b = rational {
                if b.isZero && n < 0 { throw Diagnostic("division by zero (0 to a negative power)") }
                guard Double(b.bitSize) * Double(abs(n)) <= Double(Limits.maximumRationalBits) else {
                    // `(3/7)^1000000`, not `3/7^1000000` (which reads as 3/(7^…)).
                    let shown = b.description.contains("/") || b.sign < 0 ? "(\(b))" : b.description
                    throw Diagnostic("\(shown)^\(n) would have more than \(Limits.maximumRationalBits) bits as an exact number; try \(setting: .float) to compute in IEEE double")
                }
                return .rational(b.raised(to: n))
            }
            return try integerPower(n)
        }
        if q.intValue != nil || q.bitSize > 64 {
            throw Diagnostic("exponent \(q) is too large")
        }
        // A fractional power: exact when the root is, else a node over a positive base.
        let s = try sign
        if s == 0 { guard q.sign > 0 else { throw Diagnostic("division by zero (0 to a negative power)") }; return .zero }
        guard s > 0 else { throw Diagnostic("fractional power of a negative number") }
        if let b = rational, let d = q.denominator.smallValue, let n = q.numerator.smallValue,
           let root = b.exactRoot(d) {
            return try Scalar.rational(root).power(Scalar(n))
        }
        return .real(RealNode(.power(node, q)))
    }

    private func integerPower(_ n: Int) throws -> Scalar {
        if n == 0 { return .one }
        if n < 0 { return try Scalar.divide(.one, integerPower(-n)) }
        var result: Scalar? = nil, base = self, k = n
        while k > 0 {
            if k & 1 == 1 { result = result.map { $0 * base } ?? base }
            k >>= 1
            if k > 0 { base = base * base }
        }
        return result ?? .one
    }
}
