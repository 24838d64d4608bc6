"""What Tesseract gives becomes placed words; pages are prepared and kept (no Tesseract run here)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from danvan_cli.corpus.ocr_cache import StoreOcrCache
from danvan_cli.text.formats.ocr import Tesseract, OcrOptions, _decode, _encode, parse_hocr, prepare


def _hocr(lines: list[tuple[tuple[int, int, int, int], float, float, list[tuple[str, tuple[int, int, int, int], float]]]]) -> bytes:
    body = []
    for k, (box, slope, offset, words) in enumerate(lines):
        ws = "".join(f"<span class='ocrx_word' title='bbox {b[0]} {b[1]} {b[2]} {b[3]}; x_wconf {c}'>{t}</span> "
                     for t, b, c in words)
        body.append(f"<span class='ocr_line' id='l{k}' title='bbox {box[0]} {box[1]} {box[2]} {box[3]}; "
                    f"baseline {slope} {offset}; x_size 50'>{ws}</span>")
    return ("<?xml version='1.0' encoding='UTF-8'?><html xmlns='http://www.w3.org/1999/xhtml'><body>"
            f"<div class='ocr_page'>{''.join(body)}</div></body></html>").encode()


def test_words_of_one_printed_line_share_a_baseline_on_a_skewed_page() -> None:
    # the page rises 3 px every 100 px to the right; Tesseract made the two columns two lines
    left = ((100, 200, 900, 260), -0.03, 0, [("UBND", (100, 210, 300, 250), 96), ("HUYỆN", (320, 205, 500, 245), 95)])
    right = ((1300, 164, 2300, 224), -0.03, 0, [("CỘNG", (1300, 180, 1500, 220), 96), ("HÒA", (1520, 175, 1700, 215), 96)])
    below = ((100, 300, 2300, 360), -0.03, 0, [("Kính", (100, 310, 300, 350), 96), ("gửi", (2100, 260, 2300, 300), 96)])
    words = parse_hocr(_hocr([left, right, below]), 1.0)
    ys = {w.text: round(w.y) for w in words}
    assert ys["UBND"] == ys["HUYỆN"] == ys["CỘNG"] == ys["HÒA"]
    assert ys["Kính"] == ys["gửi"] > ys["UBND"] + 30
    assert all(w.size == 50 for w in words)


def test_unsure_specks_and_unsure_digits_are_dropped_sure_ones_kept() -> None:
    line = ((100, 200, 2000, 260), 0.0, 0, [
        ("Số:", (100, 200, 200, 250), 96), ("}5", (220, 200, 300, 250), 22), ("I0†", (320, 200, 400, 250), 41),
        ("/TL-BTC", (420, 200, 700, 250), 91), ("~", (900, 200, 920, 250), 5), ("2019", (1000, 200, 1200, 250), 95)])
    assert [w.text for w in parse_hocr(_hocr([line]), 1.0)] == ["Số:", "/TL-BTC", "2019"]


def test_points_are_pixels_scaled() -> None:
    line = ((300, 200, 600, 250), 0.0, -10, [("Số", (300, 200, 600, 250), 96)])
    (w,) = parse_hocr(_hocr([line]), 0.24)
    assert (w.x0, w.x1, w.y, w.size) == pytest.approx((72, 144, 57.6, 12))


def test_empty_or_broken_hocr_gives_no_words() -> None:
    assert parse_hocr(b"", 1.0) == [] and parse_hocr(b"<html><body>", 1.0) == []


def test_ink_and_stamps_become_paper_and_print_stays() -> None:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (2480, 400), "white")
    d = ImageDraw.Draw(img)
    d.rectangle((100, 100, 300, 300), fill=(20, 20, 20))  # black print
    d.rectangle((500, 100, 700, 300), fill=(90, 85, 100))  # grey print with a colour cast
    d.rectangle((900, 100, 1100, 300), fill=(40, 60, 170))  # blue ballpoint
    d.rectangle((1300, 100, 1500, 300), fill=(210, 40, 50))  # red stamp
    out = prepare(img)
    assert out.mode == "L" and out.size == img.size
    assert out.getpixel((200, 200)) < 40 and out.getpixel((600, 200)) < 110
    assert out.getpixel((1000, 200)) == 255 and out.getpixel((1400, 200)) == 255


def test_a_small_picture_is_scaled_to_a_page_width_a_huge_one_down() -> None:
    from PIL import Image

    assert prepare(Image.new("L", (800, 1132), 255)).width == 2480
    assert prepare(Image.new("L", (6000, 8000), 255)).width == 2480
    assert prepare(Image.new("L", (2480, 3508), 255)).width == 2480


def test_words_go_into_the_cache_and_come_back_whole() -> None:
    words = parse_hocr(_hocr([((100, 200, 900, 260), 0.0, 0, [("Hạnh", (100, 210, 300, 250), 96)])]), 0.24)
    assert _decode(_encode(words)) == [type(words[0])(words[0].text, *(round(v, 2) for v in (words[0].x0, words[0].x1, words[0].y, words[0].size)), False, False)]
    assert _decode(b"not json") is None


def test_the_cache_key_names_the_bytes_and_the_page() -> None:
    pytest.importorskip("PIL")
    from danvan_cli.text.formats.ocr import tesseract

    if tesseract() is None:
        pytest.skip("the key carries Tesseract's version")
    a, b = Tesseract(OcrOptions(), b"one"), Tesseract(OcrOptions(), b"two")
    assert a.key(0) != a.key(1) and a.key(0) != b.key(0) and a.key(0) == Tesseract(OcrOptions(), b"one").key(0)


def test_the_store_keeps_pages_and_makes_a_store_when_there_is_none(tmp_path: Path) -> None:
    from danvan_cli.corpus.store import APPLICATION_ID

    path = tmp_path / "store.sqlite"
    cache = StoreOcrCache(path)
    assert cache.get("k") is None
    cache.put("k", b"[]")
    cache.close()
    assert StoreOcrCache(path).get("k") == b"[]"
    assert sqlite3.connect(path).execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_another_programs_database_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "theirs.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    cache = StoreOcrCache(path)
    cache.put("k", b"[]")
    assert cache.get("k") is None
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert tables == {"notes"}


def _pdf_with_a_scanned_page() -> bytes:
    fpdf = pytest.importorskip("fpdf")
    from tests.support.formats_doc import FONTS

    pdf = fpdf.FPDF(format="A4", unit="mm")
    pdf.add_font("V", "", str(FONTS / "DejaVuSans-vi.ttf"))
    pdf.set_font("V", "", 11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Ủy ban nhân dân huyện hướng dẫn các cơ quan, đơn vị thực hiện công tác dân vận năm 2024. " * 3)
    pdf.add_page()
    pdf.rect(20, 20, 150, 200, style="F")  # an appendix scanned: a picture
    return bytes(pdf.output())


def test_without_tesseract_the_typed_pages_are_read_and_the_scanned_one_is_said_missing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from danvan_cli.text.formats import ocr
    from danvan_cli.text.read import decode_file

    monkeypatch.setattr(ocr, "tesseract", lambda: None)
    d = decode_file(_pdf_with_a_scanned_page(), "mixed.pdf")
    assert d.encoding == "pdf" and "công tác dân vận" in d.text
    (w,) = [w for w in d.warnings if w.code == "pages-not-read"]
    assert w.message.startswith("page(s) 2 have no text layer and were not read: a scan: OCR needs Tesseract")


def test_without_tesseract_a_pdf_of_scans_only_is_one_line_saying_how_to_install_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from danvan_cli.text.formats import ocr
    from danvan_cli.text.read import DanvanInputError, decode_file

    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 150, 200, style="F")
    monkeypatch.setattr(ocr, "tesseract", lambda: None)
    with pytest.raises(DanvanInputError) as exc:
        decode_file(bytes(pdf.output()), "scan.pdf")
    assert str(exc.value) == f"scan.pdf: a scan: {ocr.INSTALL_LINE}"
