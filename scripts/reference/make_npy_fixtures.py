#!/usr/bin/env python3
"""Writes the .npy fixtures for the :load tests, with NumPy (the format's reference writer).

Writes Tests/AttnREPLTests/Fixtures/npy/*.npy and expected.json: for each readable file its
shape and every element's exact value as a reduced fraction, computed here with Python's
fractions.Fraction (a float's Fraction is the exact binary fraction it stores). Files the
program must refuse (big-endian, 3-d, complex, object) are listed under "refused" with a word
the error must contain. Re-run to regenerate:
    python3 scripts/reference/make_npy_fixtures.py
"""
import json
import os
from fractions import Fraction

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "AttnREPLTests", "Fixtures", "npy")


def exact(x):
    f = Fraction(x) if isinstance(x, float) else Fraction(int(x))
    return str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"


def main():
    os.makedirs(OUT, exist_ok=True)
    readable = {
        "float64_vector": np.array([0.1, -2.5, 1e-300, 3.0, 1 / 3]),
        "float64_matrix": np.array([[0.1, 0.2, 0.3], [-1.0, 2.0 ** -40, 1e10]]),
        "float32_matrix": np.array([[0.1, -0.5], [3.25, 1e-7]], dtype=np.float32),
        "int64_vector": np.array([-(2 ** 63), 2 ** 63 - 1, 0, -7], dtype=np.int64),
        "int32_matrix": np.array([[1, -2, 3], [-4, 5, -6]], dtype=np.int32),
        "int8_vector": np.array([-128, 127, 0], dtype=np.int8),
        "int16_vector": np.array([-32768, 32767], dtype=np.int16),
        "uint8_vector": np.array([0, 255], dtype=np.uint8),
        "uint64_vector": np.array([2 ** 64 - 1, 1], dtype=np.uint64),
        "fortran_matrix": np.asfortranarray(np.array([[1.5, 2.5, 3.5], [4.5, 5.5, 6.5]])),
        "fortran_int_matrix": np.asfortranarray(np.arange(12, dtype=np.int32).reshape(3, 4)),
        "scalar_0d": np.array(0.1),
        "bool_vector": np.array([True, False, True]),
        "row_matrix": np.array([[1.0, 2.0, 3.0]]),
    }
    expected = {}
    for name, a in readable.items():
        np.save(os.path.join(OUT, name + ".npy"), a)
        # Row-major (C order) values, whatever order the file is in.
        flat = [x.item() for x in np.ascontiguousarray(a).reshape(-1)]
        expected[name] = {"shape": list(a.shape), "exact": [exact(float(x)) if a.dtype.kind == "f" else exact(x) for x in flat]}

    refused = {
        "big_endian": (np.array([1.0, 2.0], dtype=">f8"), "big-endian"),
        "three_d": (np.zeros((2, 2, 2)), "3-d"),
        "complex": (np.array([1 + 2j]), "complex"),
        "object": (np.array([1, "a"], dtype=object), "object"),
    }
    for name, (a, word) in refused.items():
        np.save(os.path.join(OUT, name + ".npy"), a, allow_pickle=True)
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump({"readable": expected, "refused": {k: w for k, (_, w) in refused.items()}}, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
