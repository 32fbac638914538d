// What a learner reads on the screen, end to end in tmux: a bare `:why` explains the selected
// cell, results name tensors as the rest of the screen does, an unanswered exercise is not
// shown by typing its name, and the note on exact forms too long for a table points at
// commands that work on the screen.
import Foundation
import Testing

@Suite("Screen wording in tmux", .serialized, .enabled(if: TmuxSession.available))
struct ScreenLearnerTests {
    /// No line of the screen is wider than the terminal (nothing is drawn past its edge).
    private func fitsWidth(_ tmux: TmuxSession, _ cols: Int) -> Bool {
        tmux.screen.split(separator: "\n").allSatisfy { $0.count <= cols }
    }

    @Test(arguments: [(80, 24), (120, 40), (50, 16)])
    func bareWhyExplainsTheSelectedCell(_ size: (cols: Int, rows: Int)) throws {
        let tmux = try TmuxSession(["lesson", "self-attention"], cols: size.cols, rows: size.rows)
        #expect(tmux.waitFor("step 1/9"))
        // Nothing selected: a hint that says what to type, not an error.
        try tmux.type(":why")
        try tmux.send("Enter")
        #expect(tmux.waitFor("select a cell"))
        #expect(tmux.waitFor(":why V[1, 1]"))
        #expect(!tmux.screen.contains("error:"))
        // Tab selects the step's newest tensor (V); the cursor moves to V[2, 2].
        try tmux.send("Tab", "Down", "Right")
        #expect(tmux.waitFor("V[2, 2] = 2"))
        try tmux.type(":why")
        #expect(tmux.waitFor("› :why"))
        #expect(tmux.screen.contains("V[2, 2] = 2"))          // the cell stays shown while typing
        try tmux.send("Enter")
        #expect(tmux.waitFor("V[2, 2] = Σₖ X[2, :]·W_V[:, 2]"))
        #expect(fitsWidth(tmux, size.cols))
        if size.rows < 24 {                                    // the pager showed it…
            #expect(tmux.screen.contains("other keys close"))  // …its keys not cut at 50 columns
            try tmux.send("q", "BSpace")
        }
        // Still selected: the arrows move on and the next bare :why explains the next cell.
        try tmux.send("Right")
        #expect(tmux.waitFor("V[2, 3] = 1/2"))
        try tmux.type(":why")
        try tmux.send("Enter")
        #expect(tmux.waitFor("V[2, 3] = Σₖ X[2, :]·W_V[:, 3]"))
        #expect(!tmux.screen.contains("error:"))
        #expect(fitsWidth(tmux, size.cols))
        guard size.rows >= 24 else { return }            // below, the answers open the pager
        // A :why about another name keeps the selection too; anything else run ends it.
        try tmux.type(":why X[2, 1]")
        try tmux.send("Enter")
        #expect(tmux.waitFor("X is an input of this lesson"))
        try tmux.send("Right")
        #expect(tmux.waitFor("V[2, 4] = 0"))
        try tmux.type("1 + 1")
        try tmux.send("Enter")
        #expect(tmux.waitFor("Tab tensor"))              // the lesson's footer, not the cell's
        #expect(tmux.waitUntilGone("V[2, 4] = 0"))
    }

    @Test func bareWhyHintIsChinese() throws {
        let tmux = try TmuxSession(["lesson", "self-attention", "--lang", "zh"], cols: 80, rows: 24)
        #expect(tmux.waitFor("第 1/9 步"))
        try tmux.type(":why")
        try tmux.send("Enter")
        #expect(tmux.waitFor("先选中单元格"))
        try tmux.send("Tab", "Down")
        #expect(tmux.waitFor("V[2, 1] = 0"))
        try tmux.type(":why")
        try tmux.send("Enter")
        #expect(tmux.waitFor("V[2, 1] = Σₖ X[2, :]·W_V[:, 1]"))
        #expect(tmux.waitFor("它用到 X、W_V"))
    }

    /// attention-output at 80×24 on step 2, whose exercise is y_2 (= [3/2, 2, 0]).
    private func atTheExerciseOfAttentionOutput(_ language: String) throws -> TmuxSession {
        let tmux = try TmuxSession(["lesson", "attention-output", "--lang", language], cols: 80, rows: 24)
        #expect(tmux.waitFor(language == "en" ? "step 1/" : "第 1/"))
        try tmux.send("Right")
        #expect(tmux.waitFor(language == "en" ? "step 2/" : "第 2/"))
        return tmux
    }

