"""Second-hand links in the graph: a plan hangs under the Party directive through a provincial
plan whose own text is not in the corpus, read from the subject it is cited with."""

from __future__ import annotations

import json

from danvan_cli import parse_text
from danvan_cli.graph import build_graph, find_roots, traverse
from danvan_cli.graph.export import export

DISTRICT = (
    "ỦY BAN NHÂN DÂN\nHUYỆN HẢI HẬU\nSố: 30/KH-UBND\nHải Hậu, ngày 12 tháng 4 năm 2023\n\nKẾ HOẠCH\nHọc tập năm 2023\n\n"
    "Thực hiện Kế hoạch số 57-KH/TU ngày 10/3/2022 của Ban Thường vụ Tỉnh ủy về thực hiện Chỉ thị số 05-CT/TW "
    "ngày 15/5/2016 của Bộ Chính trị, UBND huyện xây dựng Kế hoạch như sau:\n1. Tổ chức học tập.\n"
)


def _graph():  # type: ignore[no-untyped-def]
    return build_graph([parse_text(DISTRICT, source="hai-hau.txt")])


def test_a_link_becomes_an_edge_marked_with_the_document_that_reported_it() -> None:
    g = _graph()
    (plan,) = find_roots(g, "57-KH/TU")
    (directive,) = find_roots(g, "05-CT/TW")
    edge = g.edges[plan, directive]
    assert edge["relation"] == "implements"
    assert g.nodes[edge["via"]]["source"] == "hai-hau.txt"
    assert "05-CT/TW" in edge["evidence"]
    assert not g.nodes[plan]["in_corpus"]


def test_walking_down_from_the_directive_reaches_the_district_through_the_provincial_plan() -> None:
    g = _graph()
    (directive,) = find_roots(g, "05-CT/TW")
    sub = traverse(g, directive, direction="down")
    assert any(attrs.get("source") == "hai-hau.txt" and attrs["depth"] == 2 for _n, attrs in sub.nodes(data=True))


def test_the_via_mark_is_in_every_export() -> None:
    g = _graph()
    data = json.loads(export(g, "json"))
    assert any(e.get("via") for e in data["edges"])
    for fmt in ("graphml", "gexf", "dot"):
        assert "via" in export(g, fmt)


def test_a_first_hand_edge_wins_over_a_second_hand_one() -> None:
    provincial = (
        "TỈNH ỦY NAM ĐỊNH\nBAN THƯỜNG VỤ\nSố 57-KH/TU\nNam Định, ngày 10 tháng 3 năm 2022\n\nKẾ HOẠCH\nHọc tập\n\n"
        "Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị, Ban Thường vụ Tỉnh ủy xây dựng Kế hoạch:\n1. Học tập.\n"
    )
    g = build_graph([parse_text(DISTRICT, source="hai-hau.txt"), parse_text(provincial, source="tinh.txt")])
    (directive,) = find_roots(g, "05-CT/TW")
    into = [(u, d) for u, _v, d in g.in_edges(directive, data=True) if g.nodes[u].get("number") == "57-KH/TU"]
    assert [(d["relation"], d.get("via")) for _u, d in into] == [("based_on", None)]
