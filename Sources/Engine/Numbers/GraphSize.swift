// How many nodes the exact values of a tensor hold, counting shared nodes once and making
// none (a softmax row's exponentials not made yet are not counted): the benchmark's bytes per
// node, and a check that exact attention holds no node per weight.

extension Tensor {
    /// The distinct nodes under this tensor's reals.
    public var graphSize: Int {
        guard case let .exact(values) = elements else { return 0 }
        var seen = Set<ObjectIdentifier>()
        var stack: [RealNode] = values.compactMap { if case let .real(n) = $0 { return n } else { return nil } }
        while let n = stack.popLast() {
            guard seen.insert(ObjectIdentifier(n)).inserted else { continue }
            if case let .sum(terms) = n.operation, let row = terms.sharedRow {
                stack.append(contentsOf: row.existingNodes)
            } else {
                stack.append(contentsOf: n.children)
            }
        }
        return seen.count
    }
}
