// The matrix product with the shape rules of the documents' notation:
// row × column is a scalar, column × row an outer product, a scalar scales anything.

extension Tensor {
    public static func product(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        if a.shape == .scalar || b.shape == .scalar {
            return try elementwise(a, b, .multiply)
        }
        let (m, k) = (a.shape.rows, a.shape.cols)
        let (k2, n) = (b.shape.rows, b.shape.cols)
        guard k == k2 else {
            var hint: Message = ""
            if case .vector = a.shape, case .vector = b.shape { hint = "; for a dot product write a^T b" }
            throw Diagnostic("cannot multiply \(a.shape) by \(b.shape) (inner dimensions \(k) and \(k2)\(hint))")
        }
        let shape: Shape
        switch (a.shape, b.shape) {
        case (.matrix(1, _), .vector): shape = .scalar                   // row × column
        case (_, .vector): shape = .vector(m)                            // matrix × column
        default: shape = .matrix(m, n)
        }
        let float = a.isFloat || b.isFloat
        try checkSize(m, n, limit: float ? Limits.maximumFloatProductElements : Limits.maximumElements)
        let work = Double(m) * Double(k) * Double(n)
        let limit = Double(float ? Limits.maximumFloatProductWork : Limits.maximumExactProductWork)
        guard work <= limit else {
            throw Diagnostic(float ? "multiplying \(a.shape) by \(b.shape) is too much work for the float path"
                                   : "multiplying \(a.shape) by \(b.shape) is too much work for the exact path; try \(setting: .float)")
        }
        if float {
            return Tensor(shape: shape, float: try BLAS.product(a.floatElements, b.floatElements, m, k, n))
        }
        return Tensor(shape: shape, exact: try exactProduct(a, b.exactElements, m, k, n))
    }

    private static func exactProduct(_ a: Tensor, _ y: [Scalar], _ m: Int, _ k: Int, _ n: Int) throws -> [Scalar] {
        // A softmax whose weights are not made yet: its rows' exponentials and denominators are
        // what the shared rows need, and a row's weights are made only for an entry that needs
        // them (a column too short to share).
        let softmax = a.softmaxRows
        let x = softmax == nil ? a.exactElements : []
        @Sendable func row(_ i: Int) -> ArraySlice<Scalar> {
            softmax.map { ArraySlice($0.weights(ofRow: i)) } ?? x[(i * k)..<(i * k + k)]
        }
        // Rows of x and columns of y as integers over one denominator each, where they fit: an
        // entry is then an integer dot product and one reduction (attention's scores QKᵀ).
        let rows: [IntegerVector?] = softmax != nil ? Array(repeating: nil, count: m)
            : (0..<m).map { i in IntegerVector(x, start: i * k, step: 1, count: k) }
        let cols = (0..<n).map { j in IntegerVector(y, start: j, step: n, count: k) }
        let (sharedRows, sharedColumns) = sharedTerms(softmax, x, y, m, k, n)
        // Entries only read x and y and make new nodes: blocks of rows are built in parallel,
        // each writing its entries into the one result.
        let parallelRows = max(1, parallelWork / max(1, n * k))
        return try Parallel.rows(m, width: n, filler: Scalar.zero, minimumCount: parallelRows) { block, out in
            var terms: [SumTerm] = []
            terms.reserveCapacity(k)
            for i in block {
                try Interrupt.check()
                var xi: ArraySlice<Scalar>? = nil
                for j in 0..<n {
                    if let r = rows[i], let c = cols[j], let q = r.dot(c) {
                        out[i * n + j] = .rational(q)
                        continue
                    }
                    if let row = sharedRows[i], let column = sharedColumns[j], let entry = row.entry(column) {
                        out[i * n + j] = entry
                        continue
                    }
                    // Rational products add up exactly; every term with a real is one term of one sum node.
                    var constant = Rational.zero
                    terms.removeAll(keepingCapacity: true)
                    if xi == nil { xi = row(i) }
                    let r = xi!
                    for t in 0..<k {
                        switch (r[r.startIndex + t], y[t * n + j]) {
                        case let (.rational(u), .rational(v)): constant = constant + u * v
                        case let (.real(a), .rational(c)), let (.rational(c), .real(a)):
                            if !c.isZero { terms.append(SumTerm(c, a)) }
                        case let (.real(a), .real(b)): terms.append(SumTerm(.one, RealNode(.product(a, b))))
                        }
                    }
                    out[i * n + j] = terms.isEmpty ? .rational(constant) : Scalar.combination(constant: constant, terms)
                }
            }
        }
    }

    /// Rows of reals and columns of rationals whose entries can share them (SumTerms(row:
    /// column:)): long enough that like terms are not looked for, every row entry a plain real,
    /// more than `likeTermSearchLimit` nonzero column entries (zeros are no terms) and at most
    /// one of them 1 (two fractions a/S + b/S would be combined), so that a plain row's entry is
    /// exactly the sum Scalar.combination would build. Weights times values in attention:
    /// 65,536 terms become 64 rows and 16 columns.
    ///
    /// A softmax row, eⱼ/D with one D, shares its numerators instead: its entries are
    /// (Σⱼ cⱼ·eⱼ)/D, one quotient each, so the n² weights are never divided out to compute the
    /// output (see docs/PERFORMANCE.md); a column of 1s gives D/D, exactly 1.
    private static func sharedTerms(_ softmax: SoftmaxRows?, _ x: [Scalar], _ y: [Scalar], _ m: Int, _ k: Int, _ n: Int)
        -> (rows: [ProductRow?], columns: [SharedColumn?]) {
        guard k > Scalar.likeTermSearchLimit else {
            return (Array(repeating: nil, count: m), Array(repeating: nil, count: n))
        }
        let rows: [ProductRow?] = softmax.map { rows in
            rows.rows.map { row -> ProductRow? in
                switch row {
                case let .lazy(numerators, denominator): return .overCommonDenominator(numerators: numerators, denominator: denominator)
                case let .built(weights): return productRow(weights[...])
                }
            }
        } ?? (0..<m).map { i in productRow(x[(i * k)..<(i * k + k)]) }
        let columns = (0..<n).map { j -> SharedColumn? in
            var coefficients: [Rational] = []
            coefficients.reserveCapacity(k)
            var ones = 0
            for t in 0..<k {
                guard case let .rational(c) = y[t * n + j] else { return nil }
                if c.isOne { ones += 1 }
                coefficients.append(c)
            }
            let column = SharedColumn(coefficients, severalOnes: ones > 1)
            return column.count > Scalar.likeTermSearchLimit ? column : nil
        }
        return (rows, columns)
    }

