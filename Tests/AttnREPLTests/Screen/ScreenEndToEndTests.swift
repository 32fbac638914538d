// The full screen end to end: the real binary in tmux, driven by keys, read off the screen.
import Foundation
import Testing

@Suite("Screen in tmux", .serialized, .enabled(if: TmuxSession.available))
struct ScreenEndToEndTests {
    /// After the program ends, the shell prints the terminal's modes: `icanon` and `echo`
    /// (not `-icanon`, `-echo`) mean the terminal was restored.
    static let terminalModes = "stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo MODES;"

    @Test func stepsThroughDotAttentionAndChecksAnExercise() throws {
        let tmux = try TmuxSession(["lesson", "dot-attention"])
        #expect(tmux.waitFor("step 1/6"))
        try tmux.send("End")                          // the input line is empty: the last step…
        #expect(tmux.waitFor("step 6/6"))
        try tmux.send("Home")                         // …and back to the first
        #expect(tmux.waitFor("step 1/6"))
        #expect(tmux.screen.contains("predict"))
        try tmux.type("e_{2,1} = -1/2")
        try tmux.send("Enter")
        #expect(tmux.waitFor("✓ correct"))
        #expect(tmux.screen.contains("✓ correct: e₂,₁ = -1/2"))   // the feedback shows the value, named as on the screen
        try tmux.send("Right")
        #expect(tmux.waitFor("step 2/6"))
        try tmux.send("PageDown")
        #expect(tmux.waitFor("e₂,₃ = h₂ᵀ x₃"))
        try tmux.send("C-Right")
        #expect(tmux.waitFor("step 3/6"))
        try tmux.send("PageDown", "PageDown")
        #expect(tmux.waitFor("0.689672"))            // α₂,₃ of the default inputs
        try tmux.send("M-n", "M-n")
        #expect(tmux.waitFor("step 5/6"))
        try tmux.send("End")
        #expect(tmux.waitFor("step 6/6"))
        try tmux.send("Left")
        #expect(tmux.waitFor("step 5/6"))
        try tmux.send("PageDown", "PageDown", "PageDown")
        #expect(tmux.waitFor("1.43596"))              // c₂[1]
    }

    @Test func changingAnInputRecomputesTheContext() throws {
        let tmux = try TmuxSession(["lesson", "dot-attention"])
        #expect(tmux.waitFor("step 1/6"))
        try tmux.send("End", "Left")
        #expect(tmux.waitFor("step 5/6"))
        try tmux.send("PageDown", "PageDown", "PageDown")
        #expect(tmux.waitFor("1.43596"))
        try tmux.type("x_3 = [5, 10, -5]")
        try tmux.send("Enter")
        #expect(tmux.waitFor("x₃ changed"))
        #expect(tmux.waitUntilGone("1.43596"))
        #expect(tmux.screen.contains("4.99"))          // c₂ is now almost x₃
    }

    /// Chinese text on the input line (a comment here) is edited and submitted intact.
    @Test func chineseInputIsEditedAtDoubleWidth() throws {
        let tmux = try TmuxSession(["lesson", "dot-attention", "--lang", "zh"])
        #expect(tmux.waitFor("第 1/6 步"))
        try tmux.type("x_1 = [2, 0, 1]  # 改变输入X")
        try tmux.send("BSpace")
        #expect(tmux.waitFor("› x_1 = [2, 0, 1]  # 改变输入"))
        try tmux.send("Enter")
        #expect(tmux.waitFor("x₁ 已更改"))
    }

    /// The help opens over the whole screen, laid out to its width; a typed key closes it and
    /// is not lost. Long output opens in the same scrollable pager.
    @Test func helpAndLongOutputOpenAScrollablePager() throws {
        let tmux = try TmuxSession(["lesson", "dot-attention"], cols: 80, rows: 20)
        #expect(tmux.waitFor("step 1/6"))
        try tmux.type(":help")
        try tmux.send("Enter")
        #expect(tmux.waitFor("Help, lines 1–18 /"))
        #expect(tmux.screen.split(separator: "\n").allSatisfy { $0.count <= 80 })
        try tmux.send("End")
        #expect(tmux.waitFor(":why NAME[i, j]"))
        try tmux.type("q")
        #expect(tmux.waitFor("step 1/6"))
        #expect(tmux.waitFor("› q"))
        try tmux.send("Escape")
        try tmux.send("F1")
        #expect(tmux.waitFor("Help, lines 1–18 /"))
        try tmux.send("Escape")
        #expect(tmux.waitUntilGone("Help, lines"))
        try tmux.type(":lesson")
        try tmux.send("Enter")
        #expect(tmux.waitFor("Output, lines 1–"))
    }

