"""Pass-down letters and meeting conclusions: which cited document a letter carries out.

The commonest Công văn of a province or a district carries out a letter it received
(``UBND tỉnh nhận được Công văn số X của Bộ Tư pháp ...; Chủ tịch UBND tỉnh có ý kiến như
sau``, ``Theo Công văn số X``, a title ``V/v ... theo Công văn số X``); a Thông báo kết
luận reports what a meeting heard (cited) and what it ordered (directs); a recital of what
a year faces only cites. Each rule has a negative twin of the same shape. The texts are
invented; ``../shared/real/offices`` shows the shapes for real (its 002, 003, 046)."""

from __future__ import annotations

from pathlib import Path

import docx

from danvan_cli import parse_text
from danvan_cli.pipeline import parse_file

LETTER = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 812/UBND-NC\nV/v {vv}\n"
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nam, ngày 14 tháng 3 năm 2024\n"
          "Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- UBND các huyện, thành phố.\n")
TAIL = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Cường\n"


def rel(body: str, vv: str = "triển khai công tác phổ biến pháp luật") -> dict[str, str]:
    return {r.number: r.relation for r in parse_text(LETTER.format(vv=vv) + body + TAIL).references}


# --- a letter received ----------------------------------------------------------------------


def test_a_letter_the_issuer_received_from_above_is_carried_out() -> None:
    r = rel("Ủy ban nhân dân tỉnh nhận được Công văn số 4512/BTP-PBGDPL ngày 05/3/2024 của Bộ Tư pháp về việc "
            "tổ chức Ngày Pháp luật năm 2024; Chủ tịch UBND tỉnh có ý kiến như sau:\n"
            "1. Giao Sở Tư pháp chủ trì, phối hợp với các cơ quan liên quan tổ chức thực hiện.\n"
            "2. UBND các huyện, thành phố triển khai thực hiện.\n")
    assert r["4512/BTP-PBGDPL"] == "implements"


def test_a_report_received_from_below_is_only_cited() -> None:
    r = rel("Ủy ban nhân dân tỉnh nhận được Báo cáo số 55/BC-UBND ngày 05/3/2024 của UBND huyện Kim Bảng về kết quả "
            "công tác phổ biến pháp luật; Chủ tịch UBND tỉnh có ý kiến như sau:\n1. Giao Sở Tư pháp kiểm tra.\n")
    assert r["55/BC-UBND"] == "cites"


def test_a_request_received_from_outside_the_administration_is_only_cited() -> None:
    r = rel("UBND tỉnh nhận được Công văn số 291/STSG-HC ngày 29/9/2025 của Công ty cổ phần siêu thị Sài Gòn về việc "
            "đề nghị điều chỉnh đơn giá thuê đất. Về việc này, UBND tỉnh có ý kiến như sau: giao Sở Tài chính xem xét.\n")
    assert r["291/STSG-HC"] == "cites"


def test_a_letter_another_unit_received_is_not_the_issuers() -> None:
    r = rel("Sở Tư pháp đã nhận được Công văn số 4512/BTP-PBGDPL ngày 05/3/2024 của Bộ Tư pháp về việc tổ chức "
            "Ngày Pháp luật nhưng chưa triển khai kịp thời.\n")
    assert r["4512/BTP-PBGDPL"] != "implements"


# --- "Theo" a letter, "Thực hiện ý kiến chỉ đạo ... tại" -------------------------------------


def test_theo_a_letter_at_the_opening_carries_it_out() -> None:
    r = rel("Theo Công văn số 4512/BTP-PBGDPL ngày 05/3/2024 của Bộ Tư pháp về việc tổ chức Ngày Pháp luật năm 2024, "
            "Chủ tịch UBND tỉnh yêu cầu các sở, ngành thực hiện các nội dung sau:\n")
    assert r["4512/BTP-PBGDPL"] == "implements"


def test_theo_an_instruction_given_in_a_letter_carries_the_letter_out() -> None:
    r = rel("Theo chỉ đạo của Chủ tịch UBND tỉnh tại Công văn số 1234/VP-NC ngày 10/3/2024 của Văn phòng UBND tỉnh, "
            "Sở Tư pháp đề nghị các đơn vị báo cáo.\n")
    assert r["1234/VP-NC"] == "implements"


