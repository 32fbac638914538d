// A learner inside a lesson: the current step, inputs they changed (every step recomputes),
// exercises they answered, and formulas they typed in the lesson's scope. The screen and the
// line REPL both drive this; neither evaluates on its own.
import Engine

final class LessonSession {
    enum Outcome {
        /// A value to show (a typed expression, or a learner's own assignment).
        case value(StatementRecord)
        /// The learner assigned a name the lesson computes (`e_{2,1} = 4` on a later step): a
        /// scratch copy for their formulas, which the lesson's steps do not read.
        case scratchCopy(StatementRecord, name: String)
        /// Inputs changed (together, by one statement) and the lesson was recomputed.
        case recomputed(names: [String])
        case correct(name: String, value: Tensor)
        /// A wrong answer; `exactNeeded`: its digits were right but the value is rational
        /// and must be given exactly.
        case wrong(name: String, hint: String?, exactNeeded: Bool)
        case failed(ProgramError)
        case message(String)
    }

    private(set) var lesson: Lesson
    private(set) var run: LessonRun
    /// 0-based index of the current step.
    private(set) var step = 0
    private(set) var overrides: [(name: String, expression: String)] = []
    /// Inputs the learner loaded from files (`:load`), by name.
    private(set) var loadedInputs: [String: Tensor] = [:]
    /// Exercises answered correctly or revealed: their values may be shown.
    private(set) var revealed: Set<String> = []
    /// Variables the learner assigned that are not lesson inputs, kept across recomputes.
    private var scratch: [(Name, Tensor)] = []
    /// The statement that last assigned each of the learner's own variables (for `:why`).
    private var scratchRecords: [String: StatementRecord] = [:]
    private var progress: Progress
    private let saveProgress: Bool
    /// Whether the lesson computes in IEEE double: the session's setting when it was opened,
    /// changed by `compute(float:)` when the session's changes.
    private(set) var float: Bool
    /// Digits and language, shared with the session that opened the lesson.
    let display: DisplaySettings
    var digits: Int { display.digits }
    private var strings: any Strings { display.strings }
    /// Called after the current step changed (the session's transcript records it).
    var stepChanged: ((LessonSession) -> Void)?

    /// `display` is the opening session's (by default, settings of the lesson's own language).
    init(lesson: Lesson, display: DisplaySettings? = nil, progress: Progress = .load(), saveProgress: Bool = true) throws {
        let display = display ?? DisplaySettings(language: lesson.language)
        self.lesson = lesson
        self.display = display
        self.float = display.float
        self.progress = progress
        self.saveProgress = saveProgress
        run = try LessonRunner.run(lesson, float: display.float)
        revealed = progress.lessons[lesson.id]?.solved ?? []
        step = max(0, min(lesson.steps.count - 1, (progress.lessons[lesson.id]?.lastStep ?? 1) - 1))
        noteStep()
    }

    var stepCount: Int { lesson.steps.count }
    var currentStep: Lesson.Step { lesson.steps[step] }
    var progressSummary: String { progress.summary(for: lesson, in: display.language) }

    /// Exercises of the current step not yet answered: their values stay hidden.
    var pendingExercises: [String] { currentStep.exercises.filter { !revealed.contains($0) } }

    func isHidden(_ name: String, inStep k: Int) -> Bool {
        k == step && lesson.steps[k].exercises.contains(name) && !revealed.contains(name)
    }

    // MARK: Navigation

    func go(to k: Int) {
        let before = step
        step = max(0, min(stepCount - 1, k))
        noteStep()
        if step != before { stepChanged?(self) }
    }

    func next() { go(to: step + 1) }
    func previous() { go(to: step - 1) }

    private func noteStep() {
        progress.saw(lesson.id, step: step + 1)
        persist()
    }

    private func persist() {
        if saveProgress { progress.save() }
    }

    func resetProgress() {
        progress.reset(lesson.id)
        revealed = []
        persist()
    }

    func reveal(_ name: String) { revealed.insert(name) }

    // MARK: Input

    /// Runs one line typed by the learner. Assignments to the lesson's inputs that follow one
    /// another (`X = …; W_xh = …`) are applied together: shapes are checked once, after all of
    /// them, and if the lesson then fails nothing changes. The outcome is the last part's.
    func submit(_ text: String) -> Outcome {
        submitParts(text).last?.outcome ?? .message("")
    }

