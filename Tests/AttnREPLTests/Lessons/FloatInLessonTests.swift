// `:float on|off` with a lesson open computes the lesson again at once, in the new arithmetic,
// at the same step with the learner's inputs and answers; a session's messages name
// `:float on` where the command line's say `--float`; and a journal of such a session
// replays to the same values.
import Engine
import Foundation
import Testing
@testable import AttnREPL

@Suite(":float in an open lesson")
struct FloatInLessonTests {
    static func lessonState(_ id: String = "self-attention", float: Bool = false, language: Language = .en) throws -> ReplState {
        let state = ReplState(digits: 6, float: float, language: language, library: LessonLibrary())
        state.lesson = try LessonSession(lesson: state.library.lesson(id, language: language), display: state.display,
                                         progress: Progress(), saveProgress: false)
        return state
    }

    static func respond(_ state: ReplState, _ text: String, printsSteps: Bool = true) -> Response {
        Responder(state: state, printsLessonSteps: printsSteps).respond(to: text)
    }

    @Test func floatOnRecomputesTheOpenLessonKeepingStepInputsAndAnswers() throws {
        let state = try Self.lessonState()
        let lesson = try #require(state.lesson)
        _ = Self.respond(state, "X = [1 0 1 0; 1 0 1 0; 1 1 0 0]")
        lesson.go(to: 2)
        lesson.reveal("Q")
        #expect(lesson.value(named: "A")?.isFloat == false)

        let r = Self.respond(state, ":float on")
        #expect(r.errors.isEmpty, "\(r.errors)")
        #expect(r.lines.first == "float mode: results are IEEE double approximations")
        // The step is shown again, as after an input change, with approximate values.
        #expect(r.lines.contains { $0.contains("step 3/") })
        #expect(r.lines.contains { $0.contains("≈") })
        #expect(r.lessonChanged)
        #expect(lesson.float && state.float)
        #expect(lesson.value(named: "A")?.isFloat == true)
        #expect(lesson.step == 2)
        #expect(lesson.overrides.map(\.name) == ["X"])
        #expect(lesson.value(named: "X")?.floatElements == [1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0])
        #expect(lesson.revealed.contains("Q"))
        // The same weights as exactly, to double precision.
        let float = try #require(lesson.value(named: "A")).floatElements

        _ = Self.respond(state, ":float off")
        #expect(!lesson.float && !state.float)
        let exact = try #require(lesson.value(named: "A"))
        #expect(!exact.isFloat)
        for (x, y) in zip(exact.floatElements, float) { #expect(abs(x - y) < 1e-12) }
        #expect(lesson.step == 2)
    }

    /// Typed formulas in the lesson compute in the new arithmetic too.
    @Test func formulasInTheLessonFollowTheSetting() throws {
        let state = try Self.lessonState()
        _ = Self.respond(state, ":float on")
        let r = Self.respond(state, "sum(sum(A))")
        #expect(r.lines.joined().contains("≈"), "\(r.lines)")
        _ = Self.respond(state, ":float off")
        #expect(Self.respond(state, "A[1, 1] * 0 + 1/3").lines.joined().contains("1/3"))
    }

    /// On the screen the step is drawn, not printed: the status says float mode.
    @Test func onTheScreenTheStatusSaysSoAndTheLessonRedraws() throws {
        let state = try Self.lessonState()
        let r = Self.respond(state, ":float on", printsSteps: false)
        #expect(r.lines.isEmpty)
        #expect(r.status == "float mode: results are IEEE double approximations")
        #expect(r.lessonChanged)
        #expect(state.lesson?.value(named: "A")?.isFloat == true)
    }

    @Test func theSameModeAgainChangesNothingAndPrintsNoStep() throws {
        let state = try Self.lessonState(float: true)
        let run = try #require(state.lesson?.value(named: "A"))
        let r = Self.respond(state, ":float on")
        #expect(r.lines == ["float mode: results are IEEE double approximations"])
        #expect(!r.lessonChanged)
        #expect(state.lesson?.value(named: "A")?.floatElements == run.floatElements)
        #expect(state.lesson?.value(named: "A")?.isFloat == true)
    }

    /// The lesson computing again in the new arithmetic fails: nothing changes. A lesson whose
    /// value exact arithmetic refuses stands in for Ctrl-C and the memory budget, which take
    /// the same path (and are shown end to end below).
    @Test func aRecomputeThatFailsChangesNothingAndSaysSo() throws {
        let state = try Self.lessonState(float: true)
        let lesson = try #require(state.lesson)
        // Fine in doubles; exactly, a rational of millions of bits.
        let r0 = Self.respond(state, "X = [1 0 1 0; 0 2 0 1; 1 1 0 0] * (3/7)^1000000 * 10^367000")
        #expect(r0.errors.isEmpty, "\(r0.errors)")
        let before = try #require(lesson.value(named: "A"))
        let r = Self.respond(state, ":float off")
        #expect(r.lines.isEmpty)
        let error = try #require(r.errors.first)
        #expect(error.hasPrefix("error: exact mode not set, nothing changed (still float mode): lesson self-attention could not be computed again exactly: "), "\(error)")
        #expect(error.contains("try :float on"))
        #expect(state.float && lesson.float)
        #expect(lesson.value(named: "A")?.isFloat == true)
        #expect(lesson.value(named: "A")?.floatElements == before.floatElements)
        #expect(lesson.overrides.count == 1)
    }

    @Test func theFailureIsWordedInChineseToo() throws {
        let state = try Self.lessonState(float: true, language: .zh)
        _ = Self.respond(state, "X = [1 0 1 0; 0 2 0 1; 1 1 0 0] * (3/7)^1000000 * 10^367000")
        let r = Self.respond(state, ":float off")
        let error = try #require(r.errors.first)
        #expect(error.contains("未切换到精确模式，一切保持不变"), "\(error)")
        #expect(error.contains(":float on") && !error.contains("--float"))
    }
}

@Suite("A session names :float on, the command line --float")
struct SettingSuggestionWordingTests {
    static let tooManyBits = "x = 3/7; x^1000000"

