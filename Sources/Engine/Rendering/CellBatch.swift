// The cells of a large exact tensor, formatted on every core. A 64×16 attention output is
// 1,024 sums of 64 weighted terms, each to be evaluated and turned into 50 digits: after the
// sub-expressions the cells share (a softmax's exponentials and row sums) are evaluated here,
// each cell's own interval and digits depend on nothing another cell writes.

enum CellBatch {
    /// Fewer distinct real cells than this are formatted one by one on this thread.
    static let parallelThreshold = 64

    static func cells(_ values: [Scalar], digits: Int, exactLimit: Int) -> [CellText] {
        var roots: [RealNode] = []
        var rootIndex: [ObjectIdentifier: Int] = [:]
        for case let .real(n) in values where rootIndex[ObjectIdentifier(n)] == nil {
            rootIndex[ObjectIdentifier(n)] = roots.count
            roots.append(n)
        }
        guard roots.count >= parallelThreshold, Parallel.workers > 1 else {
            return values.map { CellText($0, digits: digits, exactLimit: exactLimit) }
        }
        let bits = Precision.bits(forDigits: digits)
        // Shared sub-expressions, on this thread: node caches are not locked.
        for root in roots where root.isUncached(bits) {
            for child in root.children { _ = child.interval(precision: bits) }
        }
        // Each cell's own node (it writes only that node's cache), its digits and exact form.
        let formatted = Results(count: roots.count)
        let cells = roots
        Parallel.forEach(roots.count) { i in
            MPFRSetup.prepareThisThread()
            guard let iv = cells[i].intervalFromEvaluatedChildren(precision: bits),
                  let decimal = DecimalFormat.string(iv, digits: digits) else { return }
            formatted.store(i, decimal, ExactForm.string(.real(cells[i]), limit: exactLimit))
        }
        // Rationals, and the rare cell whose digits need more precision, the ordinary way.
        return values.map { v in
            if case let .real(n) = v, let (decimal, exact) = formatted[rootIndex[ObjectIdentifier(n)]!] {
                return CellText(v, decimal: decimal, exact: exact)
            }
            return CellText(v, digits: digits, exactLimit: exactLimit)
        }
    }

    /// One slot per distinct cell, each written by exactly one thread before the join. A raw
    /// buffer: an array property mutated from two threads would trip exclusivity checking.
    private final class Results: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<(String, String?)?>
        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }
        deinit {
            slots.deinitialize()
            slots.deallocate()
        }
        func store(_ i: Int, _ decimal: String, _ exact: String?) { slots[i] = (decimal, exact) }
        subscript(i: Int) -> (String, String?)? { slots[i] }
    }
}
