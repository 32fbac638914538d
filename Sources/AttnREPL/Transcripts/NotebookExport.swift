// A transcript as a Jupyter notebook (nbformat 4.5): the learner's bridge from the math to
// code. A prelude cell defines the formula language in NumPy; then, in session order, a
// Markdown cell per lesson step (prose and formulas) and per note (a `:why`, a command, an
// error), and a code cell per statement that computes the same value in float64 under the
// same name, with the exact result recorded as the cell's text output. Each code cell's
// metadata (`attn_repl`) holds the recorded decimals, so a checker can compare.
import Engine

struct NotebookExport {
    let document: TranscriptDocument
    /// The words of the language the session was recorded in.
    var strings: any Strings { Language(named: document.settings.language).strings }
    /// Names a lesson's program assigns more than once (accumulators, names a later step reuses).
    private let reassigned: Set<String>

    init(document: TranscriptDocument) {
        self.document = document
        var again = Set<String>()
        for event in document.events {
            var seen = Set<String>()
            for line in event.program ?? [] {
                for statement in NumPyCode().statements(line) ?? [] {
                    guard let name = statement.assigned?.canonical else { continue }
                    if !seen.insert(name).inserted { again.insert(name) }
                }
            }
        }
        reassigned = again
    }

    private struct Builder {
        var cells: [JSON] = []
        var count = 0

        /// The digits results are recorded with now (`:digits` changes it), for the checks.
        var digits = 6
        /// The shapes names have at this point of the notebook, where known (for `@`).
        var shapes: [String: [Int]] = [:]

        mutating func markdown(_ lines: [String], checks: [JSON] = []) {
            guard !lines.isEmpty else { return }
            cells.append(.object([("cell_type", .string("markdown")), ("id", .string("cell-\(cells.count + 1)")),
                                  ("metadata", metadata(checks)), ("source", .string(ExportText.clean(lines.joined(separator: "\n"))))]))
        }

        func metadata(_ checks: [JSON]) -> JSON {
            checks.isEmpty ? .object([]) : .object([("attn_repl", .object([("results", .array(checks))]))])
        }

        /// What a checker compares with the value the name (or the cell's last expression) has.
        func check(_ value: TranscriptValue, python: String?) -> JSON? {
            guard value.defined == nil, let values = value.values else { return nil }
            var pairs: [(String, JSON)] = [("python", python.map(JSON.string) ?? .null), ("shape", .array((value.shape ?? []).map(JSON.int))),
                                           ("values", .array(values.map(JSON.string))), ("digits", .int(digits))]
            if let block = value.block { pairs.append(("block", .array(block.map(JSON.int)))) }
            return .object(pairs)
        }

        /// A code cell; `output` is the recorded text shown as its result, `checks` what a checker compares.
        mutating func code(_ source: String, output: String? = nil, checks: [JSON] = []) {
            count += 1
            var outputs: [JSON] = []
            if let output {
                outputs.append(.object([("output_type", .string("execute_result")), ("execution_count", .int(count)),
                                        ("data", .object([("text/plain", .string(ExportText.clean(output)))])), ("metadata", .object([]))]))
            }
            cells.append(.object([("cell_type", .string("code")), ("execution_count", .int(count)), ("id", .string("cell-\(cells.count + 1)")),
                                  ("metadata", metadata(checks)), ("outputs", .array(outputs)), ("source", .string(ExportText.clean(source)))]))
        }
    }

    func render() -> String {
        var b = Builder()
        let s = document.settings
        b.digits = s.digits
        b.markdown(["# " + strings.exportTitle(document.name), "",
                    [document.start.version.map { "attn-repl \($0)" }, document.start.date, strings.exportDigits(s.digits),
                     strings.exportArithmetic(float: s.float)].compactMap { $0 }.joined(separator: " · "), "",
                    strings.notebookIntroduction])
        b.code(NotebookPrelude.source)
        var steps: Int?
        for var event in document.events {
            if event.type == .lesson { steps = event.steps }
            if event.type == .step { event.steps = steps }
            add(event, to: &b)
        }
        let metadata: JSON = .object([
            ("kernelspec", .object([("display_name", .string("Python 3")), ("language", .string("python")), ("name", .string("python3"))])),
            ("language_info", .object([("name", .string("python"))])),
            ("attn_repl", .object([("session", .string(document.name)), ("digits", .int(s.digits)), ("float", .bool(s.float))])),
        ])
        let cells = b.cells.map { "  " + $0.serialized() }.joined(separator: ",\n")
        return "{\"nbformat\": 4, \"nbformat_minor\": 5,\n \"metadata\": \(metadata.serialized()),\n \"cells\": [\n\(cells)\n ]}\n"
    }

