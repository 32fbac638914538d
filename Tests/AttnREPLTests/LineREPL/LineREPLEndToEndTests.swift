// The line REPL (`attn-repl --plain`) end to end: the real binary on a pseudo-terminal in
// tmux, typed at and read off the terminal, and its history file checked afterwards.
import Foundation
import Testing

@Suite("Line REPL in tmux", .serialized, .enabled(if: TmuxSession.available))
struct LineREPLEndToEndTests {
    // As captured: tmux drops the spaces that end a line.
    static let prompt = "attn›"
    static let continuation = "   …›"

    /// Types a line and presses Enter, once the program is reading.
    private func enter(_ tmux: TmuxSession, _ line: String) throws {
        try typeAtPrompt(tmux, line)
        try tmux.send("Enter")
    }

    /// Types once the prompt is up: keys sent while the program is still busy would be
    /// echoed by the terminal before the prompt is drawn (as in any shell).
    private func typeAtPrompt(_ tmux: TmuxSession, _ text: String) throws {
        #expect(waitForPrompt(tmux))
        try tmux.type(text)
    }

    /// Presses a key once the prompt is up.
    private func press(_ tmux: TmuxSession, _ key: String) throws {
        #expect(waitForPrompt(tmux))
        try tmux.send(key)
    }

    /// Waits until the cursor sits after a prompt on its line.
    private func waitForPrompt(_ tmux: TmuxSession, timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let cursor = ((try? tmux.tmux(["display-message", "-p", "#{cursor_x} #{cursor_y}"])) ?? "")
                .split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            let screen = lines(tmux)
            if cursor.count == 2, cursor[1] < screen.count, cursor[0] >= 6,
               screen[cursor[1]].hasPrefix(Self.prompt) || screen[cursor[1]].hasPrefix(Self.continuation) { return true }
            usleep(50_000)
        }
        return false
    }

    /// Waits until the line the cursor is on (the last one written) is exactly `text`.
    private func waitForLastLine(_ tmux: TmuxSession, _ text: String, timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if lastLine(tmux) == text { return true }
            usleep(50_000)
        }
        return false
    }

    private func lastLine(_ tmux: TmuxSession) -> String {
        String(tmux.screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? "")
            .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }

    private func lines(_ tmux: TmuxSession) -> [String] {
        tmux.screen.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    }

    @Test func aStatementPrintsItsExactAndDecimalValue() throws {
        let tmux = try TmuxSession(["--plain"])
        #expect(tmux.waitFor(Self.prompt))
        try enter(tmux, "x = [1, 2, 3]")
        try enter(tmux, "softmax(x)")
        #expect(tmux.waitFor("0.665241"))
        #expect(tmux.screen.contains("exp(3)/(exp(1) + exp(2) + exp(3))"))
        #expect(waitForLastLine(tmux, Self.prompt))
    }

    /// A matrix too wide for the terminal beside its decimals is laid out to fit: the decimals
    /// go under the exact forms instead of the terminal breaking every row in two.
    @Test func aWideResultIsLaidOutToTheTerminal() throws {
        let tmux = try TmuxSession(["--plain"], cols: 60, rows: 20)
        #expect(tmux.waitFor(Self.prompt))
        try enter(tmux, "softmax([1 2; 3 4])")
        #expect(tmux.waitFor("≈ ⎡ 0.268941  0.731059 ⎤"), "\(tmux.screen)")
        let rows = lines(tmux)
        #expect(rows.contains { $0.hasPrefix("⎡ exp(1)/(exp(1) + exp(2))  exp(2)/(exp(1) + exp(2)) ⎤") })
        #expect(rows.contains("  ⎣ 0.268941  0.731059 ⎦"))
        // A long :why wraps at a space, under itself, not inside a number.
        try enter(tmux, "A = softmax([1 2; 3 4])")
        try enter(tmux, ":why A[2, 1]")
        #expect(tmux.waitFor("0.268941\nattn›"), "\(tmux.screen)")
        let shown = lines(tmux)
        let first = try #require(shown.firstIndex { $0.hasPrefix("A[2, 1] = ") }, "\(tmux.screen)")
        #expect(shown[first + 1].hasPrefix("    ") && shown[first].count < 60)
        #expect(shown[first...].contains { $0.hasSuffix(" 0.268941") })
        #expect(waitForLastLine(tmux, Self.prompt))
    }

    /// Typed at the prompt, a value with long exact forms says how to see them from the prompt.
    @Test func longExactFormsPointAtSessionCommands() throws {
        let tmux = try TmuxSession(["--plain"])
        #expect(tmux.waitFor(Self.prompt))
        try enter(tmux, "s = softmax([1/3, 2/7, 5/11, 1/13, 2])")
        #expect(tmux.waitFor(":why s[i] shows one in full, :save s\nFILE.json writes them all)"))
        #expect(!tmux.screen.contains("--format json"))
        #expect(waitForLastLine(tmux, Self.prompt))
    }

    @Test func anErrorIsReportedAndTheSessionGoesOn() throws {
        let tmux = try TmuxSession(["--plain"])
        #expect(tmux.waitFor(Self.prompt))
        try enter(tmux, "a = 2")
        try enter(tmux, "b = a +* 1")
        #expect(tmux.waitFor("error: expected a value, found '*'"))
        try enter(tmux, "a * 21")
        #expect(tmux.waitFor("42"))
        try enter(tmux, "b")
        #expect(tmux.waitFor("error: unknown name b"))    // the failed statement bound nothing
    }

    @Test func openBracketsContinueOnTheNextLine() throws {
        let tmux = try TmuxSession(["--plain"])
        #expect(tmux.waitFor(Self.prompt))
        try enter(tmux, "A = [1 2")
        #expect(waitForLastLine(tmux, Self.continuation))
        try enter(tmux, "3 4]")
        try enter(tmux, "A[2, 1] * 100")
        #expect(tmux.waitFor("300"))
        #expect(lines(tmux).contains("   …› 3 4]"))
    }

    @Test func upRecallsHistoryAndTheHistoryOutlivesTheSession() throws {
        let binary = "'" + BinaryRunner.executable.path + "'"
        let tmux = try TmuxSession(["--plain"], afterExit: "\(binary) --plain; echo \"SECOND=$?\";")
        #expect(tmux.waitFor(Self.prompt))
        try enter(tmux, "M = [1 2")
        try enter(tmux, "3 4]")
        try enter(tmux, "7 * 6")
        #expect(tmux.waitFor("42"))
        try press(tmux, "Up")
        #expect(waitForLastLine(tmux, "attn› 7 * 6"))
        try tmux.send("C-u")
        #expect(waitForLastLine(tmux, Self.prompt))
        try press(tmux, "C-d")
        #expect(tmux.waitFor("EXIT=0"))
        let history = try String(contentsOf: tmux.stateDirectory.appendingPathComponent("state/attn-repl/history"), encoding: .utf8)
        #expect(history.split(separator: "\n").contains("7 * 6"))
        // The second run (same state directory) starts with that history.
        #expect(waitForLastLine(tmux, Self.prompt))
        try press(tmux, "Up")
        #expect(waitForLastLine(tmux, "attn› 7 * 6"))
        // An input typed over two lines comes back as one entry.
        try press(tmux, "Up")
        #expect(waitForLastLine(tmux, "3 4]"))
        try tmux.send("Enter")
        try enter(tmux, "M[2, 1] * 11")
        #expect(tmux.waitFor("33"))
        try press(tmux, "C-d")
        #expect(tmux.waitFor("SECOND=0"))
    }

    @Test func tabCompletesBuiltInsAndTheLearnersNames() throws {
        let tmux = try TmuxSession(["--plain"])
        #expect(tmux.waitFor(Self.prompt))
        try typeAtPrompt(tmux, "soft")
        try tmux.send("Tab")
        #expect(waitForLastLine(tmux, "attn› softmax"))
        try enter(tmux, "([0, 1])")
        #expect(tmux.waitFor("0.731059"))
        try enter(tmux, "temperature_k = 5")
        try typeAtPrompt(tmux, "temp")
        try tmux.send("Tab")
        #expect(waitForLastLine(tmux, "attn› temperature_k"))
        try tmux.send("C-u")
        try typeAtPrompt(tmux, ":dig")
        try tmux.send("Tab")
        #expect(waitForLastLine(tmux, "attn› :digits"))
        // After :lesson, Tab completes a whole lesson id, `-` and all.
        try tmux.send("C-u")
        try typeAtPrompt(tmux, ":lesson dot-a")
        try tmux.send("Tab")
        #expect(waitForLastLine(tmux, "attn› :lesson dot-attention"))
        try tmux.send("C-u")
        try typeAtPrompt(tmux, ":les concat")
        try tmux.send("Tab")
        #expect(waitForLastLine(tmux, "attn› :les concat-attention"))
    }

    @Test func controlCCancelsTheLineAndKeepsTheVariables() throws {
        let tmux = try TmuxSession(["--plain"])
        #expect(tmux.waitFor(Self.prompt))
        try enter(tmux, "keep = 7")
        #expect(tmux.waitFor("keep ="))
        try typeAtPrompt(tmux, "keep = [9, 9")
        // Ctrl-C also flushes what the terminal holds unread: send it once readline has the text.
        #expect(waitForLastLine(tmux, "attn› keep = [9, 9"))
        try tmux.send("C-c")
        #expect(tmux.waitFor("attn› keep = [9, 9^C"))
        #expect(waitForLastLine(tmux, Self.prompt))
        // Ctrl-C inside an open continuation drops all of it.
        try enter(tmux, "y = [1,")
        #expect(waitForLastLine(tmux, Self.continuation))
        try tmux.send("C-c")
        #expect(waitForLastLine(tmux, Self.prompt))
        try enter(tmux, "keep * 6")
        #expect(tmux.waitFor("42"))
        try enter(tmux, "y")
        #expect(tmux.waitFor("error: unknown name y"))
    }

    @Test func controlCInterruptsALongEvaluation() throws {
        let tmux = try TmuxSession(["--plain"])
        #expect(tmux.waitFor(Self.prompt))
        try enter(tmux, "A = ones(450, 450) / 3; A A")
        // Readline has taken the line once the cursor sits below it: the evaluation is running.
        #expect(waitForLastLine(tmux, "attn› A = ones(450, 450) / 3; A A"))
        #expect(waitForCursorColumnZero(tmux))
        try tmux.send("C-c")
        #expect(tmux.waitFor("error: interrupted"))
        #expect(lines(tmux).contains { $0.hasPrefix("error: interrupted") })   // not after the echoed ^C
        try enter(tmux, "1 + 41")
        #expect(tmux.waitFor("42"))
    }

    private func waitForCursorColumnZero(_ tmux: TmuxSession) -> Bool {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if (try? tmux.tmux(["display-message", "-p", "#{cursor_x}"]))?.trimmingCharacters(in: .whitespacesAndNewlines) == "0" { return true }
            usleep(50_000)
        }
        return false
    }

    @Test func controlDQuitsWithStatusZeroAndRestoresTheTerminal() throws {
        let tmux = try TmuxSession(["--plain"], afterExit: ScreenEndToEndTests.terminalModes)
        #expect(tmux.waitFor(Self.prompt))
        try enter(tmux, "1 +* 2")                     // an error does not make leaving a failure
        #expect(tmux.waitFor("error:"))
        try typeAtPrompt(tmux, "2 + 2")
        try press(tmux, "C-d")                           // not on an empty line: deletes nothing, stays
        try tmux.send("Enter")
        #expect(waitForLastLine(tmux, Self.prompt))
        #expect(lines(tmux).contains("4"))
        try press(tmux, "C-d")
        #expect(tmux.waitFor("MODES"))
        let screen = tmux.screen
        #expect(screen.contains("EXIT=0"))
        #expect(screen.contains("icanon echo") || screen.contains("echo icanon"))
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalAtThePromptEndsTheSessionAndRestoresTheTerminal(_ signal: Int32) throws {
        let tmux = try TmuxSession(["--plain"], afterExit: ScreenEndToEndTests.terminalModes)
        #expect(tmux.waitFor(Self.prompt))
        try typeAtPrompt(tmux, "x = [1")                       // readline has the terminal in its own modes
        let pid = try #require(tmux.programPID)
        kill(pid, signal)
        #expect(tmux.waitFor("MODES"))
        #expect(tmux.screen.contains("icanon echo") || tmux.screen.contains("echo icanon"))
    }

    @Test func aLessonStepsForwardAndBack() throws {
        let tmux = try TmuxSession(["--plain"], rows: 60)
        #expect(tmux.waitFor(Self.prompt))
        try enter(tmux, ":lesson dot-attention")
        #expect(tmux.waitFor("step 1/6"))
        try press(tmux, "C-l")
        try enter(tmux, ":next")
        #expect(tmux.waitFor("step 2/6"))
        #expect(tmux.screen.contains("e_{2,3} = h_2^T x_3"))
        try press(tmux, "C-l")
        try enter(tmux, ":prev")
        #expect(tmux.waitFor("step 1/6"))
        try enter(tmux, ":quit")
        #expect(tmux.waitFor("EXIT=0"))
    }

    @Test func aDumbTerminalGetsPlainPromptsWithoutLineEditing() throws {
        let tmux = try TmuxSession([], environment: ["TERM=dumb"])
        #expect(tmux.waitFor(Self.prompt))
        #expect(!tmux.screen.contains("Pick a"))      // not the full screen
        try enter(tmux, "[1,")
        #expect(tmux.waitFor(Self.continuation))
        try enter(tmux, "2] / 4")
        #expect(tmux.waitFor("0.25"))
        try press(tmux, "C-d")
        #expect(tmux.waitFor("EXIT=0"))
    }
}