    @Test func historyAndCompletionWorkOnTheInputLine() throws {
        let tmux = try TmuxSession(["lesson", "dot-attention"])
        #expect(tmux.waitFor("step 1/6"))
        try tmux.type("soft")
        try tmux.send("Tab")
        #expect(tmux.waitFor("› softmax"))
        try tmux.type("([1, 2, 3])")
        try tmux.send("Enter")
        #expect(tmux.waitFor("0.665241"))
        try tmux.send("Enter", "Up")
        #expect(tmux.waitFor("› softmax([1, 2, 3])"))
        try tmux.send("Escape")
        #expect(tmux.waitUntilGone("› softmax([1, 2, 3])"))
        try tmux.send("C-d")
        #expect(tmux.waitFor("EXIT=0"))
        let history = try String(contentsOf: tmux.stateDirectory.appendingPathComponent("state/attn-repl/history"), encoding: .utf8)
        #expect(history.contains("softmax([1, 2, 3])"))
    }

    @Test func followsResizesAndAsksForRoomWhenTooSmall() throws {
        let tmux = try TmuxSession(["lesson", "dot-attention"])
        #expect(tmux.waitFor("step 1/6"))
        try tmux.resize(cols: 60, rows: 20)
        #expect(tmux.waitFor("step 1/6"))
        #expect(tmux.screen.split(separator: "\n").allSatisfy { $0.count <= 60 })
        try tmux.resize(cols: 30, rows: 10)
        #expect(tmux.waitFor("Enlarge"))
        try tmux.resize(cols: 100, rows: 30)
        #expect(tmux.waitFor("step 1/6"))
    }

