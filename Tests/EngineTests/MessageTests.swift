// Messages written in English at the place that reports them and shown in the learner's language.
import Testing
@testable import Engine

@Suite("Messages in each language")
struct MessageTests {
    static func diagnostic(_ program: String) -> Diagnostic? {
        var interpreter = Interpreter()
        return interpreter.run(program).error?.diagnostic
    }

    @Test func theTemplateIsTheLiteralTextWithPlaceholders() {
        let shape = Shape.matrix(2, 3)
        let m: Message = "cannot multiply \(shape) by \(Shape.vector(2)) (inner dimensions \(3) and \(2))"
        #expect(m.key == "cannot multiply %@ by %@ (inner dimensions %@ and %@)")
        #expect(m.english == "cannot multiply 2×3 by 2-vector (inner dimensions 3 and 2)")
    }

    @Test func aTranslatedMessageFillsItsArgumentsSetOffBySpaces() {
        let d = Self.diagnostic("[1 2; 3 4] * [1 2 3]")
        #expect(d?.message == "cannot multiply 2×2 by 1×3 (inner dimensions 2 and 1)")
        #expect(d?.message(in: .zh) == "无法把 2×2 矩阵乘以 1×3 矩阵（内侧维数是 2 和 1）")
    }

    @Test func nestedMessagesAreTranslatedToo() {
        let d = Self.diagnostic("W_K = [1 2; 3 4]; W_k")
        #expect(d?.message(in: .zh) == "未知的名字 W_k（是不是想写 W_K？）")
        let f = Self.diagnostic("f(x) = x / 0; f(1)")
        #expect(f?.message == "in f: division by zero")
        #expect(f?.message(in: .zh) == "在 f 中：除以零")
    }

    @Test func aMessageWithoutATranslationIsShownInEnglish() {
        let m: Message = "a message nobody translated yet about \(3) things"
        #expect(m.text(in: .zh) == "a message nobody translated yet about 3 things")
        let verbatim = Diagnostic(String("composed elsewhere"))
        #expect(verbatim.message(in: .zh) == "composed elsewhere")
    }

    @Test func aWordingMayReorderAndRepeatArguments() {
        #expect(MessageTranslations.fill("%2 然后 %1 再 %2", with: ["a", "b"]) == "b 然后 a 再 b")
        #expect(MessageTranslations.fill("100%% 是 %1", with: ["x"]) == "100% 是 x")
        // Spaces between Latin and Chinese text only.
        #expect(MessageTranslations.fill("把%1乘以 %2 吗", with: ["2×3 矩阵", "向量"]) == "把 2×3 矩阵乘以向量吗")
        #expect(MessageTranslations.fill("%1 必须是整数", with: ["rand 的行数"]) == "rand 的行数必须是整数")
        #expect(MessageTranslations.fill("%1 必须是整数", with: ["n"]) == "n 必须是整数")
        #expect(MessageTranslations.fill("（%1 个）", with: ["4"]) == "（4 个）")
        #expect(MessageTranslations.fill("多了 %1", with: ["“:”"]) == "多了“:”")
    }

    /// A Chinese input method types full-width punctuation; the error names the character to type instead.
    @Test func fullWidthPunctuationNamesItsHalfWidthCharacter() {
        let comma = Self.diagnostic("x = [1，2，3]")
        #expect(comma?.message == "full-width '，': type the half-width ','")
        #expect(comma?.message(in: .zh) == "全角字符“，”：请改用半角的“,”")
        #expect(Self.diagnostic("softmax（[1, 2]）")?.message(in: .zh) == "全角字符“（”：请改用半角的“(”")
        #expect(Self.diagnostic("[1 2；3 4]")?.message == "full-width '；': type the half-width ';'")
        #expect(Self.diagnostic("0。5")?.message == "full-width '。': type the half-width '.'")
        #expect(Self.diagnostic("x = 1 ☃")?.message == "unexpected character '☃'")
    }

    @Test func headsThatDoNotSplitAreNamedAsSuch() {
        let d = Self.diagnostic("headwidth(ones(2, 4), 3)")
        #expect(d?.message == "4 columns cannot be split into 3 heads (4 is not a multiple of 3)")
        #expect(d?.message(in: .zh) == "4 列不能平分成 3 个头（4 不是 3 的倍数）")
        var interpreter = Interpreter()
        #expect(interpreter.run("headwidth(ones(2, 4), 2)").records.last?.outcome.tensor?.scalarValue?.rational == Rational(2))
    }

    @Test func everyChineseWordingUsesOnlyItsTemplatesArguments() {
        for (key, wording) in ChineseMessages.table {
            let count = key.components(separatedBy: "%@").count - 1
            for k in 1...9 where wording.contains("%\(k)") { #expect(k <= count, "\(key) → \(wording)") }
        }
    }
}
