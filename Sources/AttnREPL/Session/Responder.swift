// What one complete input does, for the line REPL and the screen alike: a `:` command,
// a statement in the open lesson (an input change, an exercise answer, a formula), or
// statements in the learner's own scope. It returns lines to show; it never prints.
import Engine

struct Response {
    var lines: [String] = []
    /// Error text (`error: …` and a caret line for parse errors); empty on success.
    var errors: [String] = []
    var quit = false
    /// The lesson was opened, moved or recomputed: the screen redraws it.
    var lessonChanged = false
    /// A one-line summary for a status line.
    var status: String?
}

struct Responder {
    let state: ReplState
    /// The line REPL also prints the lesson step after it changes; the screen shows it anyway.
    var printsLessonSteps = true

    func respond(to text: String) -> Response {
        var response = answer(text)
        if let warning = state.transcript?.takeWarning() { response.lines.insert(warning, at: 0) }
        return response
    }

    private func answer(_ text: String) -> Response {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return Response() }
        if trimmed.hasPrefix(":") {
            let result = CommandTable.execute(trimmed, state: state)
            return Response(lines: printsLessonSteps || !result.showLesson ? result.output : [],
                            errors: result.error.map { ["error: \($0)"] } ?? [], quit: result.quit,
                            lessonChanged: result.showLesson, status: result.error ?? result.output.first { !$0.isEmpty })
        }
        if let lesson = state.lesson {
            let outcome = lesson.submit(text)
            state.record(.lessonInput(trimmed, outcome, digits: state.digits, session: lesson))
            if case .failed = outcome {} else { forgetOrigins(ofNamesAssignedIn: text) }
            return respond(outcome, in: lesson)
        }
        let (records, error) = state.interpreter.run(text)
        state.record(.statement(trimmed, records, error: error, digits: state.digits))
        for record in records {
            switch record.outcome {
            case let .assigned(name, _): state.fileOrigins[name.canonical] = nil
            case let .defined(f): state.fileOrigins[f.name.canonical] = nil
            case .value: break
            }
        }
        let output = ResultOutput(digits: state.digits, float: state.float)
        var response = Response()
        for record in records {
            if case let .assigned(name, _) = record.outcome { state.assignments[name.canonical] = record }
        }
        for record in records where !record.statement.silent {
            response.lines += state.trace ? Array(output.text([record], trace: true).dropLast(output.float ? 1 : 0)) : output.value(record)
        }
        if let error { response.errors = DiagnosticText.lines(error.diagnostic, source: error.source) }
        return response
    }

    /// A name assigned again no longer holds what `:load` read.
    private func forgetOrigins(ofNamesAssignedIn text: String) {
        guard case let .complete(statements) = Parser.parse(text) else { return }
        for s in statements {
            switch s.kind {
            case let .assignment(name, _): state.fileOrigins[name.canonical] = nil
            default: break
            }
        }
    }

    private func respond(_ outcome: LessonSession.Outcome, in lesson: LessonSession) -> Response {
        let zh = lesson.lesson.language == .zh
        let output = ResultOutput(digits: state.digits, float: state.float)
        switch outcome {
        case let .value(record):
            return Response(lines: record.statement.silent ? [] : output.value(record))
        case let .recomputed(name):
            let line = lesson.recomputedMessage(name)
            return Response(lines: [line] + (printsLessonSteps ? LessonStepText.lines(lesson) : []), lessonChanged: true, status: line)
        case let .correct(name, value):
            let line = (zh ? "✓ 正确：" : "✓ correct: ") + output.labelled(name, value).joined(separator: "\n")
            return Response(lines: [line], lessonChanged: true, status: line.split(separator: "\n").first.map(String.init))
        case let .wrong(name, hint):
            let line = (zh ? "✗ 不对，再试一次 \(name)。" : "✗ not quite; try \(name) again.") + (hint.map { (zh ? " 提示：" : " Hint: ") + $0 } ?? "")
            return Response(lines: [line], status: line)
        case let .failed(error):
            return Response(errors: DiagnosticText.lines(error.diagnostic, source: error.source))
        case let .message(m):
            return Response(lines: m.isEmpty ? [] : [m])
        }
    }
}
