// softmax, exactly: αⱼ = exp(xⱼ) / Σₖ exp(xₖ) with the exponentials of equal scores shared,
// so equal scores give exactly 1/n, masked positions exactly 0, and each row sums to exactly 1.
#if canImport(Glibc)
import Glibc
#endif

enum Softmax {
    /// Row-wise softmax of a matrix (a vector is one row); `mask` holds which positions may be attended.
    static func apply(_ t: Tensor, mask: [Bool]? = nil) throws -> Tensor {
        let width = t.shape.isVector ? t.count : t.shape.cols
        return try rowSoftmax(t, mask: mask, width: width, rows: t.count / width)
    }

    private static func rowSoftmax(_ t: Tensor, mask: [Bool]?, width n: Int, rows: Int) throws -> Tensor {
        switch t.elements {
        case let .float(d):
            return Tensor(shape: t.shape, float: try floatRows(d, mask: mask, width: n, rows: rows))
        case let .exact(e):
            // Rows of rational scores: weights made when read (SoftmaxRows).
            if mask == nil, case .matrix = t.shape, let lazy = try SoftmaxRows(scores: e, width: n, rows: rows) {
                return Tensor(shape: t.shape, softmax: lazy)
            }
            // Rows only read the scores and make new nodes: blocks of rows are built in parallel.
            let out = try Parallel.rows(rows, width: n, filler: Scalar.zero, minimumCount: max(2, 1024 / max(1, n))) { block, out in
                var scratch = RationalSoftmaxRow()
                for r in block {
                    try Interrupt.check()
                    let range = (r * n)..<(r * n + n)
                    if scratch.build(e, range, allowed: mask, into: out) { continue }
                    let row = try exactRow(Array(e[range]), allowed: mask.map { Array($0[range]) }, row: r)
                    for (k, x) in zip(range, row) { out[k] = x }
                }
            }
            return Tensor(shape: t.shape, exact: out)
        }
    }

    /// Each row minus its largest allowed entry, exponentiated and normalised; masked entries 0.
    /// Works on buffers with no per-row arrays: a 2048×2048 score matrix is 4M entries.
    private static func floatRows(_ d: [Double], mask: [Bool]?, width n: Int, rows: Int) throws -> [Double] {
        try [Double](unsafeUninitializedCapacity: d.count) { out, initialized in
            out.initialize(repeating: 0)
            initialized = d.count
            try d.withUnsafeBufferPointer { x in
                for r in 0..<rows {
                    let row = r * n
                    func open(_ j: Int) -> Bool { mask?[row + j] ?? true }
                    // The largest allowed entry, as Sequence.max() finds it.
                    var top: Double? = nil
                    for j in 0..<n where open(j) {
                        if let m = top { if m < x[row + j] { top = x[row + j] } } else { top = x[row + j] }
                    }
                    guard let m = top else { throw everyMasked(r) }
                    var total = 0.0
                    for j in 0..<n where open(j) {
                        let e = exp(x[row + j] - m)
                        out[row + j] = e
                        total += e
                    }
                    for j in 0..<n where open(j) { out[row + j] /= total }
                }
            }
        }
    }

    private static func everyMasked(_ r: Int) -> Diagnostic {
        Diagnostic("every position of row \(r + 1) is masked: softmax needs at least one")
    }

    static func exactRow(_ x: [Scalar], allowed: [Bool]?, row: Int) throws -> [Scalar] {
        let open = (0..<x.count).filter { allowed?[$0] ?? true }
        guard !open.isEmpty else { throw everyMasked(row) }
        // Scores far from 0 are shifted by the row's largest, exactly (exp(xⱼ − m)/Σ exp(xₖ − m)
        // is the same number): exp(10^19) is past MPFR's range, exp(1 − 10^19)/(1 + exp(1 − 10^19))
        // is not. Ordinary rows keep the plain form exp(xⱼ)/Σ exp(xₖ).
        let shift = largestIfFar(x, open)
        // One exponential per distinct score: equal rational scores are found by sorting the row,
        // which costs less than hashing every score (64 per row here); equal real scores (the
        // same exact form) by their structure.
        var exps: [Scalar] = Array(repeating: .zero, count: x.count)
        var rationals: [(index: Int, value: Rational)] = []
        var reals: [StructuralKey: Int] = [:]
        var distinct = 0
        for j in open {
            if let q = x[j].rational {
                rationals.append((j, q))
            } else if case let .real(n) = x[j], let first = reals[StructuralKey(node: n)] {
                exps[j] = exps[first]
            } else {
                if case let .real(n) = x[j] { reals[StructuralKey(node: n)] = j }
                exps[j] = try exponential(x[j], shiftedBy: shift)
                distinct += 1
            }
        }
        rationals.sort { $0.value < $1.value }
        for (k, r) in rationals.enumerated() {
            if k > 0, rationals[k - 1].value == r.value {
                exps[r.index] = exps[rationals[k - 1].index]
            } else {
                exps[r.index] = try exponential(x[r.index], shiftedBy: shift)
                distinct += 1
            }
        }
        // Every score the same (whatever its form): exactly 1/n.
        if distinct == 1 {
            let share = Scalar.rational(Rational(1, Int64(open.count)))
            return (0..<x.count).map { open.contains($0) ? share : .zero }
        }
        let denominator = Scalar.sum(open.map { exps[$0] })
        var result = Array(repeating: Scalar.zero, count: x.count)
        // A sum of exponentials is positive: no need to refine it to prove it is not zero.
        for j in open { result[j] = Scalar.divide(exps[j], byPositive: denominator) }
        return result
    }

    /// Scores beyond this magnitude make a row shift by its largest score.
    static let farFromZero = Rational(1 << 20)

    /// The row's largest allowed score when some score is farther than `farFromZero` from 0.
    /// Any score would give the same numbers (the shift cancels exactly); the largest keeps the
    /// exponentials within range, so reals are compared by a 64-bit estimate and need no proof.
    private static func largestIfFar(_ x: [Scalar], _ open: [Int]) -> Scalar? {
        let estimates = open.map { j in x[j].rational.map { $0.doubleValue } ?? x[j].approximateDouble }
        let far = open.indices.contains { k in
            if let q = x[open[k]].rational { return farFromZero < q.magnitude }
            return !(estimates[k].magnitude <= farFromZero.doubleValue)     // NaN (unknown) counts as far
        }
        guard far else { return nil }
        var top = 0
        for k in open.indices.dropFirst() {
            if let a = x[open[k]].rational, let b = x[open[top]].rational {
                if b < a { top = k }
            } else if estimates[k] > estimates[top] {
                top = k
            }
        }
        return x[open[top]]
    }

    private static func exponential(_ score: Scalar, shiftedBy m: Scalar?) throws -> Scalar {
        guard let m else { return try score.apply(.exp) }
        return try (score - m).apply(.exp)
    }
}
