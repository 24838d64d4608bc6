"""Relations in a text with no numbered body (a Công văn, a Thông báo): a citation no
preamble verb governs is read from its own clause, like an order in a body, not from its
whole sentence; the document's own purpose still makes what it names implemented. And a
preamble sentence is read without the cited documents' own subjects."""

from __future__ import annotations

from danvan_cli import parse_text

CONG_VAN = ("BỘ TÀI CHÍNH\nSố: 7788/BTC-KH\nV/v triển khai các giải pháp tăng trưởng\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 14 tháng 11 năm 2025\n"
            "Kính gửi: Các bộ, cơ quan ngang bộ.\n")
TAIL = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nBỘ TRƯỞNG\nLê Văn Cường\n"


def rel(body: str) -> dict[str, str]:
    return {r.number: r.relation for r in parse_text(CONG_VAN + body + TAIL).references}


def test_an_order_later_in_a_sentence_directs_rather_than_implements() -> None:
    r = rel("Các bộ, cơ quan ngang bộ nghiên cứu các giải pháp nêu trên trong quá trình "
            "triển khai thực hiện Kết luận số 210-KL/TW ngày 04/11/2025 của Bộ Chính trị, báo cáo kết quả.\n")
    assert r["210-KL/TW"] == "directs"


def test_a_request_to_others_is_an_order_not_the_documents_purpose() -> None:
    r = rel("Bộ Tài chính đề nghị các bộ khẩn trương triển khai thực hiện Nghị quyết số 77/NQ-CP ngày 02/5/2025 "
            "của Chính phủ và báo cáo trước ngày 30/11/2025.\n")
    assert r["77/NQ-CP"] == "directs"


def test_a_yardstick_in_a_reply_only_cites() -> None:
    r = rel("Trường hợp doanh nghiệp đã nộp hồ sơ thì cơ quan thuế thực hiện tính lại theo quy định tại "
            "khoản 2 Điều 5 Nghị định số 55/2024/NĐ-CP ngày 10/5/2024 của Chính phủ.\n")
    assert r["55/2024/NĐ-CP"] == "cites"


def test_the_documents_own_purpose_later_in_a_sentence_implements() -> None:
    r = rel("Văn bản này nhằm triển khai thực hiện Kết luận số 210-KL/TW ngày 04/11/2025 của Bộ Chính trị "
            "tại các bộ, ngành.\n")
    assert r["210-KL/TW"] == "implements"


def test_a_governing_verb_at_the_opening_still_implements() -> None:
    r = rel("Thực hiện Kết luận số 210-KL/TW ngày 04/11/2025 của Bộ Chính trị, Bộ Tài chính đề nghị các bộ "
            "rà soát các giải pháp.\n")
    assert r["210-KL/TW"] == "implements"


def test_a_cited_documents_own_subject_gives_the_preamble_no_verb() -> None:
    text = ("CỤC THUẾ\nSố: 5400/CT-CS\nV/v miễn tiền sử dụng đất\nHà Nội, ngày 20 tháng 11 năm 2025\n"
            "Kính gửi: Thuế tỉnh Hòa Bình.\n"
            "Về vấn đề này, Cục Thuế có ý kiến như sau:\n"
            "- Tại Điều 10 Nghị định số 31/2021/NĐ-CP ngày 30/3/2021 của Chính phủ quy định chi tiết và biện pháp "
            "thi hành Pháp lệnh ưu đãi quy định:\n"
            "1. Việc miễn tiền sử dụng đất được thực hiện một lần.\n" + TAIL)
    refs = {r.number: r.relation for r in parse_text(text).references}
    assert refs["31/2021/NĐ-CP"] == "cites"


# --- a form's code is not a cited document -----------------------------------------------------


def test_a_forms_code_is_not_a_cited_document() -> None:
    body = ("Các thôn gửi Biên bản hội nghị (Mẫu số 01 và 02/HNXT) và Phiếu lấy ý kiến (theo mẫu 07/PYK) "
            "theo Hướng dẫn số 13/HD-MTTW-BTT ngày 26/9/2025.\n| Mẫu số 05/HNXT | (1)………… |\n")
    assert list(rel(body)) == ["13/HD-MTTW-BTT"]


# --- body clauses: the effective clause, what ceases, a reported act -------------------------

DECISION = ("ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH\nSố: 2500/QĐ-UBND\nHòa Bình, ngày 05 tháng 11 năm 2025\n"
            "QUYẾT ĐỊNH\nCông bố danh mục thủ tục hành chính\n"
            "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ;\nQUYẾT ĐỊNH:\n")


def decision_rel(article: str) -> dict[str, str]:
    return {r.number: r.relation for r in parse_text(DECISION + article + TAIL).references}


