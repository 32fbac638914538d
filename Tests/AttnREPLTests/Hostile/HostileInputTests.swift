// The attacks of issue 13, each kept as a regression test: transcripts and lessons that try
// to act, terminal escapes from data, special files, torn journals, output that cannot be
// written, and work past the memory budget. Each must fail cleanly (an `error:` message,
// status 1) or succeed correctly; none may write, read or echo anything nobody typed.
import Foundation
import Testing

@Suite("Hostile input")
struct HostileInputTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hostile")

    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attn-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The file-command journal with its placeholders pointing into `dir`, plus the files it
    /// aims at: two that exist (and must keep their bytes) and a secret it tries to read.
    private func armedJournal(in dir: URL) throws -> URL {
        let template = try String(contentsOf: Self.fixtures.appendingPathComponent("file-commands.jsonl"), encoding: .utf8)
        let journal = dir.appendingPathComponent("file-commands.jsonl")
        try template.replacingOccurrences(of: "@DIR@", with: dir.path).write(to: journal, atomically: true, encoding: .utf8)
        try "original".write(to: dir.appendingPathComponent("victim.npy"), atomically: true, encoding: .utf8)
        try "original".write(to: dir.appendingPathComponent("victim.md"), atomically: true, encoding: .utf8)
        try "424242\n".write(to: dir.appendingPathComponent("secret.csv"), atomically: true, encoding: .utf8)
        return journal
    }

    private func expectNothingWasTouched(in dir: URL) throws {
        #expect(try String(contentsOf: dir.appendingPathComponent("victim.npy"), encoding: .utf8) == "original")
        #expect(try String(contentsOf: dir.appendingPathComponent("victim.md"), encoding: .utf8) == "original")
        for created in ["created-by-statement.npy", "created-by-input.json", "created-by-prefix.npy"] {
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent(created).path))
        }
    }

    private func expectNoControlCharacters(_ text: String) {
        #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F..<0xA0).contains($0.value) })
    }

    @Test func replayRunsNoFileCommandFromAnyRecord() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try BinaryRunner.run(["replay", try armedJournal(in: dir).path])
        try expectNothingWasTouched(in: dir)
        #expect(!r.stdout.contains("424242") && !r.stderr.contains("424242"))
        #expect(!r.stdout.contains("root:"))
        for record in [3, 4, 5, 6, 7, 8, 9] { #expect(r.stdout.contains("skipped record \(record): ")) }
        // The settings command is replayed: 1/3 shows three digits as recorded.
        #expect(!r.stdout.contains("statement 2:"))
        // The escape-laden statement is a difference; its text is shown, neutralised.
        #expect(r.stdout.contains("␛]0;pwned␇␛[2J"))
        expectNoControlCharacters(r.stdout + r.stderr)
        #expect(r.status == 1)
    }

    @Test func resumeRunsNoFileCommandEither() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let journal = try armedJournal(in: dir)
        let state = dir.appendingPathComponent("state")
        let sessions = state.appendingPathComponent("attn-repl/sessions")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: journal, to: sessions.appendingPathComponent("2026-11-26T08-17-41-1.jsonl"))
        let r = try BinaryRunner.run([], stdin: ":sessions resume 1\n", environment: ["XDG_STATE_HOME": state.path])
        try expectNothingWasTouched(in: dir)
        #expect(r.stdout.contains("skipped record 3: :save z"))
        #expect(!r.stdout.contains("424242"))
        expectNoControlCharacters(r.stdout + r.stderr)
    }

    @Test func exportsNeutraliseEscapesFromTheTranscript() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let journal = try armedJournal(in: dir)
        for format in ["md", "html"] {
            let r = try BinaryRunner.run(["export", journal.path, "--to", format])
            #expect(r.status == 0)
            #expect(r.stdout.contains("pwned"))
            expectNoControlCharacters(r.stdout)
        }
        // JSON keeps the text exactly, escaped.
        let json = try BinaryRunner.run(["export", journal.path, "--to", "json"])
        #expect(json.stdout.contains("\\u001b]0;pwned\\u0007"))
        #expect(json.stdout.contains("\\u009b31m"))
        expectNoControlCharacters(json.stdout)
    }

    @Test func aLessonsEscapesAreNeutralised() throws {
        for arguments in [["lesson", "--list"], ["run", "escapes"]] {
            let r = try BinaryRunner.run(arguments + ["--lessons", Self.fixtures.path])
            #expect(r.stdout.contains("Esc ␛]0;pwned␇ title") || r.stdout.contains("escapes"))
            expectNoControlCharacters(r.stdout + r.stderr)
        }
    }

    @Test func aLessonBlockOrASetValueCannotRunACommand() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("written-by-lesson.npy")
        let lessons = dir.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        let template = try String(contentsOf: Self.fixtures.appendingPathComponent("commands.md"), encoding: .utf8)
        try template.replacingOccurrences(of: "@TARGET@", with: target.path)
            .write(to: lessons.appendingPathComponent("commands.md"), atomically: true, encoding: .utf8)
        let run = try BinaryRunner.run(["run", "commands", "--lessons", lessons.path])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: "))
        let set = try BinaryRunner.run(["run", "dot-attention", "--set", "x_1=:save x_1 \(target.path)!"])
        #expect(set.status != 0)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func echoedInputIsNeutralisedInErrors() throws {
        let r = try BinaryRunner.run([], stdin: ":\u{1B}]0;x\u{07}\n:lesson \u{1B}[2J\n:load A = \u{1B}[2J.csv\n\u{1B}[2J1\n")
        #expect(r.stderr.contains("␛"))
        expectNoControlCharacters(r.stdout + r.stderr)
    }

    @Test func aTornLastLineIsReportedAndEveryCompleteLineUsed() throws {
        let torn = Self.fixtures.appendingPathComponent("torn.jsonl").path
        let replay = try BinaryRunner.run(["replay", torn])
        #expect(replay.status == 0)
        #expect(replay.stdout == "replayed 2 statements, no differences\n")
        #expect(replay.stderr.contains("torn.jsonl:4: the last line is not a whole record"))
        let export = try BinaryRunner.run(["export", torn, "--to", "md"])
        #expect(export.status == 0)
        #expect(export.stdout.contains("sum(x)"))
    }

    @Test func aBadLineBeforeTheEndIsStillAnError() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("torn.jsonl"), encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        lines.swapAt(2, 3)
        let file = dir.appendingPathComponent("bad.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let r = try BinaryRunner.run(["replay", file.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("bad.jsonl:3: not a transcript record"))
    }

    // MARK: Files

    @Test func exportsAndSavesNeverReplaceWhatIsNotARegularFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.md").path
        #expect(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder.md"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("dangling.md").path, withDestinationPath: dir.appendingPathComponent("nowhere").path)
        let journal = Golden.url("session.jsonl").path
        for target in ["pipe.md", "folder.md", "dangling.md"] {
            let r = try BinaryRunner.run(["export", journal, "--to", "md", "--force", "-o", dir.appendingPathComponent(target).path])
            #expect(r.status == 1)
            #expect(r.stderr.contains("only ever replaces regular files"))
        }
        let device = try BinaryRunner.run(["export", journal, "--to", "md", "--force", "-o", "/dev/null"])
        #expect(device.status == 1)
        #expect(device.stderr.contains("it is a device"))
        var status = stat()
        #expect(lstat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
        #expect(lstat(fifo, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)

        let dangling = dir.appendingPathComponent("dangling.npy").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: dir.appendingPathComponent("nowhere.npy").path)
        let save = try BinaryRunner.run([], stdin: "z = [1, 2]\n:save z \(dangling)\n:save z \(dangling)!\n")
        #expect(save.stderr.components(separatedBy: "a symbolic link to nothing").count == 3)
        #expect(lstat(dangling, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("nowhere.npy").path))
    }

    @Test func loadRefusesAFIFOAtOnce() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // `timeout` turns a hang (the old behaviour) into a failure instead of a stuck test.
        let r = try BinaryRunner.run(["10", BinaryRunner.executable.path], stdin: ":load A = \(fifo)\n:load B = \(dir.path)/\n1 + 1\n",
                                     executable: "/usr/bin/timeout")
        #expect(r.status == 1)
        #expect(r.stderr.contains("it is a FIFO (named pipe), not a regular file"))
        #expect(r.stdout.contains("2"))
    }

    @Test func aHugeOneCellCSVIsRefusedBeforeItBecomesText() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("cell.csv")
        try Data(repeating: UInt8(ascii: "1"), count: 5_000_000).write(to: file)
        let r = try BinaryRunner.run([], stdin: ":load A = \(file.path)\n")
        #expect(r.status == 1)
        #expect(r.stderr.contains("field 1 has 5000000 characters"))
    }

    // MARK: Output that cannot be written

    @Test(arguments: [
        ["eval", "1+1"],
        ["run", "dot-attention"],
        ["export", "@JOURNAL@", "--to", "md"],
        ["replay", "@JOURNAL@"],
        [],
    ])
    func outputThatCannotBeWrittenIsAnError(arguments: [String]) throws {
        let journal = Golden.url("session.jsonl").path
        let args = arguments.map { $0 == "@JOURNAL@" ? journal : $0 }
        let quoted = ([BinaryRunner.executable.path] + args).map { "'\($0)'" }.joined(separator: " ")
        let r = try BinaryRunner.run(["-c", "echo 'softmax([1, 2])' | \(quoted) > /dev/full"], executable: "/bin/bash")
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: cannot write the output (No space left on device)"))
    }

    // MARK: Piped input

    @Test func twentyThousandOpenBracketsEndInOneError() throws {
        let r = try BinaryRunner.run([], stdin: String(repeating: "[\n", count: 20_000) + "1 + 1\n")
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: "))
    }

    @Test func aCommandEndsAnUnfinishedStatementAndRuns() throws {
        let r = try BinaryRunner.run([], stdin: "y = 1 +\n:digits 3\n1/3\nv = [1,\n:vars\n")
        #expect(r.status == 1)
        #expect(r.stderr.components(separatedBy: "error: ").count == 3)
        #expect(r.stdout.contains("digits: 3"))
        #expect(r.stdout.contains("0.333"))
        #expect(!r.stdout.contains("y ="))
    }

    // MARK: Memory

    /// Under an address-space limit the budget follows it, so the statement fails with a
    /// message instead of the process aborting (or swapping) if the guard regresses.
    private func runLimited(_ arguments: [String], memory: String? = nil, addressSpaceKB: Int = 3_000_000) throws -> RunResult {
        let quoted = ([BinaryRunner.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let env = memory.map { "ATTN_MEMORY_LIMIT=\($0) " } ?? ""
        return try BinaryRunner.run(["-c", "ulimit -v \(addressSpaceKB); \(env)exec \(quoted)"], executable: "/bin/bash")
    }

    @Test func printingPastTheBudgetIsRefusedBeforeItStarts() throws {
        let r = try runLimited(["eval", "--digits", "10000", "--format", "json", "rand(2000, 2000, 1)"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("error: printing 4000000 values at 10000 digits would need about"))
        #expect(r.stderr.contains("try --float"))
    }

    @Test func exactAttentionPastTheBudgetStopsWithAMessage() throws {
        let r = try runLimited(["eval", "X = rand(200, 64, 1); sum(sum(attention(X, X, X)))"], memory: "100M")
        #expect(r.status == 1)
        #expect(r.stderr.contains("passed the memory budget of 100 MB"))
        #expect(r.stderr.contains("try --float"))
    }

    @Test func aJSONExactFormPastTheBudgetStopsWithAMessage() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("heavy.json")
        // 400 rows: since weights·V shares its rows (docs/PERFORMANCE.md), 200 rows fit in 150 MB.
        try #"{"shape": [], "exact": ["sum(sum(attention(rand(400, 64, 1), rand(400, 64, 2), rand(400, 64, 3))))"]}"#
            .write(to: file, atomically: true, encoding: .utf8)
        let loaded = try BinaryRunner.run(["-c", "ulimit -v 3000000; echo ':load A = \(file.path)' | ATTN_MEMORY_LIMIT=150M '\(BinaryRunner.executable.path)'"],
                                          executable: "/bin/bash")
        #expect(loaded.status == 1)
        #expect(loaded.stderr.contains("memory budget"))
    }

    @Test func aHeavyStatementInATranscriptStopsAndReplayGoesOn() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let journal = dir.appendingPathComponent("heavy.jsonl")
        try """
            {"type": "start", "version": "0.1.0", "settings": {"digits": 6, "float": false, "trace": false, "language": "en"}}
            {"type": "statement", "input": "X = rand(200, 64, 1); sum(sum(attention(X, X, X)))", "error": "recorded otherwise"}
            {"type": "statement", "input": "1 + 1", "results": [{"shape": [], "exact": ["2"], "values": ["2"]}]}

            """.write(to: journal, atomically: true, encoding: .utf8)
        let r = try runLimited(["replay", journal.path], memory: "100M")
        #expect(r.status == 1)
        #expect(r.stdout.contains("now:      X = [-0.53, "))
        #expect(r.stdout.contains("passed the memory budget of 100 MB"))
        #expect(r.stdout.hasSuffix("replayed 2 statements, 1 difference\n"))
    }

    @Test func theSessionGoesOnAfterAStatementPastTheBudget() throws {
        let quoted = "'\(BinaryRunner.executable.path)'"
        let input = "X = rand(200, 64, 1); sum(sum(attention(X, X, X)))\\nY = rand(100, 100, 1) * rand(100, 100, 2); sum(sum(Y))\\n"
        let r = try BinaryRunner.run(["-c", "ulimit -v 3000000; printf '\(input)' | ATTN_MEMORY_LIMIT=100M \(quoted)"], executable: "/bin/bash")
        #expect(r.status == 1)
        #expect(r.stderr.contains("passed the memory budget"))
        #expect(r.stdout.contains("-320404/625"))
    }

    @Test func aBadMemoryLimitIsAUsageError() throws {
        let r = try BinaryRunner.run(["eval", "1"], environment: ["ATTN_MEMORY_LIMIT": "lots"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("ATTN_MEMORY_LIMIT=lots is not a size"))
    }
}
