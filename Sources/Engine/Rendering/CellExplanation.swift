// `:why`: how one element of a tensor was computed, one level deep, with the numbers the
// statement actually used (read from its trace, so later rebinding cannot change them):
// `e_{2,1} = h_2^T x_1 = 1·2 + 0·(-1) + 3·0.5 = 7/2`.

public struct CellExplanation: Sendable {
    /// The statement, then the element's formula with its operands and their numbers.
    public let lines: [String]
    /// The names the statement read: where to ask `:why` next.
    public let dependencies: [String]
    /// The element's formula with only numbers in it (`1·2 + 0·(-1) + 3·0.5`), when there is one.
    public let substituted: String?
    /// Some number in `substituted` is rounded (so it is ≈ the value, not = it).
    public let substitutedIsRounded: Bool
}

public struct CellExplainer {
    let record: StatementRecord
    let name: String
    let digits: Int
    /// The element asked about: 0-based row and column (a vector's column is 0).
    let row: Int, col: Int
    /// The language of the words among the formulas (`picked by`, `terms`).
    let language: Language

    /// At most this many terms of a sum are written out.
    static let shownTerms = 10

    public init(record: StatementRecord, name: String, row: Int, col: Int, digits: Int, language: Language = .en) {
        self.record = record; self.name = name; self.row = row; self.col = col; self.digits = min(digits, 12)
        self.language = language
    }

    private func words(_ m: Message) -> String { m.text(in: language) }

    public func explain() -> CellExplanation? {
        guard let value = record.outcome.tensor, let e = record.expression else { return nil }
        var lines: [String] = []
        let label = name + CellExplainer.index(value.shape, row, col)
        let cell = CellText(element(value, row, col), digits: digits)
        let result = cell.summary
        let steps = rule(e.ungrouped, target: value)
        // Parts that only repeat the result (its exact form or decimals) are left out, and a
        // part that reads as the one before it (`3 · 4 = 3 · 4`) is shown once.
        let squeezed = { (s: String) in s.filter { $0 != " " } }
        let repeats = Set([result, cell.exact ?? "", cell.decimal].map(squeezed))
        let parts = steps.filter { !$0.formula.isEmpty && !repeats.contains(squeezed($0.formula)) }
        let shown = parts.enumerated().filter { i, p in i == 0 || p.formula != parts[i - 1].formula }.map(\.element)
        let relation = { (p: Step) in p.approximate ? "≈" : "=" }
        let oneLine = label + shown.map { " \(relation($0)) \($0.formula)" }.joined() + " " + equalsResult(result)
        // The statement heads the explanation unless the formula line already starts with it,
        // as a scalar's does (`e = h^T x = 0.5·0 + 1·1 = 1`): then it would be printed twice.
        if !restatesStatement(oneLine.dropFirst(label.count), e) { lines.append(record.text) }
        if oneLine.count <= 110 {
            lines.append(oneLine)
        } else {
            // Long sums: one part per line, the relations aligned under the first.
            let indent = String(repeating: " ", count: label.count + 1)
            lines.append(label + (shown.first.map { " \(relation($0)) \($0.formula)" } ?? ""))
            lines += shown.dropFirst().map { "\(indent)\(relation($0)) \($0.formula)" }
            lines.append(indent + equalsResult(result))
        }
        // A note may hold several lines (a gradient's chain rule, one level each); `lines` is one
        // line per element, since the screen shows a line break inside an element as ␊.
        lines += steps.compactMap(\.note).flatMap { $0.split(separator: "\n").map(String.init) }
        let dependencies = record.referencedValues.map(\.name.canonical)
        let numbers = steps.last.flatMap { last -> (String, Bool)? in
            parts.contains { $0.formula == last.formula } && steps.count > 1 && !last.formula.contains("…") ? (last.formula, last.approximate) : nil
        }
        return CellExplanation(lines: lines, dependencies: dependencies, substituted: numbers?.0, substitutedIsRounded: numbers?.1 ?? false)
    }