def test_theo_a_rule_is_a_yardstick_not_a_letter_carried_out() -> None:
    r = rel("Theo quy định tại Nghị định số 28/2013/NĐ-CP ngày 04/4/2013 của Chính phủ, các sở có trách nhiệm "
            "phổ biến pháp luật.\n")
    assert r["28/2013/NĐ-CP"] != "implements"


def test_carrying_out_an_instruction_given_in_a_letter_implements_it() -> None:
    r = rel("Thực hiện ý kiến chỉ đạo của Chủ tịch UBND tỉnh tại Công văn số 1234/VP-NC ngày 10/3/2024 của Văn phòng "
            "UBND tỉnh, Sở Tư pháp đề nghị các đơn vị báo cáo.\n")
    assert r["1234/VP-NC"] == "implements"


# --- the title -------------------------------------------------------------------------------


def test_a_title_done_after_a_letter_carries_the_letter_out() -> None:
    r = rel("Ngày 05/3/2024, Bộ Tư pháp ban hành Công văn số 4512/BTP-PBGDPL về việc tổ chức Ngày Pháp luật. "
            "Để triển khai thực hiện, UBND tỉnh đề nghị các sở thực hiện các nội dung sau.\n",
            vv="tổ chức Ngày Pháp luật theo Công văn số 4512/BTP-PBGDPL ngày 05/3/2024 của Bộ Tư pháp")
    assert r["4512/BTP-PBGDPL"] == "implements"


def test_a_title_following_a_rule_the_body_only_measures_by_does_not_implement_it() -> None:
    r = rel("Các cơ quan, đơn vị tính phụ cấp theo quy định tại Nghị định số 76/2019/NĐ-CP ngày 08/10/2019 của "
            "Chính phủ.\n", vv="hướng dẫn chế độ phụ cấp theo Nghị định số 76/2019/NĐ-CP")
    assert r["76/2019/NĐ-CP"] == "cites"


def test_a_citation_in_a_vv_line_under_the_number_is_the_title_s() -> None:
    d = parse_text(LETTER.format(vv="triển khai thực hiện Chỉ thị số 07/CT-UBND ngày 03/3/2024 của UBND tỉnh")
                   + "Các sở, ngành nghiêm túc thực hiện.\n" + TAIL)
    ref = {r.number: r for r in d.references}["07/CT-UBND"]
    assert ref.relation == "implements"
    assert ref.mentions[0].sentence.startswith("triển khai thực hiện Chỉ thị")


def _left_cell_letter(path: Path, left: list[str], kinh_gui: bool = False) -> Path:
    """A Công văn whose header is Word's two-cell table (the left cell may end in ``Kính
    gửi:``; else ``kinh_gui`` writes it under the table)."""
    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hòa An, ngày 05 tháng 5 năm 2022"]
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = lines[0]
        for t in lines[1:]:
            cell.add_paragraph(t)
    for t in ["Kính gửi:"] * kinh_gui + ["- Thủ trưởng các cơ quan, ban, ngành huyện;", "- Chủ tịch Ủy ban nhân dân các xã, thị trấn.",
              "Thực hiện Chỉ thị 07/CT-UBND, ngày 03/5/2022 của Ủy ban nhân dân tỉnh Cao Bằng về việc tăng cường công "
              "tác phòng cháy chữa cháy trên địa bàn tỉnh trong mùa khô năm 2022.",
              "Chủ tịch UBND huyện có ý kiến chỉ đạo như sau:",
              "Thủ trưởng các cơ quan, ban, ngành huyện và Chủ tịch UBND các xã, thị trấn theo chức năng, nhiệm vụ tổ "
              "chức triển khai thực hiện nghiêm Chỉ thị số 07/CT-UBND, ngày 03/5/2022 của Ủy ban nhân dân tỉnh Cao Bằng.",
              "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]:
        d.add_paragraph(t)
    d.save(str(path))
    return path


def test_a_long_vv_in_a_left_cell_ending_in_kinh_gui_keeps_the_opening_in_the_body(tmp_path: Path) -> None:
    left = ["ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "Số: 412 /UBND", "V/v triển khai thực hiện Chỉ thị",
            "07/CT-UBND ngày 03/5/2022 về", "việc tăng cường công tác phòng", "cháy chữa cháy trên địa bàn",
            "trong mùa khô", "Kính gửi:"]
    d = parse_file(_left_cell_letter(tmp_path / "cv.docx", left))
    assert d.title == ("triển khai thực hiện Chỉ thị 07/CT-UBND ngày 03/5/2022 về việc tăng cường công tác "
                       "phòng cháy chữa cháy trên địa bàn trong mùa khô")
    assert {r.number: r.relation for r in d.references} == {"07/CT-UBND": "implements"}


def test_a_short_vv_with_kinh_gui_under_the_table_reads_the_same(tmp_path: Path) -> None:
    left = ["ỦY BAN NHÂN DÂN", "HUYỆN HÒA AN", "Số: 412 /UBND", "V/v phòng cháy chữa cháy mùa khô"]
    d = parse_file(_left_cell_letter(tmp_path / "cv.docx", left, kinh_gui=True))
    assert d.title == "phòng cháy chữa cháy mùa khô"
    assert {r.number: r.relation for r in d.references} == {"07/CT-UBND": "implements"}


# --- a meeting's conclusions -------------------------------------------------------------------

NOTICE = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 95/TB-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\nHà Nam, ngày 14 tháng 3 năm 2024\nTHÔNG BÁO\n"
          "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về công tác cải cách hành chính\n-----\n")
