#!/usr/bin/env python3
"""Independent reference values for the built-in lessons on random inputs.

This program re-implements, in plain Python from the formulas of the lessons
(lessons/*.md) and of the built-ins (SPEC section 3), the most important named
tensors of every built-in lesson. It does NOT call attn-repl to compute them.

Numbers are tracked element by element as either an exact
fractions.Fraction (while only rational operations have been applied) or an
mpmath mpf computed at mp.dps = 80 (after exp, tanh, sin, cos, sqrt of a
non-square, ...). A few operations keep exact results where the value is
trivially rational (exp(0) = 1, tanh(0) = 0, sin(0) = 0, cos(0) = 1,
0 * anything = 0, sqrt of a perfect square, a softmax over a single unmasked
element = 1, relu of a negative = 0).

Usage:
  lesson_random_reference.py            write Tests/AttnREPLTests/Fixtures/lesson-random.json
  lesson_random_reference.py --check    also run attn-repl on every case and compare
  lesson_random_reference.py --check-only   compare the existing JSON file with attn-repl
Options: --out FILE, --binary PATH, --seed N.

Fixture schema (same as lesson-vectors.json): a list of
  {"lesson": ID, "set": {input: formula-language literal},
   "expect": {name: {"shape": [...], "values": [40 significant digits, row-major],
                     "exact": ["p/q" or integer string, or null per element],
                     "exact_required": true when every element is rational}}}
"""

import argparse
import json
import math
import os
import random
import subprocess
import sys
import time
from fractions import Fraction

try:
    import mpmath
    from mpmath import mp, mpf
except ImportError:  # pragma: no cover
    sys.exit("mpmath is required: pip install mpmath")

mp.dps = 80
DIGITS = 40

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(ROOT, "Tests", "AttnREPLTests", "Fixtures", "lesson-random.json")
DEFAULT_BINARY = os.path.join(ROOT, ".build", "debug", "attn-repl")
DEFAULT_SEED = 20261126

# ---------------------------------------------------------------------------
# Scalars: Fraction (exact) or mpf (irrational, 80 digits)
# ---------------------------------------------------------------------------

ZERO = Fraction(0)
ONE = Fraction(1)


def is_exact(a):
    return isinstance(a, Fraction)


def to_mpf(a):
    if isinstance(a, Fraction):
        return mpf(a.numerator) / a.denominator
    return a


def add(a, b):
    if is_exact(a) and is_exact(b):
        return a + b
    if is_exact(a) and a == 0:
        return b
    if is_exact(b) and b == 0:
        return a
    return to_mpf(a) + to_mpf(b)


def neg(a):
    return -a


def sub(a, b):
    return add(a, neg(b))


def mul(a, b):
    if is_exact(a) and is_exact(b):
        return a * b
    if (is_exact(a) and a == 0) or (is_exact(b) and b == 0):
        return ZERO
    if is_exact(a) and a == 1:
        return b
    if is_exact(b) and b == 1:
        return a
    return to_mpf(a) * to_mpf(b)


def div(a, b):
    if is_exact(b) and b == 0:
        raise ZeroDivisionError("division by zero")
    if is_exact(a) and is_exact(b):
        return a / b
    if is_exact(a) and a == 0:
        return ZERO
    if is_exact(b) and b == 1:
        return a
    return to_mpf(a) / to_mpf(b)


def s_exp(a):
    if is_exact(a) and a == 0:
        return ONE
    return mpmath.exp(to_mpf(a))


def s_tanh(a):
    if is_exact(a) and a == 0:
        return ZERO
    return mpmath.tanh(to_mpf(a))


def s_sin(a):
    if is_exact(a) and a == 0:
        return ZERO
    return mpmath.sin(to_mpf(a))


def s_cos(a):
    if is_exact(a) and a == 0:
        return ONE
    return mpmath.cos(to_mpf(a))


def _isqrt_exact(n):
    if n < 0:
        return None
    r = math.isqrt(n)
    return r if r * r == n else None


def s_sqrt(a):
    if is_exact(a):
        if a < 0:
            raise ValueError("sqrt of a negative number")
        p = _isqrt_exact(a.numerator)
        q = _isqrt_exact(a.denominator)
        if p is not None and q is not None:
            return Fraction(p, q)
    return mpmath.sqrt(to_mpf(a))


def s_relu(a):
    if is_exact(a):
        return a if a > 0 else ZERO
    return a if a > 0 else ZERO