    @Test(arguments: [Language.en, .zh])
    func aSessionSuggestsTheCommand(language: Language) throws {
        let state = ReplState(digits: 6, float: false, language: language, library: LessonLibrary())
        let r = Responder(state: state).respond(to: Self.tooManyBits)
        let error = r.errors.joined(separator: "\n")
        #expect(error.contains(":float on"), "\(error)")
        #expect(!error.contains("--float"))
    }

    @Test func inALessonToo() throws {
        let state = try FloatInLessonTests.lessonState()
        let error = Responder(state: state).respond(to: "(3/7)^1000000").errors.joined()
        #expect(error.contains("try :float on to compute in IEEE double"), "\(error)")
    }

    @Test func messagesNameTheSettingAsTheReaderCanChangeIt() {
        let d = Diagnostic("cannot prove \(3) digits of \("x"): at the precision cap of \(64) bits\("")\(""); ask for fewer digits (\(setting: .digits)), or use \(setting: .float) for an approximation")
        #expect(d.message == "cannot prove 3 digits of x: at the precision cap of 64 bits; ask for fewer digits (--digits), or use --float for an approximation")
        #expect(d.message(in: .en, naming: .commands)
                == "cannot prove 3 digits of x: at the precision cap of 64 bits; ask for fewer digits (:digits N), or use :float on for an approximation")
        #expect(d.message(in: .zh, naming: .commands) == "无法证明 x 的 3 位数字：已到精度上限 64 位；请减少位数（:digits N），或用 :float on 求近似值")
        #expect(d.message(in: .zh) == "无法证明 x 的 3 位数字：已到精度上限 64 位；请减少位数（--digits），或用 --float 求近似值")
    }

    @Test func evalKeepsTheFlag() throws {
        let r = try BinaryRunner.run(["eval", Self.tooManyBits])
        #expect(r.stderr.contains("try --float to compute in IEEE double"), "\(r.stderr)")
        #expect(!r.stderr.contains(":float"))
    }

