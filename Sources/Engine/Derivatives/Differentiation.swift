// `grad(EXPR, NAME)` and `jacobian(EXPR, NAME)`: special forms of the evaluator (their first
// argument is differentiated, not just evaluated), computed by reverse mode over GradNodes.

enum Differentiation {
    static let names: Set<String> = ["grad", "jacobian"]

    static let builtins: [Builtin] = [
        Builtin("grad", 2...2, "grad(EXPR, NAME)",
                "the exact derivative of a scalar EXPR with respect to the tensor NAME, shaped like NAME") { _ in
            throw Diagnostic("grad takes the expression itself: write grad(EXPR, NAME)")
        },
        Builtin("jacobian", 2...2, "jacobian(EXPR, NAME)",
                "∂EXPR/∂NAME as a matrix: one row per element of EXPR, one column per element of NAME (row-major)") { _ in
            throw Diagnostic("jacobian takes the expression itself: write jacobian(EXPR, NAME)")
        },
    ]

    /// Evaluates a `grad` or `jacobian` call for `evaluator`.
    static func call(_ key: String, _ args: [Expr], evaluator: Evaluator, at range: SourceRange) throws -> Tensor {
        guard args.count == 2 else {
            throw Diagnostic("\(key) takes 2 arguments (\(key)(EXPR, NAME)), got \(args.count)", at: range)
        }
        guard case let .name(n) = args[1].ungrouped.kind else {
            throw Diagnostic("\(key)'s second argument is the name of a tensor, as in \(key)(sum(W x), W)", at: args[1].range)
        }
        let target = n.canonical
        let local = evaluator.locals[target]
        guard let value = local ?? evaluator.environment.variables[target] else {
            throw Diagnostic("\(key): unknown name \(target)\(NameSuggestion.didYouMean(target, among: Array(evaluator.locals.keys) + Array(evaluator.environment.variables.keys)))", at: args[1].range)
        }
        let leaf = GradNode(target: value, label: target)
        let flag = UseFlag()
        var locals = Dictionary(uniqueKeysWithValues: evaluator.locals.map { ($0.key, GradNode.constant($0.value, $0.key)) })
        if local != nil { locals[target] = leaf }
        let builder = GraphBuilder(evaluator: evaluator, target: target, targetNode: leaf, targetIsGlobal: local == nil,
                                   locals: locals, source: evaluator.source, callDepth: 0, flag: flag)
        let root = try builder.node(args[0])
        guard flag.used else {
            throw Diagnostic("\(key): the expression does not use \(target), so there is nothing to differentiate with respect to it", at: args[1].range)
        }
        let pass = Backpropagation(root: root)
        let recorder = evaluator.recorder
        if key == "grad" {
            guard root.value.shape == .scalar else {
                throw Diagnostic("grad needs a scalar expression, and this one is \(root.value.shape) (take sum(…) of it, or use jacobian)", at: args[0].range)
            }
            let completed = try pass.run(root: root, seed: Tensor.filled(.scalar, .one, like: root.value))
            recordSteps(completed, root: root, target: leaf, recorder: recorder)
            return leaf.adjoint ?? Tensor.zeros(value.shape, like: value.isFloat ? value : root.value)
        }
        return try jacobian(root, leaf, pass)
    }

    /// One row per output element (row-major), one column per element of the tensor.
    private static func jacobian(_ root: GradNode, _ leaf: GradNode, _ pass: Backpropagation) throws -> Tensor {
        let outputs = root.value.count, inputs = leaf.value.count
        try Tensor.checkSize(outputs, inputs)
        let float = root.value.isFloat || leaf.value.isFloat
        var exact: [Scalar] = [], doubles: [Double] = []
        for k in 0..<outputs {
            let seed = float ? Tensor(shape: root.value.shape, float: (0..<outputs).map { $0 == k ? 1 : 0 })
                             : Tensor(shape: root.value.shape, exact: (0..<outputs).map { $0 == k ? .one : .zero })
            try pass.run(root: root, seed: seed)
            let row = leaf.adjoint ?? Tensor.zeros(leaf.value.shape, like: seed)
            if float { doubles += row.floatElements } else { exact += row.exactElements }
        }
        return float ? Tensor(shape: .matrix(outputs, inputs), float: doubles) : Tensor(shape: .matrix(outputs, inputs), exact: exact)
    }

    /// `--trace`: L, then ∂L/∂(each node) in the order the backward pass finished them, with
    /// the rule that produced it (what `:why` walks through on a gradient cell).
    private static func recordSteps(_ completed: [GradNode], root: GradNode, target: GradNode, recorder: TraceRecorder) {
        recorder.record("grad: L = \(root.label)", root.value)
        var rulesFor: [ObjectIdentifier: [Message]] = [:]
        for node in completed {
            for (i, p) in node.parents.enumerated() where p.needsGradient && i < node.rules.count {
                rulesFor[ObjectIdentifier(p), default: []].append(node.rules[i])
            }
        }
        for node in completed {
            guard let g = node.adjoint else { continue }
            let rules = node === root ? ["∂L/∂L = 1"] : rulesFor[ObjectIdentifier(node)] ?? []
            let chain = ChainLink(node: node.label, rules: rules, isTarget: node === target,
                                  cellRules: node === target ? cellRules(into: target, from: completed) : [])
            recorder.record("grad: ∂L/∂(\(graphNode: node.label))", g, chain: chain)
        }
    }

    /// The uses of the differentiated tensor, each with ∂L/∂(use) and how a cell follows from it.
    private static func cellRules(into target: GradNode, from completed: [GradNode]) -> [ChainLink.Use] {
        var uses: [ChainLink.Use] = []
        for node in completed {
            for (i, p) in node.parents.enumerated() where p === target {
                uses.append(ChainLink.Use(node: node.label, gradient: node.adjoint,
                                          rule: i < node.rules.count ? node.rules[i] : "",
                                          cell: i < node.cellRules.count ? node.cellRules[i] : nil))
            }
        }
        return uses
    }
}

/// What the backward pass recorded about one node: the rule(s) its gradient came from, and for
/// the differentiated tensor the uses its gradient adds up (read by `:why`).
public struct ChainLink: Sendable {
    public struct Use: Sendable {
        /// The value computed directly from the differentiated tensor (`X W_Q`).
        public let node: String
        /// ∂L/∂(that value).
        public let gradient: Tensor?
        public let rule: Message
        public let cell: CellRule?
    }

    public let node: String
    public let rules: [Message]
    public let isTarget: Bool
    public let cellRules: [Use]
}
