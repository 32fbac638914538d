// Recorded values as MathML for the HTML export: a name, `=`, a bracketed <mtable> of exact
// forms (fractions as <mfrac>, other forms as text) and `≈` a table of their decimals.
import Engine

enum ExportMathML {
    static func math(_ value: TranscriptValue, display: Bool) -> String {
        var body = value.name.map { name($0) + "<mo>=</mo>" } ?? ""
        if let t = RecordedTensor(value) {
            let decimals = grid(t) { number($0.decimal) }
            if t.decimalsAreExact {
                body += decimals
            } else if t.hasExactForms {
                body += grid(t) { exact($0.exact ?? "") } + "<mo>≈</mo>" + decimals
            } else {
                body += "<mo>≈</mo>" + decimals
            }
        } else {
            body += "<mtext>?</mtext>"
        }
        return "<math\(display ? " display=\"block\"" : "")>\(body)</math>"
    }

    private static func grid(_ t: RecordedTensor, _ cell: (RecordedTensor.Cell) -> String) -> String {
        if t.isScalar { return cell(t.cell(0, 0)) }
        let rows = t.shownRows(limit: ExportMath.maxRows).map { i in
            "<mtr>" + t.shownColumns(limit: ExportMath.maxCols).map { j in
                guard let i, let j else { return "<mtd><mo>\(i == nil ? "⋮" : "⋯")</mo></mtd>" }
                return "<mtd>\(cell(t.cell(i, j)))</mtd>"
            }.joined() + "</mtr>"
        }.joined()
        return "<mrow><mo>[</mo><mtable>\(rows)</mtable><mo>]</mo></mrow>"
    }

    /// `x_1` → x with subscript 1; Greek names as their letters.
    static func name(_ canonical: String) -> String {
        let parts = canonical.split(separator: "_", maxSplits: 1).map(String.init)
        let base = "<mi>\(HTMLExport.escape(NameSpelling.character(parts[0]).map(String.init) ?? parts[0]))</mi>"
        guard parts.count == 2 else { return base }
        var sub = parts[1]
        if sub.hasPrefix("{") && sub.hasSuffix("}") { sub = String(sub.dropFirst().dropLast()) }
        return "<msub>\(base)<mi>\(HTMLExport.escape(sub))</mi></msub>"
    }

    static func number(_ d: String) -> String { "<mn>\(HTMLExport.escape(d))</mn>" }

    /// A rational as a fraction; any other exact form as its formula text.
    static func exact(_ text: String) -> String {
        let parts = text.split(separator: "/")
        if parts.count == 2, parts.allSatisfy({ $0.allSatisfy { $0.isNumber || $0 == "-" } }) {
            let negative = parts[0].hasPrefix("-")
            let fraction = "<mfrac><mn>\(parts[0].drop { $0 == "-" })</mn><mn>\(parts[1])</mn></mfrac>"
            return negative ? "<mrow><mo>−</mo>\(fraction)</mrow>" : fraction
        }
        if text.allSatisfy({ $0.isNumber || $0 == "-" }) { return number(text) }
        return "<mtext>\(HTMLExport.escape(text))</mtext>"
    }
}
