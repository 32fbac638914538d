// What the language reads besides its own ASCII spelling (SPEC §3): LaTeX as papers paste it,
// Unicode as the screen prints it, and the Python/NumPy habits that get a message naming the fix.
// The round-trip tests print names and formulas with both printers and parse them back.
import Testing
@testable import Engine

/// The expression a one-expression program parses to.
private func expression(_ source: String) -> Expr? {
    guard case let .complete(s) = Parser.parse(source), s.count == 1, case let .expression(e) = s[0].kind else { return nil }
    return e
}

@Suite("Language input")
struct LanguageInputTests {
    @Test(arguments: [
        ("\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V", "(softmax((QKᵀ / sqrt(d_k))) ⋅ V)"),
        ("\\operatorname{softmax}\\Bigl(x\\Bigr)", "softmax(x)"),
        ("\\bigl( a + b \\bigr) c", "((a + b) ⋅ c)"),
        ("\\left[ c_2; h_2 \\right]", "[c_2; h_2]"),
        ("\\left\\{ a \\right\\}", "a"),
        ("a \\odot b", "(a .* b)"),
        ("a ⊙ b ⊘ c", "((a .* b) ./ c)"),
        ("\\|x\\| + \\lVert y \\rVert + ‖z‖", "((norm(x) + norm(y)) + norm(z))"),
        ("2\\|x - y\\|", "(2 ⋅ norm((x - y)))"),
        ("|a - b|", "abs((a - b))"),
        ("\\left| a \\right|", "abs(a)"),
        ("\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}", "[1 2; 3 4]"),
        ("\\begin{bmatrix} W_h h & -2 \\end{bmatrix}", "[(W_h ⋅ h) -2]"),
        ("{X}_{[2, 3]}", "X[2, 3]"),
        ("{x}^{\\circ 2}", "(x .^ 2)"),
        ("\\mathrm{head}_{1} + \\text{S}_{scaled}", "(head_1 + S_scaled)"),
        ("\\sigma\\left(x\\right)", "sigma(x)"),
        ("\\mathrm{softmax} \\left( x \\right)", "softmax(x)"),
        ("\\mathrm{head} + f (x)", "(head + (f ⋅ x))"),
    ])
    func latexAsPapersPasteIt(_ source: String, _ expected: String) {
        #expect(parsed(source) == expected, "\(source)")
    }

    @Test(arguments: [
        ("x₁", "x_1"), ("e₂,₁", "e_{2,1}"), ("α₂,₃", "alpha_{2,3}"), ("Wₕₕ", "W_hh"), ("hₜ₋₁", "h_{t-1}"),
        ("h₂ᵀ x₁", "(h_2ᵀ ⋅ x_1)"), ("√d_k", "sqrt(d_k)"), ("√(a + b)", "sqrt((a + b))"), ("a − b", "(a - b)"),
        ("f(e₂,₁, x)", "f(e_{2,1}, x)"), ("[x₁,₂, y]", "{x_{1,2}, y}"),
    ])
    func unicodeAsTheScreenPrintsIt(_ source: String, _ expected: String) {
        #expect(parsed(source) == expected, "\(source)")
    }

    @Test func nestedListsAreRowsAsInNumPy() {
        #expect(Run.value("[[1, 2]]")?.shape == .matrix(1, 2))
        #expect(Run.value("[[5]]")?.shape == .matrix(1, 1))
        #expect(Run.value("[[1, 2], [3, 4]]")?.shape == .matrix(2, 2))
        #expect(Run.value("[1, 2]")?.shape == .vector(2))
        #expect(Run.value("[5]")?.shape == .vector(1))
    }

    @Test(arguments: [
        ("a = 2; a**2", "write a^2 (a scalar or a square matrix) or a.^2"),
        ("a = [1, 2]; a.T", "write a^T"),
        ("a = [1, 2]; np.dot(a, a)", "is written a^T b here"),
        ("A = eye(2); torch.matmul(A, A)", "is written A B here"),
        ("np.exp(1)", "write exp(…), not np.exp(…)"),
        ("softmax([1, 2], dim=1)", "on a matrix it is row-wise"),
        ("sum([1, 2], axis=0)", "keyword arguments"),
        ("x = [1, 2]; x[0]", "indices start at 1"),
        ("X = eye(2); X[0, 1]", "rows start at 1"),
        ("x_1 = 1,2,3", "write [1, 2, 3]"),
        ("[1,2;3]", "rows must have the same length"),
        ("x = 3/7; x^1000000", "(3/7)^1000000 would have more than"),
        ("x = 3/7; x^1000000", "--float"),
        ("A = eye(2); (A A).T", "(…).T is NumPy's transpose"),
        ("x = 1; x += 1", "write x = x + …"),
        ("len([1, 2])", "write rows(x)"),
        ("np.array([1, 2])", "no np. needed"),
    ])
    func pythonHabitsNameTheFix(_ program: String, _ fragment: String) {
        let message = Run.error(program) ?? "no error"
        #expect(message.contains(fragment), "\(program): \(message)")
    }

