"""Số ký hiệu shapes from Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW, and look-alikes."""

from __future__ import annotations

import pytest

from danvan_cli.extract.numbers import find_numbers, normalize_number, parse_number


@pytest.mark.parametrize(
    "written, normalized, type_name, body",
    [
        ("33/CT-TTg", "33/CT-TTg", "Chỉ thị", "TTg"),
        ("48/2019/QĐ-UBND", "48/2019/QĐ-UBND", "Quyết định", "UBND"),
        ("23-QĐ/TW", "23-QĐ/TW", "Quyết định", "TW"),
        ("45/2019/QH14", "45/2019/QH14", None, "QH14"),
        ("34/2007/PL-UBTVQH11", "34/2007/PL-UBTVQH11", "Pháp lệnh", "UBTVQH11"),
        ("16/KH-MTTQ-BTT", "16/KH-MTTQ-BTT", "Kế hoạch", "MTTQ"),
        ("9086/BNV-CTTN&BĐG", "9086/BNV-CTTN&BĐG", "Công văn", "BNV"),
        ("11554/VPCP-V.I", "11554/VPCP-V.I", "Công văn", "VPCP"),
        ("012/CT-UBND", "012/CT-UBND", "Chỉ thị", "UBND"),
        ("02 /CT-UBND", "02/CT-UBND", "Chỉ thị", "UBND"),
        ("35- CT/TW", "35-CT/TW", "Chỉ thị", "TW"),
        ("13/CT- TTg", "13/CT-TTg", "Chỉ thị", "TTg"),
        ("27/CT-TTG", "27/CT-TTg", "Chỉ thị", "TTg"),
        ("06-TT/QU", "06-TT/QU", "Thông tri", "QU"),
        ("80/2021/TT-BTC", "80/2021/TT-BTC", "Thông tư", "BTC"),
        ("31-CTr/QU", "31-CTr/QU", "Chương trình", "QU"),
        ("69-QĐi/TW", "69-QĐi/TW", "Quy định", "TW"),
        ("01/VBHN-BTC", "01/VBHN-BTC", "Văn bản hợp nhất", "BTC"),
        ("37-HD/BTGDVTW", "37-HD/BTGDVTW", "Hướng dẫn", "BTGDVTW"),
    ],
)
def test_number_forms_are_found_and_normalized(written: str, normalized: str, type_name: str | None, body: str) -> None:
    found = find_numbers(f"theo văn bản số {written} ngày 01/02/2020 của cơ quan")
    assert [n.number for n in found] == [normalized]
    assert found[0].parts.type_name == type_name
    assert found[0].parts.body == body


def test_state_and_party_tt_codes_mean_different_types() -> None:
    assert parse_number("80/2021/TT-BTC").type_name == "Thông tư"
    assert parse_number("06-TT/QU").type_name == "Thông tri"


def test_number_as_a_person_types_it() -> None:
    assert normalize_number("33/ct-ttg") == "33/CT-TTg"
    assert normalize_number("23-qđ/tw") == "23-QĐ/TW"
    assert normalize_number(" 35- CT/TW ") == "35-CT/TW"
    assert normalize_number("not a number") is None


@pytest.mark.parametrize(
    "text",
    [
        "ngày 26/11/2021",
        "ngày 30-7-2021",
        "giai đoạn 2021-2030",
        "đại dịch COVID-19",
        "1/1/1/1/1/1",
        "Lưu: VTVP, NV-NTT.",
        "Ban Dân vận HU; (p/h)",
        "kinh tế-xã hội",
        "thực hiện 02 bộ quy tắc",
        "Nghị quyết Trung ương 4",
        "tỷ lệ 24/7",
        "UBND - Hà Nội",
    ],
)
def test_look_alikes_are_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_prose_dash_after_a_number_is_not_part_of_it() -> None:
    assert [n.number for n in find_numbers("Chỉ thị 02/CT-UBND - Hà Nội")] == ["02/CT-UBND"]


def test_sentence_final_dot_is_not_part_of_a_code() -> None:
    assert [n.number for n in find_numbers("theo Công văn số 4240/UBND-VX.")] == ["4240/UBND-VX"]


