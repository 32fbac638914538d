// The built-in lessons' text as the learner reads it, in every language (lessons/*.md and
// lessons/zh/*.md): self-contained (no talk of sources the learner has not seen), code sketches
// that fit 80 columns, no Markdown mark the screen would show raw, and Chinese set apart from
// Latin text by a space. Each check is a function of the text, shown to catch a bad example.
// (What the suggested statements do when typed: LessonExperimentTests.)
import Engine
import Foundation
import Testing

@Suite("Lesson text")
struct LessonTextTests {
    @Test func everyLessonHasBothLanguages() {
        let english = Set(LessonSourceFile.all.filter { $0.language == .en }.map(\.id))
        let chinese = Set(LessonSourceFile.all.filter { $0.language == .zh }.map(\.id))
        #expect(english.count >= 10)
        #expect(english == chinese)
        #expect(english.contains("cross-attention"))
    }

    // MARK: No source the learner has not seen

    /// Phrases that refer to text the learner has never seen. A lesson that discusses a claim or
    /// code shows it first (a sketch in a fenced block) and then speaks of "the sketch".
    static let unseenSources = ["the article", "the documents", "the sample code", "sample model", "the worked example",
                                "the first article", "one of the articles", "文章", "原文", "示例代码", "示例模型"]

    static func unseenSourcesNamed(in text: String) -> [String] {
        let lowered = text.lowercased()
        return unseenSources.filter { lowered.contains($0) }
    }

    @Test(arguments: LessonSourceFile.all)
    func speaksOfNoSourceTheLearnerHasNotSeen(_ file: LessonSourceFile) {
        for phrase in Self.unseenSourcesNamed(in: file.text) {
            Issue.record("\(file.testDescription) says \"\(phrase)\"")
        }
    }

    @Test func theUnseenSourceCheckCanFail() {
        #expect(Self.unseenSourcesNamed(in: "As the Article shows, ...") == ["the article"])
        #expect(Self.unseenSourcesNamed(in: "如原文所说") == ["原文"])
        #expect(Self.unseenSourcesNamed(in: "The sketch above shows it.").isEmpty)
    }

    // MARK: Code sketches fit 80 columns

    /// A code sketch keeps its lines (it is never re-wrapped like prose), and the screen indents
    /// it by 3 columns inside a 1-column right margin: at 80 columns a line wider than 76
    /// columns breaks in the middle of the code (`… .squeeze(2)  #` / `(1)`). Chinese
    /// characters take two columns.
    static let widestCodeLine = 76

    static func tooWide(_ lines: [Substring]) -> [Substring] {
        lines.filter { DisplayWidth.of(String($0)) > widestCodeLine }
    }

    @Test(arguments: LessonSourceFile.all)
    func codeSketchesFitEightyColumns(_ file: LessonSourceFile) {
        for line in Self.tooWide(file.codeSketchLines) {
            Issue.record("\(file.testDescription): a code line of \(DisplayWidth.of(String(line))) columns breaks at 80 columns: \(line)")
        }
    }

    @Test func theCodeWidthCheckCanFail() {
        let fits = String(repeating: "x", count: 76), tooLong = String(repeating: "x", count: 77)
        let tooWideChinese = "# " + String(repeating: "注", count: 38)       // 40 characters, 78 columns
        let sketch = LessonSourceFile(id: "t", language: .zh, text: """
            ---
            ---
            ```python
            \(fits)
            \(tooLong)
            \(tooWideChinese)
            ```
            ```attn
            \(tooLong)
            ```
            """)
        #expect(Self.tooWide(sketch.codeSketchLines).map(String.init) == [tooLong, tooWideChinese])
    }

    // MARK: No emphasis the screen shows raw

