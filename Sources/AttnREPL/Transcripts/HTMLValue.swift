// One recorded value in the HTML export, laid out to read at the page width: the decimals
// first (the useful part), in a box that scrolls sideways when the matrix is wide; then the
// exact forms, beside the decimals when they are short, folded in <details> when long.
import Engine

enum HTMLValue {
    /// Rows and columns shown before the middle is elided (the box scrolls sideways).
    static let maxRows = 32, maxCols = 16
    /// Exact forms up to this many characters in all (and per cell) sit beside the decimals.
    static let shortExact = 90, shortCell = 30

    static func block(_ value: TranscriptValue, strings: any Strings = EnglishStrings()) -> String {
        let label = value.name.map { ExportMathML.name($0) } ?? ""
        guard let t = RecordedTensor(value) else {
            return box(label + "<mo>=</mo><mtext>?</mtext>", width: 8)
        }
        let decimals = grid(t, numbers: true) { ExportMathML.number($0.decimal) }
        let labelWidth = (value.name?.count ?? 0) + 3
        let decimalsWidth = labelWidth + width(t) { $0.decimal }
        if t.decimalsAreExact { return box(label + (label.isEmpty ? "" : "<mo>=</mo>") + decimals, width: decimalsWidth) }
        let approx = box(label + "<mo>≈</mo>" + decimals, width: decimalsWidth)
        guard t.hasExactForms else { return approx }
        let exact = grid(t) { ExportMathML.exact($0.exact ?? "") }
        let forms = shownCells(t).compactMap(\.exact)
        let short = forms.reduce(0) { $0 + $1.count } <= shortExact && forms.allSatisfy { $0.count <= shortCell }
        if short {
            return "<div class=\"value\">\(approx)<div class=\"exact scroll\" style=\"--w:\(width(t) { $0.exact ?? "" } + 3)\">"
                + math("<mo>=</mo>" + exact) + "</div></div>"
        }
        let summary = strings.exportExactForms(forms.count)
        return "<div class=\"value\">\(approx)<details><summary>\(summary)</summary>"
            + box(label + "<mo>=</mo>" + exact, width: labelWidth + width(t) { $0.exact ?? "" }) + "</details></div>"
    }

    /// A box holding one display formula, which scrolls sideways on a screen when it is wider
    /// than the page. `width` estimates it in characters (`--w`): in print, where nothing
    /// scrolls, the style sheet shrinks the formula by it to fit the page instead of cutting it.
    static func box(_ body: String, width: Int) -> String {
        "<div class=\"scroll\" style=\"--w:\(max(1, width))\">\(math(body))</div>"
    }

    /// About how many characters wide a grid of `text` is: its widest cell per column, and a gap.
    private static func width(_ t: RecordedTensor, _ text: (RecordedTensor.Cell) -> String) -> Int {
        if t.isScalar { return text(t.cell(0, 0)).count }
        let rows = t.shownRows(limit: maxRows)
        return t.shownColumns(limit: maxCols).reduce(4) { total, j in
            guard let j else { return total + 3 }
            return total + 2 + rows.map { i in i.map { text(t.cell($0, j)).count } ?? 1 }.max()!
        }
    }

    static func math(_ body: String, display: Bool = true) -> String {
        "<math\(display ? " display=\"block\"" : "")>\(body)</math>"
    }

    private static func shownCells(_ t: RecordedTensor) -> [RecordedTensor.Cell] {
        if t.isScalar { return [t.cell(0, 0)] }
        return t.shownRows(limit: maxRows).compactMap { $0 }.flatMap { i in
            t.shownColumns(limit: maxCols).compactMap { $0 }.map { t.cell(i, $0) }
        }
    }

    private static func grid(_ t: RecordedTensor, numbers: Bool = false, _ cell: (RecordedTensor.Cell) -> String) -> String {
        if t.isScalar { return cell(t.cell(0, 0)) }
        let rows = t.shownRows(limit: maxRows).map { i in
            t.shownColumns(limit: maxCols).map { j -> String in
                guard let i, let j else { return "<mo>\(i == nil ? "⋮" : "⋯")</mo>" }
                return cell(t.cell(i, j))
            }
        }
        return ExportMathML.matrix(rows, numbers: numbers)
    }
}
