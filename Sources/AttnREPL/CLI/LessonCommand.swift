// `attn-repl lesson [ID]`: opens a lesson on the full screen; without an ID, the screen's list
// of lessons to choose from (as bare `attn-repl` opens it). `--list`, or no terminal, prints
// the list instead.
import ArgumentParser
import Engine

struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Open a lesson; without an id, choose from the list."
    )

    @Argument(help: "The lesson id (without it: the list of lessons to choose from).")
    var id: String?

    @Flag(name: .long, help: "Print the list of lessons.")
    var list = false

    @OptionGroup var numbers: NumberOptions
    @OptionGroup var lessonOptions: LessonOptions

    mutating func run() throws {
        let library = lessonOptions.library()
        let language = lessonOptions.lang
        if !list, id == nil, StandardInput.isTerminal {
            // A learner who types `attn-repl lesson` gets to choose: the screen's home, the
            // list of lessons, journaled as the bare command's screen is (ScreenLauncher).
            let state = ReplState(digits: numbers.digits, float: numbers.float, language: language, library: library)
            Signals.installInterruptHandler()
            if ScreenLauncher.run(state: state, openLesson: false) { return }
        }
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
