// Formulas as the documents write them, in Unicode: α₂,₁ = exp(e₂,₁) / Σ…, h₂ᵀ x₁, √d_k.
// With a value lookup, names are replaced by their numbers ("the formula with numbers").

public enum UnicodeMath {
    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
        "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]
    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ", "h": "ₕ", "i": "ᵢ", "j": "ⱼ",
        "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ", "o": "ₒ", "p": "ₚ", "r": "ᵣ", "s": "ₛ", "t": "ₜ", "u": "ᵤ",
        "v": "ᵥ", "x": "ₓ", ",": ",",
    ]

    /// `alpha_{2,1}` → `α₂,₁`, `W_Q` → `W_Q` (no subscript Q exists), `W_hh` → `Wₕₕ`.
    public static func name(_ n: Name) -> String {
        let base = greek[n.base] ?? n.base
        guard let sub = n.subscriptText else { return base }
        let mapped = sub.map { subscripts[$0] }
        if mapped.allSatisfy({ $0 != nil }) { return base + String(mapped.map { $0! }) }
        return base + "_" + sub
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

    private enum Level: Int, Comparable {
        case sum = 1, product, unary, power, atom
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    private static func render(_ e: Expr, _ value: ((Name) -> String?)?) -> (text: String, level: Level) {
        func wrap(_ x: Expr, _ at: Level) -> String {
            let r = render(x, value)
            return r.level < at ? "(\(r.text))" : r.text
        }
        switch e.kind {
        case let .number(t): return (t.hasPrefix(".") ? "0" + t : t, .atom)
        case let .name(n):
            if let v = value?(n) { return (v, v.hasPrefix("-") ? .unary : .atom) }
            return (name(n), .atom)
        case .pi: return ("π", .atom)
        case let .group(inner): return ("(\(render(inner, value).text))", .atom)
        case let .unary(op, x): return ((op == .negate ? "−" : "+") + wrap(x, .unary), .unary)
        case let .binary(op, a, b):
            switch op {
            case .add: return ("\(wrap(a, .sum)) + \(wrap(b, .product))", .sum)
            case .subtract: return ("\(wrap(a, .sum)) − \(wrap(b, .product))", .sum)
            case let .product(style):
                let glue = style == .juxtaposition ? " " : (style == .times ? " × " : " · ")
                return (wrap(a, .product) + glue + wrap(b, .unary), .product)
            case .divide: return ("\(wrap(a, .product)) / \(wrap(b, .unary))", .product)
            case .elementwiseMultiply: return ("\(wrap(a, .product)) ⊙ \(wrap(b, .unary))", .product)
            case .elementwiseDivide: return ("\(wrap(a, .product)) ⊘ \(wrap(b, .unary))", .product)
            case .power, .elementwisePower: return ("\(wrap(a, .atom))^\(wrap(b, .atom))", .power)
            }
        case let .transpose(x, _): return (wrap(x, .atom) + "ᵀ", .power)
        case let .call(n, args):
            let inner = args.map { render($0, value).text }.joined(separator: ", ")
            if n.canonical == "sqrt", args.count == 1 {
                let r = render(args[0], value)
                return ("√" + (r.level == .atom ? r.text : "(\(r.text))"), .atom)
            }
            return ("\(name(n))(\(inner))", .atom)
        case let .index(base, indices):
            return ("\(wrap(base, .atom))[\(indices.map { render($0, value).text }.joined(separator: ", "))]", .atom)
        case let .range(lo, hi):
            return ((lo.map { render($0, value).text } ?? "") + ":" + (hi.map { render($0, value).text } ?? ""), .atom)
        case let .bracket(literal):
            switch literal {
            case let .commaList(items): return ("[" + items.map { render($0, value).text }.joined(separator: ", ") + "]", .atom)
            case let .rows(rows):
                return ("[" + rows.map { $0.map { render($0, value).text }.joined(separator: " ") }.joined(separator: "; ") + "]", .atom)
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
