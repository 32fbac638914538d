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

    /// The note under a table of long exact forms points at the commands that show them in the
    /// session (`:why`, `:save`), in both languages, not at a command-line flag, and is wrapped
    /// to 76 columns as hints are; `eval`, a command-line tool, keeps its `--format json`.
    @Test(arguments: ["en", "zh"])
    func longExactFormsPointAtSessionCommands(_ language: String) throws {
        let session = "s = softmax([1/3, 2/7, 5/11, 1/13, 2])\nsoftmax([1/3, 2/7, 5/11; 1/13, 2, 3/5])\n:why s[2]\n"
        let r = try BinaryRunner.run(["--plain", "--lang", language], stdin: session)
        #expect(r.status == 0)
        #expect(r.stdout.contains(language == "en"
            ? "\n(exact forms too long for the table: :why s[i] shows one in full, :save s\nFILE.json writes them all)\n"
            : "\n（精确形式太长，表中未列出：:why s[i] 显示其中一个的完整形式，:save s 文件\n名.json 把全部写入文件）\n"))
        #expect(r.stdout.contains(language == "en"
            ? "\n(exact forms too long for the table: name the value (v = …), then :why\nv[i, j] shows one in full)\n"
            : "\n（精确形式太长，表中未列出：先给这个值起个名字（v = …），再用 :why v[i, j]\n显示其中一个的完整形式）\n"))
        #expect(!r.stdout.contains("--format json"))
        #expect(r.stdout.contains("exp(2/7)/(exp(1/3) + exp(2/7) + exp(5/11) + exp(1/13) + exp(2))"))   // what it says works
        let eval = try BinaryRunner.run(["eval", "--lang", language, "softmax([1/3, 2/7, 5/11, 1/13, 2])"])
        #expect(eval.stdout.contains(language == "en"
            ? "(exact forms too long for the table: see --format json, or the cell cursor on the screen)"
            : "（精确形式太长，表中未列出：可用 --format json 查看，或在屏幕上用单元格光标查看）"))
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
