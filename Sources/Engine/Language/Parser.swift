// A recursive-descent parser; binary operators by precedence climbing over one table:
//
//   program    := statement ((';' | newline) statement)*
//   statement  := expression ['=' expression]
//   expression := operand (binary operand)*  by precedence climbing over BindingPower:
//                 + -  <  * @ / .* ./ \cdot \times juxtaposition  <  sign  <  ^ .^ (right-assoc)
//   operand    := ('-' | '+') operand | postfix
//   postfix    := primary ('[' indices ']' | "'" | '^T' | '^{T}' | '^\top')*
//   primary    := number | name | name '(' args ')' | pi | '(' sum ')' | '{' sum '}'
//               | '[' bracket ']' | '√' postfix | '‖' expression '‖' | '|' expression '|'
//               | LaTeX (\frac, \sqrt, \exp …, \text{…}); the lexer already made `\left(` a `(`
//
// Inside brackets whitespace separates elements (`[1 -2]` has two), so juxtaposition needs
// no space there and a `-` with space before but none after starts a new element.

public enum Parser {
    public static func parse(_ source: String) -> ParseResult {
        var lexer = Lexer(source)
        let tokens: [Token]
        do {
            tokens = try lexer.tokenize()
        } catch let d as Diagnostic {
            return lexer.endedInsideBracket ? .incomplete : .failure(d)
        } catch {
            return .failure(Diagnostic("\(error)"))
        }
        var state = ParserState(tokens: tokens)
        do {
            return .complete(try state.program())
        } catch let e as ParserState.Failure {
            if e.atEnd || lexer.endedInsideBracket { return .incomplete }
            return .failure(e.diagnostic)
        } catch {
            return .failure(Diagnostic("\(error)"))
        }
    }

    /// `text` when it is exactly one name (`W_Q`, `W_{Q}`, `alpha`, `x₁`), else nil.
    public static func parseName(_ text: String) -> Name? {
        guard case let .complete(s) = parseExpression(text), case let .expression(e) = s[0].kind,
              case let .name(n) = e.kind else { return nil }
        return n
    }

    public static func parseExpression(_ source: String) -> ParseResult {
        switch parse(source) {
        case let .complete(statements):
            guard statements.count == 1, case .expression = statements[0].kind else {
                return .failure(Diagnostic("expected a single expression", at: statements.first?.range))
            }
            return .complete(statements)
        case let other: return other
        }
    }
}

struct ParserState {
    struct Failure: Error {
        let diagnostic: Diagnostic
        /// The input ended where more was expected.
        let atEnd: Bool
    }

    /// Deepest nesting of brackets and operators accepted.
    static let maximumNesting = 200
    /// Deepest syntax tree accepted (long chains like 1+1+…+1 make deep trees too).
    static let maximumTreeDepth = 1500

    private let tokens: [Token]
    private var p = 0
    private var nesting = 0
    /// True inside `[ ]` (and not inside parentheses within them).
    private var inBracket = false
    /// The bars (`‖`, `|`) opened and not yet closed: inside `‖x‖` the next `‖` closes.
    private var closers: [String] = []

    init(tokens: [Token]) { self.tokens = tokens }

    // MARK: Token helpers

    private var current: Token { tokens[p] }
    private var next: Token { tokens[min(p + 1, tokens.count - 1)] }
    private mutating func advance() -> Token { let t = tokens[p]; if p < tokens.count - 1 { p += 1 }; return t }

    private func fail(_ message: Message, _ token: Token? = nil) -> Failure {
        let t = token ?? current
        return Failure(diagnostic: Diagnostic(message, at: t.range), atEnd: t.kind == .end)
    }

    private mutating func expect(_ symbol: String, closing opener: Token? = nil) throws {
        guard current.isSymbol(symbol) else {
            if let opener {
                throw fail("expected '\(symbol)' to close the one at column \(opener.range.start + 1)")
            }
            throw fail("expected '\(symbol)'\(describeCurrent)")
        }
        _ = advance()
    }

