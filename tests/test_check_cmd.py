"""`danvan check`: the corpus report, from hand-built documents and over the samples."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from danvan_cli.cli import main
from danvan_cli.graph.report import build_report
from danvan_cli.graph import build_graph
from danvan_cli.model import Document, Issuer, Mention, Reference

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def ref(number: str, date: str | None, issuer: str | None, level: str | None, place: str | None, relation: str = "implements",
        doc_type: str | None = None) -> Reference:
    r = Reference(number=number, date=date, issuer=Issuer(issuer, level, place=place, province=place),
                  relation=relation, doc_type=doc_type)
    r.mentions.append(Mention(0, 1, number, "...", relation))
    return r


def corpus() -> list[Document]:
    hd = Issuer("UBND tỉnh Hải Dương", "province", place="Hải Dương", province="Hải Dương")
    return [
        Document(source="ct.txt", number="33/CT-TTg", date="2021-11-26", doc_type="Chỉ thị",
                 issuer=Issuer("Thủ tướng Chính phủ", "central")),
        Document(source="kh.txt", number="12/KH-UBND", date="2022-01-25", doc_type="Kế hoạch", issuer=hd,
                 references=[ref("33/CT-TTg", "2021-11-26", "Thủ tướng Chính phủ", "central", None),
                             ref("124-QĐ/TW", "2018-02-02", "Ban Bí thư", "party-central", None, "cites", "Quy định")]),
        Document(source="kh2.txt", number="13/KH-UBND", date="2022-03-01", doc_type="Kế hoạch", issuer=hd,
                 references=[ref("76/NQ-CP", "2021-07-15", "Chính phủ", "central", None),
                             ref("124-QĐ/TW", "2018-02-02", "Ban Bí thư", "party-central", None, "cites",
                                 "Quyết định")]),
    ]


def test_report_ranks_missing_documents_by_citations() -> None:
    report = build_report(build_graph(corpus()))
    assert report["missing"][0]["number"] == "124-QĐ/TW" and report["missing"][0]["cited_by"] == 2


def test_report_flags_conflicting_types_and_orphan_plans() -> None:
    report = build_report(build_graph(corpus()))
    assert [c["number"] for c in report["conflicts"]] == ["124-QĐ/TW"]
    assert [o["number"] for o in report["orphan_plans"]] == ["76/NQ-CP"]


def test_report_selects_warnings_by_code_not_by_wording() -> None:
    g = build_graph(corpus())
    for _n, attrs in g.nodes(data=True):
        attrs["warnings"] = [f"reworded {i}" for i, _w in enumerate(attrs.get("warnings") or [])]
    report = build_report(g)
    assert [c["number"] for c in report["conflicts"]] == ["124-QĐ/TW"]
    assert report["conflicts"][0]["warning_codes"] == ["named-as-different-types"]


def test_a_citation_fitting_several_documents_is_listed_as_unresolved() -> None:
    hd = Issuer("UBND huyện Gia Lộc", "district", place="Gia Lộc", province="Hải Dương")
    tc = Issuer("UBND huyện Trà Cú", "district", place="Trà Cú", province="Trà Vinh")
    docs = [
        Document(source="a.txt", number="12/KH-UBND", date="2022-04-15", doc_type="Kế hoạch", issuer=hd),
        Document(source="b.txt", number="12/KH-UBND", date="2022-06-01", doc_type="Kế hoạch", issuer=tc),
        Document(source="c.txt", number="1/KH-UBND", date="2022-07-01", doc_type="Kế hoạch",
                 issuer=Issuer("UBND xã X", "commune", place="X"),
                 references=[ref("12/KH-UBND", None, None, None, None)]),  # type: ignore[arg-type]
    ]
    report = build_report(build_graph(docs))
    assert len(report["unresolved_citations"]) == 1 and "c.txt" in report["unresolved_citations"][0]


def test_report_gives_days_from_directive_to_plan() -> None:
    report = build_report(build_graph(corpus()))
    times = {t["plan"]: t["days"] for t in report["lead_times"] if t["directive"].startswith("33/CT-TTg")}
    assert list(times.values()) == [60]


def test_check_over_samples_lists_shared_numbers_in_json() -> None:
    res = CliRunner().invoke(main, ["check", str(SAMPLES), "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    shared = {a["number"] for a in data["ambiguous_numbers"]}
    assert {"02/CT-UBND", "07-CT/TU"} <= shared
    conflicted = {c["number"] for c in data["conflicts"]}
    assert "124-QĐ/TW" in conflicted  # Quyết định in 000, Quy định in 004


def test_check_table_output_names_each_section() -> None:
    res = CliRunner().invoke(main, ["check", str(SAMPLES)])
    assert res.exit_code == 0, res.output
    for title in ("conflicting", "not in the corpus", "several documents", "From directive to plan"):
        assert title in res.output
