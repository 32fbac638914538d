// The cells of a large exact tensor, evaluated and formatted on every core. A 64×16 attention
// output is 1,024 sums of 64 weighted terms over 4,096 exponentials, each cell to be turned
// into 50 digits: the nodes are evaluated a height at a time (RealNode.evaluateInParallel),
// then each cell's digits and exact form are read off its interval, in parallel too.

enum CellBatch {
    /// Fewer distinct real cells than this are evaluated and formatted one by one.
    static let parallelThreshold = 64

    static func cells(_ values: [Scalar], digits: Int, exactLimit: Int) -> [CellText] {
        var roots: [RealNode] = []
        var rootIndex: [ObjectIdentifier: Int] = [:]
        for case let .real(n) in values where rootIndex[ObjectIdentifier(n)] == nil {
            rootIndex[ObjectIdentifier(n)] = roots.count
            roots.append(n)
        }
        // Evaluated together even on one core: the batch has kernels a single cell lacks
        // (exponential tables, softmax rows in fixed point).
        guard roots.count >= parallelThreshold else {
            return values.map { CellText($0, digits: digits, exactLimit: exactLimit) }
        }
        let bits = Precision.bits(forDigits: digits)
        RealNode.evaluateInParallel(roots, precision: bits)
        // Digits and exact forms: reading the intervals just computed, writing nothing shared.
        let formatted = Parallel.Slots<(decimal: String, exact: String?)>(count: roots.count)
        let cells = roots
        Parallel.forEach(roots.count) { i in
            MPFRSetup.prepareThisThread()
            guard !Interrupt.isRequested, let decimal = cells[i].provedDecimal(digits: digits)
                    ?? cells[i].cachedInterval(precision: bits).flatMap({ DecimalFormat.string($0, digits: digits) }) else { return }
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

extension Tensor {
    /// Proves every real element's digits at `digits`, or throws the error SPEC §4 asks for,
    /// naming the first element that cannot be proved. The intervals stay cached on the nodes,
    /// so printing the tensor afterwards reads them without refining again.
    public func certifyDigits(_ digits: Int) throws {
        guard case let .exact(values) = elements else { return }
        var roots: [RealNode] = []
        var firstIndex: [ObjectIdentifier: Int] = [:]
        for (i, v) in values.enumerated() {
            if case let .real(n) = v, firstIndex[ObjectIdentifier(n)] == nil {
                firstIndex[ObjectIdentifier(n)] = i
                roots.append(n)
            }
        }
        if roots.isEmpty { return }
        let bits = Precision.bits(forDigits: digits)
        var settled = Array(repeating: false, count: roots.count)
        if roots.count >= CellBatch.parallelThreshold {
            RealNode.evaluateInParallel(roots, precision: bits)
            let decided = Parallel.Slots<Bool>(count: roots.count)
            let cells = roots
            Parallel.forEach(roots.count) { i in
                MPFRSetup.prepareThisThread()
                if let iv = cells[i].cachedInterval(precision: bits), let text = DecimalFormat.string(iv, digits: digits) {
                    cells[i].provedDecimal = (digits, text)
                    decided[i] = true
                }
            }
            settled = (0..<roots.count).map { decided[$0] ?? false }
        }
        for (k, node) in roots.enumerated() where !settled[k] {
            switch try DecimalFormat.certified(node, digits: digits) {
            case let .success(text): node.provedDecimal = (digits, text)
            case let .failure(f):
                throw Certification.diagnostic(f, element: shape == .scalar ? nil : elementName(firstIndex[ObjectIdentifier(node)]!))
            }
        }
    }

    /// `element 3` or `element (2, 1)`, 1-based as the language indexes.
    private func elementName(_ i: Int) -> Message {
        switch shape {
        case .scalar: return "the value"
        case .vector: return "element \(i + 1)"
        case let .matrix(_, c): return "element (\(i / c + 1), \(i % c + 1))"
        }
    }
}
