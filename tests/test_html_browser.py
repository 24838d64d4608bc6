"""The HTML export in a real headless browser (Debian's chromium): the script runs
offline, draws every node, and the screenshot is not blank. `.ci/run` installs chromium."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import networkx as nx
import pytest

from support.generate import as_documents, generate_corpus
from danvan_cli.graph import build_graph, find_roots, traverse
from danvan_cli.graph.export import export
from danvan_cli.i18n import language

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium() -> str:
    """The browser, or a skip that says how to get it. Where the browser must be there
    (``DANVAN_REQUIRE_BROWSER=1``, which ``.ci/run`` sets after installing it) its absence
    fails the test instead, so CI never passes by skipping it."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe:
        return exe
    reason = "chromium is not installed: apt-get install chromium (.ci/run does it)"
    if os.environ.get("DANVAN_REQUIRE_BROWSER") == "1":
        pytest.fail(f"DANVAN_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


def png_pixels(path: Path) -> tuple[int, int, set[bytes]]:
    """Width, height and a sample of distinct pixel colours of an 8-bit RGB(A) PNG (stdlib only)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    height = bpp = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    colours: set[bytes] = set()
    prev = bytearray(stride)
    i = 0
    for _row in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):  # undo PNG filters
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp * 7):
            colours.add(bytes(line[x:x + 3]))
        prev = line
    return width, height, colours


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    corpus = generate_corpus(provinces=4, districts=2, communes=1, seed=3, decoys=False, second_year=False)
    g = build_graph(as_documents(corpus))
    return traverse(g, find_roots(g, "33/CT-TTg")[0])


@pytest.fixture(scope="module")
def page(graph: nx.DiGraph, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """The page as a user gets it by default: in Vietnamese."""
    path = tmp_path_factory.mktemp("html") / "graph.html"
    with language("vi"):
        path.write_text(export(graph, "html"), encoding="utf-8")
    return path, graph.number_of_nodes()


def dump_dom(path: Path, tmp_path: Path) -> tuple[str, str]:
    out = subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=20000",
         "--dump-dom", path.as_uri()],
        capture_output=True, text=True, timeout=60,
    )
    return out.stdout, out.stderr


@pytest.mark.browser
def test_html_graph_renders_every_node_in_chromium(page: tuple[Path, int], tmp_path: Path) -> None:
    path, count = page
    dom, err = dump_dom(path, tmp_path)
    assert f'data-rendered-nodes="{count}"' in dom, err[-2000:]
    assert dom.count('class="node') == count
    assert "33/CT-TTg" in dom and "Tỉnh / Thành phố" in dom
    assert 'root selected"' in dom  # the root is selected and its details shown
    # the details panel names the level in words, never its code
    assert "<dt>Cấp</dt><dd>trung ương</dd>" in dom and "<dd>central</dd>" not in dom


@pytest.mark.browser
def test_html_graph_speaks_english_when_asked(graph: nx.DiGraph, tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    with language("en"):
        path.write_text(export(graph, "html"), encoding="utf-8")
    dom, err = dump_dom(path, tmp_path)
    assert f'data-rendered-nodes="{graph.number_of_nodes()}"' in dom, err[-2000:]
    assert "Province / City" in dom and "<dt>Level</dt><dd>central</dd>" in dom and 'lang="en"' in dom
    assert f"{graph.number_of_nodes()} documents, {graph.number_of_edges()} links" in dom
    for vietnamese in ("Tỉnh / Thành phố", "<dt>Cấp</dt>", "Được thực hiện bởi", "Vừa khung", "Tìm văn bản"):
        assert vietnamese not in dom


@pytest.mark.browser
def test_html_graph_screenshot_is_not_blank(page: tuple[Path, int], tmp_path: Path) -> None:
    path, _count = page
    png = tmp_path / "graph.png"
    subprocess.run(
        [chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=20000",
         "--window-size=1280,800", f"--screenshot={png}", path.as_uri()],
        capture_output=True, timeout=60,
    )
    assert png.exists() and png.stat().st_size > 5000
    width, height, colours = png_pixels(png)
    assert (width, height) == (1280, 800)
    assert len(colours) > 20  # text, boxes, coloured edges: not a blank page


def test_without_chromium_the_browser_test_skips_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    monkeypatch.delenv("DANVAN_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        chromium()


def test_where_the_browser_is_required_its_absence_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    monkeypatch.setenv("DANVAN_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="DANVAN_REQUIRE_BROWSER=1"):
        chromium()
