// OpenBLAS (the float path's matrix product). Swift reaches it only through
// Sources/Engine/Tensor/BLAS.swift.
#ifndef ATTN_CBLAS_SHIM_H
#define ATTN_CBLAS_SHIM_H

#include <cblas.h>

#endif
