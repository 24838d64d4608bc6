"""Placed words from any source (OCR of a page image) laid out as a PDF's text layer is."""

from __future__ import annotations

from typing import Any

import pytest

from danvan_cli.text.formats.common import Para, RawTable
from danvan_cli.text.formats.pdf import Word, layout_words, read_pdf

SIZE = 13.0


def _row(y: float, *spans: tuple[float, str]) -> list[Word]:
    """Words of ``spans`` (left edge, text) on the baseline ``y``, about half an em a letter."""
    out: list[Word] = []
    for x, text in spans:
        for token in text.split():
            w = 0.5 * SIZE * len(token)
            out.append(Word(token, x, x + w, y, SIZE, False, False))
            x += w + 0.3 * SIZE
    return out


def _cells(item: Any) -> list[str]:
    assert isinstance(item, RawTable)
    return ["\n".join("".join(r.text for r in p.runs) for p in c.paras) for c in item.rows[0]]


def _page() -> list[Word]:
    body = "Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 3 năm 2024 của Ủy ban nhân dân tỉnh về công tác dân vận"
    return [
        *_row(60, (60, "UBND HUYỆN BÌNH TÂN"), (300, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
        *_row(76, (60, "PHÒNG NỘI VỤ"), (330, "Độc lập - Tự do - Hạnh phúc")),
        *_row(100, (80, "Số: 12/KH-PNV"), (320, "Bình Tân, ngày 05 tháng 3 năm 2024")),
        *_row(140, (250, "KẾ HOẠCH")),
        *_row(170, (60, body[:60])),
        *_row(186, (60, body[60:])),
    ]


def test_placed_words_give_the_header_columns_as_a_two_cell_table() -> None:
    items = layout_words([(_page(), 842.0)])
    assert _cells(items[0]) == ["UBND HUYỆN BÌNH TÂN\nPHÒNG NỘI VỤ\nSố: 12/KH-PNV",
                                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nBình Tân, ngày 05 tháng 3 năm 2024"]
    assert isinstance(items[1], Para) and items[1].runs[0].text == "KẾ HOẠCH"


def test_a_line_alone_is_no_header_zone() -> None:
    items = layout_words([(_row(100, (60, "Kính gửi các cơ quan, đơn vị trên địa bàn huyện")), 842.0)])
    assert len(items) == 1 and isinstance(items[0], Para)


class _FakeOcr:
    """Gives the same placed words for every page asked (the page's OCR, faked)."""

    def __init__(self, always: bool) -> None:
        self.always = always
        self.asked: list[int] = []

    def read_pages(self, doc: Any, pages: list[int]) -> dict[int, list[Word]]:
        self.asked += pages
        return {i: _page() for i in pages}


def _pdf(text: str | None) -> bytes:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (test extra) writes the PDFs")
    from tests.support.formats_doc import FONTS

    pdf = fpdf.FPDF(format="A4", unit="mm")
    pdf.add_page()
    if text:
        pdf.add_font("V", "", str(FONTS / "DejaVuSans-vi.ttf"))
        pdf.set_font("V", "", 11)
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def test_a_page_with_no_text_layer_is_read_by_the_ocr_given_and_refused_without() -> None:
    from danvan_cli.text.formats.common import FormatError

    blank = _pdf(None)
    ocr = _FakeOcr(always=False)
    assert _cells(read_pdf(blank, ocr)[0])[0].startswith("UBND HUYỆN BÌNH TÂN")
    assert ocr.asked == [0]
    with pytest.raises(FormatError, match="OCR is needed"):
        read_pdf(blank)


def test_a_page_with_a_text_layer_goes_to_ocr_only_when_every_page_is_asked() -> None:
    typed = _pdf("Ủy ban nhân dân huyện hướng dẫn các cơ quan, đơn vị thực hiện công tác dân vận năm 2024.")
    auto = _FakeOcr(always=False)
    items = read_pdf(typed, auto)
    assert auto.asked == [] and "Ủy ban nhân dân huyện" in items[0].runs[0].text  # type: ignore[union-attr]
    always = _FakeOcr(always=True)
    read_pdf(typed, always)
    assert always.asked == [0]
