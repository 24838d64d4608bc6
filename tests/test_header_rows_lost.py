"""A header table whose row boundary was lost in the export: one run of four cells
(issuer | Quốc hiệu | Số | place and date) separated by single ``|`` lines."""

from __future__ import annotations

import pytest

from danvan_cli.pipeline import parse_text

_STATE = """ỦY BAN NHÂN DÂN
TỈNH TRÀ VINH
-------
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
Số: 19/KH-UBND
|
Trà Vinh, ngày 06 tháng 4 năm 2020
|
KẾ HOẠCH
Thực hiện công tác dân vận năm 2020
Thực hiện Quyết định số 553/QĐ-UBND ngày 15/3/2016 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch:
I. MỤC ĐÍCH
1. Tiếp tục quán triệt các văn bản chỉ đạo.
"""
_PARTY = """TỈNH ỦY BẮC KẠN
BAN DÂN VẬN
*
|
ĐẢNG CỘNG SẢN VIỆT NAM
|
Số 141-KH/BDVTU
|
Bắc Kạn, ngày 27 tháng 12 năm 2024
|
KẾ HOẠCH
Công tác dân vận năm 2025
I. MỤC ĐÍCH
1. Nâng cao nhận thức.
"""


@pytest.mark.parametrize("text, number, date, issuer", [
    (_STATE, "19/KH-UBND", "2020-04-06", "UBND tỉnh Trà Vinh"),
    (_PARTY, "141-KH/BDVTU", "2024-12-27", "Ban Dân vận Tỉnh ủy Bắc Kạn"),
], ids=["state", "party"])
def test_four_header_cells_in_one_run_are_two_rows_of_two(text: str, number: str, date: str, issuer: str) -> None:
    doc = parse_text(text)
    assert (doc.number, doc.date) == (number, date)
    assert doc.issuer is not None and doc.issuer.name == issuer
    assert [r.number for r in doc.references] == (["553/QĐ-UBND"] if number.endswith("UBND") else [])
