// The IEEE double nearest to an exact value, correctly rounded (ties to even): what a
// float64 file holds when an exact tensor is saved.

extension Scalar {
    /// The nearest double, or nil when the value is beyond the double range (or, for a real,
    /// could not be pinned down within the precision limit).
    public var nearestDouble: Double? {
        for bits in Precision.ladder(from: 64, cap: Precision.maximumSignBits) {
            let interval: Interval?
            switch self {
            case let .rational(q): interval = Interval.exact(q, precision: bits)
            case let .real(n): interval = n.interval(precision: bits)
            }
            // Rounding to nearest is monotonic: when both ends round to one double, so does
            // every value between them (an enclosure of 0 narrower than the smallest double
            // rounds to ±0 at both ends, and −0 == 0). A wider one is never taken as 0.
            if let iv = interval {
                let lo = iv.lo.doubleValue, hi = iv.hi.doubleValue
                if lo == hi { return lo.isFinite ? lo : nil }
            }
        }
        return nil
    }
}