    /// Typing the name of the step's unanswered exercise does not show its value (it says to
    /// type an answer instead); once answered, the name shows the value as usual.
    @Test(arguments: ["en", "zh"])
    func anUnansweredExerciseIsNotShownByItsName(_ language: String) throws {
        let tmux = try atTheExerciseOfAttentionOutput(language)
        try tmux.type("y_2")
        try tmux.send("Enter")
        #expect(tmux.waitFor(language == "en" ? "y_2 is the exercise: type y_2 = your answer instead (:reveal shows it)"
                                              : "y_2 是这一步的练习：请改为输入 y_2 = 你的答案（:reveal 显示答案）"))
        #expect(!tmux.screen.contains("1.5"))
        try tmux.type("y_2 = [3/2, 2, 0]")
        try tmux.send("Enter")
        #expect(tmux.waitFor("y₂ = [3/2, 2, 0]"))
        try tmux.type("y_2")
        try tmux.send("Enter")
        #expect(tmux.waitFor("⎡ 1.5 ⎤\n ⎢   2 ⎥\n ⎣   0 ⎦"))
        #expect(fitsWidth(tmux, 80))
    }

    /// `:reveal` says on the message line what it showed, as a correct answer's feedback does,
    /// not the step's title; a name that is no exercise of the lesson is refused.
    @Test(arguments: ["en", "zh"])
    func revealSaysWhatItShowed(_ language: String) throws {
        let tmux = try atTheExerciseOfAttentionOutput(language)
        try tmux.type(":reveal y_{2}")
        try tmux.send("Enter")
        #expect(tmux.waitFor(language == "en" ? "answer revealed: y₂ = [3/2, 2, 0]" : "已显示答案：y₂ = [3/2, 2, 0]"), "\(tmux.screen)")
        #expect(tmux.screen.contains("= [1.5, 2, 0]"))            // the formula shows it too
        #expect(fitsWidth(tmux, 80))
        try tmux.type(":reveal c_2")
        try tmux.send("Enter")
        #expect(tmux.waitFor(language == "en" ? "error: c_2 is not an exercise of this lesson" : "错误：c_2 不是这一课的练习"))
    }

    /// Feedback and recompute messages write `y₂`, `c₂` as the formulas and tensor labels do.
    @Test func resultsNameTensorsAsTheScreenDoes() throws {
        let tmux = try TmuxSession(["lesson", "attention-output"], cols: 100, rows: 30)
        #expect(tmux.waitFor("step 1/"))
        try tmux.send("Right")
        #expect(tmux.waitFor("step 2/"))
        #expect(tmux.waitFor("y₂ = W_c z₂ + b_c"))
        try tmux.type("y_2 = [1, 2, 3]")
        try tmux.send("Enter")
        #expect(tmux.waitFor("✗ not quite; try y₂ again."))
        try tmux.type("y_2 = [3/2, 2, 0]")
        try tmux.send("Enter")
        #expect(tmux.waitFor("✓ correct: y₂ = [3/2, 2, 0]"))
        try tmux.type("c_2 = [1, 1/2, 0]")
        try tmux.send("Enter")
        #expect(tmux.waitFor("c₂ changed: every step recomputed."))
        #expect(!tmux.screen.contains("y_2 = [3/2"))
    }

    /// A result wider than the screen beside its decimals is laid out to the output pane: the
    /// decimals under the exact forms, not table rows broken in two by the wrapping.
    @Test func aWideResultIsLaidOutToTheScreen() throws {
        let tmux = try TmuxSession([], cols: 60, rows: 24)
        #expect(tmux.waitFor("dot-attention"))
        try tmux.type("B = softmax([1 2; 3 4])")
        try tmux.send("Enter")
        #expect(tmux.waitFor("≈ ⎡ 0.268941  0.731059 ⎤"), "\(tmux.screen)")
        #expect(tmux.screen.contains("⎡ exp(1)/(exp(1) + exp(2))  exp(2)/(exp(1) + exp(2)) ⎤"))
        #expect(fitsWidth(tmux, 60))
    }

    /// The note under a table of long exact forms names `:why` and `:save` for the value, in
    /// both languages, and never the command line's `--format json`.
    @Test(arguments: ["en", "zh"])
    func longExactFormsPointAtScreenCommands(_ language: String) throws {
        let tmux = try TmuxSession(["--lang", language], cols: 160, rows: 40)
        #expect(tmux.waitFor("dot-attention"))
        try tmux.type("s = softmax([1/3, 2/7, 5/11, 1/13, 2])")
        try tmux.send("Enter")
        #expect(tmux.waitFor(language == "en" ? ":why s[i] shows one in full, :save s FILE.json writes them all"
                                              : ":why s[i] 显示其中一个的完整形式，:save s 文件名.json 把全部写入文件"))
        #expect(!tmux.screen.contains("--format json"))
        try tmux.type("softmax([1/3, 2/7, 5/11; 1/13, 2, 3/5])")
        try tmux.send("Enter")
        #expect(tmux.waitFor(language == "en" ? "name the value (v = …), then :why v[i, j] shows one in full"
                                              : "先给这个值起个名字（v = …），再用 :why v[i, j] 显示其中一个的完整形式"))
        #expect(!tmux.screen.contains("--format json"))
        try tmux.type(":why s[2]")                     // what the note says works
        try tmux.send("Enter")
        #expect(tmux.waitFor("exp(2/7)/(exp(1/3) + exp(2/7) + exp(5/11) + exp(1/13) + exp(2))"))
    }
}
