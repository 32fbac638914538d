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
    // a + bias ≥ 0 as 32-bit integers when count·2·bias < 2^32 (bias = the largest |a|), for
    // row_lanes; NULL otherwise.
    uint32_t *biased;
    unsigned long bias;
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
    free(columns->biased);
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
    unsigned long largest = 0;
    for (size_t j = 0; j < count; j++)
        for (size_t c = 0; c < columns; c++) {
            long v = a[j * columns + c];
            unsigned long magnitude = v < 0 ? (unsigned long)0 - (unsigned long)v : (unsigned long)v;
            m->absSum[c] += magnitude;
            if (magnitude > largest) largest = magnitude;
        }
    if (largest < (1UL << 30) && (unsigned __int128)count * 2 * largest < ((unsigned __int128)1 << 32)) {
        m->biased = (uint32_t *)malloc(count * columns * sizeof(uint32_t));
        if (m->biased) {
            m->bias = largest;
            for (size_t i = 0; i < count * columns; i++) m->biased[i] = (uint32_t)(a[i] + (long)largest);
        }
    }
    return m;
}

static void mpz_set_int128(mpz_t z, __int128 v) {
    unsigned __int128 m = v < 0 ? (unsigned __int128)0 - (unsigned __int128)v : (unsigned __int128)v;
    mp_limb_t limbs[2] = {(mp_limb_t)m, (mp_limb_t)(m >> 64)};
    mpz_import(z, 2, -1, sizeof(mp_limb_t), 0, 0, limbs);
    if (v < 0) mpz_neg(z, z);
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

// N[c] = Σⱼ a[j·width + c]·U[j] for every column, as k + 2 limbs of two's complement each in
// n (width·(k + 2) limbs), by GMP multiply-adds (any a).
static void row_limbs(const attn_softmax_columns *columns, const mp_limb_t *u, const mp_size_t *used,
                      size_t count, size_t k, mpfr_ptr const *lo, mp_limb_t *n) {
    const size_t width = columns->columns, w = k + 2;
    for (size_t j = 0; j < count; j++) {
        if (used[j] == 0) continue;
        const mp_limb_t *uj = u + j * k;
        const long *row = columns->a + j * width;
        for (size_t c = 0; c < width; c++) {
            long a = row[c];
            if (a == 0 || !lo[c]) continue;
            mp_limb_t *s = n + c * w;
            if (a > 0) {
                mp_limb_t carry = mpn_addmul_1(s, uj, used[j], (mp_limb_t)a);
                mpn_add_1(s + used[j], s + used[j], (mp_size_t)w - used[j], carry);
            } else {
                mp_limb_t borrow = mpn_submul_1(s, uj, used[j], (mp_limb_t)0 - (mp_limb_t)a);
                mpn_sub_1(s + used[j], s + used[j], (mp_size_t)w - used[j], borrow);
            }
        }
    }
}

// The same sums from 32-bit halves: lane[t·width + c] += (a + bias)·(half t of U[j]) never
// overflows 64 bits (count·2·bias·2^32 ≤ 2^64), and the loop over columns is plain integer
// arithmetic a compiler vectorises. Then N[c] = Σₜ lane·2^(32t) − bias·D.
static int row_lanes(const attn_softmax_columns *columns, const mp_limb_t *u, const mp_size_t *used,
                     size_t count, size_t k, const mp_limb_t *d, mp_limb_t *n) {
    const size_t width = columns->columns, halves = 2 * k, w = k + 2;
    uint64_t *lane = (uint64_t *)calloc(halves * width, sizeof(uint64_t));
    mp_limb_t *scaledD = (mp_limb_t *)calloc(w, sizeof(mp_limb_t));
    if (!lane || !scaledD) { free(lane); free(scaledD); return 0; }
    for (size_t j = 0; j < count; j++) {
        if (used[j] == 0) continue;
        const uint32_t *a = columns->biased + j * width;
        for (size_t t = 0; t < 2 * (size_t)used[j]; t++) {
            const mp_limb_t limb = u[j * k + t / 2];
            const uint64_t h = (t % 2 == 0) ? (limb & 0xFFFFFFFFu) : (limb >> 32);
            if (h == 0) continue;
            uint64_t *l = lane + t * width;
            for (size_t c = 0; c < width; c++) l[c] += (uint64_t)a[c] * h;
        }
    }
    // bias·D, subtracted from every column below (D has k + 1 limbs).
    scaledD[k + 1] = mpn_mul_1(scaledD, d, (mp_size_t)(k + 1), columns->bias);
    for (size_t c = 0; c < width; c++) {
        mp_limb_t *s = n + c * w;
        unsigned __int128 carry = 0;
        for (size_t i = 0; i < w; i++) {
            unsigned __int128 v = carry;
            if (2 * i < halves) v += lane[2 * i * width + c];
            if (2 * i + 1 < halves) v += (unsigned __int128)lane[(2 * i + 1) * width + c] << 32;
            s[i] = (mp_limb_t)v;
            carry = v >> 64;
        }
        mpn_sub_n(s, s, scaledD, (mp_size_t)w);
    }
    free(lane);
    free(scaledD);
    return 1;
}

// z = the two's-complement integer of w limbs at s.
static void mpz_set_twos(mpz_t z, const mp_limb_t *s, size_t w, mp_limb_t *scratch) {
    int negative = (s[w - 1] >> (GMP_NUMB_BITS - 1)) != 0;
    memcpy(scratch, s, w * sizeof(mp_limb_t));
    if (negative) mpn_neg(scratch, scratch, (mp_size_t)w);
    mpz_import(z, w, -1, sizeof(mp_limb_t), 0, 0, scratch);
    if (negative) mpz_neg(z, z);
}

int attn_softmax_row_product(const attn_exp_table *table, const unsigned long *t, size_t count,
                             const attn_softmax_columns *columns, mpfr_ptr const *lo, mpfr_ptr const *hi) {
    if (count == 0 || count != columns->count) return 0;
    for (size_t j = 0; j < count; j++) if (t[j] > table->tmax && t[j] < table->cutoff) return 0;
    const size_t k = table->k, width = columns->columns, w = k + 2;
    // The weights U[j] (k limbs each, used[j] of them nonzero), their sum D (k + 1 limbs: the
    // count is below 2^32), and the columns' sums N (w limbs each).
    mp_limb_t *u = (mp_limb_t *)malloc(count * k * sizeof(mp_limb_t));
    mp_size_t *used = (mp_size_t *)malloc(count * sizeof(mp_size_t));
    mp_limb_t *d = (mp_limb_t *)calloc(k + 1 + width * w + w + 2 * k + 1, sizeof(mp_limb_t));
    if (!u || !used || !d) { free(u); free(used); free(d); return 0; }
    mp_limb_t *n = d + k + 1, *spare = n + width * w, *scratch = spare + w;
    for (size_t j = 0; j < count; j++) {
        mp_limb_t *uj = u + j * k;
        fixed_weight(table, t[j], uj, scratch);
        used[j] = (mp_size_t)k;
        while (used[j] > 0 && uj[used[j] - 1] == 0) used[j]--;
        if (used[j] > 0) d[k] += mpn_add(d, d, (mp_size_t)k, uj, used[j]);
    }
    int ok = columns->biased ? row_lanes(columns, u, used, count, k, d, n) : 1;
    if (ok && !columns->biased) row_limbs(columns, u, used, count, k, lo, n);
    // |N| < 2^(64k − 1 + 63 + 32) and its error bound W·Σ|a| < 2^(20 + 63 + 32): exact in
    // 64k + 128 bits, and so is D.
    const mpfr_prec_t exact = (mpfr_prec_t)(64 * k + 128);
    mpz_t sum, e, z;
    mpz_inits(sum, e, z, NULL);
    mpfr_t nlo, nhi, dlo, dhi;
    mpfr_inits2(exact, nlo, nhi, dlo, dhi, (mpfr_ptr)0);
    const unsigned long bound = table->error;
    if (ok) {
        mpz_import(sum, k + 1, -1, sizeof(mp_limb_t), 0, 0, d);
        mpz_set_ui(e, bound);
        mpz_mul_ui(e, e, (unsigned long)count);
        mpz_sub(z, sum, e);
        ok = mpz_sgn(z) > 0;              // the row's largest weight is exactly 2^F
    }
    if (ok) {
        mpfr_set_z(dlo, z, MPFR_RNDD);
        mpz_add(z, sum, e);
        mpfr_set_z(dhi, z, MPFR_RNDU);
        for (size_t c = 0; c < width; c++) {
            if (!lo[c] || !hi[c]) continue;
            mpz_set_twos(sum, n + c * w, w, spare);
            mpz_set_int128(e, (__int128)columns->absSum[c]);   // < 2^95: fits
            mpz_mul_ui(e, e, bound);
            mpz_sub(z, sum, e);
            mpfr_set_z(nlo, z, MPFR_RNDD);
            mpz_add(z, sum, e);
            mpfr_set_z(nhi, z, MPFR_RNDU);
            enclose_quotient(lo[c], hi[c], nlo, nhi, dlo, dhi, columns->q[c]);
        }
    }
    mpfr_clears(nlo, nhi, dlo, dhi, (mpfr_ptr)0);
    mpz_clears(sum, e, z, NULL);
    free(u);
    free(used);
    free(d);
    return ok;
}
