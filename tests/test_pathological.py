"""Bad input from issues 2 and 16: texts built to make a regex backtrack or a loop go quadratic.

Each shape is parsed at two sizes in the same test and the CPU times compared: input ×4 must
cost under ×6 (``support.growth``), so a quadratic spot fails here however fast the machine
is, and a busy machine fails nothing. Every parse must also give sound output (offsets
inside the text, JSON out). The larger size is half a megabyte for most shapes (each case
here once went quadratic: see the comments), less for citation-dense texts, which cost more
per byte.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from danvan_cli import parse_text
from danvan_cli.model import Document
from support.growth import LINEAR, cpu_growth

MB = 1_000_000
#: The smaller of the two sizes a shape is tried at, in characters: its ×4 is half a megabyte.
SIZE = MB // 8

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


def linear(make: Callable[[int], str], size: int = SIZE, check: Callable[[Document], object] = lambda d: None) -> None:
    """``make(n)`` (about ``n`` characters) parses soundly at ``size`` and ``4 * size``, the
    larger costing under ``LINEAR`` times the smaller; ``check`` holds of every output."""
    def run(text: str) -> None:
        check(parse_ok(text))

    assert cpu_growth(make, run, size) < LINEAR


def repeated(unit: str) -> Callable[[int], str]:
    return lambda n: repeat(unit, n)


def no_references(doc: Document) -> None:
    assert doc.references == []


# ---------------------------------------------------------------- the three


def test_a_megabyte_of_1_slash_1_is_no_number() -> None:
    def check(doc: Document) -> None:
        assert doc.references == [] and doc.doc_type is None

    linear(repeated("1/"), check=check)


def test_chi_thi_so_repeated_for_a_megabyte_cites_nothing() -> None:
    linear(repeated("Chỉ thị số "), check=no_references)


def test_one_long_line_of_prose() -> None:
    def check(doc: Document) -> None:
        assert doc.references == [] and "\n" not in doc.text

    linear(repeated("Tăng cường công tác dân vận của chính quyền các cấp trên địa bàn tỉnh, "), check=check)


# ---------------------------------------------------------------- number look-alikes


@pytest.mark.parametrize(
    "unit",
    ["1-", "1/1/", "1.1.", "01/CT-", "1 / 1 / ", "26/11/2021 ", "30-7-2021 ", "2021-2030 ", "1"],
    ids=["dashes", "slashes", "dots", "half-number", "spaced", "dates", "party-dates", "ranges", "digits"],
)
def test_runs_of_number_lookalikes(unit: str) -> None:
    linear(repeated(unit), check=no_references)


def test_dense_bare_numbers() -> None:
    # every 9 characters a citation: each one's context window holds ~130 others
    def check(doc: Document) -> None:
        assert [r.number for r in doc.references] == ["23-QĐ/TW"]

    linear(repeated("23-QĐ/TW "), size=12_000, check=check)


def test_dense_so_numbers() -> None:
    linear(repeated("Số: 1/"), size=15_000)


def test_so_12_repeated() -> None:
    # issue 21: 8 KB/s; each "12/" is a citation, and "the document's own purpose" was read
    # again from the whole window of every one
    linear(repeated("Số: 12/"), size=15_000)


# ---------------------------------------------------------------- citations on one line


def test_one_line_of_citations() -> None:
    # a whole file as one sentence: relations and evidence are read from a bounded window
    def check(doc: Document) -> None:
        assert {r.number for r in doc.references} == {"33/CT-TTg", "12/KH-UBND"}
        assert len(doc.references[0].mentions) > 100

    linear(repeated(CITATION), size=50_000, check=check)


def test_ten_thousand_citations_in_one_sentence() -> None:
    # issue 16: the rule for "the document's own purpose" read the whole sentence once per
    # citation (20 s for 10,000 citations); a Công văn, so the rule applies
    def make(n: int) -> str:
        cites = ", ".join(f"Công văn số {i}/UBND-VP" for i in range(n // 24))
        return "V/v tăng cường công tác dân vận\nKính gửi: các sở\nVăn bản này nhằm triển khai " + cites + "."

    def check(doc: Document) -> None:
        assert len(doc.references) > 100

    linear(make, size=60_000, check=check)


def test_citations_joined_by_va_without_end() -> None:
    def check(doc: Document) -> None:
        assert [r.number for r in doc.references] == ["217-QĐ/TW"]

    linear(repeated("Quyết định số 217-QĐ/TW và "), size=40_000, check=check)


def test_unclosed_quotes_after_citations() -> None:
    linear(repeated("Chỉ thị số 33/CT-TTg “về " + "a " * 50))


def test_unclosed_parentheses_after_citations() -> None:
    linear(repeated("Quyết định số 1/QĐ-UBND ("), size=40_000)


def test_two_citations_a_megabyte_of_spaces_apart() -> None:
    # relations._CONNECTIVE once backtracked quadratically over the blank gap
    def check(doc: Document) -> None:
        assert [r.number for r in doc.references] == ["1/CT-TTg", "2/CT-TTg"]

    linear(lambda n: "Thực hiện Chỉ thị số 1/CT-TTg" + " " * n + "x Chỉ thị số 2/CT-TTg", size=MB // 4, check=check)


def test_two_citations_many_blank_lines_apart() -> None:
    # the sentence splitter once rescanned a blank-line run from each of its line breaks
    def check(doc: Document) -> None:
        assert len(doc.references) == 2

    linear(lambda n: "Thực hiện Chỉ thị số 1/CT-TTg" + "\n" * n + "x Chỉ thị số 2/CT-TTg", size=50_000, check=check)


def test_headed_text_whose_body_is_one_line_of_voice_and_citations() -> None:
    # the issuer inferred from the body's voice once re-read the whole text per voice match
    unit = "UBND huyện giao, " + CITATION
    linear(lambda n: "CHỈ THỊ\n\n" + repeat(unit, n), size=50_000)


# ---------------------------------------------------------------- blanks and marks


@pytest.mark.parametrize(
    "unit, tail",
    [(" ", "x"), ("\t", "x"), ("\n", ""), (" \n", "x"), ("**", ""), ("| ", ""), ("“", ""), ('"', "")],
    ids=["spaces", "tabs", "newlines", "blank-lines", "stars", "pipes", "curly-quotes", "quotes"],
)
def test_runs_of_blanks_and_marks(unit: str, tail: str) -> None:
    linear(lambda n: repeat(unit, n) + tail, check=no_references)


def test_a_megabyte_blank_line_after_noi_nhan() -> None:
    # outline._ATTACHMENT once split a long blank line every possible way
    linear(lambda n: "Nơi nhận:\n" + " " * n + "x")


# ---------------------------------------------------------------- header, outline, laws, deadlines


def test_a_long_first_line_before_the_type_line() -> None:
    linear(lambda n: repeat("ỦY BAN NHÂN DÂN ", n) + "\nCHỈ THỊ\nVề việc\n")


def test_the_type_line_followed_by_a_megabyte_line() -> None:
    linear(lambda n: "ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG\nSố: 02/CT-UBND\nCHỈ THỊ\n" + repeat("Số: ", n), size=MB // 16)


def test_luat_repeated() -> None:
    # named laws: once one regex call per known law per "Luật", and a look-ahead for
    # "năm" through the rest of the text on each
    linear(repeated("Luật "), size=20_000)
    linear(repeated("Luật Khiếu nại "), size=50_000)


def test_outline_labels_repeated() -> None:
    linear(repeated("II.\n"), size=20_000)
    linear(repeated("1. a) - + "), size=50_000)


def test_deadline_cues_repeated() -> None:
    linear(repeated("Các đơn vị báo cáo trước ngày 15/12/2022. "), size=50_000)
    linear(repeated("trước "), size=50_000)


def test_relative_deadlines_of_an_undated_event_on_one_line() -> None:
    # issue 21: each relative deadline read its whole region again for the event's day
    def check(doc: Document) -> None:
        assert len(doc.deadlines) > 100

    linear(repeated("1. Các đơn vị báo cáo trong vòng 05 ngày kể từ ngày nhận được văn bản này. "), size=50_000,
           check=check)


def test_a_run_of_combining_accents() -> None:
    # issue 21: Unicode normalization orders a run of marks by insertion (quadratic in Python's
    # unicodedata); a run past eight marks is cut first
    linear(lambda n: "Chỉ thị số 33/CT-TTg a" + "\u0301\u0323" * (n // 2), size=MB // 4)


def test_a_long_word_before_a_latin_oi() -> None:
    # the font fold of "ƣ" once tried its pattern from every letter of a word without one
    linear(lambda n: "a" * n + " ƣ", size=MB // 4)
