// The step's formulas as the documents write them, then with the numbers substituted,
// then the result (or `?` for a value the learner has still to predict).
import Engine

enum FormulaView {
    struct Line {
        let text: String
        let style: Style
    }

    static func lines(_ session: LessonSession, width: Int) -> [Line] {
        let k = session.step
        var out: [Line] = []
        for record in session.run.steps[k].shownRecords {
            let formula = UnicodeMath.statement(record.statement)
            out.append(Line(text: " " + formula, style: .tone(.current, bold: true)))
            // The values the statement read when it ran: in `G = J_3 G` the G on the right is
            // the one before this statement, not the lesson's final G.
            let used = Dictionary(record.referencedValues.map { ($0.name.canonical, $0.value) }, uniquingKeysWith: { a, _ in a })
            var rounded = false
            let substituted = UnicodeMath.statement(record.statement) { name in
                used[name.canonical].flatMap { numbers($0, digits: min(session.digits, 4)) }.map { shown in
                    rounded = rounded || shown.rounded
                    return shown.text
                }
            }
            let rhs = substituted.split(separator: "=", maxSplits: 1).last.map { String($0).trimmingSpaces } ?? substituted
            let indent = String(repeating: " ", count: 3)
            if substituted != formula, DisplayWidth.of(rhs) < width - 6 {
                out.append(Line(text: indent + (rounded ? "≈ " : "= ") + rhs, style: .tone(.muted)))
            }
            if case let .assigned(name, value) = record.outcome {
                if session.isHidden(name.canonical, inStep: k) {
                    out.append(Line(text: indent + "= ?   (predict it: type \(name) = …)", style: .tone(.accent, bold: true)))
                } else if value.count <= 4 {
                    let summary = TensorText.inline(value, digits: session.digits, limit: width - 8)
                    out.append(Line(text: indent + (summary.hasPrefix("≈") ? summary : "= " + summary), style: .plain))
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

    static func draw(_ t: TerminalSurface, _ r: Rect, lines: [Line]) {
        t.put(String(repeating: "─", count: r.width), row: r.top, col: 0, style: .tone(.muted))
        for (i, line) in lines.prefix(r.height - 1).enumerated() {
            let clipped = i == r.height - 2 && lines.count > r.height - 1 ? " …" : line.text
            t.put(Clip.text(clipped, width: r.width), row: r.top + 1 + i, col: 0, style: line.style)
        }
    }
}
