#!/usr/bin/env python3
"""Independent 80-digit reference for random formula-language programs over every built-in.

Writes Tests/EngineTests/Fixtures/random-reference.json: a list of
{"program", "shape", "values"} with values to 35 significant digits, computed here with
mpmath (an implementation that shares no code with attn-repl). Re-run to regenerate:
    python3 scripts/reference/random_programs.py [SEED] [COUNT]
"""
import json
import random
import sys

from mpmath import mp, mpf, exp, log, sqrt, tanh, sin, cos, nstr

mp.dps = 80


def frac(r):
    n = r.randint(-25, 25)
    d = r.choice([1, 2, 4, 5, 10, 20])
    return (mpf(n) / d, f"{n}/{d}" if d != 1 else str(n))


def matrix(r, m, n):
    vals = [[frac(r) for _ in range(n)] for _ in range(m)]
    text = "[" + "; ".join(" ".join(f"({t})" for _, t in row) for row in vals) + "]"
    return [[v for v, _ in row] for row in vals], text


def vector(r, n):
    vals = [frac(r) for _ in range(n)]
    return [v for v, _ in vals], "[" + ", ".join(t for _, t in vals) + "]"


def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]


def transpose(a):
    return [list(r) for r in zip(*a)]


def softmax_rows(s, mask=None):
    out = []
    for i, row in enumerate(s):
        allowed = [j for j in range(len(row)) if mask is None or mask[i][j]]
        m = max(row[j] for j in allowed)
        e = {j: exp(row[j] - m) for j in allowed}
        t = sum(e.values())
        out.append([e[j] / t if j in e else mpf(0) for j in range(len(row))])
    return out


def attention(q, k, v, mask=None):
    d = len(k[0])
    s = [[x / sqrt(d) for x in row] for row in matmul(q, transpose(k))]
    return matmul(softmax_rows(s, mask), v)