def s_abs(a):
    return abs(a)


# ---------------------------------------------------------------------------
# Vectors (Python lists, column vectors) and matrices (lists of rows)
# ---------------------------------------------------------------------------


def vsum(xs):
    acc = ZERO
    for x in xs:
        acc = add(acc, x)
    return acc


def dot(u, v):
    assert len(u) == len(v)
    return vsum(mul(a, b) for a, b in zip(u, v))


def matvec(A, x):
    return [dot(row, x) for row in A]


def matmul(A, B):
    assert len(A[0]) == len(B), (len(A[0]), len(B))
    Bt = transpose(B)
    return [[dot(row, col) for col in Bt] for row in A]


def transpose(A):
    return [list(r) for r in zip(*A)]


def vadd(u, v):
    assert len(u) == len(v)
    return [add(a, b) for a, b in zip(u, v)]


def vscale(c, u):
    return [mul(c, a) for a in u]


def madd(A, B):
    return [vadd(r, s) for r, s in zip(A, B)]


def msub(A, B):
    return [[sub(a, b) for a, b in zip(r, s)] for r, s in zip(A, B)]


def add_row(A, b):
    """A + b with a row b (list) broadcast over the rows of A."""
    return [vadd(r, b) for r in A]


def mmap(f, A):
    return [[f(a) for a in r] for r in A]


def vmap(f, u):
    return [f(a) for a in u]


def mdiv_scalar(A, c):
    return [[div(a, c) for a in r] for r in A]


def eye(n):
    return [[ONE if i == j else ZERO for j in range(n)] for i in range(n)]


def zeros(r, c):
    return [[ZERO] * c for _ in range(r)]


def causal(n):
    return [[ONE if j <= i else ZERO for j in range(n)] for i in range(n)]


def hcat(A, B):
    return [list(r) + list(s) for r, s in zip(A, B)]


def cols_slice(A, lo, hi):
    """Columns lo..hi, 1-based inclusive, like A[:, lo:hi]."""
    return [r[lo - 1:hi] for r in A]


# ---------------------------------------------------------------------------
# The built-ins, written from SPEC section 3
# ---------------------------------------------------------------------------


def softmax_vec(s, mask=None):
    """alpha_j = exp(s_j) / sum_k exp(s_k), masked entries exactly 0."""
    idx = [j for j in range(len(s)) if mask is None or mask[j] != 0]
    if len(idx) == 1:
        return [ONE if j == idx[0] else ZERO for j in range(len(s))]
    ex = {j: s_exp(s[j]) for j in idx}
    total = vsum(ex[j] for j in idx)
    return [div(ex[j], total) if j in ex else ZERO for j in range(len(s))]


def softmax_rows(S, M=None):
    return [softmax_vec(r, None if M is None else M[i]) for i, r in enumerate(S)]


def attention(Q, K, V, M=None):
    """softmax(Q K^T / sqrt(d_k)) V with d_k = cols(K); M a 0/1 mask."""
    d_k = Fraction(len(K[0]))
    S = matmul(Q, transpose(K))
    S_scaled = mdiv_scalar(S, s_sqrt(d_k))
    A = softmax_rows(S_scaled, M)
    return matmul(A, V)


def multihead(X, W_Q, W_K, W_V, W_O, h):
    Q, K, V = matmul(X, W_Q), matmul(X, W_K), matmul(X, W_V)
    d = len(W_Q[0])
    assert d % h == 0
    d_h = d // h
    heads = []
    for i in range(1, h + 1):
        lo, hi = (i - 1) * d_h + 1, i * d_h
        heads.append(attention(cols_slice(Q, lo, hi), cols_slice(K, lo, hi), cols_slice(V, lo, hi)))
    concat = heads[0]
    for hd in heads[1:]:
        concat = hcat(concat, hd)
    return matmul(concat, W_O)


def rnn_states(X, W_hh, W_xh, b_h, h0=None):
    """Rows h_1..h_T with h_t = tanh(W_hh h_{t-1} + W_xh x_t + b_h)."""
    h = h0 if h0 is not None else [ZERO] * len(W_hh)
    out = []
    for x in X:
        a = vadd(vadd(matvec(W_hh, h), matvec(W_xh, x)), b_h)
        h = vmap(s_tanh, a)
        out.append(h)
    return out


def additive(hvec, S, W_h, W_s, v):
    """e_j = v^T tanh(W_h h + W_s s_j) over the rows s_j of S."""
    return [dot(v, vmap(s_tanh, vadd(matvec(W_h, hvec), matvec(W_s, s)))) for s in S]


