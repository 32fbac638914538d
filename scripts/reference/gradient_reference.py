#!/usr/bin/env python3
"""Independent reference values for grad and jacobian: central finite differences at high precision.

Every case is a program that sets small random rational inputs, an expression in the formula
language, the name it is differentiated with respect to, and the same expression written here in
plain Python over mpmath numbers (it does NOT call attn-repl, nor use any derivative rule).
Each entry of the gradient is the central difference (f(x + h) - f(x - h)) / (2h) with
h = 10^-45, computed with 150 significant digits, so it agrees with the true derivative to about
90 digits (the error is of order h^2 and 10^-150 / h); 40 are stored. Where the derivative is a
rational number the case says so, and the fraction (found with limit_denominator and confirmed
to 70 digits) is stored too.

If PyTorch is installed, the cases whose forward is also written for torch below (products,
elementwise functions, softmax, attention with and without a mask, multihead, rnn, layernorm)
are checked against torch.autograd in float64, to 1e-10 relative: the finite differences and
autograd must agree before anything is written. Without PyTorch that part is skipped.

Usage:
  gradient_reference.py            write Tests/EngineTests/Fixtures/gradients/gradients.json and
                                   Tests/AttnREPLTests/Fixtures/training-reference.json (the
                                   training lesson's tensors, default and random inputs)
  gradient_reference.py --check    also run attn-repl on every case and compare 30 digits
Fixture schema (as Fixtures/vectors/*.json): a list of
  {"category", "program", "shape", "values" (40 significant digits, row-major),
   "exact" ("p/q" or null per element), "exact_required"}
"""

import argparse
import json
import os
import random
import subprocess
import sys
from fractions import Fraction

from mpmath import mp, mpf
import mpmath

mp.dps = 150
H = mpf(10) ** -45
DIGITS = 40

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(ROOT, "Tests", "EngineTests", "Fixtures", "gradients", "gradients.json")

# ---------------------------------------------------------------------------
# Tensors: lists of rows (a vector is a column, n x 1). Only what the cases need.
# ---------------------------------------------------------------------------

def shape(A): return (len(A), len(A[0]))
def col(v): return [[x] for x in v]
def flat(A): return [x for row in A for x in row]
def T(A): return [list(r) for r in zip(*A)]
def mm(A, B): return [[mp.fsum(A[i][k] * B[k][j] for k in range(len(B))) for j in range(len(B[0]))] for i in range(len(A))]
def ew(f, A, B=None):
    if B is None: return [[f(x) for x in r] for r in A]
    return [[f(x, y) for x, y in zip(ra, rb)] for ra, rb in zip(A, B)]
def add(A, B): return ew(lambda x, y: x + y, A, B)
def sub(A, B): return ew(lambda x, y: x - y, A, B)
def mul(A, B): return ew(lambda x, y: x * y, A, B)
def scale(c, A): return ew(lambda x: c * x, A)
def total(A): return mp.fsum(flat(A))
def sigmoid(x): return 1 / (1 + mp.exp(-x))

def softmax_rows(S, M=None):
    out = []
    for i, r in enumerate(S):
        e = [mp.exp(x) if (M is None or M[i][j] == 1) else mpf(0) for j, x in enumerate(r)]
        s = mp.fsum(e)
        out.append([x / s for x in e])
    return out

def attention(Q, K, V, M=None):
    dk = len(K[0])
    S = scale(1 / mp.sqrt(dk), mm(Q, T(K)))
    return mm(softmax_rows(S, M), V)

def cols(A, lo, hi): return [r[lo:hi] for r in A]

def multihead(X, WQ, WK, WV, WO, h, M=None):
    Q, K, V = mm(X, WQ), mm(X, WK), mm(X, WV)
    dq, dv = len(Q[0]) // h, len(V[0]) // h
    heads = [attention(cols(Q, i * dq, (i + 1) * dq), cols(K, i * dq, (i + 1) * dq), cols(V, i * dv, (i + 1) * dv), M) for i in range(h)]
    joined = [sum((hd[r] for hd in heads), []) for r in range(len(X))]
    return mm(joined, WO)

def rnn(X, Whh, Wxh, b, h0=None):
    h = h0 if h0 is not None else [[mpf(0)] for _ in range(len(b))]
    states = []
    for x in X:
        pre = add(add(mm(Whh, h), mm(Wxh, col(x))), b)
        h = ew(mp.tanh, pre)
        states.append(flat(h))
    return states

