// A lesson run written out: as text for a terminal, JSON for programs (SPEC §2.1),
// and Markdown with LaTeX that reads like a worked example and renders on GitHub.
import Engine

struct LessonOutput {
    let digits: Int
    let float: Bool
    /// The terminal's width when the text goes to one: prose no wider, tensors laid out to it.
    var columns: Int?
    private var width: Int { Self.proseWidth(columns: columns) }
    private var tensorWidth: Int? { Self.tensorWidth(columns: columns) }

    /// Prose as text is 78 columns wide, or as wide as a narrower terminal.
    static func proseWidth(columns: Int?) -> Int { min(78, columns ?? 78) }
    /// A formula's value, indented 6 under it, is laid out to the rest of a terminal's width.
    static func tensorWidth(columns: Int?) -> Int? { columns.map { $0 - 6 } }

    // MARK: Text

    func text(_ run: LessonRun) -> [String] {
        let lesson = run.lesson, strings = lesson.language.strings
        var out = ["\(lesson.title) (\(lesson.id))", String(repeating: "=", count: min(width, DisplayWidth.of(lesson.title) + lesson.id.count + 3))]
        if !lesson.introduction.isEmpty { out += [""] + TextWrap.lines(PlainProse.text(lesson.introduction), width: width) }
        out += ["", strings.inputsHeading]
        var inputs = ResultOutput(digits: digits, float: float)
        inputs.wording.width = columns.map { $0 - 2 }
        for (name, value) in run.inputs { out += indented(inputs.labelled(name, value)) }
        for (k, step) in lesson.steps.enumerated() {
            out += [""] + TextWrap.lines(strings.stepHeading(k + 1, of: lesson.steps.count, step.title), width: width)
            if !step.prose.isEmpty { out += TextWrap.lines(PlainProse.text(step.prose), width: width) }
            // Every pass of a loop, labelled with its index (`i = 2`), not only the last.
            for (record, pass) in run.steps[k].formulas {
                out.append("")
                out.append("  " + Sanitize.text(record.text) + (pass.map { "      " + strings.loopPass("\($0)") } ?? ""))
                if let (numbers, rounded) = Self.substituted(record, digits: digits) { out.append("      \(rounded ? "≈" : "=") " + numbers) }
                if let t = record.outcome.tensor { out += TensorText.lines(t, digits: digits, width: tensorWidth).map { "      " + $0 } }
            }
            for name in step.exercises {
                out += ["", "  " + strings.exerciseShownAbove(name)]
            }
        }
        if float { out += ["", strings.floatNote] }
        return out
    }

    private func indented(_ lines: [String]) -> [String] { lines.map { "  " + $0 } }

    // MARK: JSON

    func json(_ run: LessonRun) -> JSON {
        let steps = zip(run.lesson.steps, run.steps).map { step, result in
            JSON.object([
                ("title", .string(step.title)),
                ("tensors", .array(result.tensors.map { name, value in
                    guard case let .object(fields) = JSON.tensor(value, digits: digits) else { return .null }
                    return .object([("name", .string(name))] + fields)
                })),
            ])
        }
        var pairs: [(String, JSON)] = [
            ("lesson", .string(run.lesson.id)),
            ("title", .string(run.lesson.title)),
            ("inputs", .object(run.inputs.map { ($0.name, JSON.tensor($0.value, digits: digits)) })),
            ("steps", .array(steps)),
        ]
        if float { pairs.append(("float", .bool(true))) }
        return .object(pairs)
    }

    // MARK: Markdown

    func markdown(_ run: LessonRun) -> [String] {
        let lesson = run.lesson, strings = lesson.language.strings
        var out = ["# \(lesson.title)", ""]
        if !lesson.introduction.isEmpty { out += [lesson.introduction, ""] }
        out += ["**\(strings.inputsHeading)**", ""]
        for (name, value) in run.inputs {
            out.append("- $`\(LaTeX.name(name))\(equals(LaTeX.tensor(value, digits: digits)))`$")
        }
        for (k, step) in lesson.steps.enumerated() {
            out += ["", "## \(k + 1). \(step.title)", ""]
            if !step.prose.isEmpty { out += [step.prose, ""] }
            var math: [String] = []
            // Every loop pass, labelled with its index, as in the text output.
            for (record, pass) in run.steps[k].formulas {
                guard let line = mathLine(record) else { continue }
                math.append(line + (pass.map { " \\qquad (\(LaTeX.name($0.variable)) = \($0.value))" } ?? ""))
            }
            if !math.isEmpty { out += ["```math", "\\begin{aligned}"] + math.map { $0 + " \\\\" } + ["\\end{aligned}", "```"] }
            for name in step.exercises {
                let answer = run.steps[k].tensors.first { $0.name == name }.map { LaTeX.tensor($0.value, digits: digits) } ?? "?"
                out += ["", strings.markdownExercise(LaTeX.name(name), answer: answer)]
                if let hint = step.hint { out.append("> " + strings.markdownHintPrefix + hint.replacingAll("\n", with: " ")) }
            }
        }
        if float { out += ["", strings.markdownFloatNote] }
        return out
    }

    /// A scalar result's formula with the numbers it used (`0.5·1 + 1·0 + (-0.5)·2`), short ones only.
    static func substituted(_ record: StatementRecord, digits: Int) -> (text: String, rounded: Bool)? {
        guard case let .assigned(name, value) = record.outcome, value.shape == .scalar,
              let e = CellExplainer(record: record, name: name.canonical, row: 0, col: 0, digits: digits).explain(),
              let numbers = e.substituted, numbers.count <= 90 else { return nil }
        return (numbers, e.substitutedIsRounded)
    }

    /// The plain-text numbers line as LaTeX: `·` becomes `\cdot`, `exp(` becomes `\exp(`.
    static func latexNumbers(_ s: String) -> String {
        s.replacingAll("·", with: " \\cdot ")
            .replacingAll("exp(", with: "\\exp(")
            .replacingAll("tanh(", with: "\\tanh(")
    }

    /// ` = value`, or ` \approx decimals` when the value has only decimals to show.
    private func equals(_ value: String) -> String {
        value.hasPrefix("\\approx") ? " " + value : " = " + value
    }

    /// `e_{2,1} &= h_2^\top x_1 = -\frac{14}{25}` for one statement.
    private func mathLine(_ record: StatementRecord) -> String? {
        switch (record.statement.kind, record.outcome) {
        case let (.assignment(name, e), .assigned(_, value)):
            let formula = LaTeX.expression(e), result = LaTeX.tensor(value, digits: digits)
            let redundant = formula == result || { if case .bracket = e.kind { return true }; if case .number = e.kind { return true }; return false }()
            let numbers = Self.substituted(record, digits: digits).map { ($1 ? " \\approx " : " = ") + Self.latexNumbers($0) } ?? ""
            return "\(LaTeX.name(name)) &= \(formula)" + numbers + (redundant ? "" : equals(result))
        case let (.expression(e), .value(value)):
            return "&\(LaTeX.expression(e))\(equals(LaTeX.tensor(value, digits: digits)))"
        default:
            return nil
        }
    }
}
