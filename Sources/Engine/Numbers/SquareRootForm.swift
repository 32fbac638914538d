// Square roots of rationals as c·√m: the arithmetic behind the exact square-root identities
// (ExactIdentities) and the zero test for sums of them (SquareRootSum).
//
// Every positive rational r is s²·m for one rational s > 0 and one square-free integer m (its
// "class"); r and r' are in one class exactly when r/r' is a rational square. Square roots of
// distinct square-free integers are linearly independent over Q (Besicovitch), so a sum of
// rational multiples of square roots is 0 exactly when, class by class, the coefficients cancel.

/// √r for a positive rational r, as outside·√radicand with radicand a positive integer.
struct ReducedRadicand {
    let outside: Rational
    /// 1 when r is a rational square.
    let radicand: Rational
    /// Proved free of square factors (then equal classes have equal radicands). Radicands past
    /// 64 bits, or with a remainder past trial division that may hide the square of a large
    /// prime, are not: SquareRootClasses compares those by their ratios.
    let isSquareFree: Bool

    /// Trial division runs over the primes below this.
    static let trialDivisionLimit: UInt64 = 1000

    /// `r` must be positive.
    init(_ r: Rational) {
        if case let .small(n, d) = r.storage, n > 0 {
            // √(n/d) = a√n′ / (b√d′) = a/(b·d′) · √(n′d′); n′d′ is square-free, n′ and d′ being coprime.
            let top = ReducedRadicand.squarePart(UInt64(n)), bottom = ReducedRadicand.squarePart(UInt64(d))
            outside = Rational(Int(top.outside)) / (Rational(Int(bottom.outside)) * Rational(Int(bottom.inside)))
            radicand = Rational(Int(top.inside)) * Rational(Int(bottom.inside))
            isSquareFree = top.isSquareFree && bottom.isSquareFree
            return
        }
        if let root = r.exactRoot(2) {
            (outside, radicand, isSquareFree) = (root, .one, true)
            return
        }
        // Past 64 bits: √(n/d) = √(n·d)/d, nothing more extracted.
        let d = Rational(big: BigRational(numerator: r.denominator, denominator: BigInteger(1)))
        (outside, radicand, isSquareFree) = (d.reciprocal, r * d * d, false)
    }

    /// m = outside²·inside, the primes below the trial limit removed from inside in pairs, and
    /// a remainder that is a perfect square moved out whole.
    private static func squarePart(_ m: UInt64) -> (outside: UInt64, inside: UInt64, isSquareFree: Bool) {
        var rest = m, outside: UInt64 = 1, inside: UInt64 = 1
        for p in smallPrimes {
            if p * p > rest { break }
            var exponent = 0
            while rest % p == 0 { rest /= p; exponent += 1 }
            for _ in 0..<(exponent / 2) { outside *= p }
            if exponent % 2 == 1 { inside *= p }
        }
        // Every prime factor of `rest` is at least the trial limit (or rest is 1 or prime).
        let root = integerSquareRoot(rest)
        if rest > 1, root * root == rest { return (outside * root, inside, true) }
        // A remainder below limit³ that is not a square is a prime or two distinct ones.
        let limit = trialDivisionLimit
        return (outside, inside * rest, rest < limit * limit * limit)
    }

    private static func integerSquareRoot(_ n: UInt64) -> UInt64 {
        var r = UInt64(Double(n).squareRoot())
        while r > 0, r.multipliedReportingOverflow(by: r).overflow || r * r > n { r -= 1 }
        while case let (s, false) = (r + 1).multipliedReportingOverflow(by: r + 1), s <= n { r += 1 }
        return r
    }

    private static let smallPrimes: [UInt64] = {
        var composite = [Bool](repeating: false, count: Int(trialDivisionLimit))
        var primes: [UInt64] = []
        for i in 2..<Int(trialDivisionLimit) where !composite[i] {
            primes.append(UInt64(i))
            for j in stride(from: i * i, to: Int(trialDivisionLimit), by: i) { composite[j] = true }
        }
        return primes
    }()
}

extension RealNode {
    /// (c, r) when this node is c·√r for rationals c and r > 0: √r itself, c·√r, q/(c·√r),
    /// products and quotients of such, and r^(k/2) for an odd k. Only a few levels are looked
    /// at; a node of any other kind, or with more leaves than such a form has, is refused
    /// without matching its operation (a softmax weight exp(s)/Σ exp has a leaf per score).
    var squareRootForm: (coefficient: Rational, radicand: Rational)? {
        guard leafCount <= 16 else { return nil }
        return squareRootForm(levels: 4)
    }

    private func squareRootForm(levels: Int) -> (coefficient: Rational, radicand: Rational)? {
        guard levels > 0 else { return nil }
        switch kind {
        case .function:
            guard case let .function(.sqrt, x) = operation, case let .constant(r) = x.operation else { return nil }
            return (.one, r)
        case .scaled:
            guard case let .scaled(x, k) = operation, let f = x.squareRootForm(levels: levels - 1) else { return nil }
            return (k * f.coefficient, f.radicand)
        case .product:
            guard case let .product(a, b) = operation, let f = a.squareRootForm(levels: levels - 1),
                  let g = b.squareRootForm(levels: levels - 1) else { return nil }
            return (f.coefficient * g.coefficient, f.radicand * g.radicand)
        case .quotient:
            guard case let .quotient(a, b) = operation, let g = b.squareRootForm(levels: levels - 1) else { return nil }
            // q / (c·√r) = q/(c·r) · √r
            if case let .constant(q) = a.operation { return (q / (g.coefficient * g.radicand), g.radicand) }
            guard let f = a.squareRootForm(levels: levels - 1) else { return nil }
            return (f.coefficient / g.coefficient, f.radicand / g.radicand)
        case .power:
            // b^(k/2) = b^((k−1)/2)·√b for an odd k (a power node's base is positive).
            guard case let .power(x, e) = operation, case let .constant(b) = x.operation,
                  case let .small(k, 2) = e.storage, k.magnitude <= SquareRootLimits.maximumHalfPower,
                  b.sign > 0 else { return nil }
            return (b.raised(to: Int((k - 1) / 2)), b)
        case .constant, .pi, .sum, .magnitude:
            return nil
        }
    }
}

enum SquareRootLimits {
    /// |k| in a power b^(k/2) seen as a multiple of √b.
    static let maximumHalfPower: Int64 = 64
    /// Bits of a radicand the identities build (a product of huge radicands stays a product).
    static let maximumRadicandBits = 100_000
}

/// The classes of the radicands met so far, each with a representative m (a reduced radicand):
/// `place` finds the class of √r and the rational s with √r = s·√m.
struct SquareRootClasses {
    private(set) var representatives: [Rational] = []
    private var byRadicand: [Rational: Int] = [:]
    /// Representatives not proved square-free: another radicand may be in their class.
    private var unproved: [Int] = []

    mutating func place(_ reduced: ReducedRadicand) -> (index: Int, factor: Rational) {
        let m = reduced.radicand
        if let i = byRadicand[m] { return (i, reduced.outside) }
        // Two proved square-free radicands that differ are in different classes; otherwise
        // r/m being a rational square decides.
        let candidates = reduced.isSquareFree ? unproved : Array(representatives.indices)
        for i in candidates {
            if let s = (m / representatives[i]).exactRoot(2) { return (i, reduced.outside * s) }
        }
        let i = representatives.count
        representatives.append(m)
        byRadicand[m] = i
        if !reduced.isSquareFree { unproved.append(i) }
        return (i, reduced.outside)
    }
}
