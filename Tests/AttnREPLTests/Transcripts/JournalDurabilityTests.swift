// Killing the full-screen program with SIGKILL loses no completed statement: each is in the
// journal before its result is drawn.
import Foundation
import Testing

@Suite("Journal durability in tmux", .serialized, .enabled(if: TmuxSession.available))
struct JournalDurabilityTests {
    @Test func sigkillLosesNoCompletedStatement() throws {
        let tmux = try TmuxSession([])
        #expect(tmux.waitFor("type a formula"))
        let n = 5
        let subscripts = ["₁", "₂", "₃", "₄", "₅"]          // the screen echoes v_1 as v₁
        for k in 1...n {
            try tmux.type("v_\(k) = \(k)/7")
            try tmux.send("Enter")
            #expect(tmux.waitFor("v\(subscripts[k - 1]) = \(k)/7 ≈"))
        }
        let pid = try #require(tmux.programPID)
        kill(pid, SIGKILL)
        #expect(tmux.waitFor("EXIT=137"))
        let sessions = tmux.stateDirectory.appendingPathComponent("state/attn-repl/sessions")
        let files = try FileManager.default.contentsOfDirectory(atPath: sessions.path)
        #expect(files.count == 1)
        let text = try String(contentsOf: sessions.appendingPathComponent(files[0]), encoding: .utf8)
        let records = try text.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let statements = records.filter { $0["type"] as? String == "statement" }
        #expect(statements.count == n)
        #expect(statements.map { $0["input"] as? String } == (1...n).map { "v_\($0) = \($0)/7" })
        #expect(text.hasSuffix("\n"))
    }
}
