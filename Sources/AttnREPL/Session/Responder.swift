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
    /// The errors already say what a Ctrl-C or the memory budget stopped (CommandResult).
    var explainsStop = false
}

struct Responder {
    let state: ReplState
    /// The line REPL also prints the lesson step after it changes; the screen shows it anyway.
    var printsLessonSteps = true
    /// How results name things and where they point for exact forms (the screen's own wording).
    var wording = ResultWording.typed

    func respond(to text: String) -> Response {
        Interrupt.clear()                 // a Ctrl-C pressed while idle stops nothing
        var response = answer(text)
        if Interrupt.isRequested && !response.explainsStop { response = Response(errors: [stopMessage]) }
        if let warning = state.transcript?.takeWarning() { response.lines.insert(state.language.text(warning), at: 0) }
        return response
    }

    /// What the learner is told when an input was stopped: by Ctrl-C, or by the memory budget.
    private var stopMessage: String {
        state.strings.errorPrefix + state.display.text(Interrupt.stopReason.text)
    }

    /// The error a statement stopped by Ctrl-C reports, at its input.
    private func interruption(_ text: String) -> ProgramError {
        ProgramError(diagnostic: Diagnostic.interrupted, source: SourceText(text))
    }

    private func answer(_ text: String) -> Response {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty { return Response() }
        if trimmed.hasPrefix(":") {
            let result = CommandTable.execute(trimmed, state: state)
            return Response(lines: printsLessonSteps || !result.showLesson ? result.output : [],
                            errors: result.error.map { [state.strings.errorPrefix + $0] } ?? [], quit: result.quit,
                            lessonChanged: result.showLesson,
                            status: result.error ?? revealedLine(result.revealed) ?? result.output.first { !$0.isEmpty },
                            explainsStop: result.explainsStop)
        }
        if let lesson = state.lesson {
            let before = lesson.scratchState
            let parts = lesson.submitParts(text)
            var response = Response()
            for (n, part) in parts.enumerated() {
                let shown = respond(part.outcome, in: lesson)
                // As between statements outside a lesson, only the last part's output is
                // printed; an earlier part still redraws a lesson it changed.
                if n == parts.count - 1 {
                    response.lines = shown.lines
                    response.status = shown.status
                }
                response.errors += shown.errors
                response.lessonChanged = response.lessonChanged || shown.lessonChanged
            }
            // Stopped while its value was being written out: recorded as interrupted, unbound.
            if Interrupt.isRequested {
                lesson.scratchState = before
                state.record(.lessonInput(trimmed, .failed(interruption(trimmed)), digits: state.digits, session: lesson))
                return response
            }
            // Every part is recorded on its own, so replay and the exports see each one.
            for part in parts {
                state.record(.lessonInput(part.input.trimmingSpaces, part.outcome, digits: state.digits, session: lesson))
                if case .failed = part.outcome {} else { forgetOrigins(ofNamesAssignedIn: part.input) }
            }
            return response
        }
        state.interpreter.digits = state.digits
        state.interpreter.certifiesTrace = state.trace
        let before = state.interpreter
        let (records, error) = state.interpreter.run(text)
        let output = ResultOutput(digits: state.digits, float: state.float, language: state.language, wording: wording)
        var response = Response()
        for record in records where !record.statement.silent {
            response.lines += valueLines(record, output)
        }
        // The transcript's copy of the values is written out before anything is recorded, so
        // that a Ctrl-C in either leaves the statement unbound and recorded as interrupted.
        let event = state.transcript == nil ? nil : TranscriptEvent.statement(trimmed, records, error: error, digits: state.digits)
        if Interrupt.isRequested || error?.isInterruption == true {
            state.interpreter = before     // an interrupted input binds nothing
            state.record(.statement(trimmed, [], error: interruption(trimmed), digits: state.digits))
            return Response(errors: [stopMessage])
        }
        if let event { state.record(event) }
        for record in records {
            switch record.outcome {
            case let .assigned(name, _):
                state.fileOrigins[name.canonical] = nil
                state.assignments[name.canonical] = record
            case let .defined(f): state.fileOrigins[f.name.canonical] = nil
            case .value: break
            }
        }
        if let error { response.errors = state.display.errorLines(error) }
        return response
    }

