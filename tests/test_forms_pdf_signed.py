"""Signed e-office PDFs read as a viewer shows them: rules of the PDF reader and the signature.

An office exports its Word file to PDF, then signs it in an e-office system, which fills in
the number and the day: as signature fields whose appearance shows them (an incremental
update over the template), as text typed over the template in another font on a shifted
baseline, glued to their neighbours (``Số:550``, ``ngày11 tháng12``). The signature's stamp
box (``Người ký: ... Email: ... Cơ quan: ...``) stands between the title and the name, or
before the header. Each PDF here is written with fpdf2 at the positions a Word page gives
(``tests/support/signing.py`` adds the fields as a signing system does), each rule with a
twin that must not fire; the real files of ``../shared/real/offices`` are read last.
"""

from __future__ import annotations

from pathlib import Path

import pytest

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (test extra) writes the PDFs")

from danvan_cli.model import Document  # noqa: E402
from danvan_cli.pipeline import parse_text  # noqa: E402
from danvan_cli.text.blocks import Table  # noqa: E402
from danvan_cli.text.read import decode_file  # noqa: E402
from tests.support.formats_doc import FONTS, a4  # noqa: E402
from tests.support.signing import Field, add_fields  # noqa: E402

LEFT, RIGHT = 30.0, 195.0
#: The header's cells (Word's fixed 40/60 table) and the closing's.
LEFT_COL, RIGHT_COL = (30.0, 95.0), (95.0, 195.0)


def _pdf() -> "fpdf.FPDF":
    pdf = a4(LEFT, RIGHT)
    pdf.add_page()
    return pdf


def _centred(pdf: "fpdf.FPDF", col: tuple[float, float], y: float, lines: list[str], step: float = 5.5,
             size: float = 10.5) -> float:
    """Lines centred in a column, each line's baseline ``step`` mm under the last."""
    for t in lines:
        if t:
            pdf.set_font("V", "B" if t.isupper() else "", size)
            pdf.text((col[0] + col[1] - pdf.get_string_width(t)) / 2, y, t)
        y += step
    return y


def _header(pdf: "fpdf.FPDF", left: list[str], date: str) -> None:
    """The two-column header: the issuer's lines and the number left, the Quốc hiệu, the
    motto and the place and date right."""
    _centred(pdf, LEFT_COL, 22, left)
    _centred(pdf, RIGHT_COL, 22, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", date])


def _at(pdf: "fpdf.FPDF", x: float, y: float, text: str, *, style: str = "", size: float = 10.5) -> float:
    """``text`` with its baseline at ``y``, from ``x``; where it ends."""
    pdf.set_font("V", style, size)
    pdf.text(x, y, text)
    return x + pdf.get_string_width(text)


#: A body paragraph that fills the measure over several lines (the text area is where most
#: lines start and end).
BODY = ("Thực hiện nhiệm vụ năm học 2022 - 2023, Ủy ban nhân dân tỉnh ban hành kế hoạch tuyển sinh lớp 10 "
        "trên địa bàn tỉnh như sau: các trường trung học phổ thông tổ chức tuyển sinh theo đúng quy chế, bảo đảm "
        "công khai, minh bạch; các phòng giáo dục và đào tạo hướng dẫn học sinh đăng ký nguyện vọng, tổng hợp "
        "danh sách gửi về Sở Giáo dục và Đào tạo đúng thời hạn; các đơn vị có liên quan phối hợp thực hiện./.")


def _body(pdf: "fpdf.FPDF", y: float, title: str = "KẾ HOẠCH") -> float:
    _centred(pdf, (LEFT, RIGHT), y, [title], size=13)
    _centred(pdf, (LEFT, RIGHT), y + 6, ["Tuyển sinh lớp 10 năm học 2022 - 2023"], size=12)
    pdf.set_font("V", "", 12)
    pdf.set_xy(LEFT, y + 12)
    pdf.multi_cell(RIGHT - LEFT, 6, BODY, align="J")
    return pdf.get_y() + 6


def _parse(data: bytes, name: str = "signed.pdf") -> Document:
    d = decode_file(data, name)
    return parse_text(d.text, blocks=d.blocks, normalized=True)


def _closing(pdf: "fpdf.FPDF", y: float, right: list[str], left: list[str] | None = None) -> None:
    for k, t in enumerate(left or ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]):
        _at(pdf, LEFT_COL[0] + 2, y + 5 * k, t, style="B" if k == 0 else "", size=9.5)
    _centred(pdf, RIGHT_COL, y, right)


# --- the number and the day stamped at signing ------------------------------------------------


