// Plays a transcript into a session, in order: settings and setting commands, lessons opened
// (with the exercises then solved) and steps moved to, and every statement evaluated again
// through the same Responder a learner's input goes through. Replay compares what each
// statement gives now with what was recorded; resuming a session just keeps the state.
//
// A transcript is data (SPEC §8): it may come from anyone. Only the `:` commands that change
// how later statements compute are played again; any other `:` text, in any record, is
// reported as skipped and never run, so a transcript cannot read, write or export a file.
import Engine

struct TranscriptPlayer {
    let state: ReplState

    struct Evaluation {
        /// 1-based position among the transcript's evaluated records.
        let number: Int
        let recorded: TranscriptEvent
        let now: TranscriptEvent?
        var differs: Bool { now?.outcome != recorded.outcome }
    }

    struct Summary {
        var evaluations: [Evaluation] = []
        /// Records that could not be played (a lesson that no longer exists, …).
        var problems: [Message] = []
        /// `:` texts that were not run, as `record N: TEXT`, control characters neutralised.
        var skipped: [Message] = []
        /// Statements stopped with Ctrl-C when recorded: not compared. `rerun` counts the
        /// statements of the input that had finished, which were run again (to keep the scope).
        var interrupted: [(input: String, rerun: Int)] = []
        var differences: [Evaluation] { evaluations.filter(\.differs) }
    }

    /// Plays every record; `startSettings` also applies the settings the session began with.
    func play(_ document: TranscriptDocument, startSettings: Bool) -> Summary {
        var summary = Summary()
        for (k, event) in document.events.enumerated() {
            switch event.type {
            case .start:
                if startSettings, let s = event.settings, let problem = apply(s) { summary.problems.append(problem) }
            case .command:
                guard let input = event.input else { continue }
                guard Self.isReplayable(command: input) else {
                    summary.skipped.append("record \(k + 1): \(ControlCharacters.neutralised(input))")
                    continue
                }
                if let error = CommandTable.execute(input, state: state).error { summary.problems.append("\(input): \(error)") }
            case .lesson:
                if let problem = open(event) { summary.problems.append(problem) }
            case .step:
                if let step = event.step { state.lesson?.go(to: step - 1) }
            case .load:
                if let problem = restore(event) { summary.problems.append(problem) }
            case .why:
                continue                 // an explanation shown, nothing computed
            case .statement, .input, .answer:
                guard let input = event.input else { continue }
                // Typed at the prompt, a `:` line is a command and is never recorded as a
                // statement; here it can only have been put in by hand.
                if input.trimmingSpaces.hasPrefix(":") {
                    summary.skipped.append("record \(k + 1): \(ControlCharacters.neutralised(input))")
                    continue
                }
                if event.interrupted == true {
                    let finished = finishedPart(of: input, count: event.results?.count ?? 0)
                    if let finished { _ = Responder(state: state, printsLessonSteps: false).respond(to: finished.text) }
                    summary.interrupted.append((input, finished?.count ?? 0))
                    continue
                }
                let recordedBefore = state.transcript?.events.count ?? 0
                _ = Responder(state: state, printsLessonSteps: false).respond(to: input)
                var now = (state.transcript?.events.count ?? 0) > recordedBefore ? state.transcript?.events.last : nil
                // A lesson line with several parts (`X = …; W_Q = …`) is now recorded part by
                // part; a journal that recorded it whole is compared with its last part.
                now?.input = input
                summary.evaluations.append(Evaluation(number: summary.evaluations.count + 1, recorded: event, now: now))
            }
        }
        return summary
    }

    /// The commands a transcript may run again: settings, forgetting names, revealing an
    /// exercise, leaving and moving through the lesson. None of them touches a file.
    static let replayableCommands: Set<String> = ["digits", "float", "trace", "clear", "reveal", "leave", "next", "prev", "step"]

    /// Whether `line` (`:name arguments`) is one of `replayableCommands`, after the same
    /// prefix lookup the prompt does (`:dig 10`); anything else is skipped.
    static func isReplayable(command line: String) -> Bool {
        let body = line.trimmingSpaces.drop { $0 == ":" || $0 == " " }
        let word = String(body.prefix { !$0.isWhitespace })
        guard !word.isEmpty, case let .found(command) = CommandTable.find(word) else { return false }
        return replayableCommands.contains(command.name)
    }

    /// The statements of an interrupted input that had finished (the first `count`), as text.
    private func finishedPart(of input: String, count: Int) -> (text: String, count: Int)? {
        guard count > 0, case let .complete(statements) = Parser.parse(input), statements.count > count else { return nil }
        let source = SourceText(input)
        return (source[SourceRange(statements[0].range.start, statements[count - 1].range.end)], count)
    }

    /// Binds what `:load` read, from the record: the file itself is never read again.
    private func restore(_ event: TranscriptEvent) -> Message? {
        guard let key = event.name else { return nil }
        guard let data = event.data else { return "\(event.input ?? ":load"): \(event.message ?? "the value was not recorded")" }
        // Read as a `:load` of a .json value object reads its elements: the same checks, the same parser.
        let elements: [Scalar]
        let shape: Shape
        do {
            shape = try TensorFile.shape(data.shape)
            guard shape.count == data.exact.count else { return "\(key): the recorded value has the wrong number of elements" }
            elements = try data.exact.enumerated().map { i, form in try JSONTensorFile.exactForm(form, "element \(i + 1)" as Message) }
        } catch {
            return "\(key): the recorded value cannot be read: \(ErrorMessage.of(error))"
        }
        var tensor = Tensor(shape: shape, exact: elements)
        if state.float { tensor = Tensor(shape: shape, float: tensor.floatElements) }
        do {
            _ = try state.bindExternal(Name(key), tensor)
        } catch let e as ProgramError {
            return "\(key): \(e.diagnostic.text)"
        } catch {
            return "\(key): \(ErrorMessage.of(error))"
        }
        state.record(event)
        return nil
    }

    /// Applies recorded settings; a lesson open when resuming is computed again in the
    /// recorded arithmetic (as `:float` does), and if it cannot be, the arithmetic stays.
    private func apply(_ s: TranscriptSettings) -> Message? {
        state.digits = s.digits
        state.trace = s.trace
        state.language = Language(named: s.language)
        do {
            try state.compute(float: s.float)
            return nil
        } catch {
            return "\(s.float ? ":float on" : ":float off"): \(ErrorMessage.of(error))"
        }
    }

    /// Opens the lesson at the recorded step, with the exercises that were solved then.
    private func open(_ event: TranscriptEvent) -> Message? {
        guard let id = event.lesson else { return nil }
        if let language = event.language { state.language = Language(named: language) }
        do {
            let lesson = try state.open(lesson: id)
            for name in event.solved ?? [] { lesson.reveal(name) }
            if let step = event.step { lesson.go(to: step - 1) }
            return nil
        } catch {
            return "lesson \(id): \(ErrorMessage.of(error))"
        }
    }
}
