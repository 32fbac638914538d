// Rows of softmax(scores) times a matrix of rationals, in fixed point (see softmax_product.c):
// the output entries (Σⱼ aⱼ·exp(sⱼ)) / (q · Σⱼ exp(sⱼ)) of exact attention without an interval
// per weight. Reached from Swift only through Sources/Engine/Numbers/SoftmaxProduct.swift.
#ifndef ATTN_SOFTMAX_PRODUCT_H
#define ATTN_SOFTMAX_PRODUCT_H

#include <stddef.h>
#include <gmp.h>
#include <mpfr.h>

// e^(−t/den) for integers 0 ≤ t ≤ tmax as fixed-point integers of `limbs` limbs with
// 64·limbs − 1 fraction bits, each within attn_exp_table_error units of the last place.
// NULL when den is 0, tmax is beyond 2^32 after the cut-off (values below 2^−F are 0),
// `limbs` is outside 1…64, or memory runs out.
typedef struct attn_exp_table attn_exp_table;
attn_exp_table *attn_exp_table_make(unsigned long den, unsigned long tmax, size_t limbs);
unsigned long attn_exp_table_error(const attn_exp_table *table);
void attn_exp_table_free(attn_exp_table *table);

// The columns of the right-hand matrix as integers a[j·columns + c] over positive
// denominators q[c], for rows of `count` weights. The integers are copied.
typedef struct attn_softmax_columns attn_softmax_columns;
attn_softmax_columns *attn_softmax_columns_make(const long *a, size_t count, size_t columns,
                                                const unsigned long *q);
void attn_softmax_columns_free(attn_softmax_columns *columns);

// One softmax row with weights e^(−t[j]/den) (t[j] ≤ the table's tmax; the row's largest score
// has t = 0) times every column: [lo[c], hi[c]] ⊇ (Σⱼ a[j·columns + c]·e^(−t[j]/den)) /
// (q[c] · Σⱼ e^(−t[j]/den)), rounded outward to the precision of lo[c] and hi[c]. Columns whose
// lo[c] is NULL are skipped. Returns 0 (nothing written) when t is out of the table's range,
// the row is empty or longer than the columns, or memory runs out.
int attn_softmax_row_product(const attn_exp_table *table, const unsigned long *t, size_t count,
                             const attn_softmax_columns *columns, mpfr_ptr const *lo, mpfr_ptr const *hi);

#endif