    /// One typed line run part by part: each run of input assignments, and each other statement
    /// (a formula, an exercise answer), with its own text and outcome, so that a transcript
    /// keeps every part (`X = …; e_{2,1} = 7/2` changes X and answers), not only the last.
    /// Stops at the first part that fails.
    func submitParts(_ text: String) -> [(input: String, outcome: Outcome)] {
        guard case let .complete(statements) = Parser.parse(text) else {
            var probe = Interpreter()
            if let e = probe.run(text).error { return [(text, .failed(e))] }
            return [(text, .message(strings.incompleteInput))]
        }
        let source = SourceText(text)
        var parts: [(input: String, outcome: Outcome)] = []
        var k = 0
        while k < statements.count {
            var inputs: [(name: String, expression: String)] = []
            let first = k
            while k < statements.count, let input = inputAssignment(statements[k], in: source) {
                inputs.append(input)
                k += 1
            }
            let part: String
            let outcome: Outcome
            if !inputs.isEmpty {
                part = statements.count == k - first ? text : source[.covering(statements[first].range, statements[k - 1].range)]
                outcome = setInputs(inputs)
            } else {
                part = statements.count == 1 ? text : source[statements[k].range]
                outcome = submit(statements[k], in: source, alone: part)
                k += 1
            }
            parts.append((part, outcome))
            if case .failed = outcome { break }
        }
        return parts
    }

    /// `NAME = EXPR` when NAME is an input of the lesson (and not the exercise being answered).
    private func inputAssignment(_ statement: Statement, in source: SourceText) -> (name: String, expression: String)? {
        guard case let .assignment(name, e) = statement.kind else { return nil }
        let key = name.canonical
        guard !pendingExercises.contains(key), lesson.inputs.contains(where: { $0.name == key }) else { return nil }
        return (key, source[e.range])
    }

    /// One statement that is not an input assignment: an answer, or a formula in the lesson's scope.
    private func submit(_ statement: Statement, in source: SourceText, alone text: String) -> Outcome {
        if case let .assignment(name, e) = statement.kind, pendingExercises.contains(name.canonical) {
            return answer(name.canonical, expressionText: source[e.range])
        }
        // Reading an unanswered exercise (`y_2`, `y_2[1]`, `z = y_2`) would show its answer.
        if let exercise = exerciseRead(by: statement) { return .message(strings.exerciseHidden(exercise)) }
        var scope = scopeInterpreter()
        scope.certifiesTrace = display.trace      // the trace's digits are shown too
        // Nor can it be read another way (a lesson's function that uses it): it is not in scope.
        for name in pendingExercises { _ = scope.environment.remove(name) }
        let (records, error) = scope.run(text)
        if let error { return .failed(error) }
        for r in records {
            if case let .assigned(n, t) = r.outcome { keep(n, t); scratchRecords[n.canonical] = r }
        }
        guard let last = records.last else { return .message("") }
        if case let .assignment(name, _) = statement.kind, computesItself(name.canonical) {
            return .scratchCopy(last, name: name.canonical)
        }
        return .value(last)
    }

    /// A name the lesson's own formulas assign (not one of its inputs).
    private func computesItself(_ name: String) -> Bool {
        run.value(of: name) != nil && !lesson.inputs.contains { $0.name == name }
    }

    /// The first exercise of this step not yet answered that the statement reads, if any.
    private func exerciseRead(by statement: Statement) -> String? {
        let expression: Expr
        switch statement.kind {
        case let .expression(e), let .assignment(_, e): expression = e
        case .function: return nil      // defining a function reads nothing; a call to it would
        }
        let pending = pendingExercises
        return expression.referencedNames.map(\.canonical).first { pending.contains($0) }
    }

    /// Sets an input and recomputes every step; on failure nothing changes.
    func setInput(_ name: String, _ expression: String) -> Outcome {
        setInputs([(name, expression)])
    }

    /// Sets several inputs at once and recomputes every step once; on failure nothing changes.
    func setInputs(_ given: [(name: String, expression: String)]) -> Outcome {
        var changed = overrides.filter { o in !given.contains { $0.name == o.name } }
        var loaded = loadedInputs
        for (name, expression) in given {
            changed.removeAll { $0.name == name }    // `X = …; X = …`: the last one counts
            changed.append((name, expression))
            loaded[name] = nil
        }
        var names: [String] = []
        for g in given where !names.contains(g.name) { names.append(g.name) }
        return recompute(names, overrides: changed, loaded: loaded, source: given.map { "\($0.name) = \($0.expression)" }.joined(separator: "; "))
    }

