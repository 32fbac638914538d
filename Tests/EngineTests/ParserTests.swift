// The parser: precedence, juxtaposition, bracket literals, LaTeX, statements, incomplete input, errors.
import Testing
@testable import Engine

/// A fully parenthesised rendering of a syntax tree, so expectations read as text.
func render(_ e: Expr) -> String {
    switch e.kind {
    case let .number(t): return t
    case let .name(n): return n.canonical
    case .pi: return "pi"
    case let .unary(op, x): return (op == .negate ? "-" : "+") + render(x)
    case let .binary(op, a, b):
        let symbol: String
        switch op {
        case .add: symbol = "+"
        case .subtract: symbol = "-"
        case let .product(style): symbol = style == .juxtaposition ? "⋅" : "*"
        case .divide: symbol = "/"
        case .elementwiseMultiply: symbol = ".*"
        case .elementwiseDivide: symbol = "./"
        case .power: symbol = "^"
        case .elementwisePower: symbol = ".^"
        }
        return "(\(render(a)) \(symbol) \(render(b)))"
    case let .transpose(x, _): return "\(render(x))ᵀ"
    case let .call(n, args): return "\(n.canonical)(\(args.map(render).joined(separator: ", ")))"
    case let .index(x, i): return "\(render(x))[\(i.map(render).joined(separator: ", "))]"
    case let .bracket(.commaList(items)): return "{" + items.map(render).joined(separator: ", ") + "}"
    case let .bracket(.rows(rows)): return "[" + rows.map { $0.map(render).joined(separator: " ") }.joined(separator: "; ") + "]"
    case let .group(x): return render(x)
    case let .range(a, b): return (a.map(render) ?? "") + ":" + (b.map(render) ?? "")
    }
}

func parsed(_ source: String) -> String {
    guard case let .complete(statements) = Parser.parse(source) else { return "not complete: \(Parser.parse(source))" }
    return statements.map { s -> String in
        switch s.kind {
        case let .expression(e): return render(e)
        case let .assignment(n, e): return "\(n.canonical) = \(render(e))"
        case let .function(n, ps, e): return "\(n.canonical)(\(ps.map(\.canonical).joined(separator: ", "))) = \(render(e))"
        }
    }.joined(separator: " ; ")
}

@Suite("Parser")
struct ParserTests {
    @Test(arguments: [
        ("1 + 2 * 3", "(1 + (2 * 3))"),
        ("1 - 2 - 3", "((1 - 2) - 3)"),
        ("W_h h_2 + W_s x_1", "((W_h ⋅ h_2) + (W_s ⋅ x_1))"),
        ("h_2^T x_1", "(h_2ᵀ ⋅ x_1)"),
        ("h_2' * x_1", "(h_2ᵀ * x_1)"),
        ("h_2^\\top x_1", "(h_2ᵀ ⋅ x_1)"),
        ("A^{T}", "Aᵀ"),
        ("softmax(Q K^T / sqrt(d_k)) V", "(softmax(((Q ⋅ Kᵀ) / sqrt(d_k))) ⋅ V)"),
        ("v^T tanh(W_h h_2 + W_s x_1)", "(vᵀ ⋅ tanh(((W_h ⋅ h_2) + (W_s ⋅ x_1))))"),
        ("-x^2", "-(x ^ 2)"),
        ("2^-1", "(2 ^ -1)"),
        ("2^3^2", "(2 ^ (3 ^ 2))"),
        ("2 * -3", "(2 * -3)"),
        ("a - -b", "(a - -b)"),
        ("2 \\alpha + α - alpha", "(((2 ⋅ alpha) + alpha) - alpha)"),
        ("W_{Q} + W_Q", "(W_Q + W_Q)"),
        ("e_{2,1}", "e_{2,1}"),
        ("h_{2}", "h_2"),
        ("W_hh", "W_hh"),
        ("X[2]^T", "X[2]ᵀ"),
        ("A[i, j]", "A[i, j]"),
        ("A[:, 1:2]", "A[:, 1:2]"),
        ("A .* B ./ C", "((A .* B) ./ C)"),
        ("x .^ 2", "(x .^ 2)"),
        ("A @ B", "(A * B)"),
        ("pi", "pi"), ("π", "pi"), ("\\pi", "pi"),
        (".5 + 1e-3 + 12e-2 + 1.", "(((.5 + 1e-3) + 12e-2) + 1.)"),
        ("2x", "(2 ⋅ x)"),
        ("f (x)", "(f ⋅ x)"),
        ("1 # a comment", "1"),
    ])
    func precedenceAndJuxtaposition(_ source: String, _ expected: String) {
        #expect(parsed(source) == expected)
    }

