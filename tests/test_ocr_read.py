"""Scans and pictures of pages read by OCR: header fields by position, stamps and ink left out,
each page OCR'd once, hostile pictures refused in one line. Tesseract runs for real here
(skipped where it is missing, required under CI: ``DANVAN_REQUIRE_OCR=1``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from danvan_cli.pipeline import parse_text
from danvan_cli.text.formats import limits, ocr
from danvan_cli.text.formats.ocr import OcrOptions
from danvan_cli.text.read import DanvanInputError, decode_file
from tests.support.ocr import LETTER, page_image, png_bytes, require_tesseract, scanned_pdf

pytestmark = pytest.mark.ocr

#: A received stamp of another office (red) with its own number and day, beside the header.
STAMP = (18, 58, "SỞ NỘI VỤ\nĐẾN Số: 640\nNgày: 19/3/2024", (215, 35, 45))


def _parse(data: bytes, name: str, options: OcrOptions | None = None):  # type: ignore[no-untyped-def]
    d = decode_file(data, name, options)
    return d, parse_text(d.text, name, normalized=True, blocks=d.blocks)


@pytest.fixture(scope="module")
def letter() -> bytes:
    return png_bytes(page_image(LETTER, tilt=0.6, stamps=[STAMP]))


def test_a_picture_of_a_letter_gives_its_header_by_position(letter: bytes) -> None:
    require_tesseract()
    d, doc = _parse(letter, "cong-van.png")
    assert d.encoding == "ocr" and d.form == "ocr"
    assert (doc.doc_type, doc.number, doc.date) == ("Công văn", "245/UBND-VP", "2024-03-12")
    assert doc.issuer is not None and doc.issuer.name == "UBND huyện Phú Giáo"
    assert doc.title == "triển khai công tác dân vận chính quyền năm 2024"  # as the V/v line writes it
    header = d.blocks.tables()[0]  # type: ignore[union-attr]
    left, right = (d.text[c.start:c.end] for c in header.rows[0].cells)
    assert left.startswith("ỦY BAN NHÂN DÂN\nHUYỆN PHÚ GIÁO\nSố: 245/UBND-VP")
    assert right.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc")


def test_a_received_stamp_in_colour_gives_no_number_nor_day(letter: bytes) -> None:
    require_tesseract()
    d, _doc = _parse(letter, "cong-van.png")
    assert "640" not in d.text and "19/3" not in d.text and "ĐẾN" not in d.text


def test_a_number_left_for_ink_is_null_with_a_warning_not_a_guess() -> None:
    require_tesseract()
    lines = [ln if not ln[2].startswith("Số:") else (ln[0], ln[1], "Số:       /UBND-VP", *ln[3:]) for ln in LETTER]
    lines = [ln if not ln[2].startswith("Phú Giáo, ngày") else (ln[0], ln[1], "Phú Giáo, ngày      tháng 3 năm 2024", *ln[3:])
             for ln in lines]
    # the number and the day written in blue ink over the blanks
    img = page_image(lines, stamps=[(42, 36, "2 4 5", (30, 50, 180)), (126, 36, "1 2", (30, 50, 180))])
    _d, doc = _parse(png_bytes(img), "ink.png")
    assert doc.number is None and doc.date == "2024-03"
    codes = {w.code for w in doc.warnings}
    assert "ink-not-read" in codes


def test_an_image_only_pdf_reads_as_its_pages_by_ocr(tmp_path: Path) -> None:
    require_tesseract()
    pdf = scanned_pdf([page_image(LETTER)], tmp_path / "scan.pdf")
    d, doc = _parse(pdf.read_bytes(), "scan.pdf")
    assert d.encoding == "pdf+ocr"
    assert (doc.doc_type, doc.number, doc.date) == ("Công văn", "245/UBND-VP", "2024-03-12")


def test_a_scanners_ocr_layer_that_lost_the_marks_is_read_again(tmp_path: Path) -> None:
    require_tesseract()
    fpdf = pytest.importorskip("fpdf")
    import io

    pdf = fpdf.FPDF(format="A4", unit="mm")
    pdf.add_page()
    buf = io.BytesIO()
    page_image(LETTER).convert("L").save(buf, format="PNG")
    buf.seek(0)
    pdf.image(buf, x=0, y=0, w=210, h=297)
    pdf.set_font("helvetica", size=12)
    pdf.text_mode = fpdf.enums.TextMode.INVISIBLE
    for i, line in enumerate(["UY BAN NHAN DAN HUYEN PHU GIAO", "S6: 24S/UBND-VP Phu Giao, ngay l2 thang 3 nam 2024",
                              "Kinh gui: Cac co quan, don vi tren dia ban huyen"] * 3):
        pdf.text(20, 20 + 8 * i, line)
    d, doc = _parse(bytes(pdf.output()), "layer.pdf")
    assert d.encoding == "pdf+ocr" and "Phú Giáo" in d.text
    assert doc.number == "245/UBND-VP"


def test_never_means_no_ocr_and_says_so(letter: bytes, tmp_path: Path) -> None:
    with pytest.raises(DanvanInputError, match=r"^x\.png: an image, not a text: OCR is needed"):
        decode_file(letter, "x.png", OcrOptions(mode="never"))
    pdf = scanned_pdf([page_image(LETTER[:2])], tmp_path / "scan.pdf")
    with pytest.raises(DanvanInputError, match=r"OCR is needed"):
        decode_file(pdf.read_bytes(), "scan.pdf", OcrOptions(mode="never"))


def test_without_tesseract_a_scan_gives_the_one_line_that_says_how_to_install_it(letter: bytes, tmp_path: Path) -> None:
    (tmp_path / "scan.png").write_bytes(letter)
    env = {**os.environ, "PATH": str(tmp_path / "no-tools")}
    proc = subprocess.run([sys.executable, "-m", "danvan_cli", "parse", str(tmp_path / "scan.png"), "--format", "jsonl"],
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [f"danvan: {tmp_path / 'scan.png'}: a picture of a page: {ocr.INSTALL_LINE}"]


# --- cached, in parallel ---------------------------------------------------------------


def test_each_page_is_ocrd_once_and_a_second_run_does_none(tmp_path: Path) -> None:
    require_tesseract()
    import sqlite3

    from danvan_cli.corpus.ocr_cache import OcrPlan
    from danvan_cli.corpus.scan import parse_paths

    docs = tmp_path / "docs"
    docs.mkdir()
    scanned_pdf([page_image(LETTER), page_image(LETTER[8:])], docs / "a.pdf")
    (docs / "b.png").write_bytes(png_bytes(page_image(LETTER)))
    store = tmp_path / "store.sqlite"
    seen: list[tuple[int, int]] = []
    plan = OcrPlan("auto", jobs=2, store=str(store))
    first = parse_paths([str(docs)], jobs=1, ocr=plan, pages=lambda d, t: seen.append((d, t)))
    assert [d.number for d in first.documents] == ["245/UBND-VP", "245/UBND-VP"]
    assert sorted(seen) == [(1, 1), (1, 2), (2, 2)]  # each page told, from the worker, as it was read

    def pages() -> list[tuple[str, float]]:
        return sqlite3.connect(store).execute("SELECT key, made_at FROM ocr_page ORDER BY key").fetchall()

    kept = pages()
    assert len(kept) == 3
    again = parse_paths([str(docs)], jobs=1, ocr=plan)
    assert pages() == kept, "a page already OCR'd was OCR'd again"
    assert [d.to_dict() for d in again.documents] == [d.to_dict() for d in first.documents]


# --- hostile pictures -----------------------------------------------------------------


def _png_header(width: int, height: int) -> bytes:
    """A PNG that says it is ``width`` × ``height`` and holds almost nothing."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


