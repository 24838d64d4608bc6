"""How fast ``danvan parse`` reads, and whether its time grows linearly with the text.

Run from the repository root::

    .venv/bin/python benchmarks/bench_parse.py            # the full table (about a minute)
    .venv/bin/python benchmarks/bench_parse.py --quick    # smaller corpus and sizes
    .venv/bin/python benchmarks/bench_parse.py --json     # the same figures as JSON

What it measures, on one core (the process pins itself to one CPU where the OS allows):

1. **Corpus**: a few hundred realistic plans from ``tests/support/generate.py``
   (header, ``Số: 12/KH-UBND``, place and date, ``KẾ HOẠCH``, ``Thực hiện Chỉ thị số ...``,
   numbered tasks, deadlines, ``Nơi nhận``, signature), each parsed as its own document:
   documents per second and MB per second (MB = 10^6 bytes of UTF-8, as the files are on disk).
2. **Scaling**: the same plans concatenated into one text of 0.5, 1, 2 and 4 MB and parsed
   as a single document. Time per MB should stay flat if parsing is linear.
3. **Bad input**: texts from the issue's "Bad input" list (a run of ``1/1/1/...``,
   ``Chỉ thị số Chỉ thị số ...``, a single line of citations with no line break) at two
   sizes: the ratio of times should be close to the ratio of sizes.
4. **Baseline**: one plain ``regex`` pass over the same text (the document-number pattern
   ``danvan_cli.extract.numbers.NUMBER.finditer``); the ``× regex`` column is parse time
   divided by that pass's time, measured in the same run so that machine noise cancels out.
5. **Real pages**: the 70 pages of ``../shared/real/tvpl/docs`` (``$DANVAN_REAL`` to point
   elsewhere): long decisions with appendix tables, every cell on its own line — a different
   shape from the generated plans. Left out when the folder is absent.
6. **Start-up**: ``danvan --version`` (and ``python -m danvan_cli --version``) as a
   subprocess, best of N.

``--stages`` prints instead where ``parse_text``'s time goes, stage by stage (normalize,
layout, citations, header, references, outline and tasks, deadlines), on the three inputs
(the corpus, one concatenated text, the real pages).

Every timing is the best of ``--repeat`` runs (the least disturbed by other processes), read
as the CPU time of this process (``--wall`` for the wall clock; start-up is always wall time).
No test asserts on any of these figures: they are for people.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the corpus generator lives in tests/support

MB = 1_000_000

#: What a timing reads: the CPU time of this process by default (on a machine shared with
#: other work, what the others do barely moves it), the wall clock with ``--wall``.
_clock: Callable[[], float] = time.process_time


def _pin_one_core() -> int | None:
    """Run on one CPU so that the figures are per core; returns the CPU used."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})
        return cpus[-1]
    except OSError:
        return None


def forget_answers() -> None:
    """Drop what the parser remembers across documents (answers about lines, place
    look-ups): each timed run of the same texts then starts as a fresh process's first pass
    would, and times the work, not the memory of the run before (repeats across the
    documents of one run, as an archive has them, still count). A checkout without such
    memory (``compare_parse.py`` times older ones) is left as it is."""
    try:
        from danvan_cli.text.memo import forget
    except ImportError:
        pass
    else:
        forget()
    try:
        from danvan_cli.extract.admin_units import current
    except ImportError:
        return
    g = current()
    for name in ("memo",):
        getattr(g, name, {}).clear()
    for name in ("lookup", "subunits_of"):
        clear = getattr(getattr(g, name, None), "cache_clear", None)
        if clear is not None:
            clear()


