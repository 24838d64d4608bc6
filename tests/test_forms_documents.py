"""Three invented documents of shapes the real set lacks, each written in every form.

Built from the rules of Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW, then written
the way each exporter writes them (``tests/support/forms.py``: Word's plain text, a Word
table pasted as text, pandoc pipe rows with ``<br>`` or spaces in cells, ``pdftotext
-layout``, a crawler's one line and page-sized lines, .docx, an HTML page, that page
printed to PDF by Chromium, and a .docx whose header and closing are laid out with tab stops):

- a joint plan (kế hoạch liên tịch) of a commune's UBND and its Mặt trận, signed in two
  cells side by side: the first block is ``signer``, both are ``signers``;
- a Party plan: ``ĐẢNG BỘ TỈNH`` / ``HUYỆN ỦY`` / ``*``, ``Số 15-KH/HU``, ``ĐẢNG CỘNG SẢN
  VIỆT NAM``, signed ``T/M BAN THƯỜNG VỤ``;
- a Công văn whose ``V/v`` wraps over three lines under its number.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan_cli import parse_text
from danvan_cli.model import Document
from danvan_cli.pipeline import parse_file
from tests.support import forms as F
from tests.support.forms import P, T

QH = [P("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, role="quoc_hieu"),
      P("Độc lập - Tự do - Hạnh phúc", bold=True, role="motto"), P("---------------", role="separator")]


def _closing(left: list[P], right: list[P]) -> T:
    return T(((tuple(left), tuple(right)),), layout=True)


def joint_plan() -> F.Doc:
    head = T(((
        (P("ỦY BAN NHÂN DÂN", bold=True, role="issuer"), P("XÃ TÂN HƯNG", bold=True, role="issuer"),
         P("-------", role="separator"), P("Số: 05/KHLT-UBND-MTTQ", role="number")),
        (*QH, P("Tân Hưng, ngày 12 tháng 3 năm 2025", italic=True, role="date")),
    ),), layout=True)
    signatures = _closing(
        [P("TM. ỦY BAN NHÂN DÂN", bold=True, role="authority"), P("CHỦ TỊCH", bold=True, role="sign_title"),
         P("(Đã ký)", italic=True, role="seal"), P("Nguyễn Văn An", bold=True, role="name")],
        [P("TM. BAN THƯỜNG TRỰC", bold=True, role="authority"),
         P("ỦY BAN MTTQ VIỆT NAM XÃ", bold=True, role="authority"), P("CHỦ TỊCH", bold=True, role="sign_title"),
         P("(Đã ký)", italic=True, role="seal"), P("Lê Thị Bình", bold=True, role="name")],
    )
    return F.Doc([
        head,
        P("KẾ HOẠCH LIÊN TỊCH", bold=True, align="center", role="type"),
        P("Phối hợp thực hiện công tác dân vận chính quyền năm 2025", bold=True, align="center", role="title"),
        P("Căn cứ Quy chế phối hợp số 02/QCPH-UBND-MTTQ ngày 10/01/2024 giữa Ủy ban nhân dân và Ủy ban "
          "Mặt trận Tổ quốc Việt Nam xã Tân Hưng;"),
        P("Ủy ban nhân dân xã và Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã thống nhất ban hành "
          "Kế hoạch liên tịch như sau:"),
        P("I. NỘI DUNG PHỐI HỢP", bold=True),
        P("1. Tuyên truyền, vận động Nhân dân thực hiện tốt chủ trương của Đảng, chính sách, pháp luật của "
          "Nhà nước; báo cáo kết quả trước ngày 15/12/2025."),
        P("2. Phối hợp tổ chức đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân."),
        signatures,
        P("Nơi nhận:", bold=True, role="recipients"), P("- Huyện ủy, UBND huyện (b/c);", role="recipients"),
        P("- Các đoàn thể xã;", role="recipients"), P("- Lưu: VT.", role="recipients"),
    ])


def party_plan() -> F.Doc:
    head = T(((
        (P("ĐẢNG BỘ TỈNH QUẢNG NINH", role="issuer"), P("HUYỆN ỦY TIÊN YÊN", bold=True, role="issuer"),
         P("*", role="separator"), P("Số 15-KH/HU", role="number")),
        (P("ĐẢNG CỘNG SẢN VIỆT NAM", bold=True, role="quoc_hieu"), P("---------------", role="separator"),
         P("Tiên Yên, ngày 9 tháng 6 năm 2024", italic=True, role="date")),
    ),), layout=True)
    return F.Doc([
        head,
        P("KẾ HOẠCH", bold=True, align="center", role="type"),
        P("thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", bold=True, align="center", role="title"),
        P("-----", role="separator"),
        P("Thực hiện Kế hoạch số 30-KH/TU ngày 02/6/2024 của Ban Thường vụ Tỉnh ủy, Ban Thường vụ Huyện ủy "
          "xây dựng kế hoạch thực hiện như sau:"),
        P("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
        P("1. Tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
        P("II. NHIỆM VỤ", bold=True),
        P("1. Các chi, đảng bộ cơ sở xây dựng kế hoạch, báo cáo Ban Thường vụ Huyện ủy trước ngày 30/7/2024."),
        _closing(
            [P("Nơi nhận:", bold=True, role="recipients"), P("- Ban Thường vụ Tỉnh ủy (b/c),", role="recipients"),
             P("- Các chi, đảng bộ cơ sở,", role="recipients"), P("- Lưu Văn phòng Huyện ủy.", role="recipients")],
            [P("T/M BAN THƯỜNG VỤ", bold=True, role="authority"), P("PHÓ BÍ THƯ", bold=True, role="sign_title"),
             P("Hoàng Văn Nam", bold=True, role="name")],
        ),
    ])


VV_LINES = ["V/v hướng dẫn triển khai công tác", "đánh giá, xếp loại chất lượng cán bộ,", "công chức, viên chức năm 2025"]


def cong_van() -> F.Doc:
    head = T(((
        (P("ỦY BAN NHÂN DÂN", role="issuer"), P("TỈNH QUẢNG NINH", role="issuer"),
         P("SỞ NỘI VỤ", bold=True, role="issuer"), P("-------", role="separator"),
         P("Số: 1234/SNV-CCVC", role="number"), *[P(t, role="vv") for t in VV_LINES]),
        (*QH, P("Quảng Ninh, ngày 10 tháng 11 năm 2025", italic=True, role="date")),
    ),), layout=True)
    return F.Doc([
        head,
        P("Kính gửi: Các sở, ban, ngành thuộc tỉnh; Ủy ban nhân dân các xã, phường.", align="center"),
        P("Thực hiện Nghị định số 335/2025/NĐ-CP ngày 24/12/2025 của Chính phủ, Sở Nội vụ hướng dẫn như sau:"),
        P("1. Các cơ quan, đơn vị tổ chức đánh giá, xếp loại chất lượng, gửi kết quả về Sở Nội vụ trước ngày 20/12/2025."),
        P("2. Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh về Sở Nội vụ để được hướng dẫn./."),
        _closing(
            [P("Nơi nhận:", bold=True, role="recipients"), P("- Như trên;", role="recipients"),
             P("- UBND tỉnh (b/c);", role="recipients"), P("- Lưu: VT, CCVC.", role="recipients")],
            [P("KT. GIÁM ĐỐC", bold=True, role="authority"), P("PHÓ GIÁM ĐỐC", bold=True, role="sign_title"),
             P("Trần Thị Hoa", bold=True, role="name")],
        ),
    ])


TEXT_FORMS = {**F.TEXT_FORMS, "page-lines": lambda d: F.crawled(d, 300)}
FILE_FORMS = ["docx", "docx-tabs", "html"] + (["pdf"] if F.chromium() else [])
ALL_FORMS = list(TEXT_FORMS) + FILE_FORMS


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("forms-documents")


_CACHE: dict[tuple[str, str], Document] = {}


def _parse(build, form: str, workdir: Path) -> Document:  # type: ignore[no-untyped-def]
    key = (build.__name__, form)
    if key not in _CACHE:
        doc = build()
        if form in TEXT_FORMS:
            _CACHE[key] = parse_text(TEXT_FORMS[form](doc))
        else:
            suffix, writer = F.FILE_FORMS[form]
            _CACHE[key] = parse_file(writer(doc, workdir / f"{build.__name__}.{form}{suffix}"))
    return _CACHE[key]


@pytest.mark.parametrize("form", ALL_FORMS)
def test_a_joint_document_gives_both_signers_and_the_first_as_signer(form: str, workdir: Path) -> None:
    doc = _parse(joint_plan, form, workdir)
    assert doc.number == "05/KHLT-UBND-MTTQ" and doc.date == "2025-03-12"
    assert doc.signer is not None and doc.signer.name == "Nguyễn Văn An"
    assert [(s.name, s.authority, s.title) for s in doc.signers] == [
        ("Nguyễn Văn An", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        ("Lê Thị Bình", "TM. BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM XÃ", "CHỦ TỊCH"),
    ]
    assert doc.to_dict()["signers"][1]["name"] == "Lê Thị Bình"


@pytest.mark.parametrize("form", ALL_FORMS)
def test_a_party_plan_reads_in_every_form(form: str, workdir: Path) -> None:
    doc = _parse(party_plan, form, workdir)
    assert (doc.doc_type, doc.number, doc.date) == ("Kế hoạch", "15-KH/HU", "2024-06-09")
    assert doc.issuer is not None and doc.issuer.name == "Huyện ủy Tiên Yên" and doc.issuer.level == "party-district"
    assert doc.issuer.parent is not None and doc.issuer.parent.name.casefold() == "đảng bộ tỉnh quảng ninh"
    assert doc.signer is not None
    assert (doc.signer.name, doc.signer.authority, doc.signer.title) == ("Hoàng Văn Nam", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ")
    assert doc.title is not None and doc.title.casefold().startswith("thực hiện chỉ thị số 05-ct/tw")


@pytest.mark.parametrize("form", ALL_FORMS)
def test_a_cong_van_whose_trich_yeu_wraps_over_three_lines_reads_in_every_form(form: str, workdir: Path) -> None:
    doc = _parse(cong_van, form, workdir)
    assert (doc.doc_type, doc.number, doc.date) == ("Công văn", "1234/SNV-CCVC", "2025-11-10")
    assert doc.title == " ".join(VV_LINES).removeprefix("V/v ")
    assert doc.issuer is not None and doc.issuer.name == "Sở Nội vụ tỉnh Quảng Ninh"
    assert doc.signer is not None and (doc.signer.name, doc.signer.authority) == ("Trần Thị Hoa", "KT. GIÁM ĐỐC")
    assert [r.number for r in doc.references] == ["335/2025/NĐ-CP"]
