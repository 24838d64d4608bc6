"""The bad-input matrix of issue 21: what a hostile or unlucky user sends, each shape made here.

Every case holds one of three promises: the file is read; or it is refused in one line naming
it, before anything large is allocated; and in both cases time and memory grow linearly in
its size (a shape at ×1 and ×4 in the same test, CPU time compared: no absolute timing).
The default run tries each shape small; ``-m full_size`` (run by ``.ci/run``) tries it at the
size the issue measured (a 512 MiB PDF bomb, a 65 MB .docx, 32 MB of ``1\\n``...).
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from danvan_cli.cli import main
from danvan_cli.corpus.search import MAX_QUERY_TERMS, search
from danvan_cli.pipeline import parse_bytes
from danvan_cli.text.formats import limits
from danvan_cli.text.read import DanvanInputError, decode_file
from support import hostile
from support.growth import LINEAR, cpu_growth
from support.hostile import DOCUMENT, repeat

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
full_size = pytest.mark.full_size
linux = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory read from /proc (Linux)")


def _refused(data: bytes, name: str) -> str:
    """The one line a refused file gives."""
    with pytest.raises(DanvanInputError) as exc:
        decode_file(data, name)
    line = str(exc.value)
    assert line.startswith(f"{name}: ") and "\n" not in line
    return line


def _peak_rss(code: str) -> int:
    """Peak resident memory, in bytes, of a fresh Python running ``code`` (in a process of its
    own, so this process's memory does not count). Read from ``VmHWM``, the peak of the
    process's own memory since it started (``ru_maxrss`` would carry the parent's over exec)."""
    script = textwrap.dedent(code) + textwrap.dedent("""
        import re
        with open("/proc/self/status") as fh:
            print(re.search(r"VmHWM:\\s*(\\d+) kB", fh.read()).group(1))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).parent)
    return int(out.stdout.split()[-1]) * 1024


# ------------------------------------------------------------------ PDF: content measured before PDFium


