// Formulas and values as LaTeX, for Markdown that renders on GitHub (```math, $`…`$).

public enum LaTeX {
    /// `alpha_{2,1}` → `\alpha_{2,1}`, `W_Q` → `W_{Q}`, `W_hh` → `W_{hh}`.
    public static func name(_ n: Name) -> String {
        let base = NameSpelling.isGreek(n.base) ? "\\" + n.base
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

    private static func ungrouped(_ e: Expr) -> Expr {
        if case let .group(inner) = e.kind { return ungrouped(inner) }
        return e
    }

    /// Does the expression's text end with a name written `\mathrm{…}`?
    private static func endsInWordName(_ e: Expr) -> Bool {
        switch e.kind {
        case let .name(n): return n.base.count > 1 && !NameSpelling.isGreek(n.base)
        case let .binary(op, _, b) where op != .divide && op != .power && op != .elementwisePower: return endsInWordName(b)
        case let .unary(_, x): return endsInWordName(x)
        default: return false
        }
    }

    /// A number literal, possibly signed: such items make a column `bmatrix`.
    private static func isNumeric(_ e: Expr) -> Bool {
        switch e.kind {
        case .number, .pi: return true
        case let .unary(_, x): return isNumeric(x)
        default: return false
        }
    }

    /// LaTeX and the priorities of its outermost operator (BindingPower decides parentheses,
    /// as in UnicodeMath, so the export parses back to the same formula).
    private static func render(_ e: Expr) -> (text: String, power: BindingPower) {
        func operand(_ x: Expr, _ parenthesise: (BindingPower) -> Bool) -> String {
            let r = render(x)
            return parenthesise(r.power) ? "\\left(\(r.text)\\right)" : r.text
        }
        func postfixOperand(_ x: Expr) -> String { "{\(operand(x, BindingPower.needsParenthesesBeforePostfix))}" }
        switch e.kind {
        case let .number(t): return (t, .atom)
        case let .name(n): return (name(n), .atom)
        case .pi: return ("\\pi", .atom)
        case let .group(inner): return ("\\left(\(expression(inner))\\right)", .atom)
        case let .unary(op, x):
            return ((op == .negate ? "-" : "+") + operand(x, BindingPower.needsParenthesesAfterSign), .signed)
        case let .binary(op, a, b):
            // The fraction bar groups already: `(a + b)/(c + d)` needs no parentheses.
            if op == .divide {
                // `-1/4` reads as -¼: the sign goes in front of the bar, not above it.
                if case let .unary(.negate, inner) = ungrouped(a).kind {
                    return ("-\\frac{\(expression(ungrouped(inner)))}{\(expression(ungrouped(b)))}", .signed)
                }
                return ("\\frac{\(expression(ungrouped(a)))}{\(expression(ungrouped(b)))}", .atom)
            }
            if op == .power || op == .elementwisePower {
                // `{a}^{b}`; the element-wise power is the Hadamard power `{a}^{\circ b}`.
                let circle = op == .elementwisePower ? "\\circ " : ""
                return ("\(postfixOperand(a))^{\(circle)\(expression(b))}", .atom)
            }
            let left = operand(a) { BindingPower.needsParentheses(left: $0, of: op) }
            let right = operand(b) { BindingPower.needsParentheses(right: $0, of: op) }
            let glue: String
            switch op {
            case .add: glue = " + "
            case .subtract: glue = " - "
            // `\mathrm{head} (x)` would read back as a call: such a product is written with \cdot.
            case .product(.juxtaposition): glue = endsInWordName(a) && right.hasPrefix("\\left(") ? " \\cdot " : " "
            case .product(.times): glue = " \\times "
            case .elementwiseMultiply: glue = " \\odot "
            case .elementwiseDivide: glue = " \\oslash "
            default: glue = " \\cdot "
            }
            return (left + glue + right, BindingPower.of(op))
        case let .transpose(x, _): return ("\(postfixOperand(x))^\\top", .atom)
        case let .call(n, args):
            let inner = args.map(expression).joined(separator: ", ")
            switch n.canonical {
            case "sqrt" where args.count == 1: return ("\\sqrt{\(inner)}", .atom)
            case "exp", "log", "tanh", "sin", "cos", "max", "min":
                return ("\\\(n.canonical)\\left(\(inner)\\right)", .atom)
            default:
                let fn = n.subscriptText == nil && !NameSpelling.isGreek(n.base) ? "\\operatorname{\(escape(n.base))}" : name(n)
                return ("\(fn)\\left(\(inner)\\right)", .atom)
            }
        case let .index(base, indices):
            return ("\(postfixOperand(base))_{[\(indices.map(expression).joined(separator: ", "))]}", .atom)
        case let .range(lo, hi):
            return ((lo.map(expression) ?? "") + ":" + (hi.map(expression) ?? ""), .loose)
        case let .bracket(literal):
            let rows: [[Expr]]
            switch literal {
            case let .commaList(items) where items.allSatisfy(isNumeric):
                rows = items.map { [$0] }      // a column of numbers
            case let .commaList(items):
                // Items may be vectors (the rows of a matrix): keep the comma list as typed.
                let shown = items.map { operand($0) { $0 != .atom && $0 != .signed } }
                return ("\\left[" + shown.joined(separator: ", ") + "\\right]", .atom)
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
