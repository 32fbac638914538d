"""The benchmark suite: attn-repl against the tools a user would otherwise reach for.

Peers: Python+NumPy, mpmath, and python-flint (Arb, rigorous ball arithmetic), the last in its
own virtual environment that scripts/bench creates (FLINT_PYTHON names its interpreter).

Run through scripts/bench (which builds the release binary first). Every comparison is a pair of
whole-process runs timed by hyperfine (median of --runs runs after warm-up), except the lesson
recompute, which is timed inside the process (step-timing) because it is sub-millisecond.
Prints one table row per measurement with its target and whether it holds; exits 1 if the
exact or float results disagree with the peer's.
"""
import argparse
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from fractions import Fraction

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "attn-repl")
PEERS = os.path.join(ROOT, "Benchmarks", "peers")
PYTHON = sys.executable
FLINT_PYTHON = os.environ.get("FLINT_PYTHON", PYTHON)


def attn(*args):
    return subprocess.run([BINARY, *args], check=True, capture_output=True, text=True).stdout


def rand_program(n, d, seed=1):
    return f"X = rand({n}, {d}, {seed}); attention(X, X, X)"


def exact_input(n, d, seed=1):
    """The entries of rand(n, d, seed) as exact fractions, row by row, from attn-repl itself."""
    value = json.loads(attn("eval", "--format", "json", f"rand({n}, {d}, {seed})"))["value"]
    flat = [Fraction(x) for x in value["exact"]]
    return [flat[i * d:(i + 1) * d] for i in range(n)]


