"""Properties of ``parse_text`` on any text (hypothesis).

Two kinds of input: free text over an alphabet heavy in what the parser reacts to
(Vietnamese letters with both tone placements, digits, ``/``, ``-`` and Word dashes,
blanks and line breaks, Markdown ``**`` ``_`` ``|`` ``#``, quotes, brackets, a BOM, CR,
NBSP, and now and then any Unicode character), and texts assembled from the pieces
of real directives (type words, ``số``, numbers in every shape the issue lists and some
that must not be numbers, dates, issuers, relation cues, header and signature lines).

What is checked:

- ``parse_text`` never raises, and ``to_dict()`` is JSON-serializable;
- parsing is deterministic, and parsing the text danvan reports it used
  (``doc.text``, already normalized) gives the same document again;
- every offset (mention, named law, task span, deadline span) lies in ``doc.text``;
- **every mention span holds its number**. ``Mention.start`` is where the citation
  starts (its type word, or ``số``, or the number itself) and ``Mention.end`` where its
  core ends (after the number and any date, issuer or parenthesis that follow), so the
  number lies inside ``doc.text[start:end]``. The number is normalized (stray spaces
  around ``/`` and ``-`` dropped, Word dashes read as ``-``, codes in their canonical
  case: ``27/CT-TTG`` is ``27/CT-TTg``; Markdown marks inside were blanked before
  matching), so the test compares *squashed* forms: whitespace and the marks
  ``* _ | # \\`` removed, every dash read as ``-``, every decimal digit as its ASCII
  digit, upper case. Invariant tested: ``squash(ref.number)`` is a substring of
  ``squash(doc.text[m.start:m.end])`` for every mention ``m`` of every reference;
  and ``m.text`` is ``doc.text[m.start:m.end]`` with its whitespace collapsed.
"""

from __future__ import annotations

import json
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan_cli import parse_text
from danvan_cli.model import Document, Task

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# ---------------------------------------------------------------- inputs

_VIET = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxy"
    "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY"
    "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
    "ÁÀẢÃẠẾỀỂỄỆÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
)
_MARKS = "0123456789/-–‑— \n\n\t*_|#\\“”\"'()[].,;:&%"
_ODD = "\ufeff\r\u00a0\u200b\u00d0\u0301\u0300\u0309\u0303\u0323"

free_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(_VIET + _MARKS + _ODD),
        st.characters(codec="utf-8"),
    ),
    max_size=400,
)

_serial = st.from_regex(r"\A0?[1-9]\d{0,3}\Z")
_code = st.sampled_from(
    ["CT", "KH", "QĐ", "NQ", "TTg", "TTG", "UBND", "HĐND", "TW", "TU", "HU", "BNV", "CTTN&BĐG", "VPCP", "V.I",
     "MTTQ", "BTT", "PL", "UBTVQH11", "QH14", "NĐ", "CP", "HD", "BTGDVTW", "KL", "QĐi", "CTr", "Ct", "X",
     "NĐCP", "QĐUBND", "TƯ", "NQLT", "QCPH", "TWĐTN", "SXD", "QLN&TTBĐS", "QLN&"]
)
_sep = st.sampled_from(["-", "-", "/", "/", " /", "/ ", "- ", " -", "–", "‑", " - ", " / "])


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """A number as texts write it, slips and look-alikes included."""
    kind = draw(st.integers(0, 6))
    s = draw(_serial)
    if kind == 0:  # state: 33/CT-TTg, 16/KH-MTTQ-BTT
        groups = draw(st.lists(_code, min_size=1, max_size=3))
        return s + draw(_sep) + draw(_sep).join(groups)
    if kind == 1:  # with the year: 48/2019/QĐ-UBND
        return f"{s}/{draw(st.integers(1990, 2030))}/" + "-".join(draw(st.lists(_code, min_size=1, max_size=2)))
    if kind == 2:  # party: 23-QĐ/TW
        return f"{s}{draw(_sep)}{draw(_code)}{draw(_sep)}{draw(_code)}"
    if kind == 3:  # dates and ranges: never numbers
        return draw(st.sampled_from(["26/11/2021", "30-7-2021", "2021-2030", "1/1/1", "05.3.2022"]))
    if kind == 4:  # blank number of a draft
        return "/" + draw(_code) + "-" + draw(_code)
    if kind == 5:  # damaged and joint forms: 35a/NQ-CP, 92 QĐ/TWĐTN, 05/2011/NQLT/CP-UBTUMTTQVN, split lines
        return draw(st.sampled_from([
            f"{s}a/NQ-CP", f"{s} QĐ/TWĐTN", f"{s}/2011/NQLT/CP-UBTUMTTQVN", f"{s}/QCPH/UBND-UBMTTQ",
            f"{s}/2025/QĐ-\nUBND", f"{s}/2025/\nQĐ-UBND", f"{s}/2025/**QĐ-UBND**", f"{s}-CV/VPTW/nb", f"{s}/PLYK/2025",
            f"{s}-NQ/TƯ", f"{s}/2020/NĐCP",
        ]))
    return s + draw(_sep) + draw(st.text(alphabet=_VIET + "&.", min_size=1, max_size=6))