    @Test func theTypoIndexsIsGone() {
        let message = Run.error("x = [1, 2]; x[3]") ?? ""
        #expect(message.contains("indices run from 1 to 2"), "\(message)")
    }

    // A right-associative chain of 25 000 `^` overflowed the stack: every level counts now.
    @Test func longPowerChainsAreRefusedNotOverflowed() {
        let chain = "1" + String(repeating: "^1", count: 25_000)
        guard case let .failure(d) = Parser.parse(chain) else { Issue.record("expected a failure"); return }
        #expect(d.message.contains("nested too deeply"))
        let signed = "2" + String(repeating: "^-1", count: 25_000)
        guard case .failure = Parser.parse(signed) else { Issue.record("expected a failure"); return }
        // Long left-associative chains are read iteratively and refused by length, not by the stack.
        guard case let .failure(d2) = Parser.parse("1" + String(repeating: "+1", count: 25_000)) else {
            Issue.record("expected a failure"); return
        }
        #expect(d2.message.contains("too long"))
        // Every other way of nesting deeply is refused the same way, never by the stack.
        for deep in [String(repeating: "-", count: 25_000) + "1", String(repeating: "√", count: 25_000) + "4",
                     String(repeating: "‖", count: 25_000), "x" + String(repeating: "'", count: 25_000),
                     String(repeating: "\\left(", count: 25_000) + "1" + String(repeating: "\\right)", count: 25_000),
                     "x" + String(repeating: "[1]", count: 25_000),
                     String(repeating: "{", count: 25_000) + "1" + String(repeating: "}", count: 25_000),
                     "1" + String(repeating: "^{1", count: 25_000) + String(repeating: "}", count: 25_000)] {
            guard case .failure = Parser.parse(deep) else { Issue.record("\(deep.prefix(20))… was not refused"); continue }
        }
        // Short chains still work.
        #expect(Run.value("2^2^2^2")?.scalarValue?.rational == Rational(65536))
    }

    // MARK: Round trips: whatever is printed parses back to the same name and formula.

    static let writtenNames: [String] = ["x", "x_1", "h_12", "W_Q", "W_hh", "e_{2,1}", "alpha_{2,3}", "alpha", "Omega", "Upsilon",
                                         "upsilon", "h_{t-1}", "e_{2,Q}", "S_scaled", "head_i", "d_k", "x1", "beta_{10,2}",
                                         "W_{Qh}", "sigma_x", "epsilon", "h_{(1)}", "x_{n+1}"]
    static let greekNames: [String] = NameSpelling.greek.map { $0.name }.filter { $0 != "pi" }
    /// Every subscript character the screen prints, as a one-character subscript.
    static let subscriptNames: [String] = NameSpelling.subscripts.map { (pair: (ascii: Character, subscript: Character)) -> String in
        "x_{\(pair.ascii)}"
    }
    static let names: [String] = writtenNames + greekNames + subscriptNames

