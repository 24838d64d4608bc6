"""The track HTML report in a real headless browser (Debian's chromium), as the graph's page
is checked: the script runs offline, fills the summary, the cascade and one table row per
unit, sorts by a column, and the screenshot is not blank. Skipped with a reason when no
browser is installed, unless DANVAN_REQUIRE_BROWSER=1 (CI) makes that a failure."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from support.track_corpus import ROOT_NUMBER, generate_track_corpus
from test_html_browser import FLAGS, png_pixels

from danvan_cli.corpus.scan import parse_paths
from danvan_cli.graph import build_graph, find_roots
from danvan_cli.i18n import language
from danvan_cli.render.track import to_html
from danvan_cli.track.report import root_document, track


def chromium() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        if os.environ.get("DANVAN_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is not installed and DANVAN_REQUIRE_BROWSER=1")
        pytest.skip("chromium is not installed (apt-get install chromium): the HTML report is not checked in a browser")
    return exe


def build(folder: Path, number: str, as_of: date):
    docs = parse_paths([str(folder)]).documents
    g = build_graph(docs)
    (root,) = find_roots(g, number)
    return track(g, root, root_document(g, root, docs), as_of=as_of)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory):
    folder = generate_track_corpus().write(tmp_path_factory.mktemp("c"))
    report = build(folder, ROOT_NUMBER, date(2023, 1, 15))
    path = tmp_path_factory.mktemp("html") / "track.html"
    with language("vi"):  # the users' language: the page's words come from the Vietnamese catalogue
        path.write_text(to_html(report), encoding="utf-8")
    return path, report


def dom(path: Path, tmp_path: Path, fragment: str = "") -> str:
    out = subprocess.run([chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000",
                          "--dump-dom", path.as_uri() + fragment], capture_output=True, text=True, timeout=60)
    assert 'data-ready="1"' in out.stdout, out.stderr[-2000:]
    return out.stdout


def cells(html: str, col: str) -> list[str]:
    return re.findall(rf'<td[^>]*data-col="{col}"[^>]*>([^<]*)</td>', html)


@pytest.mark.browser
def test_track_page_renders_summary_cascade_and_one_row_per_unit(page, tmp_path: Path) -> None:
    path, report = page
    html = dom(path, tmp_path)
    s = report.summary()
    assert f'data-rendered-rows="{s["units"]}"' in html
    shown = sum(len(r.documents) + len(r.cited) + len(r.below) for r in report.rows)
    assert f'data-rendered-documents="{shown}"' in html
    assert f"<b>{s['overdue']}</b>" in html and f"<b>{s['with_plan']}</b>" in html
    assert "Tỉnh ủy" in html and "không có trong kho" in html  # the unasked section, the missing units


@pytest.mark.browser
def test_track_page_sorts_by_a_column(page, tmp_path: Path) -> None:
    path, report = page
    html = dom(path, tmp_path, "#sort=-lag")
    assert 'data-sorted-by="-lag"' in html
    lags = [int(x) for x in cells(html, "lag") if x.strip().lstrip("≥").isdigit()]
    assert lags == sorted(lags, reverse=True) and len(lags) == report.summary()["with_document"]
    names = cells(html, "unit")
    assert names[0] == max((r for r in report.rows if r.primary), key=lambda r: r.primary.lag_days).unit.target.name


@pytest.mark.browser
def test_track_page_screenshot_is_not_blank(page, tmp_path: Path) -> None:
    path, _ = page
    png = tmp_path / "track.png"
    subprocess.run([chromium(), *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000",
                    "--window-size=1280,900", f"--screenshot={png}", path.as_uri()], capture_output=True, timeout=60)
    assert png.exists() and png.stat().st_size > 5000
    width, height, colours = png_pixels(png)
    assert (width, height) == (1280, 900) and len(colours) > 20


@pytest.mark.browser
def test_samples_page_lists_who_acted_by_level(samples_dir, tmp_path: Path) -> None:
    report = build(samples_dir, "33/CT-TTg", date(2025, 6, 30))
    path = tmp_path / "samples.html"
    with language("vi"):
        path.write_text(to_html(report), encoding="utf-8")
    html = dom(path, tmp_path)
    assert 'data-rendered-rows="3"' in html and "cannot be read" in html  # the JSON's notes stay English
    assert "Huyện / Quận / Thị xã" in html and "không đọc được các đơn vị được giao" in html
    # the same marks as the terminal: a lag from a partial date is a lower bound, no date is "—", never "?"
    assert "≥36" in cells(html, "lag") and "?" not in cells(html, "date")
