// Statement results as text for people and as JSON for programs (SPEC §2.1).
import Engine

struct ResultOutput {
    let digits: Int
    let float: Bool
    /// The language of the words around values (`trace:`, the float-mode note) and of
    /// built-ins' trace steps (`attention: scores = Q K^T`).
    var language: Language = .en
    private var strings: any Strings { language.strings }
    /// How names and the long-exact-form note read (the screen's differ from the line REPL's).
    var wording = ResultWording.typed

    /// Refuses output whose digits would not fit in the memory budget (SPEC §4), before any
    /// is computed: `all` when every value is printed (JSON), otherwise as many as a text
    /// block shows (the middle of a large tensor is elided).
    func checkBudget(_ tensors: [Tensor], all: Bool) throws {
        guard !float else { return }
        let count = tensors.reduce(0) { $0 + (all ? $1.shape.count : min($1.shape.count, 24 * 10)) }
        try MemoryBudget.requireForPrinting(values: count, digits: digits)
    }

    /// The last statement's value, preceded by the trace when asked.
    func text(_ records: [StatementRecord], trace: Bool) -> [String] {
        var lines: [String] = []
        if trace {
            lines.append(strings.traceHeading)
            for record in records {
                for step in record.trace { lines.append(contentsOf: traceLines(step)) }
            }
            lines.append(strings.valueHeading)
        }
        guard let last = records.last else { return lines }
        lines.append(contentsOf: value(last))
        if float { lines.append(strings.floatNote) }
        return lines
    }

    /// What a statement shows: its value, `name = value`, or a defined function's signature.
    func value(_ record: StatementRecord) -> [String] {
        switch record.outcome {
        case let .value(t):
            let shown = TensorText.layout(t, digits: digits, width: wording.width)
            return shown.lines + exactFormNote(t, name: Self.shownName(record.statement), droppedForWidth: shown.droppedExactForms)
        case let .assigned(name, t):
            let shown = labelledLayout(wording.name(name.canonical), t)
            return shown.lines + exactFormNote(t, name: name.canonical, droppedForWidth: shown.droppedExactForms)
        case let .defined(f): return [strings.defined("\(f.name)(\(f.parameters.map(\.canonical).joined(separator: ", ")))")]
        }
    }

    /// Says where the exact forms the text leaves out can be seen, if anywhere; `name` is
    /// what the value can be asked about by (`:why NAME[i, j]`), if it has one.
    /// `droppedForWidth`: the text left exact forms out to fit the terminal.
    private func exactFormNote(_ t: Tensor, name: String?, droppedForWidth: Bool) -> [String] {
        switch TensorText.hiddenExactForms(t) ?? (droppedForWidth ? .tooLongForTheTable : nil) {
        case .tooLongForTheTable: return wording.exactFormsNote?(name, t.shape) ?? [strings.exactFormsTooLongForTable]
        case .tooLongToKeep: return [strings.exactFormNotKept]
        case nil: return []
        }
    }

    /// The name a statement that only names a value (`s`) shows.
    private static func shownName(_ statement: Statement) -> String? {
        guard case let .expression(e) = statement.kind, case let .name(n) = e.kind else { return nil }
        return n.canonical
    }

    /// `name = value`, with a multi-line value indented under the name.
    func labelled(_ name: String, _ t: Tensor) -> [String] { labelledLayout(name, t).lines }

    private func labelledLayout(_ name: String, _ t: Tensor) -> (lines: [String], droppedExactForms: Bool) {
        let shown = TensorText.layout(t, digits: digits, width: wording.width.map { $0 - 2 })
        if shown.lines.count == 1 { return (["\(name) = \(shown.lines[0])"], shown.droppedExactForms) }
        return (["\(name) ="] + shown.lines.map { "  " + $0 }, shown.droppedExactForms)
    }

    private func traceLines(_ step: TraceStep) -> [String] {
        let indent = String(repeating: "  ", count: step.depth + 1)
        let label = Sanitize.text(step.label(in: language))
        let inline = TensorText.inline(step.value, digits: digits)
        if !inline.hasSuffix(" tensor") { return ["\(indent)\(label) → \(inline)"] }
        let width = wording.width.map { $0 - indent.count - 4 }
        return ["\(indent)\(label) →"] + TensorText.lines(step.value, digits: digits, width: width).map { indent + "    " + $0 }
    }

    func json(input: String, _ records: [StatementRecord], trace: Bool) -> JSON {
        var pairs: [(String, JSON)] = [("input", .string(input))]
        let value = records.last?.outcome.tensor.map { tensorJSON($0) } ?? .null
        pairs.append(("value", value))
        if trace {
            let steps = records.flatMap(\.trace).map { step in
                JSON.object([("expr", .string(step.label)), ("value", tensorJSON(step.value))])
            }
            pairs.append(("trace", .array(steps)))
        }
        if float { pairs.append(("float", .bool(true))) }
        return .object(pairs)
    }

    private func tensorJSON(_ t: Tensor) -> JSON { JSON.tensor(t, digits: digits) }
}
