// `:why` on a cell of grad(L, W): the entry ∂L/∂W[i, j] from the values computed directly from
// W (with the numbers substituted), then the chain rule from L down to W, one level per line,
// each with the rule that produced it and its value. Read from the statement's trace only.

public struct GradientExplanation {
    public struct Part {
        public let formula: String
        public let note: String?
        public let approximate: Bool
    }

    let trace: [TraceStep]
    let row: Int, col: Int
    let digits: Int
    /// The language of the notes between the formulas.
    let language: Language

    public init(trace: [TraceStep], row: Int, col: Int, digits: Int, language: Language = .en) {
        self.trace = trace; self.row = row; self.col = col; self.digits = min(digits, 8)
        self.language = language
    }

    private func words(_ m: Message) -> String { m.text(in: language) }

    /// At most this many products are written out in a sum.
    static let shownTerms = 8

    public func explain() -> [Part]? {
        let links = trace.compactMap { step in step.chain.map { (step, $0) } }
        guard let (targetStep, target) = links.last(where: { $0.1.isTarget }) else { return nil }
        let shape = targetStep.value.shape
        let name = target.node
        var symbolic: [String] = [], numeric: [String] = []
        var approximate = false
        for use in target.cellRules {
            guard let g = use.gradient else { continue }
            switch use.cell {
            case let .productRight(a, aLabel):
                // use = A W: ∂L/∂W[i, j] = Σₖ A[k, i]·∂L/∂use[k, j].
                let G = g.reshaped(.matrix(a.shape.rows, g.count / max(a.shape.rows, 1)))
                let (i, j) = matrixPosition(shape, as: (a.shape.cols, G.shape.cols))
                symbolic.append("Σₖ \(wrapped(aLabel))[k, \(i + 1)]·∂L/∂(\(use.node))[k, \(j + 1)]")
                numeric.append(sum((0..<a.shape.rows).map { k in "\(number(a, k, i, &approximate))·\(number(G, k, j, &approximate))" }))
            case let .productLeft(b, bLabel):
                // use = W B: ∂L/∂W[i, j] = Σₖ ∂L/∂use[i, k]·B[j, k].
                let G = g.reshaped(.matrix(g.count / max(b.shape.cols, 1), b.shape.cols))
                let (i, j) = matrixPosition(shape, as: (G.shape.rows, b.shape.rows))
                symbolic.append("Σₖ ∂L/∂(\(use.node))[\(i + 1), k]·\(wrapped(bLabel))[\(j + 1), k]")
                numeric.append(sum((0..<b.shape.cols).map { k in "\(number(G, i, k, &approximate))·\(number(b, j, k, &approximate))" }))
            case let .elementwise(factor, factorText) where factor.shape == shape && g.shape == shape:
                symbolic.append("\(factorText == "1" ? "" : "(\(factorText))\(cellIndex(shape))·")∂L/∂(\(use.node))\(cellIndex(shape))")
                numeric.append(factorText == "1" ? number(g, row, col, &approximate) : "\(number(factor, row, col, &approximate))·\(number(g, row, col, &approximate))")
            default:
                symbolic.append("(\(words(use.rule)))\(cellIndex(shape))")
                numeric.append("")
            }
        }
        var parts: [Part] = []
        parts.append(Part(formula: "∂L/∂\(name)\(cellIndex(shape))", note: nil, approximate: false))
        if !symbolic.isEmpty { parts.append(Part(formula: symbolic.joined(separator: " + "), note: nil, approximate: false)) }
        if !numeric.contains("") && !numeric.isEmpty {
            parts.append(Part(formula: numeric.map { numeric.count > 1 ? "(\($0))" : $0 }.joined(separator: " + "), note: nil, approximate: approximate))
        }
        // The chain rule from L down to the tensor, in the order the backward pass found them.
        let loss: Message = trace.first { $0.label.hasPrefix("grad: L = ") }.map { "\(String($0.label.dropFirst(10)))" } ?? "the expression"
        var notes = [words("the chain rule, from L = \(loss) down to \(name), one level each:")]
        for (step, link) in links {
            var value = TensorText.inline(step.value, digits: min(digits, 6), limit: 60)
            // Too long to write out: named by its shape (`3×4 tensor`), in the note's language.
            if value.hasSuffix(" tensor") { value = step.value.shape.name(in: language) + (language == .en ? " tensor" : "") }
            // Each rule reads `∂L/∂(node) = right-hand side`; the node is already named on the line.
            let own = "∂L/∂(\(short(link.node)))"
            let sides = link.rules.map { m -> String in
                let r = words(m)
                guard r.hasPrefix(own) else { return r }
                var rest = r.dropFirst(own.count)
                if rest.hasPrefix("[i, j]") { rest = rest.dropFirst(6) }
                return rest.hasPrefix(" = ") ? String(rest.dropFirst(3)) : r
            }
            let rule = sides.joined(separator: " + ")
            if link.rules == ["∂L/∂L = 1"] {
                notes.append(words("  ∂L/∂L = 1   (where the backward pass starts)"))
                continue
            }
            let shown = value.hasPrefix("≈") ? value : "= " + value
            notes.append("  ∂L/∂(\(short(link.node))) " + (rule.isEmpty ? "" : "= \(rule) ") + shown)
        }
        notes.append(words("(:trace on lists the same values as the statement runs)"))
        parts.append(Part(formula: "", note: localised(notes.joined(separator: "\n"), nodes: links.map(\.1.node)),
                          approximate: false))
        return parts
    }

    /// The chain in the explanation's language: the built-ins' steps it names (`attention: weights
    /// = softmax(scaled)`), whole or cut short.
    private func localised(_ text: String, nodes: [String]) -> String {
        guard language != .en else { return text }
        var out = text
        for node in Set(nodes) {
            let translated = MessageTranslations.graphLabel(node, in: language)
            guard translated != node else { continue }
            out = out.replacing(node, with: translated)
            if short(node) != node { out = out.replacing(short(node), with: short(translated)) }
        }
        return out
    }

    /// The cell as (row, column) of the matrix a gradient is viewed as, for a vector or matrix W.
    private func matrixPosition(_ shape: Shape, as dims: (Int, Int)) -> (Int, Int) {
        let flat = shape.isVector || shape == .scalar ? row : row * shape.cols + col
        return (flat / max(dims.1, 1), flat % max(dims.1, 1))
    }

    private func cellIndex(_ shape: Shape) -> String {
        switch shape {
        case .scalar: return ""
        case .vector: return "[\(row + 1)]"
        case .matrix: return "[\(row + 1), \(col + 1)]"
        }
    }

    private func wrapped(_ label: String) -> String {
        label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? label : "(\(label))"
    }

    private func number(_ t: Tensor, _ r: Int, _ c: Int, _ approximate: inout Bool) -> String {
        let cols = t.shape.cols
        let i = min(t.count - 1, t.shape.isVector ? r : r * cols + c)
        let cell = t.isFloat ? CellText(float: t.floatElements[i], digits: digits) : CellText(t.scalar(at: i), digits: digits)
        let shortExact = cell.exact.map { $0.count <= 12 } ?? false
        let s = cell.decimalIsExact ? cell.decimal : shortExact ? cell.exact! : cell.decimal
        if !cell.decimalIsExact && !shortExact { approximate = true }
        return s.hasPrefix("-") ? "(\(s))" : s
    }

    private func sum(_ terms: [String]) -> String {
        guard terms.count > Self.shownTerms else { return terms.joined(separator: " + ") }
        return (terms.prefix(Self.shownTerms - 2) + ["…"] + terms.suffix(1)).joined(separator: " + ")
    }
}
