"""Relations written from the grammar of a Vietnamese administrative text (Nghị định
30/2020/NĐ-CP Phụ lục I: căn cứ ban hành, the purpose clause, the main clause whose
subject is the issuer; the numbered body), each rule on invented sentences of its shape."""

from __future__ import annotations

import pytest

from danvan_cli import parse_text
from danvan_cli.model import RELATION_STRENGTH


def rel(text: str) -> dict[str, str]:
    return {r.number: r.relation for r in parse_text(text).references}


PROVINCE = "ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\nSố: 88/KH-UBND\nNam Định, ngày 12 tháng 4 năm 2023\n\n"


# --- a preamble verb governs its whole list ----------------------------------------------------


def test_a_purpose_verb_governs_a_list_punctuated_every_way_up_to_the_main_clause() -> None:
    text = PROVINCE + (
        "KẾ HOẠCH\nCông tác dân vận năm 2023\n\n"
        "Để tiếp tục thực hiện nghiêm Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập; "
        "Kế hoạch số 12-KH/TU, Chỉ thị số 20-CT/TU của Ban Thường vụ Tỉnh ủy;\n"
        "*Kế hoạch số 30/KH-UBND* và Quyết định số 40/QĐ-UBND của UBND tỉnh, và để nâng cao hiệu quả công tác, "
        "Ủy ban nhân dân tỉnh yêu cầu các sở thực hiện theo Quyết định số 50/QĐ-UBND ngày 02/3/2023 như sau:\n"
        "1. Tổ chức quán triệt.\n"
    )
    r = rel(text)
    for number in ("05-CT/TW", "12-KH/TU", "20-CT/TU", "30/KH-UBND", "40/QĐ-UBND"):
        assert r[number] == "implements", number
    assert r["50/QĐ-UBND"] == "directs"  # in the main clause, after a request: an order to others


def test_a_background_clause_of_another_body_is_not_the_main_clause() -> None:
    text = (
        "Số: 02/CT-UBND\nPhú Hòa, ngày 05 tháng 4 năm 2019\n\nCHỈ THỊ\nVề công tác dân vận\n\n"
        "Ngày 16 tháng 5 năm 2016, Thủ tướng Chính phủ đã ban hành Chỉ thị số 16/CT-TTg về công tác dân vận "
        "và Ủy ban nhân dân huyện đã xây dựng Kế hoạch triển khai, tổ chức thực hiện.\n"
        "Chủ tịch UBND huyện yêu cầu:\n1. Các cơ quan quán triệt.\n"
    )
    assert rel(text)["16/CT-TTg"] == "implements"


def test_the_main_clause_gives_its_own_words_relation() -> None:
    text = PROVINCE.replace("88/KH-UBND", "15/2023/QĐ-UBND") + (
        "QUYẾT ĐỊNH\nSửa đổi quy định về bồi thường\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13;\n"
        "Ủy ban nhân dân tỉnh Nam Định ban hành Quyết định sửa đổi, bổ sung một số điều của Quy định ban hành kèm theo "
        "Quyết định số 40/2020/QĐ-UBND ngày 04/10/2020 của UBND tỉnh.\n"
        "Điều 1. Sửa đổi Điều 3.\n"
    )
    r = rel(text)
    assert r["77/2015/QH13"] == "based_on"
    assert r["40/2020/QĐ-UBND"] == "amends"


# --- căn cứ ------------------------------------------------------------------------------------


def test_every_document_of_a_basis_line_is_a_basis_the_nested_amender_included() -> None:
    text = PROVINCE.replace("88/KH-UBND", "16/2023/QĐ-UBND") + (
        "QUYẾT ĐỊNH\nBan hành Quy chế làm việc\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13 được sửa đổi, bổ sung bởi Luật số 47/2019/QH14;\n"
        "Căn cứ các Nghị định của Chính phủ: Nghị định số 48/2013/NĐ-CP và Nghị định số 92/2017/NĐ-CP của Chính phủ "
        "sửa đổi, bổ sung một số điều của các Nghị định; Nghị định số 88/2024/NĐ-CP quy định về bồi thường được sửa "
        "đổi, bổ sung bởi Nghị định số 226/2025/NĐ-CP;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.\n"
    )
    r = rel(text)
    for number in ("77/2015/QH13", "47/2019/QH14", "48/2013/NĐ-CP", "92/2017/NĐ-CP", "88/2024/NĐ-CP", "226/2025/NĐ-CP"):
        assert r[number] == "based_on", number
    assert "amends" not in r.values()