    @Test(arguments: names)
    func namesRoundTripThroughBothPrinters(_ canonical: String) throws {
        let name = try #require(expression(canonical).flatMap { e -> Name? in if case let .name(n) = e.kind { return n }; return nil },
                                "\(canonical) is not a name")
        for printed in [UnicodeMath.name(name), LaTeX.name(name)] {
            let back = expression(printed).flatMap { e -> Name? in if case let .name(n) = e.kind { return n }; return nil }
            #expect(back == name, "\(canonical) printed as \(printed) reads back as \(String(describing: back))")
        }
    }

    static let formulas = [
        "1 + 2 * 3", "(1 + 2) * 3", "1 - (2 - 3)", "a - b - c", "a / (b c)", "a / b c", "-a b", "-(a b)", "(-a)^2", "-a^2",
        "a^b^c", "(a^b)^c", "2^-1", "a (-b)", "a * -b", "x .^ 2", "(x + 1) .^ 2", "A .* B ./ C", "A ./ (B .* C)",
        "W_h h_2 + W_s x_1", "h_2^T x_1", "(A B)^T", "X[2]^T", "(A + B)[1, 2]", "A[:, 1:2]", "sqrt(d_k)", "sqrt(x + 1)",
        "softmax(Q K^T / sqrt(d_k)) V", "v^T tanh(W_h h_2 + W_s x_1)", "[1, 2, 3]", "[1 2; 3 4]", "[c_2; h_2]",
        "[[1, 2], [3, 4]]", "[[1, 2]]", "[a + b, c]", "[a b; c d]", "[1 -2]", "[-1, 2]", "exp(x) / sum(exp(x))",
        "alpha_{2,1} e_{2,1}", "W_O[(i - 1) * d_h + 1:i * d_h, :]", "norm(x - y)", "1/2 + 3", "a - -b", "+a", "pi r^2",
        "f(x, y) + g(h_{t-1})", "x' y", "2 * 3 4", "head (x + 1)", "a head (x)", "head_1 (x)", "e_{2,1} = h_2^T x_1", "f(x) = x^2 + 1",
    ]

    @Test(arguments: formulas)
    func formulasRoundTripThroughBothPrinters(_ source: String) throws {
        guard case let .complete(statements) = Parser.parse(source), statements.count == 1 else {
            Issue.record("\(source) does not parse"); return
        }
        let original = statements[0]
        let printers: [(String, (Statement) -> String)] = [
            ("UnicodeMath", { UnicodeMath.statement($0) }),
            ("LaTeX", LanguageInputTests.latex),
        ]
        for (printer, print) in printers {
            let printed = print(original)
            guard case let .complete(back) = Parser.parse(printed), back.count == 1 else {
                Issue.record("\(printer) printed \(source) as \(printed), which does not parse: \(Parser.parse(printed))"); continue
            }
            #expect(LanguageInputTests.tree(back[0]) == LanguageInputTests.tree(original),
                    "\(printer) printed \(source) as \(printed)")
        }
    }

    static func latex(_ s: Statement) -> String {
        switch s.kind {
        case let .expression(e): return LaTeX.expression(e)
        case let .assignment(n, e): return "\(LaTeX.name(n)) = \(LaTeX.expression(e))"
        case let .function(n, ps, e): return "\(LaTeX.name(n))\\left(\(ps.map { LaTeX.name($0) }.joined(separator: ", "))\\right) = \(LaTeX.expression(e))"
        }
    }

    /// The tree without how it was spelled: groups, product styles and literal forms that mean the
    /// same value (a comma list of numbers is the column `[1; 2; 3]`).
    static func tree(_ s: Statement) -> String {
        switch s.kind {
        case let .expression(e): return tree(e)
        case let .assignment(n, e): return "\(n.canonical) = \(tree(e))"
        case let .function(n, ps, e): return "\(n.canonical)(\(ps.map(\.canonical).joined(separator: ", "))) = \(tree(e))"
        }
    }

    static func tree(_ e: Expr) -> String { tree(e, recurse: { tree($0) }) }

    static func tree(_ e: Expr, recurse tree: (Expr) -> String) -> String {
        switch e.kind {
        case let .group(x): return tree(x)
        case let .binary(.product, a, b): return "(\(tree(a)) * \(tree(b)))"
        case let .binary(.divide, a, b): return "(\(tree(a)) / \(tree(b)))"
        case let .unary(.negate, x): return "-\(tree(x))"
        case let .unary(.plus, x): return "+\(tree(x))"
        case let .binary(op, a, b): return "(\(tree(a)) \(op) \(tree(b)))"
        case let .transpose(x, _): return "\(tree(x))ᵀ"
        case let .call(n, args): return "\(n.canonical)(\(args.map(tree).joined(separator: ", ")))"
        case let .index(x, i): return "\(tree(x))[\(i.map(tree).joined(separator: ", "))]"
        case let .range(a, b): return (a.map(tree) ?? "") + ":" + (b.map(tree) ?? "")
        case let .bracket(.commaList(items)) where items.allSatisfy(isNumeric):
            return "[" + items.map(tree).joined(separator: "; ") + "]"
        case let .bracket(.commaList(items)): return "{" + items.map(tree).joined(separator: ", ") + "}"
        case let .bracket(.rows(rows)): return "[" + rows.map { $0.map(tree).joined(separator: " ") }.joined(separator: "; ") + "]"
        case .number, .name, .pi: return render(e)
        }
    }

    /// A number literal, possibly signed (the LaTeX export writes a comma list of them as a column).
    static func isNumeric(_ e: Expr) -> Bool {
        switch e.kind {
        case .number, .pi: return true
        case let .unary(_, x): return isNumeric(x)
        default: return false
        }
    }
}