def _template(pdf: "fpdf.FPDF") -> tuple[float, float]:
    """The Word template's header with the number and the day left blank; where the blanks are
    (the x after ``Số:`` and after ``ngày``, in mm, on the baseline 37 mm)."""
    _centred(pdf, LEFT_COL, 22, ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"])
    _centred(pdf, RIGHT_COL, 22, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
    so = _at(pdf, 45, 37, "Số:")
    _at(pdf, so + 12, 37, "/KH-UBND")
    day = _at(pdf, 112, 37, "Đồng Tháp, ngày", style="I")
    _at(pdf, day + 8, 37, "tháng 8 năm 2021", style="I")
    return so, day


def test_a_number_and_day_stamped_as_signature_fields_are_read_where_they_stand() -> None:
    pdf = _pdf()
    so, day = _template(pdf)
    _body(pdf, 52)
    template = bytes(pdf.output())
    # the fields' boxes: their text's baseline on the template's, as the signing system aims
    signed = add_fields(template, [Field(0, so + 0.5, 33.2, ("344",), size=12, width=11),
                                   Field(0, day + 0.5, 33.2, ("11",), size=12, width=7)])
    doc = _parse(signed)
    assert (doc.number, doc.date) == ("344/KH-UBND", "2021-08-11")
    assert not any(w.code == "blank-own-number" for w in doc.warnings)
    # twins: the template as Word left it, and fields a viewer hides, show no number
    for data in (template, add_fields(template, [Field(0, so + 0.5, 33.2, ("344",), size=12, width=11, hidden=True),
                                                 Field(0, day + 0.5, 33.2, ("11",), size=12, width=7, hidden=True)])):
        doc = _parse(data)
        assert doc.number is None and doc.date == "2021-08"
        assert any(w.code == "blank-own-number" for w in doc.warnings)


def test_a_number_typed_over_the_template_on_a_shifted_baseline_joins_its_line() -> None:
    pdf = _pdf()
    so, day = _template(pdf)
    _body(pdf, 52)
    # drawn after the whole template, bigger, on a baseline half a point off
    _at(pdf, so + 1, 37.2, "585", size=13)
    _at(pdf, day + 1, 36.8, "09", style="I", size=13)
    doc = _parse(bytes(pdf.output()))
    assert (doc.number, doc.date) == ("585/KH-UBND", "2021-08-09")


def test_an_overlay_a_line_away_is_no_part_of_the_number() -> None:
    pdf = _pdf()
    so, _day = _template(pdf)
    _body(pdf, 52)
    _at(pdf, so + 1, 43.5, "585", size=13)  # a line under the number's: its own line
    doc = _parse(bytes(pdf.output()))
    assert doc.number is None


@pytest.mark.parametrize(("number_line", "date_line", "number", "date"), [
    ("Số:550 /QĐ-SGDĐT", "Đồng Tháp, ngày11 tháng12 năm 2021", "550/QĐ-SGDĐT", "2021-12-11"),
    ("Số: 138 /KH-UBND", "Đồng Tháp, ngày 28 tháng 04năm 2021", "138/KH-UBND", "2021-04-28"),
    ("Số:  /KH-UBND", "Đồng Tháp, ngày  tháng  năm 2021", None, "2021"),  # twin: left blank
])
def test_a_number_and_day_glued_to_their_words_are_read(number_line: str, date_line: str, number: str | None,
                                                        date: str) -> None:
    text = (f"ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH ĐỒNG THÁP\tĐộc lập - Tự do - Hạnh phúc\n"
            f"{number_line}\t{date_line}\nKẾ HOẠCH\nTuyển sinh lớp 10 năm học 2022 - 2023\n"
            "Thực hiện nhiệm vụ năm học, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau.\n")
    doc = parse_text(text)
    assert (doc.number, doc.date) == (number, date)


def _digit_picture(text: str) -> "object":
    """A small picture of ``text`` in black on white, as a signing system stamps a number."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(FONTS / "DejaVuSans-vi.ttf"), 64)
    img = Image.new("L", (48 * len(text) + 16, 84), 255)
    ImageDraw.Draw(img).text((8, 4), text, font=font, fill=0)
    return img


class _RegionOcr:
    """Reads what a region shows as the picture drawn there says (OCR faked): each region
    asked, and what it gave, are kept."""

    always = False

    def __init__(self, shown: dict[str, tuple[float, float]]) -> None:
        self.shown = shown  # text -> its left and baseline, in points
        self.asked: list[tuple[float, float, float, float]] = []

    def read_pages(self, doc: object, pages: list[int]) -> dict:
        return {}

    def read_region(self, page: object, box: tuple[float, float, float, float], *, line: bool = True) -> list:
        from danvan_cli.text.formats.pdf import Word

        self.asked.append(box)
        out = []
        for text, (x, y) in self.shown.items():  # a text of several words: one word each
            for w in text.split():
                if box[0] <= x + 3 <= box[2] and box[1] <= y <= box[3] + 4:
                    out.append(Word(w, x, x + 7 * len(w), y, 14.0, False, False))
                x += 7 * len(w) + 4
        return out


def _party_template(pdf: "fpdf.FPDF", pictures: bool) -> dict[str, tuple[float, float]]:
    """A Party guide's header with the number and the day left blank in its text, shown as
    pictures when ``pictures``; where each picture's text stands (points)."""
    _centred(pdf, LEFT_COL, 22, ["THÀNH ỦY HÀ NỘI", "BAN TỔ CHỨC", "*"])
    _centred(pdf, RIGHT_COL, 22, ["ĐẢNG CỘNG SẢN VIỆT NAM"])
    so = _at(pdf, 45, 40, "Số")
    _at(pdf, so + 12, 40, "- HD/BTCTU")
    day = _at(pdf, 112, 31, "Hà Nội, ngày", style="I")
    _at(pdf, day + 10, 31, "tháng 11 năm 2025", style="I")
    shown = {}
    if pictures:
        for text, x, y in (("2", so + 4, 40), ("21", day + 2, 31)):
            pdf.image(_digit_picture(text), x=x, y=y - 4.6, h=5.4)
            shown[text] = (x * 72 / 25.4, y * 72 / 25.4)
    _body(pdf, 50, title="HƯỚNG DẪN")
    return shown


def _read_with(data: bytes, ocr: object | None) -> tuple[Document, list]:
    from danvan_cli.text.formats.common import write
    from danvan_cli.text.formats.pdf import read_pdf

    notes: list = []
    text, blocks, _w = write(read_pdf(data, ocr, notes), "pdf")
    return parse_text(text, blocks=blocks, normalized=True), notes


def test_a_number_stamped_as_a_picture_in_the_blank_is_read_by_ocr_of_that_region() -> None:
    pdf = _pdf()
    shown = _party_template(pdf, pictures=True)
    data = bytes(pdf.output())
    ocr = _RegionOcr(shown)
    doc, notes = _read_with(data, ocr)
    assert (doc.number, doc.date) == ("2-HD/BTCTU", "2025-11-21")
    assert len(ocr.asked) == 2  # the two blanks that show ink, not the room between the columns
    assert [n.code for n in notes] == ["text-read-from-image"]
    # twin: without OCR the blanks stay blank, and a note says a picture stands there
    doc, notes = _read_with(data, None)
    assert doc.number is None and doc.date == "2025-11"
    assert [n.code for n in notes] == ["image-in-header-blank"]


@pytest.mark.ocr
def test_a_number_stamped_as_a_picture_is_read_by_tesseract_where_it_is_installed() -> None:
    from tests.support.ocr import require_tesseract

    require_tesseract()
    pdf = _pdf()
    _party_template(pdf, pictures=True)
    d = decode_file(bytes(pdf.output()), "huong-dan.pdf")
    doc = parse_text(d.text, "huong-dan.pdf", normalized=True, blocks=d.blocks)
    assert (doc.number, doc.date) == ("2-HD/BTCTU", "2025-11-21")
    assert "text-read-from-image" in [w.code for w in d.warnings]


def test_a_blank_the_page_leaves_empty_asks_no_ocr() -> None:
    pdf = _pdf()
    _party_template(pdf, pictures=False)
    ocr = _RegionOcr({})
    doc, notes = _read_with(bytes(pdf.output()), ocr)
    assert ocr.asked == [] and notes == []
    assert doc.number is None and doc.date == "2025-11"


# --- the signer's name shown only in the signature's picture -------------------------------------

#: What a seal's ring and a signature read as by OCR: scraps over several lines.
SCRAPS = {"Ằ%..*X": (380.0, 360.0), "— Í": (430.0, 372.0)}


def _signature_picture(name: str) -> "object":
    """A signature's picture as a province's system draws it: a red seal, a blue stroke and
    the name typed under them in bold (90 × 45 mm at 300 dpi)."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (1060, 530), "white")
    draw = ImageDraw.Draw(img)
    draw.ellipse((40, 20, 380, 360), outline=(220, 30, 40), width=14)
    draw.line((300, 300, 560, 180, 900, 150), fill=(40, 60, 200), width=8)
    if name:
        font = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold-vi.ttf"), 58)
        w = draw.textlength(name, font=font)
        draw.text(((1060 - w) / 2, 420), name, fill="black", font=font)
    return img


def _signed_by_picture(name_in_picture: str, name_in_text: str | None = None) -> "fpdf.FPDF":
    """A letter closed by ``KT. CHỦ TỊCH`` / ``PHÓ CHỦ TỊCH`` in the text, the signature's
    picture drawn over the room under them (its top over the title, as the field's box
    is), the name in the text under it only when ``name_in_text``."""
    pdf = _pdf()
    _header(pdf, ["ỦY BAN NHÂN DÂN", "TỈNH VĨNH LONG", "Số: 1507/UBND-VX"], "Vĩnh Long, ngày 31 tháng 3 năm 2021")
    _body(pdf, 50)
    _closing(pdf, 110, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
             left=["Nơi nhận:", "- Như trên;", "- CT, các PCT UBND tỉnh;", "- Lưu: VT."])
    pdf.image(_signature_picture(name_in_picture), x=100, y=104, w=90, h=45)
    if name_in_text:
        _centred(pdf, RIGHT_COL, 156, [name_in_text], size=12)
    return pdf


#: Where the name stands in ``_signature_picture`` drawn by ``_signed_by_picture`` (points).
NAME_AT = ((100 + 90 * 330 / 1060) * 72 / 25.4, (104 + 45 * 480 / 530) * 72 / 25.4)


def test_a_name_shown_only_in_the_signatures_picture_is_read_by_ocr_under_the_title() -> None:
    data = bytes(_signed_by_picture("Nguyễn Thị Quyên Thanh").output())
    ocr = _RegionOcr({**SCRAPS, "Nguyễn Thị Quyên Thanh": NAME_AT})
    doc, notes = _read_with(data, ocr)
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.authority, doc.signer.title) == ("Nguyễn Thị Quyên Thanh", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert len(ocr.asked) == 1 and "signer-name-read-from-image" in [n.code for n in notes]
    assert doc.recipients == ["Như trên", "CT, các PCT UBND tỉnh", "Lưu: VT."]
    # twin: without OCR the name stays out, and the header says it is not in the text
    doc, notes = _read_with(data, None)
    assert doc.signer is not None and doc.signer.name is None
    assert "signer-name-not-in-text" in [w.code for w in doc.warnings]


def test_a_strokes_end_read_under_the_name_does_not_hide_it() -> None:
    data = bytes(_signed_by_picture("Nguyễn Thị Quyên Thanh").output())
    under = (NAME_AT[0] + 20, NAME_AT[1] + 9)
    doc, _notes = _read_with(data, _RegionOcr({**SCRAPS, "Nguyễn Thị Quyên Thanh": NAME_AT, "— ~": under}))
    assert doc.signer is not None and doc.signer.name == "Nguyễn Thị Quyên Thanh"


def test_a_name_typed_under_the_picture_asks_no_ocr() -> None:
    data = bytes(_signed_by_picture("", name_in_text="Trần Văn Dũng").output())
    ocr = _RegionOcr({**SCRAPS, "Lê Văn Tám": NAME_AT})
    doc, notes = _read_with(data, ocr)
    assert ocr.asked == [] and notes == []
    assert doc.signer is not None and doc.signer.name == "Trần Văn Dũng"


def test_a_picture_under_a_heading_in_capitals_that_is_no_title_asks_no_ocr() -> None:
    pdf = _pdf()
    _header(pdf, ["ỦY BAN NHÂN DÂN", "TỈNH VĨNH LONG", "Số: 1507/UBND-VX"], "Vĩnh Long, ngày 31 tháng 3 năm 2021")
    _body(pdf, 50)
    _centred(pdf, RIGHT_COL, 110, ["SƠ ĐỒ PHÂN LUỒNG"])
    pdf.image(_signature_picture("Nguyễn Thị Quyên Thanh"), x=100, y=112, w=90, h=45)
    ocr = _RegionOcr({"Nguyễn Thị Quyên Thanh": NAME_AT})
    _read_with(bytes(pdf.output()), ocr)
    assert ocr.asked == []


def test_scraps_of_a_seal_at_the_pictures_foot_are_no_name() -> None:
    data = bytes(_signed_by_picture("").output())
    ocr = _RegionOcr({"Nguyễn Thị": (380.0, 360.0), "Ằ%..*X 47": NAME_AT})  # the lowest line is no name
    doc, notes = _read_with(data, ocr)
    assert len(ocr.asked) == 1 and notes == []
    assert doc.signer is not None and doc.signer.name is None


@pytest.mark.ocr
def test_a_name_in_the_signatures_picture_is_read_by_tesseract_where_it_is_installed() -> None:
    from tests.support.ocr import require_tesseract

    require_tesseract()
    d = decode_file(bytes(_signed_by_picture("Nguyễn Thị Quyên Thanh").output()), "chi-thi.pdf")
    doc = parse_text(d.text, "chi-thi.pdf", normalized=True, blocks=d.blocks)
    assert doc.signer is not None and doc.signer.name == "Nguyễn Thị Quyên Thanh"
    assert "signer-name-read-from-image" in [w.code for w in d.warnings]


class _DictCache:
    """An OCR cache in memory (the store's is SQLite): what is kept, under which keys."""

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return self.kept.get(key)

    def put(self, key: str, value: bytes) -> None:
        self.kept[key] = value

    def close(self) -> None:
        pass


@pytest.mark.ocr
def test_pictures_read_once_are_taken_from_the_cache_on_a_second_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from danvan_cli.text.formats import ocr
    from tests.support.ocr import require_tesseract

    require_tesseract()
    pdf = _signed_by_picture("Nguyễn Thị Quyên Thanh")
    data = bytes(pdf.output())
    cache = _DictCache()
    runs: list[int] = []
    real = ocr.run_tesseract

    def counted(*args: object, **kw: object) -> list:
        runs.append(1)
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ocr, "run_tesseract", counted)
    options = ocr.OcrOptions(cache=cache)
    first = decode_file(data, "chi-thi.pdf", options)
    assert len(runs) == 1 and len(cache.kept) == 1
    again = decode_file(data, "chi-thi.pdf", options)
    assert len(runs) == 1, "a picture already read was read again"
    assert again.text == first.text and "Nguyễn Thị Quyên Thanh" in again.text


# --- how the page draws its lines ---------------------------------------------------------------


def test_white_cells_of_a_borderless_table_are_no_rules() -> None:
    def build(fill: bool) -> bytes:
        pdf = _pdf()
        # Word draws each cell of the header table as a rectangle: white-filled when the
        # table has no borders, stroked black when it has
        for x0, x1 in (LEFT_COL, RIGHT_COL):
            for y0 in (17.0, 24.0, 31.0):
                if fill:
                    pdf.set_fill_color(255, 255, 255)
                    pdf.rect(x0, y0, x1 - x0, 7, style="F")
                else:
                    pdf.set_draw_color(0, 0, 0)
                    pdf.rect(x0, y0, x1 - x0, 7, style="D")
        _centred(pdf, LEFT_COL, 22, ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP", "Số: 138/KH-UBND"], step=7)
        _centred(pdf, RIGHT_COL, 22, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                      "Đồng Tháp, ngày 28 tháng 4 năm 2021"], step=7)
        _body(pdf, 52)
        return bytes(pdf.output())

    def header_rows(data: bytes) -> int:
        d = decode_file(data, "kh.pdf")
        first = next(b for b in d.blocks.items if isinstance(b, Table))
        return len(first.rows)

    assert header_rows(build(fill=True)) == 1  # the two columns read by position: one row of two cells
    assert header_rows(build(fill=False)) == 3  # twin: a ruled table, read by its rules
    doc = _parse(build(fill=True))
    assert (doc.number, doc.date) == ("138/KH-UBND", "2021-04-28")


def test_a_line_justified_in_a_narrow_column_stays_in_its_column() -> None:
    pdf = _pdf()
    _header(pdf, ["UBND TỈNH GIA LAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 2341/SGDĐT-TTr"], "Gia Lai, ngày 02 tháng 12 năm 2020")
    pdf.set_font("V", "", 10)
    pdf.set_xy(LEFT_COL[0], 36)
    # Word justifies the trích yếu across its cell: a short line's few words spread wide
    pdf.multi_cell(62, 5, "V/v triển khai điều tra dư luận xã hội về tình hình thực hiện Nghị định số "
                          "100/2019/NĐ-CP của Chính phủ", align="J")
    _at(pdf, LEFT, 72, "Kính gửi: Các đơn vị trực thuộc Sở.", size=12)
    _at(pdf, LEFT, 82, "Sở Giáo dục và Đào tạo yêu cầu thủ trưởng các đơn vị triển khai thực hiện.", size=12)
    doc = _parse(bytes(pdf.output()))
    assert doc.title is not None and "Nghị định số 100/2019/NĐ-CP" in doc.title
    assert "Kính gửi" not in doc.title and doc.date == "2020-12-02"


# --- the signature ------------------------------------------------------------------------------


STAMP = ["Người ký: Sở Giáo dục", "và Đào tạo", "Email:", "sogddt@angiang.gov.v", "n", "Cơ quan: Tỉnh An", "Giang"]


def _signed_letter(right: list[str], *, stamp_at: float | None = None, stamp: list[str] = STAMP,
                   left: list[str] | None = None) -> bytes:
    pdf = _pdf()
    _header(pdf, ["UBND TỈNH AN GIANG", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 1066/KH-SGDĐT"], "An Giang, ngày 21 tháng 4 năm 2020")
    _body(pdf, 50)
    _closing(pdf, 110, right, left)
    if stamp_at is not None:  # the box's lines, smaller, beside the seal in the signature's room
        for k, t in enumerate(stamp):
            _at(pdf, 150, stamp_at + 3.6 * k, t, size=8)
    return bytes(pdf.output())


def test_the_signature_stamp_between_title_and_name_is_passed_over() -> None:
    right = ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "", "", "", "Võ Bình Thư"]
    for data in (_signed_letter(right, stamp_at=123), _signed_letter(right)):  # twin: no stamp
        doc = _parse(data)
        assert doc.signer is not None
        assert (doc.signer.name, doc.signer.authority, doc.signer.title) == ("Võ Bình Thư", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
        assert doc.recipients == ["Như trên", "Lưu: VT."]
        assert doc.issuer is not None and doc.issuer.name.startswith("Sở Giáo dục và Đào tạo")


def test_a_stamp_value_wrapped_like_a_name_is_no_name() -> None:
    # "Cơ quan: Tỉnh An" / "Giang": the wrapped place is the stamp's, the name is under it
    doc = _parse(_signed_letter(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "", "", "", "", "", ""], stamp_at=123))
    assert doc.signer is not None and doc.signer.name is None and doc.signer.title == "PHÓ GIÁM ĐỐC"


def test_a_stamp_before_the_header_is_no_header_field() -> None:
    pdf = _pdf()
    for k, t in enumerate(["Ký bởi: Phòng Nội vụ", "Huyện Bình Tân, Tỉnh Vĩnh Long", "Giờ ký: 2021-09-10T13:59:48+07:00"]):
        _at(pdf, 140, 8 + 3.5 * k, t, size=8)
    _header(pdf, ["UBND HUYỆN BÌNH TÂN", "PHÒNG NỘI VỤ", "Số: 32/PNV"], "Bình Tân, ngày 10 tháng 9 năm 2021")
    _body(pdf, 50)
    _closing(pdf, 110, ["TRƯỞNG PHÒNG", "", "", "", "Lê Văn Tư"])
    doc = _parse(bytes(pdf.output()))
    assert (doc.number, doc.date) == ("32/PNV", "2021-09-10")
    assert doc.issuer is not None and "Nội vụ" in doc.issuer.name and "Ký" not in doc.issuer.name
    assert doc.signer is not None and doc.signer.name == "Lê Văn Tư"


def test_a_title_on_one_baseline_stays_one_line_beside_a_smaller_recipient() -> None:
    pdf = _pdf()
    _header(pdf, ["ỦY BAN NHÂN DÂN", "HUYỆN BÌNH TÂN", "Số: 897/UBND"], "Bình Tân, ngày 06 tháng 10 năm 2021")
    _body(pdf, 50)
    _at(pdf, LEFT_COL[0] + 2, 110, "Nơi nhận:", style="B", size=11)
    _centred(pdf, RIGHT_COL, 110, ["KT. CHỦ TỊCH"], size=12)
    # the recipient's baseline 2 mm above the title's, in a smaller font
    _at(pdf, LEFT_COL[0] + 2, 114, "- Như trên;", size=8.5)
    _centred(pdf, RIGHT_COL, 116, ["PHÓ CHỦ TỊCH"], size=12)
    _at(pdf, LEFT_COL[0] + 2, 119, "- Lưu: VT.", size=8.5)
    _centred(pdf, RIGHT_COL, 145, ["Trần Văn Dũng"], size=12)
    doc = _parse(bytes(pdf.output()))
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.authority, doc.signer.title) == ("Trần Văn Dũng", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


@pytest.mark.parametrize(("block", "name"), [
    ("KT. CHỦ TỊCH\nPHÓ CHỦ\nTỊCH\n", None),  # a title wrapped: "Phó Chủ" is no name
    ("KT. CHỦ TỊCH\nPHÓ CHỦ\nTỊCH\nTrần Văn Dũng\n", "Trần Văn Dũng"),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nCơ quan: Tỉnh An\nGiang\nVõ Bình Thư\n", "Võ Bình Thư"),
    ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nCơ quan: Tỉnh An\nGiang\n", None),  # a stamp's place is no name
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Dũng (đã ký)\n", "Trần Văn Dũng"),  # a copy's note on the name's line
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký) Trần Văn Dũng\n", "Trần Văn Dũng"),
    ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký) Phó Chủ\n", None),  # the note beside a title's words: no name
])
def test_a_title_word_or_a_stamp_value_is_never_a_name(block: str, name: str | None) -> None:
    text = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN BÌNH TÂN\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 897/UBND\tBình Tân, ngày 06 tháng 10 năm 2021\nV/v tạo điều kiện cho học sinh vay vốn\n"
            "Kính gửi: Các xã, thị trấn.\nỦy ban nhân dân huyện đề nghị các xã thực hiện tốt./.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n" + block)
    doc = parse_text(text)
    assert doc.signer is not None and doc.signer.name == name
    assert doc.signer.title in ("PHÓ CHỦ TỊCH", "PHÓ GIÁM ĐỐC")


