// `attn-repl lesson [ID]`: opens a lesson; `--list` lists them.
import ArgumentParser
import Engine

struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Open a lesson, or list the lessons with --list."
    )

    @Argument(help: "The lesson id.")
    var id: String?

    @Flag(name: .long, help: "List the lessons.")
    var list = false

    @OptionGroup var numbers: NumberOptions
    @OptionGroup var lessonOptions: LessonOptions

    mutating func run() throws {
        let library = lessonOptions.library()
        let language = lessonOptions.lang
        if list || id == nil {
            let lessons = library.lessons(language: language)
            let width = lessons.map { DisplayWidth.of($0.id) }.max() ?? 0
            StandardOutput.write(lessons.map { l in
                "\(DisplayWidth.padRight(l.id, width))  \(l.title)" + (l.summary.isEmpty ? "" : " — \(l.summary)")
            })
            return
        }
        guard let id else { return }
        do {
            let state = ReplState(digits: numbers.digits, float: numbers.float, language: language, library: library)
            _ = try state.open(lesson: id)
            Signals.installInterruptHandler()
            if StandardInput.isTerminal, ScreenLauncher.run(state: state, openLesson: true) { return }
            // No terminal: the lesson as text, as `run` prints it.
            let lesson = try library.lesson(id, language: language)
            let run = try LessonRunner.run(lesson, float: numbers.float)
            var writer = LessonOutput(digits: numbers.digits, float: numbers.float)
            writer.columns = Readline.outputColumns
            StandardOutput.write(writer.text(run))
        } catch let e as LessonError {
            StandardError.write([language.strings.errorPrefix + e.text(in: language)])
            throw ExitCode(1)
        }
    }
}
