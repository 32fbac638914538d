// Reverse mode: seed ∂L/∂L = 1 and send gradients from each node to its parents, visiting
// every node after all the nodes computed from it (reverse topological order).

struct Backpropagation {
    /// Nodes that need a gradient, each after every node it was computed from.
    let order: [GradNode]

    init(root: GradNode) {
        var order: [GradNode] = []
        var seen = Set<ObjectIdentifier>()
        // Iterative post-order: rnn graphs over long sequences are deep.
        var stack: [(GradNode, Bool)] = [(root, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded { order.append(node); continue }
            guard node.needsGradient, seen.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for p in node.parents.reversed() where p.needsGradient { stack.append((p, false)) }
        }
        self.order = order
    }

    /// Runs the backward pass from `root` seeded with `seed`; afterwards every node in `order`
    /// holds its ∂L/∂node. Returns the nodes in the order their gradients were completed.
    @discardableResult
    func run(root: GradNode, seed: Tensor) throws -> [GradNode] {
        for n in order { n.adjoint = nil }
        root.adjoint = seed
        var completed: [GradNode] = []
        for node in order.reversed() {
            try Interrupt.check()
            guard let g = node.adjoint else { continue }
            completed.append(node)
            guard let backward = node.backward else { continue }
            let grads = try backward(g)
            for (parent, grad) in zip(node.parents, grads) where parent.needsGradient {
                guard let grad else { continue }
                try grad.checkRationalSizes()
                parent.adjoint = try parent.adjoint.map { try $0.accumulating(grad) } ?? grad.reshaped(parent.value.shape)
            }
        }
        return completed
    }
}
