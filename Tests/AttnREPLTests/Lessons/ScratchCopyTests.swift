// Assigning a name the lesson computes (`e_{2,1} = 4` on a later step) makes a copy for the
// learner's own formulas; the lesson keeps its value, and the learner is told so and how to
// change what the lesson computes (an input), in both languages. Inputs and plain new names
// get no such note.
import Foundation
import Testing

@Suite("Scratch copies of lesson values")
struct ScratchCopyTests {
    func session(_ language: String, _ lines: [String]) throws -> RunResult {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("scratch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        return try BinaryRunner.run(["--plain", "--lang", language], stdin: ([":lesson dot-attention", ":step 3"] + lines).joined(separator: "\n") + "\n",
                                    environment: ["XDG_STATE_HOME": state.path])
    }

    @Test(arguments: [("en", "the lesson computes e_{2,1} itself", "change an input: x_1, x_2, x_3, h_2"),
                      ("zh", "e_{2,1} 由课程自己计算", "请修改输入：x_1、x_2、x_3、h_2")])
    func aLessonValueAssignedIsACopyAndSaysSo(_ language: String, _ note: String, _ inputs: String) throws {
        let r = try session(language, ["e_{2,1} = 4", "alpha_{2,1}", "e_{2,1} + 1"])
        #expect(r.status == 0)
        let flat = r.stdout.replacingOccurrences(of: "\n", with: "")
        #expect(flat.contains(note) && flat.contains(inputs), "\(r.stdout)")
        // The lesson's weight still comes from its own score (-1/2), and the copy is readable.
        #expect(r.stdout.contains("exp(-1/2)/(exp(-1/2) + exp(1) + exp(2)) ≈ 0.0566117"))
        #expect(r.stdout.hasSuffix("5\n"))
    }

    @Test func inputsAndNewNamesGetNoNote() throws {
        let r = try session("en", ["z = 3", "x_1 = [1, 1, 1]"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("the lesson computes"))
        #expect(r.stdout.contains("x_1 changed"))
    }
}