    private func add(_ e: TranscriptEvent, to b: inout Builder) {
        switch e.type {
        case .start: return
        case .lesson:
            var intro = ["## \(e.title ?? e.lesson ?? "lesson")", "", strings.exportLesson("`\(e.lesson ?? "")`", language: nil)]
            if let introduction = e.introduction { intro += ["", introduction] }
            b.markdown(intro)
            program(e.program, comment: strings.notebookLessonComment, into: &b)
            learnShapes(e.formulas, &b)
            if let step = e.step { b.markdown(stepCell(step, of: e.steps, title: e.stepTitle, e), checks: formulaChecks(e.formulas, b)) }
        case .step:
            learnShapes(e.formulas, &b)
            b.markdown(stepCell(e.step ?? 0, of: e.steps, title: e.title, e), checks: formulaChecks(e.formulas, b))
        case .command:
            if let digits = e.settings?.digits { b.digits = digits }
            b.markdown(["`\(e.input ?? "")`" + ExportText.settingsNote(e, strings)])
        case .why:
            b.markdown(["`\(e.input ?? ":why")`", ""] + (e.lines ?? []).map { "> " + $0 + "  " } + (e.error.map { ["", "    " + $0] } ?? []))
        case .input:
            guard e.error == nil, e.interrupted != true else { return note(e, into: &b) }
            program(e.program, comment: strings.notebookInputComment(e.input), into: &b)
            learnShapes(e.formulas, &b)
            if let formulas = e.formulas, !formulas.isEmpty { b.markdown(formulaLines(formulas), checks: formulaChecks(formulas, b)) }
        case .answer:
            let verdict = strings.exportVerdict(correct: e.correct == true)
            b.markdown([strings.exportAnswer("`\(e.input ?? "")`", verdict)] + (e.results ?? []).flatMap { ["", "$$" + ExportMath.latex($0, inline: false) + "$$"] })
        case .load:
            loaded(e, into: &b)
        case .statement:
            statement(e, into: &b)
        }
    }

    /// A Markdown note for an input that did not run (an error, or Ctrl-C).
    private func note(_ e: TranscriptEvent, into b: inout Builder) {
        var lines = ["```", e.input ?? "", "```"]
        if e.interrupted == true { lines.append("_\(strings.exportInterrupted)_") }
        if let error = e.error { lines += ["", "    " + error] }
        b.markdown(lines)
    }

    private func program(_ lines: [String]?, comment: String, into b: inout Builder) {
        guard let lines, !lines.isEmpty else { return }
        var code = ["# " + comment]
        for line in lines {
            // Written without shapes: the names it assigns change shape as it goes (loops).
            guard let translated = NumPyCode().statements(line) else { code.append("# \(strings.notebookNotTranslated) " + line); continue }
            code += translated.map(\.code)
            for assigned in translated.compactMap(\.assigned) { b.shapes[assigned.canonical] = nil }
        }
        b.code(code.joined(separator: "\n"))
    }

    private func stepCell(_ step: Int, of count: Int?, title: String?, _ e: TranscriptEvent) -> [String] {
        let number = count.map { "\(step)/\($0)" } ?? "\(step)"
        var lines = ["### " + strings.exportStep(number) + (title.map { " · " + $0 } ?? "")]
        if let prose = e.prose { lines += ["", prose] }
        return lines + formulaLines(e.formulas ?? [])
    }

    /// The shapes of a step's values (names no later step assigns again).
    private func learnShapes(_ formulas: [TranscriptFormula]?, _ b: inout Builder) {
        for f in formulas ?? [] {
            guard let value = f.value, let name = value.name, let shape = value.shape, !reassigned.contains(name) else { continue }
            b.shapes[name] = shape
        }
    }

    /// A step's values, compared with the names the lesson's code cell computed. A name the
    /// lesson assigns again in a later step is left out: the code cell holds its last value.
    private func formulaChecks(_ formulas: [TranscriptFormula]?, _ b: Builder) -> [JSON] {
        (formulas ?? []).compactMap { f in
            guard let value = f.value, let name = value.name, let line = NumPyCode().statements(f.input)?.last,
                  let (python, canonical) = line.assigned, canonical == name, !reassigned.contains(name) else { return nil }
            return b.check(value, python: python)
        }
    }

    private func formulaLines(_ formulas: [TranscriptFormula]) -> [String] {
        formulas.indices.flatMap { k -> [String] in
            let f = formulas[k]
            // Each loop pass starts with its index.
            let label = f.pass.flatMap { $0 == (k > 0 ? formulas[k - 1].pass : nil) ? nil : ["", "**\($0)**"] } ?? []
            var line = ExportMath.exact(f.input)
            if let numbers = f.substituted { line += (f.approximate == true ? " \\approx " : " = ") + LessonOutput.latexNumbers(numbers) }
            var out = label + ["", "$$" + ExportMath.latex(line) + "$$"]
            if f.hidden == true { out += ["", "_\(strings.exportExercise)_"] }
            if let value = f.value, value.defined == nil { out += ["", "$$" + ExportMath.latex(value, inline: false) + "$$"] }
            return out
        }
    }

