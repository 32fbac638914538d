// Formulas and values as MathML for the HTML export, built from the syntax tree (never from
// the text): fractions as <mfrac>, exp/log/tanh as <mi> applied to their argument, powers as
// <msup>, roots as <msqrt>, subscripted names as <msub>, matrices as bracketed <mtable>s.
// Exact forms are recorded as formula-language text, so they are parsed back first.
import Engine

enum ExportMathML {
    // MARK: Formulas

    /// A statement (`e_{2,1} = h_2^T x_1`) or expression as MathML elements; nil when the
    /// text does not parse (the caller then shows it as code).
    static func formula(_ text: String) -> String? {
        guard case let .complete(statements) = Parser.parse(text), !statements.isEmpty else { return nil }
        return statements.map { s -> String in
            switch s.kind {
            case let .expression(e): return expression(e)
            case let .assignment(n, e): return name(n) + "<mo>=</mo>" + expression(e)
            case let .function(n, parameters, body):
                return name(n) + fenced(parameters.map(name).joined(separator: "<mo separator=\"true\">,</mo>")) + "<mo>=</mo>" + expression(body)
            }
        }.joined(separator: "<mspace width=\"1em\"/>")
    }

    /// An exact form (`exp(1)/(exp(1) + 2)`) typeset; text that is not a formula as text.
    static func exact(_ text: String) -> String {
        if case let .complete(s) = Parser.parseExpression(text), s.count == 1, case let .expression(e) = s[0].kind {
            return expression(e)
        }
        return "<mtext>\(HTMLExport.escape(text))</mtext>"
    }

    private enum Level: Int, Comparable {
        case sum = 1, product, unary, power, atom
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    static func expression(_ e: Expr) -> String { render(e).markup }

    private static func ungrouped(_ e: Expr) -> Expr {
        if case let .group(inner) = e.kind { return ungrouped(inner) }
        return e
    }

    private static func fenced(_ inner: String, _ open: String = "(", _ close: String = ")") -> String {
        "<mrow><mo>\(open)</mo>\(inner)<mo>\(close)</mo></mrow>"
    }

    private static func render(_ e: Expr) -> (markup: String, level: Level) {
        func wrap(_ x: Expr, _ at: Level) -> String {
            let r = render(x)
            return r.level < at ? fenced(r.markup) : r.markup
        }
        func row(_ x: Expr) -> String { "<mrow>\(expression(ungrouped(x)))</mrow>" }
        switch e.kind {
        case let .number(t): return (number(t), .atom)
        case let .name(n): return (name(n), .atom)
        case .pi: return ("<mi>π</mi>", .atom)
        case let .group(inner): return (fenced(expression(inner)), .atom)
        case let .unary(op, x): return ("<mrow><mo>\(op == .negate ? "−" : "+")</mo>\(wrap(x, .unary))</mrow>", .unary)
        case let .binary(op, a, b):
            switch op {
            case .add: return ("<mrow>\(wrap(a, .sum))<mo>+</mo>\(wrap(b, .product))</mrow>", .sum)
            case .subtract: return ("<mrow>\(wrap(a, .sum))<mo>−</mo>\(wrap(b, .product))</mrow>", .sum)
            case let .product(style):
                let glue: String
                switch style {
                case .juxtaposition: glue = "<mo>&#x2062;</mo>"      // invisible times
                case .times: glue = "<mo>×</mo>"
                default: glue = "<mo>·</mo>"
                }
                return ("<mrow>\(wrap(a, .product))\(glue)\(wrap(b, .unary))</mrow>", .product)
            case .divide:
                // `-1/4` reads as −¼: the sign goes in front of the bar, not above it.
                if case let .unary(.negate, inner) = ungrouped(a).kind {
                    return ("<mrow><mo>−</mo><mfrac>\(row(inner))\(row(b))</mfrac></mrow>", .unary)
                }
                return ("<mfrac>\(row(a))\(row(b))</mfrac>", .atom)
            case .elementwiseMultiply: return ("<mrow>\(wrap(a, .product))<mo>⊙</mo>\(wrap(b, .unary))</mrow>", .product)
            case .elementwiseDivide: return ("<mrow>\(wrap(a, .product))<mo>⊘</mo>\(wrap(b, .unary))</mrow>", .product)
            case .power, .elementwisePower:
                // The superscript groups already: `x^(1/2)` needs no parentheses up there.
                return ("<msup><mrow>\(wrap(a, .atom))</mrow>\(row(b))</msup>", .power)
            }
        case let .transpose(x, _): return ("<msup><mrow>\(wrap(x, .atom))</mrow><mo>⊤</mo></msup>", .power)
        case let .call(n, args):
            let inner = args.map(expression).joined(separator: "<mo separator=\"true\">,</mo>")
            if n.canonical == "sqrt", args.count == 1 { return ("<msqrt>\(row(args[0]))</msqrt>", .atom) }
            let function = n.subscriptText == nil ? "<mi>\(HTMLExport.escape(ExportMathML.greekLetter(n.base) ?? n.base))</mi>" : name(n)
            return ("<mrow>\(function)<mo>&#x2061;</mo>\(fenced(inner))</mrow>", .atom)     // function application
        case let .index(base, indices):
            let inner = indices.map(expression).joined(separator: "<mo separator=\"true\">,</mo>")
            return ("<mrow>\(wrap(base, .atom))\(fenced(inner, "[", "]"))</mrow>", .atom)
        case let .range(lo, hi):
            return ("<mrow>\(lo.map(expression) ?? "")<mo>:</mo>\(hi.map(expression) ?? "")</mrow>", .atom)
        case let .bracket(literal):
            let rows: [[Expr]]
            switch literal {
            case let .commaList(items): rows = items.map { [$0] }
            case let .rows(r): rows = r
            }
            return (matrix(rows.map { $0.map(expression) }), .atom)
        }
    }

