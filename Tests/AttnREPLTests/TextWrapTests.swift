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

    /// Two closing marks in a row (`）；`) at the end of a full line: the character before
    /// them goes to the next line with both, so neither starts it.
    @Test func twoClosingMarksInARowStayOffTheLineStart() {
        let lines = TextWrap.lines("一二三四）；五六", width: 10)
        #expect(lines == ["一二三", "四）；五六"])
        let help = TextWrap.lines("用 IEEE 双精度代替精确计算（适合很大的输入）；结果是近似值。", width: 44)
        #expect(help.count == 2 && !help[1].hasPrefix("）") && !help[1].hasPrefix("；"), "\(help)")
    }

    /// Two closing marks in a row (`”，`, `），`) at the end of a full line: the character before
    /// them moves down with both, so neither starts the next line.
    @Test func aQuoteOrBracketAndACommaStayOffTheLineStart() {
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
        for file in LessonSourceFile.all where file.language == .zh {
            for line in TextWrap.lines(file.prose, width: width) where line.first.map(closing.contains) == true {
                Issue.record("\(file.testDescription) at \(width) columns: \(line)")
            }
        }
    }

    /// A Latin word before CJK punctuation (`d_model。`) goes to the next line with it.
    @Test func punctuationAfterALatinWordStaysOffTheLineStart() {
        let lines = TextWrap.lines("宽度又回到 d_model。每个头", width: 17)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 17 })
        #expect(lines == ["宽度又回到", "d_model。每个头"])
    }

    /// An opening bracket never ends a line alone: it goes down with what it opens.
    @Test func anOpeningBracketGoesToTheNextLineWithWhatItOpens() {
        let lines = TextWrap.lines("写入文件（FILE! 覆盖）", width: 10)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
        #expect(lines.dropLast().allSatisfy { !$0.hasSuffix("（") })
        #expect(lines == ["写入文件", "（FILE! 覆", "盖）"])
    }
}

extension TextWrapTests {
    /// A short bracket (`v[i, j]`, `[2, 0, 1]`) is not broken at its spaces; a long one is.
    @Test func aShortBracketStaysOnOneLine() {
        let lines = TextWrap.lines("name the value, then :why v[i, j] shows one", width: 28)
        #expect(lines.contains { $0.contains("v[i, j]") }, "\(lines)")
        let long = TextWrap.lines("x = [1 0 1 0 1 0 1 0 1 0 1 0 1 0]", width: 16)
        #expect(long.allSatisfy { DisplayWidth.of($0) <= 16 })
        #expect(long.joined(separator: " ") == "x = [1 0 1 0 1 0 1 0 1 0 1 0 1 0]")
    }
}

extension TextWrapTests {
    /// A long line (a `:why`, an error) wraps at spaces with its continuation indented; a
    /// line that fits is left alone.
    @Test func aLongLineHangsUnderItself() {
        let why = "Y[2, 3] = Σₖ X[2, :]·W[:, 3] = (-0.79)·(-0.55) + (-0.17)·0.73 + (-0.19)·0.34 + 0.68·0.87 = 4187/5000 = 0.8374"
        let lines = TextWrap.hanging(why, width: 60)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 60 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") && !$0.hasPrefix("     ") })
        #expect(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == why)
        #expect(TextWrap.hanging("fits", width: 60) == ["fits"])
    }
}

extension TextWrapTests {
    /// Plain text has no bold: `run` and the line REPL drop the marks of **bold** and a
    /// heading's #s, and keep `code`'s backticks, list dashes and code blocks as written.
    @Test func plainProseDropsOnlyTheMarksItCannotShow() {
        let markdown = "## A heading\nThe **loss** and `a**2` stay; **unclosed\n- item\n```\nx = **1**\n```"
        #expect(PlainProse.text(markdown) == "A heading\nThe loss and `a**2` stay; **unclosed\n- item\n```\nx = **1**\n```")
    }
}

extension TextWrapTests {
    /// Whatever the text and width, wrapping keeps every character but the spaces it breaks
    /// at, in order, and no line is wider than the width (a wide character in a width of 1
    /// is the one exception: it cannot be split).
    @Test func wrappingKeepsEveryCharacterWithinTheWidth() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab [x, y] ]]][[ 注意力（乘积）。，“引号” *`*` v[i, j] ")
        for _ in 0..<2000 {
            let length = Int.random(in: 0...60, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            let width = Int.random(in: 1...30, using: &generator)
            let lines = TextWrap.wrap([Segment(text: text, style: .plain)], width: width).map { $0.map(\.text).joined() }
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "\(text) at \(width)")
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= max(width, 2) }, "\(text) at \(width): \(lines)")
            let hung = TextWrap.hanging(text, width: width + 12)
            #expect(hung.joined().filter { $0 != " " } == text.filter { $0 != " " }, "\(text) hanging at \(width + 12)")
        }
    }
}
