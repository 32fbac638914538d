// The line mode without a terminal: statements from a pipe, results on standard output,
// errors on standard error, no prompts and no escape codes, with or without --plain.
import Foundation
import Testing

@Suite("line mode through a pipe")
struct PipedLineModeTests {
    @Test(arguments: [[], ["--plain"]])
    func noPromptsNoGreetingNoEscapeCodes(_ arguments: [String]) throws {
        let r = try BinaryRunner.run(arguments, stdin: "x = [1, 2]\nx[2] * 21\n")
        #expect(r.status == 0)
        #expect(r.stdout == "x =\n  ⎡ 1 ⎤\n  ⎣ 2 ⎦\n42\n")
        #expect(r.stderr.isEmpty)
    }

    @Test func errorsMidSessionGoToStandardErrorInOrderAndBindNothing() throws {
        let r = try BinaryRunner.run(["--plain"], stdin: "a = 1;\nb = a +* 2\na + 1\n:bogus\nb\na + 2\n")
        #expect(r.status == 1)
        #expect(r.stdout == "2\n3\n")
        let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 3)
        #expect(errors.first?.contains("expected a value, found '*'") == true)
        #expect(errors.dropFirst().first?.contains("unknown command :bogus") == true)
        #expect(errors.last?.contains("unknown name b") == true)
        #expect(!r.stdout.contains("\u{1B}") && !r.stderr.contains("\u{1B}"))
    }

    @Test func quitStopsReading() throws {
        let r = try BinaryRunner.run([], stdin: "1 + 1\n:quit\n2 + 2\n")
        #expect(r.status == 0)
        #expect(r.stdout == "2\n")
    }

    @Test func anInputEndingInsideBracketsIsAnError() throws {
        let r = try BinaryRunner.run([], stdin: "1 + 1\nv = [1,\n2")
        #expect(r.status == 1)
        #expect(r.stdout == "2\n")
        #expect(r.stderr.hasPrefix("error: the input ended early"))
    }

    @Test func aLessonStepsForwardAndBackAsText() throws {
        // Progress is kept per user: a fresh state directory so the lesson opens at step 1.
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("attn-piped-lesson-\(getpid())")
        defer { try? FileManager.default.removeItem(at: state) }
        let r = try BinaryRunner.run(["--plain"], stdin: ":lesson dot-attention\n:next\n:prev\n",
                                     environment: ["XDG_STATE_HOME": state.path])
        #expect(r.status == 0)
        let headings = r.stdout.split(separator: "\n").filter { $0.contains(" — step ") }
        #expect(headings.map { $0.contains("step 1/6") } == [true, false, true])
        #expect(headings.dropFirst().first?.contains("step 2/6") == true)
        #expect(r.stdout.contains("  e_{2,3} = h_2^T x_3\n      2\n"))
    }
}
