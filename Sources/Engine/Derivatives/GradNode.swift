// One value in the graph that reverse mode walks: its forward value, the values it was
// computed from, and the rule that turns ∂L/∂(this) into ∂L/∂(each parent).

final class GradNode {
    /// The forward value (exact, or doubles under --float).
    let value: Tensor
    /// How the trace and `:why` name this value: the sub-expression as typed, or a built-in's step.
    let label: String
    private(set) var parents: [GradNode]
    /// ∂L/∂parent for each parent from ∂L/∂self (nil where a parent needs no gradient).
    private(set) var backward: ((Tensor) throws -> [Tensor?])?
    /// The rule for each parent in symbols (`∂L/∂A = ∂L/∂(A B) Bᵀ`), for the trace and `:why`.
    let rules: [Message]
    /// True for the differentiated tensor and for everything computed from it.
    let needsGradient: Bool
    /// Explains one cell of a parent's gradient with numbers (see ChainLink), where a rule can.
    let cellRules: [CellRule?]

    /// ∂L/∂(this), accumulated while the backward pass runs.
    var adjoint: Tensor?

    init(value: Tensor, label: String, parents: [GradNode] = [], rules: [Message] = [], cellRules: [CellRule?] = [],
         backward: ((Tensor) throws -> [Tensor?])? = nil) {
        self.value = value
        self.label = label
        self.parents = parents
        self.rules = rules
        self.cellRules = cellRules
        self.needsGradient = parents.contains { $0.needsGradient }
        self.backward = needsGradient ? backward : nil
    }

    /// The tensor being differentiated.
    init(target value: Tensor, label: String) {
        self.value = value
        self.label = label
        self.parents = []
        self.rules = []
        self.cellRules = []
        self.needsGradient = true
        self.backward = nil
    }

    /// Frees the graph below this node without recursion: an rnn over thousands of steps is a
    /// chain of tens of thousands of nodes, and releasing it node by node from the top would
    /// overflow the stack. Each node that only this walk still holds is emptied before it goes.
    /// (A backward closure captures only the node's parents, so emptying it drops nothing else.)
    deinit {
        backward = nil
        var stack = parents
        parents = []
        while var node = stack.popLast() {
            guard isKnownUniquelyReferenced(&node) else { continue }
            node.backward = nil
            stack.append(contentsOf: node.parents)
            node.parents = []
        }
    }

    /// A value that does not depend on the differentiated tensor.
    static func constant(_ value: Tensor, _ label: String) -> GradNode {
        GradNode(value: value, label: label)
    }
}

/// How one cell of a parent's gradient is computed from the node's own gradient, so `:why`
/// can substitute numbers: `∂L/∂B[i, j] = Σₖ A[k, i]·∂L/∂C[k, j]`.
public enum CellRule: Sendable {
    /// C = A B, the parent is B: ∂L/∂B[i, j] = Σₖ A[k, i]·G[k, j] (A as the matrix it acts as).
    case productRight(a: Tensor, aLabel: String)
    /// C = A B, the parent is A: ∂L/∂A[i, j] = Σₖ G[i, k]·B[j, k].
    case productLeft(b: Tensor, bLabel: String)
    /// Same shape, element by element: ∂L/∂X[i, j] = factor[i, j]·G[i, j].
    case elementwise(factor: Tensor, factorText: String)
}

/// A long label cut in the middle for rules (`sum((attention(X … - T).^2)`), so each level of
/// the chain fits on a line.
func short(_ label: String) -> String {
    guard label.count > 40 else { return label }
    return String(label.prefix(19)) + "…" + String(label.suffix(20))
}