    @Test(arguments: [
        ("[1, 2, 3]", "{1, 2, 3}"),
        ("[1 2 3]", "[1 2 3]"),
        ("[1 2; 3 4]", "[1 2; 3 4]"),
        ("[1 -2; 3 4]", "[1 -2; 3 4]"),
        ("[1 - 2, 3]", "{(1 - 2), 3}"),
        ("[1-2 3]", "[(1 - 2) 3]"),
        ("[[1, 2], [3, 4]]", "{{1, 2}, {3, 4}}"),
        ("[c_2; h_2]", "[c_2; h_2]"),
        ("[W_h h_2]", "[W_h h_2]"),
        ("[(W_h h_2) x]", "[(W_h ⋅ h_2) x]"),
        ("[a' b']", "[aᵀ bᵀ]"),
        ("[1 2\n3 4]", "[1 2; 3 4]"),
        ("[1, 2; 3, 4]", "[1 2; 3 4]"),
        ("[]", "[]"),
    ])
    func bracketLiterals(_ source: String, _ expected: String) {
        #expect(parsed(source) == expected)
    }

    @Test(arguments: [
        ("\\frac{a}{b}", "(a / b)"),
        ("\\sqrt{\\frac{81}{64}}", "sqrt((81 / 64))"),
        ("\\mathrm{softmax}(\\frac{Q K^T}{\\sqrt{d_k}}) \\cdot V", "(softmax(((Q ⋅ Kᵀ) / sqrt(d_k))) * V)"),
        ("\\operatorname{softmax}(x)", "softmax(x)"),
        ("\\text{softmax}(x)", "softmax(x)"),
        ("\\exp(x) + \\tanh{y}", "(exp(x) + tanh(y))"),
        ("\\left( a + b \\right) c", "((a + b) ⋅ c)"),
        ("{a + b} c", "((a + b) ⋅ c)"),
        ("a \\, b", "(a ⋅ b)"),
        ("\\alpha_{2,1}", "alpha_{2,1}"),
    ])
    func latexAsPasted(_ source: String, _ expected: String) {
        #expect(parsed(source) == expected)
    }

    @Test func statements() {
        #expect(parsed("x = 1; y = x + 1\nz") == "x = 1 ; y = (x + 1) ; z")
        #expect(parsed("Attention(Q, K, V) = softmax(\\frac{QK^T}{\\sqrt{d_k}})V")
                == "Attention(Q, K, V) = (softmax((QKᵀ / sqrt(d_k))) ⋅ V)")   // QK splits into Q K when evaluated
        guard case let .complete(s) = Parser.parse("a = 1;\nb = 2") else { Issue.record("not complete"); return }
        #expect(s.map(\.silent) == [true, false])
    }

    @Test(arguments: ["[1, 2", "softmax(", "x = ", "1 +", "\\frac{1}", "[1 2\n3 4", "f(x,"])
    func incompleteInputAsksForMore(_ source: String) {
        #expect(Parser.parse(source) == .incomplete)
    }

    @Test(arguments: [
        ("1 + )", "unexpected ')'", 4),
        ("softmax([1, 2, 3)))", "expected ']'", 16),
        ("2 = 3", "cannot assign", 0),
        ("\\foo{x}", "unknown LaTeX command \\foo", 0),
        ("1 $ 2", "unexpected character '$'", 2),
        ("[1, , 2]", "expected a value after ','", 4),
        ("f(1) = 2", "parameters must be plain names", 2),
        ("[2, 0 1]", "',' and spaces both separate elements", 6),
        ("[1 2, 3]", "',' and spaces both separate elements", 4),
    ])
    func failuresSayWhatAndWhere(_ source: String, _ message: String, _ column: Int) {
        guard case let .failure(d) = Parser.parse(source) else { Issue.record("\(source) did not fail: \(Parser.parse(source))"); return }
        #expect(d.message.contains(message), "\(d.message)")
        #expect(d.range?.start == column, "\(String(describing: d.range))")
    }

    @Test func hostileInputIsRefusedQuickly() {
        let deep = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        guard case let .failure(d) = Parser.parse(deep) else { Issue.record("deep nesting accepted"); return }
        #expect(d.message.contains("nested too deeply"))
        let long = String(repeating: "1+", count: 100_000) + "1"
        guard case let .failure(d2) = Parser.parse(long) else { Issue.record("huge chain accepted"); return }
        #expect(d2.message.contains("too long"))
        if case .complete = Parser.parse("1 +\u{0} 2") { Issue.record("NUL accepted") }
        if case .complete = Parser.parse("\u{FFFD}") { Issue.record("U+FFFD accepted") }
        if case .complete = Parser.parse("x = 😀") { Issue.record("emoji accepted") }
        let megabyte = "[" + String(repeating: "1 ", count: 500_000) + "]"
        if case .complete = Parser.parse(megabyte) {} else { Issue.record("a long literal should parse") }
    }

    @Test func everyReferenceProgramParses() throws {
        for file in referenceFiles {
            for c in ReferenceCase.load(file) {
                guard case .complete = Parser.parse(c.program) else {
                    Issue.record("\(c.program): \(Parser.parse(c.program))")
                    continue
                }
            }
        }
    }
}
