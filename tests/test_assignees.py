"""Who must act: unit headings, chủ trì / phối hợp, requests and subjects."""

from __future__ import annotations


import pytest

from danvan_cli.extract.assignees import (
    heading_unit,
    is_unit_phrase,
    item_assignees,
    lead_and_support,
    requested_units,
    split_units,
    subject_units,
)
from support.growth import LINEAR, cpu_growth


@pytest.mark.parametrize(
    "heading, unit",
    [
        ("Sở Nội vụ", "Sở Nội vụ"),
        ("Các sở, ban, ngành", "Các sở, ban, ngành"),  # one addressee, commas and all
        ("UBND các huyện, thành phố, thị xã", "UBND các huyện, thành phố, thị xã"),
        ("Đề nghị Ban Dân vận Tỉnh ủy", "Ban Dân vận Tỉnh ủy"),
        ("Đề nghị Ủy ban MTTQ và các tổ chức chính trị - xã hội", "Ủy ban MTTQ và các tổ chức chính trị - xã hội"),
        ("**Phòng Nội vụ**", "Phòng Nội vụ"),
        ("Trách nhiệm của Sở Tài chính", "Sở Tài chính"),
        ("Công an tỉnh:", "Công an tỉnh"),
    ],
)
def test_heading_units(heading: str, unit: str) -> None:
    assert heading_unit(heading) == unit


@pytest.mark.parametrize(
    "heading",
    [
        "Công tác tuyên truyền",
        "Tổ chức quán triệt và thể chế hóa chủ trương của Đảng",
        "Phối hợp chặt chẽ với Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội.",
        "Sở Nội vụ chủ trì tổ chức hội nghị",  # a sentence, not a name
        "NHIỆM VỤ TRỌNG TÂM",
        None,
        "",
    ],
)
def test_headings_that_are_not_units(heading: str | None) -> None:
    assert heading_unit(heading) is None


def test_split_only_where_a_new_unit_starts() -> None:
    assert split_units("Giám đốc các Sở, ngành thành phố, Thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND quận, huyện") == [
        "Giám đốc các Sở, ngành thành phố", "Thủ trưởng các cơ quan, đơn vị", "Chủ tịch UBND quận, huyện"]
    assert split_units("các đơn vị, địa phương") == ["các đơn vị, địa phương"]
    assert split_units("Sở Tài chính và UBND các huyện") == ["Sở Tài chính", "UBND các huyện"]


def test_requests() -> None:
    s = ("Chủ tịch Ủy ban nhân dân thành phố yêu cầu Giám đốc sở, ngành thành phố, Thủ trưởng đơn vị, "
         "Chủ tịch Ủy ban nhân dân quận, huyện nghiêm túc triển khai thực hiện các nội dung sau:")
    assert requested_units(s) == ["Giám đốc sở, ngành thành phố", "Thủ trưởng đơn vị", "Chủ tịch Ủy ban nhân dân quận, huyện"]
    assert requested_units("Chủ tịch Ủy ban nhân dân huyện yêu cầu:") == []
    assert requested_units("Đề nghị Ủy ban MTTQ tỉnh.") == ["Ủy ban MTTQ tỉnh"]
    assert requested_units("thực hiện tốt nhiệm vụ được giao thực hiện") == []


def test_subjects() -> None:
    assert subject_units("Hằng năm, các đơn vị, địa phương tổ chức đánh giá") == ["các đơn vị, địa phương"]
    assert subject_units("Phòng Văn hóa - Thông tin, Đài Truyền thanh huyện thường xuyên thông tin") == [
        "Phòng Văn hóa - Thông tin", "Đài Truyền thanh huyện"]  # "Thông tin" in a name is no verb
    assert subject_units("Ủy ban MTTQ và các tổ chức chính trị - xã hội tham gia giám sát") == [
        "Ủy ban MTTQ", "các tổ chức chính trị - xã hội"]  # "các tổ chức" is a unit
    assert subject_units("Căn cứ chức năng nhiệm vụ của cơ quan, đơn vị, chủ động triển khai") == []
    assert subject_units("Tổ chức quán triệt chủ trương") == []


def test_lead_and_support() -> None:
    assert lead_and_support("Giao Sở Văn hóa chủ trì, phối hợp với Sở Nội vụ, Công an tỉnh tổ chức thực hiện.") == (
        ["Sở Văn hóa"], ["Sở Nội vụ", "Công an tỉnh"])
    assert lead_and_support("Sở Tư pháp chủ trì, phối hợp với các sở, ngành liên quan triển khai.") == (
        ["Sở Tư pháp"], ["các sở, ngành liên quan"])
    assert lead_and_support("Đơn vị chủ trì: Sở Y tế; Đơn vị phối hợp: Sở Tài chính, UBND các huyện.") == (
        ["Sở Y tế"], ["Sở Tài chính", "UBND các huyện"])
    assert lead_and_support("Tăng cường công tác kiểm tra.") == ([], [])