    private var describeCurrent: Message {
        switch current.kind {
        case .end: return " but the input ended"
        case .newline: return " before the end of the line"
        case let .symbol(s): return ", found '\(s)'"
        case let .number(n): return ", found \(n)"
        case let .name(n): return ", found \(n.canonical)"
        case .pi: return ", found pi"
        case let .command(c): return ", found \\\(c)"
        }
    }

    private mutating func enter() throws {
        nesting += 1
        if nesting > ParserState.maximumNesting {
            throw Failure(diagnostic: Diagnostic("expression nested too deeply (limit \(ParserState.maximumNesting))", at: current.range), atEnd: false)
        }
    }

    private func node(_ kind: ExprKind, _ range: SourceRange, depth: Int) throws -> (Expr, Int) {
        guard depth <= ParserState.maximumTreeDepth else {
            throw Failure(diagnostic: Diagnostic("expression too long to evaluate (more than \(ParserState.maximumTreeDepth) operations in a chain)", at: range), atEnd: false)
        }
        return (Expr(kind, range), depth)
    }

    // MARK: Statements

    /// program := statement ((';' | newline) statement)*
    mutating func program() throws -> [Statement] {
        var statements: [Statement] = []
        while true {
            while current.kind == .newline || current.isSymbol(";") { _ = advance() }
            if current.kind == .end { return statements }
            var s = try statement()
            if current.isSymbol(";") {
                s.silent = true
                _ = advance()
            } else if current.kind != .newline && current.kind != .end {
                if current.isSymbol(")") || current.isSymbol("]") || current.isSymbol("}") {
                    throw fail("unexpected '\(symbolText(current))' (nothing to close)")
                }
                if current.isSymbol(",") { throw fail(PythonHabit.unbracketedList) }
                throw fail("unexpected \(tokenText(current)) after a complete statement")
            }
            statements.append(s)
        }
    }

    /// statement := expression ['=' expression]
    private mutating func statement() throws -> Statement {
        let (lhs, _) = try sum()
        guard current.isSymbol("=") else {
            return Statement(.expression(lhs), silent: false, range: lhs.range)
        }
        _ = advance()
        if current.kind == .end { throw fail("expected a value after '='") }
        let (rhs, _) = try sum()
        let range = SourceRange.covering(lhs.range, rhs.range)
        switch lhs.kind {
        case let .name(n):
            return Statement(.assignment(n, rhs), silent: false, range: range)
        case let .call(f, args):
            var parameters: [Name] = []
            for a in args {
                guard case let .name(n) = a.kind else {
                    throw Failure(diagnostic: Diagnostic("a function's parameters must be plain names", at: a.range), atEnd: false)
                }
                guard !parameters.contains(n) else {
                    throw Failure(diagnostic: Diagnostic("parameter \(n) appears twice", at: a.range), atEnd: false)
                }
                parameters.append(n)
            }
            return Statement(.function(f, parameters: parameters, body: rhs), silent: false, range: range)
        default:
            throw Failure(diagnostic: Diagnostic("cannot assign to this: the left of '=' must be a name or f(x, …)", at: lhs.range), atEnd: false)
        }
    }

    // MARK: Expressions

    /// An expression: `subexpression` with nothing binding around it.
    private mutating func sum() throws -> (Expr, Int) { try subexpression(0) }

