// Building transcript records from what a session just did.
import Engine

extension TranscriptEvent {
    static func start(_ state: ReplState, date: String) -> TranscriptEvent {
        var e = TranscriptEvent(.start)
        e.version = AttnREPLVersion.current
        e.date = date
        e.settings = state.settings
        return e
    }

    /// Statements in the learner's scope (or a formula in a lesson's): every record, then the error.
    static func statement(_ input: String, _ records: [StatementRecord], error: ProgramError?, digits: Int) -> TranscriptEvent {
        var e = TranscriptEvent(.statement)
        e.input = input
        e.results = records.map { TranscriptValue($0, digits: digits) }
        if let error, error.isInterruption {
            e.interrupted = true
        } else {
            e.error = error.map { DiagnosticText.lines($0.diagnostic, source: $0.source).first ?? "error" }
        }
        return e
    }

    /// Loads larger than this many elements are recorded as shown only; replay says it cannot restore them.
    static let loadedDataLimit = 1_000_000

    static func loaded(_ input: String, name: String, _ tensor: Tensor, digits: Int) -> TranscriptEvent {
        var e = TranscriptEvent(.load)
        e.input = input
        e.name = name
        e.results = [TranscriptValue(name: name, tensor, digits: digits)]
        if tensor.count <= loadedDataLimit {
            let exact = tensor.exactElements.map { s in s.rational.map { "\($0)" } ?? ExactForm.string(s, limit: .max) ?? "0" }
            e.data = LoadedData(shape: tensor.shape.dimensions, exact: exact)
        } else {
            e.message = "\(tensor.count) elements: too large to record, so replay cannot restore \(name)"
        }
        return e
    }

    /// `:why`: the explanation it gave, or its error.
    static func why(_ input: String, _ result: CommandResult) -> TranscriptEvent {
        var e = TranscriptEvent(.why)
        e.input = input
        if let error = result.error { e.error = "error: " + error } else { e.lines = result.output }
        return e
    }

    static func command(_ input: String, settings: TranscriptSettings) -> TranscriptEvent {
        var e = TranscriptEvent(.command)
        e.input = input
        e.settings = settings
        return e
    }

    static func lesson(_ session: LessonSession) -> TranscriptEvent {
        var e = TranscriptEvent(.lesson)
        e.lesson = session.lesson.id
        e.language = session.lesson.language.rawValue
        e.title = session.lesson.title
        e.steps = session.stepCount
        e.step = session.step + 1
        e.stepTitle = session.currentStep.title
        e.solved = session.revealed.sorted()
        e.introduction = session.lesson.introduction.isEmpty ? nil : session.lesson.introduction
        e.showing(session)
        e.program = LessonProgram.statements(session)
        return e
    }

    static func step(_ session: LessonSession) -> TranscriptEvent {
        var e = TranscriptEvent(.step)
        e.step = session.step + 1
        e.title = session.currentStep.title
        e.showing(session)
        return e
    }

    /// Records the current step's prose and formulas, as the learner sees them.
    mutating func showing(_ session: LessonSession) {
        let step = session.currentStep
        prose = step.prose.isEmpty ? nil : step.prose
        // Every formula the step ran, each loop pass with its index, as the screen shows them.
        formulas = session.run.steps[session.step].formulas.map { record, pass in
            var f = TranscriptFormula(input: record.text)
            f.pass = pass?.description
            if case let .assigned(name, _) = record.outcome, session.isHidden(name.canonical, inStep: session.step) {
                f.hidden = true
                return f
            }
            if let (numbers, rounded) = LessonOutput.substituted(record, digits: session.digits) {
                f.substituted = numbers
                if rounded { f.approximate = true }
            }
            if record.outcome.tensor != nil { f.value = TranscriptValue(record, digits: session.digits) }
            return f
        }
    }

    /// What typing `input` inside a lesson did.
    /// `session`: the lesson, whose recomputed step (and program) an input change records.
    static func lessonInput(_ input: String, _ outcome: LessonSession.Outcome, digits: Int, session: LessonSession? = nil) -> TranscriptEvent {
        var e: TranscriptEvent
        switch outcome {
        case let .value(record), let .scratchCopy(record, _):
            e = .statement(input, [record], error: nil, digits: digits)
        case let .recomputed(names):
            e = TranscriptEvent(.input)
            e.name = names.joined(separator: ", ")
            if let session {
                e.showing(session)
                e.program = LessonProgram.statements(session)
            }
        case let .correct(name, value):
            e = TranscriptEvent(.answer)
            (e.name, e.correct) = (name, true)
            e.results = [TranscriptValue(name: name, value, digits: digits)]
        case let .wrong(name, _, _):
            e = TranscriptEvent(.answer)
            (e.name, e.correct) = (name, false)
        case let .failed(error):
            e = .statement(input, [], error: error, digits: digits)
        case let .message(m):
            e = TranscriptEvent(.statement)
            e.message = m.isEmpty ? nil : m
        }
        e.input = input
        return e
    }
}

extension TranscriptValue {
    init(_ record: StatementRecord, digits: Int) {
        switch record.outcome {
        case let .value(t): self.init(name: nil, t, digits: digits)
        case let .assigned(name, t): self.init(name: name.canonical, t, digits: digits)
        case let .defined(f):
            self.init(defined: "\(f.name)(\(f.parameters.map(\.canonical).joined(separator: ", ")))")
        }
        if record.statement.silent { silent = true }
    }

    /// Rows and columns recorded at most: a 300×300 softmax would otherwise cost seconds
    /// and megabytes per statement, every digit of which no export shows.
    static let blockLimit = 64

    init(name: String?, _ t: Tensor, digits: Int) {
        let rows = t.shape.rows, cols = t.shape.cols
        let keptRows = min(rows, Self.blockLimit), keptCols = min(cols, Self.blockLimit)
        let cells: [CellText]
        if keptRows == rows && keptCols == cols {
            cells = CellText.cells(t, digits: digits)
        } else {
            cells = (0..<keptRows).flatMap { i in
                (0..<keptCols).map { j -> CellText in
                    switch t.elements {
                    case let .exact(e): return CellText(e[i * cols + j], digits: digits)
                    case let .float(d): return CellText(float: d[i * cols + j], digits: digits)
                    }
                }
            }
        }
        self.init(name: name, shape: t.shape.dimensions, exact: cells.map(\.exact), values: cells.map(\.decimal))
        if cells.count < t.count { block = [keptRows, keptCols] }
    }
}

extension ProgramError {
    /// Ctrl-C stopped the evaluation: Engine.Interrupt.check throws this diagnostic (a test
    /// interrupts an evaluation and checks the record, so a changed message is caught).
    var isInterruption: Bool { diagnostic.message == "interrupted" }
}
