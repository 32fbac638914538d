// How many bits to compute with, and the limits that keep any request bounded.

public enum Precision {
    /// Bits that comfortably give `digits` significant decimal digits (log2(10) ≈ 3.33).
    public static func bits(forDigits digits: Int) -> Int { digits * 10 / 3 + 24 }

    /// The precision cap for printing `digits` digits: refinement stops here, and a value whose
    /// digits are still undecided is refused (SPEC §4, "digits or an error"). 32768 bits reach
    /// cancellations down to about 10^-9800 and cos(10^k) up to about k = 9800 at 6 digits.
    public static func maximumBits(forDigits digits: Int) -> Int { max(bits(forDigits: digits) * 8 + 2048, maximumSignBits) }

    /// The most bits spent deciding the sign of a real (comparisons, relu, abs, division).
    public static let maximumSignBits = 32768

    /// The refinement ladder from `start` bits: doubling, its last rung exactly `cap`.
    static func ladder(from start: Int, cap: Int) -> [Int] {
        var rungs: [Int] = []
        var bits = min(start, cap)
        while true {
            rungs.append(bits)
            if bits >= cap { return rungs }
            bits = min(bits * 2, cap)
        }
    }
}

public enum Limits {
    public static let maximumDigits = 10_000
    /// Elements in one tensor.
    public static let maximumElements = 4_000_000
    /// Elements in the result of a float product (128 MB of doubles): attention's score matrix
    /// over 4096 positions, as --float is for large inputs.
    public static let maximumFloatProductElements = 16_777_216
    /// Multiply-adds in one exact matrix product (the float path allows far more).
    public static let maximumExactProductWork = 200_000_000
    public static let maximumFloatProductWork = 20_000_000_000
    /// Bits in one exact rational, numerator and denominator together.
    public static let maximumRationalBits = 4_000_000
    public static let maximumIntegerExponent = 1_000_000
    /// Height of a real's expression graph (e.g. a recurrence over many steps); graphs are
    /// freed and compared recursively, so this also bounds stack use.
    public static let maximumRealDepth = 10_000
}

// MARK: - Signs and comparisons

extension Scalar {
    /// −1, 0 or 1. A real is refined until its sign is known. One whose interval still holds 0
    /// at `Precision.maximumSignBits` is refused: it may be 0 or a number too small to tell from
    /// it, and taking it as 0 could print a wrong digit (SPEC §4).
    public var sign: Int {
        get throws {
            switch self {
            case let .rational(q): return q.sign
            case let .real(n):
                for bits in Precision.ladder(from: 64, cap: Precision.maximumSignBits) {
                    try Interrupt.check()
                    if let s = n.interval(precision: bits)?.sign { return s }
                }
                // exp(x)·y past the exponent range has y's sign.
                if let s = ExtendedRangeDigits.sign(n) { return s }
                if SquareRootSum.provesZero(n) || ExponentialPolynomial.provesZero(n) { return 0 }
                throw Certification.undecidedSign(of: n)
            }
        }
    }

    public static func compare(_ a: Scalar, _ b: Scalar) throws -> Int {
        if let x = a.rational, let y = b.rational { return x < y ? -1 : (x == y ? 0 : 1) }
        return try (a - b).sign
    }

    /// A double close to the value (for the float path and for heat-map shading).
    public var approximateDouble: Double {
        switch self {
        case let .rational(q): return q.doubleValue
        case let .real(n): return n.interval(precision: 64)?.lo.doubleValue ?? .nan
        }
    }
}

extension RealNode {
    /// True when this is a sum of plain terms with positive coefficients (so none cancel), and
    /// constants, with more than `k` structurally different plain terms: then no linear form
    /// with k terms is a multiple of it (a linear form keeps constants apart). Decided from the
    /// first k + 1 different terms, without building this sum's own linear form (a softmax
    /// denominator has 64 terms, and one more, a constant, for each score of 0; `a/S + b/S` in
    /// an attention output is checked against it per entry).
    func hasMoreDistinctTerms(than k: Int) -> Bool {
        guard case let .sum(terms) = operation, terms.count > k,
              terms.allSatisfy({ $0.node.kind == .constant || ($0.node.isPlainTerm && $0.coefficient.sign > 0) }) else { return false }
        var distinct: [RealNode] = []
        for t in terms where t.node.kind != .constant && !distinct.contains(where: { $0.isStructurallyEqual(to: t.node) }) {
            distinct.append(t.node)
            if distinct.count > k { return true }
        }
        return false
    }
}

/// A sum seen as constant + Σ cᵢ·nodeᵢ, to recognise one sum as a multiple of another.
struct LinearForm {
    var constant = Rational.zero
    var terms: [StructuralKey: (node: RealNode, coefficient: Rational)] = [:]

    init(_ s: Scalar) {
        switch s {
        case let .rational(q): constant = q
        case let .real(n): add(n, times: .one)
        }
    }

    private mutating func add(_ n: RealNode, times c: Rational) {
        switch n.operation {
        case let .constant(q): constant = constant + c * q
        case let .sum(parts): for p in parts { add(p.node, times: c * p.coefficient) }
        case let .scaled(x, k): add(x, times: c * k)
        default:
            let key = StructuralKey(node: n)
            terms[key, default: (n, .zero)].coefficient = terms[key, default: (n, .zero)].coefficient + c
        }
    }

    /// Exactly 0 as a linear combination: no constant, and every coefficient cancelled.
    var isZero: Bool { constant.isZero && terms.values.allSatisfy { $0.coefficient.isZero } }

    /// k such that self = k · other term by term, if there is one.
    func ratio(to other: LinearForm) -> Rational? {
        let mine = terms.filter { !$0.value.coefficient.isZero }
        let theirs = other.terms.filter { !$0.value.coefficient.isZero }
        guard Set(mine.keys) == Set(theirs.keys) else { return nil }
        var k: Rational? = nil
        func check(_ a: Rational, _ b: Rational) -> Bool {
            if b.isZero { return a.isZero }
            let r = a / b
            if let k { return k == r }
            k = r
            return true
        }
        guard check(constant, other.constant) else { return nil }
        for (key, t) in mine {
            guard let o = theirs[key], check(t.coefficient, o.coefficient) else { return nil }
        }
        return k
    }
}
