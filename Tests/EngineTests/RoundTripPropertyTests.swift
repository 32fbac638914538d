// Property: any syntax tree printed by UnicodeMath (the screen) or LaTeX (the exports) parses
// back to the same tree, for random trees over every kind of node and operator.
import Testing
@testable import Engine

struct RandomTrees {
    var generator: SplitMix64
    init(seed: Int) { generator = SplitMix64(seed: UInt64(seed)) }

    mutating func pick<T>(_ options: [T]) -> T { options[Int(generator.next() % UInt64(options.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { generator.next() % 100 < percent }

    /// `T` alone is left out: `x^T` is the transpose, by design.
    static let names: [Name] = [Name("x"), Name("y"), Name("W", subscript: "Q"), Name("e", subscript: "2,1"), Name("alpha"),
                                Name("h", subscript: "t-1"), Name("head"), Name("S", subscript: "scaled"), Name("d", subscript: "k"),
                                Name("Omega", subscript: "2"), Name("x1"), Name("f"), Name("W", subscript: "hh")]
    static let numbers = ["2", "3", "0.5", "1e-3", "10"]
    static let operators: [BinaryOperator] = [.add, .subtract, .product(.juxtaposition), .product(.star), .product(.cdot),
                                              .product(.times), .divide, .elementwiseMultiply, .elementwiseDivide,
                                              .power, .elementwisePower]

    mutating func expression(_ depth: Int) -> Expr {
        let r = SourceRange(0, 0)
        if depth == 0 || chance(15) {
            switch generator.next() % 3 {
            case 0: return Expr(.number(pick(RandomTrees.numbers)), r)
            case 1: return Expr(.name(pick(RandomTrees.names)), r)
            default: return chance(20) ? Expr(.pi, r) : Expr(.name(pick(RandomTrees.names)), r)
            }
        }
        let d = depth - 1
        switch generator.next() % 10 {
        case 0: return Expr(.unary(pick([.negate, .plus]), expression(d)), r)
        case 1: return Expr(.transpose(expression(d), pick([.superscriptT, .prime, .top])), r)
        case 2:
            let n = Int(generator.next() % 3)
            let callee = pick([Name("softmax"), Name("sqrt"), Name("exp"), Name("max"), Name("f", subscript: "1"), Name("alpha"), Name("g")])
            return Expr(.call(callee, (0..<max(1, n)).map { _ in expression(d) }), r)
        case 3:
            var indices = [expression(d)]
            if chance(50) { indices.append(chance(50) ? Expr(.range(nil, nil), r) : Expr(.range(expression(0), expression(0)), r)) }
            return Expr(.index(expression(d), indices), r)
        case 4:
            if chance(50) {
                return Expr(.bracket(.commaList((0..<2 + Int(generator.next() % 2)).map { _ in expression(d) })), r)
            }
            let rows = (0..<1 + Int(generator.next() % 2)).map { _ in (0..<1 + Int(generator.next() % 3)).map { _ in expression(d) } }
            return Expr(.bracket(.rows(rows)), r)
        case 5: return Expr(.group(expression(d)), r)
        default: return Expr(.binary(pick(RandomTrees.operators), expression(d), expression(d)), r)
        }
    }
}

@Suite("Round trip property")
struct RoundTripPropertyTests {
    /// Canonical trees: spelling aside (groups, product styles, transpose styles), and the
    /// LaTeX export's `-\frac{a}{b}` for (-a)/b read as -(a/b).
    static func canonical(_ e: Expr) -> String {
        switch e.kind {
        case let .binary(.divide, a, b):
            if case let .unary(.negate, inner) = ungrouped(a).kind { return "-(\(canonical(inner)) / \(canonical(b)))" }
            return "(\(canonical(a)) / \(canonical(b)))"
        case let .unary(.negate, x):
            // -(a/b) and (-a)/b are the same tree here, whichever way the printer wrote them.
            if case let .binary(.divide, a, b) = ungrouped(x).kind { return "-(\(canonical(a)) / \(canonical(b)))" }
            return "-\(canonical(x))"
        case let .group(x): return canonical(x)
        case let .call(n, args) where n.canonical == "sqrt" && args.count == 1: return "sqrt(\(canonical(ungrouped(args[0]))))"
        default: return LanguageInputTests.tree(e, recurse: canonical)
        }
    }

    static func ungrouped(_ e: Expr) -> Expr {
        if case let .group(inner) = e.kind { return ungrouped(inner) }
        return e
    }

    @Test func randomTreesReadBackAsPrinted() {
        var trees = RandomTrees(seed: 20261203)
        var failures = 0
        for _ in 0..<3000 {
            let e = trees.expression(4)
            let want = RoundTripPropertyTests.canonical(e)
            for (printer, text) in [("UnicodeMath", UnicodeMath.expression(e)), ("LaTeX", LaTeX.expression(e))] {
                guard case let .complete(s) = Parser.parse(text), s.count == 1, case let .expression(back) = s[0].kind else {
                    failures += 1
                    if failures <= 10 { Issue.record("\(printer): \(text) does not parse: \(Parser.parse(text))") }
                    continue
                }
                let got = RoundTripPropertyTests.canonical(back)
                if got != want {
                    failures += 1
                    if failures <= 10 { Issue.record("\(printer) printed \(want) as \(text), read back as \(got)") }
                }
            }
        }
        #expect(failures == 0)
    }
}

@Suite("Lexer and parser on hostile text")
struct HostileSyntaxTests {
    static let pieces = ["\\left", "\\right", "\\bigl", "(", ")", "[", "]", "{", "}", "‖", "|", "\\|", "_", "_{", "^", "^{\\circ",
                         "\\begin{bmatrix}", "\\end{bmatrix}", "&", "\\\\", "₁", "₂", ",", "ᵀ", "√", "-", "−", "+", "*", "**",
                         ".", ".T", "np.", "x", "W_Q", "e₂,₁", "α", "\\alpha", "\\mathrm{head}", "\\mathrm{", "2", "0.5", "1e-3",
                         " ", "\n", ";", "=", ":", "'", "\\frac", "\\sqrt", "\\odot", "⊙", "dim=", "softmax(", "\\left.", "#"]

    // Every piece of syntax this work added, shuffled: parsing (and printing whatever parses)
    // never traps; the test process would crash if it did.
    @Test func randomTextNeverTraps() {
        var generator = SplitMix64(seed: 7)
        var complete = 0
        for _ in 0..<5000 {
            let count = 1 + Int(generator.next() % 12)
            let text = (0..<count).map { _ in HostileSyntaxTests.pieces[Int(generator.next() % UInt64(HostileSyntaxTests.pieces.count))] }.joined()
            if case let .complete(statements) = Parser.parse(text) {
                complete += 1
                for s in statements {
                    _ = UnicodeMath.statement(s)
                    if case let .expression(e) = s.kind { _ = LaTeX.expression(e) }
                }
            }
        }
        #expect(complete > 0)
    }
}
