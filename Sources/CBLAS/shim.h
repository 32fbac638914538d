// OpenBLAS (the float path's matrix product). Swift reaches it only through
// Sources/Engine/Tensor/BLAS.swift, which loads libopenblas.so.0 on the first float product:
// it is not linked, so start-up never pays for loading it (nor for its threads).
#ifndef ATTN_CBLAS_SHIM_H
#define ATTN_CBLAS_SHIM_H

#include <cblas.h>

/// The type of cblas_dgemm, exactly as cblas.h declares it, for the pointer dlsym returns.
typedef __typeof__(cblas_dgemm) *attn_cblas_dgemm;

#endif
