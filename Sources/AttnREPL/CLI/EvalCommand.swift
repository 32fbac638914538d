// `attn-repl eval PROGRAM`: evaluate statements and print the value of the last one.
import ArgumentParser
import Engine
#if canImport(Glibc)
import Glibc
#endif

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a program and print the value of its last statement.",
        discussion: """
            Statements are separated by ';' or newlines. Use '-' to read the program from standard input.
            Examples:
              attn-repl eval 'softmax([1, 2, 3])'
              attn-repl eval --format json --digits 20 'h_2 = [1, 0, 3]; x_1 = [2, -1, 0.5]; h_2^T x_1'
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var numbers: NumberOptions

    @Flag(name: .long, help: "Also print every intermediate value.")
    var trace = false

    @OptionGroup var languageOption: LanguageOption

    @Argument(parsing: .allUnrecognized, help: "The program (quote it), or '-' for standard input.")
    var program: [String] = []

    /// `--word` or `--word=value`.
    static func looksLikeOption(_ word: String) -> Bool {
        guard word.hasPrefix("--"), let c = word.dropFirst(2).first else { return false }
        return c.isASCII && c.isLetter
    }

    mutating func run() throws {
        Signals.installInterruptHandler()
        // The program is collected from unrecognized words so that `eval -1` and `eval '-x'` are
        // programs (a leading minus is a formula); a word like `--bogus` is an unknown option.
        if let option = program.first(where: EvalCommand.looksLikeOption) {
            throw UsageText.error("unknown option '\(Sanitize.text(option))' (a program cannot start with --; write - -x for a double negation)")
        }
        var text = program.joined(separator: " ")
        if text == "-" { text = StandardInput.readAll() }
        guard !text.allSatisfy(\.isWhitespace) else {
            throw UsageText.error("give a program to evaluate, e.g. attn-repl eval 'softmax([1, 2, 3])'")
        }
        var interpreter = Interpreter()
        interpreter.float = numbers.float
        interpreter.digits = numbers.digits
        interpreter.certifiesTrace = trace
        let (records, error) = interpreter.run(text)
        if let error {
            StandardError.write(DiagnosticText.lines(error.diagnostic, source: error.source, language: language))
            throw ExitCode(1)
        }
        try Signals.exitOnInterrupt(language: language)
        var output = ResultOutput(digits: numbers.digits, float: numbers.float, language: language)
        output.wording.width = Readline.outputColumns         // laid out to a terminal, if it is one
        do {
            let shown = (records.last?.outcome.tensor.map { [$0] } ?? []) + (trace ? records.flatMap { $0.trace.map(\.value) } : [])
            try output.checkBudget(shown, all: format == .json)
        } catch let d as Diagnostic {
            StandardError.write([language.strings.errorPrefix + language.text(d)])
            throw ExitCode(1)
        }
        switch format {
        case .text: StandardOutput.write(output.text(records, trace: trace))
        case .json: StandardOutput.write([output.json(input: text, records, trace: trace).serialized()])
        }
        // The values may be graphs of tens of thousands of nodes and intervals; freeing them one by
        // one took half the time of a large exact eval. The output is flushed: let the OS reclaim them.
        StandardOutput.exit(0)
    }
}
