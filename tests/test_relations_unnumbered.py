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