def test_hard_wrapped_basis_lines_keep_their_verb() -> None:
    text = PROVINCE.replace("88/KH-UBND", "17/2023/QĐ-UBND") + (
        "QUYẾT ĐỊNH\nBan hành Quy chế\n\n"
        "*Căn cứ Nghị định số\n63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành\n"
        "chính; Nghị định số 78/2025/NĐ-CP quy định chi tiết một số điều và biện pháp để tổ chức, hướng dẫn\n"
        "thi hành Luật Ban hành văn bản quy phạm pháp luật được sửa đổi, bổ sung bởi\n"
        "Nghị định số 187/2025/NĐ-CP;*\n"
        "**QUYẾT ĐỊNH:**\n**Điều 1.** Ban hành Quy chế.\n"
    )
    r = rel(text)
    assert r == {"63/2010/NĐ-CP": "based_on", "78/2025/NĐ-CP": "based_on", "187/2025/NĐ-CP": "based_on"}


def test_a_basis_list_under_its_heading() -> None:
    text = PROVINCE + (
        "KẾ HOẠCH\nTuyên truyền năm 2023\n\n"
        "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n"
        "- Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ;\n"
        "- Kế hoạch số 20-KH/TU ngày 01/3/2023 của Ban Thường vụ Tỉnh ủy.\n"
        "II. NHIỆM VỤ\n"
        "1. Các sở thực hiện nghiêm Quyết định số 99/QĐ-UBND ngày 02/02/2023 của UBND tỉnh.\n"
    )
    r = rel(text)
    assert r["33/CT-TTg"] == r["20-KH/TU"] == "based_on"
    assert r["99/QĐ-UBND"] == "directs"


# --- proposal ------------------------------------------------------------------------------------


@pytest.mark.parametrize("opening", [
    "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 145/TTr-SNV ngày 02/4/2023",
    "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 145/TTr-SNV ngày 02/4/2023; ý kiến thẩm định của Sở Tư pháp tại Báo cáo số 46/BC-STP",
])
def test_the_proposing_bodys_document_is_a_proposal(opening: str) -> None:
    text = PROVINCE.replace("88/KH-UBND", "18/2023/QĐ-UBND") + (
        f"QUYẾT ĐỊNH\nVề việc thành lập Hội đồng\n\nCăn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ;\n{opening}.\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Thành lập Hội đồng.\n"
    )
    doc = parse_text(text)
    r = {x.number: x.relation for x in doc.references}
    assert r["30/2020/NĐ-CP"] == "based_on"
    assert r["145/TTr-SNV"] == "proposal"
    assert r.get("46/BC-STP", "proposal") == "proposal"
    assert doc.to_dict()["references"][1]["relation"] == "proposal"


def test_proposal_ranks_between_a_citation_and_an_order() -> None:
    assert RELATION_STRENGTH["cites"] < RELATION_STRENGTH["proposal"] < RELATION_STRENGTH["directs"]


# --- retrospective sentences only cite ---------------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "Năm 2021, thực hiện Kế hoạch số 10/KH-UBND ngày 05/02/2021 của UBND tỉnh, các cơ quan đã đạt nhiều kết quả.",
    "Qua 5 năm triển khai Kế hoạch số 10/KH-UBND ngày 05/02/2021 của UBND tỉnh, nhận thức của cán bộ được nâng lên.",
    "Thời gian qua, thực hiện Kế hoạch số 10/KH-UBND ngày 05/02/2021 của UBND tỉnh, công tác dân vận có chuyển biến.",
])
def test_a_retrospective_sentence_cites_what_it_looks_back_on(sentence: str) -> None:
    text = PROVINCE + "KẾ HOẠCH\nCông tác năm 2023\n\n" + sentence + "\nUBND tỉnh ban hành Kế hoạch như sau:\n1. Tổ chức.\n"
    assert rel(text)["10/KH-UBND"] == "cites"


def test_a_retrospective_item_in_the_body_cites() -> None:
    text = PROVINCE + (
        "KẾ HOẠCH\nCông tác năm 2023\n\nUBND tỉnh ban hành Kế hoạch:\nI. KẾT QUẢ\n"
        "1. Qua 3 năm thực hiện Chỉ thị số 20-CT/TU ngày 01/3/2020 của Ban Thường vụ Tỉnh ủy, các cấp đã đạt kết quả.\n"
        "II. NHIỆM VỤ\n2. Thực hiện nghiêm Chỉ thị số 21-CT/TU ngày 01/3/2022 của Ban Thường vụ Tỉnh ủy.\n"
    )
    r = rel(text)
    assert (r["20-CT/TU"], r["21-CT/TU"]) == ("cites", "directs")


# --- titles -------------------------------------------------------------------------------------