    /// Computes every step again in IEEE double or exactly, keeping the step, the learner's
    /// inputs (typed and loaded), their answers and their own variables. On failure (Ctrl-C,
    /// the memory budget, a value exact arithmetic cannot hold) nothing changes and the error
    /// is thrown.
    func compute(float on: Bool) throws {
        guard on != float else { return }
        // A loaded input is kept as the new arithmetic would have read it: doubles under
        // float, and back to exact the binary fractions those doubles are.
        let loaded = loadedInputs.mapValues { t in
            on ? Tensor(shape: t.shape, float: t.floatElements) : Tensor(shape: t.shape, exact: t.exactElements)
        }
        let recomputed = try LessonRunner.run(lesson, overrides: overrides, values: loaded, float: on)
        if Interrupt.isRequested { throw Diagnostic.interrupted }
        run = recomputed
        loadedInputs = loaded
        float = on
    }

    /// What the learner is told when changing inputs recomputed the lesson.
    func recomputedMessage(_ names: [String]) -> String { strings.recomputed(names) }

    /// Sets an input to a tensor read from a file and recomputes every step; on failure nothing changes.
    func setInput(_ name: String, value: Tensor) -> Outcome {
        var loaded = loadedInputs
        loaded[name] = value
        return recompute([name], overrides: overrides.filter { $0.name != name }, loaded: loaded, source: name)
    }

    /// Runs the lesson with new inputs; the failure message names them and says they kept
    /// their previous values.
    private func recompute(_ names: [String], overrides changed: [(name: String, expression: String)], loaded: [String: Tensor],
                           source expression: String) -> Outcome {
        do {
            run = try LessonRunner.run(lesson, overrides: changed, values: loaded, float: float)
            overrides = changed
            loadedInputs = loaded
            return .recomputed(names: names)
        } catch {
            let reason = (error as? LessonError).map { display.text($0.message) } ?? display.text(error)
            let message = strings.inputsKept(names, after: reason)
            return .failed(ProgramError(diagnostic: Diagnostic(message), source: SourceText(expression)))
        }
    }

    private func answer(_ name: String, expressionText: String) -> Outcome {
        guard let expected = run.value(of: name) else { return .message(strings.noValueYet(name)) }
        let scope = beforeCurrentStep()
        let value: Tensor
        do {
            value = try scope.evaluateExpression(expressionText)
        } catch let e as ProgramError {
            return .failed(e)
        } catch {
            return .message("\(error)")
        }
        switch AnswerCheck.verdict(answer: value, expected: expected, typed: expressionText) {
        case .correct:
            revealed.insert(name)
            progress.solved(lesson.id, exercise: name)
            persist()
            return .correct(name: name, value: expected)
        case .wrong:
            return .wrong(name: name, hint: currentStep.hint, exactNeeded: false)
        case .notExact:
            return .wrong(name: name, hint: nil, exactNeeded: true)
        case let .wrongShape(expected, got):
            return .message(strings.wrongShape(name, expected: expected, got: got))
        }
    }

    /// The lesson's scope with the learner's own variables, for typed formulas.
    private func scopeInterpreter() -> Interpreter {
        var scope = run.interpreter
        for (n, t) in scratch { scope.bind(n, t) }
        return scope
    }

    /// The scope as it was before the current step ran: answers can use earlier results,
    /// but not the very value being predicted.
    private func beforeCurrentStep() -> Interpreter {
        var scope = Interpreter()
        scope.float = float
        for (name, value) in run.inputs { scope.bind(Name(name), value) }
        for k in 0..<step {
            for (name, value) in run.steps[k].tensors { scope.bind(Name(name), value) }
        }
        for (n, t) in scratch { scope.bind(n, t) }
        return scope
    }

    /// The statement that gave `name` its current value: the learner's own, else the
    /// lesson's last assignment of it (the value shown on the screen).
    func record(for name: String) -> StatementRecord? {
        if let mine = scratchRecords[name] { return mine }
        for step in run.steps.reversed() {
            if let r = step.records.last(where: { if case let .assigned(n, _) = $0.outcome { return n.canonical == name }; return false }) {
                return r
            }
        }
        return nil
    }

    /// A variable of the learner's own in the lesson's scope (e.g. from `:load`), kept across recomputes.
    func bind(_ name: Name, _ value: Tensor) {
        keep(name, value)
        scratchRecords[name.canonical] = nil      // no formula made it: :why says so
    }

    /// The value a name has in the lesson's scope: the learner's own variables, then the lesson's.
    func value(named name: String) -> Tensor? {
        scratch.last { $0.0.canonical == name }?.1 ?? run.value(of: name)
    }

    /// The learner's own names and their records: taken before an input runs and put back
    /// when Ctrl-C stops it, so that an interrupted input binds nothing.
    var scratchState: (values: [(Name, Tensor)], records: [String: StatementRecord]) {
        get { (scratch, scratchRecords) }
        set { (scratch, scratchRecords) = newValue }
    }

    private func keep(_ name: Name, _ value: Tensor) {
        scratch.removeAll { $0.0 == name }
        scratch.append((name, value))
    }
}
