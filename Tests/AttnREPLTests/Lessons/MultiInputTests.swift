// A statement that assigns several lesson inputs (`X = …; W_xh = …` on one line) applies them
// together: shapes are checked once, after all of them, and a failure changes nothing.
import Engine
import Foundation
import Testing
@testable import AttnREPL

@Suite("Several inputs in one statement")
struct MultiInputTests {
    /// rnn-attention's input is 3×3 and W_xh 2×3: changing the input size needs both at once.
    static let bothTogether = "X = [1 0; 0 1; 1 1]; W_xh = [0.5 0; 0 1]"

    static func lessonState(_ id: String, language: Language = .en) throws -> ReplState {
        let state = ReplState(digits: 6, float: false, language: language, library: LessonLibrary())
        state.lesson = try LessonSession(lesson: state.library.lesson(id, language: language), display: state.display,
                                         progress: Progress(), saveProgress: false)
        return state
    }

    /// The responder as the screen uses it (the screen draws the lesson itself).
    static func screenResponse(_ state: ReplState, _ text: String) -> Response {
        Responder(state: state, printsLessonSteps: false).respond(to: text)
    }

    @Test func twoInputsThatOnlyFitTogetherAreApplied() throws {
        let state = try Self.lessonState("rnn-attention")
        let r = Self.screenResponse(state, Self.bothTogether)
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.status == "X, W_xh changed: every step recomputed.")
        #expect(r.lessonChanged)
        let lesson = try #require(state.lesson)
        #expect(lesson.value(named: "X")?.shape == .matrix(3, 2))
        #expect(lesson.value(named: "W_xh")?.shape == .matrix(2, 2))
        #expect(lesson.value(named: "S")?.shape == .matrix(3, 2))
    }

    @Test func oneAtATimeTheyAreRefusedAndNothingChanges() throws {
        let state = try Self.lessonState("rnn-attention")
        let before = try #require(state.lesson?.value(named: "S"))
        let r = Self.screenResponse(state, "X = [1 0; 0 1; 1 1]")
        #expect(r.errors.first?.contains("X keeps its previous value") == true, "\(r.errors)")
        #expect(state.lesson?.value(named: "X")?.shape == .matrix(3, 3))
        #expect(state.lesson.map { TensorText.inline($0.value(named: "S")!, digits: 6) } == TensorText.inline(before, digits: 6))
    }

    @Test func aFailureNamesEveryInputAndKeepsTheirValues() throws {
        let state = try Self.lessonState("rnn-attention")
        let r = Self.screenResponse(state, "X = [1 0; 0 1; 1 1]; W_xh = [1 2 3]")
        #expect(r.errors.first?.contains("X, W_xh keep their previous values") == true, "\(r.errors)")
        #expect(state.lesson?.value(named: "X")?.shape == .matrix(3, 3))
        #expect(state.lesson?.value(named: "W_xh")?.shape == .matrix(2, 3))
        let zh = try Self.lessonState("rnn-attention", language: .zh)
        let z = Self.screenResponse(zh, "X = [1 0; 0 1; 1 1]; W_xh = [1 2 3]")
        #expect(z.errors.first?.hasPrefix("错误：") == true)
        #expect(z.errors.first?.contains("X、W_xh 保留原来的值") == true, "\(z.errors)")
    }

    @Test func inputsAndOtherStatementsRunInOrder() throws {
        let state = try Self.lessonState("dot-attention")
        let r = Self.screenResponse(state, "x_1 = [1, 1, 1]; h_2 = [1, 1, 1]; s = h_2^T x_1")
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.lines == ["s = 3"])
        #expect(state.lesson?.value(named: "e_{2,1}").map { TensorText.inline($0, digits: 6) } == "3")
    }

    @Test func theLastOfTwoAssignmentsToOneInputCounts() throws {
        let state = try Self.lessonState("dot-attention")
        _ = Self.screenResponse(state, "x_1 = [9, 9, 9]; x_1 = [1, 1, 1]; h_2 = [1, 1, 1]")
        #expect(state.lesson?.value(named: "e_{2,1}").map { TensorText.inline($0, digits: 6) } == "3")
    }

    @Test func thePlainLineModeAppliesThemTogether() throws {
        let r = try BinaryRunner.run(["--plain"], stdin: ":lesson rnn-attention\n\(Self.bothTogether)\nS\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("X, W_xh changed: every step recomputed."))
        #expect(r.stderr.isEmpty)
    }

    @Test func severalSetOptionsAreAppliedTogether() throws {
        let r = try BinaryRunner.run(["run", "rnn-attention", "--set", "X=[1 0; 0 1; 1 1]", "--set", "W_xh=[0.5 0; 0 1]"])
        #expect(r.status == 0, "\(r.stderr)")
        let alone = try BinaryRunner.run(["run", "rnn-attention", "--set", "X=[1 0; 0 1; 1 1]"])
        #expect(alone.status == 1)
        #expect(alone.stderr.hasPrefix("error: "))
    }

    @Test func multiHeadSaysWhenColumnsDoNotSplitIntoHeads() throws {
        let state = try Self.lessonState("multi-head")
        let r = Self.screenResponse(state, "h = 3")
        #expect(r.errors.first?.contains("4 columns cannot be split into 3 heads") == true, "\(r.errors)")
        #expect(r.errors.first?.contains("h keeps its previous value") == true)
        #expect(Self.screenResponse(state, "h = 4").errors.isEmpty)
    }
}