@pytest.mark.parametrize(("w", "h"), [(100_000, 100_000), (9_000, 9_000)])
def test_a_decompression_bomb_is_refused_from_its_header(w: int, h: int) -> None:
    data = _png_header(w, h)
    assert len(data) < 200
    with pytest.raises(DanvanInputError) as exc:
        decode_file(data, "bomb.png")
    msg = str(exc.value)
    assert msg.startswith("bomb.png: an image of ") and msg.endswith("refused") and "\n" not in msg


def test_a_tiff_of_more_pages_than_the_limit_is_refused_before_any_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    import io

    monkeypatch.setattr(limits, "MAX_OCR_PAGES", 20)
    frames = [Image.new("L", (8, 8), 255) for _ in range(25)]
    buf = io.BytesIO()
    frames[0].save(buf, format="TIFF", save_all=True, append_images=frames[1:])
    with pytest.raises(DanvanInputError) as exc:
        decode_file(buf.getvalue(), "many.tif")
    assert str(exc.value) == "many.tif: an image of more than 20 pages: refused"


def test_a_pdf_of_thousands_of_blank_scans_is_refused_in_one_line(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    from PIL import Image

    import io

    blank = io.BytesIO()
    Image.new("L", (40, 56), 255).save(blank, format="PNG")
    pdf = fpdf.FPDF(format="A4", unit="mm")
    for _ in range(limits.MAX_OCR_PAGES + 1):
        pdf.add_page()
        blank.seek(0)
        pdf.image(blank, x=0, y=0, w=210, h=297)
    with pytest.raises(DanvanInputError) as exc:
        decode_file(bytes(pdf.output()), "blank.pdf")
    assert str(exc.value) == f"blank.pdf: {limits.MAX_OCR_PAGES + 1} pages to OCR (more than {limits.MAX_OCR_PAGES}): refused"


def test_a_bad_picture_in_a_folder_leaves_the_rest_of_the_batch_read(tmp_path: Path, letter: bytes) -> None:
    from tests.support import formats_doc as F

    (tmp_path / "bomb.png").write_bytes(_png_header(100_000, 100_000))
    (tmp_path / "ke-hoach.txt").write_text(F.plain_text(), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "danvan_cli", "parse", str(tmp_path), "--format", "jsonl"],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert len(proc.stdout.splitlines()) == 1
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"danvan: {tmp_path / 'bomb.png'}: an image of ") and line.endswith("refused")


