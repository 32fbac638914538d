// Exact attention's output entries, evaluated together: (Σⱼ cⱼ·eⱼ) / D where eⱼ = exp(mⱼ/den)
// for the rational scores of one softmax row, D = Σⱼ eⱼ, and cⱼ a column of rationals (the
// entries ProductRow.overCommonDenominator builds). One fixed-point weight per score from two
// table entries and integer multiply-adds (Sources/CFixedPoint/softmax_product.c), instead of an
// interval per weight, a gathered row and an interval per sum: see docs/PERFORMANCE.md.
// The weights' own nodes stay unevaluated unless something else shows them.

struct SoftmaxProducts {
    private struct Row {
        /// The scores' numerators over `denominator`.
        let numerators: [Int]
        let denominator: Int
        /// The node D every entry of the row divides by.
        let sum: ObjectIdentifier
        var outputs: [(node: RealNode, column: Int)] = []
    }

    private var rows: [Row] = []
    /// Rows and columns seen so far by identity: an index, or −1 for one the kernel cannot take.
    private var rowIndex: [ObjectIdentifier: Int] = [:]
    private var columns: [IntegerCoefficients] = []
    private var columnIndex: [ObjectIdentifier: Int] = [:]

    /// Keeps `node` for the kernel when it is such an entry (its children then need no walk);
    /// false when it must be evaluated the ordinary way.
    mutating func take(_ node: RealNode) -> Bool {
        guard node.kind == .quotient, case let .quotient(numerator, sum) = node.operation,
              numerator.kind == .sum, case let .sum(terms) = numerator.operation,
              let row = terms.sharedRow, let column = terms.sharedCoefficients else { return false }
        let r = rowIndex[ObjectIdentifier(row)] ?? plan(row: row, sum: sum)
        guard r >= 0, rows[r].sum == ObjectIdentifier(sum) else { return false }
        let c = columnIndex[column.identity] ?? plan(column: column)
        guard c >= 0, columns[c].numerators.count == rows[r].numerators.count else { return false }
        rows[r].outputs.append((node, c))
        return true
    }

    private mutating func plan(row: SharedRow, sum: RealNode) -> Int {
        var index = -1
        if let (numerators, denominator) = Self.scores(row, sum: sum) {
            index = rows.count
            rows.append(Row(numerators: numerators, denominator: denominator, sum: ObjectIdentifier(sum)))
        }
        rowIndex[ObjectIdentifier(row)] = index
        return index
    }

    private mutating func plan(column: (coefficients: [Rational], identity: ObjectIdentifier)) -> Int {
        var index = -1
        if let integers = IntegerCoefficients(column.coefficients) {
            index = columns.count
            columns.append(integers)
        }
        columnIndex[column.identity] = index
        return index
    }

    /// Largest common denominator of a row's scores, and largest spread of its numerators: the
    /// tables then stay within 2^32 entries' reach and every product within 64 bits.
    static let maximumDenominator = 1 << 31
    static let maximumSpread = 1 << 32

    /// The numerators of the row's exp(mⱼ/den) over one denominator, when every node is the
    /// exponential of a machine-sized rational and `sum` adds exactly those nodes, each once.
    private static func scores(_ row: SharedRow, sum: RealNode) -> (numerators: [Int], denominator: Int)? {
        guard row.count > 0, sum.kind == .sum, case let .sum(terms) = sum.operation, terms.count == row.count else { return nil }
        var exponents: [Rational] = []
        if let scores = row.exponentScores {
            // A softmax row made lazily: D is Σ 1·exp(sⱼ) over the same row, its nodes unmade.
            guard terms.sharedRow === row, let ones = terms.sharedCoefficients?.coefficients,
                  ones.allSatisfy(\.isOne) else { return nil }
            exponents = scores
        } else {
            exponents.reserveCapacity(row.count)
            for (j, e) in row.nodes.enumerated() {
                let term = terms[j]
                guard term.node === e, term.coefficient.isOne, e.kind == .function,
                      case let .function(.exp, x) = e.operation, x.kind == .constant,
                      case let .constant(q) = x.operation else { return nil }
                exponents.append(q)
            }
        }
        var fractions: [(Int, Int)] = []
        fractions.reserveCapacity(exponents.count)
        var common = 1
        for q in exponents {
            guard case let .small(m, d) = q.storage, let next = lcm(common, Int(d)) else { return nil }
            common = next
            fractions.append((Int(m), Int(d)))
        }
        return rescaled(fractions, to: common).map { ($0, common) }
    }

