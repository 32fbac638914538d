// Statement results as text for people and as JSON for programs (SPEC §2.1).
import Engine

struct ResultOutput {
    let digits: Int
    let float: Bool
    /// The language of the words around values (`trace:`, the float-mode note) and of
    /// built-ins' trace steps (`attention: scores = Q K^T`).
    var language: Language = .en
    private var strings: any Strings { language.strings }

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
        case let .value(t): return TensorText.lines(t, digits: digits) + exactFormNote(t)
        case let .assigned(name, t): return labelled(name.canonical, t) + exactFormNote(t)
        case let .defined(f): return [strings.defined("\(f.name)(\(f.parameters.map(\.canonical).joined(separator: ", ")))")]
        }
    }

    /// Says where the exact forms the text leaves out can be seen, if anywhere.
    private func exactFormNote(_ t: Tensor) -> [String] {
        switch TensorText.hiddenExactForms(t) {
        case .tooLongForTheTable: return [strings.exactFormsTooLongForTable]
        case .tooLongToKeep: return [strings.exactFormNotKept]
        case nil: return []
        }
    }

    /// `name = value`, with a multi-line value indented under the name.
    func labelled(_ name: String, _ t: Tensor) -> [String] {
        let block = TensorText.lines(t, digits: digits)
        if block.count == 1 { return ["\(name) = \(block[0])"] }
        return ["\(name) ="] + block.map { "  " + $0 }
    }

    private func traceLines(_ step: TraceStep) -> [String] {
        let indent = String(repeating: "  ", count: step.depth + 1)
        let label = Sanitize.text(step.label(in: language))
        let inline = TensorText.inline(step.value, digits: digits)
        if !inline.hasSuffix(" tensor") { return ["\(indent)\(label) → \(inline)"] }
        return ["\(indent)\(label) →"] + TensorText.lines(step.value, digits: digits).map { indent + "    " + $0 }
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
