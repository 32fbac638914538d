// The plain line mode: statements from standard input, results on standard output,
// errors on standard error, and the session goes on after an error.
import Engine

struct LineSession {
    var interpreter = Interpreter()
    var output: ResultOutput

    init(numbers: NumberOptions) {
        interpreter.float = numbers.float
        output = ResultOutput(digits: numbers.digits, float: numbers.float)
    }

    /// Runs every statement; returns false if any failed.
    mutating func run(input: AnySequence<String>) -> Bool {
        var ok = true
        var pending = ""
        for line in input {
            pending += pending.isEmpty ? line : "\n" + line
            if case .incomplete = Parser.parse(pending) { continue }
            ok = execute(pending) && ok
            pending = ""
        }
        if !pending.isEmpty { ok = execute(pending) && ok }
        return ok
    }

    private mutating func execute(_ text: String) -> Bool {
        let (records, error) = interpreter.run(text)
        for record in records where !record.statement.silent {
            StandardOutput.write(output.value(record))
        }
        if let error {
            StandardError.write(DiagnosticText.lines(error.diagnostic, source: error.source))
            return false
        }
        return true
    }
}