    /// Precedence climbing over the BindingPower table (as Lua's `subexpr`): a signed or
    /// postfix operand, then every binary operator whose left priority beats `limit`.
    /// Each level counts toward the nesting limit, `^` chains and signs included, so no input
    /// recurses deeper than `maximumNesting` levels.
    private mutating func subexpression(_ limit: Int, signAllowed: Bool = true) throws -> (Expr, Int) {
        try enter()
        defer { nesting -= 1 }
        var left: Expr, depth: Int
        if signAllowed, current.isSymbol("-") || current.isSymbol("+") {
            let sign = advance()
            let (operand, d) = try subexpression(BindingPower.prefix)
            (left, depth) = try node(.unary(sign.isSymbol("-") ? .negate : .plus, operand), .covering(sign.range, operand.range), depth: d + 1)
        } else {
            (left, depth) = try postfix()
        }
        while let op = binaryOperatorAhead(), BindingPower.of(op).left > limit {
            let right: Expr, d: Int
            var kind = op
            switch op {
            case .product(.juxtaposition):
                (right, d) = try subexpression(BindingPower.juxtaposition.right, signAllowed: false)
            case .power, .elementwisePower:
                let elementwise: Bool
                (right, d, elementwise) = try exponent()
                if elementwise { kind = .elementwisePower }
            default:
                _ = advance()
                (right, d) = try subexpression(BindingPower.of(op).right)
            }
            (left, depth) = try node(.binary(kind, left, right), .covering(left.range, right.range), depth: max(depth, d) + 1)
        }
        return (left, depth)
    }

    /// The binary operator at the current token, if any (juxtaposition when an operand follows).
    private func binaryOperatorAhead() -> BinaryOperator? {
        switch current.kind {
        case .symbol("+"), .symbol("-"):
            // In brackets, `1 -2` is two elements: a sign with space before and none after.
            if inBracket && current.spaceBefore && !next.spaceBefore && next.kind != .end { return nil }
            return current.isSymbol("+") ? .add : .subtract
        case .symbol("*"): return .product(.star)
        case .symbol("@"): return .product(.at)
        case .command("cdot"): return .product(.cdot)
        case .command("times"): return .product(.times)
        case .symbol("/"): return .divide
        case .symbol(".*"): return .elementwiseMultiply
        case .symbol("./"): return .elementwiseDivide
        case .symbol("^"): return .power
        case .symbol(".^"): return .elementwisePower
        default:
            return startsOperand(current) && !(inBracket && current.spaceBefore) ? .product(.juxtaposition) : nil
        }
    }

    /// After `^` or `.^`: `{…}` (LaTeX), `{\circ …}` (element-wise), or an operand that binds
    /// tighter than `^` on its right (so `2^3^2` is 2^(3^2) and `2^-1` is 2^(-1)).
    private mutating func exponent() throws -> (Expr, Int, elementwise: Bool) {
        _ = advance()
        if current.isSymbol("{") {
            let open = advance()
            var elementwise = false
            if current.isCommand("circ") {
                _ = advance()
                elementwise = true
            }
            let (e, d) = try grouped(closing: "}", opener: open)
            return (e, d, elementwise)
        }
        let (e, d) = try subexpression(BindingPower.power.right)
        return (e, d, false)
    }

    /// Can this token begin an operand of a juxtaposed product?
    private func startsOperand(_ t: Token) -> Bool {
        switch t.kind {
        case .number, .name, .pi: return true
        case let .symbol(s):
            if s == "‖" || s == "|" { return closers.last != s }
            return s == "(" || s == "[" || s == "{" || s == "√"
        case let .command(c): return ParserState.operandCommands.contains(c)
        default: return false
        }
    }

    static let functionCommands: [String: String] = [
        "exp": "exp", "log": "log", "ln": "log", "tanh": "tanh", "sin": "sin", "cos": "cos",
        "max": "max", "min": "min",
    ]
    static let wordCommands = Lexer.wordCommands
    static let operandCommands: Set<String> = Set(functionCommands.keys).union(wordCommands).union(["frac", "sqrt"])

