// Formula-language statements as Python over NumPy and the notebook prelude's helpers, from
// the syntax tree: `e_{2,1} = h_2^T x_1` → `e_2_1 = _mm(_T(h_2), x_1)`. Element-wise
// operators map to NumPy's (their broadcasting agrees on every shape attn-repl accepts);
// products, transposes, literals and positions go through helpers that keep attn-repl's
// shape rules. `rand` with constant arguments is written out as its values.
import Engine

struct NumPyCode {
    /// Shapes known for names (from recorded results): products of such names are written
    /// `a @ b` or `a * b` where NumPy means the same as attn-repl, else `_mm(a, b)`.
    var shapes: [String: [Int]] = [:]

    struct Line {
        var code: String
        /// The name assigned, as a Python identifier, and as the formula language spells it.
        var assigned: (python: String, canonical: String)?
    }

    /// One line per statement; nil when the text does not parse.
    func statements(_ text: String) -> [Line]? {
        guard case let .complete(statements) = Parser.parse(text) else { return nil }
        return statements.map(statement)
    }

    func statement(_ s: Statement) -> Line {
        switch s.kind {
        case let .expression(e): return Line(code: expression(e))
        case let .assignment(n, e):
            let id = Self.identifier(n)
            return Line(code: "\(id) = \(expression(e))", assigned: (id, n.canonical))
        case let .function(n, parameters, body):
            return Line(code: "def \(Self.identifier(n))(\(parameters.map(Self.identifier).joined(separator: ", "))):\n    return \(expression(body))")
        }
    }

    /// An exact form (`exp(1/2)/3`) as a Python expression.
    func exactForm(_ text: String) -> String? {
        guard case let .complete(s) = Parser.parseExpression(text), s.count == 1, case let .expression(e) = s[0].kind else { return nil }
        return expression(e)
    }

    // MARK: Names

