// `attn-repl replay`: an unchanged transcript replays clean; any edited result is reported
// (statement, recorded, now) with exit status 1.
import Foundation
import Testing

@Suite("Transcript replay")
struct TranscriptReplayTests {
    @Test(arguments: ["session.jsonl", "session.json"])
    func anUnchangedTranscriptReplaysWithoutDifferences(file: String) throws {
        let r = try BinaryRunner.run(["replay", Golden.url(file).path])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout == "replayed 15 statements, no differences\n")
    }

    /// Replays the JSON export with one substitution made in it.
    private func replayEdited(_ from: String, _ to: String) throws -> RunResult {
        let dir = try Golden.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let original = try Golden.text("session.json")
        #expect(original.contains(from))
        let edited = dir.appendingPathComponent("edited.json")
        try original.replacingOccurrences(of: from, with: to).write(to: edited, atomically: true, encoding: .utf8)
        return try BinaryRunner.run(["replay", edited.path])
    }

    @Test func aChangedValueIsADifference() throws {
        let r = try replayEdited("\"0.268941\"", "\"0.268942\"")
        #expect(r.status == 1)
        #expect(r.stdout == """
            statement 2: softmax(x)
              recorded: [0.268942, 0.731059]
              now:      [0.268941, 0.731059]
            replayed 15 statements, 1 difference

            """)
    }

    @Test func aChangedExactFormIsShownAsExactForms() throws {
        let r = try replayEdited("[\"1/7\", \"2/7\"", "[\"1/8\", \"2/7\"")
        #expect(r.status == 1)
        #expect(r.stdout.contains("statement 11: M = [1 2 3; 4 5 6] / 7\n  recorded: M = [1/8, 2/7"))
        #expect(r.stdout.contains("  now:      M = [1/7, 2/7"))
    }

    @Test func aRecordedErrorMustFailWithTheSameMessage() throws {
        let r = try replayEdited("did you mean W_K?", "did you mean W_Q?")
        #expect(r.status == 1)
        #expect(r.stdout.contains("statement 8: W_K = [1 2]; W_k\n"
                                  + "  recorded: W_K = [1, 2] (1×2); error: unknown name W_k (did you mean W_Q?) (column 14)\n"
                                  + "  now:      W_K = [1, 2] (1×2); error: unknown name W_k (did you mean W_K?) (column 14)\n"))
    }

    @Test func aWrongAnswerThatIsNowRightIsADifference() throws {
        let r = try replayEdited("\"correct\": false", "\"correct\": true")
        #expect(r.status == 1)
        #expect(r.stdout.contains("statement 12: e_{2,1} = 5\n  recorded: answer to e_{2,1}: correct\n  now:      answer to e_{2,1}: wrong"))
    }

    /// A lesson line with two statements, recorded whole (as journals before part-by-part
    /// recording have it), replays clean: its last part is what was recorded.
    @Test func aLessonLineRecordedWholeReplaysClean() throws {
        let dir = try Golden.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let journal = dir.appendingPathComponent("whole.jsonl")
        try """
            {"type": "start", "version": "0.1.0", "date": "2026-12-03T10:37:14Z", "settings": {"digits": 6, "float": false, "trace": false, "language": "en"}}
            {"type": "lesson", "lesson": "dot-attention", "language": "en", "steps": 6, "step": 2, "solved": []}
            {"type": "statement", "input": "y = [1 0; 0 2]; w = 3", "results": [{"name": "w", "shape": [], "exact": ["3"], "values": ["3"]}]}

            """.write(to: journal, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["replay", journal.path])
        #expect(r.stdout == "replayed 1 statement, no differences\n")
        #expect(r.status == 0)
    }

    @Test func laterSettingsApply() throws {
        // `:digits 10` is replayed: 1/3 then shows ten digits, as recorded.
        let r = try replayEdited("\"0.3333333333\"", "\"0.333333\"")
        #expect(r.status == 1)
        #expect(r.stdout.contains("now:      0.3333333333"))
    }

    @Test func anUnreadableFileIsAnError() throws {
        let r = try BinaryRunner.run(["replay", "/nonexistent/session.jsonl"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: cannot read /nonexistent/session.jsonl"))
    }
}

/// `:load` is journaled with the value it read: replay restores it without the file (SPEC §8:
/// a transcript never makes the program read files).
@Suite("Replaying a :load")
struct LoadReplayTests {
    @Test func aLoadedTensorIsRestoredFromTheTranscriptNotTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("load-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let npy = dir.appendingPathComponent("x.npy")
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/npy/float64_matrix.npy")
        try FileManager.default.copyItem(at: fixture, to: npy)
        let export = dir.appendingPathComponent("session.json")
        let session = try BinaryRunner.run([], stdin: """
            :load X = \(npy.path)
            s = sum(X)
            softmax(X[1])
            :export json \(export.path)

            """)
        #expect(session.status == 0, "\(session.stderr)")
        try FileManager.default.removeItem(at: npy)          // replay must not need it
        let replay = try BinaryRunner.run(["replay", export.path])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stdout == "replayed 2 statements, no differences\n")
        let text = try String(contentsOf: export, encoding: .utf8)
        #expect(text.contains("\"type\": \"load\"") || text.contains("\"type\":\"load\""))
    }
}