    /// A solved exercise's value on one line: a rational vector or matrix in exact fractions
    /// (`[1/2, 3/4]`), anything else as values are listed (`≈ [0.268941, 0.731059]`).
    static func answerText(_ t: Tensor, digits: Int) -> String {
        let inline = TensorText.inline(t, digits: digits)
        guard t.shape != .scalar, !t.isFloat, inline.count <= 72, !inline.hasSuffix(" tensor") else { return inline }
        let exact = (0..<t.count).compactMap { t.scalar(at: $0).rational?.description }
        guard exact.count == t.count, exact.contains(where: { $0.contains("/") }) else { return inline }
        let text: String
        if case .vector = t.shape {
            text = "[" + exact.joined(separator: ", ") + "]"
        } else {
            let c = t.shape.cols
            text = "[" + stride(from: 0, to: exact.count, by: c).map { exact[$0..<($0 + c)].joined(separator: " ") }.joined(separator: "; ") + "]"
        }
        return text.count <= 72 ? text : inline
    }

    /// An answer as one assignment (`y₂ = [3/2, 2, 0]`, named as the wording names it), or
    /// nil when its value does not fit on a line.
    private func answerAssignment(_ name: String, _ value: Tensor) -> String? {
        let inline = Self.answerText(value, digits: state.digits)
        guard value.shape == .scalar || !inline.hasSuffix(" tensor") else { return nil }
        return "\(wording.name(name)) = \(inline)"
    }

    /// What `:reveal` showed, for the screen's message line (the line REPL prints the step,
    /// which now shows the values): each exercise with its value when it fits on a line.
    private func revealedLine(_ names: [String]) -> String? {
        guard let lesson = state.lesson, !names.isEmpty else { return nil }
        let shown = names.map { name in lesson.value(named: name).flatMap { answerAssignment(name, $0) } ?? wording.name(name) }
        return state.strings.revealed(shown.joined(separator: "; "))
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

    /// A statement's value, after the intermediate values when `:trace on` (in a lesson too).
    private func valueLines(_ record: StatementRecord, _ output: ResultOutput) -> [String] {
        state.trace ? Array(output.text([record], trace: true).dropLast(output.float ? 1 : 0)) : output.value(record)
    }

    private func respond(_ outcome: LessonSession.Outcome, in lesson: LessonSession) -> Response {
        let strings = state.strings
        let output = ResultOutput(digits: state.digits, float: state.float, language: state.language, wording: wording)
        let shown = wording.name
        switch outcome {
        case let .value(record):
            return Response(lines: record.statement.silent ? [] : valueLines(record, output))
        case let .scratchCopy(record, name):
            let inputs = lesson.lesson.inputs.map { shown($0.name) }
            let note = TextWrap.lines(strings.scratchCopy(shown(name), inputs: inputs), width: 76)
            return Response(lines: (record.statement.silent ? [] : valueLines(record, output)) + note)
        case let .recomputed(names):
            let line = lesson.recomputedMessage(names.map(shown))
            return Response(lines: [line] + (printsLessonSteps ? LessonStepText.lines(lesson) : []), lessonChanged: true, status: line)
        case let .correct(name, value):
            // The value on one line when it fits (`a_1 = [1/2, 3/4]`), else as a block below.
            let assignment = answerAssignment(name, value)
            let line = strings.correct(assignment ?? shown(name))
            let block = assignment == nil ? output.labelled(shown(name), value) : []
            return Response(lines: [line] + block, lessonChanged: true, status: line)
        case let .wrong(name, hint, exactNeeded):
            let line = exactNeeded ? strings.notExact(shown(name)) : strings.wrong(shown(name))
            // The hint whole, on lines of its own: the screen shows it in the output pane.
            let hintLines = hint.map { TextWrap.lines(strings.hint($0), width: 76) } ?? []
            return Response(lines: [line] + hintLines, status: line)
        case let .failed(error):
            return Response(errors: state.display.errorLines(error))
        case let .message(m):
            return Response(lines: m.isEmpty ? [] : [m])
        }
    }
}
