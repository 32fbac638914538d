// The IEEE double nearest to an exact value, correctly rounded (ties to even): what a
// float64 file holds when an exact tensor is saved.

extension Scalar {
    /// The nearest double, or nil when the value is beyond the double range (or, for a real,
    /// could not be pinned down within the precision limit).
    public var nearestDouble: Double? {
        var bits = 64
        let limit = Precision.maximumSignBits
        while bits <= limit {
            let interval: Interval?
            switch self {
            case let .rational(q): interval = Interval.exact(q, precision: bits)
            case let .real(n): interval = n.interval(precision: bits)
            }
            // Rounding to nearest is monotonic: when both ends round to one double, so does
            // every value between them.
            if let iv = interval {
                let lo = iv.lo.doubleValue, hi = iv.hi.doubleValue
                if lo == hi { return lo.isFinite ? lo : nil }
                if iv.containsZero && bits * 2 > limit { return 0 }
            }
            bits *= 2
        }
        return nil
    }
}