    /// One code cell per statement that ran; the failing one (and its error) as a note.
    private func statement(_ e: TranscriptEvent, into b: inout Builder) {
        guard let input = e.input else {
            if let message = e.message { b.markdown([message]) }
            return
        }
        guard case let .complete(statements) = Parser.parse(input) else { return note(e, into: &b) }
        let source = SourceText(input)
        let results = e.results ?? []
        for (k, s) in statements.enumerated() where k < results.count {
            let value = results[k]
            // A function's body is written without shapes: its parameters hide the names outside.
            let isFunction: Bool
            if case .function = s.kind { isFunction = true } else { isFunction = false }
            var line = NumPyCode(shapes: isFunction ? [:] : b.shapes).statement(s)
            // NumPy has no automatic differentiation: a gradient is written out as the exact
            // values attn-repl computed, each exact form as a float64 expression.
            let derivative = isFunction ? nil : Self.differentiatedLiteral(s, text: source[s.range], value)
            if let derivative { line.code = derivative }
            if let name = value.name, value.defined == nil { b.shapes[name] = value.shape }
            var code = ["# " + source[s.range].replacingAll("\n", with: " ")]
            if let (python, canonical) = line.assigned, python != canonical {
                code.append("# \(canonical) is spelled \(python) in Python")
            }
            if derivative != nil { code.append("# grad/jacobian: NumPy has no automatic differentiation, so the exact values attn-repl computed are written out") }
            code.append(line.code)
            let shown = value.silent != true && value.defined == nil
            if shown, let (python, _) = line.assigned { code.append(python) }
            let checks = b.check(value, python: line.assigned?.python).map { [$0] } ?? []
            b.code(code.joined(separator: "\n"), output: shown ? outputText(value) : nil, checks: checks)
        }
        if e.error != nil || e.interrupted == true {
            let failed = statements.indices.contains(results.count) ? source[statements[results.count].range] : input
            var failedEvent = e
            failedEvent.input = failed
            note(failedEvent, into: &b)
        }
        if let message = e.message { b.markdown([message]) }
    }

    /// `G = np.array([...])` for a statement that calls grad or jacobian, from its recorded exact
    /// forms; nil for any other statement, or when a form was not recorded whole.
    private static func differentiatedLiteral(_ s: Statement, text: String, _ value: TranscriptValue) -> String? {
        guard text.contains("grad(") || text.contains("jacobian("), value.block == nil,
              let shape = value.shape, let exact = value.exact else { return nil }
        let code = NumPyCode()
        let elements = exact.compactMap { $0.flatMap(code.exactForm) }
        guard elements.count == exact.count, !elements.isEmpty else { return nil }
        let array = "np.array([\(elements.joined(separator: ", "))], dtype=np.float64)"
        let literal = shape.isEmpty ? "\(array)[0]" : "\(array).reshape(\(shape.map(String.init).joined(separator: ", ")))"
        if case let .assignment(n, _) = s.kind { return "\(NumPyCode.identifier(n)) = \(literal)" }
        return literal
    }

    /// `:load`: the recorded elements, written out (replay and the notebook never read the file).
    private func loaded(_ e: TranscriptEvent, into b: inout Builder) {
        guard let name = e.name, let data = e.data, let n = Parser.parseName(name) else {
            return b.markdown(["`\(e.input ?? ":load")`" + (e.message.map { ": " + $0 } ?? "")])
        }
        let elements = data.exact.map { NumPyCode().exactForm($0) ?? "float('nan')" }
        let id = NumPyCode.identifier(n)
        let array = "np.array([\(elements.joined(separator: ", "))], dtype=np.float64)"
        let shaped = data.shape.isEmpty ? "\(array)[0]" : "\(array).reshape(\(data.shape.map(String.init).joined(separator: ", ")))"
        b.shapes[name] = data.shape
        b.code("# \(e.input ?? ":load"): the values it read\n\(id) = \(shaped)\n\(id)", output: e.results?.first.map(outputText))
    }

    /// The exact result as attn-repl recorded it: `x = [1/2, exp(1)/3]`, then `≈` its decimals;
    /// a matrix row by row.
    private func outputText(_ v: TranscriptValue) -> String {
        let label = v.name.map { "\($0) = " } ?? ""
        let decimals = grid(v, v.values ?? [])
        guard let exact = v.exact, exact.allSatisfy({ $0 != nil }) else { return label + "≈ " + decimals }
        let exactText = grid(v, exact.map { $0 ?? "?" })
        return exactText == decimals ? label + exactText : label + exactText + "\n≈ " + decimals
    }

    /// `3`, `[1, 2]`, `[[1, 2],\n [3, 4]]`; a large tensor's recorded block, then `…`.
    private func grid(_ v: TranscriptValue, _ cells: [String]) -> String {
        let shape = v.shape ?? []
        guard shape.count == 2 else { return shape.isEmpty ? cells.first ?? "?" : "[" + cells.joined(separator: ", ") + "]" }
        let cols = v.block?.last ?? shape[1]
        guard cols > 0 else { return "[]" }
        let rows = stride(from: 0, to: cells.count, by: cols).map { "[" + cells[$0..<min(cells.count, $0 + cols)].joined(separator: ", ") + "]" }
        let more = v.block == nil ? "" : "\n (the first \(v.block![0])×\(v.block![1]) of \(shape[0])×\(shape[1]))"
        return "[" + rows.joined(separator: ",\n ") + "]" + more
    }
}