def test_item_assignees_prefer_the_heading() -> None:
    assert item_assignees("Sở Nội vụ", "Chủ trì phối hợp với các đơn vị xây dựng báo cáo.") == (["Sở Nội vụ"], ["các đơn vị"])
    assert item_assignees(None, "Phòng Nội vụ thường xuyên đôn đốc, kiểm tra.") == (["Phòng Nội vụ"], [])


def test_is_unit_phrase() -> None:
    assert is_unit_phrase("UBND các phường")
    assert not is_unit_phrase("Tăng cường công tác tuyên truyền")


def test_junk_is_linear() -> None:
    def junk(n: int) -> str:
        return "yêu cầu Sở " * (5 * n) + "Giao Sở X chủ trì, phối hợp với " * n

    def read(text: str) -> None:
        requested_units(text)
        lead_and_support(text)
        subject_units(text)

    assert cpu_growth(junk, read, 5_000) < LINEAR


@pytest.mark.parametrize(
    "text, unit",
    [
        ("Sở Tài chính: bố trí kinh phí.", "Sở Tài chính"),
        ("Công an tỉnh: bảo đảm an ninh, trật tự.", "Công an tỉnh"),
        ("UBND các huyện, thành phố: xây dựng kế hoạch triển khai.", "UBND các huyện, thành phố"),
    ],
)
def test_unit_colon_task_gives_the_lead(text: str, unit: str) -> None:
    assert item_assignees(None, text) == ([unit], [])


def test_a_label_colon_is_not_a_unit() -> None:
    assert item_assignees(None, "Nội dung: tuyên truyền Chỉ thị.") == ([], [])
    assert item_assignees(None, "Thời gian: Tháng 4/2026.") == ([], [])


@pytest.mark.parametrize(
    "sentence",
    [
        "Báo cáo định kỳ hằng năm.",          # to report, not a newspaper
        "Báo cáo phải gửi trước ngày 15/12.",
        "Ban hành kế hoạch thực hiện.",         # to issue, not a board
        "Phòng, chống tham nhũng, tiêu cực.",   # prevention, not an office
        "Hội nghị được tổ chức tại Hội trường.",  # a meeting, not an association
        "Trường hợp phát sinh vướng mắc, báo cáo UBND tỉnh.",
        "Đoàn kết, thống nhất thực hiện.",
    ],
)
def test_common_words_at_a_sentence_start_are_not_units(sentence: str) -> None:
    assert subject_units(sentence) == []
    assert item_assignees(None, sentence)[0] == []


def test_newspapers_and_office_chiefs_are_units() -> None:
    assert subject_units("Báo Hải Dương thường xuyên đưa tin.") == ["Báo Hải Dương"]
    assert subject_units("Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành.") == [
        "Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Nội vụ"]


def test_to_chuc_dang_is_a_noun() -> None:
    assert requested_units("Ban Thường vụ Huyện ủy yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt các nội dung sau:") == [
        "các cấp ủy, tổ chức đảng"]
    assert subject_units("Sở Nội vụ tổ chức hội nghị.") == ["Sở Nội vụ"]  # still a verb elsewhere


def test_head_words_before_a_long_blank_run_are_linear() -> None:
    from danvan_cli.extract.assignees import UNIT_START

    def search(blanks: int) -> None:
        for word in ("Phòng", "Ban", "Hội", "Báo", "Phó", "Chánh", "Trường"):
            UNIT_START.search(word + " " * blanks + "x")

    # "Phòng(?!\s*,?\s*chống)" took minutes: bounded blanks now
    assert cpu_growth(lambda n: n, search, 50_000) < LINEAR


def test_a_heading_that_is_a_sentence_names_who_acts_over_its_points() -> None:
    heading = "Thanh tra tỉnh chủ trì, phối hợp Văn phòng UBND tỉnh và UBND các xã, phường:"
    assert item_assignees(heading, "Rà soát, xây dựng quy trình thực hiện thủ tục hành chính.") == (
        ["Thanh tra tỉnh"], ["Văn phòng UBND tỉnh", "UBND các xã, phường"])
    assert item_assignees("Đề nghị Ủy ban MTTQ tỉnh phối hợp:", "Tuyên truyền.") == (["Ủy ban MTTQ tỉnh"], [])
    assert item_assignees("Sở Nội vụ tham mưu UBND tỉnh:", "Tổng hợp kết quả.") == (["Sở Nội vụ"], [])
    assert item_assignees("Tổ chức tuyên truyền:", "Nội dung tuyên truyền.") == ([], [])