    /// Whether `formulas` (the formula line after its label: ` = h_2^T x_2 = … = 1`) begins with
    /// the statement's right-hand side `e`, up to spacing and how a product and grouping are
    /// written (the line writes `a * 3` as `a · 3` and may add parentheses).
    private func restatesStatement(_ formulas: Substring, _ e: Expr) -> Bool {
        let plain = { (s: String) in s.filter { !" ·*()".contains($0) } }
        let line = plain(String(formulas)), statement = "=" + plain(text(e))
        guard line.hasPrefix(statement) else { return false }
        let next = line.dropFirst(statement.count).first
        return next == nil || next == "=" || next == "≈"
    }

    private func equalsResult(_ summary: String) -> String {
        summary.hasPrefix("≈") ? summary : "= " + summary
    }

    // MARK: Rules, one per kind of expression

    private struct Step {
        let formula: String
        var note: String? = nil
        /// Some number in it is rounded: it is joined with ≈, not =.
        var approximate = false
    }

    /// Counts numbers shown rounded, so a step built from them is marked approximate.
    private final class RoundingCount { var value = 0 }
    private let rounded = RoundingCount()

    private func numeric(_ build: () -> String) -> Step {
        let before = rounded.value
        let text = build()
        return Step(formula: text, approximate: rounded.value > before)
    }

    private func rule(_ e: Expr, target: Tensor) -> [Step] {
        switch e.kind {
        case let .binary(op, a, b):
            guard let A = record.value(of: a), let B = record.value(of: b) else { break }
            return binary(op, a, A, b, B, target: target)
        case let .unary(.negate, a):
            guard let A = record.value(of: a) else { break }
            return [Step(formula: "-\(operand(a, A))"), numeric { "-\(number(A, at: broadcast(A), within: .product))" }]
        case let .transpose(a, _):
            guard let A = record.value(of: a) else { break }
            return [Step(formula: "\(operand(a, A, (col, row)))"), numeric { number(A, at: (col, row)) }]
        case let .call(f, args):
            return call(f.canonical, args, target: target)
        case let .name(n):
            guard let A = record.value(of: e) else { break }
            return [Step(formula: "\(n.canonical)\(CellExplainer.index(A.shape, row, col))")]
        case let .bracket(literal):
            return bracket(literal)
        case .number, .pi:
            return [Step(formula: text(e))]
        case let .index(base, _):
            return [Step(formula: words("an element of \(text(base)) picked by \(text(e))"))]
        default:
            break
        }
        return [Step(formula: text(e))]
    }

    private func binary(_ op: BinaryOperator, _ a: Expr, _ A: Tensor, _ b: Expr, _ B: Tensor, target: Tensor) -> [Step] {
        switch op {
        case .product where A.shape != .scalar && B.shape != .scalar:
            let k = A.shape.cols
            let symbolic = target.shape == .scalar ? text(a) + " " + text(b)
                : "Σₖ \(operand(a, A, (row, nil)))·\(operand(b, B, (nil, col)))"
            return [Step(formula: symbolic), numeric {
                sum((0..<k).map { t in "\(number(A, at: (row, t), within: .product))·\(number(B, at: (t, col), within: .product))" })
            }]
        case .product, .elementwiseMultiply:
            return elementwise("·", a, A, b, B, target)
        case .add: return elementwise("+", a, A, b, B, target)
        case .subtract: return elementwise("-", a, A, b, B, target)
        case .divide, .elementwiseDivide: return elementwise("/", a, A, b, B, target)
        case .power, .elementwisePower: return elementwise("^", a, A, b, B, target)
        }
    }

    private func elementwise(_ symbol: String, _ a: Expr, _ A: Tensor, _ b: Expr, _ B: Tensor, _ target: Tensor) -> [Step] {
        let pa = broadcast(A), pb = broadcast(B)
        // What each side may be without parentheses: `a - (b + c)`, `a / (2*sqrt(3))`, `(1 + x)^2`.
        let (left, right): (Binding, Binding)
        switch symbol {
        case "+": (left, right) = (.sum, .sum)
        case "-": (left, right) = (.sum, .product)
        case "·": (left, right) = (.product, .product)
        case "/": (left, right) = (.product, .atom)
        default: (left, right) = (.atom, .atom)
        }
        return [Step(formula: "\(operand(a, A)) \(symbol) \(operand(b, B))"),
                numeric { "\(number(A, at: pa, within: left)) \(symbol) \(number(B, at: pb, within: right))" }]
    }