def hyperfine(commands, runs, env=None):
    """Median seconds of each command (whole-process runs, no shell in between)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run(["hyperfine", "-N", "--warmup", "2", "--runs", str(runs), "--style", "none",
                        "--export-json", out.name, *commands],
                       check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return [r["median"] for r in json.load(open(out.name))["results"]]


def instructions(args, env):
    """Instructions executed by one run (valgrind's callgrind): unlike wall time, not skewed by
    other processes on the machine."""
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *args],
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True).stderr
    for line in out.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1].strip())
    raise RuntimeError("callgrind printed no instruction count")


def quote(args):
    return " ".join("'" + a.replace("'", "'\\''") + "'" for a in args)


def write_exact_input(tmp, n, d):
    path = os.path.join(tmp, f"x{n}x{d}.txt")
    with open(path, "w") as f:
        for r in exact_input(n, d):
            f.write(" ".join(str(x) for x in r) + "\n")
    return path


def check_exact_agrees(tmp, n, d, peer, python, tolerance):
    """attn-repl's 50 certified digits against an exact peer's (`peer` under Benchmarks/peers,
    run by `python`): every entry within `tolerance` relatively. Returns the input file."""
    path = write_exact_input(tmp, n, d)
    ours = json.loads(attn("eval", "--digits", "50", "--format", "json", rand_program(n, d)))["value"]["values"]
    theirs = subprocess.run([python, os.path.join(PEERS, peer), path],
                            check=True, capture_output=True, text=True).stdout.split()
    assert len(ours) == len(theirs) == n * d, "result sizes differ"
    from mpmath import mp, mpf
    mp.dps = 60
    worst = max(abs(mpf(a) - mpf(b)) / max(abs(mpf(b)), mpf("1e-30")) for a, b in zip(ours, theirs))
    if worst > mpf(tolerance):
        sys.exit(f"exact attention {n}×{d} disagrees with {peer} (relative difference {mp.nstr(worst, 3)})")
    return path


def peak_rss(args):
    """Peak resident memory of one whole-process run, in bytes (the child's own rusage)."""
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(f"{args[1]} exited with {child.returncode}")
    return usage.ru_maxrss * 1024


def node_count(n, d):
    """Nodes held by the exact attention's output (shared ones once), from attn-repl itself:
    per output value a sum and a quotient, per row a denominator, and the few exponentials a
    row has made (a softmax row makes its exp(sⱼ) only when read; see docs/PERFORMANCE.md)."""
    out = attn("graph-size", "--digits", "50", rand_program(n, d))
    return int(out.split()[1])


def check_float_agrees(tmp, n, d):
    import numpy as np
    x = np.array([[float(v) for v in r] for r in exact_input(n, d)])
    path = os.path.join(tmp, f"x{n}x{d}.npy")
    np.save(path, x)
    ours = json.loads(attn("eval", "--float", "--digits", "12", "--format", "json", rand_program(n, d)))["value"]["values"]
    s = x @ x.T / math.sqrt(d)
    w = np.exp(s - s.max(axis=1, keepdims=True))
    w /= w.sum(axis=1, keepdims=True)
    theirs = (w @ x).ravel()
    ours = np.array([float(v) for v in ours])
    if not np.allclose(ours, theirs, rtol=1e-9, atol=1e-12):
        sys.exit(f"--float attention {n}×{d} disagrees with NumPy (max difference {np.max(np.abs(ours - theirs)):.3g})")
    return path


def step_timing(lesson, step, assignments, processes=5):
    medians = []
    for _ in range(processes):
        out = attn("step-timing", lesson, *assignments, "--step", str(step), "--repetitions", "300")
        fields = out.split()
        medians.append(float(fields[fields.index("median_us") + 1]))
    return sorted(medians)[len(medians) // 2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="whole-process runs per command (median)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions of each pair with valgrind (slow; immune to CPU contention)")
    args = parser.parse_args()
    single = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    rows = []

    def row(name, ours, peer, ratio, target, holds, note=""):
        verdict = "—" if holds is None else "holds" if holds else "MISSED"      # None: measured, no target
        rows.append((name, ours, peer, ratio, target, verdict, note))
        print(f"  {name}: {ours} vs {peer} -> {ratio} (target {target}) {verdict}", file=sys.stderr)

    def count(ours, peer):
        """The instruction ratio of a pair, as a table note, when --instructions is given."""
        if not args.instructions:
            return ""
        a, p = instructions(ours, single), instructions(peer, single)
        return f"{a / 1e6:.0f}M vs {p / 1e6:.0f}M instructions = {a / p:.3f}×"

    with tempfile.TemporaryDirectory() as tmp:
        # Start-up.
        ours, peer = [BINARY, "eval", "1+1"], [PYTHON, "-c", "import numpy"]
        a, p = hyperfine([quote(ours), quote(peer)], args.runs, single)
        row("start-up: eval '1+1' vs python3 -c 'import numpy'", f"{a * 1e3:.1f} ms", f"{p * 1e3:.1f} ms",
            f"{a / p:.3f}×", "≤ 0.2×", a / p <= 0.2, count(ours, peer))

        # Exact, 50 digits.
        path = check_exact_agrees(tmp, 64, 16, "mpmath_attention.py", PYTHON, "1e-45")
        ours = [BINARY, "eval", "--digits", "50", "--format", "json", rand_program(64, 16)]
        peer = [PYTHON, os.path.join(PEERS, "mpmath_attention.py"), path]
        a, p = hyperfine([quote(ours), quote(peer)], args.runs, single)
        row("exact attention 64×16, 50 digits vs mpmath (mp.dps=50)", f"{a * 1e3:.1f} ms", f"{p * 1e3:.1f} ms",
            f"{a / p:.3f}×", "≤ 0.1×", a / p <= 0.1, count(ours, peer))

        # Exact, 50 digits, against Arb (python-flint); then the 1024-row memory and per-value time.
        path = check_exact_agrees(tmp, 256, 64, "flint_attention.py", FLINT_PYTHON, "1e-48")
        ours = [BINARY, "eval", "--digits", "50", "--format", "json", rand_program(256, 64)]
        peer = [FLINT_PYTHON, os.path.join(PEERS, "flint_attention.py"), path]
        a256, p = hyperfine([quote(ours), quote(peer)], args.runs, single)
        row("exact attention 256×64, 50 digits vs Arb (python-flint)", f"{a256 * 1e3:.0f} ms", f"{p * 1e3:.0f} ms",
            f"{a256 / p:.2f}×", "≤ 0.5×", a256 / p <= 0.5, count(ours, peer))
        big = [BINARY, "eval", "--digits", "50", "--format", "json", rand_program(1024, 64)]
        rss = peak_rss(big)
        values = 1024 * 64
        row("exact attention 1024×64, 50 digits: peak RSS", f"{rss / 2**20:.0f} MiB", "—",
            f"{rss / values / 1024:.1f} KiB per value, {rss / node_count(1024, 64):.0f} B per node",
            "≤ 1024 MiB", rss <= 2**30)
        (a1024,) = hyperfine([quote(big)], max(3, args.runs // 5), single)
        per256, per1024 = a256 / (256 * 64), a1024 / values
        row("exact attention 1024×64, 50 digits: time per value", f"{per1024 * 1e6:.0f} µs ({a1024:.2f} s)",
            f"256×64: {per256 * 1e6:.0f} µs", f"{per1024 / per256:.2f}×", "≤ 1× per value", per1024 <= per256)

        # A causal mask: masked rows are still built and evaluated weight by weight (the lazy
        # rows and the fixed-point kernel take unmasked rows only), so this is measured, not a target.
        masked = [BINARY, "eval", "--digits", "50", "--format", "json",
                  rand_program(256, 64).replace("attention(X, X, X)", "attention(X, X, X, causal(256))")]
        assert masked[-1] != ours[-1], "the masked program must differ from the unmasked one"
        (am,) = hyperfine([quote(masked)], args.runs, single)
        row("exact causal attention 256×64, 50 digits vs unmasked", f"{am * 1e3:.0f} ms", f"{a256 * 1e3:.0f} ms",
            f"{am / a256:.2f}×", "—", None)

        # A whole lesson at hundreds of rows: cross-attention (causal self-attention, cross-attention,
        # and the differences that prove nothing leaks) with 200 decoder rows, every step printed.
        lesson = [BINARY, "run", "cross-attention", "--set", "Y=rand(200, 4, 3)"]
        (al,) = hyperfine([quote(lesson)], max(3, args.runs // 3), single)
        row("lesson at 200 rows: run cross-attention, Y = rand(200, 4, 3)", f"{al:.2f} s", "—", "—", "≤ 2 s", al <= 2)

        # Float.
        for n in (1024, 2048):
            path = check_float_agrees(tmp, n, 64)
            ours = [BINARY, "eval", "--float", rand_program(n, 64)]
            peer = [PYTHON, os.path.join(PEERS, "numpy_attention.py"), path]
            a, p = hyperfine([quote(ours), quote(peer)], args.runs, single)
            row(f"--float attention {n}×64 vs NumPy (1 BLAS thread)", f"{a * 1e3:.1f} ms", f"{p * 1e3:.1f} ms",
                f"{a / p:.2f}×", "≤ 1.5×", a / p <= 1.5, count(ours, peer))

        # Lesson recompute (in-process): self-attention's last step after X changes.
        us = step_timing("self-attention", 5, ["X=[1 0 1 0; 1 0 1 0; 1 1 0 0]", "X=[1 0 1 0; 0 2 0 1; 1 1 0 0]"])
        row("lesson step recompute (self-attention, X changed)", f"{us:.0f} µs", "—", "—", "≤ 1000 µs", us <= 1000)

        # Growth of the exact path.
        sizes = [8, 16, 32, 64, 128]
        times = hyperfine([quote([BINARY, "eval", "--digits", "50", "--format", "json", rand_program(n, 16)])
                           for n in sizes], max(5, args.runs // 3), single)
        for i, (n, t) in enumerate(zip(sizes, times)):
            if i == 0:
                row(f"exact growth n={n} (×16, 50 digits)", f"{t * 1e3:.1f} ms", "—", "—", "~4× per doubling", True)
                continue
            grow = t / times[i - 1]
            row(f"exact growth n={n} (×16, 50 digits)", f"{t * 1e3:.1f} ms", f"n={sizes[i - 1]}: {times[i - 1] * 1e3:.1f} ms",
                f"{grow:.2f}× per doubling", "≤ ~4× (n² work)", grow <= 4.6)

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    print(f"\nMachine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; "
          f"{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}; median of {args.runs} runs (hyperfine)\n")
    notes = args.instructions
    print("| measurement | attn-repl | peer | ratio | target | result |" + (" instructions |" if notes else ""))
    print("|---|---|---|---|---|---|" + ("---|" if notes else ""))
    for name, ours, peer, ratio, target, verdict, note in rows:
        print(f"| {name} | {ours} | {peer} | {ratio} | {target} | {verdict} |" + (f" {note} |" if notes else ""))


if __name__ == "__main__":
    main()