HEARD = ("Ngày 10/3/2024, đồng chí Chủ tịch UBND tỉnh chủ trì cuộc họp về công tác cải cách hành chính. Sau khi nghe "
         "Sở Nội vụ báo cáo tình hình thực hiện Kế hoạch số 45/KH-UBND ngày 20/01/2024 của UBND tỉnh về cải cách "
         "hành chính năm 2024 và ý kiến của các đại biểu, Chủ tịch UBND tỉnh kết luận như sau:\n")


def notice_rel(body: str) -> dict[str, str]:
    return {r.number: r.relation for r in parse_text(NOTICE + body + TAIL).references}


def test_what_a_meeting_heard_reported_is_only_cited() -> None:
    r = notice_rel(HEARD + "1. Đánh giá cao kết quả đạt được.\n2. Giao Sở Nội vụ tổng hợp.\n")
    assert r["45/KH-UBND"] == "cites"


def test_conclusions_that_order_units_to_act_on_it_direct_it() -> None:
    r = notice_rel(HEARD + "1. Giao Sở Nội vụ tiếp tục theo dõi, đôn đốc.\n"
                   "2. Các sở, ngành triển khai thực hiện nghiêm Kế hoạch số 45/KH-UBND ngày 20/01/2024 của UBND tỉnh.\n")
    assert r["45/KH-UBND"] == "directs"


def test_a_conclusion_in_the_same_sentence_as_the_hearing_is_the_issuers_own() -> None:
    r = notice_rel("Ngày 10/3/2024, đồng chí Chủ tịch UBND tỉnh chủ trì cuộc họp. Sau khi nghe Sở Nội vụ báo cáo, Chủ tịch UBND tỉnh yêu cầu các sở triển khai thực hiện nghiêm "
                   "Kế hoạch số 45/KH-UBND ngày 20/01/2024 của UBND tỉnh.\n")
    assert r["45/KH-UBND"] == "directs"


# --- a recital of what a year faces ---------------------------------------------------------------


def test_documents_a_year_faces_in_a_recital_are_only_cited() -> None:
    r = rel("Năm 2024 là năm có ý nghĩa đặc biệt quan trọng, năm tăng tốc thực hiện Nghị quyết số 12/NQ-HĐND ngày "
            "10/12/2020 của HĐND tỉnh và Chỉ thị số 05/CT-UBND ngày 02/02/2024 của UBND tỉnh. Để hoàn thành các mục "
            "tiêu, Chủ tịch UBND tỉnh yêu cầu các sở thực hiện tốt các nhiệm vụ được giao.\n")
    assert r == {"12/NQ-HĐND": "cites", "05/CT-UBND": "cites"}


def test_the_issuers_own_clause_after_a_recital_carries_its_document_out() -> None:
    r = rel("Năm 2024 là năm có ý nghĩa đặc biệt quan trọng, UBND tỉnh ban hành Kế hoạch thực hiện Chỉ thị số "
            "05/CT-UBND ngày 02/02/2024 của UBND tỉnh như sau:\n1. Các sở thực hiện tốt các nhiệm vụ được giao.\n")
    assert r["05/CT-UBND"] == "implements"


# --- a cited subject that reports on carrying something out ----------------------------------------


