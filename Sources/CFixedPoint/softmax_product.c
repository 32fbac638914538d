// Softmax rows times a matrix of rationals in fixed point (see include/softmax_product.h).
//
// Exact attention's output entry is (Σⱼ aⱼ·e^(sⱼ)) / (q·Σⱼ e^(sⱼ)) for the row's scores sⱼ, the
// column's integers aⱼ and its denominator q. Shifting every score by the row's largest leaves
// the quotient unchanged, so each weight is e^(−tⱼ/den) ≤ 1 for an integer tⱼ ≥ 0: a fixed-point
// integer U = e^(−t/den)·2^F (F = 64·limbs − 1) from one product of two table entries (Arb's
// arb_exp also splits its argument and multiplies table entries). The sums Σ aⱼ·Uⱼ and Σ Uⱼ are
// then exact integer multiply-adds, and one bound W on every |U − e^(−t/den)·2^F| bounds the
// errors: |N − true·2^F| ≤ W·Σ|aⱼ| and |D − true·2^F| ≤ W·count. Two directed divisions at the
// end give the enclosure (midpoint–radius as in Arb's arb_mat_mul, not one interval per weight).
#include "softmax_product.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if GMP_NUMB_BITS != 64 || GMP_NAIL_BITS != 0
#error "softmax_product.c expects 64-bit limbs without nails"
#endif

struct attn_exp_table {
    size_t k;                      // limbs per value
    unsigned long tmax;            // the largest t the tables reach (below the cut-off)
    unsigned long cutoff;          // e^(−t/den)·2^F < 1 for every t ≥ cutoff: those read as 0
    unsigned long block;           // t = i·block + j
    size_t smallCount, largeCount;
    unsigned long error;           // W, in units of 2^−F
    mp_limb_t *small, *large;      // k limbs per entry
    mp_limb_t *one;                // 2^F
};

struct attn_softmax_columns {
    size_t count, columns;
    long *a;                       // a[j·columns + c]
    unsigned long *q;
    unsigned __int128 *absSum;     // Σⱼ |a[j·columns + c]|
};

// floor(x·y / 2^F) into r (k limbs); scratch holds 2k + 1 limbs. x, y ≤ 2^F, so the result is too.
static void fixed_mul(mp_limb_t *r, const mp_limb_t *x, const mp_limb_t *y, size_t k, mp_limb_t *scratch) {
    mp_limb_t *p = scratch, *shifted = scratch;
    mpn_mul_n(p, x, y, (mp_size_t)k);
    // P >> (64k − 1): the limbs from k − 1 up, shifted right by 63 more bits (in place).
    mpn_rshift(shifted, p + k - 1, (mp_size_t)(k + 1), GMP_NUMB_BITS - 1);
    memcpy(r, shifted, k * sizeof(mp_limb_t));
}

// e^(−num/den)·2^F rounded toward 0 into r (k limbs), within 2 units: MPFR works 64 bits past
// 2^−F, so its two roundings (of num/den, which the exponential magnifies by at most the
// argument's size, and of the exponential) cost far less than the unit the truncation loses.
static int fixed_exp(mp_limb_t *r, size_t k, unsigned long num, unsigned long den) {
    const unsigned long f = 64 * (unsigned long)k - 1;
    mpfr_t x;
    mpz_t z;
    mpfr_init2(x, (mpfr_prec_t)(64 * k + 64));
    mpz_init(z);
    mpfr_set_ui(x, num, MPFR_RNDN);
    mpfr_div_ui(x, x, den, MPFR_RNDN);
    mpfr_neg(x, x, MPFR_RNDN);
    mpfr_exp(x, x, MPFR_RNDN);
    mpfr_mul_2ui(x, x, f, MPFR_RNDN);
    mpfr_get_z(z, x, MPFR_RNDZ);
    int ok = mpz_sgn(z) >= 0 && mpz_size(z) <= k;
    if (ok) {
        memset(r, 0, k * sizeof(mp_limb_t));
        for (size_t i = 0; i < mpz_size(z); i++) r[i] = mpz_getlimbn(z, (mp_size_t)i);
    }
    mpz_clear(z);
    mpfr_clear(x);
    return ok;
}

