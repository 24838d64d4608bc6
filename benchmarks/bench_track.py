"""How long ``danvan track`` itself takes over a large corpus already parsed (and a graph built).

    .venv/bin/python benchmarks/bench_track.py [--docs 100000] [--repeat 3] [--json]

The corpus is ``tests/support/generate.py``'s cascade (the 63 provinces' plans for 2022
and 2023 carrying out Chỉ thị 33/CT-TTg, their districts' and communes' plans, and a decoy
cascade with colliding numbers), as documents built from the generator's truth; the root's
own text is parsed, so the expected units are read as ``danvan track`` reads them.

It times, separately:

- building the graph (identity resolution over every citation): the store's job once the
  store lands (issue 10), paid once per corpus change, not per question;
- ``find_roots`` over every node (the one step of track that scans the whole graph);
- ``track`` itself (expected units, the walk down from the root, attribution, deadlines);
- rendering the report as JSON.

Warm = the same process, second and later runs (caches of the admin data and of phrase
readings filled), best of ``--repeat``. The issue's target is a warm track over 100,000
indexed documents in under 2 s, store included; the store's loading cost is not measured
here.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the corpus generator: tests/support

from support.generate import as_documents, generate_corpus  # noqa: E402

from danvan_cli.graph import build_graph, find_roots  # noqa: E402
from danvan_cli.pipeline import parse_text  # noqa: E402
from danvan_cli.track.report import root_document, track  # noqa: E402


def _shift(iso: str | None, years: int) -> str | None:
    if not iso:
        return iso
    y, rest = iso[:4], iso[4:]
    if rest == "-02-29":
        rest = "-02-28"
    return f"{int(y) + years}{rest}"


def other_cascades(k: int) -> list:
    """Another generated corpus as noise: its directives renumbered (``1k/CT-TTg``), every
    date moved ``10k`` years on so that its local numbers (which restart every year) are
    other documents than the tracked cascade's, its files in a folder of their own."""
    docs = as_documents(generate_corpus(provinces=63, districts=8, communes=5, seed=100 + k))
    rename = {"33/CT-TTg": f"{100 + k}/CT-TTg", "26/CT-TTg": f"{200 + k}/CT-TTg"}
    for d in docs:
        d.source = f"noise{k}/{d.source}"
        d.number = rename.get(d.number or "", d.number)
        d.date = _shift(d.date, 10 * k)
        for r in d.references:
            r.number = rename.get(r.number, r.number)
            r.date = _shift(r.date, 10 * k)
    return docs


def corpus_docs(n: int) -> tuple[list, int]:
    """About ``n`` documents: the tracked cascade (the generator's largest, ~9,000 documents:
    63 provinces, 8 districts and 5 communes under each plan, two years and a decoy), then
    other cascades as noise up to ``n``. The root's own text is parsed."""
    corpus = generate_corpus(provinces=63, districts=8, communes=5, seed=1)
    docs = as_documents(corpus)
    for i, d in enumerate(docs):
        if d.source == corpus.root.filename:
            docs[i] = parse_text(corpus.root.text, source=corpus.root.filename)
    k = 1
    while len(docs) < n:
        docs.extend(other_cascades(k))
        k += 1
    return docs[:max(n, len(corpus.documents))], len(corpus.cascade())


def best(fn, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t)
    return min(times), out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    docs, cascade = corpus_docs(args.docs)
    t1 = time.perf_counter()
    g = build_graph(docs)
    t2 = time.perf_counter()
    cold_t = time.perf_counter()
    (root,) = find_roots(g, "33/CT-TTg")
    rdoc = root_document(g, root, docs)
    report = track(g, root, rdoc, as_of=date(2024, 1, 15))
    cold = time.perf_counter() - cold_t
    roots_s, _ = best(lambda: find_roots(g, "33/CT-TTg"), args.repeat)
    track_s, report = best(lambda: track(g, root, rdoc, as_of=date(2024, 1, 15)), args.repeat)
    json_s, _ = best(lambda: json.dumps(report.to_dict(), ensure_ascii=False), args.repeat)  # type: ignore[union-attr]
    s = report.summary()  # type: ignore[union-attr]
    figures = {
        "documents": len(docs),
        "graph_nodes": g.number_of_nodes(),
        "graph_edges": g.number_of_edges(),
        "cascade_documents": s["documents"],
        "true_cascade": cascade - 1,
        "expected_units": s["units"],
        "generate_s": round(t1 - t0, 2),
        "build_graph_s": round(t2 - t1, 2),
        "first_track_s": round(cold, 3),
        "find_roots_s": round(roots_s, 3),
        "track_warm_s": round(track_s, 3),
        "json_s": round(json_s, 3),
        "warm_total_s": round(roots_s + track_s + json_s, 3),
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    for k, v in figures.items():
        print(f"{k:>20}: {v}")


if __name__ == "__main__":
    main()
