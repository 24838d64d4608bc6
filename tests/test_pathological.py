"""Bad input from issue 2: texts built to make a regex backtrack or a loop go quadratic.

Each one must simply parse and return. There is no timing assert: a linear parser takes
well under two seconds on each of these; a quadratic spot shows up as a test that hangs
(each case here once did: see the comments). Sizes are the issue's own where it gives
them (a megabyte of ``1/1/1/...``, one 2 MB line), smaller for citation-dense texts,
which cost more per byte.
"""

from __future__ import annotations

import json

import pytest

from danvan_cli import parse_text

#: A regression to super-linear time fails here instead of hanging the suite (pytest-timeout);
#: every test takes a few seconds at most on a 2-core machine.
pytestmark = pytest.mark.timeout(120)
from danvan_cli.model import Document

MB = 1_000_000

CITATION = (
    "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng "
    "cường công tác dân vận, Kế hoạch số 12/KH-UBND ngày 05/3/2022 của UBND tỉnh Hải Dương; "
)


def repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def parse_ok(text: str) -> Document:
    """Parse, then check what any output must satisfy: offsets inside the text, JSON out."""
    doc = parse_text(text)
    n = len(doc.text)
    for ref in doc.references:
        for m in ref.mentions:
            assert 0 <= m.start <= m.end <= n
    for law in doc.named_laws:
        assert 0 <= law.start <= law.end <= n
    for dl in doc.deadlines:
        assert 0 <= dl.span.start <= dl.span.end <= n
    json.dumps(doc.to_dict())
    return doc


# ---------------------------------------------------------------- the three


def test_a_megabyte_of_1_slash_1_is_no_number() -> None:
    doc = parse_ok(repeat("1/", MB))
    assert doc.references == [] and doc.doc_type is None


def test_chi_thi_so_repeated_for_a_megabyte_cites_nothing() -> None:
    doc = parse_ok(repeat("Chỉ thị số ", MB))
    assert doc.references == []


def test_one_2mb_line_of_prose() -> None:
    unit = "Tăng cường công tác dân vận của chính quyền các cấp trên địa bàn tỉnh, "
    doc = parse_ok(repeat(unit, 2 * MB))
    assert doc.references == [] and "\n" not in doc.text


# ---------------------------------------------------------------- number look-alikes


@pytest.mark.parametrize(
    "unit",
    ["1-", "1/1/", "1.1.", "01/CT-", "1 / 1 / ", "26/11/2021 ", "30-7-2021 ", "2021-2030 ", "1"],
    ids=["dashes", "slashes", "dots", "half-number", "spaced", "dates", "party-dates", "ranges", "digits"],
)
def test_runs_of_number_lookalikes(unit: str) -> None:
    doc = parse_ok(repeat(unit, MB // 2))
    assert doc.references == []


def test_dense_bare_numbers() -> None:
    # every 9 characters a citation: each one's context window holds ~130 others
    doc = parse_ok(repeat("23-QĐ/TW ", 50_000))
    assert [r.number for r in doc.references] == ["23-QĐ/TW"]


def test_dense_so_numbers() -> None:
    parse_ok(repeat("Số: 1/", 60_000))


# ---------------------------------------------------------------- citations on one line


def test_one_line_of_citations() -> None:
    # a whole file as one sentence: relations and evidence are read from a bounded window
    doc = parse_ok(repeat(CITATION, 200_000))
    numbers = {r.number for r in doc.references}
    assert numbers == {"33/CT-TTg", "12/KH-UBND"}
    assert len(doc.references[0].mentions) > 500


def test_citations_joined_by_va_without_end() -> None:
    doc = parse_ok(repeat("Quyết định số 217-QĐ/TW và ", 100_000))
    assert [r.number for r in doc.references] == ["217-QĐ/TW"]


def test_unclosed_quotes_after_citations() -> None:
    parse_ok(repeat("Chỉ thị số 33/CT-TTg “về " + "a " * 50, 200_000))


def test_unclosed_parentheses_after_citations() -> None:
    parse_ok(repeat("Quyết định số 1/QĐ-UBND (", 100_000))


def test_two_citations_a_megabyte_of_spaces_apart() -> None:
    # relations._CONNECTIVE once backtracked quadratically over the blank gap
    doc = parse_ok("Thực hiện Chỉ thị số 1/CT-TTg" + " " * MB + "x Chỉ thị số 2/CT-TTg")
    assert [r.number for r in doc.references] == ["1/CT-TTg", "2/CT-TTg"]


def test_two_citations_many_blank_lines_apart() -> None:
    # the sentence splitter once rescanned a blank-line run from each of its line breaks
    doc = parse_ok("Thực hiện Chỉ thị số 1/CT-TTg" + "\n" * 200_000 + "x Chỉ thị số 2/CT-TTg")
    assert len(doc.references) == 2


def test_headed_text_whose_body_is_one_line_of_voice_and_citations() -> None:
    # the issuer inferred from the body's voice once re-read the whole text per voice match
    unit = "UBND huyện giao, " + CITATION
    parse_ok("CHỈ THỊ\n\n" + repeat(unit, 200_000))


# ---------------------------------------------------------------- blanks and marks


@pytest.mark.parametrize(
    "text",
    [
        " " * MB + "x",
        "\t" * MB + "x",
        "\n" * MB,
        " \n" * (MB // 4) + "x",
        "**" * (MB // 4),
        "| " * (MB // 4),
        "“" * (MB // 2),
        '"' * (MB // 2),
    ],
    ids=["spaces", "tabs", "newlines", "blank-lines", "stars", "pipes", "curly-quotes", "quotes"],
)
def test_runs_of_blanks_and_marks(text: str) -> None:
    doc = parse_ok(text)
    assert doc.references == []


def test_a_megabyte_blank_line_after_noi_nhan() -> None:
    # outline._ATTACHMENT once split a long blank line every possible way
    parse_ok("Nơi nhận:\n" + " " * MB + "x")


# ---------------------------------------------------------------- header, outline, laws, deadlines


def test_a_long_first_line_before_the_type_line() -> None:
    parse_ok(repeat("ỦY BAN NHÂN DÂN ", MB) + "\nCHỈ THỊ\nVề việc\n")


def test_the_type_line_followed_by_a_megabyte_line() -> None:
    parse_ok("ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG\nSố: 02/CT-UBND\nCHỈ THỊ\n" + repeat("Số: ", MB // 2))


def test_luat_repeated() -> None:
    # named laws: once one regex call per known law per "Luật", and a look-ahead for
    # "năm" through the rest of the text on each
    parse_ok(repeat("Luật ", 40_000))
    parse_ok(repeat("Luật Khiếu nại ", 100_000))


def test_outline_labels_repeated() -> None:
    parse_ok(repeat("II.\n", 40_000))
    parse_ok(repeat("1. a) - + ", 200_000))


def test_deadline_cues_repeated() -> None:
    parse_ok(repeat("Các đơn vị báo cáo trước ngày 15/12/2022. ", 200_000))
    parse_ok(repeat("trước ", 100_000))