void attn_exp_table_free(attn_exp_table *table) {
    if (!table) return;
    free(table->small);
    free(table->large);
    free(table->one);
    free(table);
}

unsigned long attn_exp_table_error(const attn_exp_table *table) { return table->error; }

// entries[0] = 2^F, entries[1] = first (within 2 units), entries[i] = entries[i−1]·first: each
// step adds the factors' errors plus one unit for the truncation and one for their product
// (below 1 while the errors stay under 2^(F/2)), so entry i is within 4i units.
static int fixed_powers(mp_limb_t *entries, size_t count, size_t k, const mp_limb_t *one,
                        unsigned long step, unsigned long den, mp_limb_t *scratch) {
    memcpy(entries, one, k * sizeof(mp_limb_t));
    if (count < 2) return 1;
    if (!fixed_exp(entries + k, k, step, den)) return 0;
    for (size_t i = 2; i < count; i++) fixed_mul(entries + i * k, entries + (i - 1) * k, entries + k, k, scratch);
    return 1;
}

attn_exp_table *attn_exp_table_make(unsigned long den, unsigned long tmax, size_t limbs) {
    if (den == 0 || limbs == 0 || limbs > 64) return NULL;
    const unsigned long f = 64 * (unsigned long)limbs - 1;
    // e^(−t/den) < 2^(−F) once t > den·F·ln 2; the margin covers the double's rounding.
    double bound = ceil((double)den * (double)f * 0.6931471805599453 * (1 + 1e-12)) + 2;
    if (!(bound < 18446744073709551615.0)) bound = 18446744073709551615.0;
    unsigned long cutoff = (unsigned long)bound;
    unsigned long reach = tmax < cutoff ? tmax : cutoff;
    if (reach > 0xFFFFFFFFUL) return NULL;
    attn_exp_table *table = (attn_exp_table *)calloc(1, sizeof(attn_exp_table));
    if (!table) return NULL;
    table->k = limbs;
    table->tmax = reach;
    table->cutoff = cutoff;
    unsigned long block = (unsigned long)ceil(sqrt((double)reach + 1));
    while (block > 1 && (block - 1) * (block - 1) >= reach + 1) block--;
    while (block * block < reach + 1) block++;
    table->block = block;
    table->smallCount = block;
    table->largeCount = reach / block + 1;
    table->small = (mp_limb_t *)calloc(table->smallCount * limbs, sizeof(mp_limb_t));
    table->large = (mp_limb_t *)calloc(table->largeCount * limbs, sizeof(mp_limb_t));
    table->one = (mp_limb_t *)calloc(limbs, sizeof(mp_limb_t));
    mp_limb_t *scratch = (mp_limb_t *)calloc(2 * limbs + 1, sizeof(mp_limb_t));
    if (!table->small || !table->large || !table->one || !scratch) {
        free(scratch);
        attn_exp_table_free(table);
        return NULL;
    }
    table->one[limbs - 1] = (mp_limb_t)1 << (GMP_NUMB_BITS - 1);
    int ok = fixed_powers(table->small, table->smallCount, limbs, table->one, 1, den, scratch)
          && fixed_powers(table->large, table->largeCount, limbs, table->one, block, den, scratch);
    free(scratch);
    if (!ok) { attn_exp_table_free(table); return NULL; }
    // A weight is large[i]·small[j]: both tables' errors, plus the truncation and the product
    // of the errors (one unit each).
    table->error = 4 * (table->smallCount - 1) + 4 * (table->largeCount - 1) + 2;
    return table;
}

