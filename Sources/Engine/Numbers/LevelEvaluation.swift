// Evaluating many reals at once on every core. A node depends only on nodes of smaller height
// (`depth`), so the uncached nodes under a tensor's cells are computed a height at a time, each
// height's nodes in parallel: every node writes its own cache and reads only lower ones.
import Synchronization

extension RealNode {
    /// Levels with fewer nodes than this are computed on this thread (a thread costs more).
    static let parallelLevelSize = 32

    /// Computes the intervals of `roots` and of every node below them at `precision`. A node
    /// whose interval is undecided at this precision (a divisor too close to 0) stays uncached,
    /// and so do the nodes above it; `interval(precision:)` refines those the ordinary way.
    static func evaluateInParallel(_ roots: [RealNode], precision: Int, fixedPointSoftmax: Bool = true) {
        _ = MPFRSetup.done
        var levels: [[RealNode]] = []
        var stack: [RealNode] = []
        var seenRows = Set<ObjectIdentifier>()
        let mark = nextVisitMark()
        func visit(_ n: RealNode) {
            if n.visitMark != mark, n.isUncached(precision) {
                n.visitMark = mark
                stack.append(n)
            }
        }
        // exp(m/d) of machine-sized rationals: computed together (ExpBatch).
        var exponentials: [(node: RealNode, numerator: Int64, denominator: Int64)] = []
        // Entries of softmax rows times rationals: evaluated together, their weights unwalked.
        var softmaxProducts = SoftmaxProducts()
        roots.forEach(visit)
        while let n = stack.popLast() {
            if fixedPointSoftmax, n.kind == .quotient, softmaxProducts.take(n) { continue }
            if n.kind == .function, case let .function(.exp, x) = n.operation,
               case let .constant(q) = x.operation, case let .small(m, d) = q.storage {
                exponentials.append((n, m, d))
                continue
            }
            while levels.count < n.depth { levels.append([]) }
            levels[n.depth - 1].append(n)
            if case let .sum(terms) = n.operation {
                if let row = terms.sharedRow {
                    // The row of a product's entry: the other entries of that row share it.
                    if seenRows.insert(ObjectIdentifier(row)).inserted { row.nodes.forEach(visit) }
                } else {
                    for t in terms { visit(t.node) }
                }
            } else {
                n.children.forEach(visit)
            }
        }
        // Entries the kernel refused (tables too large, memory) are walked the ordinary way.
        let refused = softmaxProducts.evaluate(precision: precision)
        if !refused.isEmpty, !Interrupt.isRequested { evaluateInParallel(refused, precision: precision, fixedPointSoftmax: false) }
        evaluateExponentials(exponentials, precision: precision)
        // After Ctrl-C the remaining levels stay uncached: nothing wrong is ever cached.
        for level in levels where !level.isEmpty && !Interrupt.isRequested { evaluateLevel(level, precision: precision) }
    }

    /// Exponentials of rationals in batches over a common denominator, one block per core,
    /// each block with its own tables. (Sorting them first, so that each block's tables span
    /// half the range, cost more than the smaller tables saved.)
    private static func evaluateExponentials(_ items: [(node: RealNode, numerator: Int64, denominator: Int64)], precision: Int) {
        for batch in batches(items) {
            let members = batch.members
            let blocks = members.count < 2 * parallelLevelSize ? 1 : Parallel.workers
            Parallel.forEach(blocks) { b in
                MPFRSetup.prepareThisThread()
                let part = members[(b * members.count / blocks)..<((b + 1) * members.count / blocks)]
                let values = ExpBatch.expIntervals(numerators: part.map(\.numerator), denominator: batch.denominator, precision: precision)
                for (e, v) in zip(part, values) { e.node.store(v) }
            }
        }
    }

