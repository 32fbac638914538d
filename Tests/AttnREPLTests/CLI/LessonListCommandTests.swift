// `attn-repl lesson` without an id: on a terminal the full screen opens on the list of lessons
// (the home screen bare `attn-repl` opens), journaled like every screen session; with --list,
// or without a terminal, the list is printed.
import Foundation
import Testing

@Suite("lesson without an id", .enabled(if: TmuxSession.available))
struct LessonListCommandTests {
    /// The journals a session in `tmux` wrote, as lines.
    static func journalLines(_ tmux: TmuxSession) throws -> [Substring] {
        let sessions = tmux.stateDirectory.appendingPathComponent("state/attn-repl/sessions")
        let journals = try FileManager.default.contentsOfDirectory(atPath: sessions.path).filter { $0.hasSuffix(".jsonl") }
        return try journals.flatMap { try String(contentsOf: sessions.appendingPathComponent($0), encoding: .utf8).split(separator: "\n") }
    }

    /// Whether a printed list has dot-attention's line (id, padding, title).
    static func listsDotAttention(_ text: String, titled title: String) -> Bool {
        text.split(separator: "\n").contains { line in
            line.hasPrefix("dot-attention ") && line.dropFirst(13).drop { $0 == " " }.hasPrefix(title)
        }
    }

    @Test func opensTheLessonListToChooseFrom() throws {
        let tmux = try TmuxSession(["lesson"], cols: 80, rows: 24)
        #expect(tmux.waitFor("Enter open"))
        #expect(tmux.screen.contains("Pick a lesson") && tmux.screen.contains("dot-attention"))
        try tmux.send("Down")
        try tmux.send("Enter")
        #expect(tmux.waitFor("step 1/6"))
        #expect(tmux.screen.contains("Dot-product attention"))
        try tmux.type(":leave")
        try tmux.send("Enter")
        #expect(tmux.waitFor("Enter open"))
        try tmux.send("C-d")
        #expect(tmux.waitFor("EXIT=0"))
        // Journaled as bare attn-repl's screen is: a start record, then the lesson opened.
        let lines = try Self.journalLines(tmux)
        #expect(lines.first?.contains("\"type\": \"start\"") == true)
        #expect(lines.contains { $0.contains("\"type\": \"lesson\"") && $0.contains("\"lesson\": \"dot-attention\"") })
    }

    @Test func opensTheListInChineseWithTheLessonsOptions() throws {
        let tmux = try TmuxSession(["lesson", "--lang", "zh", "--digits", "3"], cols: 80, rows: 24)
        #expect(tmux.waitFor("回车 打开"))
        #expect(tmux.screen.contains("点积注意力"))
        try tmux.type("1/3")
        try tmux.send("Enter")
        #expect(tmux.waitFor("0.333"))
        #expect(!tmux.screen.contains("0.33333"))
        try tmux.send("C-d")
        #expect(tmux.waitFor("EXIT=0"))
    }

    /// --list prints the list on a terminal too, and ends.
    @Test func listPrintsOnATerminal() throws {
        let tmux = try TmuxSession(["lesson", "--list"], cols: 250, rows: 40)
        #expect(tmux.waitFor("EXIT=0"))
        let screen = tmux.screen
        #expect(Self.listsDotAttention(screen, titled: "Dot-product attention") && !screen.contains("Enter open"))
    }

    /// Without a terminal (output to a pipe) the list is printed, as before.
    @Test func withoutATerminalPrintsTheList() throws {
        let r = try BinaryRunner.run(["lesson"])
        #expect(r.status == 0)
        let listed = try BinaryRunner.run(["lesson", "--list"])
        #expect(r.stdout == listed.stdout && Self.listsDotAttention(r.stdout, titled: "Dot-product attention"))
        let zh = try BinaryRunner.run(["lesson", "--lang", "zh"])
        #expect(Self.listsDotAttention(zh.stdout, titled: "点积注意力"))
    }
}