    /// Each m/d as a numerator over `denominator` (a multiple of every d), when all fit and
    /// their spread stays within `maximumSpread`.
    private static func rescaled(_ fractions: [(Int, Int)], to denominator: Int) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity(fractions.count)
        for (m, d) in fractions {
            let (v, overflow) = m.multipliedReportingOverflow(by: denominator / d)
            guard !overflow, v.magnitude < UInt(1) << 61 else { return nil }
            out.append(v)
        }
        guard let lo = out.min(), let hi = out.max(), hi - lo <= maximumSpread else { return nil }
        return out
    }

    private static func lcm(_ a: Int, _ b: Int) -> Int? {
        Rational.lcm(UInt64(a), UInt64(b), atMost: UInt64(maximumDenominator)).map { Int($0) }
    }

    /// Computes and stores the interval of every entry taken, at `precision` bits, and returns
    /// the entries the kernel refused (they stay uncached; none after Ctrl-C).
    func evaluate(precision p: Int) -> [RealNode] {
        // F = 64·limbs − 1 fraction bits: 64 bits past the precision for the cancellation a
        // column of mixed signs may bring.
        let limbs = (p + 64) / 64 + 1
        var groups: [Group: [Int]] = [:]
        for (r, row) in rows.enumerated() where !row.outputs.isEmpty {
            let used = Array(Set(row.outputs.map(\.column))).sorted()
            groups[Group(length: row.numerators.count, columns: used), default: []].append(r)
        }
        for (group, members) in groups where !Interrupt.isRequested {
            for (denominator, rescaledRows) in commonDenominators(members) {
                evaluate(group, rows: rescaledRows, denominator: denominator, limbs: limbs, precision: p)
            }
        }
        if Interrupt.isRequested { return [] }
        return rows.flatMap { $0.outputs.lazy.map(\.node).filter { $0.cachedInterval(precision: p) == nil } }
    }

    /// Rows of one length multiplied by the same columns: one integer matrix serves them.
    private struct Group: Hashable {
        let length: Int
        let columns: [Int]
    }

    /// The rows over one denominator where one fits them all (one table), else grouped by their own.
    private func commonDenominators(_ members: [Int]) -> [(Int, [(row: Int, numerators: [Int])])] {
        var common: Int? = 1
        for r in members where common != nil { common = Self.lcm(common!, rows[r].denominator) }
        if let common {
            var all: [(row: Int, numerators: [Int])] = []
            for r in members {
                let row = rows[r]
                guard let n = Self.rescaled(row.numerators.map { ($0, row.denominator) }, to: common) else { break }
                all.append((r, n))
            }
            if all.count == members.count { return [(common, all)] }
        }
        var byDenominator: [Int: [(row: Int, numerators: [Int])]] = [:]
        for r in members { byDenominator[rows[r].denominator, default: []].append((r, rows[r].numerators)) }
        return byDenominator.map { ($0.key, $0.value) }
    }

    private func evaluate(_ group: Group, rows members: [(row: Int, numerators: [Int])], denominator: Int,
                          limbs: Int, precision p: Int) {
        let n = group.length, width = group.columns.count
        var integers: [Int] = []
        integers.reserveCapacity(n * width)
        for j in 0..<n { for c in group.columns { integers.append(columns[c].numerators[j]) } }
        let reach = members.map { ($0.numerators.max() ?? 0) - ($0.numerators.min() ?? 0) }.max() ?? 0
        guard let matrix = SoftmaxColumns(integers: integers, count: n, width: width,
                                          denominators: group.columns.map { columns[$0].denominator }),
              let table = ExpTable(denominator: UInt(denominator), reach: UInt(reach), limbs: limbs) else { return }
        let position = Dictionary(uniqueKeysWithValues: group.columns.enumerated().map { ($1, $0) })
        let rows = self.rows
        Parallel.forEach(members.count) { i in
            guard !Interrupt.isRequested else { return }
            MPFRSetup.prepareThisThread()
            let row = rows[members[i].row], numerators = members[i].numerators
            let top = numerators.max() ?? 0
            var wanted = Array(repeating: false, count: width)
            for output in row.outputs { wanted[position[output.column]!] = true }
            guard let values = Interval.softmaxRowProduct(table, exponents: numerators.map { UInt(top - $0) },
                                                          columns: matrix, wanted: wanted, precision: p) else { return }
            for output in row.outputs {
                if let v = values[position[output.column]!] { output.node.store(v) }
            }
        }
    }
}