    /// The line REPL end to end: `:float on` in a lesson prints the step again, approximate.
    @Test func theLineREPLPrintsTheStepAgainInFloat() throws {
        let r = try BinaryRunner.run(["--plain"], stdin: ":lesson dot-attention\n:step 2\n:float on\n:float off\n(3/7)^1000000\n")
        #expect(r.stdout.contains("""
            float mode: results are IEEE double approximations

            Dot-product attention, one output step — step 2/6: The other scores
            """), "\(r.stdout)")
        let floatPart = r.stdout.components(separatedBy: "float mode:").last ?? ""
        #expect(floatPart.contains("  e_{2,3} = h_2^T x_3\n      ≈ 2\n"))
        #expect(floatPart.contains("exact mode\n\nDot-product attention, one output step — step 2/6"))
        #expect(floatPart.hasSuffix("  e_{2,3} = h_2^T x_3\n      2\n(:next, :prev to move; type formulas to explore)\n"))
        #expect(r.stderr.contains("try :float on"), "\(r.stderr)")
    }
}

@Suite(":float off refused by the memory budget")
struct FloatOffPastTheBudgetTests {
    /// 400 positions computed exactly pass a 100 MB budget: `:float off` is refused, the lesson
    /// stays in doubles, and the session goes on.
    @Test func theLessonStaysInFloatAndTheSessionGoesOn() throws {
        let input = ":float on\\n:lesson self-attention\\nX = rand(400, 4, 1)\\n:float off\\nsum(sum(A))\\n"
        let r = try BinaryRunner.run(["-c", "ulimit -v 3000000; printf '\(input)' | ATTN_MEMORY_LIMIT=100M '\(BinaryRunner.executable.path)' --plain"],
                                     executable: "/bin/bash")
        #expect(r.stderr.contains("error: exact mode not set, nothing changed (still float mode): lesson self-attention could not be computed again exactly: "
                                  + "this computation passed the memory budget of 100 MB (ATTN_MEMORY_LIMIT) and was stopped; try :float on"), "\(r.stderr)")
        #expect(r.stdout.hasSuffix("≈ 400\n"), "\(r.stdout.suffix(200))")
        #expect(!r.stdout.contains("exact mode"))
    }
}

@Suite("Replaying :float in a lesson")
struct FloatInLessonReplayTests {
    /// A session that switched arithmetic inside a lesson replays to the same values: the
    /// recorded float values after `:float on`, the exact ones after `:float off`.
    @Test func theSameValuesReplay() throws {
        let state = try FloatInLessonTests.lessonState()
        state.beginTranscript(journal: false)
        for input in ["X = [1 0 1 0; 1 0 1 0; 1 1 0 0]", "sum(sum(A))", ":float on", "sum(sum(A))", "A[1, 2]",
                      "X = [1 0 1 0; 0 2 0 1; 1 1 0 1]", ":float off", "sum(sum(A))", "A[1, 2]"] {
            let r = Responder(state: state).respond(to: input)
            #expect(r.errors.isEmpty, "\(input): \(r.errors)")
        }
        let transcript = try #require(state.transcript)
        let results = transcript.events.filter { $0.type == .statement }.compactMap { $0.results?.first }
        #expect(results.count == 5)
        // A[1, 2] was computed in doubles after `:float on` (no exact form), exactly after `:float off`.
        #expect(results[2].exact == [nil])
        #expect(results[4].exact?.first??.contains("exp") == true, "\(results[4])")
        // The step is recorded again after each switch, so that exports show the new values.
        let types = transcript.events.map(\.type)
        #expect(types.filter { $0 == .step }.count == 2)

        let summary = TranscriptReplay.run(TranscriptDocument(name: "t", events: transcript.events), library: LessonLibrary())
        #expect(summary.evaluations.count == 7)
        #expect(summary.differences.isEmpty, "\(summary.report())")
        #expect(summary.problems.isEmpty)
    }
}

@Suite(":float in a lesson on the screen", .enabled(if: TmuxSession.available))
struct FloatInLessonScreenTests {
    /// The screen draws the lesson again at once, its values marked approximate, and back.
    @Test func theOpenLessonRedrawsInTheNewArithmetic() throws {
        let tmux = try TmuxSession(["lesson", "dot-attention"], cols: 80, rows: 24)
        #expect(tmux.waitFor("step 1/6"))
        try tmux.type(":step 2")
        try tmux.send("Enter")
        #expect(tmux.waitFor("    = 2"))
        try tmux.type(":float on")
        try tmux.send("Enter")
        #expect(tmux.waitFor("float mode: results are IEEE double approximations"))
        #expect(tmux.waitFor("    ≈ 2"))
        #expect(tmux.screen.contains("step 2/6"))
        try tmux.type(":float off")
        try tmux.send("Enter")
        #expect(tmux.waitFor("exact mode"))
        #expect(tmux.waitUntilGone("≈"))
        #expect(tmux.screen.contains("    = 2"))
    }
}

@Suite(":digits in an open lesson, as :float")
struct DigitsInLessonTests {
    @Test func theStepIsShownAgainWithTheNewDigitsAndRecorded() throws {
        let state = try FloatInLessonTests.lessonState("dot-attention")
        state.beginTranscript(journal: false)
        state.lesson?.go(to: 4)
        let r = FloatInLessonTests.respond(state, ":digits 12")
        #expect(r.lines.first == "digits: 12")
        #expect(r.lines.contains { $0.contains("step 5/6") })
        #expect(r.lines.contains { $0.contains("1.43595590449") }, "\(r.lines)")
        #expect(state.transcript?.events.last?.type == .step)
        // The same digits again, or no lesson: only the setting is said.
        #expect(FloatInLessonTests.respond(state, ":digits 12").lines == ["digits: 12"])
        _ = FloatInLessonTests.respond(state, ":leave")
        #expect(FloatInLessonTests.respond(state, ":digits 6").lines == ["digits: 6"])
    }
}
