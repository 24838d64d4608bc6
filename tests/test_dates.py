"""Date forms of Vietnamese administrative texts, to ISO 8601."""

from __future__ import annotations

import pytest

from danvan_cli.text.dates import find_dates, find_day_months


@pytest.mark.parametrize(
    "text, iso",
    [
        ("ngày 26/11/2021", "2021-11-26"),
        ("ngày 30-7-2021", "2021-07-30"),
        ("ngày 26.11.2021", "2021-11-26"),
        ("Phú Giáo, ngày 05 tháng 4 năm 2018", "2018-04-05"),
        ("Hà Nội, ngày 5 tháng 02 năm 2019", "2019-02-05"),
        ("ngày   tháng 02 năm 2025", "2025-02"),
        ("ngày\n05 tháng\n4 năm 2018", "2018-04-05"),
        ("ngày 29/02/2024", "2024-02-29"),
    ],
)
def test_date_forms(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


@pytest.mark.parametrize("text", ["ngày 31/02/2021", "ngày 29/02/2023", "ngày 12/13/2020", "1/1/1/1", "2021-2030", "ngày 7/1"])
def test_impossible_or_partial_dates_are_not_full_dates(text: str) -> None:
    assert find_dates(text) == []


def test_two_dates_in_a_row_are_both_found() -> None:
    assert [d.iso for d in find_dates("ngày 07/8/2023 ngày 14/8/2023")] == ["2023-08-07", "2023-08-14"]


def test_day_month_without_year() -> None:
    assert [(d.day, d.month) for d in find_day_months("trước ngày 25/11 về UBND")] == [(25, 11)]
    assert [(d.day, d.month) for d in find_day_months("trước ngày 15 tháng 10 để")] == [(15, 10)]
    assert find_day_months("ngày 15 tháng 10 năm 2020") == []
