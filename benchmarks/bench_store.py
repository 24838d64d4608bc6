"""The corpus store at scale: index cold and warm, then warm queries, on generated corpora.

    .venv/bin/python benchmarks/bench_store.py [--docs 1000,10000] [--jobs 1,2] [--json]
    .venv/bin/python benchmarks/bench_store.py --docs 10000 --jobs 2 --real-share 0.1 --forms /tmp/forms

For each size a corpus is generated with ``tests/support/generate.py`` (multi-level cascades
of plans under Chỉ thị 33/CT-TTg and a decoy directive, numbers colliding across issuers
and years) and written to a temporary folder. Then, each command run as a user runs it
(``danvan ...`` in a subprocess, a fresh store per ``--jobs`` value):

- ``index`` cold with each ``--jobs`` (no graph), and again warm (nothing changed);
- ``graph --root 33/CT-TTg --format json`` cold (builds and keeps the corpus graph) and warm;
  ``graph --root 33/CT-TTg --depth 1`` warm (what a person asks first);
- ``deadlines --year 2022 --format json`` warm; ``track --root 33/CT-TTg --year 2021 --format json`` warm;
- peak memory: the largest sum of resident memory over the command's process tree (main
  process and its workers), sampled every 50 ms from /proc.

With ``--real-share F`` a fraction F of the documents are real pages in the forms people
keep them in, copied in place of as many plans: the renderings ``score_forms.py --dump DIR``
writes (Word's plain text, pipe tables, ``pdftotext -layout``, one line, .docx, HTML, PDF,
damaged copies; ``--forms DIR``), else the real files of ``../shared/real`` as they came
(tvpl pages, whole pages, Word web pages). Each copy has a path of its own, so it is read,
hashed and parsed like any other file (copies of one page end up as one document's
duplicates in the graph).

Each row also prints the CPU seconds of the index's process tree (``index_cpu_s``; the main
process, which writes the store, alone: ``index_main_cpu_s``) and what the index would take on
2 quiet cores if the workers kept both busy (``index_quiet_2core_s``: half the CPU, never less
than the writer's own), and what 100,000 documents would take at the row's rate
(``index_100k_s`` from the wall clock, ``index_100k_quiet_2core_s`` from the CPU; the index
was measured linear, see ``benchmarks/README.md``): an extrapolation, not a measurement, for a
session too short to index 100,000. Every warm query prints its CPU seconds too (``*_cpu_s``):
on a loaded machine its wall time is mostly waiting for a core.

Figures are for people (no test asserts on them); compare rows of one run.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
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


def _cpu_s(pid: int) -> float:
    """User + system seconds ``pid`` has run so far (``/proc/PID/stat``)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


