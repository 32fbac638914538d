// Checking a learner's prediction: exactly when the answer is rational, otherwise to the
// digits shown (or to the digits the learner typed, at least three).
import Engine

enum ExerciseVerdict: Equatable {
    case correct
    case wrong
    case invalid(String)
}

enum Exercise {
    static func check(answer: Tensor, expected: Tensor, digits: Int, typedDigits: Int?) -> ExerciseVerdict {
        guard answer.shape == expected.shape || (answer.count == expected.count && expected.count == 1) else {
            return .invalid("the answer should be a \(expected.shape == .scalar ? "number" : "\(expected.shape) tensor"), not \(answer.shape == .scalar ? "a number" : "a \(answer.shape) tensor")")
        }
        for i in 0..<expected.count {
            let a = answer.scalar(at: i), e = expected.scalar(at: i)
            if let x = a.rational, let y = e.rational, x == y { continue }
            if e.rational != nil, typedDigits == nil, !expected.isFloat {
                return .wrong      // a rational answer must be exact unless typed as a rounded decimal
            }
            let d = max(3, min(digits, typedDigits ?? digits))
            // Digits that cannot be proved (DecimalFormat.unproved) match nothing.
            let (shownAnswer, shownExpected) = (DecimalFormat.string(a, digits: d), DecimalFormat.string(e, digits: d))
            if shownAnswer != shownExpected || shownAnswer == DecimalFormat.unproved { return .wrong }
        }
        return .correct
    }

    /// Significant digits in a typed decimal literal (`0.311` → 3), nil when the answer is not one.
    static func typedDigits(_ text: String) -> Int? {
        var t = Substring(text.filter { $0 != " " })
        if t.hasPrefix("-") || t.hasPrefix("+") { t = t.dropFirst() }
        guard !t.isEmpty, t.allSatisfy({ $0.isNumber || $0 == "." }), t.contains(".") else { return nil }
        let digits = t.filter(\.isNumber).drop { $0 == "0" }
        return digits.isEmpty ? nil : digits.count
    }
}
