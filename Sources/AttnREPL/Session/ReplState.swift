// The state of an interactive session, shared by the line REPL and the screen:
// the interpreter, display settings, and the lesson being followed, if any.
import Engine
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

final class ReplState {
    var interpreter = Interpreter()
    /// Digits, float, trace and language, shared with the open lesson.
    let display: DisplaySettings
    let library: LessonLibrary
    var lesson: LessonSession?
    /// The statement that last assigned each variable of the learner's scope (for `:why`).
    var assignments: [String: StatementRecord] = [:]
    /// What the session did, for the journal, :export and replay (nil: not recorded).
    private(set) var transcript: Transcript?
    /// False when replaying: lessons then neither read nor write the learner's progress.
    var keepsProgress = true
    /// Where variables read by `:load` came from (name → `from emb.npy, float64 data`), shown by
    /// `:vars` until the name is assigned again or cleared.
    var fileOrigins: [String: String] = [:]

    init(digits: Int, float: Bool, language: Language, library: LessonLibrary) {
        // A session names commands in its messages (`:float on`): flags cannot be given here.
        display = DisplaySettings(digits: digits, float: float, language: language, settingNames: .commands)
        self.library = library
        interpreter.float = float
    }

    var digits: Int {
        get { display.digits }
        set { display.digits = newValue }
    }

    var trace: Bool {
        get { display.trace }
        set { display.trace = newValue }
    }

    var language: Language {
        get { display.language }
        set { display.language = newValue }
    }

    /// Set by `compute(float:)`, which keeps the open lesson in the same arithmetic.
    private(set) var float: Bool {
        get { display.float }
        set { display.float = newValue; interpreter.float = newValue }
    }

    /// Computes in IEEE double or exactly from now on; the open lesson is computed again at
    /// once, in the new arithmetic. When that fails (Ctrl-C, the memory budget) nothing
    /// changes and the error is thrown.
    func compute(float on: Bool) throws {
        try lesson?.compute(float: on)
        float = on
    }

    /// The program's own words in the session's language.
    var strings: any Strings { display.strings }

    /// Opens a lesson by id (in the session's language), replacing any open one.
    func open(lesson id: String) throws -> LessonSession {
        let l = try library.lesson(id, language: language)
        let session = try LessonSession(lesson: l, display: display,
                                        progress: keepsProgress ? .load() : Progress(), saveProgress: keepsProgress)
        lesson = session
        record(.lesson(session))
        session.stepChanged = { [weak self] s in self?.record(.step(s)) }
        return session
    }

    var settings: TranscriptSettings {
        TranscriptSettings(digits: digits, float: float, trace: trace, language: language.rawValue)
    }

    /// Starts recording: a journal file for an interactive session, memory only otherwise.
    func beginTranscript(journal: Bool) {
        let now = Date()
        let t = Transcript(journal: journal, date: now)
        transcript = t
        t.append(.start(self, date: Transcript.isoDate(now)))
        if let lesson { t.append(.lesson(lesson)) }
    }

    /// Adds a record when the session is recorded (the record is only built then).
    func record(_ event: @autoclosure () -> TranscriptEvent) {
        transcript?.append(event())
    }

    enum ExternalBinding { case scope, lessonScope, lessonInput }

    /// Binds a value that no formula made (read by `:load`, or restored from a transcript)
    /// where an assignment would go: a lesson input recomputes every step, another name joins
    /// the lesson's scratch scope, and without a lesson it joins the learner's scope.
    /// A lesson input that does not fit (a wrong shape) throws the lesson's message.
    func bindExternal(_ name: Name, _ value: Tensor) throws -> ExternalBinding {
        guard let lesson else {
            interpreter.bind(name, value)
            return .scope
        }
        guard lesson.lesson.inputs.contains(where: { $0.name == name.canonical }) else {
            lesson.bind(name, value)
            return .lessonScope
        }
        if case let .failed(e) = lesson.setInput(name.canonical, value: value) { throw e }
        return .lessonInput
    }

    private var lessonListCache: (language: Language, lessons: [Lesson])?

    /// The lessons in teaching order, in the session's language: read from their files once
    /// per language, not on every frame of the home screen or every key typed.
    var lessonList: [Lesson] {
        if let cache = lessonListCache, cache.language == language { return cache.lessons }
        let list = library.lessons(language: language)
        lessonListCache = (language, list)
        return list
    }

    /// What Tab offers after a command that takes a lesson id or a topic.
    var argumentCompletions: [String: [String]] {
        let ids = lessonList.map(\.id)
        return ["lesson": ids, "reset": ids + ["all"], "help": CommandTable.all.map(\.name) + Builtins.names]
    }

    /// Every name completion could offer: variables, functions, built-ins, commands.
    var completionCandidates: [String] {
        var names = Set(interpreter.environment.knownNames)
        if let lesson { names.formUnion(lesson.run.interpreter.environment.variables.keys) }
        names.formUnion(CommandTable.all.map { ":" + $0.name })
        return names.sorted()
    }
}
