// When the journal cannot be written (a full disk; here a file-size limit set on the running
// program), the session goes on and says which statements were not journaled; the journal
// left behind, its last line torn, is still replayed.
import Foundation
import Testing

@Suite("A journal on a full disk", .serialized, .enabled(if: TmuxSession.available))
struct FullDiskJournalTests {
    @Test func theStatementsNotJournaledAreNamedAndTheJournalStillReplays() throws {
        let tmux = try TmuxSession(["--plain"])
        #expect(tmux.waitFor("attn›"))
        try tmux.type("a = 1/3")
        try tmux.send("Enter")
        #expect(tmux.waitFor("a = 1/3 ≈"))
        let sessions = tmux.stateDirectory.appendingPathComponent("state/attn-repl/sessions")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: sessions.path).first)
        let journal = sessions.appendingPathComponent(name)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: journal.path)[.size] as? Int)
        // Room for a few more bytes only: the next record is cut off partway.
        let pid = try #require(tmux.programPID)
        let limit = Process()
        limit.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
        limit.arguments = ["--pid", "\(pid)", "--fsize=\(size + 40)"]
        try limit.run()
        limit.waitUntilExit()
        #expect(limit.terminationStatus == 0)
        try tmux.type("b = 2/3")
        try tmux.send("Enter")
        #expect(waitForJoined(tmux, "\"b = 2/3\" and every statement after it are not journaled"))
        try tmux.type("c = 3/7")
        try tmux.send("Enter")
        #expect(waitForJoined(tmux, "not journaled: c = 3/7"))
        #expect(tmux.waitFor("c = 3/7 ≈"))

        let replay = try BinaryRunner.run(["replay", journal.path])
        #expect(replay.status == 0)
        #expect(replay.stdout == "replayed 1 statement, no differences\n")
        #expect(replay.stderr.contains("the last line is not a whole record"))
    }

    /// Waits for `text` in the pane with wrapped lines joined (the warning names a long path).
    private func waitForJoined(_ tmux: TmuxSession, _ text: String, timeout: Double = 15) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if ((try? tmux.tmux(["capture-pane", "-p", "-J"])) ?? "").contains(text) { return true }
            usleep(50_000)
        }
        return false
    }
}
