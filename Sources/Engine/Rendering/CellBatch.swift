// The cells of a large exact tensor, evaluated and formatted on every core. A 64×16 attention
// output is 1,024 sums of 64 weighted terms over 4,096 exponentials, each cell to be turned
// into 50 digits: the nodes are evaluated a height at a time (RealNode.evaluateInParallel),
// then each cell's digits and exact form are read off its interval, in parallel too.

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
        RealNode.evaluateInParallel(roots, precision: bits)
        // Digits and exact forms: reading the intervals just computed, writing nothing shared.
        let formatted = Parallel.Slots<(decimal: String, exact: String?)>(count: roots.count)
        let cells = roots
        Parallel.forEach(roots.count) { i in
            MPFRSetup.prepareThisThread()
            guard !Interrupt.isRequested, let iv = cells[i].cachedInterval(precision: bits),
                  let decimal = DecimalFormat.string(iv, digits: digits) else { return }
            formatted[i] = (decimal, ExactForm.string(.real(cells[i]), limit: exactLimit))
        }
        // Rationals, and the rare cell whose digits need more precision, the ordinary way.
        return values.map { v in
            if Interrupt.isRequested { return CellText(v, decimal: "?", exact: nil) }   // Ctrl-C: not shown
            if case let .real(n) = v, let (decimal, exact) = formatted[rootIndex[ObjectIdentifier(n)]!] {
                return CellText(v, decimal: decimal, exact: exact)
            }
            return CellText(v, digits: digits, exactLimit: exactLimit)
        }
    }
}