def posenc(n, d):
    """PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(...), pos = 0..n-1."""
    PE = []
    for pos in range(n):
        row = []
        for col in range(d):
            i2 = col - (col % 2)  # 2i
            if pos == 0:
                arg = ZERO
            else:
                if i2 == 0:
                    arg = Fraction(pos)
                elif (4 * i2) % d == 0:
                    # 10000^(2i/d) = 10^(4*2i/d), an integer power of ten
                    arg = Fraction(pos, 10 ** (4 * i2 // d))
                else:
                    arg = mpf(pos) / mpmath.power(10000, mpf(i2) / d)
            row.append(s_sin(arg) if col % 2 == 0 else s_cos(arg))
        PE.append(row)
    return PE


LN_EPS = Fraction(1, 100000)


def layernorm(X, eps=LN_EPS):
    """Row-wise (x - mean) / sqrt(population variance + eps)."""
    out = []
    for r in X:
        n = Fraction(len(r))
        m = div(vsum(r), n)
        cen = [sub(a, m) for a in r]
        var = div(vsum(mul(c, c) for c in cen), n)
        sd = s_sqrt(add(var, eps))
        out.append([div(c, sd) for c in cen])
    return out


def argmax(u):
    best = 0
    for j in range(1, len(u)):
        if u[j] > u[best]:
            best = j
    return Fraction(best + 1)


# ---------------------------------------------------------------------------
# Tensors with their attn-repl shapes
# ---------------------------------------------------------------------------


class T:
    """A tensor: shape [] (scalar), [n] (column vector) or [r, c]."""

    def __init__(self, shape, flat):
        self.shape = list(shape)
        self.flat = list(flat)


def Tscalar(a):
    return T([], [a])


def Tvec(v):
    return T([len(v)], v)


def Tmat(A):
    return T([len(A), len(A[0])], [a for r in A for a in r])


# ---------------------------------------------------------------------------
# The lessons, from their ```attn blocks
# ---------------------------------------------------------------------------


def lesson_rnn(I):
    X, W_hh, W_xh, b_h = I["X"], I["W_hh"], I["W_xh"], I["b_h"]
    W_hy, b_y, h_0 = I["W_hy"], I["b_y"], I["h_0"]
    h = {0: h_0}
    a = {}
    y = {}
    for t in range(1, len(X) + 1):
        a[t] = vadd(vadd(matvec(W_hh, h[t - 1]), matvec(W_xh, X[t - 1])), b_h)
        h[t] = vmap(s_tanh, a[t])
        y[t] = vadd(matvec(W_hy, h[t]), b_y)
    T_ = len(X)
    # H = rnn(X, ...), Y = H W_hy^T + b_y^T
    H = rnn_states(X, W_hh, W_xh, b_h, h_0)
    Y = add_row(matmul(H, transpose(W_hy)), b_y)
    # G = J_T ... J_1, J_t = diag(1 - h_t .* h_t) W_hh
    n = len(h_0)
    G = eye(n)
    for t in range(1, T_ + 1):
        J = [[mul(sub(ONE, mul(h[t][i], h[t][i])), W_hh[i][j]) for j in range(n)] for i in range(n)]
        G = matmul(J, G)
    return {
        "a_1": Tvec(a[1]),
        "h_1": Tvec(h[1]),
        "h_%d" % T_: Tvec(h[T_]),
        "y_%d" % T_: Tvec(y[T_]),
        "Y": Tmat(Y),
        "G": Tmat(G),
    }


def lesson_dot_attention(I):
    xs = [I["x_1"], I["x_2"], I["x_3"]]
    h_2 = I["h_2"]
    e = [dot(h_2, x) for x in xs]
    ex = [s_exp(v) for v in e]
    den = vsum(ex)
    alpha = [div(v, den) for v in ex]
    c_2 = [ZERO] * len(xs[0])
    for a_j, x_j in zip(alpha, xs):
        c_2 = vadd(c_2, vscale(a_j, x_j))
    X = [list(x) for x in xs]
    e_2 = matvec(X, h_2)
    alpha_2 = softmax_vec(e_2)
    context = matvec(transpose(X), alpha_2)
    return {
        "e_{2,1}": Tscalar(e[0]),
        "e_2": Tvec(e_2),
        "alpha_{2,1}": Tscalar(alpha[0]),
        "alpha_2": Tvec(alpha_2),
        "c_2": Tvec(c_2),
        "context": Tvec(context),
    }


def lesson_rnn_attention(I):
    X, W_hh, W_xh, b_h, W_c, b_c = I["X"], I["W_hh"], I["W_xh"], I["b_h"], I["W_c"], I["b_c"]
    S = rnn_states(X, W_hh, W_xh, b_h)
    h_1 = S[-1]
    e = [dot(h_1, s) for s in S]
    alpha_1 = softmax_vec(matvec(S, h_1))
    c_1 = matvec(transpose(S), alpha_1)
    c_raw = matvec(transpose(X), alpha_1)
    y_1 = vadd(matvec(W_c, c_1 + h_1), b_c)
    return {
        "S": Tmat(S),
        "e_{1,1}": Tscalar(e[0]),
        "alpha_1": Tvec(alpha_1),
        "c_1": Tvec(c_1),
        "c_raw": Tvec(c_raw),
        "y_1": Tvec(y_1),
    }


def lesson_concat_attention(I):
    xs = [I["x_1"], I["x_2"], I["x_3"]]
    h_2, W_h, W_s, v = I["h_2"], I["W_h"], I["W_s"], I["v"]
    Wh_h = matvec(W_h, h_2)
    a = [vadd(Wh_h, matvec(W_s, x)) for x in xs]
    e = [dot(v, vmap(s_tanh, a_j)) for a_j in a]
    e_2 = additive(h_2, xs, W_h, W_s, v)
    ex = [s_exp(t) for t in e]
    den = vsum(ex)
    alpha = [div(t, den) for t in ex]
    c_2 = [ZERO] * len(xs[0])
    for a_j, x_j in zip(alpha, xs):
        c_2 = vadd(c_2, vscale(a_j, x_j))
    return {
        "a_{2,1}": Tvec(a[0]),
        "e_{2,1}": Tscalar(e[0]),
        "e_2": Tvec(e_2),
        "alpha_{2,1}": Tscalar(alpha[0]),
        "alpha_{2,3}": Tscalar(alpha[2]),
        "c_2": Tvec(c_2),
    }


def lesson_attention_output(I):
    c_2, h_2, W_c, b_c = I["c_2"], I["h_2"], I["W_c"], I["b_c"]
    z_2 = list(c_2) + list(h_2)
    y_2 = vadd(matvec(W_c, z_2), b_c)
    n = len(c_2)
    W_cc = cols_slice(W_c, 1, n)
    W_ch = cols_slice(W_c, n + 1, len(W_c[0]))
    y_split = vadd(vadd(matvec(W_cc, c_2), matvec(W_ch, h_2)), b_c)
    htilde_2 = vmap(s_tanh, y_2)
    p_2 = softmax_vec(y_2)
    best = argmax(y_2)  # softmax keeps the order of y_2
    return {
        "z_2": Tvec(z_2),
        "y_2": Tvec(y_2),
        "y_split": Tvec(y_split),
        "htilde_2": Tvec(htilde_2),
        "p_2": Tvec(p_2),
        "best": Tscalar(best),
    }


def lesson_self_attention(I):
    X, W_Q, W_K, W_V = I["X"], I["W_Q"], I["W_K"], I["W_V"]
    Q, K, V = matmul(X, W_Q), matmul(X, W_K), matmul(X, W_V)
    S = matmul(Q, transpose(K))
    d_k = Fraction(len(K[0]))
    S_scaled = mdiv_scalar(S, s_sqrt(d_k))
    A = softmax_rows(S_scaled)
    A_wrong = transpose(softmax_rows(transpose(S_scaled)))
    Z = matmul(A, V)
    M = causal(len(X))
    # Z_causal = attention(Q, K, V, M), written out again by hand
    A_causal = []
    for i in range(len(X)):
        row = S_scaled[i][: i + 1]
        w = softmax_vec(row) + [ZERO] * (len(X) - i - 1)
        A_causal.append(w)
    Z_causal = matmul(A_causal, V)
    assert M is not None
    return {
        "S": Tmat(S),
        "S_scaled": Tmat(S_scaled),
        "A": Tmat(A),
        "A_wrong": Tmat(A_wrong),
        "Z": Tmat(Z),
        "Z_causal": Tmat(Z_causal),
    }


def lesson_multi_head(I):
    X, W_Q, W_K, W_V, W_O = I["X"], I["W_Q"], I["W_K"], I["W_V"], I["W_O"]
    h = int(I["h"])
    Q, K, V = matmul(X, W_Q), matmul(X, W_K), matmul(X, W_V)
    d_h = len(W_Q[0]) // h
    heads, As = {}, {}
    n = len(X)
    for i in range(1, h + 1):
        lo, hi = (i - 1) * d_h + 1, i * d_h
        Q_i, K_i, V_i = cols_slice(Q, lo, hi), cols_slice(K, lo, hi), cols_slice(V, lo, hi)
        # head_i written out: softmax(Q_i K_i^T / sqrt(d_h)) V_i
        S_i = mdiv_scalar(matmul(Q_i, transpose(K_i)), s_sqrt(Fraction(d_h)))
        As[i] = softmax_rows(S_i)
        heads[i] = matmul(As[i], V_i)
    Concat = heads[1]
    for i in range(2, h + 1):
        Concat = hcat(Concat, heads[i])
    Z = matmul(Concat, W_O)
    Z_sum = zeros(n, len(W_O[0]))
    for i in range(1, h + 1):
        Z_sum = madd(Z_sum, matmul(heads[i], W_O[(i - 1) * d_h: i * d_h]))
    Z_builtin = multihead(X, W_Q, W_K, W_V, W_O, h)
    out = {"head_1": Tmat(heads[1])}
    if h > 1:
        out["head_%d" % h] = Tmat(heads[h])
    out["A_1"] = Tmat(As[1])
    out["Z"] = Tmat(Z)
    out["Z_builtin"] = Tmat(Z_builtin)
    if h == 1:
        out["Z_sum"] = Tmat(Z_sum)
    else:
        out["Concat"] = Tmat(Concat)
    return out


def lesson_positional_encoding(I):
    X = I["X"]
    n, d = len(X), len(X[0])
    Z = attention(X, X, X)
    X_shift = X[1:] + X[:1]
    Z_shift = attention(X_shift, X_shift, X_shift)
    PE = posenc(n, d)
    X_pe = madd(X, PE)
    A_pe = attention(X_pe, X_pe, eye(n))
    Z_pe = attention(X_pe, X_pe, X_pe)
    return {
        "Z": Tmat(Z),
        "Z_shift": Tmat(Z_shift),
        "PE": Tmat(PE),
        "X_pe": Tmat(X_pe),
        "A_pe": Tmat(A_pe),
        "Z_pe": Tmat(Z_pe),
    }


def lesson_transformer(I):
    X = I["X"]
    n, d = len(X), len(X[0])
    X_pe = madd(X, posenc(n, d))
    Z = multihead(X_pe, I["W_Q"], I["W_K"], I["W_V"], I["W_O"], int(I["h"]))
    H = layernorm(madd(X_pe, Z))
    G = mmap(s_relu, add_row(matmul(H, I["W_1"]), I["b_1"][0]))
    F = add_row(matmul(G, I["W_2"]), I["b_2"][0])
    Y = layernorm(madd(H, F))
    y_mean = [[div(vsum(Y[i][j] for i in range(n)), Fraction(n))] for j in range(d)]
    return {
        "X_pe": Tmat(X_pe),
        "Z": Tmat(Z),
        "H": Tmat(H),
        "F": Tmat(F),
        "Y": Tmat(Y),
        "y_mean": Tmat(y_mean),
    }


def lesson_cross_attention(I):
    """The decoder's masked self-attention over Y, then cross-attention to X_enc."""
    X_enc, Y, W_Q, W_K, W_V = I["X_enc"], I["Y"], I["W_Q"], I["W_K"], I["W_V"]
    n = len(Y)
    M = causal(n)
    # A_self written out: softmax over j <= i of (Y W_Q)(Y W_K)^T / sqrt(d_k)
    S_self = mdiv_scalar(matmul(matmul(Y, W_Q), transpose(matmul(Y, W_K))), s_sqrt(Fraction(len(W_K[0]))))
    A_self = [softmax_vec(S_self[i][: i + 1]) + [ZERO] * (n - i - 1) for i in range(n)]
    H = matmul(A_self, matmul(Y, W_V))
    Q_c, K_c, V_c = matmul(H, W_Q), matmul(X_enc, W_K), matmul(X_enc, W_V)
    S_cross = mdiv_scalar(matmul(Q_c, transpose(K_c)), s_sqrt(Fraction(len(K_c[0]))))
    A_cross = softmax_rows(S_cross)
    Z = matmul(A_cross, V_c)
    # the last row of Y changed: rows before it of the masked layer must not move
    Y_alt = [list(r) for r in Y]
    Y_alt[-1] = [add(a, ONE) for a in Y_alt[-1]]
    H_diff = msub(attention(matmul(Y_alt, W_Q), matmul(Y_alt, W_K), matmul(Y_alt, W_V), M), H)
    return {
        "M": Tmat(M),
        "A_self": Tmat(A_self),
        "H_first": Tvec(H[0]),
        "H": Tmat(H),
        "H_diff": Tmat(H_diff),
        "Q_c": Tmat(Q_c),
        "K_c": Tmat(K_c),
        "V_c": Tmat(V_c),
        "s_c": Tscalar(S_cross[0][0]),
        "A_cross": Tmat(A_cross),
        "Z": Tmat(Z),
    }


# ---------------------------------------------------------------------------
# Random inputs: same shapes as the lesson defaults, short exact decimals
# ---------------------------------------------------------------------------

POOL = ["-2", "-1.5", "-1", "-0.75", "-0.5", "-0.25", "0", "0.25", "0.5",
        "0.75", "1", "1.5", "2", "0.1", "-0.3", "1.25", "0.2", "-1.2"]


class Gen:
    def __init__(self, rng):
        self.rng = rng

    def num(self):
        return self.rng.choice(POOL)

    def vec(self, n):
        return ("V", [self.num() for _ in range(n)])

    def mat(self, r, c):
        return ("M", [[self.num() for _ in range(c)] for _ in range(r)])


def literal(kind_vals):
    kind, vals = kind_vals
    if kind == "V":
        return "[" + ", ".join(vals) + "]"
    if kind == "M":
        return "[" + "; ".join(" ".join(r) for r in vals) + "]"
    return str(vals)


def value_of(kind_vals):
    kind, vals = kind_vals
    if kind == "V":
        return [Fraction(v) for v in vals]
    if kind == "M":
        return [[Fraction(v) for v in r] for r in vals]
    return Fraction(vals)


# shapes of the lessons' default inputs (checked against `attn-repl run ID --format json`)
SHAPES = {
    "rnn": [("X", "M", 3, 2), ("W_hh", "M", 2, 2), ("W_xh", "M", 2, 2), ("b_h", "V", 2),
            ("W_hy", "M", 2, 2), ("b_y", "V", 2), ("h_0", "V", 2)],
    "dot-attention": [("x_1", "V", 3), ("x_2", "V", 3), ("x_3", "V", 3), ("h_2", "V", 3)],
    "rnn-attention": [("X", "M", 3, 3), ("W_hh", "M", 2, 2), ("W_xh", "M", 2, 3), ("b_h", "V", 2),
                      ("W_c", "M", 2, 4), ("b_c", "V", 2)],
    "concat-attention": [("x_1", "V", 3), ("x_2", "V", 3), ("x_3", "V", 3), ("h_2", "V", 3),
                         ("W_h", "M", 2, 3), ("W_s", "M", 2, 3), ("v", "V", 2)],
    "attention-output": [("c_2", "V", 3), ("h_2", "V", 3), ("W_c", "M", 3, 6), ("b_c", "V", 3)],
    "self-attention": [("X", "M", 3, 4), ("W_Q", "M", 4, 4), ("W_K", "M", 4, 4), ("W_V", "M", 4, 4)],
    "multi-head": [("X", "M", 3, 4), ("W_Q", "M", 4, 4), ("W_K", "M", 4, 4), ("W_V", "M", 4, 4),
                   ("W_O", "M", 4, 4), ("h", "S")],
    "positional-encoding": [("X", "M", 3, 4)],
    "transformer": [("X", "M", 3, 4), ("W_Q", "M", 4, 4), ("W_K", "M", 4, 4), ("W_V", "M", 4, 4),
                    ("W_O", "M", 4, 4), ("h", "S"), ("W_1", "M", 4, 4), ("b_1", "M", 1, 4),
                    ("W_2", "M", 4, 4), ("b_2", "M", 1, 4)],
    "cross-attention": [("X_enc", "M", 4, 4), ("Y", "M", 3, 4), ("W_Q", "M", 4, 4), ("W_K", "M", 4, 4),
                        ("W_V", "M", 4, 4)],
}

LESSONS = [
    ("rnn", lesson_rnn),
    ("dot-attention", lesson_dot_attention),
    ("rnn-attention", lesson_rnn_attention),
    ("concat-attention", lesson_concat_attention),
    ("attention-output", lesson_attention_output),
    ("self-attention", lesson_self_attention),
    ("multi-head", lesson_multi_head),
    ("positional-encoding", lesson_positional_encoding),
    ("transformer", lesson_transformer),
    # appended last, so that the seeded inputs of the lessons above stay what they were
    ("cross-attention", lesson_cross_attention),
]

# the head count h (an integer input) must divide the width 4; one case each
HEAD_COUNTS = {"multi-head": ["2", "4", "1"], "transformer": ["2", "1", "4"]}
CASES_PER_LESSON = 3


def random_inputs(lesson, case, gen):
    raw = {}
    for spec in SHAPES[lesson]:
        name, kind = spec[0], spec[1]
        if kind == "S":
            raw[name] = ("S", HEAD_COUNTS[lesson][case])
        elif kind == "V":
            raw[name] = gen.vec(spec[2])
        else:
            raw[name] = gen.mat(spec[2], spec[3])
    return raw


def acceptable(lesson, values):
    """Reject inputs where a named result would be ill-posed (an argmax tie)."""
    if lesson == "attention-output":
        y = values["y_2"].flat
        top = max(y)
        if sum(1 for v in y if v == top) > 1:
            return False
    return True


# ---------------------------------------------------------------------------
# Number formatting
# ---------------------------------------------------------------------------


def to_fraction(a):
    """The exact rational value of a Fraction or of an mpf."""
    if isinstance(a, Fraction):
        return a
    sign, man, exp, _bc = a._mpf_
    if man == 0:
        return ZERO
    v = Fraction(man) * (Fraction(2) ** exp)
    return -v if sign else v


def decimal_exponent(q):
    """e with 10^e <= |q| < 10^(e+1), q != 0."""
    q = abs(q)
    e = len(str(q.numerator)) - len(str(q.denominator))
    while Fraction(10) ** e > q:
        e -= 1
    while Fraction(10) ** (e + 1) <= q:
        e += 1
    return e


def round_sig(q, n):
    """(integer mantissa m with n digits, exponent e): q ~= m * 10^(e - n + 1); half even."""
    e = decimal_exponent(q)
    scaled = abs(q) * Fraction(10) ** (n - 1 - e)
    m = round(scaled)  # Fraction.__round__ rounds half to even
    if m == 10 ** n:
        m //= 10
        e += 1
    return (-m if q < 0 else m), e


def format_value(a, n=DIGITS):
    """n significant digits, trailing zeros dropped, %g-like layout (as attn-repl prints)."""
    q = to_fraction(a)
    if q == 0:
        return "0"
    m, e = round_sig(q, n)
    sign = "-" if m < 0 else ""
    digits = str(abs(m)).rstrip("0") or "0"
    if -4 <= e < n:
        if e >= 0:
            if len(digits) <= e + 1:
                body = digits + "0" * (e + 1 - len(digits))
            else:
                body = digits[: e + 1] + "." + digits[e + 1:]
        else:
            body = "0." + "0" * (-e - 1) + digits
        return sign + body
    mant = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    return "%s%se%s%02d" % (sign, mant, "-" if e < 0 else "+", abs(e))


def format_exact(a):
    if not is_exact(a):
        return None
    if a.denominator == 1:
        return str(a.numerator)
    return "%d/%d" % (a.numerator, a.denominator)


def tensor_json(t):
    exact = [format_exact(a) for a in t.flat]
    return {
        "shape": t.shape,
        "values": [format_value(a) for a in t.flat],
        "exact": exact,
        "exact_required": all(x is not None for x in exact),
    }


# ---------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------


def generate(seed):
    rng = random.Random(seed)
    gen = Gen(rng)
    cases = []
    for lesson, fn in LESSONS:
        for case in range(CASES_PER_LESSON):
            for _attempt in range(100):
                raw = random_inputs(lesson, case, gen)
                inputs = {k: value_of(v) for k, v in raw.items()}
                try:
                    values = fn(inputs)
                except ZeroDivisionError:
                    continue
                if acceptable(lesson, values):
                    break
            else:
                raise RuntimeError("no acceptable inputs for %s" % lesson)
            cases.append({
                "lesson": lesson,
                "set": {k: literal(v) for k, v in raw.items()},
                "expect": {name: tensor_json(t) for name, t in values.items()},
            })
    return cases


# ---------------------------------------------------------------------------
# --check: compare with attn-repl
# ---------------------------------------------------------------------------


def parse_number(s):
    return Fraction(s)


def ulp_at(q, n=DIGITS):
    """One unit in the n-th significant digit of q."""
    if q == 0:
        return Fraction(0)
    e = decimal_exponent(q)
    return Fraction(10) ** (e - n + 1)


def run_binary(binary, case):
    cmd = [binary, "run", case["lesson"], "--format", "json", "--digits", str(DIGITS)]
    for k, v in case["set"].items():
        cmd += ["--set", "%s=%s" % (k, v)]
    for attempt in range(30):
        try:
            p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
            break
        except OSError as err:  # e.g. "Text file busy" while the binary is being rebuilt
            if attempt == 29:
                return None, "cannot run %s: %s" % (binary, err)
            time.sleep(10)
    if p.returncode != 0:
        return None, "exit %d: %s" % (p.returncode, p.stderr.strip())
    doc = json.loads(p.stdout)
    last = {}
    for step in doc["steps"]:
        for t in step["tensors"]:
            last[t["name"]] = t
    return last, None


def compare_case(case, got):
    """List of mismatch descriptions between the fixture case and attn-repl's tensors."""
    problems = []
    for name, exp in case["expect"].items():
        t = got.get(name)
        if t is None:
            problems.append("%s: missing in attn-repl output" % name)
            continue
        if list(t["shape"]) != list(exp["shape"]):
            problems.append("%s: shape %s expected, attn-repl %s" % (name, exp["shape"], t["shape"]))
            continue
        for i, (ev, gv) in enumerate(zip(exp["values"], t["values"])):
            e_q = parse_number(ev)
            g_q = parse_number(gv)
            # the fixture value is rounded to 40 digits; allow one unit in the
            # last digit between the two printed numbers, plus half a unit for
            # the fixture's own rounding
            tol = ulp_at(e_q if e_q != 0 else g_q) * Fraction(3, 2)
            if abs(e_q - g_q) > tol:
                problems.append("%s[%d]: expected %s, attn-repl %s" % (name, i, ev, gv))
        ex_list = exp["exact"]
        for i, ex in enumerate(ex_list):
            if ex is None:
                continue
            gx = t["exact"][i] if i < len(t["exact"]) else None
            if gx is None or gx.replace(" ", "") != ex:
                # attn-repl may print an unreduced-looking but equal form; compare as fractions
                ok = False
                try:
                    ok = gx is not None and Fraction(gx) == Fraction(ex)
                except (ValueError, ZeroDivisionError):
                    ok = False
                if not ok:
                    problems.append("%s[%d]: exact %s expected, attn-repl %s" % (name, i, ex, gx))
    return problems


def check(cases, binary):
    failures = 0
    for n, case in enumerate(cases):
        got, err = run_binary(binary, case)
        label = "%s case %d" % (case["lesson"], n)
        if err:
            print("FAIL %s: %s" % (label, err))
            failures += 1
            continue
        problems = compare_case(case, got)
        if problems:
            failures += 1
            print("FAIL %s  --set %s" % (label, " ".join("'%s=%s'" % kv for kv in case["set"].items())))
            for p in problems:
                print("    " + p)
        else:
            print("ok   %s (%s)" % (label, ", ".join(case["expect"])))
    print("%d of %d cases agree" % (len(cases) - failures, len(cases)))
    return failures == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--binary", default=DEFAULT_BINARY)
    ap.add_argument("--check", action="store_true", help="generate, write, then compare with attn-repl")
    ap.add_argument("--check-only", action="store_true", help="compare the existing --out file with attn-repl")
    args = ap.parse_args()

    if args.check_only:
        with open(args.out) as f:
            cases = json.load(f)
    else:
        cases = generate(args.seed)
        with open(args.out, "w") as f:
            json.dump(cases, f, indent=1, ensure_ascii=False)
            f.write("\n")
        counts = {}
        for c in cases:
            counts[c["lesson"]] = counts.get(c["lesson"], 0) + 1
        print("wrote %d cases to %s (%s)" % (len(cases), args.out,
                                             ", ".join("%s %d" % kv for kv in counts.items())))
    if args.check or args.check_only:
        if not os.path.exists(args.binary):
            sys.exit("attn-repl binary not found at %s" % args.binary)
        sys.exit(0 if check(cases, args.binary) else 1)


if __name__ == "__main__":
    main()
