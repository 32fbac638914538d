// GMP (exact rationals) and MPFR (correctly rounded reals).
// Swift reaches them only through Sources/Engine/Numbers/GMP.swift and MPFR.swift.
// GMP's mpq_*/mpz_* names are macros; these inline wrappers give Swift real functions.
#ifndef ATTN_CMPFR_SHIM_H
#define ATTN_CMPFR_SHIM_H

#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <gmp.h>
#include <mpfr.h>

// MARK: mpz
static inline void attn_free(void *p) { free(p); }
static inline void attn_mpz_init(mpz_ptr z) { mpz_init(z); }
static inline void attn_mpz_clear(mpz_ptr z) { mpz_clear(z); }
static inline void attn_mpz_set(mpz_ptr z, mpz_srcptr a) { mpz_set(z, a); }
static inline void attn_mpz_set_si(mpz_ptr z, long v) { mpz_set_si(z, v); }
static inline int attn_mpz_set_str(mpz_ptr z, const char *s, int base) { return mpz_set_str(z, s, base); }
static inline char *attn_mpz_get_str(mpz_srcptr z, int base) { return mpz_get_str(NULL, base, z); }
static inline void attn_mpz_add(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_add(r, a, b); }
static inline void attn_mpz_sub(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_sub(r, a, b); }
static inline void attn_mpz_mul(mpz_ptr r, mpz_srcptr a, mpz_srcptr b) { mpz_mul(r, a, b); }
static inline void attn_mpz_mul_si(mpz_ptr r, mpz_srcptr a, long b) { mpz_mul_si(r, a, b); }
static inline void attn_mpz_ui_pow_ui(mpz_ptr r, unsigned long b, unsigned long e) { mpz_ui_pow_ui(r, b, e); }
static inline void attn_mpz_pow_ui(mpz_ptr r, mpz_srcptr b, unsigned long e) { mpz_pow_ui(r, b, e); }
static inline void attn_mpz_tdiv_qr(mpz_ptr q, mpz_ptr r, mpz_srcptr n, mpz_srcptr d) { mpz_tdiv_qr(q, r, n, d); }
static inline void attn_mpz_fdiv_qr(mpz_ptr q, mpz_ptr r, mpz_srcptr n, mpz_srcptr d) { mpz_fdiv_qr(q, r, n, d); }
static inline void attn_mpz_abs(mpz_ptr r, mpz_srcptr a) { mpz_abs(r, a); }
static inline void attn_mpz_neg(mpz_ptr r, mpz_srcptr a) { mpz_neg(r, a); }
static inline int attn_mpz_cmp(mpz_srcptr a, mpz_srcptr b) { return mpz_cmp(a, b); }
static inline int attn_mpz_cmpabs(mpz_srcptr a, mpz_srcptr b) { return mpz_cmpabs(a, b); }
static inline int attn_mpz_sgn(mpz_srcptr a) { return mpz_sgn(a); }
static inline int attn_mpz_even_p(mpz_srcptr a) { return mpz_even_p(a); }
static inline size_t attn_mpz_sizeinbase(mpz_srcptr a, int base) { return mpz_sizeinbase(a, base); }
static inline int attn_mpz_perfect_square_p(mpz_srcptr a) { return mpz_perfect_square_p(a); }
static inline void attn_mpz_sqrt(mpz_ptr r, mpz_srcptr a) { mpz_sqrt(r, a); }
static inline int attn_mpz_root(mpz_ptr r, mpz_srcptr a, unsigned long n) { return mpz_root(r, a, n); }
static inline int attn_mpz_fits_slong_p(mpz_srcptr a) { return mpz_fits_slong_p(a); }
static inline long attn_mpz_get_si(mpz_srcptr a) { return mpz_get_si(a); }

