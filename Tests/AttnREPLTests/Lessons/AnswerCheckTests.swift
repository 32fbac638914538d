// Exercise answers as SPEC §5 checks them: rationals exactly, other values as the same exact
// formula or as a decimal of at least 3 significant digits rounded as typed.
import Engine
import Testing
@testable import AttnREPL

@Suite("Exercise answer checking")
struct AnswerCheckTests {
    /// The value of a formula, evaluated exactly.
    static func value(_ text: String) throws -> Tensor {
        var interpreter = Interpreter()
        return try interpreter.evaluateExpression(text)
    }

    static func verdict(_ answer: String, for expected: String) throws -> AnswerCheck.Verdict {
        AnswerCheck.verdict(answer: try value(answer), expected: try value(expected), typed: answer)
    }

    // The value α₂,₃ of the dot-attention lesson: 0.689672…, not rational.
    static let alpha = "exp(2)/(exp(-1/2) + exp(1) + exp(2))"

    @Test(arguments: ["1/2", "0.5", "2/4", "5e-1", "1 - 1/2"])
    func aRationalGivenExactlyIsCorrect(_ answer: String) throws {
        #expect(try Self.verdict(answer, for: "1/2") == .correct)
    }

    @Test func aRationalIsNotARoundedDecimal() throws {
        // "exactly one, not 0.9999999".
        #expect(try Self.verdict("0.9999999", for: "1") == .wrong)
        #expect(try Self.verdict("0.99999999999999999999", for: "1") == .wrong)
        // Digits that round to the value, but the value is rational: say it must be exact.
        #expect(try Self.verdict("0.333", for: "1/3") == .notExact)
        #expect(try Self.verdict("0.3333333333", for: "1/3") == .notExact)
        #expect(try Self.verdict("1", for: "1") == .correct)
    }

    @Test func aWrongRationalIsWrong() throws {
        #expect(try Self.verdict("0.4", for: "1/2") == .wrong)
        #expect(try Self.verdict("1/3", for: "1/2") == .wrong)
        #expect(try Self.verdict("0.9", for: "1") == .wrong)
    }

    @Test(arguments: ["0.69", "0.690", "0.6897", "0.68967", "0.689672", "0.6896721"])
    func anIrrationalAsADecimalRoundedToTheDigitsTyped(_ answer: String) throws {
        #expect(try Self.verdict(answer, for: Self.alpha) == .correct)
    }

    @Test(arguments: ["0.7", "0.6", "0.6896", "0.6898", "0.68968", "0.6900", "69/100", "1"])
    func anIrrationalAsAWronglyRoundedOrShortDecimalIsWrong(_ answer: String) throws {
        // 0.7 has one digit: it is compared at three (0.700 ≠ 0.690); 0.6900 claims four.
        // 69/100 is the decimal 0.69 at three digits (0.690): right.
        let expected: AnswerCheck.Verdict = answer == "69/100" ? .correct : .wrong
        #expect(try Self.verdict(answer, for: Self.alpha) == expected)
    }

    @Test(arguments: ["exp(2)/(exp(-1/2) + exp(1) + exp(2))", "exp(2)/(exp(2) + exp(1) + exp(-0.5))",
                      "1/(1 + exp(-1) + exp(-5/2))"])
    func anIrrationalAsAFormulaWithTheSameExactValue(_ answer: String) throws {
        #expect(try Self.verdict(answer, for: Self.alpha) == .correct)
    }

    @Test func aFormulaThatIsCloseButNotEqualIsWrong() throws {
        // Agrees with α to about 12 digits, but is another number.
        #expect(try Self.verdict("exp(2)/(exp(-1/2) + exp(1) + exp(2)) + 1e-12", for: Self.alpha) == .wrong)
        #expect(try Self.verdict("exp(2)/(exp(-1/2) + exp(1) + exp(2) + 1/1000)", for: Self.alpha) == .wrong)
        #expect(try Self.verdict("sqrt(2)", for: "sqrt(3)") == .wrong)
    }

    @Test func vectorsAreCheckedElementByElement() throws {
        #expect(try Self.verdict("[1/2, 3/4]", for: "[0.5, 0.75]") == .correct)
        #expect(try Self.verdict("[0.5, 0.7]", for: "[1/2, 3/4]") == .wrong)
        #expect(try Self.verdict("[0.269, 0.731]", for: "softmax([1, 2])") == .correct)
        #expect(try Self.verdict("[0.269, 0.732]", for: "softmax([1, 2])") == .wrong)
        // An exact element given as a rounded decimal beside a right irrational one.
        #expect(try Self.verdict("[0.333, 0.269]", for: "[1/3, exp(1)/(exp(1) + exp(2))]") == .notExact)
    }

    @Test func aWrongShapeSaysSo() throws {
        #expect(try Self.verdict("[1, 2]", for: "[1, 2, 3]") == .wrongShape(expected: .vector(3), got: .vector(2)))
        #expect(try Self.verdict("1", for: "[1 2]") == .wrongShape(expected: .matrix(1, 2), got: .scalar))
    }

    @Test func significantDigitsOfLiterals() {
        #expect(AnswerCheck.significantDigits(ofLiteral: "0.6900") == 4)
        #expect(AnswerCheck.significantDigits(ofLiteral: "-1.5e-7") == 2)
        #expect(AnswerCheck.significantDigits(ofLiteral: "0.0012") == 2)
        #expect(AnswerCheck.significantDigits(ofLiteral: "120") == 3)
        #expect(AnswerCheck.significantDigits(ofLiteral: "1/3") == nil)
        #expect(AnswerCheck.significantDigits(ofDecimal: Rational(69, 100)) == 2)
        #expect(AnswerCheck.significantDigits(ofDecimal: Rational(1, 3)) == nil)
    }
}
