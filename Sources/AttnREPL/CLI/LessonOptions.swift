// Options for commands that open lessons: which language, and extra lesson directories.
import ArgumentParser
import Engine

extension Language: ExpressibleByArgument {}

struct LessonOptions: ParsableArguments {
    @OptionGroup var language: LanguageOption
    var lang: Language { language.lang }

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

/// `--lang`: the language of the lessons and of every command's headings and messages. The
/// root command has it (in `LessonOptions`), so it may come before the subcommand; an option
/// group of a type the root already decoded is given the root's value, so `attn-repl --lang zh
/// eval …` and `attn-repl eval --lang zh …` mean the same.
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Language of the lessons and messages: en or zh.")
    var lang: Language = .en
}

/// A command whose messages have a language: the one `StandardOutput.exit` reports a lost
/// write in.
protocol SpeaksALanguage {
    var language: Language { get }
}

extension AttnREPLCommand: SpeaksALanguage { var language: Language { lessonOptions.lang } }
extension RunCommand: SpeaksALanguage { var language: Language { lessonOptions.lang } }
extension LessonCommand: SpeaksALanguage { var language: Language { lessonOptions.lang } }
extension EvalCommand: SpeaksALanguage { var language: Language { languageOption.lang } }
extension ReplayCommand: SpeaksALanguage { var language: Language { languageOption.lang } }
extension ExportCommand: SpeaksALanguage { var language: Language { languageOption.lang } }
