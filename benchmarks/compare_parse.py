"""Parse speed of two checkouts, side by side in one run: the ratio a speed change claims.

Why: on a shared machine two runs minutes apart differ by more than most speed changes, so
a change is measured against the code it changes *in the same run*, in turns (A, B, A, B...),
each the best of several, as CPU time of the process. Run from the repository root::

    git worktree add /tmp/danvan-main main          # or: git archive main | tar -x -C DIR
    .venv/bin/python benchmarks/compare_parse.py /tmp/danvan-main .
    .venv/bin/python benchmarks/compare_parse.py /tmp/danvan-main . --rounds 3 --json

Each checkout is timed in its own subprocess (its ``danvan_cli`` first on ``sys.path``) on
the three inputs of ``bench_parse.py``: the generated corpus (302 plans), one concatenated
text of 1 MB, and the real pages of ``tvpl/docs`` (``$DANVAN_REAL`` or ``../shared/real``).
The inputs are this checkout's (``tests/support/generate.py``), the same bytes for both.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Run in a subprocess: time ``parse_text`` of one checkout on the three inputs.
_CHILD = r"""
import gc, json, sys, time
tree, here, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, here + "/benchmarks")
import bench_parse  # puts its own checkout first on sys.path: the tree under test goes before it
sys.path.insert(0, tree)
assert "danvan_cli" not in sys.modules
from danvan_cli import parse_text
texts = bench_parse.corpus_texts(10, 7)
inputs = {"corpus": texts, "one text of 1 MB": [bench_parse.concatenated(texts, 1_000_000)]}
real = bench_parse.real_texts()
if real:
    inputs["real pages (tvpl)"] = real
out = {}
for name, ts in inputs.items():
    for t in ts[:3]:
        parse_text(t)
    best = float("inf")
    for _ in range(repeat):
        bench_parse.forget_answers()
        gc.collect(); gc.disable()
        t0 = time.process_time()
        for t in ts:
            parse_text(t)
        best = min(best, time.process_time() - t0)
        gc.enable()
    out[name] = {"seconds": best, "docs": len(ts), "mb": sum(len(t.encode()) for t in ts) / 1e6}
import danvan_cli
out["_module"] = danvan_cli.__file__
print(json.dumps(out))
"""


def _time(tree: Path, repeat: int) -> dict:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tree), str(ROOT), str(repeat)],
        capture_output=True, text=True, env=env, check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("before", type=Path, help="the checkout to compare against (e.g. a worktree of main)")
    p.add_argument("after", type=Path, help="the checkout with the change")
    p.add_argument("--rounds", type=int, default=2, help="turns of before/after (default 2)")
    p.add_argument("--repeat", type=int, default=5, help="runs per input per turn, best kept (default 5)")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        try:  # one core for the children too (inherited)
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})
        except OSError:
            pass
    best: dict[str, dict[str, dict]] = {"before": {}, "after": {}}
    modules = {}
    for _ in range(args.rounds):
        for side, tree in (("before", args.before), ("after", args.after)):
            got = _time(tree.resolve(), args.repeat)
            modules[side] = got.pop("_module")
            for name, row in got.items():
                if name not in best[side] or row["seconds"] < best[side][name]["seconds"]:
                    best[side][name] = row
    rows = []
    for name in best["before"]:
        b, a = best["before"][name], best["after"].get(name)
        if a is None:
            continue
        rows.append({
            "input": name, "docs": b["docs"], "mb": b["mb"],
            "before_mb_s": b["mb"] / b["seconds"], "after_mb_s": a["mb"] / a["seconds"],
            "before_docs_s": b["docs"] / b["seconds"], "after_docs_s": a["docs"] / a["seconds"],
            "speedup": b["seconds"] / a["seconds"],
        })
    if args.json:
        print(json.dumps({"modules": modules, "rows": rows}, indent=2, ensure_ascii=False))
        return 0
    print(f"before: {modules.get('before')}\nafter:  {modules.get('after')}")
    print(f"{'input':<20} {'docs':>5} {'MB':>5}  {'docs/s before':>13} {'after':>7}  {'MB/s before':>11} {'after':>6}  speed-up")
    for r in rows:
        print(f"{r['input']:<20} {r['docs']:>5} {r['mb']:>5.2f}  {r['before_docs_s']:>13.0f} {r['after_docs_s']:>7.0f}"
              f"  {r['before_mb_s']:>11.2f} {r['after_mb_s']:>6.2f}  ×{r['speedup']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
