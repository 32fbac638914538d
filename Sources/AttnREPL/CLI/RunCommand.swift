// `attn-repl run ID`: runs a lesson without a screen and prints every step's tensors.
import ArgumentParser
import Engine

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a lesson without a screen and print every step's tensors.",
        discussion: """
            Examples:
              attn-repl run dot-attention
              attn-repl run dot-attention --set 'x_1=[1, 0, 2]' --format markdown
              attn-repl run self-attention --format json --digits 12
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @Argument(help: "The lesson id (see attn-repl lesson --list).")
    var id: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Give an input a value: NAME=EXPR (repeatable).", valueName: "NAME=EXPR"))
    var assignments: [String] = []

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: Format = .text

    @OptionGroup var numbers: NumberOptions
    @OptionGroup var lessonOptions: LessonOptions

    mutating func run() throws {
        Signals.installInterruptHandler()
        let overrides = try assignments.map(InputAssignment.parse)
        let library = lessonOptions.library()
        do {
            let lesson = try library.lesson(id, language: lessonOptions.lang)
            let run = try LessonRunner.run(lesson, overrides: overrides, float: numbers.float)
            try Signals.exitOnInterrupt(language: lessonOptions.lang)
            let tensors = run.steps.flatMap { $0.tensors.map(\.value) }
            do {
                try ResultOutput(digits: numbers.digits, float: numbers.float).checkBudget(tensors, all: format != .text)
            } catch let d as Diagnostic {
                StandardError.write([lessonOptions.lang.strings.errorPrefix + lessonOptions.lang.text(d)])
                throw ExitCode(1)
            }
            var writer = LessonOutput(digits: numbers.digits, float: numbers.float)
            if format == .text { writer.columns = Readline.outputColumns }
            switch format {
            case .text: StandardOutput.write(writer.text(run))
            case .json: StandardOutput.write([writer.json(run).serialized()])
            case .markdown: StandardOutput.write(writer.markdown(run))
            }
        } catch let e as LessonError {
            StandardError.write([lessonOptions.lang.strings.errorPrefix + e.text(in: lessonOptions.lang)])
            throw ExitCode(1)
        }
    }
}

/// `NAME=EXPR` from the command line, with NAME in canonical form.
enum InputAssignment {
    static func parse(_ text: String) throws -> (name: String, expression: String) {
        guard let eq = text.firstIndex(of: "=") else {
            throw UsageText.error("--set takes NAME=EXPR, got '\(text)'")
        }
        let nameText = String(text[..<eq]), expression = String(text[text.index(after: eq)...])
        guard let n = Parser.parseName(nameText) else {
            throw UsageText.error("--set: '\(nameText)' is not a name")
        }
        guard !expression.allSatisfy(\.isWhitespace) else { throw UsageText.error("--set \(n.canonical)= has no value") }
        return (n.canonical, expression)
    }
}
