"""The corpus store at scale: index cold and warm, then warm queries, on generated corpora.

    .venv/bin/python benchmarks/bench_store.py [--docs 1000,10000] [--jobs 1,2] [--json]

For each size a corpus is generated with ``tests/support/generate.py`` (multi-level cascades
of plans under Chỉ thị 33/CT-TTg and a decoy directive, numbers colliding across issuers
and years) and written to a temporary folder. Then, each command run as a user runs it
(``danvan ...`` in a subprocess, a fresh store per ``--jobs`` value):

- ``index`` cold with each ``--jobs`` (no graph), and again warm (nothing changed);
- ``graph --root 33/CT-TTg --format json`` cold (builds and keeps the corpus graph) and warm;
  ``graph --root 33/CT-TTg --depth 1`` warm (what a person asks first);
- ``deadlines --year 2022 --format json`` warm;
- peak memory: the largest sum of resident memory over the command's process tree (main
  process and its workers), sampled every 50 ms from /proc.

Figures are for people (no test asserts on them); compare rows of one run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the corpus generator: tests/support

from support.generate import GeneratedCorpus, generate_corpus

DANVAN = [sys.executable, "-m", "danvan_cli"]


def corpus_of_size(n: int, seed: int = 1) -> GeneratedCorpus:
    """About ``n`` documents: up to 63 provinces, then more districts and communes each, then
    more yearly campaigns (real units run out near 32,000 documents for three campaigns)."""
    provinces = min(63, max(2, n // 160))
    districts, communes = 3, 2
    while 2 + provinces * 3 * (1 + districts * (1 + communes)) < min(n, 30000):
        if communes <= districts * 2:
            communes += 1
        else:
            districts += 1
    years = 2
    corpus = generate_corpus(provinces=provinces, districts=districts, communes=communes, seed=seed,
                             number_space=max(1, n // 8000), years=years)
    while len(corpus.documents) < n * 0.95:
        per_campaign = (len(corpus.documents) - 2) / (years + 1)
        years += max(1, round((n - len(corpus.documents)) / per_campaign))
        corpus = generate_corpus(provinces=provinces, districts=districts, communes=communes, seed=seed,
                                 number_space=max(1, n // 8000), years=years)
    return corpus


def _tree(root: int) -> list[int]:
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        kids.setdefault(ppid, []).append(int(entry))
    out, stack = [], [root]
    while stack:
        p = stack.pop()
        out.append(p)
        stack.extend(kids.get(p, []))
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


LAST_STDERR = [""]


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak MB of the process tree) of one command; fails loudly if it fails.
    Its standard error is kept in ``LAST_STDERR`` (the summary line of ``index``)."""
    peak = [0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], sum(_rss_kb(p) for p in _tree(proc.pid)))
            time.sleep(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _out, err = proc.communicate()
    elapsed = time.perf_counter() - t0
    t.join()
    if proc.returncode not in (0,):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{err}")
    LAST_STDERR[0] = err.strip().splitlines()[-1] if err.strip() else ""
    return elapsed, peak[0] / 1024


def run_size(n: int, jobs_list: list[int], tmp: Path) -> list[dict[str, object]]:
    t0 = time.perf_counter()
    corpus = corpus_of_size(n)
    folder = tmp / f"corpus-{n}"
    corpus.write(folder)
    docs = len(corpus.documents)
    mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
    print(f"\n{docs} documents, {mb:.1f} MB (generated and written in {time.perf_counter() - t0:.1f} s)", flush=True)
    rows = []
    env = {**os.environ, "CI": "1"}
    for jobs in jobs_list:
        store = tmp / f"store-{n}-j{jobs}.sqlite"
        env["DANVAN_STORE"] = str(store)
        row: dict[str, object] = {"docs": docs, "MB": round(mb, 2), "jobs": jobs}
        index = [*DANVAN, "index", str(folder), "--no-graph", "--jobs", str(jobs)]
        s, m = timed(index, env)
        row.update(index_cold_s=round(s, 2), docs_per_s=round(docs / s), MB_per_s=round(mb / s, 2), index_peak_MB=round(m),
                   index_cold_said=LAST_STDERR[0])
        s, m = timed(index, env)
        row.update(index_warm_s=round(s, 2), index_warm_said=LAST_STDERR[0])
        graph = [*DANVAN, "graph", str(folder), "--root", "33/CT-TTg", "--format", "json", "-o", os.devnull, "-q"]
        s, m = timed(graph, env)
        row.update(graph_cold_s=round(s, 2), graph_cold_peak_MB=round(m))
        s, m = timed(graph, env)
        row.update(graph_warm_s=round(s, 2), graph_warm_peak_MB=round(m))
        s, _m = timed([*DANVAN, "graph", str(folder), "--root", "33/CT-TTg", "--depth", "1", "-q", "-o", os.devnull], env)
        row.update(graph_depth1_warm_s=round(s, 2))
        s, m = timed([*DANVAN, "deadlines", str(folder), "--year", "2022", "--format", "json", "-o", os.devnull, "-q"],
                     env)
        row.update(deadlines_warm_s=round(s, 2), deadlines_peak_MB=round(m))
        row["store_MB"] = round(sum(p.stat().st_size for p in tmp.glob(f"store-{n}-j{jobs}.sqlite*")) / 1e6, 1)
        print(json.dumps(row), flush=True)
        rows.append(row)
        for p in tmp.glob(f"store-{n}-j{jobs}.sqlite*"):
            p.unlink()
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", default="1000,10000", help="corpus sizes, comma-separated")
    ap.add_argument("--jobs", default="1,2", help="--jobs values to index with, comma-separated")
    ap.add_argument("--json", action="store_true", help="print all rows as one JSON list at the end")
    ap.add_argument("--tmp", default=None, help="folder for corpora and stores (default: a temporary one)")
    args = ap.parse_args()
    sizes = [int(x) for x in args.docs.split(",")]
    jobs = [int(x) for x in args.jobs.split(",")]
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        rows = [r for n in sizes for r in run_size(n, jobs, Path(tmp))]
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