    private func call(_ f: String, _ args: [Expr], target: Tensor) -> [Step] {
        let values = args.map { record.value(of: $0) }
        if f == "softmax", args.count == 1, let S = values[0] {
            // A vector is one row; a matrix is normalised along each row.
            let width = S.shape.isVector ? S.count : S.shape.cols
            let r = S.shape.isVector ? 0 : row, c = S.shape.isVector ? row : col
            let at: (Int) -> (Int, Int) = { k in S.shape.isVector ? (k, 0) : (r, k) }
            let symbolic = S.shape.isVector ? "exp(\(operand(args[0], S, (c, nil)))) / Σₖ exp(\(operand(args[0], S, (nil, nil))))"
                : "exp(\(operand(args[0], S, (r, c)))) / Σₖ exp(\(operand(args[0], S, (r, nil))))"
            return [Step(formula: symbolic), numeric {
                "exp(\(number(S, at: at(c)))) / (\(sum((0..<width).map { "exp(\(number(S, at: at($0))))" })))"
            }]
        }
        if Self.elementwiseFunctions.contains(f), args.count == 1, let A = values[0], A.shape == target.shape {
            return [Step(formula: "\(f)(\(operand(args[0], A)))"), numeric { "\(f)(\(number(A, at: (row, col))))" }]
        }
        if f == "grad", let parts = GradientExplanation(trace: record.trace, row: row, col: col, digits: digits, language: language).explain() {
            // ∂L/∂W[i, j] from the values computed from W, then the chain rule level by level.
            return parts.map { Step(formula: $0.formula, note: $0.note, approximate: $0.approximate) }
        }
        if let output = builtinOutputStep(f) { return output }
        let shown = zip(args, values).map { a, v in v.map { "\(text(a)) = \(TensorText.inline($0, digits: digits, limit: 40))" } ?? text(a) }
        return [Step(formula: words("\(f)(…) with \(shown.joined(separator: ", ")) (:trace on shows its inner steps)"))]
    }

    static let elementwiseFunctions: Set<String> = ["exp", "log", "sqrt", "tanh", "sigmoid", "sin", "cos", "relu", "abs"]

    /// Attention-like built-ins end with `output = weights V`: explain that product.
    private func builtinOutputStep(_ f: String) -> [Step]? {
        let inner = record.trace.filter { $0.depth == 1 && $0.label.hasPrefix("\(f): ") }
        guard let weights = inner.last(where: { $0.label.hasSuffix("weights = softmax(scaled)") })?.value,
              inner.last?.label.hasSuffix("output = weights V") == true,
              let args = record.expression.flatMap({ e -> [Expr]? in if case let .call(_, a) = e.ungrouped.kind { return a }; return nil }),
              args.count >= 3, let V = record.value(of: args[2]) else { return nil }
        let k = weights.shape.cols
        return [Step(formula: words("Σₖ weights[\(row + 1), k]·\(operand(args[2], V, (nil, col)))   (weights = softmax(Q K^T / √d_k), :trace on shows them)")),
                numeric { sum((0..<k).map { t in "\(number(weights, at: (row, t), within: .product))·\(number(V, at: (t, col), within: .product))" }) }]
    }

    private func bracket(_ literal: BracketLiteral) -> [Step] {
        switch literal {
        case let .commaList(items) where items.indices.contains(row) && record.value(of: items[row])?.shape == .scalar:
            return [Step(formula: text(items[row]), note: words("(typed as item \(row + 1) of the list)"))]
        case let .rows(rows) where rows.indices.contains(row) && rows[row].indices.contains(col)
                && record.value(of: rows[row][col])?.shape == .scalar:
            return [Step(formula: text(rows[row][col]), note: words("(typed in row \(row + 1), item \(col + 1) of the literal)"))]
        default:
            return [Step(formula: "", note: words("(one entry of the bracket literal, stacked from its parts)"))]
        }
    }

    // MARK: Text of operands and numbers

    /// `A[2, 3]`, `x_1[2]`, `s` (a scalar), or `(Q K^T)[2, 3]` for an unnamed sub-expression.
    private func operand(_ e: Expr, _ t: Tensor) -> String {
        let p = broadcast(t)
        return operand(e, t, (p.0, p.1))
    }

