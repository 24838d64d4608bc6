"""Who a letter tells to act: its Kính gửi addressees and the units its body orders. Invented
letters of the shapes offices write (a Công văn of a district, a Sở's letter to schools)."""

from __future__ import annotations

from danvan_cli import parse_text
from danvan_cli.extract.assignees import each_unit, split_units
from danvan_cli.extract.letters import addressee_units, order_units, read_addressees

HEAD = """ỦY BAN NHÂN DÂN
HUYỆN DẦU TIẾNG
Số: 412/UBND
V/v tăng cường phòng, chống dịch
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Dầu Tiếng, ngày 09 tháng 7 năm 2021
"""

LETTER = HEAD + """Kính gửi:
- Thủ trưởng các cơ quan, ban, ngành, đoàn thể huyện;
- Giám đốc Trung tâm Y tế
huyện;
- Chủ tịch UBND các xã, thị trấn.
Thực hiện Công văn số 3658/UBND-VX ngày 08/7/2021 của Chủ tịch UBND tỉnh về phòng, chống dịch.
Chủ tịch UBND huyện có ý kiến chỉ đạo như sau:
Giao Phòng Y tế chủ trì, phối hợp với Trung tâm Y tế huyện rà soát các cơ sở cách ly, báo cáo trước ngày 15/7/2021.
Các trường trên địa bàn đã tổ chức tiêm chủng cho giáo viên.
Đơn vị, địa phương nào lơ là sẽ bị xử lý theo quy định.
Yêu cầu thủ trưởng các cơ quan, đơn vị quan tâm thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Bình
"""


def test_the_kinh_gui_list_is_the_letters_addressees_a_wrapped_name_joined() -> None:
    doc = parse_text(LETTER)
    assert doc.addressees == ["Thủ trưởng các cơ quan, ban, ngành, đoàn thể huyện", "Giám đốc Trung tâm Y tế huyện",
                              "Chủ tịch UBND các xã, thị trấn"]


def test_the_other_columns_lines_between_the_label_and_the_list_are_passed_over() -> None:
    view = ("Kính gửi:\n|\nNgười ký: Sở Giáo dục và Đào tạo\nEmail: vp@sgd.gov.vn\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nGia Lai, ngày 02 tháng 12 năm 2020\n|\n- Phòng Giáo dục và Đào tạo các huyện;\n"
            "- Các đơn vị trực thuộc Sở.\nThực hiện Kế hoạch số 12-KH/BTGTU, Sở yêu cầu:\n")
    assert read_addressees(view, 0, len(view)).units == ["Phòng Giáo dục và Đào tạo các huyện", "Các đơn vị trực thuộc Sở"]


def test_an_addressee_on_the_label_line_and_a_body_sentence_after_it() -> None:
    view = "Kính gửi: Sở Y tế tỉnh Bình Dương.\nThực hiện Công văn số 12/UBND-VX, UBND huyện đề nghị:\n"
    assert read_addressees(view, 0, len(view)).units == ["Sở Y tế tỉnh Bình Dương"]


def test_a_person_addressed_is_no_unit() -> None:
    assert addressee_units("Bà Nguyễn Thị Lan (Địa chỉ: xã An Bình)") == []
    assert addressee_units("Sở Tư pháp;") == ["Sở Tư pháp"]


def test_the_bodys_orders_are_tasks_with_their_units_and_the_deadline_theirs() -> None:
    doc = parse_text(LETTER)
    units = [(t.lead, t.support) for t in doc.tasks]
    assert (["Phòng Y tế"], ["Trung tâm Y tế huyện"]) in units
    assert (["Thủ trưởng các cơ quan, đơn vị"], []) in units
    (dl,) = [d for d in doc.deadlines if d.date == "2021-07-15"]
    assert dl.assignees[:1] == ["Phòng Y tế"]


def test_a_report_a_condition_and_the_issuers_own_voice_order_nobody() -> None:
    doc = parse_text(LETTER)
    named = {u for t in doc.tasks for u in t.assignees}
    assert not any(u.startswith(("Các trường", "Đơn vị, địa phương nào", "Chủ tịch UBND huyện")) for u in named)


def test_an_order_cue_with_its_unit_in_lower_case() -> None:
    assert order_units("Sở Giáo dục và Đào tạo yêu cầu thủ trưởng các đơn vị triển khai thực hiện.")[0] == [
        "Thủ trưởng các đơn vị"]
    assert order_units("Ban Chỉ đạo thông báo để các đơn vị và địa phương nghiêm túc triển khai.")[0] == [
        "Các đơn vị và địa phương"]


def test_a_duty_on_the_subject_is_an_order_a_past_act_is_not() -> None:
    assert order_units("Các đơn vị, địa phương có trách nhiệm rà soát, báo cáo.")[0] == ["Các đơn vị, địa phương"]
    assert order_units("Các đơn vị, địa phương đã rà soát, báo cáo.")[0] == []