def test_a_heading_parted_by_semicolons_names_each_addressee() -> None:
    assert item_assignees("Các sở, ban, ngành; UBND các huyện, thị xã:", "Xây dựng kế hoạch cụ thể.") == (
        ["Các sở, ban, ngành", "UBND các huyện, thị xã"], [])
    assert item_assignees("Các sở, ban, ngành", "Xây dựng kế hoạch.") == (["Các sở, ban, ngành"], [])


def test_a_label_heading_names_the_units_of_its_text() -> None:
    assert item_assignees("Cơ quan trực tiếp thực hiện:", "Sở Tư pháp.") == (["Sở Tư pháp"], [])
    assert lead_and_support("Cơ quan chủ trì: Sở Y tế. Cơ quan phối hợp: Công an tỉnh.") == (["Sở Y tế"], ["Công an tỉnh"])


def test_a_unit_before_its_point_number_is_the_lead() -> None:
    text = "Bộ Tài chính: (1) Chủ trì, phối hợp với Bộ Tư pháp và các bộ, ngành liên quan xây dựng đề án."
    assert item_assignees(None, text) == (["Bộ Tài chính"], ["Bộ Tư pháp", "các bộ, ngành liên quan"])


def test_a_head_word_alone_names_nobody() -> None:
    assert split_units("Cơ quan") == [] and split_units("Sở") == []
    assert split_units("Các Sở") == ["Các Sở"] and split_units("UBND") == ["UBND"]
    assert item_assignees(None, "Cơ quan, tổ chức, cá nhân có liên quan.") == ([], [])


def test_the_lead_ends_at_its_verb() -> None:
    assert lead_and_support("Sở Y tế có trách nhiệm chủ trì, phối hợp với Công an tỉnh kiểm tra.") == (
        ["Sở Y tế"], ["Công an tỉnh"])


def test_a_subject_list_parted_by_semicolons_is_read_whole() -> None:
    text = ("Chánh Văn phòng UBND tỉnh; Giám đốc Sở Tài chính; Chủ tịch UBND các xã, phường và các cơ quan, "
            "tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.")
    assert item_assignees(None, text) == (
        ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Tài chính", "Chủ tịch UBND các xã, phường",
         "các cơ quan, tổ chức, cá nhân có liên quan"], [])


def test_a_list_of_units_splits_before_every_head_a_unit_can_open_with() -> None:
    assert split_units("Trung tâm Y tế các huyện, Bệnh viện Đa khoa tỉnh, Trạm Y tế các xã") == [
        "Trung tâm Y tế các huyện", "Bệnh viện Đa khoa tỉnh", "Trạm Y tế các xã"]
    # negative twin: a comma before words that open no unit keeps one unit
    assert split_units("Trung tâm Y tế các huyện, thị xã") == ["Trung tâm Y tế các huyện, thị xã"]


def test_an_item_opening_with_a_capitalized_request_orders_the_units_it_names() -> None:
    assert item_assignees(None, "Yêu cầu Trung tâm Y tế các huyện; Bệnh viện Đa khoa tỉnh báo cáo kết quả.")[0] == [
        "Trung tâm Y tế các huyện", "Bệnh viện Đa khoa tỉnh"]
    # negative twin: the request of a unit that speaks orders the others, not itself
    assert item_assignees(None, "Sở Y tế yêu cầu Bệnh viện Đa khoa tỉnh báo cáo kết quả.")[0] == ["Bệnh viện Đa khoa tỉnh"]


def test_the_head_of_a_unit_in_lower_case_opens_the_next_unit_of_a_list() -> None:
    assert split_units("Giám đốc các Sở và thủ trưởng các đơn vị trực thuộc") == [
        "Giám đốc các Sở", "thủ trưởng các đơn vị trực thuộc"]
    # negative twin: a lower-case word that heads no unit joins the list's last unit
    assert split_units("Giám đốc các Sở và lãnh đạo các đơn vị trực thuộc") == [
        "Giám đốc các Sở và lãnh đạo các đơn vị trực thuộc"]


def test_a_duty_opening_with_neu_cao_ends_the_list_of_units_before_it() -> None:
    from danvan_cli.extract.letters import order_units

    lead, _ = order_units("Chủ tịch UBND các xã, thị trấn, người đứng đầu các tổ chức nêu cao tinh thần trách nhiệm, chủ động phòng dịch")
    assert lead == ["Chủ tịch UBND các xã, thị trấn", "người đứng đầu các tổ chức"]
