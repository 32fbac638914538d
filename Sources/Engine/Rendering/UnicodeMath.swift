// Formulas as the documents write them, in Unicode: α₂,₁ = exp(e₂,₁) / Σ…, h₂ᵀ x₁, √d_k.
// With a value lookup, names are replaced by their numbers ("the formula with numbers").

public enum UnicodeMath {
    /// `alpha_{2,1}` → `α₂,₁`, `W_hh` → `Wₕₕ`, `W_Q` → `W_Q` (no subscript Q exists),
    /// `e_{2,Q}` → `e_{2,Q}`. The lexer reads every one of these back as the same name.
    public static func name(_ n: Name) -> String {
        let base = NameSpelling.character(n.base).map(String.init) ?? n.base
        guard n.subscriptText != nil else { return base }
        if let sub = n.subscriptText, let mapped = NameSpelling.subscripted(sub) { return base + mapped }
        return base + n.canonical.dropFirst(n.base.count)
    }

    public static func name(_ canonical: String) -> String {
        guard case let .complete(s) = Parser.parseExpression(canonical), s.count == 1,
              case let .expression(e) = s[0].kind, case let .name(n) = e.kind else { return canonical }
        return name(n)
    }

    /// The formula; with `value`, names that have a value are written as their numbers.
    public static func expression(_ e: Expr, value: ((Name) -> String?)? = nil) -> String {
        render(e, value).text
    }

    /// A formula and the priorities of its outermost operator (BindingPower decides parentheses).
    private static func render(_ e: Expr, _ value: ((Name) -> String?)?) -> (text: String, power: BindingPower) {
        func operand(_ x: Expr, _ parenthesise: (BindingPower) -> Bool) -> String {
            let r = render(x, value)
            return parenthesise(r.power) ? "(\(r.text))" : r.text
        }
        /// Inside brackets a space separates elements, so an element with an operator is parenthesised.
        func element(_ x: Expr) -> String { operand(x) { $0 != .atom && $0 != .signed && $0 != .root } }
        switch e.kind {
        case let .number(t): return (t.hasPrefix(".") ? "0" + t : t, .atom)
        case let .name(n):
            if let v = value?(n) {
                let plain = v.allSatisfy { $0.isNumber || $0 == "." } || (v.hasPrefix("[") && v.hasSuffix("]"))
                return (v, plain ? .atom : .loose)
            }
            return (name(n), .atom)
        case .pi: return ("π", .atom)
        case let .group(inner): return ("(\(render(inner, value).text))", .atom)
        case let .unary(op, x):
            return ((op == .negate ? "−" : "+") + operand(x, BindingPower.needsParenthesesAfterSign), .signed)
        case let .binary(op, a, b):
            let left = operand(a) { BindingPower.needsParentheses(left: $0, of: op) }
            let right = operand(b) { BindingPower.needsParentheses(right: $0, of: op) }
            let glue: String
            switch op {
            case .add: glue = " + "
            case .subtract: glue = " − "
            case let .product(style): glue = style == .juxtaposition ? " " : (style == .times ? " × " : " · ")
            case .divide: glue = " / "
            case .elementwiseMultiply: glue = " ⊙ "
            case .elementwiseDivide: glue = " ⊘ "
            case .power: glue = "^"
            case .elementwisePower: glue = ".^"
            }
            return (left + glue + right, BindingPower.of(op))
        case let .transpose(x, _): return (operand(x, BindingPower.needsParenthesesBeforePostfix) + "ᵀ", .atom)
        case let .call(n, args):
            if n.canonical == "sqrt", args.count == 1 {
                return ("√" + operand(args[0], BindingPower.needsParenthesesBeforePostfix), .root)
            }
            let inner = args.map { render($0, value).text }.joined(separator: ", ")
            return ("\(name(n))(\(inner))", .atom)
        case let .index(base, indices):
            let inner = indices.map { render($0, value).text }.joined(separator: ", ")
            return ("\(operand(base, BindingPower.needsParenthesesBeforePostfix))[\(inner)]", .atom)
        case let .range(lo, hi):
            return ((lo.map { render($0, value).text } ?? "") + ":" + (hi.map { render($0, value).text } ?? ""), .loose)
        case let .bracket(literal):
            switch literal {
            case let .commaList(items): return ("[" + items.map(element).joined(separator: ", ") + "]", .atom)
            case let .rows(rows):
                return ("[" + rows.map { $0.map(element).joined(separator: " ") }.joined(separator: "; ") + "]", .atom)
            }
        }
    }

    /// A statement as a formula: `e₂,₁ = h₂ᵀ x₁`.
    public static func statement(_ s: Statement, value: ((Name) -> String?)? = nil) -> String {
        switch s.kind {
        case let .expression(e): return expression(e, value: value)
        case let .assignment(n, e): return "\(name(n)) = \(expression(e, value: value))"
        case let .function(n, ps, e): return "\(name(n))(\(ps.map(name).joined(separator: ", "))) = \(expression(e, value: value))"
        }
    }
}