def test_a_region_of_a_pdf_page_is_read_in_the_pages_points(tmp_path: Path) -> None:
    require_tesseract()
    import pypdfium2 as pdfium

    pdf = scanned_pdf([page_image(LETTER)], tmp_path / "scan.pdf")
    doc = pdfium.PdfDocument(str(pdf))
    try:
        page = doc[0]
        mm = 72 / 25.4
        # the number line of the left column: ``Số: 245/UBND-VP`` drawn at y = 38 mm, centred on 57 mm
        words = ocr.ocr_region(page, (20 * mm, 36 * mm, 95 * mm, 44 * mm))
        page.close()
    finally:
        doc.close()
    assert " ".join(w.text for w in words) == "Số: 245/UBND-VP"
    assert all(20 * mm <= w.x0 < w.x1 <= 95 * mm and 36 * mm <= w.y <= 44 * mm for w in words)


@pytest.mark.parametrize("turn", [180, 90])
def test_a_page_photographed_upside_down_or_on_its_side_is_turned_and_read(turn: int) -> None:
    require_tesseract()
    img = page_image(LETTER).rotate(turn, expand=True)
    _d, doc = _parse(png_bytes(img), "turned.png")
    assert (doc.doc_type, doc.number, doc.date) == ("Công văn", "245/UBND-VP", "2024-03-12")


def test_a_scan_left_unread_without_ocr_is_read_once_ocr_is_on(tmp_path: Path) -> None:
    require_tesseract()
    from click.testing import CliRunner

    from danvan_cli.cli import main

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "scan.png").write_bytes(png_bytes(page_image(LETTER)))
    store = str(tmp_path / "s.sqlite")
    off = CliRunner().invoke(main, ["index", str(docs), "--store", store, "--ocr", "never", "--no-graph"])
    assert off.exit_code == 1 and "OCR is needed" in off.output
    on = CliRunner().invoke(main, ["index", str(docs), "--store", store, "--no-graph"])
    assert on.exit_code == 0 and "1 parsed" in on.output
