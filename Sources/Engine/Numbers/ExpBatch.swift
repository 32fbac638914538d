// exp(m/D) for many integers m over one denominator D (softmax of attention scores): powers of
// e^(1/D) from two tables replace one MPFR exponential per value by one interval product.

enum ExpBatch {
    /// Enclosures of exp(m/D) for each m, in input order, at `precision` bits; duplicates are
    /// allowed. Each value is computed alone when the batch is too small or spread too widely
    /// for the tables to pay.
    static func expIntervals(numerators: [Int], denominator: UInt, precision: Int) -> [Interval] {
        precondition(denominator > 0 && denominator <= UInt(Int64.max), "denominator out of range")
        guard let lowest = numerators.min(), let highest = numerators.max(),
              lowest > -maximumMagnitude, highest < maximumMagnitude,
              tablesPay(count: numerators.count, range: highest - lowest, precision: precision)
        else { return untilInterrupted(numerators) { single($0, denominator, precision) } }
        return viaTables(numerators: numerators, denominator: denominator, precision: precision)
    }

    /// Keeps B·i and the guard-bit estimate far from overflow.
    static let maximumMagnitude = 1 << 40

    /// The plain way: one MPFR exponential of m/D.
    static func single(_ m: Int, _ d: UInt, _ p: Int) -> Interval {
        Interval.exact(Rational(Int64(m), Int64(d)), precision: p).exp()
    }

    /// Whether the tables cost less than one exponential per value. Measured (release build,
    /// 16 to 256 values over ranges 100 to 10^6): an exponential costs about 6 + p/64 interval
    /// products; the ~2√range table entries cost about 1.5 products each, and each value one.
    static func tablesPay(count n: Int, range: Int, precision p: Int) -> Bool {
        guard n >= 16 else { return false }
        let productsPerExp = 6 + p / 64
        return n * productsPerExp > 3 * blockSize(range: range) + n + 3 * productsPerExp
    }

    /// B ≈ √(range + 1): the small table has B entries and the large one about range/B.
    static func blockSize(range: Int) -> Int {
        max(1, Int(Double(range + 1).squareRoot().rounded(.up)))
    }

    /// exp(m/D) = e^(iB/D) · e^(j/D) for m = iB + j, 0 ≤ j < B (i rounded down, so negative m
    /// need no reciprocals): small[j] = (e^(1/D))^j and, for first ≤ i ≤ last,
    /// large[i − first] = e^(first·B/D) · (e^(B/D))^(i − first). Three exponentials in all.
    ///
    /// Width. Write ρ = ln(hi/lo) for a positive interval and u = 2^(1−q) for the tables'
    /// precision q. An outward rounding of both ends adds at most 2.02u to ρ, so a product
    /// adds ρ of its factors plus 2.02u; Interval.exp of [k/D rounded outward] has
    /// ρ ≤ (5.1 + 2|k|/D)·u (three roundings of e^lo, the 1 + 2δ factor, and δ ≤ u·|k|/D).
    /// So ρ(small[j]) ≤ 9.2·j·u and ρ(large[t]) ≤ (5.1 + 2|first|B/D)u + t(7.2 + 2B/D)u, and
    /// their sum is below K·u for the K of `guardBits`. Choosing 2^g > K makes it below
    /// 2^(1−p); the final product at p bits adds 2.02·2^(1−p). Every result therefore has
    /// ρ < 3.02·2^(1−p): relative width hi/lo − 1 < 6.1·2^−p < 2^(3−p), under 7 ulps at p
    /// bits, however many products the tables took (the tests see at most 3·2^−p).
    static func viaTables(numerators: [Int], denominator d: UInt, precision p: Int) -> [Interval] {
        guard let lowest = numerators.min(), let highest = numerators.max() else { return [] }
        let block = blockSize(range: highest - lowest)
        let first = floorDivision(lowest, block), last = floorDivision(highest, block)
        // Guard bits for the tables, then up to a whole 64-bit limb: MPFR's cost goes by limbs,
        // so those bits are free.
        let q = (p + guardBits(block: block, first: first, last: last, denominator: d) + 63) / 64 * 64

        let step = single(1, d, q)
        var small = [Interval.exact(.one, precision: q)]
        small.reserveCapacity(block)
        for _ in 1..<block { small.append(small[small.count - 1] * step) }

        let stride = single(block, d, q)
        var large = [single(first * block, d, q)]
        large.reserveCapacity(last - first + 1)
        for _ in first..<last { large.append(large[large.count - 1] * stride) }

        // Score matrices repeat values (a self-attention's is symmetric): one product per
        // distinct m, the interval shared (intervals are never changed in place).
        var done = [Int: Interval](minimumCapacity: numerators.count)
        return untilInterrupted(numerators) { m in
            if let x = done[m] { return x }
            let i = floorDivision(m, block)
            let x = large[i - first].times(small[m - i * block], precision: p)
            done[m] = x
            return x
        }
    }

    /// g with 2^g > K = 10(B + t + 1) + 2(|first| + t)·B/D, t = last − first: K·2^(1−q) bounds
    /// the tables' ρ (see viaTables), generously rounded up.
    static func guardBits(block: Int, first: Int, last: Int, denominator d: UInt) -> Int {
        let t = Double(last - first), b = Double(block)
        let k = Int((10 * (b + t + 1) + 2 * (Double(first.magnitude) + t) * b / Double(d)).rounded(.up))
        return Int.bitWidth - k.leadingZeroBitCount
    }

    /// `f` of each m in order, stopping early (a shorter result) once Ctrl-C was pressed.
    static func untilInterrupted(_ numerators: [Int], _ f: (Int) -> Interval) -> [Interval] {
        var out: [Interval] = []
        out.reserveCapacity(numerators.count)
        for (k, m) in numerators.enumerated() {
            if k & 63 == 63, Interrupt.isRequested { break }
            out.append(f(m))
        }
        return out
    }

    /// ⌊a / b⌋ for b > 0 (Swift's / truncates toward zero).
    static func floorDivision(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a - 1) / b) - 1
    }
}
