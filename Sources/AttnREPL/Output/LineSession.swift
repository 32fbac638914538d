// The line REPL's loop body: statements and `:` commands in, results out. Results go to
// standard output, errors to standard error, and the session goes on after an error.
import Engine

final class LineSession {
    let state: ReplState
    private var output: ResultOutput { ResultOutput(digits: state.digits, float: state.float) }
    private(set) var quitRequested = false
    private(set) var failures = 0

    init(state: ReplState) { self.state = state }

    /// Reads lines until the input ends or `:quit`; returns false if any statement failed.
    func run(input: AnySequence<String>) -> Bool {
        var pending = ""
        for line in input {
            pending += pending.isEmpty ? line : "\n" + line
            if !pending.hasPrefix(":"), case .incomplete = Parser.parse(pending) { continue }
            handle(pending)
            pending = ""
            if quitRequested { break }
        }
        if !pending.isEmpty && !quitRequested { handle(pending) }
        return failures == 0
    }

    /// One complete input: a command, a statement in the open lesson, or statements.
    func handle(_ text: String) {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return }
        if trimmed.hasPrefix(":") {
            let result = CommandTable.execute(trimmed, state: state)
            StandardOutput.write(result.output)
            if let e = result.error { fail(["error: \(e)"]) }
            quitRequested = result.quit
            return
        }
        if let lesson = state.lesson {
            show(lesson.submit(text), in: lesson)
            return
        }
        let (records, error) = state.interpreter.run(text)
        for record in records where !record.statement.silent {
            if state.trace { StandardOutput.write(output.text([record], trace: true).dropLast(output.float ? 1 : 0).map { $0 }) }
            else { StandardOutput.write(output.value(record)) }
        }
        if let error { fail(DiagnosticText.lines(error.diagnostic, source: error.source)) }
    }

    private func show(_ outcome: LessonSession.Outcome, in lesson: LessonSession) {
        let zh = lesson.lesson.language == "zh"
        switch outcome {
        case let .value(record):
            if !record.statement.silent { StandardOutput.write(output.value(record)) }
        case let .recomputed(name):
            StandardOutput.write([zh ? "\(name) 已更改，所有步骤已重新计算。" : "\(name) changed: every step recomputed."]
                                 + LessonStepText.lines(lesson))
        case let .correct(name, value):
            StandardOutput.write([(zh ? "✓ 正确：" : "✓ correct: ") + output.labelled(name, value).joined(separator: "\n")])
        case let .wrong(name, hint):
            StandardOutput.write([(zh ? "✗ 不对，再试一次 \(name)。" : "✗ not quite; try \(name) again.") + (hint.map { (zh ? " 提示：" : " Hint: ") + $0 } ?? "")])
        case let .failed(error):
            fail(DiagnosticText.lines(error.diagnostic, source: error.source))
        case let .message(m):
            if !m.isEmpty { StandardOutput.write([m]) }
        }
    }

    private func fail(_ lines: [String]) {
        failures += 1
        StandardError.write(lines)
    }
}