def test_a_unit_named_as_a_list_is_each_unit() -> None:
    assert each_unit("Các trường Mầm non, Tiểu học, THCS trên địa bàn huyện") == [
        "Các trường Mầm non trên địa bàn huyện", "Các trường Tiểu học trên địa bàn huyện",
        "Các trường THCS trên địa bàn huyện"]
    assert each_unit("Chủ tịch UBND các tỉnh: Hưng Yên, Ninh Bình") == ["Chủ tịch UBND tỉnh Hưng Yên",
                                                                     "Chủ tịch UBND tỉnh Ninh Bình"]
    assert split_units("Sở Nông nghiệp và Phát triển nông thôn, Sở Xây dựng, Văn phòng UBND tỉnh") == [
        "Sở Nông nghiệp và Phát triển nông thôn", "Sở Xây dựng", "Văn phòng UBND tỉnh"]


def test_a_class_in_lower_case_stays_one_unit() -> None:
    assert each_unit("UBND các huyện, thị xã, thành phố") == ["UBND các huyện, thị xã, thành phố"]
    assert each_unit("Các sở, ban, ngành theo chức năng, nhiệm vụ") == ["Các sở, ban, ngành"]


def test_a_fragment_is_never_a_unit() -> None:
    assert each_unit("Các trường không") == []
    assert each_unit("→ Các") == []
    assert split_units("Huyện Đoàn") == ["Huyện Đoàn"]  # negative twin: a short whole name


def test_numbered_items_that_name_no_unit_are_addressed_to_the_kinh_gui() -> None:
    text = HEAD + ("Kính gửi: Phòng Giáo dục và Đào tạo.\nThực hiện Công văn số 12/SGDĐT, UBND huyện đề nghị:\n"
                   "1. Rà soát các cơ sở giáo dục trên địa bàn.\n2. Báo cáo kết quả trước ngày 20/7/2021.\n"
                   "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn Bình\n")
    doc = parse_text(text)
    assert [t.assignees for t in doc.tasks] == [["Phòng Giáo dục và Đào tạo"], ["Phòng Giáo dục và Đào tạo"]]


def test_a_plan_without_kinh_gui_has_no_addressees() -> None:
    doc = parse_text("ỦY BAN NHÂN DÂN\nHUYỆN DẦU TIẾNG\nSố: 12/KH-UBND\nDầu Tiếng, ngày 09 tháng 7 năm 2021\n"
                     "KẾ HOẠCH\nPhòng, chống dịch\n\nI. NHIỆM VỤ\n1. Phòng Y tế rà soát.\n")
    assert doc.addressees == [] and doc.tasks[0].children[0].assignees == ["Phòng Y tế"]


def test_track_reads_who_a_letter_told_to_act_from_its_kinh_gui() -> None:
    from datetime import date

    from danvan_cli.track.collectives import territory_of
    from danvan_cli.track.expected import expected_units

    text = ("ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG\nSố: 412/UBND-VX\nV/v phòng, chống dịch\n"
            "Bình Dương, ngày 09 tháng 7 năm 2021\nKính gửi:\n- UBND các huyện, thị xã, thành phố;\n"
            "- Bộ Y tế.\nThực hiện Công văn số 12/BYT, UBND tỉnh thông báo để các đơn vị biết.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn Bình\n")
    doc = parse_text(text)
    exp = expected_units(doc, territory_of("province", "Bình Dương", "Bình Dương", date(2021, 7, 9)))
    told = {u.target.name for u in exp.units.values() if "addressee" in u.roles}
    assert "UBND thành phố Thủ Dầu Một" in told or any("Thủ Dầu Một" in n for n in told)
    # negative twin: an addressee above the issuer (a ministry) is written to, not told to act
    assert not any("Bộ Y tế" in n for n in told)


def test_a_hard_wrapped_order_is_read_whole() -> None:
    text = HEAD + ("Kính gửi: Sở Y tế.\nThực hiện Công văn số 12/BYT, Văn phòng UBND huyện thông báo để các địa phương, cơ\n"
                   "quan, đơn vị có liên quan biết, thực hiện./.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn Bình\n")
    assert [t.lead for t in parse_text(text).tasks] == [["Các địa phương, cơ quan, đơn vị có liên quan"]]


def test_a_schools_notice_orders_its_teams_and_roles() -> None:
    assert order_units("Giao Tổ trưởng tổ Văn phòng tham mưu phân công lịch trực.")[0] == ["Tổ trưởng tổ Văn phòng"]
    assert order_units("Đề nghị GVCN và TPT Đội thông báo đến học sinh.")[0] == ["GVCN", "TPT Đội"]
    # negative twin: "Tổ chức" opens a task, not a team
    assert order_units("Tổ chức hội nghị sơ kết vào tháng 6.")[0] == []


def test_a_bare_head_after_an_order_cue_is_the_addressee() -> None:
    text = HEAD + ("Kính gửi: Công ty TNHH Minh Phát.\nCục Thuế nhận được công văn của Công ty về hóa đơn.\n"
                   "Đề nghị Công ty nghiên cứu quy định tại các văn bản nêu trên để thực hiện./.\n"
                   "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCỤC TRƯỞNG\nNguyễn Văn Bình\n")
    assert [t.lead for t in parse_text(text).tasks] == [["Công ty TNHH Minh Phát"]]
    # negative twin: a unit named in full after the cue is that unit
    assert order_units("Đề nghị Công ty Điện lực Bình Dương nghiên cứu, thực hiện.")[0] == ["Công ty Điện lực Bình Dương"]
