"""The graph's HTML page speaks the language of the run, like every other view: its words
come from the catalogue (Vietnamese by default, English when asked), its data keeps codes."""

from __future__ import annotations

import json
import re
from importlib import resources

import networkx as nx
import pytest

from danvan_cli.graph.export import export, to_json_data
from danvan_cli.graph.html import PAGE_TEXT, page_labels
from danvan_cli.i18n import language


def small_graph() -> nx.DiGraph:
    g = nx.DiGraph(root="33/CT-TTg")
    g.add_node("a", doc_type="Chỉ thị", number="33/CT-TTg", level="central", in_corpus=True, root=True)
    g.add_node("b", doc_type="Kế hoạch", number="12/KH-UBND", level="party-district", in_corpus=True,
               warnings=["12/KH-UBND is dated 03/05/2021 but its number says 2022: a slip in the text"])
    g.add_edge("b", "a", relation="implements")
    return g


def block(page: str, element: str) -> dict:
    m = re.search(rf'<script id="{element}" type="application/json">(.*?)</script>', page, re.S)
    assert m is not None
    return json.loads(m.group(1))


@pytest.mark.parametrize(("lang", "lane", "level", "relation", "hint"), [
    ("vi", "Tỉnh / Thành phố", "cấp huyện", "thực hiện", "Bấm vào một văn bản để xem chi tiết."),
    ("en", "Province / City", "district", "implements", "Click a document for its details."),
])
def test_page_words_are_in_the_language_of_the_run(lang: str, lane: str, level: str, relation: str, hint: str) -> None:
    with language(lang):
        page = export(small_graph(), "html")
    labels = block(page, "danvan-labels")
    assert labels["lanes"][1] == lane and len(labels["lanes"]) == 5
    assert labels["level"]["party-district"] == level  # a party committee's level in words too
    assert labels["relation"]["implements"] == relation
    assert f'<html lang="{lang}">' in page and hint in page
    assert "__T_" not in page and "__LABELS__" not in page


def test_the_data_keeps_codes_and_the_warnings_read_in_the_language() -> None:
    with language("vi"):
        data = block(export(small_graph(), "html"), "danvan-data")
    b = next(n for n in data["nodes"] if n["id"] == "b")
    assert b["level"] == "party-district"
    assert data["edges"][0]["relation"] == "implements"
    assert b["warnings"] == ["12/KH-UBND ghi ngày 03/05/2021 nhưng số hiệu ghi năm 2022: văn bản viết nhầm"]


def test_counts_carry_both_forms_for_the_script() -> None:
    with language("en"):
        labels = page_labels(to_json_data(small_graph()))
    assert labels["plural"]["documents"] == ["{n} document", "{n} documents"]
    with language("vi"):
        labels = page_labels(to_json_data(small_graph()))
    assert labels["plural"]["links"] == ["{n} liên kết", "{n} liên kết"]


def test_every_word_of_the_page_has_a_vietnamese_translation() -> None:
    with language("en"):
        english = page_labels(to_json_data(small_graph()))["text"]
    with language("vi"):
        vietnamese = page_labels(to_json_data(small_graph()))["text"]
    same = [k for k in PAGE_TEXT if english[k] == vietnamese[k]]
    assert same == []


def test_the_script_and_template_hold_no_words_of_their_own() -> None:
    """Every word a reader sees is in the catalogue: no Vietnamese (nor other) text written
    into the page's script or template, where a translation could not reach it."""
    files = resources.files("danvan_cli.graph")
    script = files.joinpath("viewer.js").read_text(encoding="utf-8")
    template = files.joinpath("template.html").read_text(encoding="utf-8")
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("//"))
    code = code.replace('.replace(/đ/g, "d").replace(/Đ/g, "D")', "")  # the search's folding of Đ
    letters = re.compile(r"[^\x00-\x7f·…—–→◌⚠“”−×]")
    assert letters.findall(code) == []
    assert letters.findall(template) == []