    /// The shared row for one row of the left factor: a softmax row's numerators over its
    /// denominator, else its nodes when every entry is a plain real.
    private static func productRow(_ row: ArraySlice<Scalar>) -> ProductRow? {
        if let shared = ProductRow.overCommonDenominator(row) { return shared }
        var nodes: [RealNode] = []
        nodes.reserveCapacity(row.count)
        for x in row {
            guard case let .real(a) = x, a.isPlainTerm else { return nil }
            nodes.append(a)
        }
        return .plain(SharedRow(nodes))
    }

    /// Multiply-adds below which a product is built on one thread.
    static let parallelWork = 16_384

    /// Vectors become rows (1×n) and 1×n rows become vectors; matrices swap their axes.
    public func transposed() -> Tensor {
        switch shape {
        case .scalar: return self
        case let .vector(n): return reshaped(.matrix(1, n))
        case let .matrix(1, n): return reshaped(.vector(n))
        case .matrix: return matrixTransposed()
        }
    }

    /// The transpose as a matrix even when it has one column (for sequences inside built-ins).
    func matrixTransposed() -> Tensor {
        switch shape {
        case .scalar: return self
        case let .vector(n): return reshaped(.matrix(1, n))
        case let .matrix(r, c):
            var index: [Int] = []
            index.reserveCapacity(r * c)
            for j in 0..<c { for i in 0..<r { index.append(i * c + j) } }
            switch elements {
            case let .exact(e): return Tensor(shape: .matrix(c, r), exact: index.map { e[$0] })
            case let .float(d): return Tensor(shape: .matrix(c, r), float: index.map { d[$0] })
            }
        }
    }
}

/// A row or column of all-rational values as integers over one denominator, when they fit,
/// with the largest numerator's magnitude: what an exact product's entry needs to be a plain
/// integer dot product.
private struct IntegerVector {
    let coefficients: IntegerCoefficients
    let largest: UInt64

    /// values[start], values[start + step], … (`count` of them); nil if one is not rational.
    init?(_ values: [Scalar], start: Int, step: Int, count: Int) {
        var rationals: [Rational] = []
        rationals.reserveCapacity(count)
        for t in 0..<count {
            guard case let .rational(q) = values[start + t * step] else { return nil }
            rationals.append(q)
        }
        guard let integers = IntegerCoefficients(rationals) else { return nil }
        coefficients = integers
        largest = integers.numerators.reduce(0) { Swift.max($0, UInt64($1.magnitude)) }
        var rest = integers.denominator
        twos = rest.trailingZeroBitCount
        rest >>= twos
        var fives = 0
        while rest % 5 == 0 { rest /= 5; fives += 1 }
        self.fives = fives
        isDecimal = rest == 1
    }

    /// The denominator is 2^twos · 5^fives when `isDecimal` (short decimals: 100 for 0.53).
    let twos: Int, fives: Int, isDecimal: Bool

    /// The exact dot product, or nil if an intermediate overflows 64 bits (then the caller
    /// adds rationals).
    func dot(_ other: IntegerVector) -> Rational? {
        let (d, o) = Int64(coefficients.denominator).multipliedReportingOverflow(by: Int64(other.coefficients.denominator))
        if o { return nil }
        let a = coefficients.numerators, b = other.numerators
        var sum: Int64 = 0
        // When no product and no partial sum can reach 2⁶³ (short decimals), the terms are
        // added without a check each, which lets the compiler vectorise the loop.
        let (p, o1) = largest.multipliedReportingOverflow(by: other.largest)
        let (bound, o2) = p.multipliedReportingOverflow(by: UInt64(a.count))
        if !o1, !o2, bound < 1 << 63 {
            a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for t in 0..<a.count { sum &+= Int64(a[t]) &* Int64(b[t]) }
                }
            }
        } else {
            for (x, y) in zip(a, b) {
                let (p, o1) = Int64(x).multipliedReportingOverflow(by: Int64(y))
                let (s, o2) = sum.addingReportingOverflow(p)
                guard !o1, !o2 else { return nil }
                sum = s
            }
        }
        if isDecimal, other.isDecimal, sum != 0, sum != .min {
            // The common factor of the sum and a denominator 2^a·5^b is read off the sum's
            // trailing zero bits and its divisibility by 5: no gcd for a million entries.
            let m = sum.magnitude
            let t = Swift.min(m.trailingZeroBitCount, twos + other.twos)
            var rest = m >> t, g = Int64(1) << t
            for _ in 0..<(fives + other.fives) {
                guard rest % 5 == 0 else { break }
                rest /= 5
                g *= 5
            }
            return Rational(storage: .small(sum / g, d / g))
        }
        return Rational(sum, d)
    }

    private var numerators: [Int] { coefficients.numerators }
}
