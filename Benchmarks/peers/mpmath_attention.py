"""softmax(X X^T / sqrt(d)) X with mpmath at mp.dps = 50: the peer of attn-repl's exact path.

Reads the exact input (one row per line, fractions separated by spaces) and prints every entry
of the result to 50 significant digits, as `attn-repl eval --digits 50 --format json` does.
"""
import sys
from fractions import Fraction

from mpmath import mp

mp.dps = 50


def read(path):
    with open(path) as f:
        return [[mp.mpf(Fraction(x).numerator) / Fraction(x).denominator for x in line.split()] for line in f if line.strip()]


def attention(q, k, v):
    scale = 1 / mp.sqrt(len(k[0]))
    out = []
    for qi in q:
        scores = [mp.fdot(qi, kj) * scale for kj in k]
        top = max(scores)
        exps = [mp.exp(s - top) for s in scores]
        total = mp.fsum(exps)
        weights = [e / total for e in exps]
        out.append([mp.fdot(weights, [vj[c] for vj in v]) for c in range(len(v[0]))])
    return out


x = read(sys.argv[1])
for row in attention(x, x, x):
    print(" ".join(mp.nstr(e, 50) for e in row))
