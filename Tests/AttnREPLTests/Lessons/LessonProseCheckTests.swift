// What a learner meets reading the built-in lessons' prose, beyond LessonTextTests: a statement
// the text suggests must change something the lesson uses (typing `h = 1/100000` when h is
// computed by the lesson only makes a variable of the learner's own, and nothing on the screen
// moves); code sketches fit 80 columns; no Markdown mark that the screen would show raw.
import Engine
import Foundation
import Testing
@testable import AttnREPL

@Suite("Lesson prose as the learner reads it")
struct LessonProseCheckTests {
    /// The inline code spans of a lesson's prose (`x_1 = [2, 0, 1]`, `:digits 30`, `softmax`).
    static func codeSpans(_ file: LessonSourceFile) -> [String] {
        let pieces = file.prose.replacingOccurrences(of: "\n", with: " ").split(separator: "`", omittingEmptySubsequences: false)
        return pieces.enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The names a piece of code assigns, canonical (`W_{Q}` → `W_Q`); none when it does not parse.
    static func assignedNames(_ code: String) -> [String] {
        guard case let .complete(statements) = Parser.parse(code) else { return [] }
        return statements.compactMap { if case let .assignment(name, _) = $0.kind { return name.canonical }; return nil }
    }

    /// A suggested assignment names an input (every step recomputes), an exercise (an answer),
    /// or a name of the learner's own; never a tensor the lesson computes, which it would only
    /// shadow: the lesson's steps keep using their own value.
    @Test(arguments: LessonSourceFile.all)
    func noSuggestionAssignsATensorTheLessonComputes(_ file: LessonSourceFile) throws {
        let state = try MultiInputTests.lessonState(file.id, language: file.language == "zh" ? .zh : .en)
        let lesson = try #require(state.lesson)
        let inputs = Set(lesson.lesson.inputs.map(\.name))
        let exercises = Set(lesson.lesson.steps.flatMap(\.exercises))
        for code in Self.codeSpans(file) {
            for name in Self.assignedNames(code) where !inputs.contains(name) && !exercises.contains(name) {
                let computedByTheLesson = lesson.value(named: name) != nil
                #expect(!computedByTheLesson,
                        "\(file.testDescription): `\(code)` assigns \(name), which the lesson computes: typing it changes nothing the lesson shows")
            }
        }
    }

    @Test func theComputedNameCheckCanFail() throws {
        let lesson = try #require(try MultiInputTests.lessonState("training").lesson)
        #expect(Self.assignedNames("fd = 1/100000; x = 2") == ["fd", "x"])
        #expect(lesson.value(named: "fd") != nil)                    // computed by the lesson
        #expect(Self.assignedNames("W_{Q} = [1 0; 0 1]") == ["W_Q"])
        #expect(Self.assignedNames("g_{11} = …").isEmpty)            // a pattern, not a statement
    }

    /// A code sketch is kept line for line; the screen indents it inside a margin, so at 80
    /// columns a line longer than 76 breaks in the middle of the code. (lessons/zh: see
    /// LessonTextTests.)
    @Test(arguments: LessonSourceFile.all.filter { $0.language == "en" })
    func englishCodeSketchesFitEightyColumns(_ file: LessonSourceFile) {
        for line in Self.codeSketchLines(file) where line.count > 76 {
            Issue.record("\(file.testDescription): a code line of \(line.count) columns breaks at 80 columns: \(line)")
        }
    }

    /// Lines inside fences shown as code: not ```attn, ```exercise or ```hint.
    static func codeSketchLines(_ file: LessonSourceFile) -> [Substring] {
        var lines: [Substring] = [], inFence = false, inCode = false
        for line in file.text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                let kind = line.dropFirst(3)
                inFence.toggle()
                inCode = inFence && !kind.hasPrefix("attn") && kind != "hint" && kind != "exercise"
                continue
            }
            if inCode { lines.append(line) }
        }
        return lines
    }

    /// The screen renders **bold**, `code`, headings and lists; a single `*word*` or `_word_`
    /// would show its marks raw.
    @Test(arguments: LessonSourceFile.all.filter { $0.language == "en" })
    func englishProseUsesNoEmphasisTheScreenShowsRaw(_ file: LessonSourceFile) {
        for line in file.prose.split(separator: "\n") {
            let outsideCode = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
            if let emphasis = Self.singleMarkEmphasis(in: outsideCode) {
                Issue.record("\(file.testDescription): \(emphasis) shows its marks raw on the screen: \(line)")
            }
        }
    }

    /// `*word*` or `_word …_` as Markdown emphasis: a mark after a space or line start, then a
    /// letter, then the same mark after a letter and before a space or punctuation. A list
    /// marker (`* item`), `**bold**` and subscripts (`W_Q`, `h_{t-1}`) do not match.
    static func singleMarkEmphasis(in text: String) -> String? {
        let pattern = #"(^|[\s(])([*_])(?![*_\s])[^*_`]*?[\p{L}\p{N}.)]\2(?![*_\p{L}\p{N}])"#
        guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
        return String(text[range]).trimmingCharacters(in: .whitespaces)
    }

    @Test func theEmphasisCheckCanFail() {
        #expect(Self.singleMarkEmphasis(in: "the decoder's *previous* state") == "*previous*")
        #expect(Self.singleMarkEmphasis(in: "an _emphasised phrase_ here") == "_emphasised phrase_")
        #expect(Self.singleMarkEmphasis(in: "**bold** and W_Q, h_{t-1}, e_{2,1}, W_Q_new") == nil)
        #expect(Self.singleMarkEmphasis(in: "* a list item") == nil)
        #expect(Self.singleMarkEmphasis(in: "Q[:, (i-1)*d_h+1 : i*d_h]") == nil)
    }
}
