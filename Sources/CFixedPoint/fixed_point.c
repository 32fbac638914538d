// Exact fixed-point sums of MPFR intervals (see include/fixed_point.h).
#include "fixed_point.h"

#include <limits.h>
#include <stdlib.h>

// acc (w limbs, two's complement) += n·x·2^scale, with |x|·2^scale rounded to an integer
// first: up when `up` asks for an upper bound and the term is positive, or for a lower bound
// and it is negative; down otherwise. x's significand m is read in place: |x| = m·2^(EXP −
// 64·limbs). t is scratch of `tcap` limbs; the shifted significand must fit both t and acc.
// Returns 0 (acc untouched) if it would not.
static int fixed_addmul(mp_limb_t *acc, mp_size_t w, mp_limb_t *t, mp_size_t tcap,
                        mpfr_srcptr x, long n, long scale, int up) {
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
        // The shifted significand takes whole + limbs + 1 limbs of t, and must leave acc a
        // limb above it for the carry.
        if (whole + limbs + 1 > tcap || whole + limbs + 1 >= w) return 0;
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
        // tn limbs, plus one for a carry from rounding up.
        if (tn + 1 > tcap) return 0;
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
static void fixed_to_mpfr(mpfr_ptr r, mp_limb_t *acc, mp_size_t w, long scale, mpfr_rnd_t rnd) {
    int negative = (acc[w - 1] >> (GMP_NUMB_BITS - 1)) != 0;
    if (negative) mpn_neg(acc, acc, w);
    mp_size_t size = w;
    while (size > 0 && acc[size - 1] == 0) size--;
    mpz_t z;
    mpz_roinit_n(z, acc, negative ? -size : size);
    mpfr_set_z_2exp(r, z, -scale, rnd);
}

int attn_fixed_point_sum(mpfr_ptr rlo, mpfr_ptr rhi, mpfr_srcptr const *lo, mpfr_srcptr const *hi,
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
    if (extra < 0 || extra > 4096) return 0;
    long scale = (long)mpfr_get_prec(rlo) + extra - top;
    // Room for the largest term (below 2^(prec + extra + 1) on the scale) times any n (2^63),
    // summed over 2^64 terms, plus a sign bit.
    mp_size_t w = (mp_size_t)((mpfr_get_prec(rlo) + extra + 3 * GMP_NUMB_BITS) / GMP_NUMB_BITS + 1);
    // Scratch for one term: the widest significand, shifted up to the scale or down onto it.
    mp_size_t tcap = (mp_size_t)((widest + extra + GMP_NUMB_BITS - 1) / GMP_NUMB_BITS + 3);
    mp_limb_t *space = (mp_limb_t *)calloc((size_t)(2 * w + tcap), sizeof(mp_limb_t));
    if (!space) return 0;
    mp_limb_t *alo = space, *ahi = space + w, *t = space + 2 * w;
    int ok = 1;
    for (size_t i = 0; i < count && ok; i++) {
        ok = fixed_addmul(alo, w, t, tcap, n[i] >= 0 ? lo[i] : hi[i], n[i], scale, 0)
          && fixed_addmul(ahi, w, t, tcap, n[i] >= 0 ? hi[i] : lo[i], n[i], scale, 1);
    }
    if (ok) {
        fixed_to_mpfr(rlo, alo, w, scale, MPFR_RNDD);
        fixed_to_mpfr(rhi, ahi, w, scale, MPFR_RNDU);
    }
    free(space);
    return ok;
}
