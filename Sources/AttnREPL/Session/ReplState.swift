// The state of an interactive session, shared by the line REPL and the screen:
// the interpreter, display settings, and the lesson being followed, if any.
import Engine

final class ReplState {
    var interpreter = Interpreter()
    var digits: Int
    var trace = false
    var language: String
    let library: LessonLibrary
    var lesson: LessonSession?
    /// Where variables read by `:load` came from (name → `from emb.npy, float64 data`), shown by
    /// `:vars` until the name is assigned again or cleared.
    var fileOrigins: [String: String] = [:]

    init(digits: Int, float: Bool, language: String, library: LessonLibrary) {
        self.digits = digits
        self.language = language
        self.library = library
        interpreter.float = float
    }

    var float: Bool {
        get { interpreter.float }
        set { interpreter.float = newValue }
    }

    /// Opens a lesson by id (in the session's language), replacing any open one.
    func open(lesson id: String) throws -> LessonSession {
        let l = try library.lesson(id, language: language)
        let session = try LessonSession(lesson: l, digits: digits, float: float)
        lesson = session
        return session
    }

    /// Every name completion could offer: variables, functions, built-ins, commands.
    var completionCandidates: [String] {
        var names = Set(interpreter.environment.knownNames)
        if let lesson { names.formUnion(lesson.run.interpreter.environment.variables.keys) }
        names.formUnion(CommandTable.all.map { ":" + $0.name })
        return names.sorted()
    }
}