def test_icelandic_eth_reads_as_d_with_stroke() -> None:
    from danvan_cli.text.normalize import normalize_text

    assert [n.number for n in find_numbers(normalize_text("59/2023/N\u00d0-CP"))] == ["59/2023/NĐ-CP"]


# --- numbers as real texts damage them (issue 9) ------------------------------------------------


@pytest.mark.parametrize(
    "written, normalized, type_name, body",
    [
        ("45/2020/NĐCP", "45/2020/NĐ-CP", "Nghị định", "CP"),  # the hyphen lost
        ("1820/QĐUBND", "1820/QĐ-UBND", "Quyết định", "UBND"),
        ("92 QĐ/TWĐTN", "92-QĐ/TWĐTN", "Quyết định", "TWĐTN"),  # a space for the Party's hyphen
        ("19-NQ/TƯ", "19-NQ/TW", "Nghị quyết", "TW"),  # Trung ương typed TƯ
        ("35a/NQ-CP", "35a/NQ-CP", "Nghị quyết", "CP"),  # a letter after the serial
        ("05/2011/NQLT/CP-UBTUMTTQVN", "05/2011/NQLT/CP-UBTUMTTQVN", "Nghị quyết liên tịch", "CP"),  # joint
        ("02/QCPH/UBND-UBMTTQ", "02/QCPH/UBND-UBMTTQ", None, "UBND"),
        ("86-CTr/BDVTW-BCSĐCP", "86-CTr/BDVTW-BCSĐCP", "Chương trình", "BDVTW"),
    ],
)
def test_damaged_and_joint_forms_are_read_and_normalized(written: str, normalized: str, type_name: str | None, body: str) -> None:
    found = find_numbers(f"theo văn bản số {written} ngày 01/02/2020 của cơ quan")
    assert [n.number for n in found] == [normalized]
    assert found[0].parts.type_name == type_name
    assert found[0].parts.body == body
    assert normalize_number(written) == normalized


@pytest.mark.parametrize("written", ["97/2025/QĐ-\nUBND", "97/2025/\nQĐ-UBND", "97/2025/QĐ-  UBND", "97/2025/  QĐ-UBND"])
def test_a_number_split_by_a_line_break_or_a_blanked_mark_is_one_number(written: str) -> None:
    found = find_numbers(f"Quyết định số {written} ngày 20/11/2025")
    assert [n.number for n in found] == ["97/2025/QĐ-UBND"]
    assert "\n" not in found[0].raw


def test_a_split_number_in_markdown_is_one_citation() -> None:
    from danvan_cli import parse_text

    doc = parse_text("KẾ HOẠCH\nX\n\n1. Thực hiện Quyết định số 97/2025/**QĐ-UBND** và Chỉ thị số 12/CT-\nUBND của UBND tỉnh.\n")
    assert [r.number for r in doc.references] == ["97/2025/QĐ-UBND", "12/CT-UBND"]


@pytest.mark.parametrize("text", ["Công văn số 8421/SXD-QLN& ngày 2/3/2025", "Công văn số 8421/SXD-QLN&#272;"])
def test_a_clipped_number_is_never_emitted(text: str) -> None:
    assert [n.number for n in find_numbers(text)] == []


def test_a_code_with_an_inner_ampersand_is_whole() -> None:
    assert [n.number for n in find_numbers("Công văn số 8421/SXD-QLN&TTBĐS ngày 2/3/2025")] == ["8421/SXD-QLN&TTBĐS"]


@pytest.mark.parametrize("text", ["năm 2020 QĐ/UBND mới", "tầng 3A/KH-UB", "ngày 12 NQ, 15 CT"])
def test_new_forms_take_no_prose(text: str) -> None:
    assert find_numbers(text) == []


def test_a_trailing_year_or_mark_belongs_to_the_number() -> None:
    assert [n.number for n in find_numbers("Tờ trình số 1025/PLYK/2025 ngày 23/11/2025")] == ["1025/PLYK/2025"]
    (nm,) = find_numbers("Văn bản số 919-CV/VPTW/nb ngày 21/11/2016")
    assert (nm.number, nm.raw) == ("919-CV/VPTW", "919-CV/VPTW/nb")


