"""The graph's HTML drawing as a reader sees it, read back from a real headless browser
(Debian's chromium): the positions ELK gave each box and each edge's route, as drawn.

- no edge runs through a box that is not one of its two ends;
- what a document carries out is drawn above it (the root on top, even of unknown level);
- 21 documents in one lane fit the window without sideways scrolling, text at 13 px or more;
- a document with no number shows its issuer and date.
Skipped with the reason when no browser is installed, unless DANVAN_REQUIRE_BROWSER=1 (CI)."""

from __future__ import annotations

import html
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from support.generate import as_documents, generate_corpus
from test_html_browser import FLAGS, chromium

from danvan_cli.graph import build_graph, find_roots, traverse
from danvan_cli.graph.export import export
from danvan_cli.model import Document, Issuer, Mention, Reference

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    def crossed_by(self, a: tuple[float, float], b: tuple[float, float], inset: float = 1.0) -> bool:
        """Whether the segment a-b passes through the box's inside (its border shrunk by ``inset``)."""
        x0, y0, x1, y1 = self.x + inset, self.y + inset, self.x + self.w - inset, self.y + self.h - inset
        # Liang-Barsky clipping of the segment against the rectangle.
        t0, t1 = 0.0, 1.0
        dx, dy = b[0] - a[0], b[1] - a[1]
        for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return False
        return True


@dataclass(frozen=True)
class Drawing:
    dom: str
    boxes: dict[str, Box]
    edges: list[tuple[str, str, list[tuple[float, float]]]]  # (citing, cited, route)

    def attr(self, name: str) -> str:
        m = re.search(rf'<body[^>]*\b{name}="([^"]*)"', self.dom)
        assert m, f"{name} not set: the drawing did not finish ({self.attr_error()})"
        return m.group(1)

    def attr_error(self) -> str:
        m = re.search(r'data-layout-error="([^"]*)"', self.dom)
        return m.group(1) if m else "no error reported"


def draw(path: Path, profile: Path, width: int = 1280, height: int = 800) -> Drawing:
    out = subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=20000",
         f"--window-size={width},{height}", "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    dom = out.stdout
    boxes = {}
    for m in re.finditer(r'<g class="node[^"]*" transform="translate\(([-\d.]+),([-\d.]+)\)" data-id="([^"]*)" '
                         r'data-w="([\d.]+)" data-h="([\d.]+)"', dom):
        boxes[html.unescape(m.group(3))] = Box(float(m.group(1)), float(m.group(2)), float(m.group(4)),
                                               float(m.group(5)))
    edges = []
    for m in re.finditer(r'<path class="edge-line[^"]*" d="([^"]*)"[^>]*data-source="([^"]*)" data-target="([^"]*)"',
                         dom):
        pts = [(float(x), float(y)) for x, y in re.findall(r"[ML]([-\d.]+),([-\d.]+)", m.group(1))]
        edges.append((html.unescape(m.group(2)), html.unescape(m.group(3)), pts))
    return Drawing(dom, boxes, edges)


