"""The generated multi-level corpus: `graph --root` must find exactly the true cascade."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from danvan_cli.cli import main
from support.generate import GeneratedCorpus, as_documents, generate_corpus
from danvan_cli.graph import build_graph, find_roots, traverse


@pytest.fixture(scope="module")
def corpus() -> GeneratedCorpus:
    return generate_corpus(provinces=42, districts=3, communes=2, seed=7)


def test_generated_corpus_has_the_shape_the_issue_asks_for(corpus: GeneratedCorpus) -> None:
    levels = Counter(d.level for d in corpus.documents if d.in_cascade)
    assert levels["central"] == 1
    assert len({d.province for d in corpus.documents if d.level == "province"}) >= 40
    assert levels["district"] >= 3 * levels["province"] // 2 and levels["commune"] >= levels["district"]
    # numbers repeat across issuers and across years of one issuer
    numbers = Counter(d.number for d in corpus.documents)
    assert numbers.most_common(1)[0][1] >= 5
    by_issuer = Counter((d.issuer, d.number) for d in corpus.documents)
    assert any(n > 1 for n in by_issuer.values())
    root = corpus.root.text
    assert "Số: 33/CT-TTg" in root and "Hà Nội, ngày 26 tháng 11 năm 2021" in root
    commune = next(d for d in corpus.documents if d.level == "commune" and d.cited_issuer == "UBND huyện")
    assert "của UBND huyện," in commune.text and "KẾ HOẠCH" in commune.text


def cascade_of(g, root: str) -> set[str]:
    sub = traverse(g, root)
    return {Path(a["source"]).name for _n, a in sub.nodes(data=True) if a.get("source")}


def test_graph_finds_exactly_the_cascade_from_what_a_parser_reads(corpus: GeneratedCorpus) -> None:
    g = build_graph(as_documents(corpus))
    roots = find_roots(g, "33/CT-TTg")
    assert len(roots) == 1
    assert cascade_of(g, roots[0]) == corpus.cascade()
    edges = {
        (Path(g.nodes[u]["source"]).name, Path(g.nodes[v]["source"]).name)
        for u, v, rel in g.edges(data="relation")
        if rel == "implements" and g.nodes[u].get("source") and g.nodes[v].get("source")
    }
    assert corpus.cascade_edges() <= edges


def test_decoy_cascade_stays_apart(corpus: GeneratedCorpus) -> None:
    g = build_graph(as_documents(corpus))
    (decoy,) = find_roots(g, "26/CT-TTg")
    got = cascade_of(g, decoy)
    assert got and not (got & corpus.cascade())


def test_graph_command_over_the_generated_texts_finds_exactly_the_cascade(
    corpus: GeneratedCorpus, tmp_path: Path
) -> None:
    corpus.write(tmp_path)
    res = CliRunner().invoke(main, ["graph", str(tmp_path), "--root", "33/CT-TTg", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    got = {Path(n["source"]).name for n in data["nodes"] if n.get("source")}
    truth = corpus.cascade()
    assert got == truth, f"missing {sorted(truth - got)[:10]}, extra {sorted(got - truth)[:10]}"


def test_cascade_holds_through_units_the_admin_data_does_not_know(tmp_path: Path) -> None:
    """Made-up unit names (``UBND huyện Long Khê``): nothing resolves from the gazetteer, cited
    issuers are read from their words alone, relative ones (``của UBND tỉnh``) have no
    province to fall back on; the cascade must still come out whole and nothing else with it."""
    from danvan_cli.corpus.scan import parse_paths

    corpus = generate_corpus(provinces=12, districts=3, communes=2, seed=12, invented=True)
    corpus.write(tmp_path)
    g = build_graph(parse_paths([str(tmp_path)]).documents)
    (root,) = find_roots(g, "33/CT-TTg")
    got, truth = cascade_of(g, root), corpus.cascade()
    assert got <= truth, f"extra {sorted(got - truth)[:10]}"
    assert len(got) >= 0.99 * len(truth), f"missing {sorted(truth - got)[:10]}"