@pytest.mark.parametrize("title", [
    "KẾ HOẠCH\nTriển khai thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ",
    "KẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN QUYẾT ĐỊNH SỐ\n749/QĐ-TTG NGÀY 03/6/2020 CỦA THỦ TƯỚNG CHÍNH PHỦ",
    "CHƯƠNG TRÌNH\nHành động thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ",
    "QUYẾT ĐỊNH\nBan hành Kế hoạch thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020\ncủa Thủ tướng Chính phủ",
])
def test_a_title_that_carries_a_document_out_implements_it(title: str) -> None:
    text = PROVINCE + title + "\n\nUBND tỉnh ban hành Kế hoạch như sau:\n1. Tổ chức tuyên truyền.\n"
    assert rel(text)["749/QĐ-TTg"] == "implements"


# --- mixed preambles ----------------------------------------------------------------------------


def test_mixed_preamble_gives_each_document_its_own_relation() -> None:
    text = PROVINCE.replace("88/KH-UBND", "19/2023/QĐ-UBND") + (
        "QUYẾT ĐỊNH\nBan hành Kế hoạch cải cách hành chính\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13;\n"
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\n"
        "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, Nghị quyết số 76/NQ-CP của Chính phủ;\n"
        "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 145/TTr-SNV ngày 02/4/2023,\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\n"
    )
    assert rel(text) == {
        "77/2015/QH13": "based_on",
        "30/2020/NĐ-CP": "based_on",
        "33/CT-TTg": "implements",
        "76/NQ-CP": "implements",
        "145/TTr-SNV": "proposal",
    }


# --- one rule for where the numbered body starts --------------------------------------------------


@pytest.mark.parametrize("label", ["1.", "1.1", "1.1.", "Điều 1.", "Điều 1:", "a)", "I.", "PHẦN I"])
def test_an_order_in_a_numbered_item_directs_whatever_the_label(label: str) -> None:
    text = PROVINCE + (
        "KẾ HOẠCH\nCông tác năm 2023\n\nUBND tỉnh ban hành Kế hoạch như sau:\n"
        f"{label} Các sở thực hiện nghiêm Chỉ thị số 21-CT/TU ngày 01/3/2022 của Ban Thường vụ Tỉnh ủy.\n"
    )
    assert rel(text)["21-CT/TU"] == "directs"


# --- second-hand links ----------------------------------------------------------------------------


def test_a_citations_subject_gives_a_second_hand_link() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nHUYỆN HẢI HẬU\nSố: 30/KH-UBND\nHải Hậu, ngày 12 tháng 4 năm 2023\n\nKẾ HOẠCH\nHọc tập năm 2023\n\n"
        "Thực hiện Kế hoạch số 57-KH/TU ngày 10/3/2022 của Ban Thường vụ Tỉnh ủy về thực hiện Chỉ thị số 05-CT/TW "
        "ngày 15/5/2016 của Bộ Chính trị; Quyết định số 2150/QĐ-UBND ngày 01/9/2022 của UBND tỉnh về việc phê duyệt "
        "Đề án triển khai thực hiện Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ, "
        "UBND huyện xây dựng Kế hoạch như sau:\n1. Tổ chức học tập.\n"
    )
    doc = parse_text(text)
    r = {x.number: x.relation for x in doc.references}
    assert (r["57-KH/TU"], r["05-CT/TW"], r["2150/QĐ-UBND"], r["749/QĐ-TTg"]) == ("implements", "cites", "implements", "cites")
    links = doc.to_dict(include_text=False)["links"]
    assert [(x["source"], x["relation"], x["target"]) for x in links] == [
        ("57-KH/TU", "implements", "05-CT/TW"),
        ("2150/QĐ-UBND", "implements", "749/QĐ-TTg"),
    ]
    assert all(x["via"] == doc.source and "05-CT/TW" in links[0]["evidence"] for x in links)


def test_an_amender_named_after_the_amended_gives_a_reversed_link() -> None:
    text = PROVINCE.replace("88/KH-UBND", "20/2023/QĐ-UBND") + (
        "QUYẾT ĐỊNH\nBan hành Quy chế\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13 được sửa đổi, bổ sung bởi Luật số 47/2019/QH14;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.\n"
    )
    links = parse_text(text).to_dict()["links"]
    assert [(x["source"], x["relation"], x["target"]) for x in links] == [("47/2019/QH14", "amends", "77/2015/QH13")]


def test_a_proposal_that_asks_for_an_amendment_amends_nothing() -> None:
    text = PROVINCE.replace("88/KH-UBND", "21/2023/QĐ-UBND") + (
        "QUYẾT ĐỊNH\nSửa đổi Quyết định\n\n"
        "Xét đề nghị của Sở Nội vụ tại Tờ trình số 145/TTr-SNV ngày 02/4/2023 về việc sửa đổi, bổ sung "
        "Quyết định số 48/2022/QĐ-UBND ngày 02/3/2022 của UBND tỉnh.\nQUYẾT ĐỊNH:\nĐiều 1. Sửa đổi.\n"
    )
    assert parse_text(text).links == []
