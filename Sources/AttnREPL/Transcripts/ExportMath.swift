// Recorded values as LaTeX, for the Markdown export: `x = \begin{bmatrix} … \end{bmatrix}`,
// exact forms (parsed back from the formula-language text the transcript records) and
// `\approx` their decimals.
import Engine

enum ExportMath {
    static let maxRows = 12, maxCols = 8

    /// Never holds a backtick or a line break, so it cannot end the ```math block or $`…`$ it is in.
    static func latex(_ value: TranscriptValue, inline: Bool) -> String {
        String(unfenced(value).map { $0 == "`" ? "'" : $0.isNewline ? " " : $0 })
    }

    private static func unfenced(_ value: TranscriptValue) -> String {
        let name = value.name.map(LaTeX.name)
        let prefix = name.map { $0 + " = " } ?? ""
        guard let t = RecordedTensor(value) else { return prefix + "\\text{?}" }
        let decimals = grid(t) { number($0.decimal) }
        if t.decimalsAreExact { return prefix + decimals }
        if t.hasExactForms { return prefix + grid(t) { exact($0.exact ?? "") } + " \\approx " + decimals }
        return (name.map { $0 + " " } ?? "") + "\\approx " + decimals      // `A \approx …`, not `A = \approx …`
    }

    private static func grid(_ t: RecordedTensor, _ cell: (RecordedTensor.Cell) -> String) -> String {
        if t.isScalar { return cell(t.cell(0, 0)) }
        let body = t.shownRows(limit: maxRows).map { i in
            t.shownColumns(limit: maxCols).map { j in
                guard let i, let j else { return i == nil ? "\\vdots" : "\\cdots" }
                return cell(t.cell(i, j))
            }.joined(separator: " & ")
        }.joined(separator: " \\\\ ")
        return "\\begin{bmatrix} \(body) \\end{bmatrix}"
    }

    /// `1.5e-07` → `1.5 \times 10^{-7}`; anything that is not a number (a file from elsewhere) as text.
    static func number(_ d: String) -> String {
        let numeric = !d.isEmpty && d.allSatisfy { $0.isASCII && ($0.isNumber || "-+.e".contains($0)) }
        return numeric ? LaTeX.decimal(d) : "\\text{\(LaTeX.escape(d))}"
    }

    /// An exact form (or a statement: `e_{2,1} = h_2^T x_1`) as LaTeX; text that does not parse is shown as text.
    static func exact(_ text: String) -> String {
        if case let .complete(s) = Parser.parse(text), s.count == 1 {
            switch s[0].kind {
            case let .expression(e): return LaTeX.expression(e)
            case let .assignment(n, e): return LaTeX.name(n) + " = " + LaTeX.expression(e)
            case .function: break
            }
        }
        return "\\text{\(LaTeX.escape(text))}"
    }

    /// LaTeX made safe for a ```math block: no backtick, no line break.
    static func latex(_ text: String) -> String {
        String(text.map { $0 == "`" ? "'" : $0.isNewline ? " " : $0 })
    }
}