@pytest.mark.parametrize("name", ["Nguyễn Văn Tập", None])
def test_a_signature_sharing_its_lines_with_the_recipients_reaches_the_name_under_the_list(name: str | None) -> None:
    # pdftotext -layout: the two columns flattened onto shared lines, the name after the room
    pad = " " * 40
    text = ("ỦY BAN NHÂN DÂN" + pad + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN BÌNH TÂN" + pad
            + "Độc lập - Tự do - Hạnh phúc\n\nSố: 585 /UBND" + pad + "Bình Tân, ngày 09 tháng 7 năm 2021\n"
            "V/v áp dụng các biện pháp phòng chống dịch\n\n"
            "Kính gửi: Các xã, thị trấn.\n\nChủ tịch UBND huyện yêu cầu các xã thực hiện nghiêm./.\n\n"
            "Nơi nhận:" + pad + "KT. CHỦ TỊCH\n- Như kính gửi (thực hiện);" + pad + "PHÓ CHỦ TỊCH\n"
            "- Chủ tịch, các Phó CT UBND (b/c);\n- Lưu: VT.\n\n\n\n" + (pad + name + "\n" if name else ""))
    doc = parse_text(text)
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.authority, doc.signer.title) == (name, "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert doc.recipients == ["Như kính gửi (thực hiện)", "Chủ tịch, các Phó CT UBND (b/c)", "Lưu: VT."]


#: A flattened text's header (``pdftotext -layout``), then its body.
FLAT_HEAD = ("ỦY BAN NHÂN DÂN" + " " * 30 + "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN BÌNH TÂN" + " " * 30
             + "Độc lập - Tự do - Hạnh phúc\n\nSố: 585/UBND" + " " * 30 + "Bình Tân, ngày 09 tháng 7 năm 2021\n"
             "V/v áp dụng các biện pháp phòng chống dịch\n\nKính gửi: Các xã, thị trấn.\n\n"
             "Chủ tịch UBND huyện yêu cầu các xã thực hiện nghiêm./.\n\n")


@pytest.mark.parametrize(("beside", "name"), [("Võ Văn Long", "Võ Văn Long"), ("", None)])
def test_a_flattened_title_above_the_list_reaches_the_name_beside_its_last_item(beside: str, name: str | None) -> None:
    text = (FLAT_HEAD + " " * 48 + "CHỦ TỊCH\nNơi nhận:\n- Như trên;\n- Lưu: VT, Qui." + (" " * 40 + beside if beside else "")
            + "\n" + " " * 34 + "PHỤ LỤC 1\n(Kèm theo Công văn số 585/UBND ngày 09/7/2021)\n")
    doc = parse_text(text)
    if name is None:  # twin: nothing beside the list, no name made up
        assert doc.signer is None or doc.signer.name is None
    else:
        assert doc.signer is not None and (doc.signer.name, doc.signer.title) == (name, "CHỦ TỊCH")
    assert doc.recipients == ["Như trên", "Lưu: VT, Qui."]


@pytest.mark.parametrize("page_break", ["\f" + " " * 58 + "33\n", " " * 58 + "33\n\f"])
def test_a_page_number_at_a_page_break_inside_the_closing_is_no_part_of_it(page_break: str) -> None:
    text = (FLAT_HEAD + " " * 58 + "T/M BAN THƯỜNG VỤ\nNơi nhận:\n" + page_break
            + "\n- Các đảng ủy trực thuộc,\n- Lưu Văn phòng.\n\n" + " " * 62 + "Trần Cẩm Tú\n")
    doc = parse_text(text)
    assert doc.signer is not None and (doc.signer.name, doc.signer.authority) == ("Trần Cẩm Tú", "T/M BAN THƯỜNG VỤ")
    assert doc.recipients == ["Các đảng ủy trực thuộc", "Lưu Văn phòng."]


def test_a_sentence_opening_with_noi_nhan_does_not_end_the_body() -> None:
    body = ("Ban tổ chức cơ sở đảng ký tên, đóng dấu của nơi giao và\n"
            "nơi nhận vào trang đầu sổ danh sách đảng viên và biên bản bàn giao.\n\n")
    closing = "Nơi nhận:" + " " * 40 + "KT. CHỦ TỊCH\n- Như trên;" + " " * 40 + "PHÓ CHỦ TỊCH\n- Lưu: VT.\n\n" + " " * 50 + "Trần Văn Dũng\n"
    doc = parse_text(FLAT_HEAD + body + closing)
    assert doc.signer is not None and doc.signer.name == "Trần Văn Dũng"
    assert doc.recipients == ["Như trên", "Lưu: VT."]
    # twins: "Nơi nhận" with no colon opens the list alone on its line or before the other column
    for closing in ("Nơi nhận\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nTrần Văn Dũng\n",
                    closing.replace("Nơi nhận:", "Nơi nhận", 1)):
        doc = parse_text(FLAT_HEAD + body + closing)
        assert doc.recipients == ["Như trên", "Lưu: VT."]
        assert doc.signer is not None and doc.signer.name == "Trần Văn Dũng"


@pytest.mark.parametrize(("line", "number"), [
    ("Số: 506     /CV-BCĐ", "506/CV-BCĐ"),  # the serial typed over the template: the blank left after it
    ("Số: 506/CV-BCĐ", "506/CV-BCĐ"),
])
def test_a_gap_before_the_numbers_slash_is_no_column_gap(line: str, number: str) -> None:
    text = ("BCĐ PHÒNG, CHỐNG DỊCH" + " " * 20 + "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBAN THƯỜNG TRỰC" + " " * 26
            + "Độc lập - Tự do - Hạnh phúc\n  " + line + " " * 19 + "Gia Lai, ngày 12 tháng 10 năm 2021\n"
            "V/v cập nhật danh sách các địa phương\n\nKính gửi: Các sở, ban, ngành.\n\nNội dung công văn./.\n")
    doc = parse_text(text)
    assert (doc.number, doc.date) == (number, "2021-10-12")


def test_the_name_beside_the_last_recipient_closes_a_block_whose_title_stands_above_the_list() -> None:
    pdf = _pdf()
    _header(pdf, ["PHÒNG GD&ĐT LAI VUNG", "TRƯỜNG THCS TÂN THÀNH", "Số: 133/KH-THCSTT"], "Tân Thành, ngày 10 tháng 9 năm 2021")
    _body(pdf, 50)
    _centred(pdf, RIGHT_COL, 106, ["HIỆU TRƯỞNG"], size=12)
    left = ["Nơi nhận:", "- Phòng GDĐT (báo cáo);", "- Hiệu trưởng, các PHT;", "- Website của trường;", "- Lưu: VT."]
    for k, t in enumerate(left):
        _at(pdf, LEFT_COL[0] + 2, 111 + 5 * k, t, style="B" if k == 0 else "", size=10.5)
    _centred(pdf, RIGHT_COL, 131, ["Võ Văn Long"], size=12)
    pdf.add_page()
    _centred(pdf, (LEFT, RIGHT), 25, ["PHỤ LỤC 1"], size=12)
    _at(pdf, LEFT, 35, "(Kèm theo Kế hoạch số 133/KH-THCSTT ngày 10/9/2021 của Trường THCS Tân Thành)", size=10)
    doc = _parse(bytes(pdf.output()))
    assert doc.signer is not None and (doc.signer.name, doc.signer.title) == ("Võ Văn Long", "HIỆU TRƯỞNG")
    assert doc.recipients[-1] == "Lưu: VT."
    assert not any(r.number == "133/KH-THCSTT" for r in doc.references)  # the annex names its own document


def test_a_sample_form_in_a_guide_does_not_hide_the_closing_block() -> None:
    pdf = _pdf()
    _centred(pdf, LEFT_COL, 22, ["THÀNH ỦY HÀ NỘI", "BAN TỔ CHỨC", "Số 21-HD/BTCTU"])
    _centred(pdf, RIGHT_COL, 22, ["ĐẢNG CỘNG SẢN VIỆT NAM", "", "Hà Nội, ngày 21 tháng 8 năm 2025"])
    _body(pdf, 50, title="HƯỚNG DẪN")
    # a sample form in the guide's body: its Nơi nhận with nothing beside it
    for k, t in enumerate(["Mẫu 1. Công văn của chi bộ", "Nơi nhận:", "- Như trên,", "- Lưu."]):
        _at(pdf, LEFT + 2, 105 + 5 * k, t, size=10.5)
    _at(pdf, LEFT, 130, "Hướng dẫn này được phổ biến đến chi bộ./.", size=12)
    _closing(pdf, 140, ["K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "", "", "", "", "Triệu Thị Ngọc"],
             left=["Nơi nhận:", "- Thường trực Thành ủy,", "- Lưu."])
    doc = _parse(bytes(pdf.output()))
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.authority, doc.signer.title) == ("Triệu Thị Ngọc", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")


# --- the real files -------------------------------------------------------------------------------

OFFICES = Path(__file__).resolve().parent.parent.parent / "shared" / "real" / "offices"


def _gold() -> dict:
    if not (OFFICES / "meta.yaml").is_file():
        pytest.skip(f"{OFFICES} not found (the shared real files)")
    import yaml

    meta = yaml.safe_load((OFFICES / "meta.yaml").read_text(encoding="utf-8"))
    return {n: g for n, g in meta.items() if g["form"] in ("signed-pdf", "word-pdf")}


def _same_name(gold: str | None, got: str | None) -> bool:
    import unicodedata

    def fold(s: str | None) -> set[str]:
        s = unicodedata.normalize("NFD", s or "").replace("đ", "d").replace("Đ", "D")
        return set("".join(c for c in s if unicodedata.category(c) != "Mn").lower().split())

    return fold(gold) == fold(got)


def test_the_born_digital_office_pdfs_give_their_number_date_and_signer() -> None:
    """Every signed or Word-exported PDF of the shared set: number, date and the signer's name
    as a careful reader gives them. Where Tesseract is installed, what the page shows only
    as pictures is read too (the number and the day stamped at signing, a name only in the
    signature's picture); without it those stay blank, a name null with a warning."""
    from danvan_cli.text.formats.ocr import tesseract

    ocr = tesseract() is not None
    gold = _gold()
    misses: list[str] = []
    for name, g in gold.items():
        doc = _parse((OFFICES / "files" / name).read_bytes(), name)
        if (doc.number or None) != g["number"] and "number" in g:
            misses.append(f"{name} number {doc.number!r} != {g['number']!r}")
        if doc.date != str(g["date"]):
            misses.append(f"{name} date {doc.date!r} != {g['date']!r}")
        want = (g.get("signer") or {}).get("name")
        got = doc.signer.name if doc.signer else None
        if not ocr and got is None and any(w.code == "signer-name-not-in-text" for w in doc.warnings):
            continue  # the name is only in the signature's picture: null, said so
        if not _same_name(want, got):
            misses.append(f"{name} signer {got!r} != {want!r}")
    # without OCR the number and the day stamped as pictures (056, 057) stay blank
    assert len(misses) <= (0 if ocr else 4), "\n".join(misses)
