// Runs a lesson: binds its inputs (defaults or the learner's), then evaluates each step's
// formula blocks in order. Changing an input means running again: every step downstream
// is recomputed from the new values.
import Engine

struct LessonRun {
    struct StepResult {
        /// The statements the step ran, in order (loops expanded).
        var records: [StatementRecord] = []
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
                                  message: strings.notAnInput(o.name, lesson: lesson.id, inputs: lesson.inputs.map(\.name)))
            }
            given[o.name] = o.expression
        }
        for name in values.keys where !lesson.inputs.contains(where: { $0.name == name }) {
            throw LessonError(file: lesson.file, line: nil,
                              message: strings.notAnInput(name, lesson: lesson.id, inputs: lesson.inputs.map(\.name)))
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
                                  message: strings.inputFailed(input.name, e.diagnostic.message(in: lesson.language)))
            }
        }
        for step in lesson.steps {
            var result = LessonRun.StepResult()
            for block in step.blocks {
                if let loop = block.loop {
                    try runLoop(block, loop, lesson: lesson, into: &run.interpreter, result: &result)
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
                                into interpreter: inout Interpreter, result: inout LessonRun.StepResult) throws {
        func bound(_ text: String) throws -> Int {
            do {
                let t = try interpreter.evaluateExpression(text)
                guard let q = t.scalarValue?.rational, let n = q.intValue else {
                    throw LessonError(file: lesson.file, line: block.line - 1, message: "loop bound \(text) is not a whole number")
                }
                return n
            } catch let e as ProgramError {
                throw LessonError(file: lesson.file, line: block.line - 1, message: "loop bound \(text): \(e.diagnostic.message)")
            }
        }
        let from = try bound(loop.from), to = try bound(loop.to)
        // Bounds near Int.min/Int.max must not overflow the length check.
        let (span, overflow) = to.subtractingReportingOverflow(from)
        guard !overflow, span < 10_000 else {
            throw LessonError(file: lesson.file, line: block.line - 1, message: "the loop \(from):\(to) is too long")
        }
        guard from <= to else { return }
        let variable = Name(loop.variable)
        for v in from...to {
            interpreter.bind(variable, Tensor(Rational(v)))
            let source = LoopSubstitution.apply(block.source, variable: loop.variable, value: v)
            try runBlock(source, line: block.line, lesson: lesson, into: &interpreter, result: &result)
        }
        _ = interpreter.environment.remove(variable.canonical)
    }

    private static func runBlock(_ source: String, line: Int, lesson: Lesson,
                                 into interpreter: inout Interpreter, result: inout LessonRun.StepResult) throws {
        let (records, error) = interpreter.run(source)
        result.records.append(contentsOf: records)
        if let error {
            let offset = error.diagnostic.range.map { r in
                error.source.text.unicodeScalars.prefix(r.start).filter { $0 == "\n" }.count
            } ?? 0
            throw LessonError(file: lesson.file, line: line + offset, message: error.diagnostic.message(in: lesson.language))
        }
    }
}

/// In a loop block, names whose subscripts mention the loop variable get its value:
/// with t = 2, `h_t` → `h_2`, `h_{t-1}` → `h_1`, `e_{i,t}` → `e_{i,2}`.
enum LoopSubstitution {
    static func apply(_ source: String, variable: String, value: Int) -> String {
        var out = ""
        var chars = Array(source)[...]
        var previous: Character? = nil
        while let c = chars.first {
            if c.isLetter && !(previous.map { $0.isLetter || $0.isNumber || $0 == "\\" || $0 == "_" } ?? false) {
                // A whole word: the loop variable itself becomes its value (`X[t]` → `X[2]`).
                let word = chars.prefix { $0.isLetter || $0.isNumber }
                chars = chars.dropFirst(word.count)
                let next = chars.first
                if String(word) == variable && next != "_" && next != "(" {
                    let glued = previous.map { $0.isNumber || $0 == ")" || $0 == "]" || $0 == "." } ?? false
                    out += (value < 0 || glued) ? "(\(value))" : "\(value)"
                } else {
                    out += word
                }
                previous = word.last
                continue
            }
            chars = chars.dropFirst()
            out.append(c)
            previous = c
            guard c == "_" else { continue }
            if chars.first == "{", let close = chars.firstIndex(of: "}") {
                let inner = String(chars[chars.index(after: chars.startIndex)..<close])
                let parts = inner.split(separator: ",", omittingEmptySubsequences: false).map { part -> String in
                    IntegerExpression.evaluate(String(part), variable: variable, value: value).map(String.init) ?? String(part)
                }
                let joined = parts.joined(separator: ",")
                // `h_{t-1}` becomes `h_1`, not `h_{1}`; `e_{2,1}` keeps its braces.
                out += joined.allSatisfy(\.isNumber) && joined.count == 1 ? joined : "{" + joined + "}"
                chars = chars[chars.index(after: close)...]
                previous = "}"
            } else {
                let run = chars.prefix { $0.isLetter || $0.isNumber }
                out += String(run) == variable ? String(value) : String(run)
                chars = chars.dropFirst(run.count)
                previous = run.last ?? "_"
            }
        }
        return out
    }
}

/// `t-1`, `2*i+1`: whole-number arithmetic in one variable, for subscripts.
enum IntegerExpression {
    /// nil when the text is not such an expression, or its value does not fit in an Int.
    static func evaluate(_ text: String, variable: String, value: Int) -> Int? {
        let stripped = text.filter { $0 != " " }
        guard stripped.contains(variable) else { return nil }
        var terms: [Int] = []
        var sign = 1
        var product: Int? = nil
        var token = ""
        func operand() -> Int? {
            defer { token = "" }
            if token == variable { return value }
            return Int(token)
        }
        for ch in stripped + "+" {
            if ch == "+" || ch == "-" || ch == "*" {
                guard let v = operand() else { return nil }
                let (p, o1) = (product ?? 1).multipliedReportingOverflow(by: v)
                guard !o1 else { return nil }
                if ch == "*" { product = p; continue }
                let (term, o2) = p.multipliedReportingOverflow(by: sign)
                guard !o2 else { return nil }
                terms.append(term)
                product = nil
                sign = ch == "-" ? -1 : 1
            } else {
                token.append(ch)
            }
        }
        var total = 0
        for t in terms {
            let (s, o) = total.addingReportingOverflow(t)
            guard !o else { return nil }
            total = s
        }
        return total
    }
}
