// The syntax tree of the formula language: what the parser produces and the evaluator walks.

/// A half-open range of Unicode-scalar offsets into the source text.
public struct SourceRange: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    public static func covering(_ a: SourceRange, _ b: SourceRange) -> SourceRange {
        SourceRange(min(a.start, b.start), max(a.end, b.end))
    }
}

/// A variable or function name in canonical form.
///
/// `W_{Q}` and `W_Q` are the same name; `α`, `alpha` and `\alpha` are the same letter.
/// The base is ASCII-spelled (`alpha`), the subscript is the raw text inside `_{…}` or
/// after `_` with braces removed and spaces dropped (`2,1`, `hh`, `Q`, `t-1`).
public struct Name: Hashable, Sendable, CustomStringConvertible {
    public var base: String
    public var subscriptText: String?

    public init(_ base: String, subscript sub: String? = nil) {
        self.base = base
        self.subscriptText = (sub?.isEmpty ?? true) ? nil : sub
    }

    /// `W_Q`, `W_hh`, `e_{2,1}`, `h_2`: braces only where the subscript needs them.
    public var canonical: String {
        guard let sub = subscriptText else { return base }
        // `Q_new` is plain too (W_Q_new); a leading, trailing or doubled underscore is not.
        let plain = sub.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || (48...57).contains($0.value) || $0 == "_" }
            && !sub.hasPrefix("_") && !sub.hasSuffix("_") && !sub.contains("__")
        return plain ? "\(base)_\(sub)" : "\(base)_{\(sub)}"
    }

    public var description: String { canonical }
}

public enum UnaryOperator: Sendable, Equatable { case negate, plus }

/// How a product was written, kept so formulas can be shown the way the learner typed them.
public enum ProductStyle: Sendable, Equatable { case juxtaposition, star, at, cdot, times }

public enum BinaryOperator: Sendable, Equatable {
    case add, subtract
    case product(ProductStyle)        // matrix product, or scaling when one side is a scalar
    case divide                       // `/` and `\frac{}{}`: divides by a scalar
    case elementwiseMultiply          // .*
    case elementwiseDivide            // ./
    case power                        // ^ (scalars; exponent is an expression)
    case elementwisePower             // .^
}

public enum TransposeStyle: Sendable, Equatable { case superscriptT, prime, top, function }

/// How a bracket literal was written.
public enum BracketLiteral: Sendable, Equatable {
    /// `[a, b, c]`: comma-separated items (scalars make a column vector; vectors make the rows of a matrix).
    case commaList([Expr])
    /// `[a b; c d]`, `[a; b]`, `[a b]`: rows separated by `;` or newlines, items within a row by whitespace.
    case rows([[Expr]])
}

/// An expression with the source range it came from.
public indirect enum ExprKind: Sendable, Equatable {
    case number(String)                  // literal text as typed: "3", "-2.5" is unary(-, "2.5"), ".5", "1e-3"
    case name(Name)
    case pi
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case transpose(Expr, TransposeStyle)
    case call(Name, [Expr])              // `f(a, b)`: name immediately followed by `(`
    case index(Expr, [Expr])             // `X[2]`, `A[i, j]`: 1-based
    case bracket(BracketLiteral)
    case group(Expr)                     // `( … )`, `{ … }`, `\left( … \right)`
    /// Only inside index brackets: `:` (a whole axis) is `range(nil, nil)`, `a:b` is `range(a, b)`.
    case range(Expr?, Expr?)
}

public struct Expr: Sendable, Equatable {
    public var kind: ExprKind
    public var range: SourceRange
    public init(_ kind: ExprKind, _ range: SourceRange) { self.kind = kind; self.range = range }
}

public enum StatementKind: Sendable, Equatable {
    case expression(Expr)
    case assignment(Name, Expr)
    case function(Name, parameters: [Name], body: Expr)
}

public struct Statement: Sendable, Equatable {
    public var kind: StatementKind
    /// True when the statement ended with `;` (its value is not printed).
    public var silent: Bool
    public var range: SourceRange
    public init(_ kind: StatementKind, silent: Bool, range: SourceRange) {
        self.kind = kind; self.silent = silent; self.range = range
    }
}
