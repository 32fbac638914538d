// Exact fixed-point sums of MPFR intervals: Σ n[i]·[lo[i], hi[i]] added as GMP integers on
// one binary scale, each end rounded outward onto it. Reached from Swift only through
// Sources/Engine/Numbers/MPFR.swift. The algorithm lives in fixed_point.c; it sizes its own
// scratch space and checks every write against that space's capacity.
#ifndef ATTN_FIXED_POINT_H
#define ATTN_FIXED_POINT_H

#include <stddef.h>
#include <gmp.h>
#include <mpfr.h>

// [*rlo, *rhi] ⊇ Σ n[i]·[lo[i], hi[i]] (n[i] > LONG_MIN). The terms are added exactly as
// fixed-size integers on one binary scale, `extra` bits below the largest end's leading bit;
// the totals are rounded outward once, to the precision of rlo/rhi. Returns 0, leaving rlo
// and rhi alone, if an end is NaN or infinite, a term does not fit the scratch space, or
// memory runs out: the caller then adds the terms another way.
int attn_fixed_point_sum(mpfr_ptr rlo, mpfr_ptr rhi, mpfr_srcptr const *lo, mpfr_srcptr const *hi,
                         const long *n, size_t count, long extra);

// A row of intervals prepared once for many sums Σ n[i]·[lo[i], hi[i]] at precision `prec`
// (the entries of one row of a matrix product): each end is rounded onto the row's scale
// once instead of once per sum, with the same results as attn_fixed_point_sum. NULL where
// attn_fixed_point_sum would return 0 for some n, or memory runs out.
typedef struct attn_fixed_row attn_fixed_row;
attn_fixed_row *attn_fixed_row_prepare(mpfr_srcptr const *lo, mpfr_srcptr const *hi, size_t count,
                                       mpfr_prec_t prec, long extra);
// Like attn_fixed_point_sum over the prepared row with multipliers n[0..count) (none LONG_MIN);
// rlo and rhi must have the row's precision. Returns 0 (nothing written) otherwise.
int attn_fixed_row_sum(const attn_fixed_row *row, mpfr_ptr rlo, mpfr_ptr rhi, const long *n);
void attn_fixed_row_free(attn_fixed_row *row);

#endif