    static let reserved: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "np", "print", "range", "int", "float",
        "round", "len", "list",
    ]

    /// `e_{2,1}` → `e_2_1`, `h_{t-1}` → `h_tm1`, `lambda` → `lambda_`: a valid Python identifier.
    static func identifier(_ n: Name) -> String {
        var id = n.base
        if let sub = n.subscriptText {
            id += "_"
            for c in sub {
                switch c {
                case _ where c.isASCII && (c.isLetter || c.isNumber): id.append(c)
                case "-": id += "m"
                case "+": id += "p"
                default: if !id.hasSuffix("_") { id += "_" }
                }
            }
            while id.hasSuffix("_") { id.removeLast() }
        }
        id = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
        return reserved.contains(id) ? id + "_" : id
    }

    // MARK: Expressions

    func expression(_ e: Expr) -> String { render(e).code }

    /// How tightly a piece of code binds, for parentheses only where Python needs them to
    /// keep the formula's order of operations (and so its float rounding).
    private enum Level: Int, Comparable {
        case sum = 1, product, unary, power, atom
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    private func render(_ e: Expr) -> (code: String, level: Level) {
        func wrap(_ x: Expr, _ at: Level) -> String {
            let r = render(x)
            return r.level < at ? "(\(r.code))" : r.code
        }
        func arguments(_ list: [Expr]) -> String { list.map(expression).joined(separator: ", ") }
        switch e.kind {
        case let .number(t): return (number(t), .atom)
        case let .name(n): return (Self.identifier(n), .atom)
        case .pi: return ("np.pi", .atom)
        case let .group(inner): return render(inner)
        case let .unary(op, x): return ((op == .negate ? "-" : "+") + wrap(x, .unary), .unary)
        case let .binary(op, a, b):
            switch op {
            case .add: return ("\(wrap(a, .sum)) + \(wrap(b, .product))", .sum)
            case .subtract: return ("\(wrap(a, .sum)) - \(wrap(b, .product))", .sum)
            case .product:
                switch (knownShape(a), knownShape(b)) {
                case let (x?, y?) where x.isEmpty || y.isEmpty:           // a scalar scales
                    return ("\(wrap(a, .product)) * \(wrap(b, .unary))", .product)
                case let (x?, y?) where x.count == 2 && x[0] != 1 && !y.isEmpty:
                    return ("\(wrap(a, .product)) @ \(wrap(b, .unary))", .product)   // matrix × vector or matrix
                default:
                    return ("_mm(\(expression(a)), \(expression(b)))", .atom)
                }
            case .divide, .elementwiseDivide: return ("\(wrap(a, .product)) / \(wrap(b, .unary))", .product)
            case .elementwiseMultiply: return ("\(wrap(a, .product)) * \(wrap(b, .unary))", .product)
            case .power, .elementwisePower: return ("\(wrap(a, .atom)) ** \(wrap(b, .atom))", .power)
            }
        case let .transpose(x, _): return ("_T(\(expression(x)))", .atom)
        case let .call(n, args):
            if n.canonical == "rand", let literal = randLiteral(e) { return (literal, .atom) }
            let function = n.canonical == "rand" ? "_rand" : (Builtins.named(n.canonical) != nil ? n.canonical : Self.identifier(n))
            return ("\(function)(\(arguments(args)))", .atom)
        case let .index(base, indices):
            // Names hold arrays already; anything else is made one before it is indexed.
            let array: String
            if case .name = base.kind { array = expression(base) } else { array = "np.asarray(\(expression(base)))" }
            return ("\(array)[\(indices.map(position).joined(separator: ", "))]", .atom)
        case .range:
            return (position(e), .atom)
        case let .bracket(literal):
            switch literal {
            case let .commaList(items): return ("_list(\(arguments(items)))", .atom)
            case let .rows(rows): return ("_rows(\(rows.map { "[" + arguments($0) + "]" }.joined(separator: ", ")))", .atom)
            }
        }
    }

    /// The shape of a name or a number, where it is known.
    private func knownShape(_ e: Expr) -> [Int]? {
        switch e.kind {
        case let .name(n): return shapes[n.canonical]
        case .number, .pi: return []
        case let .group(inner): return knownShape(inner)
        default: return nil
        }
    }

    /// A number as Python reads it, the same value (`.5` → `0.5`).
    private func number(_ t: String) -> String {
        let text = t.hasPrefix(".") ? "0" + t : t
        return Double(text) != nil ? text : "float('\(text)')"
    }

    /// A 1-based position or inclusive range `a:b` as a 0-based index or slice.
    private func position(_ e: Expr) -> String {
        switch e.kind {
        case let .number(t) where Int(t) != nil: return String(Int(t)! - 1)
        case let .range(lo, hi):
            let start = lo.map { b -> String in
                if case let .number(t) = b.kind, let k = Int(t) { return String(k - 1) }
                return "_i(\(expression(b)))"
            } ?? ""
            let end = hi.map { b -> String in
                if case let .number(t) = b.kind, let k = Int(t) { return String(k) }
                return "_i(\(expression(b))) + 1"
            } ?? ""
            return "\(start):\(end)"
        default: return "_i(\(expression(e)))"
        }
    }

    /// `rand(3, 4, 7)` as the matrix it makes, written out: the notebook needs no generator.
    private func randLiteral(_ call: Expr) -> String? {
        guard case let .call(_, args) = call.kind,
              args.allSatisfy({ if case .number = $0.kind { return true }; if case let .unary(.negate, x) = $0.kind, case .number = x.kind { return true }; return false }),
              let value = try? Interpreter().evaluateExpression("rand(" + args.map(sourceNumber).joined(separator: ", ") + ")"),
              case let .matrix(r, c) = value.shape, r * c <= 100_000 else { return nil }
        let rows = (0..<r).map { i in
            "[" + (0..<c).map { j in value.scalar(at: i * c + j).rational.map { DecimalFormat.string($0, digits: 17) } ?? "0" }.joined(separator: ", ") + "]"
        }
        return "np.array([" + rows.joined(separator: ",\n    ") + "])"
    }

    private func sourceNumber(_ e: Expr) -> String {
        switch e.kind {
        case let .number(t): return t
        case let .unary(.negate, x): return "-" + sourceNumber(x)
        default: return "0"
        }
    }
}