    /// Rows of cells in stretching brackets.
    /// `numbers`: a grid of decimals, whose columns the style sheet aligns to the right.
    static func matrix(_ rows: [[String]], numbers: Bool = false) -> String {
        let body = rows.map { "<mtr>" + $0.map { "<mtd>\($0)</mtd>" }.joined() + "</mtr>" }.joined()
        // Chromium aligns by the class (style sheet), browsers with full MathML by columnalign.
        let table = numbers ? "<mtable class=\"numbers\" columnalign=\"right\">" : "<mtable>"
        return "<mrow><mo fence=\"true\" stretchy=\"true\">[</mo>\(table)\(body)</mtable><mo fence=\"true\" stretchy=\"true\">]</mo></mrow>"
    }

    // MARK: Names and numbers

    /// `x_1` → x with subscript 1, `alpha_{2,1}` → α with subscript 2,1, `W_hh` → W with hh.
    static func name(_ n: Name) -> String {
        let base = "<mi>\(HTMLExport.escape(greekLetter(n.base) ?? n.base))</mi>"
        guard let sub = n.subscriptText else { return base }
        return "<msub>\(base)<mrow>\(subscriptMarkup(sub))</mrow></msub>"
    }

    /// A canonical name given as text (`e_{2,1}`).
    static func name(_ canonical: String) -> String {
        if let n = Parser.parseName(canonical) { return name(n) }
        return "<mi>\(HTMLExport.escape(canonical))</mi>"
    }

    /// `2,1` → 2 , 1; `t-1` → t − 1; `hh` → hh: digits as numbers, letters as identifiers.
    private static func subscriptMarkup(_ sub: String) -> String {
        var out = "", run = "", runIsDigits = false
        func flush() {
            guard !run.isEmpty else { return }
            let text = HTMLExport.escape(greekLetter(run) ?? run)
            out += runIsDigits ? "<mn>\(text)</mn>" : "<mi>\(text)</mi>"
            run = ""
        }
        for c in sub {
            if c.isNumber || c.isLetter {
                if !run.isEmpty && c.isNumber != runIsDigits { flush() }
                runIsDigits = c.isNumber
                run.append(c)
            } else {
                flush()
                let op = c == "-" ? "−" : String(c)
                out += c == "," ? "<mo separator=\"true\">,</mo>" : "<mo>\(HTMLExport.escape(op))</mo>"
            }
        }
        flush()
        return out
    }

    /// A decimal as typed or recorded: `-1.5e-07` → −1.5 × 10⁻⁷; anything else as text.
    static func number(_ d: String) -> String {
        let numeric = !d.isEmpty && d.allSatisfy { $0.isASCII && ($0.isNumber || "-+.e".contains($0)) }
        guard numeric else { return "<mtext>\(HTMLExport.escape(d))</mtext>" }
        var mantissa = Substring(d), sign = ""
        if mantissa.hasPrefix("-") { mantissa = mantissa.dropFirst(); sign = "<mo>−</mo>" }
        guard let e = mantissa.firstIndex(of: "e") else {
            return sign.isEmpty ? "<mn>\(mantissa)</mn>" : "<mrow>\(sign)<mn>\(mantissa)</mn></mrow>"
        }
        let exponent = Int(mantissa[mantissa.index(after: e)...]) ?? 0
        let power = "<msup><mn>10</mn><mrow>\(exponent < 0 ? "<mo>−</mo>" : "")<mn>\(abs(exponent))</mn></mrow></msup>"
        return "<mrow>\(sign)<mn>\(mantissa[..<e])</mn><mo>×</mo>\(power)</mrow>"
    }

    /// The letter a Greek name stands for (`alpha` → α), from the one Greek table.
    static func greekLetter(_ name: String) -> String? { NameSpelling.character(name).map(String.init) }
}