    @Test func quitRestoresTheTerminal() throws {
        let tmux = try TmuxSession(["lesson", "dot-attention"], afterExit: Self.terminalModes)
        #expect(tmux.waitFor("step 1/6"))
        try tmux.send("C-d")
        #expect(tmux.waitFor("MODES"))
        let screen = tmux.screen
        #expect(screen.contains("EXIT=0"))
        #expect(screen.contains("icanon echo") || screen.contains("echo icanon"))
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalEndsTheSessionAndRestoresTheTerminal(_ signal: Int32) throws {
        let tmux = try TmuxSession(["lesson", "dot-attention"], afterExit: Self.terminalModes)
        #expect(tmux.waitFor("step 1/6"))
        let pid = try #require(tmux.programPID)
        kill(pid, signal)
        #expect(tmux.waitFor("MODES"))
        #expect(tmux.screen.contains("icanon echo") || tmux.screen.contains("echo icanon"))
    }

    @Test func controlCOnAnEmptyLineDoesNotLoseTheSession() throws {
        let tmux = try TmuxSession(["lesson", "dot-attention"])
        #expect(tmux.waitFor("step 1/6"))
        try tmux.type("x_1 = [9")
        #expect(tmux.waitFor("› x_1 = [9"))
        try tmux.send("C-c")
        #expect(tmux.waitFor("cancelled"))
        try tmux.send("C-c")
        #expect(tmux.waitFor("Ctrl-D on an empty line"))
        try tmux.send("Right")
        #expect(tmux.waitFor("step 2/6"))
    }

    @Test func homeListsTheLessonsAndOpensOne() throws {
        let tmux = try TmuxSession([])
        #expect(tmux.waitFor("dot-attention"))
        #expect(tmux.screen.contains("attention, computed exactly"))
        try tmux.send("Down")
        try tmux.send("Enter")
        #expect(tmux.waitFor("step 1/"))
        try tmux.type(":leave")
        try tmux.send("Enter")
        #expect(tmux.waitFor("Enter open"))           // back on the list
        try tmux.send("C-d")
        #expect(tmux.waitFor("EXIT=0"))
    }

    @Test func pastedGarbageIsAnErrorNotACrash() throws {
        let tmux = try TmuxSession(["lesson", "dot-attention"])
        #expect(tmux.waitFor("step 1/6"))
        try tmux.type("[[[((( ]] \u{7f}\u{1}漢字 ;;; ^^^")
        try tmux.send("Enter")
        #expect(tmux.waitFor("error:"))
        try tmux.send("C-Right")
        #expect(tmux.waitFor("step 2/6"))
    }

    /// Every printable key types, on the lesson list and in a lesson: answers and formulas that
    /// start with q, n or p are never taken for commands.
    @Test(arguments: [[], ["lesson", "rnn-attention"]])
    func typingIsNeverStolen(_ arguments: [String]) throws {
        let tmux = try TmuxSession(arguments, cols: 80, rows: 24)
        #expect(tmux.waitFor(arguments.isEmpty ? "Enter open" : "step 1/"))
        for text in ["q = 5", "n_x = [1, 2]", "p = 2", "norm([3, 4])"] {
            try tmux.type(text)
            #expect(tmux.waitFor("› " + text), "\(text)")
            try tmux.send("Enter")
            #expect(tmux.waitUntilGone("› " + text))
        }
        #expect(tmux.waitFor("5"))                    // norm([3, 4]) ran
        #expect(tmux.screen.contains(arguments.isEmpty ? "Enter open" : "step 1/"))
        try tmux.type("q")
        #expect(tmux.waitFor("› q"))
        #expect(!tmux.screen.contains("EXIT="))
    }

    /// Ctrl-C stops a 3000-digit evaluation at once (it takes tens of seconds otherwise), on the
    /// screen and in the line REPL, and the session goes on.
    @Test(arguments: [[], ["--plain"]])
    func controlCStopsALongEvaluation(_ arguments: [String]) throws {
        let tmux = try TmuxSession(arguments, cols: 100, rows: 30)
        #expect(tmux.waitFor(arguments.isEmpty ? "Enter open" : "attn›"))
        try tmux.type("a = 7")
        try tmux.send("Enter")
        try tmux.type(":digits 3000")
        try tmux.send("Enter")
        #expect(tmux.waitFor("3000"))
        try tmux.type("sum(exp(rand(200, 200, 3)))")
        try tmux.send("Enter")
        usleep(1_500_000)
        try tmux.send("C-c")
        #expect(tmux.waitFor("interrupted", timeout: 5))
        // The journal records the statement as interrupted (replay skips it).
        let sessions = tmux.stateDirectory.appendingPathComponent("state/attn-repl/sessions")
        let journals = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasSuffix(".jsonl") }
        let lines = try journals.flatMap { try String(contentsOf: sessions.appendingPathComponent($0), encoding: .utf8).split(separator: "\n") }
        #expect(lines.contains { $0.contains("sum(exp(rand(200, 200, 3)))") && $0.contains("\"interrupted\"") && $0.contains("true") })
        try tmux.type(":digits 6")
        try tmux.send("Enter")
        try tmux.type("a + 1")
        try tmux.send("Enter")
        #expect(tmux.waitFor("8"))
    }

    /// A crash (induced in debug builds only) leaves the alternate screen and the tty modes restored.
    @Test(arguments: ["segv", "abort"])
    func aCrashRestoresTheTerminal(_ kind: String) throws {
        let tmux = try TmuxSession(["lesson", "dot-attention"], environment: ["ATTN_DEBUG_CRASH=\(kind)"], afterExit: Self.terminalModes)
        #expect(tmux.waitFor("step 1/6"))
        #expect(try tmux.tmux(["display-message", "-p", "#{alternate_on}"]).hasPrefix("1"))
        try tmux.send("x")
        #expect(tmux.waitFor("MODES"))
        #expect(try tmux.tmux(["display-message", "-p", "#{alternate_on}"]).hasPrefix("0"))
        #expect(tmux.screen.contains("icanon echo") || tmux.screen.contains("echo icanon"))
        #expect(!tmux.screen.contains("EXIT=0"))
    }
}
