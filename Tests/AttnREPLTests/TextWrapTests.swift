// Prose wrapping: paragraphs re-flow, blocks keep their lines, CJK breaks between characters
// but never puts closing punctuation at the start of a line.
import Testing
@testable import AttnREPL
import Engine

@Suite("TextWrap")
struct TextWrapTests {
    @Test func paragraphsReflowAcrossSourceLines() {
        let text = "one two\nthree four five\n\nsix"
        #expect(TextWrap.lines(text, width: 40) == ["one two three four five", "", "six"])
    }

    @Test func listItemsTablesAndFencesKeepTheirLines() {
        let text = "Intro line\n- first\n- second\n\n```\ncode  line\n```\n| a | b |\n| c | d |"
        #expect(TextWrap.lines(text, width: 40) == ["Intro line", "- first", "- second", "", "```", "code  line", "```", "| a | b |", "| c | d |"])
    }

    @Test func wrapsAtSpacesWithinTheWidth() {
        let lines = TextWrap.lines("the quick brown fox jumps over the lazy dog", width: 10)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
        #expect(lines.joined(separator: " ") == "the quick brown fox jumps over the lazy dog")
        #expect(TextWrap.lines(":a  :b  :c", width: 6) == [":a  :b", ":c"])
    }

    @Test func chineseJoinsWithoutSpacesAndKeepsPunctuationOffTheLineStart() {
        let text = "注意力先打分，\n再归一化。然后加权求和。"
        #expect(TextWrap.lines(text, width: 80) == ["注意力先打分，再归一化。然后加权求和。"])
        // Width 14 fits seven characters: the eighth, "，", would start line 2.
        let lines = TextWrap.lines("注意力先打分数了，再归一化", width: 14)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 14 })
        #expect(lines.dropFirst().allSatisfy { !$0.hasPrefix("，") })
        #expect(lines.joined() == "注意力先打分数了，再归一化")
    }

    /// A Latin word before CJK punctuation (`d_model。`) goes to the next line with it.
    /// Two closing marks in a row (`”，`, `），`) at the end of a full line: the character before
    /// them moves down with both, so neither starts the next line.
    @Test func twoClosingMarksInARowStayOffTheLineStart() {
        let quoted = TextWrap.lines("每一行既包含“这是什么词”，也包含“它在哪里”", width: 24)
        #expect(quoted.allSatisfy { DisplayWidth.of($0) <= 24 })
        #expect(quoted == ["每一行既包含“这是什么", "词”，也包含“它在哪里”"])
        let bracket = TextWrap.lines("各位置保留自己的编码（位置 0 仍是第 1 行），所以", width: 42)
        #expect(bracket == ["各位置保留自己的编码（位置 0 仍是第 1", "行），所以"])
    }

    /// Every Chinese lesson, wrapped as the screen and `run` wrap it at the sizes a learner uses:
    /// no line starts with Chinese closing punctuation.
    @Test(arguments: [38, 58, 76, 78, 116, 118])
    func noChineseLessonLineStartsWithClosingPunctuation(width: Int) {
        let closing = Set("。，、；：！？）」』》〉】”’")
        for file in LessonSourceFile.all where file.language == "zh" {
            for line in TextWrap.lines(file.prose, width: width) where line.first.map(closing.contains) == true {
                Issue.record("\(file.testDescription) at \(width) columns: \(line)")
            }
        }
    }

    @Test func punctuationAfterALatinWordStaysOffTheLineStart() {
        let lines = TextWrap.lines("宽度又回到 d_model。每个头", width: 17)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 17 })
        #expect(lines == ["宽度又回到", "d_model。每个头"])
    }
}
