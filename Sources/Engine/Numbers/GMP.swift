// The only Swift file that calls GMP: arbitrary-size integers and rationals.
import CMPFR

/// An immutable arbitrary-size rational, owned by this object and freed with it.
final class BigRational: @unchecked Sendable {
    // Immutable after init, so sharing between threads is safe.
    let q: UnsafeMutablePointer<__mpq_struct>

    private init() {
        q = .allocate(capacity: 1)
        attn_mpq_init(q)
    }

    deinit {
        attn_mpq_clear(q)
        q.deallocate()
    }

    /// The rational for a GMP call that outlives this expression: the object (and so the
    /// pointer) stays alive until `body` returns, whatever the optimizer does with `self`.
    func withPointer<R>(_ body: (UnsafeMutablePointer<__mpq_struct>) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(q) }
    }

    convenience init(numerator: Int64, denominator: Int64) {
        self.init()
        if denominator < 0 {
            // mpq_set_si takes an unsigned denominator.
            let n = BigInteger(numerator).negated(), d = BigInteger(denominator).negated()
            n.withPointer { n in d.withPointer { d in attn_mpq_set_num_den(q, n, d) } }
        } else {
            attn_mpq_set_si(q, Int(numerator), UInt(denominator))
        }
    }

    /// `numerator / denominator`, reduced; the denominator must not be zero.
    convenience init(numerator: BigInteger, denominator: BigInteger) {
        self.init()
        numerator.withPointer { n in denominator.withPointer { d in attn_mpq_set_num_den(q, n, d) } }
    }

    convenience init(exactly d: Double) {
        self.init()
        attn_mpq_set_d(q, d)
    }

    private static func make(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> BigRational {
        let r = BigRational()
        body(r.q)
        return r
    }

    func adding(_ o: BigRational) -> BigRational { .make { attn_mpq_add($0, q, o.q) } }
    func subtracting(_ o: BigRational) -> BigRational { .make { attn_mpq_sub($0, q, o.q) } }
    func multiplying(_ o: BigRational) -> BigRational { .make { attn_mpq_mul($0, q, o.q) } }
    /// `o` must not be zero (GMP aborts on division by zero).
    func dividing(_ o: BigRational) -> BigRational { .make { attn_mpq_div($0, q, o.q) } }
    func negated() -> BigRational { .make { attn_mpq_neg($0, q) } }

    var sign: Int { Int(attn_mpq_sgn(q)) }
    func compare(_ o: BigRational) -> Int { Int(attn_mpq_cmp(q, o.q)).signum() }
    func equals(_ o: BigRational) -> Bool { attn_mpq_equal(q, o.q) != 0 }

    var numerator: BigInteger { BigInteger(copying: attn_mpq_num(q)) }
    var denominator: BigInteger { BigInteger(copying: attn_mpq_den(q)) }
    var doubleValue: Double { attn_mpq_get_d(q) }

    /// Total size in bits of numerator and denominator: what limits guard.
    var bitSize: Int {
        Int(attn_mpz_sizeinbase(attn_mpq_num(q), 2)) + Int(attn_mpz_sizeinbase(attn_mpq_den(q), 2))
    }

    /// The numerator and denominator when both fit in 64 bits.
    var smallParts: (Int64, Int64)? {
        let n = attn_mpq_num(q), d = attn_mpq_den(q)
        guard attn_mpz_fits_slong_p(n) != 0, attn_mpz_fits_slong_p(d) != 0 else { return nil }
        return (Int64(attn_mpz_get_si(n)), Int64(attn_mpz_get_si(d)))
    }
}

/// An immutable arbitrary-size integer.
final class BigInteger: @unchecked Sendable {
    let z: UnsafeMutablePointer<__mpz_struct>

    private init() {
        z = .allocate(capacity: 1)
        attn_mpz_init(z)
    }

    deinit {
        attn_mpz_clear(z)
        z.deallocate()
    }

    /// The integer for a GMP call that outlives this expression (see BigRational.withPointer).
    func withPointer<R>(_ body: (UnsafeMutablePointer<__mpz_struct>) throws -> R) rethrows -> R {
        try withExtendedLifetime(self) { try body(z) }
    }

    convenience init(_ v: Int64) {
        self.init()
        attn_mpz_set_si(z, Int(v))
    }

    convenience init(copying src: UnsafePointer<__mpz_struct>) {
        self.init()
        attn_mpz_set(z, src)
    }

    /// Parses decimal digits (an optional leading `-`); nil for anything else.
    convenience init?(decimal: String) {
        self.init()
        guard !decimal.isEmpty, attn_mpz_set_str(z, decimal, 10) == 0 else { return nil }
    }

    static func power(_ base: UInt, _ exponent: UInt) -> BigInteger {
        make { attn_mpz_ui_pow_ui($0, base, exponent) }
    }

    private static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInteger {
        let r = BigInteger()
        body(r.z)
        return r
    }

    func adding(_ o: BigInteger) -> BigInteger { .make { attn_mpz_add($0, z, o.z) } }
    func subtracting(_ o: BigInteger) -> BigInteger { .make { attn_mpz_sub($0, z, o.z) } }
    func multiplying(_ o: BigInteger) -> BigInteger { .make { attn_mpz_mul($0, z, o.z) } }
    func multiplying(_ o: Int) -> BigInteger { .make { attn_mpz_mul_si($0, z, o) } }
    func negated() -> BigInteger { .make { attn_mpz_neg($0, z) } }
    func magnitude() -> BigInteger { .make { attn_mpz_abs($0, z) } }
    func raised(to e: UInt) -> BigInteger { .make { attn_mpz_pow_ui($0, z, e) } }

    /// Truncating division: quotient and remainder with the dividend's sign.
    func quotientAndRemainder(dividingBy d: BigInteger) -> (BigInteger, BigInteger) {
        let q = BigInteger(), r = BigInteger()
        attn_mpz_tdiv_qr(q.z, r.z, z, d.z)
        return (q, r)
    }

    /// The exact `n`-th root when there is one.
    func exactRoot(_ n: UInt) -> BigInteger? {
        let r = BigInteger()
        return attn_mpz_root(r.z, z, n) != 0 ? r : nil
    }

    var sign: Int { Int(attn_mpz_sgn(z)) }
    var isEven: Bool { attn_mpz_even_p(z) != 0 }
    func compare(_ o: BigInteger) -> Int { Int(attn_mpz_cmp(z, o.z)).signum() }
    func compareMagnitude(_ o: BigInteger) -> Int { Int(attn_mpz_cmpabs(z, o.z)).signum() }
    /// Number of decimal digits of |self|: exact or one too many (GMP's contract).
    var approximateDecimalDigits: Int { Int(attn_mpz_sizeinbase(z, 10)) }

    var decimalString: String {
        guard let p = attn_mpz_get_str(z, 10) else { return "0" }
        defer { attn_free(p) }
        return String(cString: p)
    }
}
