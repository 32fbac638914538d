#!/usr/bin/env python3
"""Independent references for the "digits or an error" cases of SPEC §4 (issue 14).

Writes Tests/EngineTests/Fixtures/certified-digits.json: a list of
  {"program", "digits": [N, ...], "values": [220-digit strings]}   the digits must be right
  {"program", "digits": [N, ...], "error": [fragments]}            the statement must fail so
computed here with mpmath (which shares no code with attn-repl) at a working precision chosen
per case: cancellations past 10^-k need k more digits, cos(10^k) needs k more digits of pi.
Re-run to regenerate:
    python3 scripts/reference/certified_digits.py
"""
import json
import random

from mpmath import mp, mpf, exp, log, sqrt, sin, cos, pi, nstr

SHOWN = 220     # significant digits kept: enough for every --digits the tests ask (at most 200)


def at(dps, f):
    """f() evaluated with `dps` working digits."""
    with mp.workdps(dps):
        v = f()
        return v if isinstance(v, list) else [v]


def text(v):
    return "0" if v == 0 else nstr(v, SHOWN, strip_zeros=False)


def sigmoid(x):
    return 1 / (1 + exp(-x))


def softmax(xs):
    m = max(xs)
    e = [exp(x - m) for x in xs]
    s = sum(e)
    return [y / s for y in e]


def attention(q, k, v):
    d = len(k[0])
    scores = [sum(a * b for a, b in zip(q, row)) / sqrt(d) for row in k]
    w = softmax(scores)
    return [sum(w[i] * v[i][j] for i in range(len(v))) for j in range(len(v[0]))]


VALUES = [
    ("exp(1e-422) - 1", [6, 50, 200], 1000, lambda: exp(mpf(10) ** -422) - 1),
    ("sigmoid(1e-450) - 1/2", [6, 50], 1000, lambda: sigmoid(mpf(10) ** -450) - mpf(1) / 2),
    ("softmax([0, 1e-430])[2] - 1/2", [6, 50], 1000, lambda: softmax([mpf(0), mpf(10) ** -430])[1] - mpf(1) / 2),
    ("sin(pi) + 1e-500", [6, 50], 1100, lambda: sin(pi) + mpf(10) ** -500),
    # sqrt(5 + 2*sqrt(6)) is sqrt(2) + sqrt(3) by denesting, which attn-repl does not apply.
    ("(sqrt(5 + 2*sqrt(6)) - sqrt(2) - sqrt(3) + 10^-500) * 10^500", [6, 50], 1100,
     lambda: (sqrt(5 + 2 * sqrt(6)) - sqrt(2) - sqrt(3) + mpf(10) ** -500) * mpf(10) ** 500),
    ("exp(-10^500)*exp(10^500)", [6], 50, lambda: mpf(1)),
    ("1/(sqrt(5 + 2*sqrt(6)) - sqrt(2) - sqrt(3) + 10^-2000)", [6, 50], 2500,
     lambda: 1 / (sqrt(5 + 2 * sqrt(6)) - sqrt(2) - sqrt(3) + mpf(10) ** -2000)),
    ("exp(10^19)", [6, 50], 300, lambda: exp(mpf(10) ** 19)),
    ("exp(-10^19)", [6, 50], 300, lambda: exp(-mpf(10) ** 19)),
    ("-3*exp(10^19)/7", [6], 300, lambda: -3 * exp(mpf(10) ** 19) / 7),
    ("log(exp(10^30))", [6], 100, lambda: mpf(10) ** 30),
    ("softmax([10^19, 1])", [6, 50], 300, lambda: softmax([mpf(10) ** 19, mpf(1)])),
    ("attention([1e19 0], [1 0; 0 1], [1 2; 3 4])", [6, 50], 300,
     lambda: attention([mpf(10) ** 19, mpf(0)], [[1, 0], [0, 1]], [[1, 2], [3, 4]])),
    ("softmax([-10^19, -10^19-1])", [6, 50], 300, lambda: softmax([-mpf(10) ** 19, -mpf(10) ** 19 - 1])),
    ("softmax([1/sqrt(2), 1/sqrt(2)])", [6], 100, lambda: softmax([1 / sqrt(2), 1 / sqrt(2)])),
    ("attention([1 1], [1 0; 0 1], [1 2; 3 4])", [6], 100, lambda: attention([1, 1], [[1, 0], [0, 1]], [[1, 2], [3, 4]])),
    ("sin(pi/4)^2/2", [1, 6], 100, lambda: sin(pi / 4) ** 2 / 2),
    # Exactly 0 by the square-root zero test: digits, not an error.
    ("(sqrt(2) + sqrt(3))^2 - 5 - 2*sqrt(6)", [6], 50, lambda: mpf(0)),
]
for k in [424, 915, 1675, 3000, 9000]:
    VALUES.append((f"exp(1e-{k}) - 1", [6, 50, 200] if k < 9000 else [6], k + 400,
                   lambda k=k: exp(mpf(10) ** -k) - 1))