// MARK: mpq
static inline void attn_mpq_init(mpq_ptr q) { mpq_init(q); }
static inline void attn_mpq_clear(mpq_ptr q) { mpq_clear(q); }
static inline void attn_mpq_set(mpq_ptr q, mpq_srcptr a) { mpq_set(q, a); }
static inline void attn_mpq_set_si(mpq_ptr q, long n, unsigned long d) { mpq_set_si(q, n, d); mpq_canonicalize(q); }
static inline void attn_mpq_set_num_den(mpq_ptr q, mpz_srcptr n, mpz_srcptr d) {
    mpz_set(mpq_numref(q), n); mpz_set(mpq_denref(q), d); mpq_canonicalize(q);
}
static inline void attn_mpq_add(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_add(r, a, b); }
static inline void attn_mpq_sub(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_sub(r, a, b); }
static inline void attn_mpq_mul(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_mul(r, a, b); }
static inline void attn_mpq_div(mpq_ptr r, mpq_srcptr a, mpq_srcptr b) { mpq_div(r, a, b); }
static inline void attn_mpq_neg(mpq_ptr r, mpq_srcptr a) { mpq_neg(r, a); }
static inline int attn_mpq_cmp(mpq_srcptr a, mpq_srcptr b) { return mpq_cmp(a, b); }
static inline int attn_mpq_equal(mpq_srcptr a, mpq_srcptr b) { return mpq_equal(a, b); }
static inline int attn_mpq_sgn(mpq_srcptr a) { return mpq_sgn(a); }
static inline mpz_srcptr attn_mpq_num(mpq_srcptr q) { return mpq_numref(q); }
static inline mpz_srcptr attn_mpq_den(mpq_srcptr q) { return mpq_denref(q); }
static inline double attn_mpq_get_d(mpq_srcptr q) { return mpq_get_d(q); }
static inline void attn_mpq_set_d(mpq_ptr q, double d) { mpq_set_d(q, d); }

// MARK: mpfr (most functions import as they are; these are macros or need care)
static inline void attn_mpfr_set_q(mpfr_ptr r, mpq_srcptr q, mpfr_rnd_t rnd) { mpfr_set_q(r, q, rnd); }
static inline int attn_mpfr_sgn(mpfr_srcptr x) { return mpfr_sgn(x); }
// MARK: fixed-point sums

// acc (w limbs, two's complement) += n·x·2^scale, with |x|·2^scale rounded to an integer first:
// up when `up` asks for an upper bound and the term is positive, or for a lower bound and it is
// negative; down otherwise. x's significand m is read in place: |x| = m·2^(EXP − 64·limbs).
// t is scratch of at least limbs(x) + 2 limbs. Returns 0 if t would not fit in acc.
static inline int attn_fixed_addmul(mp_limb_t *acc, mp_size_t w, mp_limb_t *t, mpfr_srcptr x, long n, long scale, int up) {
    if (mpfr_zero_p(x) || n == 0) return 1;
    mp_size_t limbs = (mp_size_t)((mpfr_get_prec(x) + GMP_NUMB_BITS - 1) / GMP_NUMB_BITS);
    const mp_limb_t *m = (const mp_limb_t *)mpfr_custom_get_significand(x);
    long shift = (long)mpfr_get_exp(x) - (long)(limbs * GMP_NUMB_BITS) + scale;
    int negative = (mpfr_signbit(x) != 0) != (n < 0);
    int roundUp = negative ? !up : up;
    unsigned long a = n < 0 ? (unsigned long)0 - (unsigned long)n : (unsigned long)n;
    mp_size_t tn;
    if (shift >= 0) {
        mp_size_t whole = (mp_size_t)(shift / GMP_NUMB_BITS);
        unsigned bits = (unsigned)(shift % GMP_NUMB_BITS);
        if (limbs + whole + 1 >= w) return 0;
        for (mp_size_t i = 0; i < whole; i++) t[i] = 0;
        if (bits) t[whole + limbs] = mpn_lshift(t + whole, m, limbs, bits);
        else { for (mp_size_t i = 0; i < limbs; i++) t[whole + i] = m[i]; t[whole + limbs] = 0; }
        tn = limbs + whole + 1;
    } else if (-shift >= (long)(limbs * GMP_NUMB_BITS)) {
        if (!roundUp) return 1;          // every bit is below the scale: 0, or 1 rounded up
        t[0] = 1;
        tn = 1;
    } else {
        mp_size_t whole = (mp_size_t)((-shift) / GMP_NUMB_BITS);
        unsigned bits = (unsigned)((-shift) % GMP_NUMB_BITS);
        int lost = 0;
        for (mp_size_t i = 0; i < whole; i++) if (m[i]) lost = 1;
        tn = limbs - whole;
        if (bits) { if (mpn_rshift(t, m + whole, tn, bits)) lost = 1; }
        else for (mp_size_t i = 0; i < tn; i++) t[i] = m[whole + i];
        if (lost && roundUp) { mp_limb_t c = mpn_add_1(t, t, tn, 1); if (c) t[tn++] = c; }
    }
    if (tn >= w) return 0;
    if (!negative) {
        mp_limb_t carry = mpn_addmul_1(acc, t, tn, a);
        mpn_add_1(acc + tn, acc + tn, w - tn, carry);
    } else {
        mp_limb_t borrow = mpn_submul_1(acc, t, tn, a);
        mpn_sub_1(acc + tn, acc + tn, w - tn, borrow);
    }
    return 1;
}

