// The one precedence table of the formula language, read by the parser (precedence climbing,
// as Lua's lparser.c reads its priority[] table) and by both printers (UnicodeMath, LaTeX) to
// decide where parentheses are needed, so what is printed parses back to the same tree.
//
// Each operator binds its left and right operand with a priority: `a op b` takes `b` while
// the next operator's left priority is higher than op's right one. Left-associative operators
// have equal priorities, `^` binds tighter on its left than on its right (right-associative).

public struct BindingPower: Sendable, Equatable {
    public let left: Int
    public let right: Int

    public static let sum = BindingPower(left: 10, right: 10)          // + -
    public static let product = BindingPower(left: 20, right: 20)      // * @ / .* ./ \cdot \times
    /// Juxtaposition (`W_h h`) binds like `*`, but its right operand cannot start with a sign
    /// (`a -b` is a subtraction), so a negated right operand needs parentheses.
    public static let juxtaposition = BindingPower(left: 20, right: prefix)
    /// `-x`, `+x`: the operand of a sign takes everything tighter than a product (`-a b` is (-a) b).
    public static let prefix = 30
    public static let power = BindingPower(left: 40, right: 39)        // ^ .^ (right-associative)
    /// Postfix forms (`x'`, `xᵀ`, `x[2]`) and atoms: nothing takes them apart.
    public static let atom = BindingPower(left: 100, right: 100)

    public static func of(_ op: BinaryOperator) -> BindingPower {
        switch op {
        case .add, .subtract: return .sum
        case .product(.juxtaposition): return .juxtaposition
        case .product, .divide, .elementwiseMultiply, .elementwiseDivide: return .product
        case .power, .elementwisePower: return .power
        }
    }

    /// What a sign (`-x`) looks like from outside: nothing takes it apart from the left, and
    /// its operand holds what binds tighter than a product.
    public static let signed = BindingPower(left: atom.left, right: prefix)
    /// `√x` as UnicodeMath prints it: a prefix whose operand is a postfix form, so a postfix
    /// after it (`(√x)[2]`, `(√x)ᵀ`) needs parentheses, and nothing else does.
    public static let root = BindingPower(left: atom.left, right: 90)
    /// Text that must always be parenthesised as an operand (a substituted value like `-1/2`).
    public static let loose = BindingPower(left: 0, right: 0)

    /// The priorities of an expression's outermost operator, as a printer sees it.
    public static func of(_ e: Expr) -> BindingPower {
        switch e.kind {
        case let .binary(op, _, _): return of(op)
        case .unary: return signed
        case .range: return loose
        default: return .atom
        }
    }

    /// Must an operand with priorities `child`, printed left of `op`, be parenthesised?
    /// It must when `op` would take the child's right operand away from it.
    public static func needsParentheses(left child: BindingPower, of op: BinaryOperator) -> Bool {
        of(op).left > child.right
    }

    /// Must an operand printed right of `op` be parenthesised? It must when the child's own
    /// operator would not be taken into op's right operand, or when it starts with a sign
    /// that juxtaposition cannot take (`a (-b)`; `a -b` is a subtraction).
    public static func needsParentheses(right child: BindingPower, of op: BinaryOperator) -> Bool {
        if child == signed { return op == .product(.juxtaposition) }
        return child.left <= of(op).right
    }

    /// Must the operand of a sign (`-child`) be parenthesised?
    public static func needsParenthesesAfterSign(_ child: BindingPower) -> Bool {
        child != signed && child.left <= prefix
    }

    /// Must the operand of a postfix form (`xᵀ`, `x[2]`, `√x`) be parenthesised?
    public static func needsParenthesesBeforePostfix(_ child: BindingPower) -> Bool { child != atom }
}