def page_of(g, folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text(export(g, "html"), encoding="utf-8")
    return path


def assert_drawn_well(d: Drawing, node_count: int, edge_count: int) -> None:
    assert len(d.boxes) == node_count, d.attr_error()
    assert len({(s, t) for s, t, _ in d.edges}) == edge_count
    for citing, cited, route in d.edges:
        for other, box in d.boxes.items():
            if other in (citing, cited):
                continue
            for a, b in zip(route, route[1:]):
                assert not box.crossed_by(a, b), f"edge {citing} -> {cited} runs through {other}"
        above, below = d.boxes[cited], d.boxes[citing]
        assert above.y + above.h <= below.y, f"{cited} is not drawn above {citing}, which carries it out"


@pytest.fixture(scope="module")
def wide_lane(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """7 province plans, each with 3 district plans: 21 documents in the district lane."""
    corpus = generate_corpus(provinces=7, districts=3, communes=1, seed=5, decoys=False, second_year=False)
    g = build_graph(as_documents(corpus))
    sub = traverse(g, find_roots(g, "33/CT-TTg")[0])
    return page_of(sub, tmp_path_factory.mktemp("wide"), "graph.html"), sub


def test_no_edge_runs_through_another_box_and_parents_are_above(wide_lane, tmp_path: Path) -> None:
    path, sub = wide_lane
    d = draw(path, tmp_path / "profile")
    assert Counter(a.get("level") for _n, a in sub.nodes(data=True))["district"] == 21
    assert_drawn_well(d, sub.number_of_nodes(), sub.number_of_edges())


def test_a_lane_of_21_documents_needs_no_sideways_scrolling_and_text_stays_readable(wide_lane, tmp_path: Path) -> None:
    path, _sub = wide_lane
    d = draw(path, tmp_path / "profile")
    assert d.attr("data-sideways-scroll") == "false"
    assert float(d.attr("data-min-font-px")) >= 13
    assert re.search(r"Huyện / Quận \(21\)", d.dom)


def _doc(source: str, number: str | None, date: str | None, issuer: str, level: str | None, place: str | None,
         refs: list[Reference] = ()) -> Document:
    return Document(source=source, number=number, date=date, doc_type="Kế hoạch",
                    issuer=Issuer(issuer, level, place=place, province=place), references=list(refs))


def _ref(number: str, date: str, issuer: str, level: str | None) -> Reference:
    r = Reference(number=number, date=date, relation="implements", doc_type="Kế hoạch",
                  issuer=Issuer(issuer, level, place=None))
    r.mentions.append(Mention(0, 1, number, f"Thực hiện {number}", "implements"))
    return r


def test_a_root_of_unknown_level_is_drawn_above_the_plans_that_carry_it_out(tmp_path: Path) -> None:
    # The root is cited without an issuer: its level is unknown; the plans are a province's
    # and a district's. It must still head the drawing.
    docs = [
        _doc("p.txt", "5/KH-UBND", "2022-02-01", "UBND tỉnh Hải Dương", "province", "Hải Dương",
             [_ref("9/KH-BCĐ", "2022-01-05", "", None)]),
        _doc("d.txt", "7/KH-UBND", "2022-03-01", "UBND huyện Gia Lộc", "district", "Gia Lộc",
             [_ref("9/KH-BCĐ", "2022-01-05", "", None), _ref("5/KH-UBND", "2022-02-01", "UBND tỉnh Hải Dương", "province")]),
    ]
    g = build_graph(docs)
    (root,) = find_roots(g, "9/KH-BCĐ")
    sub = traverse(g, root)
    d = draw(page_of(sub, tmp_path, "g.html"), tmp_path / "profile")
    assert_drawn_well(d, sub.number_of_nodes(), sub.number_of_edges())
    assert min(d.boxes, key=lambda n: d.boxes[n].y) == root


def test_unnumbered_documents_are_told_apart_by_issuer_and_date(samples_dir: Path, tmp_path: Path) -> None:
    from danvan_cli.corpus.scan import parse_paths

    g = build_graph(parse_paths([str(samples_dir)]).documents)
    sub = traverse(g, find_roots(g, "33/CT-TTg")[0])
    d = draw(page_of(sub, tmp_path, "samples.html"), tmp_path / "profile")
    assert_drawn_well(d, sub.number_of_nodes(), sub.number_of_edges())
    text = html.unescape(re.sub(r"<[^>]+>", "\n", d.dom))
    assert "2025-02 · UBND quận Ba Đình" in text and "2022 · UBND tỉnh Hải Dương" in text
    assert d.dom.count('class="node stub unnumbered') == 0  # a stub always has its number
    assert len(re.findall(r'class="node unnumbered', d.dom)) == 3


TVPL = Path(__file__).resolve().parent.parent.parent / "shared" / "real" / "tvpl"


@pytest.mark.skipif(not TVPL.is_dir(), reason="../shared/real/tvpl is not beside the repository")
def test_a_real_graph_of_about_100_documents_is_drawn_without_crossing_a_box(tmp_path: Path) -> None:
    """Every document within two citations of Luật 64/2025/QH15 in the 70 thuvienphapluat pages."""
    import sys

    from danvan_cli.corpus.scan import parse_paths

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from graph_screenshots import neighbourhood

    sub = neighbourhood(build_graph(parse_paths([str(TVPL)]).documents), "64/2025/QH15", 2)
    assert 80 <= sub.number_of_nodes() <= 130
    d = draw(page_of(sub, tmp_path, "real.html"), tmp_path / "profile")
    assert_drawn_well(d, sub.number_of_nodes(), sub.number_of_edges())
    assert d.attr("data-sideways-scroll") == "false"


def test_a_cascade_of_400_documents_is_laid_out_and_drawn_whole(tmp_path: Path) -> None:
    """Rows are capped (wider rows, a sideways scroll) so ELK is not handed hundreds of layers
    of long edges: with a row of three per lane this page took minutes."""
    corpus = generate_corpus(provinces=20, districts=3, communes=2, seed=1, decoys=False)
    g = build_graph(as_documents(corpus))
    sub = traverse(g, find_roots(g, "33/CT-TTg")[0])
    assert sub.number_of_nodes() > 350
    d = draw(page_of(sub, tmp_path, "big.html"), tmp_path / "profile")
    assert int(d.attr("data-rendered-nodes")) == sub.number_of_nodes()
    assert len(d.boxes) == sub.number_of_nodes()
