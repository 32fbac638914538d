// Which tensors (and which of their rows) a step's formulas use, for highlighting.
import Engine

enum References {
    /// Names used by the expressions, with the rows picked by `X[i]` indexing where known.
    static func of(_ statements: [Statement]) -> [String: Set<Int>] {
        var found: [String: Set<Int>] = [:]
        func walk(_ e: Expr) {
            switch e.kind {
            case let .name(n): found[n.canonical, default: []].formUnion([])
            case let .index(base, indices):
                if case let .name(n) = base.kind, let first = indices.first, case let .number(t) = first.kind, let i = Int(t) {
                    found[n.canonical, default: []].insert(i - 1)
                } else { walk(base) }
                indices.forEach(walk)
            default: e.children.forEach(walk)
            }
        }
        for s in statements {
            switch s.kind {
            case let .expression(e), let .assignment(_, e), let .function(_, _, e): walk(e)
            }
        }
        return found
    }
}
