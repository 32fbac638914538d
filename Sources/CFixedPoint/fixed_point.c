// Exact fixed-point sums of MPFR intervals (see include/fixed_point.h).
#include "fixed_point.h"

#include <limits.h>
#include <stdlib.h>

// |x|·2^scale rounded to an integer (up when roundUp, down otherwise), into t (tcap limbs):
// its size in *tn, 0 when it is 0. x's significand m is read in place: |x| = m·2^(EXP −
// 64·limbs). Returns 0 if the shifted significand would not fit t, or leave w limbs of an
// accumulator a limb above it for the carry.
static int fixed_shift(mp_limb_t *t, mp_size_t tcap, mp_size_t *tn, mp_size_t w,
                       mpfr_srcptr x, long scale, int roundUp) {
    *tn = 0;
    if (mpfr_zero_p(x)) return 1;
    mp_size_t limbs = (mp_size_t)((mpfr_get_prec(x) + GMP_NUMB_BITS - 1) / GMP_NUMB_BITS);
    const mp_limb_t *m = (const mp_limb_t *)mpfr_custom_get_significand(x);
    long shift = (long)mpfr_get_exp(x) - (long)(limbs * GMP_NUMB_BITS) + scale;
    if (shift >= 0) {
        mp_size_t whole = (mp_size_t)(shift / GMP_NUMB_BITS);
        unsigned bits = (unsigned)(shift % GMP_NUMB_BITS);
        if (whole + limbs + 1 > tcap || whole + limbs + 1 >= w) return 0;
        for (mp_size_t i = 0; i < whole; i++) t[i] = 0;
        if (bits) t[whole + limbs] = mpn_lshift(t + whole, m, limbs, bits);
        else { for (mp_size_t i = 0; i < limbs; i++) t[whole + i] = m[i]; t[whole + limbs] = 0; }
        *tn = limbs + whole + 1;
    } else if (-shift >= (long)(limbs * GMP_NUMB_BITS)) {
        if (!roundUp) return 1;          // every bit is below the scale: 0, or 1 rounded up
        t[0] = 1;
        *tn = 1;
    } else {
        mp_size_t whole = (mp_size_t)((-shift) / GMP_NUMB_BITS);
        unsigned bits = (unsigned)((-shift) % GMP_NUMB_BITS);
        int lost = 0;
        for (mp_size_t i = 0; i < whole; i++) if (m[i]) lost = 1;
        mp_size_t n = limbs - whole;
        // n limbs, plus one for a carry from rounding up.
        if (n + 1 > tcap) return 0;
        if (bits) { if (mpn_rshift(t, m + whole, n, bits)) lost = 1; }
        else for (mp_size_t i = 0; i < n; i++) t[i] = m[whole + i];
        if (lost && roundUp) { mp_limb_t c = mpn_add_1(t, t, n, 1); if (c) t[n++] = c; }
        *tn = n;
    }
    return *tn < w;
}

// acc (w limbs, two's complement) ±= a·t (tn limbs).
static void fixed_accumulate(mp_limb_t *acc, mp_size_t w, const mp_limb_t *t, mp_size_t tn,
                             unsigned long a, int negative) {
    if (tn == 0 || a == 0) return;
    if (!negative) {
        mp_limb_t carry = mpn_addmul_1(acc, t, tn, a);
        mpn_add_1(acc + tn, acc + tn, w - tn, carry);
    } else {
        mp_limb_t borrow = mpn_submul_1(acc, t, tn, a);
        mpn_sub_1(acc + tn, acc + tn, w - tn, borrow);
    }
}

