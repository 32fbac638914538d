// Checking a learner's prediction of an exercise value (SPEC §5):
// - a rational value must be given exactly (`1/2` or `0.5`; `0.9999999` is not `1`);
// - any other value is accepted as a formula with the same exact value, or as a decimal of
//   at least 3 significant digits that equals the value rounded to the digits typed
//   (`0.69` and `0.6897` for 0.689672…, but not `0.7` or `0.6896`).
// In float mode no value is exact, so every element follows the second rule.
import Engine

enum AnswerCheck {
    enum Verdict: Equatable {
        case correct
        case wrong
        /// The value is rational and the answer is a decimal that only rounds to it:
        /// right digits, but it has to be given exactly.
        case notExact
        /// The answer's shape differs from the value's.
        case wrongShape(expected: Shape, got: Shape)
    }

    /// Significant digits a decimal is compared at: never fewer than three.
    static let minimumDigits = 3

    /// `typed` is the answer as typed: when it is a single number literal its digits count as
    /// typed (`0.6900` has four), otherwise each element's shortest decimal is used.
    static func verdict(answer: Tensor, expected: Tensor, typed: String? = nil) -> Verdict {
        let sameShape = answer.shape == expected.shape || (answer.count == 1 && expected.count == 1)
        guard sameShape else { return .wrongShape(expected: expected.shape, got: answer.shape) }
        let literalDigits = answer.count == 1 ? typed.flatMap(significantDigits(ofLiteral:)) : nil
        var verdict = Verdict.correct
        for i in 0..<expected.count {
            switch element(answer.scalar(at: i), expected.scalar(at: i), approximate: expected.isFloat || answer.isFloat,
                           typedDigits: literalDigits) {
            case .correct: continue
            case .notExact: verdict = .notExact
            default: return .wrong
            }
        }
        return verdict
    }

    private static func element(_ a: Scalar, _ e: Scalar, approximate: Bool, typedDigits: Int?) -> Verdict {
        let decimalDigits = a.rational.flatMap(significantDigits(ofDecimal:)).map { max($0, typedDigits ?? 0) }
        if let exact = e.rational, !approximate {
            if a.rational == exact { return .correct }
            if let d = decimalDigits, roundsAlike(a, e, digits: d) { return .notExact }
            return .wrong
        }
        if let d = decimalDigits { return roundsAlike(a, e, digits: d) ? .correct : .wrong }
        if approximate { return roundsAlike(a, e, digits: 10) ? .correct : .wrong }
        // A formula: the same value. Values that agree to the Engine's precision cap (their
        // difference's sign cannot be decided there) count as the same; a Ctrl-C counts as wrong.
        do {
            return try Scalar.compare(a, e) == 0 ? .correct : .wrong
        } catch {
            return Interrupt.isRequested ? .wrong : .correct
        }
    }

    private static func roundsAlike(_ a: Scalar, _ e: Scalar, digits: Int) -> Bool {
        let d = max(minimumDigits, digits)
        let typed = DecimalFormat.string(a, digits: d), expected = DecimalFormat.string(e, digits: d)
        // Digits that could not be proved never match anything.
        return typed == expected && !expected.contains(DecimalFormat.unproved)
    }

    /// Significant digits of a rational that is a finite decimal of at most 40 digits
    /// (`69/100` → 2), nil for one that is not (`1/3`).
    static func significantDigits(ofDecimal q: Rational) -> Int? {
        if q.isZero { return 1 }
        let text = DecimalFormat.string(q, digits: 40)
        guard Rational(literal: text.hasPrefix("-") ? String(text.dropFirst()) : text) == q.magnitude else { return nil }
        return significantDigits(ofLiteral: text)
    }

    /// Significant digits of a number literal as typed, trailing zeros included
    /// (`0.6900` → 4, `-1.5e-7` → 2, `0.0012` → 2); nil when the text is not one literal.
    static func significantDigits(ofLiteral text: String) -> Int? {
        var t = Substring(text.filter { $0 != " " })
        if t.hasPrefix("-") || t.hasPrefix("+") { t = t.dropFirst() }
        guard Rational(literal: String(t)) != nil else { return nil }
        let mantissa = t.prefix { $0 != "e" && $0 != "E" }.filter(\.isNumber).drop { $0 == "0" }
        return max(1, mantissa.count)
    }
}