    /// postfix := primary ('[' indices ']' | "'" | '^T' | '^{T}' | '^\top')*
    private mutating func postfix() throws -> (Expr, Int) {
        var (e, depth) = try primary()
        while true {
            if current.isSymbol("[") && !current.spaceBefore {
                let open = advance()
                let (indices, d) = try indexArguments(depth: depth)
                let close = current
                try expect("]", closing: open)
                (e, depth) = try node(.index(e, indices), .covering(e.range, close.range), depth: d + 1)
            } else if current.isSymbol("'") {
                let t = advance()
                (e, depth) = try node(.transpose(e, .prime), .covering(e.range, t.range), depth: depth + 1)
            } else if current.isSymbol("ᵀ") {
                let t = advance()
                (e, depth) = try node(.transpose(e, .superscriptT), .covering(e.range, t.range), depth: depth + 1)
            } else if current.isSymbol("_") {
                // `{X}_{[2, 3]}`: an index as the LaTeX export writes it.
                guard next.isSymbol("{"), p + 2 < tokens.count, tokens[p + 2].isSymbol("[") else {
                    throw fail("unexpected '_': a subscript ends with a letter or digit (write A_{wrong} or A_wrong)")
                }
                _ = advance()
                let brace = advance()
                let open = advance()
                let (indices, d) = try indexArguments(depth: depth)
                try expect("]", closing: open)
                let close = current
                try expect("}", closing: brace)
                (e, depth) = try node(.index(e, indices), .covering(e.range, close.range), depth: d + 1)
            } else if current.isSymbol("^"), let (style, length) = transposeAhead() {
                let last = tokens[p + length - 1]
                p += length
                (e, depth) = try node(.transpose(e, style), .covering(e.range, last.range), depth: depth + 1)
            } else {
                return (e, depth)
            }
        }
    }

    /// The comma-separated indices inside `[ ]` (whitespace there does not separate elements),
    /// with the deepest nesting among them and `depth`.
    private mutating func indexArguments(depth: Int) throws -> ([Expr], Int) {
        let saved = inBracket
        inBracket = false
        defer { inBracket = saved }
        var indices: [Expr] = []
        var d = depth
        repeat {
            if !indices.isEmpty { _ = advance() }
            let (index, id) = try indexArgument()
            indices.append(index)
            d = max(d, id)
        } while current.isSymbol(",")
        return (indices, d)
    }

    /// After '^': `T`, `\top`, `{T}`, `{\top}` make a transpose; returns the style and tokens used.
    private func transposeAhead() -> (TransposeStyle, Int)? {
        func isT(_ t: Token) -> TransposeStyle? {
            if case let .name(n) = t.kind, n == Name("T") { return .superscriptT }
            if t.isCommand("top") || t.isCommand("intercal") { return .top }
            return nil
        }
        let a = tokens[min(p + 1, tokens.count - 1)]
        if let style = isT(a) { return (style, 2) }
        if a.isSymbol("{"), p + 3 < tokens.count, let style = isT(tokens[p + 2]), tokens[p + 3].isSymbol("}") {
            return (style, 4)
        }
        return nil
    }

    /// An index: an expression, `:` (all), or `a:b`.
    private mutating func indexArgument() throws -> (Expr, Int) {
        if current.isSymbol(":") {
            let t = advance()
            return (Expr(.range(nil, nil), t.range), 1)
        }
        let (lo, d1) = try sum()
        guard current.isSymbol(":") else { return (lo, d1) }
        _ = advance()
        let (hi, d2) = try sum()
        return try node(.range(lo, hi), .covering(lo.range, hi.range), depth: max(d1, d2) + 1)
    }