    /// `*word*` or `_word …_` as Markdown emphasis, which the screen (rendering **bold**, `code`,
    /// headings and lists) would show with its marks: a mark at the start of a word (after a
    /// space, a bracket or a Chinese character), then the same mark at the end of one. A list
    /// marker (`* item`), `**bold**`, subscripts (`W_Q`, `h_{t-1}`) and products (`(i-1)*d_h`,
    /// `A .* B`) do not match.
    static func singleMarkEmphasis(in text: String) -> String? {
        let pattern = #"(^|[\s(\p{Han}\p{Ps}，。、：；])([*_])(?![*_\s])[^*_`]*?[\p{L}\p{N}.)]\2(?![*_\p{Latin}\p{Greek}\p{N}])"#
        guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
        return String(text[range]).trimmingCharacters(in: .whitespaces)
    }

    @Test(arguments: LessonSourceFile.all)
    func proseUsesNoEmphasisTheScreenShowsRaw(_ file: LessonSourceFile) {
        for line in file.prose.split(separator: "\n") {
            if let emphasis = Self.singleMarkEmphasis(in: LessonSourceFile.outsideCode(line)) {
                Issue.record("\(file.testDescription): \(emphasis) shows its marks raw on the screen: \(line)")
            }
        }
    }

    @Test func theEmphasisCheckCanFail() {
        #expect(Self.singleMarkEmphasis(in: "the decoder's *previous* state") == "*previous*")
        #expect(Self.singleMarkEmphasis(in: "an _emphasised phrase_ here") == "_emphasised phrase_")
        #expect(Self.singleMarkEmphasis(in: "解码器*上一个*状态") != nil)
        #expect(Self.singleMarkEmphasis(in: "解码器 *上一个* 状态") == "*上一个*")
        #expect(Self.singleMarkEmphasis(in: "**bold** and W_Q, h_{t-1}, e_{2,1}, W_Q_new") == nil)
        #expect(Self.singleMarkEmphasis(in: "**加粗**，以及 W_Q、h_{t-1}") == nil)
        #expect(Self.singleMarkEmphasis(in: "* a list item") == nil)
        #expect(Self.singleMarkEmphasis(in: "Q[:, (i-1)*d_h+1 : i*d_h]") == nil)
        #expect(Self.singleMarkEmphasis(in: "A .* B and C .* D") == nil)
    }

    // MARK: Chinese is spaced from Latin text

    /// Chinese prose puts a space between Chinese characters and Latin letters, digits or code
    /// (`Transformer 要学习`, `第 1 行`), as Chinese technical writing does; English prose has no
    /// Chinese characters, so it passes as it is.
    static func unspacedPairs(in line: Substring) -> [(Unicode.Scalar, Unicode.Scalar)] {
        let scalars = Array(line.unicodeScalars)
        return zip(scalars, scalars.dropFirst()).filter { a, b in
            isHan(a) && isLatin(b, after: false) || isLatin(a, after: true) && isHan(b)
        }
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool { (0x4E00...0x9FFF).contains(s.value) }

    /// Letters, digits and code marks; a closing `}` `]` ends a formula, an opening `{` `[` starts one.
    static func isLatin(_ s: Unicode.Scalar, after: Bool) -> Bool {
        if s.isASCII, s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "`" || s == "_" || s == "^" { return true }
        return after ? (s == "}" || s == "]") : (s == "{" || s == "[")
    }

    @Test(arguments: LessonSourceFile.all)
    func chineseIsSpacedFromLatinText(_ file: LessonSourceFile) {
        for line in file.prose.split(separator: "\n") {
            for (a, b) in Self.unspacedPairs(in: line) {
                Issue.record("\(file.testDescription): no space between \(a) and \(b) in: \(line)")
            }
        }
    }

    @Test func theSpacingCheckCanFail() {
        #expect(Self.unspacedPairs(in: "第1行用`x_1`").map { "\($0)\($1)" } == ["第1", "1行", "用`"])
        #expect(Self.unspacedPairs(in: "h_{t-1}的值").map { "\($0)\($1)" } == ["}的"])
        #expect(Self.unspacedPairs(in: "Transformer 要学习第 1 行，`x_1`。").isEmpty)
        #expect(Self.unspacedPairs(in: "plain English, with W_Q.").isEmpty)
    }
}
