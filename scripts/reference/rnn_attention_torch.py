#!/usr/bin/env python3
"""Runs the corrected PyTorch module printed in lessons/rnn-attention.md (and its Chinese
translation) with the lesson's default inputs and compares its y_1 with attn-repl's.

Needs torch (pip install torch); not part of the test suite, since torch is large. Usage:
  rnn_attention_torch.py [--binary PATH]
"""
import argparse
import json
import os
import re
import subprocess
import sys

import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def module_from(path):
    """The last ```python block of the lesson file: the corrected module."""
    text = open(path, encoding="utf-8").read()
    code = re.findall(r"```python\n(.*?)```", text, re.S)[-1]
    scope = {}
    exec(code, scope)
    return scope["RNNWithAttention"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "attn-repl"))
    args = ap.parse_args()
    run = subprocess.run([args.binary, "run", "rnn-attention", "--format", "json", "--digits", "17"],
                         capture_output=True, text=True, check=True)
    steps = json.loads(run.stdout)["steps"]
    expected = [float(v) for s in steps for t in s["tensors"] if t["name"] == "y_1" for v in t["values"]]
    torch.set_default_dtype(torch.float64)
    ok = True
    for lang in ("", "zh"):
        cls = module_from(os.path.join(ROOT, "lessons", lang, "rnn-attention.md"))
        model = cls(3, 2, 2)
        with torch.no_grad():  # the lesson's default inputs
            model.rnn.weight_ih_l0.copy_(torch.tensor([[0.5, 0, 0.5], [0, 1, -0.5]]))
            model.rnn.weight_hh_l0.copy_(torch.tensor([[0.5, 0], [-0.5, 0.5]]))
            model.rnn.bias_ih_l0.zero_()
            model.rnn.bias_hh_l0.zero_()
            model.out.weight.copy_(torch.tensor([[1.0, 0, 1, 0], [0, 1, 0, -1]]))
            model.out.bias.zero_()
        got = model(torch.tensor([[[1.0, 0, 1], [0, 1, 0], [1, 1, 0]]]))[0].tolist()
        agree = all(abs(g - e) < 1e-12 for g, e in zip(got, expected))
        ok &= agree
        print("%-3s module y_1 = %s, attn-repl y_1 = %s: %s" % (lang or "en", got, expected, "agree" if agree else "DIFFER"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
