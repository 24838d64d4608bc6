"""A whole document flattened onto one line (a crawler's text): its outline, its tasks'
units and its relations are read from the lines the layout cuts it into, as from the
document with its line breaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from danvan_cli.extract.outline import iter_tasks
from danvan_cli.pipeline import parse_text

PLAN = """ỦY BAN NHÂN DÂN
TỈNH HẢI DƯƠNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
Hải Dương, ngày 3 tháng 3 năm 2024
KẾ HOẠCH
Triển khai công tác dân vận năm 2024
Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao nhận thức về công tác dân vận.
II. NHIỆM VỤ
1. Tổ chức quán triệt **Kết luận số 114-KL/TW** ngày 11/7/2015 của Ban Bí thư.
2. Đẩy mạnh cải cách hành chính; thực hiện nghiêm Nghị định số 04/2015/NĐ-CP.
a) Rà soát thủ tục hành chính.
b) Công khai kết quả giải quyết.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
Là đơn vị đầu mối, theo dõi, báo cáo UBND tỉnh **trước ngày 10/12/2024.**
2. Các sở, ban, ngành
Căn cứ chức năng, nhiệm vụ, xây dựng kế hoạch thực hiện.
3. Đề nghị Ban Dân vận Tỉnh ủy
Phối hợp hướng dẫn, kiểm tra.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Minh Hùng
"""


def _flattened(text: str, sep: str = " ") -> str:
    return sep.join(line.strip() for line in text.splitlines() if line.strip())


def _shape(doc):  # type: ignore[no-untyped-def]
    return ([(t.path, tuple(t.lead)) for t in iter_tasks(doc.tasks)],
            [(r.number, r.relation) for r in doc.references],
            [(d.date, tuple(d.assignees)) for d in doc.deadlines])


@pytest.mark.parametrize("sep", [" ", "  "], ids=["one-space", "two-spaces"])
def test_a_plan_flattened_onto_one_line_reads_as_with_its_line_breaks(sep: str) -> None:
    lined, flat = parse_text(PLAN), parse_text(_flattened(PLAN, sep))
    assert _shape(flat) == _shape(lined)
    paths = [p for p, _ in _shape(flat)[0]]
    assert paths[:5] == ["II", "II.1", "II.2", "II.2.a", "II.2.b"]
    leads = dict(_shape(flat)[0])
    assert leads["III.1"] == ("Sở Nội vụ",) and leads["III.2"] == ("Các sở, ban, ngành",)
    assert leads["III.3"] == ("Ban Dân vận Tỉnh ủy",)  # "Đề nghị X Phối hợp ...": the unit ends at the verb
    relations = dict(_shape(flat)[1])
    assert relations["33/CT-TTg"] == "implements" and relations["114-KL/TW"] == "directs"


def test_a_seed_plan_flattened_keeps_its_task_tree_and_relations(samples_dir: Path) -> None:
    text = (samples_dir / "001_31b30f9d11ead8da.txt").read_text(encoding="utf-8")
    lined, flat = parse_text(text), parse_text(_flattened(text))
    assert [t.path for t in iter_tasks(flat.tasks)] == [t.path for t in iter_tasks(lined.tasks)]
    assert [(r.number, r.relation) for r in flat.references] == [(r.number, r.relation) for r in lined.references]
    assert [d.date for d in flat.deadlines] == [d.date for d in lined.deadlines]