def _best(fn: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``repeat`` calls (garbage collected before, not during; what the
    parser remembers across documents forgotten before each: ``forget_answers``)."""
    best = float("inf")
    for _ in range(repeat):
        forget_answers()
        gc.collect()
        gc.disable()
        try:
            t0 = _clock()
            fn()
            best = min(best, _clock() - t0)
        finally:
            gc.enable()
    return best


def _nbytes(s: str) -> int:
    return len(s.encode("utf-8"))


# ---------------------------------------------------------------- inputs


def corpus_texts(provinces: int, seed: int) -> list[str]:
    """Realistic plans (and the two central directives they carry out)."""
    from support.generate import generate_corpus

    corpus = generate_corpus(provinces=provinces, districts=3, communes=2, seed=seed)
    return [d.text for d in corpus.documents]


def concatenated(texts: list[str], size_bytes: int) -> str:
    """The plans one after another until ``size_bytes`` of UTF-8, cut at a line end."""
    parts: list[str] = []
    total = 0
    i = 0
    while total < size_bytes:
        t = texts[i % len(texts)]
        parts.append(t)
        total += _nbytes(t) + 2
        i += 1
    big = "\n\n".join(parts).encode("utf-8")[:size_bytes].decode("utf-8", errors="ignore")
    cut = big.rfind("\n")
    return big[: cut + 1] if cut > 0 else big


_CITATION = (
    "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng "
    "cường công tác dân vận, Kế hoạch số 12/KH-UBND ngày 05/3/2022 của UBND tỉnh Hải Dương; "
)

#: The issue's "Bad input" texts, as (name, repeated unit).
BAD_INPUTS: list[tuple[str, str]] = [
    ("1/1/1/... run", "1/"),
    ("Chỉ thị số Chỉ thị số ...", "Chỉ thị số "),
    ("one line of citations", _CITATION),
    ("one line of prose", "Tăng cường công tác dân vận của chính quyền các cấp trên địa bàn tỉnh, "),
    ("spaces then a letter", " "),
]


def repeat_to(unit: str, size_bytes: int) -> str:
    n = max(1, size_bytes // _nbytes(unit))
    text = unit * n
    return text + "x" if unit == " " else text


# ---------------------------------------------------------------- measurements


def real_texts() -> list[str]:
    """The real pages of ``tvpl/docs`` (``$DANVAN_REAL`` or ``../shared/real``), read as parse_file would."""
    env = os.environ.get("DANVAN_REAL")
    folder = (Path(env) if env else ROOT.parent / "shared" / "real") / "tvpl" / "docs"
    if not folder.is_dir():
        folder = ROOT.parent / "shared" / "real" / "tvpl" / "docs"
    if not folder.is_dir():
        return []
    from danvan_cli.text.read import read_source

    return [read_source(p).text for p in sorted(folder.glob("*.txt"))]


def regex_pass(texts: list[str]) -> None:
    from danvan_cli.extract.numbers import NUMBER

    for t in texts:
        for _m in NUMBER.finditer(t):
            pass


def parse_all(texts: list[str]) -> None:
    from danvan_cli import parse_text

    for t in texts:
        parse_text(t)


def measure_corpus(texts: list[str], repeat: int) -> dict[str, float]:
    nbytes = sum(_nbytes(t) for t in texts)
    parse_all(texts[:5])  # warm: reference data and regex tables load once per process
    t_parse = _best(lambda: parse_all(texts), repeat)
    t_regex = _best(lambda: regex_pass(texts), repeat)
    return {
        "docs": len(texts),
        "mb": nbytes / MB,
        "mean_kb_per_doc": nbytes / len(texts) / 1000,
        "seconds": t_parse,
        "docs_per_s": len(texts) / t_parse,
        "mb_per_s": nbytes / MB / t_parse,
        "regex_seconds": t_regex,
        "regex_mb_per_s": nbytes / MB / t_regex,
        "ratio_to_regex": t_parse / t_regex,
    }


def measure_one(text: str, repeat: int) -> dict[str, float]:
    from danvan_cli import parse_text

    nbytes = _nbytes(text)
    t_parse = _best(lambda: parse_text(text), repeat)
    t_regex = _best(lambda: regex_pass([text]), repeat)
    return {
        "mb": nbytes / MB,
        "chars": len(text),
        "seconds": t_parse,
        "mb_per_s": nbytes / MB / t_parse,
        "s_per_mb": t_parse / (nbytes / MB),
        "regex_seconds": t_regex,
        "ratio_to_regex": t_parse / t_regex,
    }


#: The stages ``parse_text`` calls, as (label, module, function name); the time of a call made
#: inside another stage is counted in that stage, so the shares add up to the parse time.
STAGES: list[tuple[str, str, str]] = [
    ("normalize (text + view)", "danvan_cli.pipeline", "normalize_text"),
    ("normalize (text + view)", "danvan_cli.pipeline", "matching_view"),
    ("layout", "danvan_cli.text.layout", "build_layout"),
    ("citations (scan)", "danvan_cli.extract.citations", "scan_citations"),
    ("header", "danvan_cli.extract.header", "extract_header"),
    ("outline start", "danvan_cli.text.layout", "outline_start"),
    ("references (resolve)", "danvan_cli.resolve.references", "resolve_references"),
    ("outline + tasks", "danvan_cli.extract.outline", "use_layout"),
    ("outline + tasks", "danvan_cli.extract.outline", "build_outline"),
    ("outline + tasks", "danvan_cli.extract.outline", "extract_tasks"),
    ("outline + tasks", "danvan_cli.extract.outline", "extract_outline"),
    ("deadlines", "danvan_cli.extract.deadlines", "extract_deadlines"),
]


def measure_stages(texts: list[str], repeat: int) -> dict[str, float]:
    """Seconds per stage of ``parse_text`` over ``texts`` (best of ``repeat`` per stage is not
    meaningful, so the run with the least total is kept); ``glue`` is what no stage holds."""
    import importlib

    from danvan_cli import parse_text

    totals: dict[str, float] = {}
    depth = [0]
    saved: list[tuple[object, str, object]] = []

    def wrap(label: str, fn: Callable[..., object]) -> Callable[..., object]:
        def timed(*a: object, **k: object) -> object:
            if depth[0]:
                return fn(*a, **k)
            depth[0] += 1
            t0 = _clock()
            try:
                return fn(*a, **k)
            finally:
                totals[label] = totals.get(label, 0.0) + _clock() - t0
                depth[0] -= 1

        return timed

    for label, mod_name, name in STAGES:
        mod = importlib.import_module(mod_name)
        fn = getattr(mod, name)
        saved.append((mod, name, fn))
        setattr(mod, name, wrap(label, fn))
    try:
        parse_all(texts[:5])
        best: dict[str, float] | None = None
        for _ in range(repeat):
            totals.clear()
            forget_answers()
            gc.collect()
            gc.disable()
            try:
                t0 = _clock()
                for t in texts:
                    parse_text(t)
                total = _clock() - t0
            finally:
                gc.enable()
            row = dict(totals)
            row["glue"] = total - sum(totals.values())
            row["total"] = total
            if best is None or total < best["total"]:
                best = row
    finally:
        for mod, name, fn in saved:
            setattr(mod, name, fn)
    assert best is not None
    return best


def run_stages(args: argparse.Namespace) -> dict:
    """Where the time goes on the three inputs: the corpus, one long text, the real pages."""
    cpu = _pin_one_core() if not args.no_pin else None
    texts = corpus_texts(args.provinces, args.seed)
    inputs = {"corpus": texts, f"one text of {args.sizes[-1]:g} MB": [concatenated(texts, int(args.sizes[-1] * MB))]}
    real = real_texts()
    if real:
        inputs["real pages (tvpl)"] = real
    out: dict = {"pinned_cpu": cpu, "inputs": {}}
    for name, ts in inputs.items():
        row = measure_stages(ts, args.repeat)
        row["mb"] = sum(_nbytes(t) for t in ts) / MB
        row["docs"] = len(ts)
        out["inputs"][name] = row
    return out


def print_stages(rep: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    con = Console()
    names = list(rep["inputs"])
    labels = list(dict.fromkeys(label for label, _, _ in STAGES)) + ["glue"]
    t = Table(title=f"Where parse_text's time goes (ms per MB, share), pinned to CPU {rep['pinned_cpu']}")
    t.add_column("stage")
    for n in names:
        t.add_column(n, justify="right")
    for label in labels + ["total"]:
        cells = []
        for n in names:
            r = rep["inputs"][n]
            secs = r.get(label, 0.0)
            cells.append(f"{secs / r['mb'] * 1000:.0f} ms  {secs / r['total'] * 100:4.1f} %")
        t.add_row(label, *cells)
    t.add_row("MB/s", *(f"{rep['inputs'][n]['mb'] / rep['inputs'][n]['total']:.2f}" for n in names))
    t.add_row("docs/s", *(f"{rep['inputs'][n]['docs'] / rep['inputs'][n]['total']:.0f}" for n in names))
    con.print(t)


def measure_startup(runs: int) -> dict[str, float | None]:
    """``danvan --version`` and ``python -m danvan_cli --version``: best wall time of ``runs``."""
    out: dict[str, float | None] = {}
    exe = Path(sys.executable).parent / "danvan"
    script = str(exe) if exe.exists() else shutil.which("danvan")
    commands = {
        "danvan --version": [script, "--version"] if script else None,
        "python -m danvan_cli --version": [sys.executable, "-m", "danvan_cli", "--version"],
        "python -c pass (interpreter alone)": [sys.executable, "-c", "pass"],
    }
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    for name, cmd in commands.items():
        if cmd is None:
            out[name] = None
            continue
        subprocess.run(cmd, capture_output=True, check=True, env=env, cwd=ROOT)  # warm the file cache
        best = float("inf")
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=True, env=env, cwd=ROOT)
            best = min(best, time.perf_counter() - t0)
        out[name] = best
    return out


# ---------------------------------------------------------------- report


def run(args: argparse.Namespace) -> dict:
    cpu = _pin_one_core() if not args.no_pin else None
    texts = corpus_texts(args.provinces, args.seed)
    report: dict = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus_visible": os.cpu_count(),
            "pinned_cpu": cpu,
        },
        "corpus": measure_corpus(texts, args.repeat),
        "real": None,
        "scaling": [],
        "bad_input": [],
        "startup": {},
    }
    real = real_texts()
    if real:
        report["real"] = measure_corpus(real, args.repeat)
    for size in args.sizes:
        big = concatenated(texts, int(size * MB))
        row = measure_one(big, args.repeat_big)
        row["target_mb"] = size
        report["scaling"].append(row)
    for name, unit in BAD_INPUTS:
        small = measure_one(repeat_to(unit, int(args.bad_size * MB / 2)), args.repeat_big)
        large = measure_one(repeat_to(unit, int(args.bad_size * MB)), args.repeat_big)
        report["bad_input"].append(
            {"input": name, "small": small, "large": large, "growth": large["seconds"] / small["seconds"]}
        )
    report["startup"] = measure_startup(args.startup_runs)
    rows = report["scaling"]
    if len(rows) >= 2:
        report["linearity"] = {
            "s_per_mb_first": rows[0]["s_per_mb"],
            "s_per_mb_last": rows[-1]["s_per_mb"],
            "last_over_first": rows[-1]["s_per_mb"] / rows[0]["s_per_mb"],
        }
    return report


def print_table(rep: dict) -> None:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # pragma: no cover - rich is a dependency
        print(json.dumps(rep, indent=2))
        return
    con = Console()
    m = rep["machine"]
    con.print(f"[bold]danvan parse benchmark[/] — Python {m['python']}, {m['cpus_visible']} CPUs visible, "
              f"pinned to CPU {m['pinned_cpu']}")

    def many_docs(title: str, c: dict) -> None:
        t = Table(title=f"{title}: {c['docs']} documents, {c['mb']:.2f} MB ({c['mean_kb_per_doc']:.1f} kB each)")
        for col in ("parse s", "docs/s", "MB/s", "regex pass s", "regex MB/s", "× regex"):
            t.add_column(col, justify="right")
        t.add_row(f"{c['seconds']:.3f}", f"{c['docs_per_s']:.0f}", f"{c['mb_per_s']:.2f}",
                  f"{c['regex_seconds']:.4f}", f"{c['regex_mb_per_s']:.0f}", f"{c['ratio_to_regex']:.0f}")
        con.print(t)

    many_docs("Corpus (generated plans)", rep["corpus"])
    if rep.get("real"):
        many_docs("Real pages (tvpl/docs)", rep["real"])

    t = Table(title="One concatenated text (linear growth: s/MB stays flat)")
    for col in ("size MB", "parse s", "MB/s", "s per MB", "× regex"):
        t.add_column(col, justify="right")
    for r in rep["scaling"]:
        t.add_row(f"{r['mb']:.2f}", f"{r['seconds']:.3f}", f"{r['mb_per_s']:.2f}", f"{r['s_per_mb']:.3f}",
                  f"{r['ratio_to_regex']:.0f}")
    con.print(t)
    if "linearity" in rep:
        lin = rep["linearity"]
        con.print(f"s/MB at the largest size over s/MB at the smallest: {lin['last_over_first']:.2f} (1.0 is linear)")

    t = Table(title="Bad input (growth ≈ 2.0 when the size doubles and time is linear)")
    for col in ("input", "MB", "s", "MB", "s", "growth"):
        t.add_column(col, justify="right")
    for r in rep["bad_input"]:
        s, l_ = r["small"], r["large"]
        t.add_row(r["input"], f"{s['mb']:.2f}", f"{s['seconds']:.3f}", f"{l_['mb']:.2f}", f"{l_['seconds']:.3f}",
                  f"{r['growth']:.2f}")
    con.print(t)

    t = Table(title="Start-up (best wall time, subprocess)")
    t.add_column("command")
    t.add_column("seconds", justify="right")
    for name, secs in rep["startup"].items():
        t.add_row(name, "n/a" if secs is None else f"{secs:.3f}")
    con.print(t)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--provinces", type=int, default=10,
                   help="provinces in the generated corpus (×30 plans each, default 10: ~300 docs)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--sizes", type=float, nargs="+", default=[0.5, 1, 2, 4],
                   help="sizes in MB of the concatenated text (default 0.5 1 2 4)")
    p.add_argument("--bad-size", type=float, default=1.0, help="MB of the larger bad input (default 1)")
    p.add_argument("--repeat", type=int, default=3, help="runs per corpus timing (best kept)")
    p.add_argument("--repeat-big", type=int, default=2, help="runs per large-text timing (best kept)")
    p.add_argument("--startup-runs", type=int, default=15)
    p.add_argument("--quick", action="store_true", help="small corpus and sizes, one run each")
    p.add_argument("--no-pin", action="store_true", help="do not pin the process to one CPU")
    p.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    p.add_argument("--wall", action="store_true",
                   help="time with the wall clock instead of this process's CPU time")
    p.add_argument("--stages", action="store_true",
                   help="where the time goes, stage by stage, on the corpus, one long text and the real pages")
    args = p.parse_args(argv)
    global _clock
    _clock = time.perf_counter if args.wall else time.process_time
    if args.quick:
        args.provinces, args.sizes, args.bad_size = 3, [0.25, 0.5, 1], 0.25
        args.repeat = args.repeat_big = 1
        args.startup_runs = 5
    measure, show = (run_stages, print_stages) if args.stages else (run, print_table)
    rep = measure(args)
    if args.json:
        print(json.dumps(rep, indent=2, ensure_ascii=False))
    else:
        show(rep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