def test_a_document_named_in_the_effective_clause_is_only_cited() -> None:
    r = decision_rel("Điều 1. Quyết định này có hiệu lực thi hành kể từ ngày Nghị định số 300/2025/NĐ-CP "
                     "ngày 10/10/2025 của Chính phủ có hiệu lực.\n")
    assert r["300/2025/NĐ-CP"] == "cites"


def test_a_document_that_ceases_to_have_effect_is_replaced() -> None:
    r = decision_rel("Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Quyết định số 1900/QĐ-UBND ngày 02/6/2025 "
                     "của Chủ tịch UBND tỉnh hết hiệu lực kể từ ngày Quyết định này có hiệu lực thi hành.\n")
    assert r["1900/QĐ-UBND"] == "replaces"


def test_a_part_of_a_document_that_ceases_to_have_effect_is_amended() -> None:
    r = decision_rel("Điều 2. Quyết định này có hiệu lực kể từ ngày ký, các thủ tục hành chính đã công bố tại "
                     "Quyết định số 1900/QĐ-UBND ngày 02/6/2025 của Chủ tịch UBND tỉnh hết hiệu lực kể từ ngày "
                     "Quyết định này có hiệu lực thi hành. Phụ lục kèm theo Quyết định số 1901/QĐ-UBND được bãi bỏ.\n")
    assert (r["1900/QĐ-UBND"], r["1901/QĐ-UBND"]) == ("amends", "amends")


def test_a_subject_that_abolishes_something_does_not_make_the_cited_document_replaced() -> None:
    r = decision_rel("Điều 2. Các sở thực hiện theo Quyết định số 1902/QĐ-UBND về việc bãi bỏ một số văn bản.\n")
    assert r["1902/QĐ-UBND"] != "replaces"


def test_a_document_recalled_as_having_lost_effect_is_only_cited() -> None:
    r = decision_rel("Điều 2. Các thủ tục đã công bố tại Quyết định số 1900/QĐ-UBND đã hết hiệu lực từ năm trước.\n")
    assert r["1900/QĐ-UBND"] == "cites"


def test_a_reported_past_act_cites_and_a_task_assigned_in_a_document_directs() -> None:
    r = decision_rel("Điều 3.\n- Sở Tư pháp đã báo cáo Ủy ban nhân dân tỉnh kết quả rà soát tại Báo cáo số 45/BC-STP "
                     "ngày 02/10/2025.\n- Các sở tiếp tục thực hiện các nhiệm vụ đã giao tại Kế hoạch số 60/KH-UBND "
                     "ngày 03/3/2025.\n- Các sở thực hiện các nhiệm vụ đã được giao tại Kế hoạch số 61/KH-UBND.\n")
    assert (r["45/BC-STP"], r["60/KH-UBND"], r["61/KH-UBND"]) == ("cites", "directs", "directs")


def test_a_listed_documents_subject_that_names_abolished_procedures_replaces_nothing() -> None:
    r = decision_rel("Điều 2. Các văn bản liên quan:\n- Quyết định số 1903/QĐ-BKHCN ngày 17 tháng 10 năm 2025 của Bộ "
                     "trưởng Bộ Khoa học và Công nghệ về việc công bố thủ tục hành chính mới ban hành và bị bãi bỏ "
                     "lĩnh vực khoa học.\n")
    assert r["1903/QĐ-BKHCN"] == "cites"


# --- a cited document whose subject opens with its act ----------------------------------------


def test_a_cited_decree_that_amends_another_links_them_and_this_document_amends_neither() -> None:
    text = DECISION.replace("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ;\n", (
        "Căn cứ Nghị định số 40/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ quy định chi tiết thi hành Luật; "
        "Nghị định số 150/2020/NĐ-CP ngày 31 tháng 12 năm 2020 của Chính phủ sửa đổi, bổ sung một số điều của "
        "Nghị định số 40/2016/NĐ-CP;\n")) + "Điều 1. Ban hành kèm theo Quyết định này Quy định.\n" + TAIL
    doc = parse_text(text)
    refs = {r.number: r.relation for r in doc.references}
    assert refs == {"40/2016/NĐ-CP": "based_on", "150/2020/NĐ-CP": "based_on"}
    assert [(l["source"], l["relation"], l["target"]) for l in doc.to_dict()["links"]] == [
        ("150/2020/NĐ-CP", "amends", "40/2016/NĐ-CP")]


def test_the_verb_nearest_a_document_named_in_a_subject_gives_the_link() -> None:
    text = DECISION.replace("Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ;\n", (
        "Căn cứ Nghị quyết số 80/NQ-CP ngày 01 tháng 4 năm 2025 của Chính phủ sửa đổi, bổ sung Chương trình hành "
        "động của Chính phủ thực hiện Nghị quyết số 60-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị;\n"))
    text += "Điều 1. Ban hành kèm theo Quyết định này Quy định.\n" + TAIL
    links = [(l["source"], l["relation"], l["target"]) for l in parse_text(text).to_dict()["links"]]
    assert links == [("80/NQ-CP", "implements", "60-NQ/TW")]
