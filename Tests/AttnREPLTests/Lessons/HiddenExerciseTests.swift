// An exercise's value stays hidden until it is answered or revealed (SPEC §5): a statement
// that reads it (`y_2`, `y_2[1] + 0`, `z = y_2`) says so instead of showing it, in both
// languages; once answered or revealed, typing its name shows it as usual. End to end through
// the line mode; the screen's test is in Screen/ScreenLearnerTests.swift.
import Foundation
import Testing

@Suite("Hidden exercises in the line mode")
struct HiddenExerciseTests {
    static let hidden = [
        "en": "y_2 is the exercise: type y_2 = your answer instead (:reveal shows it)",
        "zh": "y_2 是这一步的练习：请改为输入 y_2 = 你的答案（:reveal 显示答案）",
    ]
    /// y_2 at the lesson's default inputs, as a bare value prints it.
    static let value = "⎡ 1.5 ⎤\n⎢   2 ⎥\n⎣   0 ⎦\n"

    func session(_ language: String, _ lines: [String]) throws -> RunResult {
        // Progress is kept per user: a fresh state directory so the exercise is unanswered.
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("hidden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        return try BinaryRunner.run(["--plain", "--lang", language], stdin: ([":lesson attention-output", ":step 2"] + lines).joined(separator: "\n") + "\n",
                                    environment: ["XDG_STATE_HOME": state.path])
    }

    @Test(arguments: ["en", "zh"])
    func readingAnUnansweredExerciseDoesNotShowIt(_ language: String) throws {
        let r = try session(language, ["y_2", "y_2[1] + 0", "z = y_2", "z"])
        let hidden = try #require(Self.hidden[language])
        #expect(r.stdout.components(separatedBy: hidden + "\n").count - 1 == 3)
        #expect(!r.stdout.contains("1.5"))
        #expect(r.stderr.contains("z"))                  // z was never bound
    }

    @Test(arguments: ["en", "zh"])
    func onceAnsweredOrRevealedItsNameShowsIt(_ language: String) throws {
        let answered = try session(language, ["y_2 = [3/2, 2, 0]", "y_2"])
        #expect(answered.stdout.hasSuffix(Self.value))
        let revealed = try session(language, [":reveal", "y_2"])
        #expect(revealed.stdout.hasSuffix(Self.value))
        #expect(!(answered.stdout + revealed.stdout).contains(try #require(Self.hidden[language])))
    }

    /// Working it out from the formula is what the exercise asks for: that is shown.
    @Test func theFormulaItselfCanBeEvaluated() throws {
        let r = try session("en", ["W_c z_2 + b_c"])
        #expect(r.stdout.hasSuffix(Self.value))
    }
}