def case(r, kind):
    if kind == "softmax":
        x, t = matrix(r, r.randint(1, 3), r.randint(2, 4))
        return f"softmax({t})", softmax_rows(x)
    if kind == "attention":
        n, m, d, dv = r.randint(1, 4), r.randint(1, 4), r.randint(2, 3), r.randint(1, 3)
        q, tq = matrix(r, n, d); k, tk = matrix(r, m, d); v, tv = matrix(r, m, dv)
        if dv == 1:
            v, tv = [[x[0]] for x in v], "[" + "; ".join(f"({row[0]})" for row in [[nstr(x[0], 50)] for x in v]) + "]"
            return None
        return f"attention({tq}, {tk}, {tv})", attention(q, k, v)
    if kind == "causal":
        n, d = r.randint(2, 4), r.randint(2, 3)
        q, tq = matrix(r, n, d); k, tk = matrix(r, n, d); v, tv = matrix(r, n, 2)
        mask = [[1 if j <= i else 0 for j in range(n)] for i in range(n)]
        return f"attention({tq}, {tk}, {tv}, causal({n}))", attention(q, k, v, mask)
    if kind == "multihead":
        h = r.choice([1, 2]); n, d = r.randint(1, 3), r.randint(2, 3); dk = 2 * h
        x, tx = matrix(r, n, d); wq, tq = matrix(r, d, dk); wk, tk = matrix(r, d, dk); wv, tv = matrix(r, d, dk)
        wo, to = matrix(r, dk, 2)
        Q, K, V = matmul(x, wq), matmul(x, wk), matmul(x, wv)
        heads = []
        for i in range(h):
            cols = range(i * 2, i * 2 + 2)
            sub = lambda a: [[row[c] for c in cols] for row in a]
            heads.append(attention(sub(Q), sub(K), sub(V)))
        joined = [sum((hd[i] for hd in heads), []) for i in range(n)]
        return f"multihead({tx}, {tq}, {tk}, {tv}, {to}, {h})", matmul(joined, wo)
    if kind == "rnn":
        T, d, H = r.randint(1, 3), r.randint(1, 3), 2
        x, tx = matrix(r, T, d); whh, th = matrix(r, H, H); wxh, tw = matrix(r, H, d); b, tb = vector(r, H)
        if d == 1:
            return None
        hs, h = [], [mpf(0)] * H
        for t in range(T):
            h = [tanh(sum(whh[i][j] * h[j] for j in range(H)) + sum(wxh[i][j] * x[t][j] for j in range(d)) + b[i]) for i in range(H)]
            hs.append(h)
        return f"rnn({tx}, {th}, {tw}, {tb})", hs
    if kind == "additive":
        H, D, A, m = 2, 2, 2, r.randint(1, 3)
        h, th = vector(r, H); s, ts = matrix(r, m, D); wh, twh = matrix(r, A, H); ws, tws = matrix(r, A, D); v, tv = vector(r, A)
        e = [sum(v[a] * tanh(sum(wh[a][j] * h[j] for j in range(H)) + sum(ws[a][j] * s[i][j] for j in range(D))) for a in range(A)) for i in range(m)]
        return f"additive({th}, {ts}, {twh}, {tws}, {tv})", [[x] for x in e]
    if kind == "posenc":
        n, d = r.randint(1, 5), r.randint(1, 6)
        pe = [[(sin if j % 2 == 0 else cos)(mpf(p) / mpf(10000) ** (mpf(2 * (j // 2)) / d)) for j in range(d)] for p in range(n)]
        return f"posenc({n}, {d})", pe
    if kind == "layernorm":
        x, tx = matrix(r, r.randint(1, 3), r.randint(2, 4))
        eps_n = r.choice([1, 5, 10])
        eps = mpf(eps_n) / 1000
        out = []
        for row in x:
            mu = sum(row) / len(row)
            var = sum((y - mu) ** 2 for y in row) / len(row)
            out.append([(y - mu) / sqrt(var + eps) for y in row])
        return f"layernorm({tx}, {eps_n}/1000)", out
    if kind == "elementwise":
        fn = r.choice(["exp", "tanh", "sigmoid", "sin", "cos", "sqrt", "log"])
        x, tx = matrix(r, r.randint(1, 2), r.randint(2, 3))
        if fn in ("sqrt", "log"):
            x = [[abs(y) + 1 for y in row] for row in x]
            tx = "abs(" + tx + ") + 1"
        f = {"exp": exp, "tanh": tanh, "sin": sin, "cos": cos, "sqrt": sqrt, "log": log,
             "sigmoid": lambda y: 1 / (1 + exp(-y))}[fn]
        return f"{fn}({tx})", [[f(y) for y in row] for row in x]
    if kind == "reductions":
        x, tx = matrix(r, r.randint(1, 3), r.randint(2, 3))
        flat = [y for row in x for y in row]
        fn = r.choice(["norm", "mean", "sum_tanh", "dot"])
        if fn == "norm":
            return f"norm({tx})", [[sqrt(sum(y * y for y in flat))]]
        if fn == "mean":
            return f"mean(exp({tx}))", [[sum(exp(y) for y in flat) / len(flat)]]
        if fn == "sum_tanh":
            return f"sum(tanh({tx}))", [[sum(tanh(y) for y in flat)]]
        a, ta = vector(r, 3); b, tb = vector(r, 3)
        return f"dot(tanh({ta}), {tb})", [[sum(tanh(p) * q for p, q in zip(a, b))]]
    raise ValueError(kind)


def shape_of(program, rows):
    if program.startswith(("norm", "mean", "sum", "dot")):
        return []
    if program.startswith("additive"):
        return [len(rows)]
    return [len(rows), len(rows[0])]


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 20261122
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 240
    r = random.Random(seed)
    kinds = ["softmax", "attention", "causal", "multihead", "rnn", "additive", "posenc", "layernorm", "elementwise", "reductions"]
    cases = []
    while len(cases) < count:
        c = case(r, kinds[len(cases) % len(kinds)])
        if c is None:
            continue
        program, rows = c
        cases.append({"program": program, "shape": shape_of(program, rows),
                      "values": [nstr(y, 35, strip_zeros=False) if y != 0 else "0" for row in rows for y in row]})
    json.dump(cases, open("Tests/EngineTests/Fixtures/random-reference.json", "w"), indent=1)
    print(f"wrote {len(cases)} cases")


if __name__ == "__main__":
    main()