_PIECES = [
    "Chỉ thị", "Kế hoạch", "Quyết định", "Nghị quyết", "Quy định", "Thông tư", "Luật", "Công văn", "Hướng dẫn",
    "số", "Số:", "Số", "số:", "ngày", "tháng", "năm", "2021", "26/11/2021", "ngày 05 tháng 4 năm 2018",
    "ngày   tháng 02 năm 2025", "30-7-2021", "của", "Thủ tướng Chính phủ", "Bộ Chính trị", "UBND huyện",
    "UBND tỉnh Hải Dương", "Ủy ban nhân dân thành phố", "Thành ủy", "Huyện ủy", "Ban Thường vụ Tỉnh ủy",
    "về", "về việc", "V/v", "“", "”", "\"", "(", ")", "Căn cứ", "Thực hiện", "Triển khai", "thực hiện nghiêm",
    "thay thế", "bãi bỏ", "sửa đổi, bổ sung", "trọng tâm là", "Trên đây là", "và", ",", ";", ".", ":", "\n",
    "\n\n", "  ", "\t", "**", "*", "_", "|", "# ", "CHỈ THỊ", "KẾ HOẠCH", "QUYẾT ĐỊNH", "ỦY BAN NHÂN DÂN",
    "TỈNH HẢI DƯƠNG", "HUYỆN PHÚ GIÁO", "ĐẢNG CỘNG SẢN VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "Phú Giáo, ngày 05 tháng 4 năm 2018", "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
    "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A", "I.", "II.", "1.", "1.1.", "a)", "-",
    "+", "Điều 1.", "Luật Khiếu nại", "Luật Tổ chức chính quyền địa phương năm 2015", "trước ngày 15/12/2022",
    "hằng năm", "chậm nhất", "báo cáo", "Sở Nội vụ chủ trì, phối hợp với", "các cơ quan, đơn vị", "hoá", "uỷ",
    "Hoá", "thuỷ", "quý", "Ð", "x",
]


@st.composite
def directive_like(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(st.sampled_from(_PIECES), numbers()), max_size=80))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "", "\n", ", "]), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


any_text = st.one_of(free_text, directive_like())

# ---------------------------------------------------------------- helpers

_DROP = {"*", "_", "|", "#", "\\"}
_DASHES = {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\ufe63", "\uff0d"}


def squash(s: str) -> str:
    """Whitespace and Markdown marks out, dashes dropped (a number's lost hyphen is restored:
    ``NĐCP`` is ``NĐ-CP``), decimal digits as ASCII, upper case, the Party's central body
    ``TƯ``/``T.Ư`` as ``TW``."""
    out = []
    for ch in s:
        if ch.isspace() or ch in _DROP or ch in _DASHES or ch == "-":
            continue
        if ch.isdecimal():
            ch = str(unicodedata.decimal(ch))
        out.append(ch)
    return "".join(out).upper().replace("T.Ư", "TW").replace("TƯ", "TW")


def all_tasks(tasks: list[Task]) -> list[Task]:
    out = []
    for t in tasks:
        out.append(t)
        out.extend(all_tasks(t.children))
    return out


def check_offsets(doc: Document) -> None:
    n = len(doc.text)
    for ref in doc.references:
        assert ref.mentions, ref
        for m in ref.mentions:
            assert 0 <= m.start < m.end <= n, (ref.number, m.start, m.end, n)
    for law in doc.named_laws:
        assert 0 <= law.start <= law.end <= n
    for task in all_tasks(doc.tasks):
        if task.span is not None:
            assert 0 <= task.span.start <= task.span.end <= n
    for dl in doc.deadlines:
        assert 0 <= dl.span.start <= dl.span.end <= n


# ---------------------------------------------------------------- properties


@SETTINGS
@given(any_text)
def test_parse_never_raises_and_its_output_is_json(text: str) -> None:
    doc = parse_text(text)
    assert isinstance(doc, Document)
    json.dumps(doc.to_dict())
    json.dumps(doc.to_dict(include_text=True))


@SETTINGS
@given(any_text)
def test_every_offset_lies_in_the_text_danvan_used(text: str) -> None:
    check_offsets(parse_text(text))


@SETTINGS
@given(directive_like())
def test_every_mention_span_holds_its_number(text: str) -> None:
    doc = parse_text(text)
    for ref in doc.references:
        for m in ref.mentions:
            span = doc.text[m.start : m.end]
            assert squash(ref.number) in squash(span), (ref.number, span)
            assert m.text == " ".join(span.split())


_CITED = st.builds(
    lambda word, serial, shape: f"{word}{serial}{shape}",
    st.sampled_from(["Chỉ thị số ", "Kế hoạch số ", "Quyết định số ", "Nghị quyết số ", "theo "]),
    st.integers(1, 9999).map(str),
    st.sampled_from(["/CT-TTg", "/KH-UBND", "/2019/QĐ-UBND", "-QĐ/TW", "-CT/TU", "/NQ-CP", " /CT-UBND", "- CT/TW"]),
)

#: Free text with a citation of a well-formed number somewhere in it, set apart by blanks:
#: free text alone almost never holds one, so the span property would test nothing.
free_text_citing = st.builds(lambda a, cited, b: f"{a} {cited} {b}", free_text, _CITED, free_text)


@SETTINGS
@given(free_text_citing)
def test_every_mention_span_holds_its_number_in_free_text(text: str) -> None:
    doc = parse_text(text)
    # the citation is read as a reference (or, after a stray "Số:", as the document's own number)
    assert doc.references or doc.number, text
    for ref in doc.references:
        for m in ref.mentions:
            assert squash(ref.number) in squash(doc.text[m.start : m.end]), ref.number


@SETTINGS
@given(any_text)
def test_parsing_is_deterministic_and_stable_on_its_own_text(text: str) -> None:
    first = parse_text(text)
    assert parse_text(text).to_dict() == first.to_dict()
    # the text danvan reports is already normalized: reading it again changes nothing
    again = parse_text(first.text)
    assert again.text == first.text
    assert again.to_dict() == first.to_dict()