    /// One height's nodes, whose children are all evaluated: in parallel when there are many,
    /// product entries from their shared rows and columns.
    private static func evaluateLevel(_ level: [RealNode], precision: Int) {
        guard level.count >= parallelLevelSize, Parallel.workers > 1 else {
            for n in level where !Interrupt.isRequested { _ = n.intervalFromEvaluatedChildren(precision: precision) }
            return
        }
        let shared = SharedTerms(level, precision: precision)
        Parallel.forEach(level.count) { i in
            guard !Interrupt.isRequested else { return }
            MPFRSetup.prepareThisThread()
            if let (row, column) = shared.plan[i] {
                level[i].evaluateSum(row: shared.rows[row], column: shared.columns[column], precision: precision)
            } else {
                _ = level[i].intervalFromEvaluatedChildren(precision: precision)
            }
        }
    }

    /// The rows and columns that a level's product entries share (SumTerms(row:
    /// column:)), each gathered or converted once, the rows in parallel.
    private struct SharedTerms: @unchecked Sendable {
        var plan: [(row: Int, column: Int)?] = []
        var rows: [FixedPointRow?] = []
        var columns: [IntegerCoefficients?] = []

        init(_ level: [RealNode], precision: Int) {
            var rowNodes: [[RealNode]] = []
            var rowIndex: [ObjectIdentifier: Int] = [:], columnIndex: [ObjectIdentifier: Int] = [:]
            for n in level {
                guard n.kind == .sum, case let .sum(terms) = n.operation,
                      let row = terms.sharedRow, let column = terms.sharedCoefficients else {
                    plan.append(nil)
                    continue
                }
                let rowID = ObjectIdentifier(row), columnID = column.identity
                if rowIndex[rowID] == nil {
                    rowIndex[rowID] = rowNodes.count
                    rowNodes.append(row.nodes)
                }
                if columnIndex[columnID] == nil {
                    columnIndex[columnID] = columns.count
                    columns.append(IntegerCoefficients(column.coefficients))
                }
                plan.append((rowIndex[rowID]!, columnIndex[columnID]!))
            }
            let gathered = Parallel.Slots<FixedPointRow>(count: rowNodes.count)
            let nodes = rowNodes
            Parallel.forEach(nodes.count) { i in gathered[i] = FixedPointRow(nodes[i], precision: precision) }
            rows = (0..<nodes.count).map { gathered[$0] }
        }
    }

    typealias Batch = (denominator: UInt, members: [(node: RealNode, numerator: Int)])

    /// exp(m/d) nodes over one common denominator where it fits: attention's scores m/40000
    /// reduce to some thirty denominators, and one set of tables serves them all. Otherwise
    /// one batch per denominator.
    static func batches(_ items: [(node: RealNode, numerator: Int64, denominator: Int64)]) -> [Batch] {
        guard !items.isEmpty else { return [] }
        let limit = Int64(ExpBatch.maximumMagnitude)
        var common: Int64? = 1
        for item in items where common != nil {
            common = Rational.lcm(UInt64(common!), UInt64(item.denominator), atMost: UInt64(limit)).map { Int64($0) }
        }
        if let common {
            var members: [(node: RealNode, numerator: Int)] = []
            members.reserveCapacity(items.count)
            for item in items {
                let (m, overflow) = item.numerator.multipliedReportingOverflow(by: common / item.denominator)
                guard !overflow, m.magnitude < limit.magnitude else { members = []; break }
                members.append((item.node, Int(m)))
            }
            if members.count == items.count { return [(UInt(common), members)] }
        }
        var byDenominator: [Int64: [(node: RealNode, numerator: Int)]] = [:]
        for item in items { byDenominator[item.denominator, default: []].append((item.node, Int(item.numerator))) }
        return byDenominator.map { (UInt($0.key), $0.value) }
    }

    /// A mark no node carries yet. Atomic: tests evaluate separate graphs on several threads.
    private static func nextVisitMark() -> UInt32 {
        lastVisitMark.wrappingAdd(1, ordering: .relaxed).newValue
    }

    private static let lastVisitMark = Atomic<UInt32>(0)
}
