// Formulas and values as LaTeX, for Markdown that renders on GitHub (```math, $`…`$).

public enum LaTeX {
    static let greek: Set<String> = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota",
                                     "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon",
                                     "phi", "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi",
                                     "Sigma", "Upsilon", "Phi", "Psi", "Omega"]

    /// `alpha_{2,1}` → `\alpha_{2,1}`, `W_Q` → `W_{Q}`, `W_hh` → `W_{hh}`.
    public static func name(_ n: Name) -> String {
        let base = greek.contains(n.base) ? "\\" + n.base
            : (n.base.count > 1 ? "\\mathrm{\(escape(n.base))}" : escape(n.base))
        guard let sub = n.subscriptText else { return base }
        return "\(base)_{\(escape(sub))}"
    }

    /// A canonical name given as text.
    public static func name(_ canonical: String) -> String {
        guard case let .complete(s) = Parser.parseExpression(canonical), s.count == 1,
              case let .expression(e) = s[0].kind, case let .name(n) = e.kind else { return "\\text{\(escape(canonical))}" }
        return name(n)
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\backslash "
            case "{", "}", "_", "^", "#", "$", "%", "&", "~": out += "\\" + String(c)
            case "<": out += "\\lt "
            case ">": out += "\\gt "
            default: out.append(c)
            }
        }
        return out
    }

    // MARK: Expressions

    public static func expression(_ e: Expr) -> String { render(e).text }

    private enum Level: Int, Comparable {
        case sum = 1, product, unary, power, atom
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    private static func ungrouped(_ e: Expr) -> Expr {
        if case let .group(inner) = e.kind { return ungrouped(inner) }
        return e
    }

    private static func render(_ e: Expr) -> (text: String, level: Level) {
        func wrap(_ x: Expr, _ at: Level) -> String {
            let r = render(x)
            return r.level < at ? "\\left(\(r.text)\\right)" : r.text
        }
        switch e.kind {
        case let .number(t): return (t, .atom)
        case let .name(n): return (name(n), .atom)
        case .pi: return ("\\pi", .atom)
        case let .group(inner): return ("\\left(\(expression(inner))\\right)", .atom)
        case let .unary(op, x): return ((op == .negate ? "-" : "+") + wrap(x, .unary), .unary)
        case let .binary(op, a, b):
            switch op {
            case .add: return ("\(wrap(a, .sum)) + \(wrap(b, .product))", .sum)
            case .subtract: return ("\(wrap(a, .sum)) - \(wrap(b, .product))", .sum)
            case let .product(style):
                let glue: String
                switch style {
                case .juxtaposition: glue = " "
                case .times: glue = " \\times "
                default: glue = " \\cdot "
                }
                return (wrap(a, .product) + glue + wrap(b, .unary), .product)
            // The fraction bar groups already: `(a + b)/(c + d)` needs no parentheses.
            case .divide:
                // `-1/4` reads as -¼: the sign goes in front of the bar, not above it.
                if case let .unary(.negate, inner) = ungrouped(a).kind {
                    return ("-\\frac{\(expression(ungrouped(inner)))}{\(expression(ungrouped(b)))}", .unary)
                }
                return ("\\frac{\(expression(ungrouped(a)))}{\(expression(ungrouped(b)))}", .atom)
            case .elementwiseMultiply: return ("\(wrap(a, .product)) \\odot \(wrap(b, .unary))", .product)
            case .elementwiseDivide: return ("\(wrap(a, .product)) \\oslash \(wrap(b, .unary))", .product)
            case .power, .elementwisePower:
                return ("{\(wrap(a, .atom))}^{\(expression(b))}", .power)
            }
        case let .transpose(x, _): return ("{\(wrap(x, .atom))}^\\top", .power)
        case let .call(n, args):
            let inner = args.map(expression).joined(separator: ", ")
            switch n.canonical {
            case "sqrt" where args.count == 1: return ("\\sqrt{\(inner)}", .atom)
            case "exp", "log", "tanh", "sin", "cos", "max", "min":
                return ("\\\(n.canonical)\\left(\(inner)\\right)", .atom)
            default:
                let fn = n.subscriptText == nil && !greek.contains(n.base) ? "\\operatorname{\(escape(n.base))}" : name(n)
                return ("\(fn)\\left(\(inner)\\right)", .atom)
            }
        case let .index(base, indices):
            return ("{\(wrap(base, .atom))}_{[\(indices.map(expression).joined(separator: ", "))]}", .atom)
        case let .range(lo, hi):
            return ((lo.map(expression) ?? "") + ":" + (hi.map(expression) ?? ""), .atom)
        case let .bracket(literal):
            let rows: [[Expr]]
            switch literal {
            case let .commaList(items): rows = items.map { [$0] }
            case let .rows(r): rows = r
            }
            let body = rows.map { $0.map(expression).joined(separator: " & ") }.joined(separator: " \\\\ ")
            return ("\\begin{bmatrix} \(body) \\end{bmatrix}", .atom)
        }
    }

    // MARK: Values

    /// A number: `\frac{7}{2}`, `-3`, or its decimal digits.
    public static func scalar(_ s: Scalar, digits: Int) -> String {
        if let q = s.rational, q.bitSize <= 64 {
            let text = q.description
            guard let slash = text.firstIndex(of: "/") else { return text }
            let negative = text.hasPrefix("-")
            let num = text[(negative ? text.index(after: text.startIndex) : text.startIndex)..<slash]
            return (negative ? "-" : "") + "\\frac{\(num)}{\(text[text.index(after: slash)...])}"
        }
        return decimal(DecimalFormat.string(s, digits: digits))
    }

    /// `1.5e-07` → `1.5 \times 10^{-7}`.
    public static func decimal(_ d: String) -> String {
        guard let e = d.firstIndex(of: "e") else { return d }
        let exponent = Int(d[d.index(after: e)...]) ?? 0
        return "\(d[..<e]) \\times 10^{\(exponent)}"
    }

    /// A tensor as a bmatrix (a scalar as a number), exact where every element is rational,
    /// and then `\approx` its decimals where those are not exact.
    public static func tensor(_ t: Tensor, digits: Int, maxRows: Int = 12, maxCols: Int = 8) -> String {
        // Only the entries shown are formatted (and decide between = and ≈), as in TensorText:
        // a 2000×2000 tensor shows 96 of its 4M entries.
        let rows = TensorText.elided(t.shape.rows, maxRows), cols = TensorText.elided(t.shape.cols, maxCols)
        let shown: [Int] = t.shape == .scalar ? [0] : rows.flatMap { i in
            cols.compactMap { j in i.flatMap { i in j.map { i * t.shape.cols + $0 } } }
        }
        var cells: [Int: CellText] = [:]
        for k in shown {
            switch t.elements {
            case let .exact(e): cells[k] = CellText(e[k], digits: digits)
            case let .float(d): cells[k] = CellText(float: d[k], digits: digits)
            }
        }
        let allRational = !t.isFloat && shown.allSatisfy { t.scalar(at: $0).rational != nil }
        let allExact = shown.allSatisfy { cells[$0]!.decimalIsExact }
        func grid(_ cell: (Int) -> String) -> String {
            if t.shape == .scalar { return cell(0) }
            let body = rows.map { i in
                cols.map { j in
                    guard let i, let j else { return i == nil ? "\\vdots" : "\\cdots" }
                    return cell(i * t.shape.cols + j)
                }.joined(separator: " & ")
            }.joined(separator: " \\\\ ")
            return "\\begin{bmatrix} \(body) \\end{bmatrix}"
        }
        let decimals = grid { decimal(cells[$0]!.decimal) }
        if allExact { return decimals }
        if allRational { return grid { scalar(t.scalar(at: $0), digits: digits) } + " \\approx " + decimals }
        return "\\approx " + decimals
    }
}
