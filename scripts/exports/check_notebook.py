#!/usr/bin/env python3
"""Runs every code cell of an attn-repl notebook export top to bottom in one fresh namespace
and compares each recorded value (a cell's metadata attn_repl.results: decimals attn-repl
wrote) with what NumPy computed: 1e-9 relative (1e-12 absolute near zero), or one unit in the
last of the digits the session recorded (`:digits`) when that is larger. A Markdown
cell's results (a lesson step's values) are compared with the names as they are then.
With --schema, first validates the notebook against the nbformat schema (needs nbformat).
Exit status 0 when every value agrees, 1 otherwise."""
import ast
import json
import math
import sys

import numpy as np


def validate(path):
    import nbformat
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    print(f"check_notebook: {path} is valid nbformat {nb.nbformat}.{nb.nbformat_minor}")


def last_expression_value(source, namespace):
    """Runs a cell as Jupyter does: everything, and the value of a last bare expression."""
    tree = ast.parse(source)
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
        exec(compile(tree, "<cell>", "exec"), namespace)
        return eval(compile(last, "<cell>", "eval"), namespace)
    exec(compile(tree, "<cell>", "exec"), namespace)
    return None


def rounding(value, digits):
    """How far a decimal attn-repl rounded to `digits` significant digits may be from its value."""
    return 0.0 if value == 0 else 10.0 ** (math.floor(math.log10(abs(value))) + 1 - digits)


def compare(expected, actual, where):
    shape = tuple(expected["shape"])
    values = np.array([float(v) for v in expected["values"]])
    actual = np.asarray(actual, dtype=np.float64)
    if actual.shape != shape:
        return [f"{where}: shape {actual.shape}, recorded {shape}"]
    block = expected.get("block")
    if block:
        actual = actual[: block[0], : block[1]]
    flat = actual.reshape(-1)
    if flat.shape != values.shape:
        return [f"{where}: {flat.size} values, recorded {values.size}"]
    problems = []
    digits = expected.get("digits", 1000)
    for k, (a, v) in enumerate(zip(flat, values)):
        if not abs(a - v) <= max(1e-9 * abs(v), 1e-12, rounding(v, digits)):
            problems.append(f"{where}: element {k + 1} is {a!r}, recorded {v!r}")
    return problems


def main():
    args = [a for a in sys.argv[1:] if a != "--schema"]
    if len(args) != 1:
        sys.exit("usage: check_notebook.py [--schema] NOTEBOOK.ipynb")
    path = args[0]
    if "--schema" in sys.argv:
        validate(path)
    with open(path, encoding="utf-8") as f:
        nb = json.load(f)
    namespace = {"__name__": "__main__"}
    problems, checked, cells = [], 0, 0
    for number, cell in enumerate(nb["cells"], 1):
        value = None
        if cell["cell_type"] == "code":
            cells += 1
            source = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
            try:
                value = last_expression_value(source, namespace)
            except Exception as e:  # a cell that fails is a failure of the export
                problems.append(f"cell {number}: {type(e).__name__}: {e}\n{source}")
                continue
        for expected in cell.get("metadata", {}).get("attn_repl", {}).get("results", []):
            name = expected.get("python")
            actual = namespace.get(name) if name else value
            if actual is None:
                problems.append(f"cell {number}: no value for {name or 'the last expression'}")
                continue
            checked += 1
            problems += compare(expected, actual, f"cell {number} ({name or 'expression'})")
    for p in problems:
        print("check_notebook: " + p, file=sys.stderr)
    print(f"check_notebook: ran {cells} code cells, compared {checked} values, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