@pytest.mark.parametrize("inflated", [
    pytest.param(limits.MAX_PDF_STREAM_BYTES + 2**20, id="just-past-the-limit"),
    pytest.param(512 * 2**20, id="512MiB", marks=full_size),
])
@linux
def test_a_pdf_whose_page_inflates_past_the_limit_is_refused_before_pdfium_builds_it(inflated: int, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(hostile.pdf_bomb(inflated))
    assert bomb.stat().st_size < inflated / 200
    line = _refused(bomb.read_bytes(), "bomb.pdf")
    assert "inflates past" in line
    # measured, not built: the reader's whole peak stays far under what PDFium would take
    peak = _peak_rss(f"""
        from danvan_cli.text.read import DanvanInputError, decode_file
        try:
            decode_file(open({str(bomb)!r}, "rb").read(), "bomb.pdf")
        except DanvanInputError:
            pass
    """)
    assert peak < 300 * 2**20


def test_a_content_stream_hidden_behind_an_ascii_filter_is_measured_too() -> None:
    import base64
    import zlib

    content = zlib.compress(b"0 0 m 1 1 l S\n" * (limits.MAX_PDF_STREAM_BYTES // 14 + 2**16), 9)
    data = hostile.pdf_with_content(base64.a85encode(content, adobe=True)[2:],
                                    filters=b"[/ASCII85Decode /FlateDecode]")
    assert "inflates past" in _refused(data, "hidden.pdf")


def test_a_pdf_within_the_content_limit_is_read() -> None:
    pytest.importorskip("fpdf")
    text = "Plan number 15/KH-UBND of the commune, dated 20/3/2025. " * 20
    assert "15/KH-UBND" in decode_file(hostile.pdf_text(text, pages=3), "ok.pdf").text


# ------------------------------------------------------------------ Word and HTML: declared sizes


@pytest.mark.parametrize("span", [10_000, 100_000_000])
def test_a_docx_cell_declaring_a_huge_grid_span_is_read_within_the_grid_limit(span: int) -> None:
    data = hostile.docx_grid_span(span, rows=3)
    d = decode_file(data, "span.docx")
    assert "Nhiệm vụ 2" in d.text
    assert d.blocks is not None
    table = d.blocks.tables()[0]
    assert table.columns <= limits.MAX_TABLE_COLUMNS + 1


def test_a_docx_grid_span_costs_the_same_however_large_it_is_declared() -> None:
    growth = cpu_growth(lambda n: hostile.docx_grid_span(10**n, rows=200), lambda d: decode_file(d, "x.docx"), 2, factor=4)
    assert growth < LINEAR


@pytest.mark.parametrize("rows", [pytest.param(20, id="small"), pytest.param(80, id="65KB", marks=full_size)])
def test_an_html_table_of_cells_spanning_a_thousand_rows_and_columns_grows_linearly(rows: int) -> None:
    growth = cpu_growth(lambda r: hostile.html_spans(r, 80), lambda d: parse_bytes(d, "t.html"), rows)
    assert growth < LINEAR


def test_merges_past_the_tables_budget_are_read_as_single_rows() -> None:
    d = decode_file(hostile.html_spans(400, 80), "t.html")
    assert d.blocks is not None
    merged = sum((c.rowspan - 1) * c.colspan for t in d.blocks.tables() for r in t.rows for c in r.cells)
    assert merged <= limits.MAX_TABLE_MERGED_CELLS


@pytest.mark.parametrize("n", [pytest.param(5_000, id="5000"), pytest.param(300_000, id="300000", marks=full_size)])
def test_an_element_with_thousands_of_attributes_is_refused_in_one_line(n: int) -> None:
    assert "attributes" in _refused(hostile.html_attributes(n), "attrs.html")


def test_an_element_with_a_long_quoted_value_is_no_element_of_many_attributes() -> None:
    page = f'<html><body><p title="{"chữ " * 5000}">Chỉ thị số 33/CT-TTg</p></body></html>'.encode()
    assert "33/CT-TTg" in decode_file(page, "ok.html").text


# ------------------------------------------------------------------ text: line counts


@pytest.mark.parametrize("mb", [pytest.param(5, id="5MB"), pytest.param(32, id="32MB", marks=full_size)])
def test_megabytes_of_one_digit_lines_are_refused_by_their_line_count(mb: int) -> None:
    data = b"1\n" * (mb * 2**20 // 2)
    assert "lines (more than" in _refused(data, "ones.txt")


# ------------------------------------------------------------------ batches


def test_a_folder_of_good_texts_and_a_pdf_bomb_parses_every_text_and_names_the_bomb(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(20):
        (folder / f"{i:02}.txt").write_text(DOCUMENT.replace("12/KH-UBND", f"{i + 1}/KH-UBND"), encoding="utf-8")
    (folder / "05a.pdf").write_bytes(hostile.pdf_bomb(limits.MAX_PDF_STREAM_BYTES + 2**20))
    res = CliRunner().invoke(main, ["parse", str(folder), "--format", "jsonl"])
    assert res.exit_code == 1
    assert res.stdout.count('"schema"') == 20
    assert [x for x in res.stderr.splitlines() if "05a.pdf" in x] == [
        f"danvan: {folder}/05a.pdf: a content stream inflates past 8 MiB (a PDF built to exhaust a reader): refused"]


# ------------------------------------------------------------------ search


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("search") / "s.sqlite")
    res = CliRunner().invoke(main, ["index", str(SAMPLES), "--store", db, "-q", "--no-graph"])
    assert res.exit_code == 0, res.output
    return db


@pytest.mark.parametrize("value", ["%", "_", "%_%", "\\"])
def test_like_wildcards_in_a_filter_are_the_characters_themselves(samples_store: str, value: str) -> None:
    for option in ("--issuer", "--type"):
        res = CliRunner().invoke(main, ["search", "dân vận", "--store", samples_store, option, value, "--format", "json"])
        assert res.exit_code == 0 and json.loads(res.stdout) == []
    res = CliRunner().invoke(main, ["search", "dân vận", "--store", samples_store, "--issuer", "hai duong", "--format", "json"])
    assert len(json.loads(res.stdout)) == 1


def _words(n: int) -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    return list(dict.fromkeys(re.findall(r"\w+", text)))[:n]


def test_search_time_grows_linearly_in_the_texts_and_the_query_together(tmp_path: Path) -> None:
    """Texts ×4 and query ×4 together: time under ×6. The query: one word the texts hold, OR
    many they do not (so the matches stay as many). The snippet of each hit is cut in one pass
    over its words whatever the query holds; it once tried every term at every character:
    time in the text *times* the query (×16 here; 2,000 OR terms took minutes)."""
    stores = {}
    body = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    for k in (1, 4):
        folder = tmp_path / f"x{k}"
        folder.mkdir()
        for i in range(3):
            (folder / f"{i}.txt").write_text(body * k, encoding="utf-8")
        stores[k] = str(tmp_path / f"x{k}.sqlite")
        res = CliRunner().invoke(main, ["index", str(folder), "--store", stores[k], "-q", "--no-graph"])
        assert res.exit_code == 0, res.output
    conns = {k: sqlite3.connect(db) for k, db in stores.items()}

    def make(n: int) -> tuple[sqlite3.Connection, str]:
        return conns[n // 100], " OR ".join(["khéo", *(f"zq{i}x" for i in range(n))])

    assert cpu_growth(make, lambda cq: search(*cq), 100) < LINEAR


def test_search_time_grows_linearly_in_a_query_of_the_texts_own_words(samples_store: str) -> None:
    """A query of hundreds of the texts' own words (a paragraph pasted whole), all of them or
    any of them: ×4 words, time under ×6."""
    conn = sqlite3.connect(samples_store)
    for joiner in (" ", " OR "):
        assert cpu_growth(lambda n: joiner.join(_words(n)), lambda q: search(conn, q), 150) < LINEAR


def test_a_query_of_thousands_of_different_terms_is_refused_in_one_line(samples_store: str) -> None:
    words = [f"w{i}" for i in range(MAX_QUERY_TERMS + 1)]
    res = CliRunner().invoke(main, ["search", " ".join(words), "--store", samples_store])
    assert res.exit_code == 2 and "more than" in res.output and "Traceback" not in res.output


def test_a_query_repeating_a_word_thousands_of_times_is_one_term(samples_store: str) -> None:
    conn = sqlite3.connect(samples_store)
    hits = search(conn, " ".join(["vận"] * 4000))
    assert hits and all("«" in h["snippet"] for h in hits)