def test_a_cited_subject_reporting_on_a_document_links_it_as_nothing_carried_out() -> None:
    d = parse_text(LETTER.format(vv="điều tra dư luận xã hội") + "Thực hiện Kế hoạch số 12-KH/BTGTU ngày 27/11/2020 "
                   "của Ban Tuyên giáo Tỉnh ủy về việc điều tra dư luận xã hội về tình hình, kết quả sau 01 năm thực "
                   "hiện Nghị định số 100/2019/NĐ-CP ngày 30/12/2019 của Chính phủ, Sở đề nghị các đơn vị phối hợp.\n" + TAIL)
    assert not [lk for lk in d.to_dict()["links"] if lk["target"] == "100/2019/NĐ-CP"]


def test_a_cited_subject_carrying_a_document_out_links_it() -> None:
    d = parse_text(LETTER.format(vv="điều tra dư luận xã hội") + "Thực hiện Kế hoạch số 12-KH/BTGTU ngày 27/11/2020 "
                   "của Ban Tuyên giáo Tỉnh ủy về việc triển khai thực hiện Nghị định số 100/2019/NĐ-CP ngày 30/12/2019 "
                   "của Chính phủ, Sở đề nghị các đơn vị phối hợp.\n" + TAIL)
    links = [(lk["source"], lk["relation"]) for lk in d.to_dict()["links"] if lk["target"] == "100/2019/NĐ-CP"]
    assert links == [("12-KH/BTGTU", "implements")]


# --- citations before the document's own text -------------------------------------------------------


def test_a_citation_inside_anothers_subject_keeps_its_outer_one_when_a_page_s_chrome_is_cut() -> None:
    chrome = ("Văn bản liên quan: Quyết định số 11/QĐ-UBND về việc thực hiện Chỉ thị số 02/CT-TTg\n"
              "Trang chủ > Văn bản > Quyết định số 12/QĐ-UBND\n")
    body = ("Thực hiện Kế hoạch số 57-KH/TU ngày 10/01/2024 của Tỉnh ủy về thực hiện Chỉ thị số 05-CT/TW ngày "
            "15/5/2016 của Bộ Chính trị, UBND tỉnh đề nghị các sở thực hiện.\n")
    d = parse_text(chrome + LETTER.format(vv="học tập và làm theo tư tưởng Hồ Chí Minh") + body + TAIL)
    assert [r.number for r in d.references] == ["57-KH/TU", "05-CT/TW"]
    links = [(lk["source"], lk["relation"], lk["target"]) for lk in d.to_dict()["links"]]
    assert links == [("57-KH/TU", "implements", "05-CT/TW")]


def test_the_opening_verb_said_again_after_a_subject_carries_the_next_document_out_too() -> None:
    d = parse_text(LETTER.format(vv="phòng, chống dịch") + "Thực hiện Công văn số 8131/UBND ngày 21/12/2021 của UBND "
                   "tỉnh về tăng cường công tác phòng, chống dịch COVID-19 và thực hiện Công điện số 1745/CĐ-TTg ngày "
                   "19/12/2021 của Thủ tướng Chính phủ về việc tăng cường phòng, chống dịch.\n"
                   "Chủ tịch UBND tỉnh có ý kiến như sau:\n1. Các sở, ngành triển khai thực hiện.\n" + TAIL)
    assert {r.number: r.relation for r in d.references} == {"8131/UBND": "implements", "1745/CĐ-TTg": "implements"}
    assert d.to_dict()["links"] == []


def test_a_subject_that_carries_a_document_out_keeps_it_inside() -> None:
    d = parse_text(LETTER.format(vv="phòng, chống dịch") + "Thực hiện Công văn số 8131/UBND ngày 21/12/2021 của UBND "
                   "tỉnh về việc triển khai thực hiện Công điện số 1745/CĐ-TTg ngày 19/12/2021 của Thủ tướng Chính phủ.\n"
                   "Chủ tịch UBND tỉnh có ý kiến như sau:\n1. Các sở, ngành triển khai thực hiện.\n" + TAIL)
    assert {r.number: r.relation for r in d.references} == {"8131/UBND": "implements", "1745/CĐ-TTg": "cites"}
    assert [(lk["source"], lk["relation"], lk["target"]) for lk in d.to_dict()["links"]] == [
        ("8131/UBND", "implements", "1745/CĐ-TTg")]