// U(t) into r (k limbs); 0 past the cut-off. The caller has checked t ≤ tmax or t ≥ cutoff.
static void fixed_weight(const attn_exp_table *table, unsigned long t, mp_limb_t *r, mp_limb_t *scratch) {
    size_t k = table->k;
    if (t >= table->cutoff || t > table->tmax) { memset(r, 0, k * sizeof(mp_limb_t)); return; }
    unsigned long i = t / table->block, j = t % table->block;
    fixed_mul(r, table->large + i * k, table->small + j * k, k, scratch);
}

void attn_softmax_columns_free(attn_softmax_columns *columns) {
    if (!columns) return;
    free(columns->a);
    free(columns->q);
    free(columns->absSum);
    free(columns);
}

attn_softmax_columns *attn_softmax_columns_make(const long *a, size_t count, size_t columns,
                                                const unsigned long *q) {
    if (count == 0 || columns == 0 || count > 0xFFFFFFFFUL || count > SIZE_MAX / columns) return NULL;
    for (size_t c = 0; c < columns; c++) if (q[c] == 0) return NULL;
    attn_softmax_columns *m = (attn_softmax_columns *)calloc(1, sizeof(attn_softmax_columns));
    if (!m) return NULL;
    m->count = count;
    m->columns = columns;
    m->a = (long *)malloc(count * columns * sizeof(long));
    m->q = (unsigned long *)malloc(columns * sizeof(unsigned long));
    m->absSum = (unsigned __int128 *)calloc(columns, sizeof(unsigned __int128));
    if (!m->a || !m->q || !m->absSum) { attn_softmax_columns_free(m); return NULL; }
    memcpy(m->a, a, count * columns * sizeof(long));
    memcpy(m->q, q, columns * sizeof(unsigned long));
    for (size_t j = 0; j < count; j++)
        for (size_t c = 0; c < columns; c++) {
            long v = a[j * columns + c];
            m->absSum[c] += v < 0 ? (unsigned long)0 - (unsigned long)v : (unsigned long)v;
        }
    return m;
}

static void mpz_set_int128(mpz_t z, __int128 v) {
    unsigned __int128 m = v < 0 ? (unsigned __int128)0 - (unsigned __int128)v : (unsigned __int128)v;
    mp_limb_t limbs[2] = {(mp_limb_t)m, (mp_limb_t)(m >> 64)};
    mpz_import(z, 2, -1, sizeof(mp_limb_t), 0, 0, limbs);
    if (v < 0) mpz_neg(z, z);
}

// z = low (k limbs, unsigned) + high·2^(64k).
static void mpz_set_fixed(mpz_t z, const mp_limb_t *low, size_t k, __int128 high, mpz_t scratch) {
    mpz_set_int128(z, high);
    mpz_mul_2exp(z, z, 64 * (mp_bitcnt_t)k);
    mpz_import(scratch, k, -1, sizeof(mp_limb_t), 0, 0, low);
    mpz_add(z, z, scratch);
}

// [lo, hi] ⊇ [nlo, nhi] / [dlo, dhi] / q for 0 < dlo ≤ dhi, rounded outward.
static void enclose_quotient(mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr nlo, mpfr_srcptr nhi,
                             mpfr_srcptr dlo, mpfr_srcptr dhi, unsigned long q) {
    if (mpfr_sgn(nlo) >= 0) {
        mpfr_div(lo, nlo, dhi, MPFR_RNDD);
        mpfr_div(hi, nhi, dlo, MPFR_RNDU);
    } else if (mpfr_sgn(nhi) <= 0) {
        mpfr_div(lo, nlo, dlo, MPFR_RNDD);
        mpfr_div(hi, nhi, dhi, MPFR_RNDU);
    } else {
        mpfr_div(lo, nlo, dlo, MPFR_RNDD);
        mpfr_div(hi, nhi, dlo, MPFR_RNDU);
    }
    mpfr_div_ui(lo, lo, q, MPFR_RNDD);
    mpfr_div_ui(hi, hi, q, MPFR_RNDU);
}

