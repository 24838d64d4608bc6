"""`danvan graph` over the five sample texts: the acceptance reference in seeds-gold.yaml."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from danvan_cli.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def graph_json(*args: str) -> dict:
    res = CliRunner().invoke(main, ["graph", str(SAMPLES), *args, "--format", "json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.output)


def sources_by_relation(data: dict) -> dict[str, str]:
    """file name -> relation of its edge to the root."""
    nodes = {n["id"]: n for n in data["nodes"]}
    root = next(n["id"] for n in data["nodes"] if n.get("root"))
    return {
        Path(nodes[e["source"]]["source"]).name: e["relation"]
        for e in data["edges"]
        if e["target"] == root and nodes[e["source"]].get("source")
    }


def test_root_33_ct_ttg_is_carried_out_by_hai_duong_hai_phong_and_ba_dinh() -> None:
    got = sources_by_relation(graph_json("--root", "33/CT-TTg"))
    assert got == {
        "001_31b30f9d11ead8da.txt": "implements",
        "000_79d65725ce4f5874.txt": "directs",
        "004_7bfcb32814c81f86.txt": "directs",
    }


def test_root_33_ct_ttg_leaves_out_phu_giao_and_the_news_report() -> None:
    data = graph_json("--root", "33/ct-ttg")
    files = {Path(n["source"]).name for n in data["nodes"] if n.get("source")}
    assert "002_9ac44cf077a342da.txt" not in files
    assert "003_c4ff23b0dfae42e9.txt" not in files


def test_graph_json_follows_the_contract() -> None:
    data = graph_json("--root", "33/CT-TTg")
    assert "edges" in data and "nodes" in data
    for n in data["nodes"]:
        for key in ("id", "number", "doc_type", "date", "issuer", "title", "in_corpus"):
            assert key in n
        if n["in_corpus"]:
            assert n["source"]
    for e in data["edges"]:
        assert e["relation"] in {"implements", "based_on", "directs", "amends", "replaces", "cites"}
        assert "evidence" in e


def test_02_ct_ubnd_of_phu_giao_and_of_ha_noi_are_two_documents() -> None:
    res = CliRunner().invoke(main, ["graph", str(SAMPLES), "--root", "02/CT-UBND", "--format", "json"])
    assert res.exit_code == 2  # ambiguous: the candidates are listed
    assert "Phú Giáo" in res.output and "Hà Nội" in res.output
    pg = graph_json("--root", "02/CT-UBND", "--year", "2018", "--direction", "both")
    root = next(n for n in pg["nodes"] if n.get("root"))
    assert root["in_corpus"] and root["date"] == "2018-04-05"
    hn = graph_json("--root", "02/CT-UBND", "--issuer", "Hà Nội")
    root = next(n for n in hn["nodes"] if n.get("root"))
    assert not root["in_corpus"]
    assert {Path(n["source"]).name for n in hn["nodes"] if n.get("source")} == {"004_7bfcb32814c81f86.txt"}


def test_07_ct_tu_of_hai_phong_and_of_ha_noi_are_two_documents() -> None:
    res = CliRunner().invoke(main, ["graph", str(SAMPLES), "--root", "07-CT/TU"])
    assert res.exit_code == 2
    hp = graph_json("--root", "07-CT/TU", "--issuer", "Hải Phòng")
    assert {Path(n["source"]).name for n in hp["nodes"] if n.get("source")} == {"000_79d65725ce4f5874.txt"}
    hn = graph_json("--root", "07-CT/TU", "--issuer", "ha noi")
    assert {Path(n["source"]).name for n in hn["nodes"] if n.get("source")} == {"004_7bfcb32814c81f86.txt"}


def test_tree_marks_documents_not_in_the_corpus() -> None:
    res = CliRunner().invoke(main, ["graph", str(SAMPLES), "--root", "33/CT-TTg"])
    assert res.exit_code == 0, res.output
    assert "33/CT-TTg" in res.output and "not in the corpus" in res.output
    assert "implements" in res.output


def test_unknown_root_exits_1() -> None:
    res = CliRunner().invoke(main, ["graph", str(SAMPLES), "--root", "999/CT-TTg"])
    assert res.exit_code == 1