for k in [100, 700, 1000, 5000, 9000]:
    VALUES.append((f"cos(10^{k})", [6, 50], k + 400, lambda k=k: cos(mpf(10) ** k)))
    VALUES.append((f"sin(10^{k})", [6], k + 400, lambda k=k: sin(mpf(10) ** k)))

VALUES += [
    ("cos(10^1000/7)", [6, 50], 1400, lambda: cos(mpf(10) ** 1000 / 7)),
    ("sin(-10^5000/3)", [6], 5400, lambda: sin(-mpf(10) ** 5000 / 3)),
    ("sin(-10^12000)", [6], 12400, lambda: sin(-mpf(10) ** 12000)),
]

# Past MPFR's exponent range, written out from log10: random exp(±N)·y with y in range.
rng = random.Random(20261203)
for _ in range(8):
    n = rng.randint(4 * 10 ** 18, 2 * 10 ** 19) * rng.choice([1, -1])
    p, q = rng.randint(1, 999), rng.randint(1, 99)
    form = rng.choice(["exp({n})*{p}/{q}", "sqrt({p})*exp({n})", "{p}/({q}*exp({n}))", "softmax([{n}, {n} - {p}/{q}])[2]"])
    program = form.format(n=n, p=p, q=q)

    def value(n=n, p=p, q=q, form=form):
        if form.startswith("exp"):
            return exp(mpf(n)) * p / q
        if form.startswith("sqrt"):
            return sqrt(p) * exp(mpf(n))
        if form.startswith("{p}/"):
            return mpf(p) / (q * exp(mpf(n)))
        return softmax([mpf(n), mpf(n) - mpf(p) / q])[1]
    VALUES.append((program, [6, 30], 300, value))

# Past the limits: the statement must fail, naming the limit and a way out.
ERRORS = [
    ("exp(1e-10000) - 1", [6], ["precision cap", "--float"]),
    ("exp(exp(100))", [6], ["exponent range", "--float"]),
    ("exp(-10^500)", [6], ["exponent range", "--float"]),
    ("cos(10^20000)", [6], ["precision cap", "--float"]),
    ("sqrt(5 + 2*sqrt(6)) - sqrt(2) - sqrt(3)", [6], ["precision cap", "sqrt(2*sqrt(6) + 5) - sqrt(2) - sqrt(3)", "--float"]),
    ("[1, sqrt(5 + 2*sqrt(6)) - sqrt(2) - sqrt(3)]", [6], ["element 2", "precision cap"]),
    ("1/(sqrt(5 + 2*sqrt(6)) - sqrt(2) - sqrt(3))", [6], ["division", "told from 0"]),
    ("relu(sqrt(5 + 2*sqrt(6)) - sqrt(2) - sqrt(3))", [6], ["sign", "precision cap"]),
]


def main():
    cases = []
    for program, digits, dps, f in VALUES:
        cases.append({"program": program, "digits": digits, "values": [text(v) for v in at(dps, f)]})
    for program, digits, fragments in ERRORS:
        cases.append({"program": program, "digits": digits, "error": fragments})
    with open("Tests/EngineTests/Fixtures/certified-digits.json", "w") as out:
        json.dump(cases, out, indent=1)
    print(f"wrote {len(cases)} cases")


if __name__ == "__main__":
    main()
