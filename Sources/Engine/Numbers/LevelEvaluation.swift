// Evaluating many reals at once on every core. A node depends only on nodes of smaller height
// (`depth`), so the uncached nodes under a tensor's cells are computed a height at a time, each
// height's nodes in parallel: every node writes its own cache and reads only lower ones.

extension RealNode {
    /// Levels with fewer nodes than this are computed on this thread (a thread costs more).
    static let parallelLevelSize = 32

    /// Computes the intervals of `roots` and of every node below them at `precision`. A node
    /// whose interval is undecided at this precision (a divisor too close to 0) stays uncached,
    /// and so do the nodes above it; `interval(precision:)` refines those the ordinary way.
    static func evaluateInParallel(_ roots: [RealNode], precision: Int) {
        _ = MPFRSetup.done
        var levels: [[RealNode]] = []
        var stack: [RealNode] = []
        let mark = nextVisitMark()
        func visit(_ n: RealNode) {
            if n.visitMark != mark, n.isUncached(precision) {
                n.visitMark = mark
                stack.append(n)
            }
        }
        // exp(m/D) of machine-sized rationals, by denominator: computed together (ExpBatch).
        var exponentials: [Int64: [(node: RealNode, numerator: Int)]] = [:]
        roots.forEach(visit)
        while let n = stack.popLast() {
            if n.kind == .function, case let .function(.exp, x) = n.operation,
               case let .constant(q) = x.operation, case let .small(m, d) = q.storage {
                exponentials[d, default: []].append((n, Int(m)))
                continue
            }
            while levels.count < n.depth { levels.append([]) }
            levels[n.depth - 1].append(n)
            if case let .sum(terms) = n.operation {
                for t in terms { visit(t.node) }
            } else {
                n.children.forEach(visit)
            }
        }
        for (d, group) in exponentials {
            // Sorted and cut into one block of neighbouring exponents per core: each block's
            // tables then span only its own part of the range.
            let sorted = group.count < 2 * parallelLevelSize ? group : group.sorted { $0.numerator < $1.numerator }
            let blocks = sorted.count < 2 * parallelLevelSize ? 1 : Parallel.workers
            Parallel.forEach(blocks) { b in
                MPFRSetup.prepareThisThread()
                let part = sorted[(b * sorted.count / blocks)..<((b + 1) * sorted.count / blocks)]
                let values = ExpBatch.expIntervals(numerators: part.map(\.numerator), denominator: UInt(d), precision: precision)
                for (e, v) in zip(part, values) { e.node.store(v) }
            }
        }
        for level in levels where !level.isEmpty {
            if level.count < parallelLevelSize || Parallel.workers == 1 {
                for n in level { _ = n.intervalFromEvaluatedChildren(precision: precision) }
            } else {
                Parallel.forEach(level.count) { i in
                    MPFRSetup.prepareThisThread()
                    _ = level[i].intervalFromEvaluatedChildren(precision: precision)
                }
            }
        }
    }


    /// A mark no node carries yet. The Engine walks graphs on one thread at a time.
    private static func nextVisitMark() -> UInt32 {
        lastVisitMark &+= 1
        return lastVisitMark
    }

    nonisolated(unsafe) private static var lastVisitMark: UInt32 = 0
}
