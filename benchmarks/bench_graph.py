"""How long the corpus graph takes over ~2,000 generated documents.

    .venv/bin/python benchmarks/bench_graph.py [--docs 2000] [--parse]

Without ``--parse`` it times the graph alone (identity, build, root lookup, traversal)
on documents built from the generator's truth; with ``--parse`` it writes the texts to
a temporary folder and times ``parse_paths`` as well, as ``danvan graph`` runs it.
The issue asks for seconds, not minutes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the corpus generator: tests/support

from support.generate import GeneratedCorpus, as_documents, generate_corpus
from danvan_cli.graph import build_graph, find_roots, traverse


def corpus_of_size(n: int, *, invented: bool = False) -> GeneratedCorpus:
    """About ``n`` documents: 63 provinces at most, so districts and communes grow with ``n``."""
    provinces = 60
    districts, communes = 3, 2
    while True:
        # each province: 3 campaigns x (1 + districts x (1 + communes)) documents
        size = 2 + provinces * 3 * (1 + districts * (1 + communes))
        if size >= n:
            break
        if communes <= districts:
            communes += 1
        else:
            districts += 1
    return generate_corpus(provinces=provinces, districts=districts, communes=communes, seed=1, invented=invented)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--parse", action="store_true", help="also parse the texts (needs the parser)")
    ap.add_argument("--invented", action="store_true",
                    help="made-up unit names the admin-unit data does not know (as in real archives)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    corpus = corpus_of_size(args.docs, invented=args.invented)
    t1 = time.perf_counter()
    print(f"generated {len(corpus.documents)} documents in {t1 - t0:.2f}s")
    if args.parse:
        from danvan_cli.corpus.scan import parse_paths

        with tempfile.TemporaryDirectory() as tmp:
            corpus.write(tmp)
            t2 = time.perf_counter()
            batch = parse_paths([tmp])
            t3 = time.perf_counter()
        docs = batch.documents
        print(f"parsed {len(docs)} files in {t3 - t2:.2f}s ({len(batch.errors)} errors)")
    else:
        docs = as_documents(corpus)
    t4 = time.perf_counter()
    g = build_graph(docs)
    t5 = time.perf_counter()
    (root,) = find_roots(g, "33/CT-TTg")
    sub = traverse(g, root)
    t6 = time.perf_counter()
    print(f"graph: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges built in {t5 - t4:.2f}s")
    print(f"root lookup + traversal: {sub.number_of_nodes()} documents in {t6 - t5:.3f}s")
    found = {a.get("source", "").rsplit("/", 1)[-1] for _n, a in sub.nodes(data=True) if a.get("source")}
    truth = corpus.cascade()
    hit = len(found & truth)
    print(f"cascade: {hit}/{len(truth)} found, {len(found - truth)} extra "
          f"(precision {hit / max(len(found), 1):.3f}, recall {hit / max(len(truth), 1):.3f})")


if __name__ == "__main__":
    main()