// acc (w limbs, two's complement) += n·x·2^scale, with |x|·2^scale rounded to an integer
// first: up when `up` asks for an upper bound and the term is positive, or for a lower bound
// and it is negative; down otherwise. t is scratch of `tcap` limbs. Returns 0 (acc untouched)
// if the term would not fit.
static int fixed_addmul(mp_limb_t *acc, mp_size_t w, mp_limb_t *t, mp_size_t tcap,
                        mpfr_srcptr x, long n, long scale, int up) {
    if (mpfr_zero_p(x) || n == 0) return 1;
    int negative = (mpfr_signbit(x) != 0) != (n < 0);
    int roundUp = negative ? !up : up;
    unsigned long a = n < 0 ? (unsigned long)0 - (unsigned long)n : (unsigned long)n;
    mp_size_t tn;
    if (!fixed_shift(t, tcap, &tn, w, x, scale, roundUp)) return 0;
    fixed_accumulate(acc, w, t, tn, a, negative);
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

// The binary scale and accumulator size of a sum of these ends at precision `prec`: 0 if an
// end is not finite or `extra` is out of range; *top = LONG_MIN when every end is 0.
static int fixed_layout(mpfr_srcptr const *lo, mpfr_srcptr const *hi, size_t count, mpfr_prec_t prec,
                        long extra, long *top, long *scale, mp_size_t *w, mp_size_t *tcap) {
    *top = LONG_MIN;
    mpfr_prec_t widest = prec;
    for (size_t i = 0; i < count; i++) {
        if (!mpfr_number_p(lo[i]) || !mpfr_number_p(hi[i])) return 0;
        if (!mpfr_zero_p(lo[i]) && mpfr_get_exp(lo[i]) > *top) *top = mpfr_get_exp(lo[i]);
        if (!mpfr_zero_p(hi[i]) && mpfr_get_exp(hi[i]) > *top) *top = mpfr_get_exp(hi[i]);
        if (mpfr_get_prec(lo[i]) > widest) widest = mpfr_get_prec(lo[i]);
        if (mpfr_get_prec(hi[i]) > widest) widest = mpfr_get_prec(hi[i]);
    }
    if (*top == LONG_MIN) return 1;
    if (extra < 0 || extra > 4096) return 0;
    *scale = (long)prec + extra - *top;
    // Room for the largest term (below 2^(prec + extra + 1) on the scale) times any n (2^63),
    // summed over 2^64 terms, plus a sign bit.
    *w = (mp_size_t)((prec + extra + 3 * GMP_NUMB_BITS) / GMP_NUMB_BITS + 1);
    // Scratch for one term: the widest significand, shifted up to the scale or down onto it.
    *tcap = (mp_size_t)((widest + extra + GMP_NUMB_BITS - 1) / GMP_NUMB_BITS + 3);
    return 1;
}

int attn_fixed_point_sum(mpfr_ptr rlo, mpfr_ptr rhi, mpfr_srcptr const *lo, mpfr_srcptr const *hi,
                         const long *n, size_t count, long extra) {
    long top, scale = 0;
    mp_size_t w = 0, tcap = 0;
    if (!fixed_layout(lo, hi, count, mpfr_get_prec(rlo), extra, &top, &scale, &w, &tcap)) return 0;
    if (top == LONG_MIN) { mpfr_set_zero(rlo, 1); mpfr_set_zero(rhi, 1); return 1; }
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

// A prepared row: every lower end rounded down onto the scale and every upper end up, once,
// as signed magnitudes (`down` and `up`, term i at offset[i] with size[i] limbs). A sum with
// n ≥ 0 takes n·down for its lower bound and n·up for its upper; n < 0 the other way round:
// exactly the integers attn_fixed_point_sum would round each end to, so the totals agree bit
// for bit (the scale depends only on the row and the precision).
struct attn_fixed_row {
    size_t count;
    long top, scale;
    mp_size_t w;
    mpfr_prec_t prec;
    unsigned char *negativeDown, *negativeUp;
    mp_size_t *offsetDown, *offsetUp, *sizeDown, *sizeUp;
    mp_limb_t *limbs;
};

void attn_fixed_row_free(attn_fixed_row *row) {
    if (!row) return;
    free(row->negativeDown);
    free(row->offsetDown);
    free(row->limbs);
    free(row);
}

attn_fixed_row *attn_fixed_row_prepare(mpfr_srcptr const *lo, mpfr_srcptr const *hi, size_t count,
                                       mpfr_prec_t prec, long extra) {
    long top, scale = 0;
    mp_size_t w = 0, tcap = 0;
    if (count == 0 || !fixed_layout(lo, hi, count, prec, extra, &top, &scale, &w, &tcap)) return NULL;
    attn_fixed_row *row = (attn_fixed_row *)calloc(1, sizeof(attn_fixed_row));
    if (!row) return NULL;
    row->count = count; row->top = top; row->scale = scale; row->w = w; row->prec = prec;
    row->negativeDown = (unsigned char *)calloc(2 * count, 1);
    row->offsetDown = (mp_size_t *)calloc(4 * count, sizeof(mp_size_t));
    // Every term takes at most w − 1 limbs (fixed_shift checks it).
    row->limbs = (mp_limb_t *)calloc(top == LONG_MIN ? 1 : 2 * count * (size_t)(w - 1) + (size_t)tcap, sizeof(mp_limb_t));
    if (!row->negativeDown || !row->offsetDown || !row->limbs) { attn_fixed_row_free(row); return NULL; }
    row->negativeUp = row->negativeDown + count;
    row->offsetUp = row->offsetDown + count;
    row->sizeDown = row->offsetDown + 2 * count;
    row->sizeUp = row->offsetDown + 3 * count;
    if (top == LONG_MIN) return row;
    mp_size_t used = 0;
    for (size_t i = 0; i < count; i++) {
        // Down: lo toward −∞ (its magnitude up when lo < 0); up: hi toward +∞.
        int loNegative = mpfr_signbit(lo[i]) != 0, hiNegative = mpfr_signbit(hi[i]) != 0;
        row->negativeDown[i] = (unsigned char)loNegative;
        row->offsetDown[i] = used;
        if (!fixed_shift(row->limbs + used, tcap, &row->sizeDown[i], w, lo[i], scale, loNegative)) { attn_fixed_row_free(row); return NULL; }
        used += row->sizeDown[i];
        row->negativeUp[i] = (unsigned char)hiNegative;
        row->offsetUp[i] = used;
        if (!fixed_shift(row->limbs + used, tcap, &row->sizeUp[i], w, hi[i], scale, !hiNegative)) { attn_fixed_row_free(row); return NULL; }
        used += row->sizeUp[i];
    }
    return row;
}

int attn_fixed_row_sum(const attn_fixed_row *row, mpfr_ptr rlo, mpfr_ptr rhi, const long *n) {
    if (mpfr_get_prec(rlo) != row->prec || mpfr_get_prec(rhi) != row->prec) return 0;
    if (row->top == LONG_MIN) { mpfr_set_zero(rlo, 1); mpfr_set_zero(rhi, 1); return 1; }
    mp_size_t w = row->w;
    mp_limb_t *space = (mp_limb_t *)calloc((size_t)(2 * w), sizeof(mp_limb_t));
    if (!space) return 0;
    mp_limb_t *alo = space, *ahi = space + w;
    for (size_t i = 0; i < row->count; i++) {
        long k = n[i];
        if (k == 0) continue;
        unsigned long a = k < 0 ? (unsigned long)0 - (unsigned long)k : (unsigned long)k;
        const mp_limb_t *down = row->limbs + row->offsetDown[i], *up = row->limbs + row->offsetUp[i];
        if (k > 0) {
            fixed_accumulate(alo, w, down, row->sizeDown[i], a, row->negativeDown[i]);
            fixed_accumulate(ahi, w, up, row->sizeUp[i], a, row->negativeUp[i]);
        } else {
            fixed_accumulate(alo, w, up, row->sizeUp[i], a, !row->negativeUp[i]);
            fixed_accumulate(ahi, w, down, row->sizeDown[i], a, !row->negativeDown[i]);
        }
    }
    fixed_to_mpfr(rlo, alo, w, row->scale, MPFR_RNDD);
    fixed_to_mpfr(rhi, ahi, w, row->scale, MPFR_RNDU);
    free(space);
    return 1;
}