@Suite("Several inputs on the screen", .serialized, .enabled(if: TmuxSession.available))
struct MultiInputScreenTests {
    @Test func typedOnTheInputLineTheyRecomputeTogether() throws {
        let tmux = try TmuxSession(["lesson", "rnn-attention"], cols: 100, rows: 30)
        #expect(tmux.waitFor("step 1/"))
        try tmux.type("X = [1 0; 0 1; 1 1]")
        try tmux.send("Enter")
        #expect(tmux.waitFor("X keeps its previous value"))
        try tmux.type(MultiInputTests.bothTogether)
        try tmux.send("Enter")
        #expect(tmux.waitFor("X, Wₓₕ changed"))          // named as the screen draws them
    }
}

@Suite("Exercise feedback")
struct ExerciseFeedbackTests {
    @Test func aCorrectAnswerShowsTheValueExactly() throws {
        #expect(Responder.answerText(try AnswerCheckTests.value("[1/2, 3/4]"), digits: 6) == "[1/2, 3/4]")
        #expect(Responder.answerText(try AnswerCheckTests.value("[1 2; 3/4 5]"), digits: 6) == "[1 2; 3/4 5]")
        #expect(Responder.answerText(try AnswerCheckTests.value("[1, 2]"), digits: 6) == "[1, 2]")
        #expect(Responder.answerText(try AnswerCheckTests.value("-1/2"), digits: 6) == "-1/2 = -0.5")
        #expect(Responder.answerText(try AnswerCheckTests.value("softmax([1, 2])"), digits: 6) == "≈ [0.268941, 0.731059]")
    }

    @Test func aWrongAnswerShowsTheWholeHint() throws {
        let state = try MultiInputTests.lessonState("dot-attention")
        let r = MultiInputTests.screenResponse(state, "e_{2,1} = 1")
        #expect(r.lines.first == "✗ not quite; try e_{2,1} again.")
        #expect(r.lines.dropFirst().joined(separator: " ") == "Hint: " + (state.lesson?.currentStep.hint ?? "-"))
        let right = MultiInputTests.screenResponse(state, "e_{2,1} = -0.5")
        #expect(right.status == "✓ correct: e_{2,1} = -1/2 = -0.5")
    }

    /// `[1 0 1 0]` is a row: an answer that should be a vector says how a vector is written.
    @Test func aRowForAVectorSaysHowToWriteAVector() throws {
        let state = try MultiInputTests.lessonState("cross-attention", language: .zh)
        state.lesson?.go(to: 2)
        let r = MultiInputTests.screenResponse(state, "H_first = [1 0 1 0]")
        #expect(r.errors.joined() + r.lines.joined() == "H_first 是 4 维向量，但你的答案是 1×4 矩阵（[1 2 3] 是一行；向量要用逗号分隔：[1, 2, 3]）")
        let english = try MultiInputTests.lessonState("cross-attention")
        english.lesson?.go(to: 2)
        let e = MultiInputTests.screenResponse(english, "H_first = [1 0 1 0; 0 1 0 1]")
        #expect(e.errors.joined() + e.lines.joined() == "H_first is a 4-vector, but the answer is a 2×4 matrix")
    }
}
