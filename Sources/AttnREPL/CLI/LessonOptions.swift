// Options for commands that open lessons: which language, and extra lesson directories.
import ArgumentParser
import Engine

extension Language: ExpressibleByArgument {}

struct LessonOptions: ParsableArguments {
    @Option(name: .long, help: "Language of the lesson prose: en or zh.")
    var lang: Language = .en

    @Option(name: .long, help: "A directory of extra lessons (overrides built-in lessons with the same id).")
    var lessons: String?

    func library() -> LessonLibrary { LessonOptions.library(extraDirectory: lessons, language: lang) }

    /// The lessons, warning on standard error (in `language`) about any that cannot be read.
    static func library(extraDirectory: String?, language: Language = .en) -> LessonLibrary {
        let library = LessonLibrary(extraDirectory: extraDirectory)
        for problem in library.problems { StandardError.write([language.strings.warning(problem.text(in: language))]) }
        return library
    }
}
