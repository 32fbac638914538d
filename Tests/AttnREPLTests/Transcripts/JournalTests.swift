// The session journal: what a session records, where, and that it survives SIGKILL.
import Foundation
import Testing
@testable import AttnREPL

@Suite("Session journal")
struct JournalTests {
    /// A session recorded in memory, lessons not touching the learner's progress.
    private func session() -> ReplState {
        let state = ReplState(digits: 6, float: false, language: .en, library: LessonLibrary(extraDirectory: nil))
        state.keepsProgress = false
        state.beginTranscript(journal: false)
        return state
    }

    @Test func recordsStatementsSettingsAndLessonNavigation() throws {
        let state = session()
        let responder = Responder(state: state, printsLessonSteps: false)
        for input in ["x = [1, 2]", ":digits 3", "1/3", ":vars", "nope(1)", ":lesson dot-attention", "e_{2,1} = 7", "x_2 = [0, 1, 0]"] {
            _ = responder.respond(to: input)
        }
        state.lesson?.next()                       // as the screen's → key does, without a command
        let events = try #require(state.transcript?.events)
        #expect(events.map(\.type) == [.start, .statement, .command, .statement, .statement, .lesson, .answer, .input, .step])
        #expect(events[0].settings == TranscriptSettings(digits: 6, float: false, trace: false, language: "en"))
        #expect(events[1].results == [TranscriptValue(name: "x", shape: [2], exact: ["1", "2"], values: ["1", "2"])])
        #expect(events[2].settings?.digits == 3)
        #expect(events[3].results?.first?.values == ["0.333"])
        #expect(events[4].error == "error: unknown function nope (column 1)" || events[4].error?.hasPrefix("error: ") == true)
        #expect(events[5].lesson == "dot-attention" && events[5].step == 1 && events[5].steps == 6)
        #expect(events[6].name == "e_{2,1}" && events[6].correct == false)
        #expect(events[7].name == "x_2" && events[7].error == nil)
        #expect(events[8].step == 2 && events[8].title == "The other scores")
    }

    @Test func aFailedStatementIsRecordedAndBindsNothing() throws {
        let state = session()
        _ = Responder(state: state).respond(to: "y = [1, 2] * [1, 2]")
        let event = try #require(state.transcript?.events.last)
        #expect(event.error?.hasPrefix("error: cannot multiply") == true)
        #expect(event.results == [])
        #expect(state.interpreter.environment.variables.isEmpty)
    }

    @Test func aLargeTensorIsRecordedByItsTopLeftBlock() throws {
        let state = session()
        _ = Responder(state: state).respond(to: "X = ones(70, 100) / 2")
        let value = try #require(state.transcript?.events.last?.results?.first)
        #expect(value.shape == [70, 100])
        #expect(value.block == [64, 64])
        #expect(value.values?.count == 4096)
        let latex = ExportMath.latex(value, inline: false)
        #expect(latex.hasPrefix("X = \\begin{bmatrix} 0.5 & 0.5 & 0.5 & 0.5 & 0.5 & 0.5 & 0.5 & \\cdots \\\\ 0.5"))
        #expect(latex.hasSuffix("\\vdots & \\vdots \\end{bmatrix}"))
    }

    @Test func eachRecordIsOneLineThatReadsBack() throws {
        let dir = try Golden.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let transcript = Transcript(journal: true, directory: dir, date: Date(timeIntervalSince1970: 1_800_000_000))
        var start = TranscriptEvent(.start)
        start.settings = TranscriptSettings(digits: 6, float: false, trace: false, language: "zh")
        var statement = TranscriptEvent(.statement)
        statement.input = "a = 1\n# \"quoted\" 注释"
        statement.error = "error: x"
        transcript.append(start)
        // A session in which nothing happened leaves no file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        transcript.append(statement)
        let url = try #require(transcript.journal?.url)
        #expect(url.lastPathComponent == "2027-01-15T08-00-00-\(getpid()).jsonl")
        #expect(transcript.takeWarning() == nil)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 2)
        #expect(try TranscriptDocument.read(url).events == [start, statement])
    }

    @Test func aJournalThatCannotBeWrittenWarnsOnceAndTheSessionGoesOn() throws {
        let dir = try Golden.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("not-a-directory")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let transcript = Transcript(journal: true, directory: file.appendingPathComponent("sessions"))
        transcript.append(TranscriptEvent(.start))
        transcript.append(TranscriptEvent(.statement))
        #expect(transcript.journal == nil)
        #expect(transcript.takeWarning() == "warning: this session is not journaled (\(file.path)/sessions: Not a directory); it goes on unrecorded")
        transcript.append(TranscriptEvent(.statement))
        #expect(transcript.takeWarning() == nil)
        #expect(transcript.events.count == 3)
    }

    @Test func pipedInputIsNotJournaled() throws {
        let dir = try Golden.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try BinaryRunner.run([], stdin: "x = 1\nx + 1\n", environment: ["XDG_STATE_HOME": dir.path])
        #expect(r.stdout == "x = 1\n2\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("attn-repl/sessions").path))
    }

    @Test func sessionsListsJournalsAndResumeRestoresVariablesAndLesson() throws {
        let dir = try Golden.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sessions = dir.appendingPathComponent("attn-repl/sessions")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        let journal = sessions.appendingPathComponent("2026-01-02T03-04-05-99.jsonl")
        try FileManager.default.copyItem(at: Golden.url("session.jsonl"), to: journal)
        let r = try BinaryRunner.run([], stdin: ":sessions\n:sessions resume 1\n:leave\nM[2, 3]\nf(x)\n:sessions resume 2\n",
                                     environment: ["XDG_STATE_HOME": dir.path])
        #expect(r.stdout.contains("1. 2026-11-26 08:17:41 UTC  15 statements  lesson dot-attention  \(journal.path)"))
        #expect(r.stdout.contains("resumed 2026-01-02T03-04-05-99: re-ran 15 statements, 2 with errors; lesson dot-attention at step 2/6"))
        #expect(r.stdout.contains("\n6/7 ≈ 0.857143\n5\n"))
        #expect(r.stderr == "error: no session 2 (:sessions lists them)\n")
    }
}