LAST_STDERR = [""]
#: CPU seconds of the last command's process tree: (all processes, the main process alone),
#: sampled with its memory (the last 50 ms of each process are missed).
LAST_CPU = [0.0, 0.0]


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak MB of the process tree) of one command; fails loudly if it fails.
    Its standard error is kept in ``LAST_STDERR`` (the summary line of ``index``)."""
    peak = [0]
    cpu: dict[int, float] = {}
    t0 = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def sample() -> None:
        while proc.poll() is None:
            tree = _tree(proc.pid)
            peak[0] = max(peak[0], sum(_rss_kb(p) for p in tree))
            for p in tree:
                cpu[p] = max(cpu.get(p, 0.0), _cpu_s(p))
            time.sleep(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _out, err = proc.communicate()
    elapsed = time.perf_counter() - t0
    t.join()
    if proc.returncode not in (0,):
        raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{err}")
    LAST_STDERR[0] = err.strip().splitlines()[-1] if err.strip() else ""
    LAST_CPU[:] = [sum(cpu.values()), cpu.get(proc.pid, 0.0)]
    return elapsed, peak[0] / 1024


REAL = Path(os.environ.get("DANVAN_REAL") or Path(__file__).resolve().parent.parent.parent / "shared" / "real")


def real_files(forms: Path | None) -> list[Path]:
    """The real pages to mix in: the renderings of ``score_forms.py --dump`` in ``forms``,
    else the real text and web pages of ``../shared/real`` as they came."""
    if forms is not None:
        return sorted(p for p in forms.iterdir() if p.is_file())
    found: list[Path] = []
    for sub, pattern in (("tvpl/docs", "*.txt"), ("tvpl-pages", "*.md"), ("word-html", "*.htm")):
        found.extend(sorted((REAL / sub).glob(pattern)))
    return found


def mix_real(folder: Path, share: float, sources: list[Path]) -> int:
    """Replace ``share`` of the plan files in ``folder`` by copies of ``sources`` (cycled,
    every copy a path of its own); how many were replaced."""
    plans = sorted(p for p in folder.rglob("*") if p.is_file() and "CT-TTg" not in p.name)  # the directives stay
    k = round(len(plans) * share) if sources else 0
    step = len(plans) / k if k else 0
    for i, src in zip(range(k), itertools.cycle(sources)):
        victim = plans[int(i * step)]
        victim.unlink()
        shutil.copyfile(src, victim.parent / f"real-{i:06d}-{src.name}")
    return k


def run_size(n: int, jobs_list: list[int], tmp: Path, share: float = 0.0, forms: Path | None = None) -> list[dict[str, object]]:
    t0 = time.perf_counter()
    corpus = corpus_of_size(n)
    folder = tmp / f"corpus-{n}"
    corpus.write(folder)
    docs = len(corpus.documents)
    mixed = mix_real(folder, share, real_files(forms)) if share > 0 else 0
    if mixed:
        print(f"{mixed} of them replaced by copies of real pages ({len(real_files(forms))} distinct files)")
    mb = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6
    print(f"\n{docs} documents, {mb:.1f} MB (generated and written in {time.perf_counter() - t0:.1f} s)", flush=True)
    rows = []
    env = {**os.environ, "CI": "1"}
    for jobs in jobs_list:
        store = tmp / f"store-{n}-j{jobs}.sqlite"
        env["DANVAN_STORE"] = str(store)
        row: dict[str, object] = {"docs": docs, "real": mixed, "MB": round(mb, 2), "jobs": jobs}
        index = [*DANVAN, "index", str(folder), "--no-graph", "--jobs", str(jobs)]
        s, m = timed(index, env)
        # On a shared machine the wall clock measures the other tenants too: the CPU the index's
        # processes used, spread over 2 cores (never less than what the writer alone used), is
        # what it would take on 2 quiet cores if its workers kept both busy.
        quiet = max(LAST_CPU[0] / 2, LAST_CPU[1])
        row.update(index_cold_s=round(s, 2), docs_per_s=round(docs / s), MB_per_s=round(mb / s, 2), index_peak_MB=round(m),
                   index_cpu_s=round(LAST_CPU[0], 1), index_main_cpu_s=round(LAST_CPU[1], 1),
                   index_quiet_2core_s=round(quiet, 1), index_100k_s=round(100_000 * s / docs),
                   index_100k_quiet_2core_s=round(100_000 * quiet / docs), index_cold_said=LAST_STDERR[0])
        s, m = timed(index, env)
        row.update(index_warm_s=round(s, 2), index_warm_cpu_s=round(LAST_CPU[0], 2), index_warm_said=LAST_STDERR[0])
        graph = [*DANVAN, "graph", str(folder), "--root", "33/CT-TTg", "--format", "json", "-o", os.devnull, "-q"]
        s, m = timed(graph, env)
        row.update(graph_cold_s=round(s, 2), graph_cold_peak_MB=round(m))
        s, m = timed(graph, env)
        row.update(graph_warm_s=round(s, 2), graph_warm_cpu_s=round(LAST_CPU[0], 2), graph_warm_peak_MB=round(m))
        s, _m = timed([*DANVAN, "graph", str(folder), "--root", "33/CT-TTg", "--depth", "1", "-q", "-o", os.devnull], env)
        row.update(graph_depth1_warm_s=round(s, 2), graph_depth1_warm_cpu_s=round(LAST_CPU[0], 2))
        s, m = timed([*DANVAN, "deadlines", str(folder), "--year", "2022", "--format", "json", "-o", os.devnull, "-q"],
                     env)
        row.update(deadlines_warm_s=round(s, 2), deadlines_warm_cpu_s=round(LAST_CPU[0], 2), deadlines_peak_MB=round(m))
        s, m = timed([*DANVAN, "track", str(folder), "--root", "33/CT-TTg", "--year", "2021", "--format", "json",
                      "-o", os.devnull], env)
        row.update(track_warm_s=round(s, 2), track_warm_cpu_s=round(LAST_CPU[0], 2), track_peak_MB=round(m))
        row["store_MB"] = round(sum(p.stat().st_size for p in tmp.glob(f"store-{n}-j{jobs}.sqlite*")) / 1e6, 1)
        print(json.dumps(row), flush=True)
        rows.append(row)
        for p in tmp.glob(f"store-{n}-j{jobs}.sqlite*"):
            p.unlink()
    shutil.rmtree(folder)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", default="1000,10000", help="corpus sizes, comma-separated")
    ap.add_argument("--jobs", default="1,2", help="--jobs values to index with, comma-separated")
    ap.add_argument("--json", action="store_true", help="print all rows as one JSON list at the end")
    ap.add_argument("--tmp", default=None, help="folder for corpora and stores (default: a temporary one)")
    ap.add_argument("--real-share", type=float, default=0.0,
                    help="fraction of the documents replaced by copies of real pages (default 0)")
    ap.add_argument("--forms", default=None,
                    help="folder of real pages in their forms (score_forms.py --dump); default: ../shared/real as is")
    args = ap.parse_args()
    sizes = [int(x) for x in args.docs.split(",")]
    jobs = [int(x) for x in args.jobs.split(",")]
    forms = Path(args.forms) if args.forms else None
    with tempfile.TemporaryDirectory(dir=args.tmp) as tmp:
        rows = [r for n in sizes for r in run_size(n, jobs, Path(tmp), args.real_share, forms)]
    if args.json:
        print(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
