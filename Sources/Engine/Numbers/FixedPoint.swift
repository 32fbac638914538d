// The only Swift file that calls CFixedPoint: exact fixed-point sums of MPFR intervals (a row
// of a matrix product's terms, prepared once for many sums) and softmax rows times columns of
// rationals with one fixed-point weight per score (softmax_product.c).
import CMPFR
import CFixedPoint

/// The interval ends of a sum's terms, as the fixed-point sum reads them; a row of nodes is
/// gathered once for every sum that uses it (the 16 entries of an attention output's row
/// share their 64 weights).
final class FixedPointRow: @unchecked Sendable {
    fileprivate let values: [Interval]          // keeps the floats the pointers point into
    fileprivate let lows: [UnsafePointer<__mpfr_struct>?]
    fileprivate let highs: [UnsafePointer<__mpfr_struct>?]

    /// The ends already rounded onto the row's scale for sums at `preparedPrecision` bits
    /// (attn_fixed_row_prepare), when the row is shared by many sums; else nil.
    fileprivate let prepared: OpaquePointer?
    fileprivate let preparedPrecision: Int

    init(_ values: [Interval], preparedFor precision: Int? = nil) {
        self.values = values
        let lows = values.map { Optional(UnsafePointer($0.lo.x)) }
        let highs = values.map { Optional(UnsafePointer($0.hi.x)) }
        self.lows = lows
        self.highs = highs
        preparedPrecision = precision ?? 0
        prepared = precision.flatMap { p in
            withExtendedLifetime(values) {
                attn_fixed_row_prepare(lows, highs, lows.count, mpfr_prec_t(p), Interval.fixedPointExtraBits)
            }
        }
    }

    deinit { attn_fixed_row_free(prepared) }

    /// nil unless every node's interval is cached with at least `precision` bits. The row is
    /// prepared for sums at `precision` (its entries in a product row share it).
    convenience init?(_ nodes: [RealNode], precision: Int) {
        var values: [Interval] = []
        values.reserveCapacity(nodes.count)
        for n in nodes {
            guard let v = n.cachedInterval(precision: precision) else { return nil }
            values.append(v)
        }
        self.init(values, preparedFor: precision)
    }
}

extension Interval {
    /// Σ nᵢ·rowᵢ / d for machine integers nᵢ (none Int.min) and d > 0, added exactly as GMP
    /// integers on one binary scale 32 bits below the largest end's leading bit, every end
    /// rounded outward onto it (Sources/CFixedPoint: attn_fixed_point_sum). Two integer multiply-adds per
    /// term instead of four MPFR operations; nil if an end is not finite.
    static func fixedPointSum(_ row: FixedPointRow, _ multipliers: [Int], over d: UInt, precision p: Int) -> Interval? {
        guard row.values.count == multipliers.count else { return nil }
        let lo = BigFloat.make(precision: p), hi = BigFloat.make(precision: p)
        let done = withExtendedLifetime(row) {
            if let prepared = row.prepared, row.preparedPrecision == p {
                return attn_fixed_row_sum(prepared, lo.x, hi.x, multipliers)
            }
            return attn_fixed_point_sum(lo.x, hi.x, row.lows, row.highs, multipliers, multipliers.count, fixedPointExtraBits)
        }
        guard done != 0 else { return nil }
        let total = Interval(lo: lo, hi: hi)
        if d != 1 { total.divideInPlace(by: d) }
        return total
    }

    /// Bits of the fixed-point scale below the largest end's leading bit.
    static let fixedPointExtraBits = 32

    static func fixedPointSum(_ values: [Interval], _ multipliers: [Int], over d: UInt, precision p: Int) -> Interval? {
        fixedPointSum(FixedPointRow(values), multipliers, over: d, precision: p)
    }
}

/// Fixed-point tables of e^(−t/den) for integers 0 ≤ t ≤ reach (attn_exp_table): one product
/// of two entries per weight of a softmax row.
final class ExpTable: @unchecked Sendable {
    fileprivate let table: OpaquePointer

    /// nil when the tables would be too large (reach past 2^32 below the cut-off) or memory runs out.
    init?(denominator: UInt, reach: UInt, limbs: Int) {
        guard let table = attn_exp_table_make(denominator, reach, limbs) else { return nil }
        self.table = table
    }

    deinit { attn_exp_table_free(table) }
}

/// The columns of a softmax row product's right-hand matrix: integers a[j·width + c] over
/// positive denominators, for rows of `count` weights (attn_softmax_columns).
final class SoftmaxColumns: @unchecked Sendable {
    fileprivate let columns: OpaquePointer
    let count: Int
    let width: Int

    init?(integers: [Int], count: Int, width: Int, denominators: [UInt]) {
        precondition(integers.count == count * width && denominators.count == width, "a matrix of the wrong size")
        guard let columns = attn_softmax_columns_make(integers, count, width, denominators) else { return nil }
        self.columns = columns
        self.count = count
        self.width = width
    }

    deinit { attn_softmax_columns_free(columns) }
}

extension Interval {
    /// For one softmax row with weights e^(−tⱼ/den) (the row's largest has t = 0): the
    /// enclosures of (Σⱼ aⱼ꜀·e^(−tⱼ/den)) / (q꜀·Σⱼ e^(−tⱼ/den)) at `precision` bits for the
    /// columns c that `wanted` marks (nil for the others); nil when the kernel refuses the row.
    static func softmaxRowProduct(_ table: ExpTable, exponents t: [UInt], columns: SoftmaxColumns,
                                  wanted: [Bool], precision p: Int) -> [Interval?]? {
        precondition(wanted.count == columns.width, "one flag per column")
        let ends = wanted.map { $0 ? (BigFloat.make(precision: p), BigFloat.make(precision: p)) : nil }
        let lows = ends.map { $0.map { UnsafeMutablePointer($0.0.x) } }
        let highs = ends.map { $0.map { UnsafeMutablePointer($0.1.x) } }
        let done = withExtendedLifetime((ends, table, columns)) {
            attn_softmax_row_product(table.table, t, t.count, columns.columns, lows, highs)
        }
        guard done != 0 else { return nil }
        return ends.map { $0.map { Interval(lo: $0.0, hi: $0.1) } }
    }
}
