"""Pages as a scanner or a phone gives them, made from text, for the OCR tests.

``page_image`` draws lines of text where a printed page has them (the header's two
columns, a centred title, body lines) into a Pillow image at 300 dpi, in black, with
marks in colour on request (a red received stamp, blue ink); ``tilt`` turns it a little,
as a page fed askew. ``require_tesseract`` skips a test where Tesseract is missing, and
fails it under CI (``DANVAN_REQUIRE_OCR=1``), where ``.ci/run`` installed it.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from tests.support.formats_doc import FONTS

DPI = 300
A4 = (2480, 3508)


def require_tesseract() -> None:
    from danvan_cli.text.formats.ocr import tesseract

    if tesseract() is None:
        if os.environ.get("DANVAN_REQUIRE_OCR"):
            pytest.fail("DANVAN_REQUIRE_OCR is set but Tesseract with Vietnamese is not installed "
                        "(apt-get install tesseract-ocr tesseract-ocr-vie)")
        pytest.skip("needs Tesseract with Vietnamese (Debian: tesseract-ocr tesseract-ocr-vie)")


def _font(pt: float, bold: bool = False) -> Any:
    from PIL import ImageFont

    name = "DejaVuSans-Bold-vi.ttf" if bold else "DejaVuSans-vi.ttf"
    return ImageFont.truetype(str(FONTS / name), round(pt * DPI / 72))


def page_image(lines: list[tuple[float, float, str, bool, str]], *, size: tuple[int, int] = A4, tilt: float = 0.0,
               stamps: list[tuple[float, float, str, tuple[int, int, int]]] = ()) -> Any:
    """A white page with ``lines`` (x mm, y mm, text, bold, align ``l``/``c`` about x) in
    black 12 pt, then ``stamps`` (x mm, y mm, text, colour) drawn over them, turned by
    ``tilt`` degrees."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(img)
    mm = DPI / 25.4
    for x, y, text, bold, align in lines:
        font = _font(12, bold)
        w = draw.textlength(text, font=font)
        left = x * mm - (w / 2 if align == "c" else 0)
        draw.text((left, y * mm), text, fill="black", font=font)
    for x, y, text, colour in stamps:
        draw.multiline_text((x * mm, y * mm), text, fill=colour, font=_font(14, True), spacing=12)
    if tilt:
        img = img.rotate(tilt, resample=Image.BICUBIC, expand=False, fillcolor="white")
    return img


def png_bytes(img: Any) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def scanned_pdf(images: list[Any], path: Path) -> Path:
    """An image-only PDF, a page per image (what a scanner writes), A4."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    for img in images:
        pdf.add_page()
        buf = io.BytesIO()
        img.convert("L").save(buf, format="PNG")
        buf.seek(0)
        pdf.image(buf, x=0, y=0, w=210, h=297)
    pdf.output(str(path))
    return path


#: A Công văn's first page, as lines of ``page_image``: the header's two columns, the V/v
#: under the number, Kính gửi and a body paragraph.
LETTER = [
    (57, 20, "ỦY BAN NHÂN DÂN", True, "c"),
    (57, 27, "HUYỆN PHÚ GIÁO", True, "c"),
    (57, 38, "Số: 245/UBND-VP", False, "c"),
    (57, 45, "V/v triển khai công tác dân vận", False, "c"),
    (57, 51, "chính quyền năm 2024", False, "c"),
    (140, 20, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, "c"),
    (140, 27, "Độc lập - Tự do - Hạnh phúc", True, "c"),
    (140, 38, "Phú Giáo, ngày 12 tháng 3 năm 2024", False, "c"),
    (80, 66, "Kính gửi: Các cơ quan, đơn vị trên địa bàn huyện.", False, "l"),
    (45, 80, "Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 01 năm 2024 của", False, "l"),
    (30, 88, "Ủy ban nhân dân tỉnh về công tác dân vận chính quyền, Ủy ban nhân dân", False, "l"),
    (30, 96, "huyện đề nghị các cơ quan, đơn vị thực hiện tốt các nội dung sau.", False, "l"),
]