int attn_softmax_row_product(const attn_exp_table *table, const unsigned long *t, size_t count,
                             const attn_softmax_columns *columns, mpfr_ptr const *lo, mpfr_ptr const *hi) {
    if (count == 0 || count != columns->count) return 0;
    for (size_t j = 0; j < count; j++) if (t[j] > table->tmax && t[j] < table->cutoff) return 0;
    const size_t k = table->k, width = columns->columns;
    // Per column: k limbs of the sum (unsigned) and the carries out of them (signed).
    mp_limb_t *acc = (mp_limb_t *)calloc(width * k + k + k + 2 * k + 1, sizeof(mp_limb_t));
    __int128 *high = (__int128 *)calloc(width, sizeof(__int128));
    if (!acc || !high) { free(acc); free(high); return 0; }
    mp_limb_t *dsum = acc + width * k, *u = dsum + k, *scratch = u + k;
    unsigned long dhigh = 0;
    for (size_t j = 0; j < count; j++) {
        fixed_weight(table, t[j], u, scratch);
        mp_size_t used = (mp_size_t)k;
        while (used > 0 && u[used - 1] == 0) used--;
        if (used == 0) continue;
        dhigh += mpn_add(dsum, dsum, (mp_size_t)k, u, used);
        const long *row = columns->a + j * width;
        for (size_t c = 0; c < width; c++) {
            long a = row[c];
            if (a == 0 || !lo[c]) continue;
            mp_limb_t *s = acc + c * k;
            mp_limb_t carry;
            if (a > 0) {
                carry = mpn_addmul_1(s, u, used, (mp_limb_t)a);
                if (used < (mp_size_t)k) carry = mpn_add_1(s + used, s + used, (mp_size_t)k - used, carry);
                high[c] += carry;
            } else {
                carry = mpn_submul_1(s, u, used, (mp_limb_t)0 - (mp_limb_t)a);
                if (used < (mp_size_t)k) carry = mpn_sub_1(s + used, s + used, (mp_size_t)k - used, carry);
                high[c] -= carry;
            }
        }
    }
    // |N| < 2^(64k − 1 + 63 + 32) and its error bound W·Σ|a| < 2^(19 + 63 + 32): exact in
    // 64k + 128 bits, and so is D.
    const mpfr_prec_t exact = (mpfr_prec_t)(64 * k + 128);
    mpz_t n, e, z;
    mpz_inits(n, e, z, NULL);
    mpfr_t nlo, nhi, dlo, dhi;
    mpfr_inits2(exact, nlo, nhi, dlo, dhi, (mpfr_ptr)0);
    const unsigned long w = table->error;
    mpz_set_fixed(n, dsum, k, (__int128)dhigh, z);
    mpz_set_ui(e, w);
    mpz_mul_ui(e, e, (unsigned long)count);
    mpz_sub(z, n, e);
    int ok = mpz_sgn(z) > 0;              // the row's largest weight is exactly 2^F
    if (ok) {
        mpfr_set_z(dlo, z, MPFR_RNDD);
        mpz_add(z, n, e);
        mpfr_set_z(dhi, z, MPFR_RNDU);
        for (size_t c = 0; c < width; c++) {
            if (!lo[c] || !hi[c]) continue;
            mpz_set_fixed(n, acc + c * k, k, high[c], z);
            mpz_set_int128(e, (__int128)columns->absSum[c]);   // < 2^95: fits
            mpz_mul_ui(e, e, w);
            mpz_sub(z, n, e);
            mpfr_set_z(nlo, z, MPFR_RNDD);
            mpz_add(z, n, e);
            mpfr_set_z(nhi, z, MPFR_RNDU);
            enclose_quotient(lo[c], hi[c], nlo, nhi, dlo, dhi, columns->q[c]);
        }
    }
    mpfr_clears(nlo, nhi, dlo, dhi, (mpfr_ptr)0);
    mpz_clears(n, e, z, NULL);
    free(acc);
    free(high);
    return ok;
}