// The two's-complement accumulator times 2^-scale, rounded with rnd.
static inline void attn_fixed_to_mpfr(mpfr_ptr r, mp_limb_t *acc, mp_size_t w, long scale, mpfr_rnd_t rnd) {
    int negative = (acc[w - 1] >> (GMP_NUMB_BITS - 1)) != 0;
    if (negative) mpn_neg(acc, acc, w);
    mp_size_t size = w;
    while (size > 0 && acc[size - 1] == 0) size--;
    mpz_t z;
    mpz_roinit_n(z, acc, negative ? -size : size);
    mpfr_set_z_2exp(r, z, -scale, rnd);
}

// [*rlo, *rhi] ⊇ Σ n[i]·[lo[i], hi[i]] (n[i] > LONG_MIN). The terms are added exactly as
// fixed-size integers on one binary scale, `extra` bits below the largest end's leading bit,
// each end rounded outward onto that scale; the totals are rounded outward once, to the
// precision of rlo/rhi. Returns 0, leaving rlo and rhi alone, if an end is NaN or infinite
// (or memory runs out).
static inline int attn_fixed_point_sum(mpfr_ptr rlo, mpfr_ptr rhi, mpfr_srcptr const *lo, mpfr_srcptr const *hi,
                                       const long *n, size_t count, long extra) {
    long top = LONG_MIN;
    mpfr_prec_t widest = mpfr_get_prec(rlo);
    for (size_t i = 0; i < count; i++) {
        if (!mpfr_number_p(lo[i]) || !mpfr_number_p(hi[i])) return 0;
        if (!mpfr_zero_p(lo[i]) && mpfr_get_exp(lo[i]) > top) top = mpfr_get_exp(lo[i]);
        if (!mpfr_zero_p(hi[i]) && mpfr_get_exp(hi[i]) > top) top = mpfr_get_exp(hi[i]);
        if (mpfr_get_prec(lo[i]) > widest) widest = mpfr_get_prec(lo[i]);
        if (mpfr_get_prec(hi[i]) > widest) widest = mpfr_get_prec(hi[i]);
    }
    if (top == LONG_MIN) { mpfr_set_zero(rlo, 1); mpfr_set_zero(rhi, 1); return 1; }
    long scale = (long)mpfr_get_prec(rlo) + extra - top;
    // Room for the largest term (below 2^(prec + extra + 1) on the scale) times any n (2^63),
    // summed over 2^64 terms, plus a sign bit; and the widest significand shifted.
    mp_size_t w = (mp_size_t)((mpfr_get_prec(rlo) + extra + 3 * GMP_NUMB_BITS) / GMP_NUMB_BITS + 1);
    mp_size_t tlimbs = (mp_size_t)((widest + GMP_NUMB_BITS - 1) / GMP_NUMB_BITS + 2);
    mp_limb_t *space = (mp_limb_t *)calloc((size_t)(2 * w + tlimbs), sizeof(mp_limb_t));
    if (!space) return 0;
    mp_limb_t *alo = space, *ahi = space + w, *t = space + 2 * w;
    int ok = 1;
    for (size_t i = 0; i < count && ok; i++) {
        ok = attn_fixed_addmul(alo, w, t, n[i] >= 0 ? lo[i] : hi[i], n[i], scale, 0)
          && attn_fixed_addmul(ahi, w, t, n[i] >= 0 ? hi[i] : lo[i], n[i], scale, 1);
    }
    if (ok) {
        attn_fixed_to_mpfr(rlo, alo, w, scale, MPFR_RNDD);
        attn_fixed_to_mpfr(rhi, ahi, w, scale, MPFR_RNDU);
    }
    free(space);
    return ok;
}

static inline void attn_widen_exponent_range(void) {
    mpfr_set_emin(mpfr_get_emin_min());
    mpfr_set_emax(mpfr_get_emax_max());
}

#endif