    private func operand(_ e: Expr, _ t: Tensor, _ at: (Int?, Int?)) -> String {
        let base = text(e)
        let simple: Bool
        switch e.ungrouped.kind {
        case .name, .call, .number, .pi, .bracket: simple = true
        default: simple = false
        }
        let grouped: Bool = { if case .group = e.kind { return true }; return false }()
        let head = simple ? text(e.ungrouped) : grouped ? base : "(\(base))"
        if t.shape == .scalar { return head }
        let r = t.shape.rows == 1 && !t.shape.isVector ? 0 : at.0
        let c = t.shape.cols == 1 ? 0 : at.1
        let rs = r.map { String($0 + 1) } ?? ":", cs = c.map { String($0 + 1) } ?? ":"
        return head + (t.shape.isVector ? "[\(rs)]" : "[\(rs), \(cs)]")
    }

    /// Where the element (row, col) of the result reads `t`, with scalars and rows broadcast.
    private func broadcast(_ t: Tensor) -> (Int, Int) {
        (t.shape.rows == 1 ? 0 : row, t.shape.cols == 1 ? 0 : col)
    }

    private func element(_ t: Tensor, _ r: Int, _ c: Int) -> Scalar {
        let i = t.shape.isVector || t.shape == .scalar ? min(r, t.count - 1) : r * t.shape.cols + c
        return t.scalar(at: max(0, min(i, t.count - 1)))
    }

    /// How loosely a shown number binds: `sqrt(2) + 1` a sum, `2*sqrt(3)` and `1/2` products.
    private enum Binding: Int, Comparable {
        case sum = 1, product = 2, atom = 3
        static func < (a: Binding, b: Binding) -> Bool { a.rawValue < b.rawValue }

        init(_ s: String) {
            // A sum's signs stand between spaces (a leading minus, 1e-05 and 1e+100 are no sums).
            var depth = 0, loosest = Binding.atom
            var previous: Character = "("
            for ch in s {
                if ch == "(" { depth += 1 } else if ch == ")" { depth -= 1 }
                if depth == 0 {
                    if (ch == "+" || ch == "-") && previous == " " { loosest = .sum }
                    if ch == "*" || ch == "/" { loosest = min(loosest, .product) }
                }
                previous = ch
            }
            self = loosest
        }
    }

    /// One operand's number: exact when short, else its decimals. Inside an operator (`within`),
    /// in parentheses when it binds looser than the operator needs, or is negative: `(-1)`.
    private func number(_ t: Tensor, at p: (Int, Int), within: Binding? = nil) -> String {
        let x = element(t, p.0, p.1)
        let cell = CellText(x, digits: min(digits, 6))
        let shortExact = cell.exact.map { $0.count <= (x.rational != nil ? 12 : 16) } ?? false
        let s = cell.decimalIsExact ? cell.decimal : shortExact ? cell.exact! : cell.decimal
        if !cell.decimalIsExact && !shortExact { rounded.value += 1 }
        guard let within else { return s }
        return s.hasPrefix("-") || Binding(s) < within ? "(\(s))" : s
    }

    private func sum(_ terms: [String]) -> String {
        let n = Self.shownTerms
        guard terms.count > n else { return terms.joined(separator: " + ") }
        return (terms.prefix(n - 2) + ["…"] + terms.suffix(1)).joined(separator: " + ") + words("   (\(terms.count) terms)")
    }

    /// The source text of a sub-expression of the statement.
    private func text(_ e: Expr) -> String {
        let scalars = Array(record.text.unicodeScalars)
        let start = e.range.start - record.statement.range.start, end = e.range.end - record.statement.range.start
        guard start >= 0, end <= scalars.count, start <= end else { return "…" }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// `[2, 3]` for a matrix, `[2]` for a vector, nothing for a scalar (1-based).
    static func index(_ shape: Shape, _ r: Int, _ c: Int) -> String {
        switch shape {
        case .scalar: return ""
        case .vector: return "[\(r + 1)]"
        case .matrix: return "[\(r + 1), \(c + 1)]"
        }
    }
}
