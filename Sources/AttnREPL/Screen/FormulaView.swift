// The step's formulas as the documents write them, then with the numbers substituted, then
// the result (or `?` for a value the learner has still to predict). A loop shows every pass,
// each labelled by its index; long lines wrap, never cut.
import Engine

enum FormulaView {
    static func lines(_ session: LessonSession, width: Int, strings: ScreenStrings) -> [DocumentLine] {
        let k = session.step
        var out: [DocumentLine] = []
        var previousPass: LoopPass?
        for (n, (record, pass)) in session.run.steps[k].formulas.enumerated() {
            let anchor = StepDocument.formulaAnchor + 1 + n
            func add(_ text: String, _ style: Style, indent: Int) {
                let pad = String(repeating: " ", count: indent)
                for piece in TextWrap.wrap([Segment(text: text, style: style)], width: max(10, width - indent)) {
                    out.append(DocumentLine(segments: [Segment(text: pad, style: .plain)] + piece, anchor: anchor))
                }
            }
            // Each loop pass starts with its index (`i = 2`), so every head_i, and an
            // accumulator's `Z = Z + head_i …`, reads as the pass it belongs to.
            if let pass, pass != previousPass {
                add("\(UnicodeMath.name(pass.variable)) = \(pass.value)", .tone(.accent), indent: 0)
            }
            previousPass = pass
            let formula = UnicodeMath.statement(record.statement)
            // The values the statement read when it ran: in `G = J_3 G` the G on the right is
            // the one before this statement, not the lesson's final G.
            let used = Dictionary(record.referencedValues.map { ($0.name.canonical, $0.value) }, uniquingKeysWith: { a, _ in a })
            let base = pass == nil ? 0 : 1          // a pass's lines sit under its index
            add(formula, .tone(.current, bold: true), indent: base)
            var rounded = false
            let substituted = UnicodeMath.statement(record.statement) { name in
                used[name.canonical].flatMap { numbers($0, digits: min(session.digits, 4)) }.map { shown in
                    rounded = rounded || shown.rounded
                    return shown.text
                }
            }
            let rhs = substituted.split(separator: "=", maxSplits: 1).last.map { String($0).trimmingSpaces } ?? substituted
            if substituted != formula {
                add((rounded ? "≈ " : "= ") + rhs, .tone(.muted), indent: base + 3)
            }
            if case let .assigned(name, value) = record.outcome {
                if session.isHidden(name.canonical, inStep: k) {
                    add(strings.predictFormula(name.description), .tone(.accent, bold: true), indent: base + 3)
                } else if value.count <= 4 {
                    let summary = TensorText.inline(value, digits: session.digits, limit: 10_000)
                    add(summary.hasPrefix("≈") ? summary : "= " + summary, .plain, indent: base + 3)
                }
            }
        }
        return out
    }

    /// A value as it reads inside a formula: `-1/2`, `0.0566`, `[1, 0, 2]`, and whether it is
    /// rounded (then the line says ≈, not =); nil when too long.
    static func numbers(_ t: Tensor, digits: Int) -> (text: String, rounded: Bool)? {
        if t.shape == .scalar {
            let c = CellText(t.scalar(at: 0), digits: digits, exactLimit: 12)
            if c.decimalIsExact { return (c.decimal, false) }
            if t.scalar(at: 0).rational != nil, let exact = c.exact { return (exact, false) }
            return (c.decimal, true)
        }
        let text = TensorText.inline(t, digits: digits, limit: 40)
        return text.hasSuffix(" tensor") ? nil : (text.replacingAll("≈ ", with: ""), text.hasPrefix("≈"))
    }
}
