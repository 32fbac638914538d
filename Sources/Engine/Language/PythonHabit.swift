// Messages for what Python and NumPy users type by habit, each naming the fix
// (SPEC §3 "Habits from Python and NumPy").

enum PythonHabit {
    static let doubleStar: Message = "** is Python's power: write a^2 (a scalar or a square matrix) or a.^2 (element-wise)"

    static let keywordArgument: Message = "keyword arguments (dim=1, axis=0) are Python's: attn-repl's functions take their arguments in order"

    static let softmaxAxis: Message = "softmax takes no dim: on a matrix it is row-wise (each row sums to 1, PyTorch's dim=-1); for columns write softmax(X^T)^T"

    /// `x += 1`: Python's update operators.
    static func update(_ op: Character) -> Message {
        "\(op)= is Python's update: write x = x \(op) …"
    }

    /// Python and NumPy functions that have another name here.
    static let functions: [String: Message] = [
        "len": "write rows(x) (the length of a vector, the number of rows of a matrix)",
        "matmul": "write A B (or A * B, A @ B)",
        "mm": "write A B (or A * B, A @ B)",
        "array": "write the brackets alone: [1, 2, 3]",
        "tensor": "write the brackets alone: [1, 2, 3]",
        "print": "type the expression alone to see its value",
        "reshape": "there is no reshape; build the shape with brackets, vcat and hcat",
        "concatenate": "write vcat(a, b) or hcat(a, b)",
        "cat": "write vcat(a, b) or hcat(a, b)",
        "stack": "write vcat(a, b) (rows) or hcat(a, b) (columns)",
        "exp2": "write 2^x",
        "pow": "write a^b (or a.^b element-wise)",
        "T": "write x^T for the transpose",
    ]

    static let unbracketedList: Message = "a list of values needs brackets: write [1, 2, 3] for a column vector or [1 2 3] for a row"

    /// A `.` that does not start `.*`, `./`, `.^` or a number: `a.T`, `np.dot(a, b)`, `x.shape`.
    static func dot(_ s: [Unicode.Scalar], at start: Int, after previous: Token?) -> Diagnostic {
        var k = start + 1
        var word = ""
        while k < s.count, Lexer.isASCIILetter(s[k]) || Lexer.isDigit(s[k]) || s[k] == "_" {
            word.unicodeScalars.append(s[k])
            k += 1
        }
        let range = SourceRange(start, max(k, start + 1))
        var owner: String? = nil
        if let previous, case let .name(n) = previous.kind, previous.range.end == start { owner = n.canonical }
        if owner == nil, let previous, previous.range.end == start, previous.isSymbol(")") || previous.isSymbol("]") {
            // `(A B).T`, `X[1].T`: the method applies to what the bracket closed.
            owner = "(…)"
        }
        guard let owner, !word.isEmpty else { return Diagnostic("unexpected '.'", at: SourceRange(start, start + 1)) }
        let module = ["np", "numpy", "torch", "F", "nn", "tf", "math", "jnp", "scipy"].contains(owner)
        switch (module, word) {
        case (false, "T"), (false, "t"), (false, "transpose"), (false, "mT"):
            return Diagnostic("\(owner).\(word) is NumPy's transpose: write \(owner)^T (or \(owner)')", at: range)
        case (true, "dot"), (true, "inner"), (true, "vdot"):
            return Diagnostic("\(owner).\(word)(a, b) is written a^T b here (a dot product of column vectors; A B for matrices)", at: range)
        case (true, "matmul"), (true, "mm"), (true, "bmm"):
            return Diagnostic("\(owner).\(word)(A, B) is written A B here (or A * B, A @ B)", at: range)
        case (true, _):
            return Diagnostic("no \(owner). needed: the functions are built in (write \(word)(…), not \(owner).\(word)(…))", at: range)
        case (false, "shape"), (false, "sum"), (false, "mean"), (false, "max"), (false, "min"), (false, "norm"):
            return Diagnostic("\(owner).\(word) is Python's method syntax: write \(word)(\(owner))", at: range)
        default:
            return Diagnostic("\(owner).\(word) is Python's attribute syntax, which attn-repl does not have: write \(word)(\(owner)) for a function", at: range)
        }
    }
}
