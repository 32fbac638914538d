// A long statement on the screen, end to end in tmux: the screen says it is computing and that
// Ctrl-C stops it, Ctrl-C does, the input keeps its old value, and the normal frame returns.
import Foundation
import Testing

@Suite("Screen while computing, in tmux", .serialized, .enabled(if: TmuxSession.available))
struct ScreenBusyEndToEndTests {
    /// (language, the busy footer, what Ctrl-C reports, step 1's header)
    static let languages = [
        ("en", "computing…", "Ctrl-C stops", "interrupted", "step 1/"),
        ("zh", "正在计算…", "Ctrl-C 停止", "已中断", "第 1/"),
    ]

    @Test(arguments: languages)
    func controlCStopsALongStatementAndKeepsTheOldInput(_ language: (String, String, String, String, String)) throws {
        let (lang, computing, stopKey, interrupted, firstStep) = language
        let tmux = try TmuxSession(["lesson", "self-attention", "--lang", lang], cols: 80, rows: 24)
        #expect(tmux.waitFor(firstStep))
        // Seconds of exact softmax over 300 positions even in a release build.
        try tmux.type("X = rand(300, 4, 7)")
        try tmux.send("Enter")
        #expect(tmux.waitFor(computing, timeout: 30))
        #expect(tmux.screen.contains(stopKey))
        try tmux.send("C-c")
        #expect(tmux.waitFor(interrupted, timeout: 30))
        #expect(tmux.waitUntilGone(computing, timeout: 30))
        try tmux.type("rows(X) + 1000")                               // nothing was bound: X has 3 rows
        try tmux.send("Enter")
        #expect(tmux.waitFor("1003", timeout: 30))
        // A statement that finishes: the normal frame returns, with its result.
        try tmux.type("X = rand(5, 4, 7)")
        try tmux.send("Enter")
        #expect(tmux.waitUntilGone(computing, timeout: 120))
        try tmux.type("rows(X) + 1000")
        try tmux.send("Enter")
        #expect(tmux.waitFor("1005", timeout: 30))
        #expect(!tmux.screen.contains("EXIT="))
    }
}
