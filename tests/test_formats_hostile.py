"""Bad and hostile files: each gives one clear DanvanInputError naming the file and why."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from danvan_cli.text.formats import limits
from danvan_cli.text.read import DanvanInputError, decode_file, read_source


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


_CT = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def _one_line(exc: pytest.ExceptionInfo[DanvanInputError], name: str) -> str:
    msg = str(exc.value)
    assert msg.startswith(f"{name}: ") and "\n" not in msg
    return msg


def test_a_zip_bomb_named_docx_is_refused_before_it_is_opened() -> None:
    bomb = _zip({"[Content_Types].xml": _CT, "word/document.xml": b"<w:document/>", "word/media/x.bin": b"\0" * (32 * 2**20)})
    assert len(bomb) < 2**20
    with pytest.raises(DanvanInputError) as exc:
        decode_file(bomb, "bomb.docx")
    assert "zip bomb" in _one_line(exc, "bomb.docx")


def test_parts_inflating_past_the_total_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_DOCX_INFLATED_BYTES", 200_000)
    data = _zip({"[Content_Types].xml": _CT, "word/document.xml": b"<w:document/>",
                 **{f"word/media/{i}.bin": bytes(range(256)) * 400 for i in range(3)}})
    with pytest.raises(DanvanInputError) as exc:
        decode_file(data, "big.docx")
    assert "inflate to" in _one_line(exc, "big.docx") and "zip bomb" in str(exc.value)


def test_a_zip_whose_directory_lies_about_sizes_is_refused() -> None:
    """A part declared small that inflates larger: the reading stops at the declared size
    and the check fails, so nothing large is ever produced."""
    good = _zip({"[Content_Types].xml": _CT, "word/document.xml": b"A" * 100_000})
    zf = zipfile.ZipFile(io.BytesIO(good))
    info = zf.getinfo("word/document.xml")
    raw = bytearray(good)
    # Patch the declared uncompressed size (local header and central directory) to 1 000.
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        pos = 0
        while (pos := raw.find(sig, pos)) >= 0:
            off = 22 if sig == b"PK\x03\x04" else 24
            size = int.from_bytes(raw[pos + off:pos + off + 4], "little")
            if size == info.file_size:
                raw[pos + off:pos + off + 4] = (1000).to_bytes(4, "little")
            pos += 4
    with pytest.raises(DanvanInputError) as exc:
        decode_file(bytes(raw), "lying.docx")
    _one_line(exc, "lying.docx")


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 4096)
    big = tmp_path / "huge.txt"
    big.write_text("Chỉ thị số 33/CT-TTg. " * 1000, encoding="utf-8")
    with pytest.raises(DanvanInputError) as exc:
        read_source(big)
    assert "over the 4 KiB limit" in _one_line(exc, str(big))


def test_an_encrypted_pdf_asks_for_its_password() -> None:
    fpdf = pytest.importorskip("fpdf")
    from fpdf.enums import EncryptionMethod

    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, "Secret plan number 15/KH-UBND")
    pdf.set_encryption(owner_password="o", user_password="u", encryption_method=EncryptionMethod.RC4)
    with pytest.raises(DanvanInputError) as exc:
        decode_file(bytes(pdf.output()), "secret.pdf")
    assert "encrypted PDF" in _one_line(exc, "secret.pdf")


@pytest.mark.parametrize("data", [b"%PDF-1.4\n" + bytes(range(256)) * 40, b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R", b"%PDF-"])
def test_a_damaged_pdf_gives_one_line(data: bytes) -> None:
    with pytest.raises(DanvanInputError) as exc:
        decode_file(data, "broken.pdf")
    assert "PDF" in _one_line(exc, "broken.pdf")


def test_a_pdf_without_a_text_layer_says_ocr_is_needed_when_ocr_is_off() -> None:
    from danvan_cli.text.formats.ocr import OcrOptions

    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 150, 200, style="F")  # a scanned page is a picture
    with pytest.raises(DanvanInputError) as exc:
        decode_file(bytes(pdf.output()), "scan.pdf", OcrOptions(mode="never"))
    assert _one_line(exc, "scan.pdf") == "scan.pdf: PDF has no text layer (a scan): OCR is needed"


def test_megabytes_of_nested_tags_are_refused_in_linear_time() -> None:
    page = ("<html><body>" + "<div><span>x " * 300_000 + "</span></div>" * 300_000 + "</body></html>").encode()
    assert len(page) > 5 * 2**20
    with pytest.raises(DanvanInputError) as exc:
        decode_file(page, "deep.html")
    assert "nested deeper" in _one_line(exc, "deep.html")


def test_nesting_within_the_limit_is_read() -> None:
    page = "<html><body>" + "<div>" * 500 + "Số: 15/KH-UBND" + "</div>" * 500 + "</body></html>"
    assert decode_file(page.encode(), "ok.html").text == "Số: 15/KH-UBND"


@pytest.mark.parametrize("data, name, says", [
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "scan.png", "damaged image"),
    (b"\xff\xd8\xff\xe0" + b"\0" * 100, "photo.jpg", "damaged image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old.doc", "OLE2"),
    (_zip({"[Content_Types].xml": _CT, "xl/workbook.xml": b"<workbook/>"}), "sheet.xlsx", "spreadsheet"),
    (_zip({"a.txt": b"hello"}), "files.zip", "zip archive"),
    (b"{\\rtf1\\ansi hello}", "old.rtf", "RTF"),
])
def test_files_that_are_not_documents_say_what_they_are(data: bytes, name: str, says: str) -> None:
    with pytest.raises(DanvanInputError) as exc:
        decode_file(data, name)
    assert says in _one_line(exc, name)


def test_a_damaged_docx_gives_one_line() -> None:
    data = _zip({"[Content_Types].xml": _CT, "word/document.xml": b"<w:document><not closed"})
    with pytest.raises(DanvanInputError) as exc:
        decode_file(data, "broken.docx")
    _one_line(exc, "broken.docx")


def test_external_entities_are_never_fetched_nor_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("BÍ MẬT", encoding="utf-8")
    page = (f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><html><body><p>a &x; b</p>'
            f'<img src="file://{secret}"><iframe src="file://{secret}"></iframe></body></html>')
    d = decode_file(page.encode(), "xxe.html")
    assert "BÍ MẬT" not in d.text


def test_a_page_of_thousands_of_drawn_shapes_is_read_as_text() -> None:
    """Past the drawing budget a page's rules are not looked at: its text still reads."""
    fpdf = pytest.importorskip("fpdf")
    from danvan_cli.text.formats import pdf as pdf_reader

    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.set_xy(20, 20)
    pdf.cell(0, 8, "Plan number 15/KH-UBND of the commune, dated 20/3/2025")
    for i in range(pdf_reader.MAX_PATHS_PER_PAGE + 500):
        x, y = 20 + (i % 60) * 3, 40 + (i // 60) * 3
        pdf.rect(x, y, 2, 2)
    d = decode_file(bytes(pdf.output()), "shapes.pdf")
    assert d.text == "Plan number 15/KH-UBND of the commune, dated 20/3/2025"
