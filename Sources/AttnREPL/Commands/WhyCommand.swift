// `:why NAME[i, j]`: how one element was computed, one level deep, with the numbers used.
import Engine

enum WhyCommand {
    static let command = ReplCommand(name: "why", arguments: "NAME[i, j]",
                                     summary: "explain how one value was computed (e.g. :why alpha_{2,3}, :why A[2, 3])") { state, arg in
        switch parse(arg, strings: state.strings) {
        case let .failure(error): return .fail(error.message)
        case let .success((name, index)): return explain(name, index, state: state)
        }
    }

    /// `alpha_{2,3}` or `A[2, 3]` / `x_1[2]`: a name and 1-based indices.
    static func parse(_ text: String, strings: any Strings = Language.en.strings) -> Result<(String, [Int]), WhyError> {
        let usage = WhyError(strings.whyUsage)
        guard case let .complete(statements) = Parser.parseExpression(text), statements.count == 1,
              case let .expression(e) = statements[0].kind else { return .failure(usage) }
        switch e.kind {
        case let .name(n): return .success((n.canonical, []))
        case let .index(base, indices):
            guard case let .name(n) = base.kind else { return .failure(usage) }
            var numbers: [Int] = []
            for i in indices {
                guard case let .number(t) = i.kind, let k = Int(t), k >= 1 else {
                    return .failure(WhyError(strings.whyPositions("\(n)[2, 3]")))
                }
                numbers.append(k)
            }
            return .success((n.canonical, numbers))
        default:
            return .failure(usage)
        }
    }

    static func explain(_ name: String, _ index: [Int], state: ReplState) -> CommandResult {
        let lesson = state.lesson, strings = state.strings
        if let lesson, lesson.pendingExercises.contains(name) {
            return .fail(strings.whyExercise(name))
        }
        guard let record = lesson?.record(for: name) ?? state.assignments[name],
              let value = record.outcome.tensor else {
            if let input = lesson?.run.inputs.first(where: { $0.name == name }) {
                return .lines(strings.whyInput(name, TensorText.inline(input.value, digits: state.digits)))
            }
            if let f = state.interpreter.environment.functions[name] {
                return .fail(strings.whyFunction(name, "\(name)(\(f.parameters.map(\.canonical).joined(separator: ", "))) = \(f.source[f.body.range])"))
            }
            let known = state.interpreter.environment.variables[name] != nil || lesson?.run.value(of: name) != nil
            return .fail(known ? strings.whySetDirectly(name) : strings.unknownName(name))
        }
        guard let (row, col) = position(index, in: value.shape, name: name) else {
            return .fail(indexError(name, index, value.shape, strings: strings))
        }
        guard let explanation = CellExplainer(record: record, name: name, row: row, col: col, digits: state.digits,
                                                      language: state.language).explain() else {
            return .fail(strings.whyNoFormula(name))
        }
        var lines = explanation.lines
        let next = explanation.dependencies.filter { $0 != name }
        if !next.isEmpty { lines.append(strings.whyUses(next)) }
        return .lines(lines)
    }

    /// 0-based row and column of a 1-based index, checked against the shape.
    static func position(_ index: [Int], in shape: Shape, name: String) -> (Int, Int)? {
        switch (shape, index.count) {
        case (.scalar, 0): return (0, 0)
        case let (.vector(n), 1) where index[0] <= n: return (index[0] - 1, 0)
        case let (.matrix(r, c), 2) where index[0] <= r && index[1] <= c: return (index[0] - 1, index[1] - 1)
        case let (.matrix(1, c), 1) where index[0] <= c: return (0, index[0] - 1)
        default: return nil
        }
    }

    static func indexError(_ name: String, _ index: [Int], _ shape: Shape, strings: any Strings = Language.en.strings) -> String {
        switch shape {
        case .scalar: return strings.whyScalar(name)
        case let .vector(n): return strings.whyVector(name, n)
        case let .matrix(r, c): return strings.whyMatrix(name, r, c)
        }
    }
}

struct WhyError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
