"""softmax(X X^T / sqrt(d)) X with python-flint's Arb balls: the rigorous peer of attn-repl's exact path.

Reads the exact input (one row per line, fractions separated by spaces), computes the scores and
the output as `arb_mat` products (Arb's arb_mat_mul), one `arb.exp` per weight, and prints every
entry to 50 significant digits. Arb carries an error radius with every value; the script works at
60 digits and refuses to print (exit 1) if any output ball is not accurate to 50 digits, so what
it prints is as proved as attn-repl's digits (ball rounding aside: Arb's mid is printed rounded).
"""
import sys
from fractions import Fraction

from flint import arb, arb_mat, ctx, fmpq

DIGITS = 50
ctx.dps = DIGITS + 10


def read(path):
    with open(path) as f:
        rows = [[Fraction(x) for x in line.split()] for line in f if line.strip()]
    return arb_mat([[arb(fmpq(x.numerator, x.denominator)) for x in r] for r in rows])


def attention(x):
    n, d = x.nrows(), x.ncols()
    scores = (x * x.transpose()) / arb(d).sqrt()
    weights = arb_mat(n, n)
    for i in range(n):
        row = [scores[i, j] for j in range(n)]
        top = max(row, key=lambda s: s.mid())
        exps = [(s - top).exp() for s in row]
        total = sum(exps, arb(0))
        for j in range(n):
            weights[i, j] = exps[j] / total
    return weights * x


out = attention(read(sys.argv[1]))
for i in range(out.nrows()):
    entries = [out[i, j] for j in range(out.ncols())]
    for e in entries:
        if not e.is_zero() and e.rel_accuracy_bits() < DIGITS * 3.33 + 2:
            sys.exit(f"flint_attention: entry ({i}, ...) not accurate to {DIGITS} digits: {e}")
    print(" ".join(e.str(DIGITS, radius=False) for e in entries))
