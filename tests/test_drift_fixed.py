"""The drift bugs of the shape issue: one rule (one word list) where two copies disagreed."""

from __future__ import annotations

from danvan_cli import parse_text


def test_a_special_zone_speaks_with_the_same_voice_as_a_district() -> None:
    for word, name in (("huyện", "Phú Quốc"), ("đặc khu", "Phú Quốc")):
        text = (f"CHỈ THỊ\nVề công tác dân vận\nỦy ban nhân dân {word} {name} yêu cầu các cơ quan thực hiện:\n"
                "1. Tăng cường công tác dân vận.\n")
        doc = parse_text(text)
        assert doc.issuer is not None, word
        assert doc.issuer.inferred and doc.issuer.place == name and doc.issuer.name == f"UBND {word} {name}"


def test_an_acting_chairman_signature_under_the_last_item_is_not_that_task_text() -> None:
    text = ("UBND TỈNH HẢI DƯƠNG\nSố: 10/CT-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHải Dương, ngày 2 tháng 3 năm 2024\n"
            "CHỈ THỊ\nVề công tác dân vận\nỦy ban nhân dân tỉnh yêu cầu:\n1. Các sở tăng cường tuyên truyền.\n"
            "2. Các huyện báo cáo kết quả.\nQ. CHỦ TỊCH\nTrần Văn Quyền\n")
    doc = parse_text(text)
    last = doc.tasks[-1]
    assert "CHỦ TỊCH" not in last.text and "Quyền" not in last.text
    assert doc.signer is not None and doc.signer.authority == "Q. CHỦ TỊCH" and doc.signer.name == "Trần Văn Quyền"


def test_the_numbered_body_starts_at_the_same_rule_for_dieu_and_numbered_items() -> None:
    cited = "thực hiện nghiêm Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị"
    head = "UBND TỈNH HẢI DƯƠNG\nSố: 11/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHải Dương, ngày 2 tháng 3 năm 2024\nQUYẾT ĐỊNH\nVề công tác dân vận\n"
    relations = []
    for label in ("Điều 1:", "Điều 1.", "1.", "1.1."):
        doc = parse_text(f"{head}{label} Các sở, ngành {cited}.\n")
        relations.append(next(r.relation for r in doc.references if r.number == "05-CT/TW"))
    assert len(set(relations)) == 1 and relations[0] == "directs"
