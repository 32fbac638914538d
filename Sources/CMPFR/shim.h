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
// The fixed-point sums of intervals live in their own C target (Sources/CFixedPoint).

static inline void attn_widen_exponent_range(void) {
    mpfr_set_emin(mpfr_get_emin_min());
    mpfr_set_emax(mpfr_get_emax_max());
}

#endif
