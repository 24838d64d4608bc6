"""A Party number keeps a year written after its body. Hướng dẫn 36-HD/VPTW writes Party
numbers ``số-TYPE/BODY`` with no year and restarts them each committee term, so a year a
committee adds (``123-KH/TU/2025``) is what tells two terms' ``123-KH/TU`` apart: it stays in
the number, as the State form with its year last does (``1025/PLYK/2025``). The lower-case
drafting-unit mark of a Party Công văn (``/nb``) stays in ``raw`` only."""

from __future__ import annotations

import pytest

from danvan_cli.extract.numbers import find_numbers


@pytest.mark.parametrize(("text", "number"), [
    ("Kế hoạch số 123-KH/TU/2025 ngày 10/3/2025 của Ban Thường vụ Tỉnh ủy", "123-KH/TU/2025"),
    ("Hướng dẫn số 45-HD/BTCTW/2024, ngày 02/4/2024", "45-HD/BTCTW/2024"),
    ("Chương trình số 12-CTr/HU/2025.", "12-CTr/HU/2025"),
    ("Kế hoạch số 123-KH/TU/ 2025 ngày 10/3/2025", "123-KH/TU/2025"),
    ("Kế hoạch số 123-KH/TU /2025 ngày 10/3/2025", "123-KH/TU/2025"),
])
def test_a_year_after_a_party_number_is_kept(text: str, number: str) -> None:
    assert [n.number for n in find_numbers(text)] == [number]


def test_a_party_number_without_a_year_is_unchanged() -> None:
    assert [n.number for n in find_numbers("Kế hoạch số 123-KH/TU ngày 10/3/2025")] == ["123-KH/TU"]


def test_a_slash_with_blanks_on_both_sides_is_prose_not_a_year() -> None:
    assert [n.number for n in find_numbers("theo Kế hoạch số 123-KH/TU / 2025 là năm đầu")] == ["123-KH/TU"]


def test_a_state_number_with_its_year_in_place_keeps_that_year() -> None:
    assert [n.number for n in find_numbers("Quyết định số 48/2019/QĐ-UBND/2020")] == ["48/2019/QĐ-UBND"]


def test_the_drafting_unit_mark_of_a_party_cong_van_stays_in_raw_only() -> None:
    (nm,) = find_numbers("Công văn số 919-CV/VPTW/nb ngày 21/11/2016")
    assert (nm.number, nm.raw) == ("919-CV/VPTW", "919-CV/VPTW/nb")
