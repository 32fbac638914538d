// The first code cell of a notebook export: the formula language's shapes and every built-in
// in plain NumPy, float64. A scalar is a 0-d value, a vector a 1-d array (a column in
// products), a matrix a 2-d array, as in attn-repl. Helpers the translated statements use
// start with `_`, so no formula-language name can hide them.
enum NotebookPrelude {
    static let source = #"""
# attn-repl's formula language in NumPy (float64). A vector is a 1-d array and counts as a
# column in products; positions are 1-based in attn-repl and 0-based here.
import numpy as np

def _a(x):
    return np.asarray(x, dtype=np.float64)

def _mm(a, b):
    """A product as attn-repl reads it: a scalar scales; otherwise a matrix product in which
    a vector is a column, so row × column is a scalar and matrix × vector a vector."""
    a, b = _a(a), _a(b)
    if a.ndim == 0 or b.ndim == 0:
        return a * b
    r = (a.reshape(-1, 1) if a.ndim == 1 else a) @ (b.reshape(-1, 1) if b.ndim == 1 else b)
    if b.ndim == 1:
        return r[0, 0] if a.ndim == 2 and a.shape[0] == 1 else r[:, 0]
    return r

def _T(a):
    """Transpose: a vector becomes a 1×n row, a 1×n row a vector."""
    a = _a(a)
    if a.ndim == 0:
        return a
    if a.ndim == 1:
        return a.reshape(1, -1)
    return a.reshape(-1) if a.shape[0] == 1 else a.T

def _i(k):
    """A 1-based position as a 0-based index."""
    return int(round(float(k))) - 1

def _seq(t):
    """A sequence as a matrix whose rows are its vectors (an n-vector is n rows of one number)."""
    t = _a(t)
    return t.reshape(-1, 1) if t.ndim == 1 else (t.reshape(1, 1) if t.ndim == 0 else t)

def hcat(*parts):
    parts = [_a(p) for p in parts]
    if len(parts) == 1:
        return parts[0]
    return np.hstack([p.reshape(1, 1) if p.ndim == 0 else (p.reshape(-1, 1) if p.ndim == 1 else p) for p in parts])

def vcat(*parts):
    parts = [_a(p) for p in parts]
    if len(parts) == 1:
        return parts[0]
    if all(p.ndim <= 1 for p in parts):
        return np.concatenate([p.reshape(-1) for p in parts])
    return np.vstack([p.reshape(-1, 1) if p.ndim == 1 else (p.reshape(1, 1) if p.ndim == 0 else p) for p in parts])

def _list(*items):
    """[a, b, c]: scalars make a vector; vectors (or rows) make the rows of a matrix."""
    items = [_a(x) for x in items]
    if all(x.ndim == 0 for x in items):
        return np.array(items, dtype=np.float64)
    return np.vstack([x.reshape(1, -1) for x in items])

def _rows(*rows):
    """[a b; c d]: items side by side, rows stacked."""
    v = vcat(*[hcat(*row) for row in rows])
    return v.reshape(1) if v.ndim == 0 else v

exp, log, sqrt, tanh, sin, cos = np.exp, np.log, np.sqrt, np.tanh, np.sin, np.cos

def sigmoid(x):
    return 1 / (1 + np.exp(-_a(x)))

def relu(x):
    return np.maximum(_a(x), 0)

def abs(x):
    return np.abs(_a(x))

def sum(a):
    return np.sum(_a(a))

def mean(a):
    return np.mean(_a(a))

def max(a, b=None):
    return np.max(_a(a)) if b is None else np.maximum(_a(a), _a(b))

def min(a, b=None):
    return np.min(_a(a)) if b is None else np.minimum(_a(a), _a(b))

def argmax(x):
    x = _a(x)
    return np.argmax(x, axis=1).astype(np.float64) + 1 if x.ndim == 2 else np.float64(np.argmax(x) + 1)

def norm(x):
    return np.sqrt(np.sum(_a(x) ** 2))

def dot(a, b):
    return np.sum(_a(a).reshape(-1) * _a(b).reshape(-1))

def transpose(a):
    return _T(a)

def rows(a):
    a = _a(a)
    return np.float64(1 if a.ndim == 0 else a.shape[0])

def cols(a):
    a = _a(a)
    return np.float64(a.shape[1] if a.ndim == 2 else 1)

def shape(a):
    return np.array(_a(a).shape, dtype=np.float64)

def zeros(m, n=None):
    return np.zeros(int(m)) if n is None else np.zeros((int(m), int(n)))

def ones(m, n=None):
    return np.ones(int(m)) if n is None else np.ones((int(m), int(n)))

def eye(n):
    return np.eye(int(n))

def causal(n):
    """Lower-triangular 0/1 mask: position i may attend to j ≤ i."""
    return np.tril(np.ones((int(n), int(n))))

def headwidth(W, h):
    """The width of one head when W's columns are split into h heads."""
    cols, h = np.shape(W)[1], int(h)
    if h < 1 or cols % h != 0:
        raise ValueError(f"{cols} columns cannot be split into {h} heads")
    return cols // h

def _rand(m, n, seed):
    """attn-repl's rand (SplitMix64), for a call whose sizes are not known until run time."""
    state, out, mask = int(seed) & (2**64 - 1), [], 2**64 - 1
    for _ in range(int(m) * int(n)):
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        out.append(((z ^ (z >> 31)) % 201 - 100) / 100)
    return np.array(out).reshape(int(m), int(n))

def softmax(x, mask=None):
    """exp(x_j) / Σ_k exp(x_k), row by row on a matrix; masked entries get weight 0."""
    x = _a(x)
    z = x.reshape(1, -1) if x.ndim < 2 else x
    if mask is not None:
        z = np.where(mask.reshape(z.shape), z, -np.inf)
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return (e / np.sum(e, axis=1, keepdims=True)).reshape(x.shape)

def attention(Q, K, V, M=None):
    """softmax(Q Kᵀ / √d_k) V with d_k = cols(K); M is a 0/1 mask (1 = may attend)."""
    K, V, Q = _seq(K), _seq(V), _a(Q)
    single = Q.ndim == 1 and K.shape[1] > 1          # one query vector
    q = Q.reshape(1, -1) if single else _seq(Q)
    scores = q @ K.T / np.sqrt(K.shape[1])
    weights = softmax(scores, None if M is None else _a(M) == 1)
    out = weights @ V
    return _T(out) if single else out

def multihead(X, W_Q, W_K, W_V, W_O, h, M=None):
    """h heads of attention over column blocks of X W_Q, X W_K, X W_V, joined and projected by W_O."""
    X, h = _seq(X), int(h)
    q, k, v = _seq(_mm(X, W_Q)), _seq(_mm(X, W_K)), _seq(_mm(X, W_V))
    dq, dv = q.shape[1] // h, v.shape[1] // h
    heads = [attention(q[:, i*dq:(i+1)*dq], k[:, i*dq:(i+1)*dq], v[:, i*dv:(i+1)*dv], M) for i in range(h)]
    return _mm(hcat(*heads), W_O)

def _column(t):
    return _a(t).reshape(-1)

def rnn(X, W_hh, W_xh, b_h, h_0=None):
    """h_t = tanh(W_hh h_{t-1} + W_xh x_t + b_h) over the rows x_t of X; the rows of the result are h_1..h_T."""
    W_hh, W_xh, b = _a(W_hh), _a(W_xh), _column(b_h)
    h = np.zeros(b.shape[0]) if h_0 is None else _column(h_0)
    states = []
    for x in _a(X):
        h = np.tanh(W_hh @ h + W_xh @ x + b)
        states.append(h)
    return np.vstack(states)

def additive(h, S, W_h, W_s, v):
    """The scores e_j = vᵀ tanh(W_h h + W_s s_j) over the rows s_j of S."""
    h, v, W_h, W_s = _column(h), _column(v), _a(W_h), _a(W_s)
    return np.array([v @ np.tanh(W_h @ h + W_s @ s) for s in _a(S)])

def posenc(n, d):
    """PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(…), pos = 0..n-1."""
    n, d = int(n), int(d)
    pos = np.arange(n).reshape(-1, 1)
    j = np.arange(d).reshape(1, -1)
    angle = pos / np.power(10000.0, 2 * (j // 2) / d)
    return np.where(j % 2 == 0, np.sin(angle), np.cos(angle))

def layernorm(X, eps=1e-5):
    """Each row minus its mean, divided by √(variance + eps); population variance."""
    X = _a(X)
    Z = X.reshape(1, -1) if X.ndim < 2 else X
    centred = Z - Z.mean(axis=1, keepdims=True)
    out = centred / np.sqrt((centred ** 2).mean(axis=1, keepdims=True) + eps)
    return out.reshape(X.shape)
"""#
}