    /// primary := number | name [call] | pi | group | bracket | LaTeX
    private mutating func primary() throws -> (Expr, Int) {
        let t = current
        switch t.kind {
        case let .number(text):
            _ = advance()
            return (Expr(.number(text), t.range), 1)
        case .pi:
            _ = advance()
            return (Expr(.pi, t.range), 1)
        case let .name(n):
            _ = advance()
            if current.isSymbol("(") && (!current.spaceBefore || t.fromCommand) { return try call(n, from: t) }
            return (Expr(.name(n), t.range), 1)
        case .symbol("("):
            let open = advance()
            let (inner, d) = try grouped(closing: ")", opener: open)
            return try node(.group(inner), .covering(open.range, tokens[p - 1].range), depth: d + 1)
        case .symbol("{"):
            // LaTeX braces group without showing: `{x}^{2}` is x^2, not (x)^2.
            let open = advance()
            let (inner, d) = try grouped(closing: "}", opener: open)
            return (inner, d)
        case .symbol("["):
            return try bracket()
        case .symbol("√"):
            // `√d_k`, `√(x + 1)` as UnicodeMath prints them.
            _ = advance()
            try enter()
            defer { nesting -= 1 }
            let (operand, d) = try postfix()
            let inner: Expr
            if case let .group(g) = operand.kind { inner = g } else { inner = operand }
            return try node(.call(Name("sqrt"), [inner]), .covering(t.range, operand.range), depth: d + 1)
        case .symbol("‖"), .symbol("|"):
            // `‖x‖`, `\|x\|` (a norm) and `|x|` (absolute value).
            let open = advance()
            let bar = symbolText(open)
            try enter()
            closers.append(bar)
            let saved = inBracket
            inBracket = false
            defer { nesting -= 1; closers.removeLast(); inBracket = saved }
            if current.isSymbol(bar) { throw fail("empty '\(bar)\(bar)'") }
            let (inner, d) = try sum()
            let close = current
            try expect(bar, closing: open)
            return try node(.call(Name(bar == "|" ? "abs" : "norm"), [inner]), .covering(t.range, close.range), depth: d + 1)
        case let .command(c):
            return try latex(c)
        case .end:
            throw fail("expected a value but the input ended")
        case .newline:
            throw fail("expected a value before the end of the line")
        case let .symbol(s):
            if s == ")" || s == "]" || s == "}" { throw fail("unexpected '\(s)'") }
            throw fail("expected a value, found '\(s)'")
        }
    }

    /// The inside of ( … ) or { … }, with juxtaposition allowed again inside brackets.
    private mutating func grouped(closing: String, opener: Token) throws -> (Expr, Int) {
        let saved = inBracket
        inBracket = false
        defer { inBracket = saved }
        if current.isSymbol(closing) { throw fail("empty '\(symbolText(opener))\(closing)'") }
        let (inner, d) = try sum()
        try expect(closing, closing: opener)
        return (inner, d)
    }

    /// name '(' args ')'
    private mutating func call(_ n: Name, from nameToken: Token) throws -> (Expr, Int) {
        let open = advance()
        let saved = inBracket
        inBracket = false
        defer { inBracket = saved }
        var args: [Expr] = []
        var depth = 1
        if !current.isSymbol(")") {
            repeat {
                if !args.isEmpty { _ = advance() }
                let (a, d) = try sum()
                if current.isSymbol("=") {
                    if case let .name(keyword) = a.kind, n.canonical == "softmax", ["dim", "axis"].contains(keyword.canonical) {
                        throw fail(PythonHabit.softmaxAxis)
                    }
                    throw fail(PythonHabit.keywordArgument)
                }
                args.append(a)
                depth = max(depth, d)
            } while current.isSymbol(",")
        }
        let close = current
        try expect(")", closing: open)
        return try node(.call(n, args), .covering(nameToken.range, close.range), depth: depth + 1)
    }

    // MARK: Bracket literals

    static let mixedSeparators: Message = "',' and spaces both separate elements in this bracket: write [1, 2, 3] for a column vector or [1 2 3] for a row"