def additive(h, S, Wh, Ws, v):
    p = mm(Wh, h)
    return [[total(mul(v, ew(mp.tanh, add(p, mm(Ws, col(s))))))] for s in S]

def layernorm(X, eps=Fraction(1, 100000)):
    out = []
    for r in X:
        n = len(r)
        mu = mp.fsum(r) / n
        c = [x - mu for x in r]
        var = mp.fsum(x * x for x in c) / n
        s = mp.sqrt(var + mpf(eps.numerator) / eps.denominator)
        out.append([x / s for x in c])
    return out

def posenc(n, d):
    return [[mp.sin(p / mpf(10000) ** (mpf(2 * (j // 2)) / d)) if j % 2 == 0 else mp.cos(p / mpf(10000) ** (mpf(2 * (j // 2)) / d))
             for j in range(d)] for p in range(n)]

def causal(n): return [[1 if j <= i else 0 for j in range(n)] for i in range(n)]

# ---------------------------------------------------------------------------
# Random inputs: short exact decimals, written into the program and used here as mpf
# ---------------------------------------------------------------------------

class Gen:
    def __init__(self, seed): self.r = random.Random(seed)
    def num(self, nonzero=False):
        while True:
            q = Fraction(self.r.randint(-20, 20), 10)
            if not nonzero or q != 0: return q
    def mat(self, r, c, **kw): return [[self.num(**kw) for _ in range(c)] for _ in range(r)]
    def vec(self, n, **kw): return [[self.num(**kw)] for _ in range(n)]

def lit(q): return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"
def mat_lit(A): return "[" + "; ".join(" ".join(f"({lit(x)})" for x in r) for r in A) + "]"
def vec_lit(v): return "[" + ", ".join(lit(r[0]) for r in v) + "]"
def to_mp(A): return [[mpf(x.numerator) / x.denominator for x in r] for r in A]

# ---------------------------------------------------------------------------
# Cases: (category, inputs {name: (kind, value)}, expression, target, forward, rational?)
# forward(env) takes the inputs as lists of mpf rows and returns a scalar (grad) or a list (jacobian)
# ---------------------------------------------------------------------------

def cases(seed):
    g = Gen(seed)
    out = []
    def case(cat, inputs, expr, target, forward, rational=False, kind="grad"):
        out.append(dict(category=cat, inputs=inputs, expr=expr, target=target, forward=forward, rational=rational, kind=kind))
    for rep in range(2):
        W, x, y, A = g.mat(2, 3), g.vec(3), g.vec(3), g.mat(3, 3)
        base = {"W": ("m", W), "x": ("v", x), "y": ("v", y), "A": ("m", A)}
        case("product", base, "sum((W x).^2)", "W", lambda e: total(ew(lambda t: t ** 2, mm(e["W"], e["x"]))), True)
        case("linear", base, "sum(W x) + 3 x^T y", "x", lambda e: total(mm(e["W"], e["x"])) + 3 * total(mul(e["x"], e["y"])), True)
        case("quadratic", base, "x^T A x", "x", lambda e: mm(T(e["x"]), mm(e["A"], e["x"]))[0][0], True)
        case("transpose", base, "sum((A^T A) .* A)", "A", lambda e: total(mul(mm(T(e["A"]), e["A"]), e["A"])), True)
        case("exp", base, "sum(exp(W x))", "W", lambda e: total(ew(mp.exp, mm(e["W"], e["x"]))))
        case("log", base, "sum(log(x .* x + 1))", "x", lambda e: total(ew(lambda t: mp.log(t * t + 1), e["x"])))
        case("sqrt", base, "sum(sqrt(x .* x + 1))", "x", lambda e: total(ew(lambda t: mp.sqrt(t * t + 1), e["x"])))
        case("tanh", base, "sum(tanh(W x))", "W", lambda e: total(ew(mp.tanh, mm(e["W"], e["x"]))))
        case("sigmoid", base, "sum(sigmoid(W x) .* (W y))", "W", lambda e: total(mul(ew(sigmoid, mm(e["W"], e["x"])), mm(e["W"], e["y"]))))
        case("sin-cos", base, "sum(sin(x) .* cos(y - x))", "x", lambda e: total(mul(ew(mp.sin, e["x"]), ew(mp.cos, sub(e["y"], e["x"])))))
        case("power", base, "sum(x.^3 ./ (x.^2 + 1)) + (x^T y)^2", "x",
             lambda e: total(ew(lambda t: t ** 3 / (t ** 2 + 1), e["x"])) + mm(T(e["x"]), e["y"])[0][0] ** 2, True)
        case("reductions", base, "mean(x .* y) + norm(W) + dot(x, 2 y)", "x",
             lambda e: total(mul(e["x"], e["y"])) / 3 + mp.sqrt(total(mul(e["W"], e["W"]))) + 2 * total(mul(e["x"], e["y"])), True)
        case("norm", base, "norm(W x)", "W", lambda e: mp.sqrt(total(ew(lambda t: t * t, mm(e["W"], e["x"])))))
        case("indexing", base, "sum([x; 2*y].^2) + A[2, 1]^2 * x[3] + sum(A[2])", "x",
             lambda e: total(ew(lambda t: t * t, e["x"])) + total(ew(lambda t: 4 * t * t, e["y"])) + e["A"][1][0] ** 2 * e["x"][2][0] + total([e["A"][1]]), True)
        case("stacking", base, "sum(hcat(x, y, x) .* [A A[1:3, 1:3]^T][1:3, 1:3])", "A",
             lambda e: total(mul([[e["x"][i][0], e["y"][i][0], e["x"][i][0]] for i in range(3)], e["A"])), True)
        case("softmax", base, "dot(softmax(x), y)", "x", lambda e: total(mul(softmax_rows([flat(e["x"])]), [flat(e["y"])])))
        case("softmax-rows", base, "sum(softmax(A) .* (W^T W))", "A", lambda e: total(mul(softmax_rows(e["A"]), mm(T(e["W"]), e["W"]))))
        Wr = g.mat(2, 2)
        Wrelu = [[abs(v) + Fraction(1, 10) for v in r] for r in Wr]
        xr = [[abs(v[0]) + Fraction(1, 10)] for v in g.vec(2)]
        xr[0][0] = -xr[0][0]
        if any(r[0] == 0 for r in [[sum(a * b[0] for a, b in zip(row, xr))] for row in Wrelu]):
            sys.exit("relu-abs case: W x has a zero entry (a kink); choose another seed")
        case("relu-abs", {"W": ("m", Wrelu), "x": ("v", xr)}, "sum(relu(W x) + abs(W x))", "W",
             lambda e: total(ew(lambda t: max(t, 0) + abs(t), mm(e["W"], e["x"]))), True)
        X, WQ, WK, WV, Tt = g.mat(3, 2), g.mat(2, 2), g.mat(2, 2), g.mat(2, 2), g.mat(3, 2)
        att = {"X": ("m", X), "W_Q": ("m", WQ), "W_K": ("m", WK), "W_V": ("m", WV), "T": ("m", Tt)}
        loss = "sum((attention(X W_Q, X W_K, X W_V) - T).^2) / 2"
        f = lambda e: total(ew(lambda t: t * t, sub(attention(mm(e["X"], e["W_Q"]), mm(e["X"], e["W_K"]), mm(e["X"], e["W_V"])), e["T"]))) / 2
        for name in ["W_Q", "W_K", "W_V", "X"]:
            case("attention", att, loss, name, f)
        masked = "sum((attention(X W_Q, X W_K, X W_V, causal(3)) - T).^2) / 2"
        fm = lambda e: total(ew(lambda t: t * t, sub(attention(mm(e["X"], e["W_Q"]), mm(e["X"], e["W_K"]), mm(e["X"], e["W_V"]), causal(3)), e["T"]))) / 2
        for name in ["W_Q", "W_K"]:
            case("attention-masked", att, masked, name, fm)
        Xm, WQm, WKm, WVm, WO, C = g.mat(3, 4), g.mat(4, 4), g.mat(4, 4), g.mat(4, 4), g.mat(4, 3), g.mat(3, 3)
        mh = {"X": ("m", Xm), "W_Q": ("m", WQm), "W_K": ("m", WKm), "W_V": ("m", WVm), "W_O": ("m", WO), "C": ("m", C)}
        fh = lambda e: total(mul(multihead(e["X"], e["W_Q"], e["W_K"], e["W_V"], e["W_O"], 2), e["C"]))
        for name in ["W_Q", "W_O", "X"]:
            case("multihead", mh, "sum(multihead(X, W_Q, W_K, W_V, W_O, 2) .* C)", name, fh)
        Xr, Whh, Wxh, b, Cr = g.mat(4, 2), g.mat(3, 3), g.mat(3, 2), g.vec(3), g.mat(4, 3)
        rn = {"X": ("m", Xr), "W_hh": ("m", Whh), "W_xh": ("m", Wxh), "b_h": ("v", b), "C": ("m", Cr)}
        fr = lambda e: total(mul(rnn(e["X"], e["W_hh"], e["W_xh"], e["b_h"]), e["C"]))
        for name in ["W_hh", "W_xh", "b_h", "X"]:
            case("rnn", rn, "sum(rnn(X, W_hh, W_xh, b_h) .* C)", name, fr)
        h, S, Wh, Ws, v, u = g.vec(2), g.mat(3, 2), g.mat(2, 2), g.mat(2, 2), g.vec(2), g.vec(3)
        ad = {"h": ("v", h), "S": ("m", S), "W_h": ("m", Wh), "W_s": ("m", Ws), "v": ("v", v), "u": ("v", u)}
        fa = lambda e: total(mul(softmax_rows([flat(additive(e["h"], e["S"], e["W_h"], e["W_s"], e["v"]))]), [flat(e["u"])]))
        for name in ["W_h", "v", "S"]:
            case("additive", ad, "dot(softmax(additive(h, S, W_h, W_s, v)), u)", name, fa)
        Xl, Cl = g.mat(2, 4, nonzero=True), g.mat(2, 4)
        ln = {"X": ("m", Xl), "C": ("m", Cl)}
        case("layernorm", ln, "sum(layernorm(X) .* C)", "X", lambda e: total(mul(layernorm(e["X"]), e["C"])))
        case("posenc", ln, "sum((X + posenc(2, 4)).^2 .* C)", "X", lambda e: total(mul(ew(lambda t: t * t, add(e["X"], posenc(2, 4))), e["C"])))
        case("user-function", base, "f(W x)", "W", lambda e: total(ew(lambda t: t ** 4, mm(e["W"], e["x"]))), True)
        case("jacobian-softmax", base, "softmax(x)", "x", lambda e: flat(softmax_rows([flat(e["x"])])), kind="jacobian")
        case("jacobian-product", base, "W x", "x", lambda e: flat(mm(e["W"], e["x"])), True, kind="jacobian")
        case("jacobian-tanh", base, "tanh(A x)", "A", lambda e: flat(ew(mp.tanh, mm(e["A"], e["x"]))), kind="jacobian")
    return out

def program(c):
    parts = []
    for name, (kind, value) in c["inputs"].items():
        parts.append(f"{name} = {vec_lit(value) if kind == 'v' else mat_lit(value)}")
    if c["category"] == "user-function":
        parts.append("f(A) = sum(A.^4)")
    parts.append(f"{c['kind']}({c['expr']}, {c['target']})")
    return "; ".join(parts)

def central_differences(c):
    env = {n: to_mp(v) for n, (_, v) in c["inputs"].items()}
    target = env[c["target"]]
    grads = []
    for i in range(len(target)):
        for j in range(len(target[0])):
            saved = target[i][j]
            target[i][j] = saved + H
            up = c["forward"](env)
            target[i][j] = saved - H
            down = c["forward"](env)
            target[i][j] = saved
            if c["kind"] == "grad":
                grads.append([(up - down) / (2 * H)])
            else:
                grads.append([(u - d) / (2 * H) for u, d in zip(up, down)])
    if c["kind"] == "grad":
        return [g[0] for g in grads], list(shape(target)) if c["inputs"][c["target"]][0] == "m" else [len(target)]
    outputs = len(grads[0])
    # Rows are outputs, columns the inputs in row-major order.
    return [grads[k][o] for o in range(outputs) for k in range(len(grads))], [outputs, len(grads)]

def exact_fraction(x):
    q = Fraction(mpmath.nstr(x, 100, strip_zeros=False)).limit_denominator(10 ** 15)
    if abs(mpf(q.numerator) / q.denominator - x) > mpf(10) ** -70:
        sys.exit(f"a derivative marked rational is not a short fraction: {x}")
    return q

def fmt(x): return mpmath.nstr(x, DIGITS, strip_zeros=False, min_fixed=-5, max_fixed=40) if x != 0 else "0"

def generate(seed):
    out = []
    for c in cases(seed):
        values, shp = central_differences(c)
        entry = {"category": c["category"], "program": program(c), "shape": shp}
        if c["rational"]:
            fr = [exact_fraction(v) for v in values]
            entry["values"] = [fmt(mpf(q.numerator) / q.denominator) for q in fr]
            entry["exact"] = [str(q) for q in fr]
        else:
            entry["values"] = [fmt(v) for v in values]
            entry["exact"] = [None] * len(values)
        entry["exact_required"] = c["rational"]
        out.append(entry)
    return out

def check(entries, binary):
    bad = 0
    for e in entries:
        r = subprocess.run([binary, "eval", "--format", "json", "--digits", "30", e["program"]], capture_output=True, text=True)
        if r.returncode != 0:
            print("FAIL", e["program"], r.stderr.strip()); bad += 1; continue
        got = json.loads(r.stdout)
        values = got.get("values") or got.get("value", {}).get("values")
        for v, ref in zip(values, e["values"]):
            if abs(mpf(v) - mpf(ref)) > abs(mpf(ref)) * mpf(10) ** -29 + mpf(10) ** -60:
                print("MISMATCH", e["category"], v, ref); bad += 1; break
    print(f"{len(entries) - bad} passed, {bad} failed")
    return bad == 0

# ---------------------------------------------------------------------------
# The training lesson (lessons/training.md): its named tensors for the default inputs and for
# random inputs of the default shapes, in the format of Fixtures/lesson-vectors.json.
# ---------------------------------------------------------------------------

TRAINING_OUT = os.path.join(ROOT, "Tests", "AttnREPLTests", "Fixtures", "training-reference.json")
TRAINING_DEFAULTS = {
    "X": [[1, 0, 1, 0], [0, 2, 0, 1], [1, 1, 0, 0]],
    "W_Q": [[1, 0, 1, 0], [0, 1, 0, 1], [1, 0, 0, 1], [0, 1, 1, 0]],
    "W_K": [[0, -1, 0, 1], [1, 0, 1, 0], [0, 0, 1, 1], [1, 1, 0, 0]],
    "W_V": [[1, 0, 0, 1], [0, 1, 0, 0], [0, 1, 1, 0], [0, 0, Fraction(1, 2), 0]],
    "T": [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]],
}

def training_case(inputs, eta, given):
    env = {n: to_mp([[Fraction(x) for x in r] for r in v]) for n, v in inputs.items()}
    def loss(e):
        Z = attention(mm(e["X"], e["W_Q"]), mm(e["X"], e["W_K"]), mm(e["X"], e["W_V"]))
        return total(ew(lambda t: t * t, sub(Z, e["T"]))) / 2
    def gradient(name):
        W = env[name]
        out = []
        for i in range(len(W)):
            row = []
            for j in range(len(W[0])):
                saved = W[i][j]
                W[i][j] = saved + H; up = loss(env)
                W[i][j] = saved - H; down = loss(env)
                W[i][j] = saved
                row.append((up - down) / (2 * H))
            out.append(row)
        return out
    Z = attention(mm(env["X"], env["W_Q"]), mm(env["X"], env["W_K"]), mm(env["X"], env["W_V"]))
    G = {n: gradient(n) for n in ["W_Q", "W_K", "W_V"]}
    eta_mp = mpf(eta.numerator) / eta.denominator
    W_new = sub(env["W_Q"], scale(eta_mp, G["W_Q"]))
    L_new = loss(dict(env, W_Q=W_new))
    def tensor(A, scalar=False):
        values = flat(A)
        return {"shape": [] if scalar else [len(A), len(A[0])], "values": [fmt(v) for v in values],
                "exact": [None] * len(values), "exact_required": False}
    expect = {"Z": tensor(Z), "L": tensor([[loss(env)]], True), "G_Q": tensor(G["W_Q"]), "G_K": tensor(G["W_K"]),
              "G_V": tensor(G["W_V"]), "W_Q_new": tensor(W_new), "L_new": tensor([[L_new]], True)}
    return {"lesson": "training", "set": given, "expect": expect}

def training_cases(seed):
    g = Gen(seed)
    cases = [training_case(TRAINING_DEFAULTS, Fraction(1, 2), {})]
    for _ in range(3):
        inputs = {"X": g.mat(3, 4), "W_Q": g.mat(4, 4), "W_K": g.mat(4, 4), "W_V": g.mat(4, 4), "T": g.mat(3, 4)}
        eta = Fraction(1, 1000)
        given = {n: mat_lit(v) for n, v in inputs.items()}
        given["eta"] = "1/1000"
        cases.append(training_case(inputs, eta, given))
    return cases

# ---------------------------------------------------------------------------
# PyTorch autograd in float64, where PyTorch is installed (skipped otherwise)
# ---------------------------------------------------------------------------

def torch_forwards(torch):
    F = torch.nn.functional
    def att(Q, K, V, M=None):
        S = Q @ K.T / K.shape[1] ** 0.5
        if M is not None: S = S.masked_fill(M == 0, float("-inf"))
        return torch.softmax(S, dim=1) @ V
    def mh(X, WQ, WK, WV, WO, h):
        Q, K, V = X @ WQ, X @ WK, X @ WV
        dq, dv = Q.shape[1] // h, V.shape[1] // h
        return torch.cat([att(Q[:, i*dq:(i+1)*dq], K[:, i*dq:(i+1)*dq], V[:, i*dv:(i+1)*dv]) for i in range(h)], dim=1) @ WO
    def rnn_t(X, Whh, Wxh, b):
        h, states = torch.zeros_like(b), []
        for x in X:
            h = torch.tanh(Whh @ h + Wxh @ x.reshape(-1, 1) + b)
            states.append(h.reshape(-1))
        return torch.stack(states)
    def ln(X):
        mu = X.mean(dim=1, keepdim=True); var = ((X - mu) ** 2).mean(dim=1, keepdim=True)
        return (X - mu) / torch.sqrt(var + 1e-5)
    causal = lambda n: torch.tril(torch.ones(n, n, dtype=torch.float64))
    loss = lambda Z, T: ((Z - T) ** 2).sum() / 2
    return {
        "product": lambda e: ((e["W"] @ e["x"]) ** 2).sum(),
        "exp": lambda e: torch.exp(e["W"] @ e["x"]).sum(),
        "tanh": lambda e: torch.tanh(e["W"] @ e["x"]).sum(),
        "sigmoid": lambda e: (torch.sigmoid(e["W"] @ e["x"]) * (e["W"] @ e["y"])).sum(),
        "softmax": lambda e: (torch.softmax(e["x"].reshape(-1), 0) * e["y"].reshape(-1)).sum(),
        "softmax-rows": lambda e: (torch.softmax(e["A"], dim=1) * (e["W"].T @ e["W"])).sum(),
        "attention": lambda e: loss(att(e["X"] @ e["W_Q"], e["X"] @ e["W_K"], e["X"] @ e["W_V"]), e["T"]),
        "attention-masked": lambda e: loss(att(e["X"] @ e["W_Q"], e["X"] @ e["W_K"], e["X"] @ e["W_V"], causal(3)), e["T"]),
        "multihead": lambda e: (mh(e["X"], e["W_Q"], e["W_K"], e["W_V"], e["W_O"], 2) * e["C"]).sum(),
        "rnn": lambda e: (rnn_t(e["X"], e["W_hh"], e["W_xh"], e["b_h"]) * e["C"]).sum(),
        "layernorm": lambda e: (ln(e["X"]) * e["C"]).sum(),
    }

def torch_check(seed, entries):
    try:
        import torch
    except ImportError:
        print("PyTorch is not installed: the float64 autograd comparison is skipped")
        return True
    forwards, bad, count = torch_forwards(torch), 0, 0
    for c, e in zip(cases(seed), entries):
        f = forwards.get(c["category"])
        if f is None or c["kind"] != "grad": continue
        env = {n: torch.tensor([[float(x) for x in r] for r in v], dtype=torch.float64, requires_grad=True)
               for n, (_, v) in c["inputs"].items()}
        f(env).backward()
        got = env[c["target"]].grad.reshape(-1).tolist()
        count += 1
        for g, ref in zip(got, e["values"]):
            if abs(g - float(ref)) > 1e-10 * max(1, abs(float(ref))):
                print("TORCH MISMATCH", c["category"], c["target"], g, ref); bad += 1; break
    print(f"PyTorch float64: {count - bad} passed, {bad} failed")
    return bad == 0

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=20261203)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "attn-repl"))
    a = ap.parse_args()
    entries = generate(a.seed)
    with open(a.out, "w") as f:
        json.dump(entries, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(entries)} cases to {a.out}")
    training = training_cases(a.seed)
    with open(TRAINING_OUT, "w") as f:
        json.dump(training, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(training)} training lesson cases to {TRAINING_OUT}")
    if not torch_check(a.seed, entries): sys.exit(1)
    if a.check and not check(entries, a.binary): sys.exit(1)

if __name__ == "__main__":
    main()
