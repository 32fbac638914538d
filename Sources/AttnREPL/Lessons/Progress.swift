// What a learner has done, per lesson: steps seen, exercises solved. Kept in
// $XDG_STATE_HOME/attn-repl/progress.json and written atomically after each change.
import Engine
import FoundationEssentials

struct LessonProgress: Codable, Equatable {
    var stepsSeen: Set<Int> = []
    var solved: Set<String> = []
    var lastStep = 1
}

struct Progress: Codable, Equatable {
    var lessons: [String: LessonProgress] = [:]

    static func load(from url: URL = StatePaths.progress) -> Progress {
        guard let data = try? Data(contentsOf: url), let p = try? JSONDecoder().decode(Progress.self, from: data) else {
            return Progress()
        }
        return p
    }

    func save(to url: URL = StatePaths.progress) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        guard let data = try? encoder.encode(self) else { return }
        try? AtomicFile.write(data, to: url)
    }

    mutating func saw(_ lesson: String, step: Int) {
        lessons[lesson, default: LessonProgress()].stepsSeen.insert(step)
        lessons[lesson, default: LessonProgress()].lastStep = step
    }

    mutating func solved(_ lesson: String, exercise: String) {
        lessons[lesson, default: LessonProgress()].solved.insert(exercise)
    }

    /// Forgets one lesson, or everything when `lesson` is nil.
    mutating func reset(_ lesson: String?) {
        if let lesson { lessons[lesson] = nil } else { lessons.removeAll() }
    }

    /// `3/5 steps, 1/2 exercises` for the lesson list, in the lesson's language unless told.
    func summary(for lesson: Lesson, in language: Language? = nil) -> String {
        let p = lessons[lesson.id] ?? LessonProgress()
        let exercises = lesson.steps.flatMap(\.exercises)
        let seen = p.stepsSeen.filter { $0 >= 1 && $0 <= lesson.steps.count }.count
        let solved = exercises.filter(p.solved.contains).count
        return (language ?? lesson.language).strings.progress(seen: seen, steps: lesson.steps.count, solved: solved, exercises: exercises.count)
    }
}