    /// '[' elements ']': commas, whitespace and ';'/newlines separate elements and rows.
    private mutating func bracket() throws -> (Expr, Int) {
        let open = advance()
        try enter()
        defer { nesting -= 1 }
        let saved = inBracket
        // In `\begin{bmatrix} a b & c \end{bmatrix}` only `&` separates: `a b` is a product.
        inBracket = !open.fromCommand
        defer { inBracket = saved }
        var rows: [[Expr]] = [[]]
        var sawComma = false, sawRowBreak = false, sawSpaceSeparation = false
        var depth = 1
        while current.kind == .newline { _ = advance() }
        while !current.isSymbol("]") {
            if current.kind == .end || current.isSymbol(")") || current.isSymbol("}") {
                throw fail("expected ']' to close the one at column \(open.range.start + 1)\(describeCurrent)")
            }
            if current.isSymbol(";") || current.kind == .newline {
                _ = advance()
                if !rows[rows.count - 1].isEmpty { rows.append([]); sawRowBreak = true }
                continue
            }
            if current.isSymbol(",") {
                guard !rows[rows.count - 1].isEmpty else { throw fail("expected a value before ','") }
                if sawSpaceSeparation { throw fail(Self.mixedSeparators) }
                _ = advance()
                sawComma = true
                while current.kind == .newline { _ = advance() }
                if current.isSymbol("]") || current.isSymbol(",") || current.isSymbol(";") { throw fail("expected a value after ','") }
                let (e, d) = try sum()
                rows[rows.count - 1].append(e)
                depth = max(depth, d)
                continue
            }
            if !rows[rows.count - 1].isEmpty {
                if sawComma { throw fail(Self.mixedSeparators) }
                sawSpaceSeparation = true
            }
            let (e, d) = try sum()
            rows[rows.count - 1].append(e)
            depth = max(depth, d)
        }
        let close = advance()
        if rows.last?.isEmpty == true { rows.removeLast() }
        let range = SourceRange.covering(open.range, close.range)
        if sawComma && !sawRowBreak && !sawSpaceSeparation && !open.fromCommand {
            return try node(.bracket(.commaList(rows.first ?? [])), range, depth: depth + 1)
        }
        return try node(.bracket(.rows(rows)), range, depth: depth + 1)
    }

    // MARK: LaTeX

    private mutating func latex(_ command: String) throws -> (Expr, Int) {
        let t = advance()
        switch command {
        case "frac":
            let (a, d1) = try braced(after: t)
            let (b, d2) = try braced(after: t)
            return try node(.binary(.divide, a, b), .covering(t.range, tokens[p - 1].range), depth: max(d1, d2) + 1)
        case "sqrt":
            let (a, d) = try braced(after: t)
            return try node(.call(Name("sqrt"), [a]), .covering(t.range, tokens[p - 1].range), depth: d + 1)
        case _ where ParserState.wordCommands.contains(command):
            guard current.isSymbol("{") else { throw fail("expected '{' after \\\(command)") }
            let open = advance()
            guard case let .name(n) = current.kind else { throw fail("expected a name inside \\\(command){…}") }
            _ = advance()
            try expect("}", closing: open)
            if current.isSymbol("(") { return try call(n, from: t) }
            return (Expr(.name(n), .covering(t.range, tokens[p - 1].range)), 1)
        case _ where ParserState.functionCommands[command] != nil:
            let name = Name(ParserState.functionCommands[command]!)
            if current.isSymbol("(") { return try call(name, from: t) }
            if current.isSymbol("{") {
                let open = advance()
                let (a, d) = try grouped(closing: "}", opener: open)
                return try node(.call(name, [a]), .covering(t.range, tokens[p - 1].range), depth: d + 1)
            }
            throw fail("expected '(' after \\\(command)")
        case "cdot", "times", "top":
            throw fail("expected a value before \\\(command)", t)
        default:
            throw fail("unknown LaTeX command \\\(command)", t)
        }
    }

    /// '{' sum '}' (a LaTeX argument).
    private mutating func braced(after command: Token) throws -> (Expr, Int) {
        guard current.isSymbol("{") else { throw fail("expected '{' after \\\(commandName(command))") }
        let open = advance()
        return try grouped(closing: "}", opener: open)
    }

    private func commandName(_ t: Token) -> String { if case let .command(c) = t.kind { return c } else { return "" } }
    private func symbolText(_ t: Token) -> String { if case let .symbol(s) = t.kind { return s } else { return "" } }

    private func tokenText(_ t: Token) -> Message {
        switch t.kind {
        case let .symbol(s): return "'\(s)'"
        case let .number(n): return "number \(n)"
        case let .name(n): return "name \(n.canonical)"
        case .pi: return "pi"
        case let .command(c): return "\\\(c)"
        case .newline: return "end of line"
        case .end: return "end of input"
        }
    }
}