@pytest.mark.parametrize(
    "written, normalized",
    [
        ("Số: 31/CT - UBND ngày", "31/CT-UBND"),  # blanks on both sides of the hyphen after a type code
        ("Kế hoạch số 74/KH - CĐN của", "74/KH-CĐN"),
        ("Công văn số 3150/CT- BGDĐT ngày", "3150/CT-BGDĐT"),
        ("Luật số 47/2019/ QH 14 ngày", "47/2019/QH14"),  # the Assembly's term typed apart
        ("Quyết định số 512/QĐ-UBND-VP ngày", "512/QĐ-UBND-VP"),  # three groups
        ("Kế hoạch số 9/KH-BCA-V03 ngày", "9/KH-BCA-V03"),
        ("Công văn số 77/SGD&ĐT-TCCB ngày", "77/SGD&ĐT-TCCB"),  # an ampersand inside a code
    ],
)
def test_slips_of_spacing_and_longer_symbols_keep_the_number_whole(written: str, normalized: str) -> None:
    assert [n.number for n in find_numbers(written)] == [normalized]


@pytest.mark.parametrize(
    "text, number",
    [
        ("Chỉ thị 12/CT-UBND - Hà Nội", "12/CT-UBND"),  # a whole number, then a prose dash
        ("Công văn 12/UBND - Hội Nông dân", "12/UBND"),  # what follows the dash is no code
        ("Chỉ thị 5/CT - Ban Chỉ đạo tỉnh", "5/CT"),
        ("Luật 47/2019/QH 2019", "47/2019/QH"),  # a year is no Assembly term
    ],
)
def test_a_dash_between_blanks_joins_only_a_type_code_to_a_code_in_capitals(text: str, number: str) -> None:
    assert [n.number for n in find_numbers(text)] == [number]


@pytest.mark.parametrize(
    "written, slip",
    [("Chỉ thị số 14/CT-TT ngày", "clipped-code"), ("Nghị định số 72/20191/NĐ-CP ngày", "year-digits")],
)
def test_a_mistyped_number_is_kept_as_written_and_marked(written: str, slip: str) -> None:
    (found,) = find_numbers(written)
    assert found.number == found.raw and found.parts.slip == slip


@pytest.mark.parametrize("written", ["Chỉ thị số 14/CT-TTg", "Nghị định số 72/2019/NĐ-CP", "Quyết định 3/QĐ-TTr",
                                     "Kế hoạch 8/KH-CĐN"])
def test_a_well_typed_number_is_no_slip(written: str) -> None:
    (found,) = find_numbers(written)
    assert found.parts.slip is None


def test_a_cited_slip_is_a_warning_never_a_lost_citation() -> None:
    from danvan_cli import parse_text

    doc = parse_text("Số: 5/KH-UBND\nKẾ HOẠCH\nVề công tác\n\nThực hiện Chỉ thị số 14/CT-TT ngày 10/01/2023 của "
                     "Thủ tướng Chính phủ, UBND huyện xây dựng Kế hoạch:\n1. Các xã thực hiện.\n")
    assert [r.number for r in doc.references] == ["14/CT-TT"]
    assert len(doc.warnings_with("cited-number-slip")) == 1


@pytest.mark.parametrize("text", ["1/ Phân bổ thời lượng các môn học", "2/ Thời gian thực hiện", "5/ Số lượng học sinh"])
def test_a_list_label_before_a_capitalised_word_is_no_number(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize("text, number", [("Chỉ thị 33/CT-TTg", "33/CT-TTg"), ("Chương trình 23-CTr/TU", "23-CTr/TU"),
                                          ("Quy định 06-QĐi/TW", "06-QĐi/TW")])
def test_codes_with_a_lower_case_letter_stay_numbers(text: str, number: str) -> None:
    assert [n.parts.normalized for n in find_numbers(text)] == [number]
