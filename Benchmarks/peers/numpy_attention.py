"""softmax(X X^T / sqrt(d)) X in NumPy float64: the peer of `attn-repl eval --float`.

Loads X from a .npy file and prints the result as NumPy does (elided, like attn-repl's view).
Run with OPENBLAS_NUM_THREADS=1 for a single-threaded BLAS.
"""
import sys

import numpy as np

x = np.load(sys.argv[1])
scores = x @ x.T / np.sqrt(x.shape[1])
weights = np.exp(scores - scores.max(axis=1, keepdims=True))
weights /= weights.sum(axis=1, keepdims=True)
print(weights @ x)
