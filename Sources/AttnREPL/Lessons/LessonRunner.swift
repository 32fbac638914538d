// Runs a lesson: binds its inputs (defaults or the learner's), then evaluates each step's
// formula blocks in order. Changing an input means running again: every step downstream
// is recomputed from the new values.
import Engine

struct LessonRun {
    struct StepResult {
        /// The statements the step ran, in order (loops expanded).
        var records: [StatementRecord] = []
        /// For each record, the loop pass it ran in (nil outside loops).
        var passes: [LoopPass?] = []

        /// Every formula the step ran, each loop pass with its index (`head_1`, `head_2`, and an
        /// accumulator's `Z = Z + head_i …` once per pass): what a step shows as its formulas.
        var formulas: [(record: StatementRecord, pass: LoopPass?)] {
            Array(zip(records, passes.count == records.count ? passes : Array(repeating: nil, count: records.count)))
        }
        /// Tensors the step assigned, in order of first assignment; a name assigned again
        /// (an accumulator in a loop) shows its final value once.
        var tensors: [(name: String, value: Tensor)] {
            shownRecords.compactMap { r in
                if case let .assigned(n, t) = r.outcome { return (n.canonical, t) }
                return nil
            }
        }

        /// The records to show, one per name: a name assigned again (an accumulator in a
        /// loop) appears where it was first assigned, with its last statement and value.
        var shownRecords: [StatementRecord] {
            var result: [StatementRecord] = []
            var position: [String: Int] = [:]
            for r in records {
                guard case let .assigned(n, _) = r.outcome else { result.append(r); continue }
                if let k = position[n.canonical] {
                    result[k] = r
                } else {
                    position[n.canonical] = result.count
                    result.append(r)
                }
            }
            return result
        }
    }

    let lesson: Lesson
    var inputs: [(name: String, value: Tensor)] = []
    var steps: [StepResult] = []
    /// The scope after the last step: inputs and every tensor the lesson made.
    var interpreter = Interpreter()

    /// The value a name has after the lesson (inputs and produced tensors).
    func value(of name: String) -> Tensor? { interpreter.environment.variables[name] }
}

enum LessonRunner {
    /// `overrides` are NAME=EXPR pairs given by the learner, `values` inputs given as tensors
    /// (`:load`); each NAME must be an input of the lesson.
    static func run(_ lesson: Lesson, overrides: [(name: String, expression: String)] = [], values: [String: Tensor] = [:],
                    float: Bool = false) throws -> LessonRun {
        var run = LessonRun(lesson: lesson)
        run.interpreter.float = float
        let strings = lesson.language.strings
        var given: [String: String] = [:]
        for o in overrides {
            guard lesson.inputs.contains(where: { $0.name == o.name }) else {
                throw LessonError(file: lesson.file, line: nil,
                                  message: Message(verbatim: strings.notAnInput(o.name, lesson: lesson.id, inputs: lesson.inputs.map(\.name))))
            }
            given[o.name] = o.expression
        }
        for name in values.keys where !lesson.inputs.contains(where: { $0.name == name }) {
            throw LessonError(file: lesson.file, line: nil,
                              message: Message(verbatim: strings.notAnInput(name, lesson: lesson.id, inputs: lesson.inputs.map(\.name))))
        }
        for input in lesson.inputs {
            if let value = values[input.name] {
                run.interpreter.bind(Name(input.name), value)
                run.inputs.append((input.name, value))
                continue
            }
            let text = given[input.name] ?? input.expression
            do {
                let value = try run.interpreter.evaluateExpression(text)
                run.interpreter.bind(Name(input.name), value)
                run.inputs.append((input.name, value))
            } catch let e as ProgramError {
                throw LessonError(file: lesson.file, line: given[input.name] == nil ? input.line : nil,
                                  message: "input \(input.name): \(e.diagnostic.text)")
            }
        }
        var budget = LoopBudget()
        for step in lesson.steps {
            var result = LessonRun.StepResult()
            for block in step.blocks {
                if let loop = block.loop {
                    try runLoop(block, loop, lesson: lesson, budget: &budget, into: &run.interpreter, result: &result)
                } else {
                    try runBlock(block.source, line: block.line, lesson: lesson, into: &run.interpreter, result: &result)
                }
            }
            // An exercise hides a value the step computes; any other name can never be answered.
            let assigned = Set(result.tensors.map(\.name))
            for name in step.exercises where !assigned.contains(name) {
                throw LessonError(file: lesson.file, line: step.exerciseLines[name] ?? step.line,
                                  message: "exercise \(name) is not assigned in this step (it assigns \(result.tensors.map(\.name).joined(separator: ", ")))")
            }
            run.steps.append(result)
        }
        return run
    }

    private static func runLoop(_ block: Lesson.FormulaBlock, _ loop: Lesson.FormulaBlock.Loop, lesson: Lesson,
                                budget: inout LoopBudget,
                                into interpreter: inout Interpreter, result: inout LessonRun.StepResult) throws {
        let loopBlock = LoopBlock(variable: Name(loop.variable), from: loop.from, to: loop.to, source: block.source)
        let (records, failure) = interpreter.run(loopBlock, budget: &budget)
        result.records += records.map(\.record)
        result.passes += records.map { $0.pass }
        switch failure {
        case nil: return
        case let .bound(text, d)?:
            throw LessonError(file: lesson.file, line: block.line - 1, message: "loop bound \(text): \(d.message)")
        case let .tooLong(d)?:
            throw LessonError(file: lesson.file, line: block.line - 1, message: d.text)
        case let .pass(error)?:
            throw LessonError(file: lesson.file, line: block.line + lineOffset(of: error), message: error.diagnostic.text)
        }
    }

    /// The line, counted from the block's first, that an error's range falls on.
    private static func lineOffset(of error: ProgramError) -> Int {
        error.diagnostic.range.map { r in
            error.source.text.unicodeScalars.prefix(r.start).filter { $0 == "\n" }.count
        } ?? 0
    }

    private static func runBlock(_ source: String, line: Int, lesson: Lesson,
                                 into interpreter: inout Interpreter, result: inout LessonRun.StepResult) throws {
        let (records, error) = interpreter.run(source)
        result.records.append(contentsOf: records)
        result.passes.append(contentsOf: records.map { _ in nil })
        if let error {
            throw LessonError(file: lesson.file, line: line + lineOffset(of: error), message: error.diagnostic.text)
        }
    }
}
