"""What OCR reads, mended on the words a document's header is found by.

Tesseract drops or changes Vietnamese marks (``Sô``, ``KÉ HOẠCH``, ``Quyêt định``, ``ngay
17 thang 3``), reads a printed digit as a letter (``3l``, ``1O``, ``Š`` for an italic 8)
and a slash as ``I``. The header reader looks for exact anchors (``Số``, ``ngày … tháng …
năm``, the type line, the Quốc hiệu, ``V/v``, ``Kính gửi``, ``Nơi nhận``); here each of
them is found again in OCR's text by its *skeleton* (the text with marks folded away, one
character for one, so positions hold) and written back as it should read. Only text that
came from OCR goes through this (``formats.read_structured``): a born-digital text is
never folded, so nothing here can make its reading worse.

A received stamp printed in black over the header (in colour it is left out before OCR) is
left out here: its lines open with ``ĐẾN`` or are one of its fields holding only digits.

The spellings are data: ``data/lexicon/ocr.yaml`` (the anchors' OCR spellings, folded),
``data/ocr_digits.yaml`` (letters read for digits), ``data/lexicon/header.yaml`` (the
Quốc hiệu, the motto, ``Kính gửi``), ``data/lexicon/signature.yaml`` (``Nơi nhận``) and
``data/doc_types.yaml`` (the type names).
"""

from __future__ import annotations

import difflib
import unicodedata
from functools import cache

import regex

from ...refdata import doc_types, load_yaml, pattern, words
from .common import Para, RawItem, RawTable, Run
from .legacy import is_syllable

#: How alike (0–1) a stretch of OCR's line must be to a long fixed phrase (the Quốc hiệu,
#: the motto), skeleton to skeleton, to be taken for it: a letter or two wrong in thirty.
PHRASE_LIKENESS = 0.85

#: The same for a signer's title in capitals broken by a stroke or a seal (``PHO TU G
#: HONG``), its words' skeletons glued, its first word whole.
TITLE_LIKENESS = 0.8

#: The same for a short anchor at a line's start (``Kính gửi``, ``Nơi nhận``): a letter
#: wrong in eight (``Kinh eửi``, ``Noi nhan``).
ANCHOR_LIKENESS = 0.75


def skeleton(text: str) -> str:
    """``text`` with its marks folded away, one character for each of ``text``'s (so a
    match's positions are the text's): base letters, ``đ`` as ``d``, lower case, ``$`` and
    ``§`` (OCR's S) as ``s``."""
    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d")
        elif ch in "$§":
            out.append("s")
        else:
            base = unicodedata.normalize("NFD", ch)[0].lower()
            out.append(base if len(base) == 1 else ch)
    return "".join(out)


@cache
def _lookalikes() -> dict[str, str]:
    table = load_yaml("ocr_digits.yaml")["lookalikes"]
    return {letter: str(digit) for digit, letters in table.items() for letter in letters}


def digits(token: str) -> str | None:
    """``token`` as the digits OCR meant (``3l`` → ``31``), or ``None`` when it is no
    number: a letter other than a digit's look-alike, or no real digit and more than one
    character (``So`` is a word)."""
    table = _lookalikes()
    if not token or any(not c.isdigit() and c not in table for c in token):
        return None
    if len(token) > 1 and not any(c.isdigit() for c in token):
        return None
    return "".join(table.get(c, c) for c in token)


def _rx(name: str) -> str:
    return pattern("ocr", name).pattern.replace("(?<![\\p{L}\\p{N}])", "").replace("(?![\\p{L}\\p{N}])", "")


@cache
def _number_anchor() -> regex.Pattern[str]:
    # ``Số`` opening a line (a cell's), and what stands before the number's first slash
    # (its serial, and a Party number's type code: ``453-CV``); ``SỞ GIÁO DỤC`` is no ``Số``
    return regex.compile(rf"^(?P<lead>\W{{0,3}})(?P<a>{_rx('number_anchor')})(?P<sep>\s*[:.;,]?\s*)"
                         r"(?P<n>[^/]{0,24}?)(?=\s*/)")


_SERIAL = regex.compile(r"\d{1,6}[\p{Ll}]?")
#: A Party number's type code after its serial (``453-CV/TU``, ``51-KL/TW``).
_PARTY_CODE = regex.compile(r"\s*[-–]\s*\p{Lu}[\p{Lu}\p{Ll}]{0,5}$")


#: What stands between ``ngày`` and ``tháng`` (or ``tháng`` and ``năm``): a day or month,
#: or up to three specks OCR made of ink it could not read (``-, '``, ``2 Ö``).
_SLOT = r"(?:\S{1,4}(?:\s+\S{1,4}){0,2})"


#: A speck OCR glued to ``ngày`` where ink was written after it (``ngàyo.``): a letter or
#: two, a stop or a tick, then a space.
_GLUED = r"[\p{L}.,'`]{1,2}"


@cache
def _date() -> regex.Pattern[str]:
    word = r"(?<![\p{L}\p{N}])"
    return regex.compile(
        rf"{word}(?P<d0>{_rx('day')})(?:{_GLUED}(?=\s))?(?![\p{{L}}])\s*(?P<d>{_SLOT}?)\s*(?P<m0>{_rx('month')})(?![\p{{L}}])"
        rf"\s*(?P<m>{_SLOT}?)\s*(?P<y0>{_rx('year')})(?![\p{{L}}])\s*[:.,]?\s*(?P<y>[12][0-9Oo]{{3}})(?!\d)",
        regex.I)


@cache
def _vv() -> regex.Pattern[str]:
    # ``V/v`` (or ``Về việc``, skeleton ``ve viec``) opening a line, maybe after a speck OCR
    # made of the paper (``- Về việc vận động``, ``'V⁄ triển khai``)
    return regex.compile(rf"^(?P<lead>[^\p{{L}}\p{{N}}\s]{{0,2}}\s?)(?:(?P<v>{_rx('vv')})(?=\s|\.|$)|(?=ve\sviec\s))",
                         regex.I)


@cache
def _phrases() -> tuple[str, ...]:
    """The long fixed phrases of a header, found anywhere on a line."""
    return (*words("header", "quoc_hieu"), words("header", "motto")[0], *words("header", "party_header"))


@cache
def _anchors() -> tuple[str, ...]:
    """The short anchors found at a line's start."""
    return (*words("header", "kinh_gui"), *words("signature", "recipients_heading"))


@cache
def _type_names() -> dict[str, str]:
    """Each type name's skeleton → the name (``ke hoach`` → ``Kế hoạch``)."""
    return {skeleton(t.name): t.name for t in doc_types()}


def _cased(canonical: str, original: str) -> str:
    """``canonical`` in capitals where OCR's ``original`` was mostly in capitals."""
    letters = [c for c in original if c.isalpha()]
    return canonical.upper() if letters and sum(c.isupper() for c in letters) >= 0.7 * len(letters) else canonical


def _tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in regex.finditer(r"\S+", text)]


def _best_window(text: str, phrase: str, *, start_only: bool) -> tuple[int, int, float] | None:
    """The run of whole words of ``text`` whose skeleton is most like ``phrase``'s, with the
    likeness; only runs opening the line when ``start_only``."""
    target = " ".join(skeleton(phrase).replace("-", " - ").split())
    n = len(target.split())
    toks = _tokens(text)
    best: tuple[int, int, float] | None = None
    for i in range(len(toks) if not start_only else min(1, len(toks))):
        for k in (n - 1, n, n + 1):
            j = i + k
            if k <= 0 or j > len(toks):
                continue
            a, b = toks[i][0], toks[j - 1][1]
            got = " ".join(skeleton(text[a:b]).replace("-", " - ").split()).strip(" :.,;")
            ratio = difflib.SequenceMatcher(None, got, target, autojunk=False).ratio()
            if best is None or ratio > best[2]:
                best = (a, b, ratio)
    return best


def _fix_phrases(text: str) -> str:
    for phrase in _phrases():
        if text.count(" ") < 2:
            break
        found = _best_window(text, phrase, start_only=False)
        if found is not None and found[2] >= PHRASE_LIKENESS and text[found[0]:found[1]] != phrase:
            a, b, _r = found
            tail = text[a:b][len(text[a:b].rstrip(" :.,;")):]
            text = text[:a] + _cased(phrase, text[a:b]) + tail + text[b:]
    for anchor in _anchors():
        found = _best_window(text, anchor, start_only=True)
        if found is not None and found[2] >= ANCHOR_LIKENESS:
            a, b, _r = found
            word = text[a:b]
            tail = word[len(word.rstrip(" :.,;")):]
            text = text[:a] + _cased(anchor, word) + tail + text[b:]
    return text


def _fix_type_line(text: str) -> str:
    """A line that is a type name alone (the type line, ``KÉ HOẠCH``) in its right spelling."""
    core = text.strip(" .:-_*\"'“”")
    name = _type_names().get(" ".join(skeleton(core).split()))
    if name is None or core == name.upper():
        return text
    a = text.index(core)
    return text[:a] + _cased(name, core) + text[a + len(core):]


@cache
def _cited_type() -> regex.Pattern[str]:
    # a type name followed by ``số`` and a number, or by the number itself
    names = "|".join(sorted({regex.escape(k).replace("\\ ", r"\s+") for k in _type_names()}, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}])(?P<t>{names})(?=\s+(?:{_rx('number_anchor')})?\s*\d)")


def _fix_cited_types(text: str) -> str:
    """A type named before its number (``Quyêt định số 12``) in its right spelling."""
    out, pos = [], 0
    for m in _cited_type().finditer(skeleton(text)):
        name = _type_names()[" ".join(m.group("t").split())]
        got = text[m.start("t"):m.end("t")]
        out.append(text[pos:m.start("t")])
        out.append(_cased(name, got) if got[:1].isupper() else name.lower())
        pos = m.end("t")
    return "".join(out) + text[pos:]


def _fix_number(text: str) -> str:
    """``Số`` and the serial after it mended: a serial with letters read for digits
    (``1O5``) is those digits; what OCR made of ink it could not read (``.:-``, ``I0†``,
    specks with a digit) leaves the number blank, never guessed."""
    m = _number_anchor().match(skeleton(text))
    if m is None:
        return text
    before = text[m.start("n"):m.end("n")]
    code = _PARTY_CODE.search(before)
    raw = before[:code.start()] if code is not None else before
    serial = "".join(raw.split())
    fixed = digits(serial) if serial else ""
    if fixed is None and _SERIAL.fullmatch(serial):
        fixed = serial  # ``12a``: a serial as written
    elif fixed is None and regex.search(r"\p{L}{3}", raw):
        return text  # a word: no number line after all (``Số lượng``, ``Sổ tay``)
    elif fixed is None:
        fixed = ""  # ink OCR could not read
    anchor = _cased("Số", text[m.start("a"):m.end("a")])
    sep = text[m.end("a"):m.end("sep")]
    rest = (code.group(0) if code is not None else "") + text[m.end("n"):]
    if not fixed:  # left blank: ``Số: /TL-BTC``
        return text[:m.start("a")] + anchor + sep.rstrip() + " " + rest.lstrip()
    # the serial in place of what OCR read, the spacing around it as written
    serial_text = raw[:len(raw) - len(raw.lstrip())] + fixed + raw[len(raw.rstrip()):]
    return text[:m.start("a")] + anchor + sep + serial_text + rest


@cache
def _dayless_date() -> regex.Pattern[str]:
    # ``Vĩnh Long, tháng 3 năm 2020`` opening a line (the right column's date line): the
    # place's comma, then the month and year with no ``ngày`` (OCR dropped it with the day
    # written over it)
    return regex.compile(rf"^\W{{0,3}}(?P<place>\p{{L}}+(?:\s\p{{L}}+){{0,3}}),\s*"
                         rf"(?=(?:{_rx('month')})\s+\d{{1,2}}\s+(?:{_rx('year')})\s+[12]\d{{3}}(?!\d))")


def _fix_dayless(text: str) -> str:
    """A date line whose ``ngày`` OCR lost (with the day written in ink over it) given its
    ``ngày`` back, the day blank."""
    m = _dayless_date().match(skeleton(text))
    if m is None or not all(w[:1].isupper() for w in text[m.start("place"):m.end("place")].split()):
        return text  # a place is written with capitals (``Vĩnh Long``), a clause is not
    return text[:m.end()] + "ngày " + text[m.end():]


def _fix_date(text: str) -> str:
    """``ngày D tháng M năm Y`` written right; a day or month that is no number (ink OCR
    could not read, a stroke) left blank."""
    out, pos = [], 0
    for m in _date().finditer(skeleton(text)):
        slots = [text[m.start(k):m.end(k)] for k in ("d", "m")]
        if any(regex.search(r"\p{L}{2}", sl) and digits(sl) is None for sl in slots):
            continue  # a word where the day or month goes (``tháng sau``): no date
        day, month, year = (digits("".join(text[m.start(k):m.end(k)].split()).strip(".,:")) or ""
                            for k in ("d", "m", "y"))
        out.append(text[pos:m.start()])
        out.append(" ".join(p for p in ("ngày", day, "tháng", month, "năm", year) if p))
        pos = m.end()
    return "".join(out) + text[pos:]


def _fix_vv(text: str) -> str:
    """``V/v`` spelled right at a line's start, and a speck before it (or before ``Về
    việc``) dropped: the trích yếu opens there."""
    m = _vv().match(skeleton(text))
    if m is None:
        return text
    if m.group("v") is None:
        return text[m.end("lead"):]
    return "V/v" + text[m.end("v"):]


@cache
def _stamp_line() -> regex.Pattern[str]:
    # a line opening with the stamp's big word, or one of its fields holding only what a
    # hand or a numbering machine fills in (digits, dots, slashes)
    return regex.compile(rf"^\W{{0,3}}(?:{pattern('ocr', 'received_stamp').pattern})"
                         rf"|^\W{{0,3}}(?i:{pattern('ocr', 'stamp_fields').pattern})\s*[:.]\s*[\d\s./…_-]*$")


@cache
def _specks() -> regex.Pattern[str]:
    return regex.compile(rf"^\s*(?:(?:{_rx('specks')})\s*)+(?=\p{{Lu}})")


#: A list's bullet alone on its line: kept (the recipients list reads it as an item's dash).
_BULLETS = ("-", "+", "•")


#: At most this many letters on a line of at most ``SCRAP_TOKENS`` pieces make it scraps
#: OCR read in a signature's strokes or a seal (``l Ta``, ``» 1``, ``s ề``), not text.
SCRAP_LETTERS = 3
SCRAP_TOKENS = 6

#: A label alone on its line (``1.``, ``II.``, ``a)``): kept, the outline reads it.
_LABEL = regex.compile(r"^(?:\d{1,3}|[IVXLivxl]{1,5}|\p{Ll})[.)]$")


def _scraps(text: str) -> bool:
    """Whether ``text`` is scraps of ink, not a line of text: a few pieces with a few
    letters at most, no label, no anchor (``Số:``, ``V/v``)."""
    toks = text.split()
    if not toks or len(toks) > SCRAP_TOKENS or sum(c.isalpha() for c in text) > SCRAP_LETTERS:
        return False
    if toks[0] in _BULLETS or all(_LABEL.match(t) or t.strip(":.,").isdigit() for t in toks):
        return False  # an item's dash (``- Như``), labels or numbers (a table's values): text
    core = skeleton(text).strip(" :.,;")
    if core in words("ocr", "number_anchor") or core in words("ocr", "vv"):
        return False
    # a stroke's trace: a speck, a lone letter, a word of letters and digits mixed, or no
    # Vietnamese syllable among them (``l Ta``, ``» 1``, ``2s``, ``Vfầ``)
    return any(not regex.search(r"[\p{L}\p{N}]", t) or len(t) == 1 or regex.search(r"\p{L}", t) and regex.search(r"\p{N}", t)
               or not is_syllable(t.strip(".,:;")) for t in toks)


def _garbled_caps(text: str) -> bool:
    """Whether ``text`` is a short line in capitals holding a word with Vietnamese marks
    that is no Vietnamese syllable and a stroke's trace (a speck or a lone letter among the
    words: ``QGUÁN | U``): OCR's reading of a signature or a seal, never a name to take for
    the signer's. A line that is only misspelt (``PHÒNC GIÁO DỤC``) is kept."""
    toks = regex.findall(r"\p{L}+", text)
    if not 2 <= len(toks) <= 5 or not text.isupper():
        return False
    stroke = any(len(t) == 1 for t in toks) or any(not regex.search(r"[\p{L}\p{N}]", t) for t in text.split())
    return stroke and any(len(unicodedata.normalize("NFD", t)) > len(t) and not is_syllable(t) for t in toks)


def _drop_specks(text: str) -> str:
    """A line with no letter or digit (what OCR made of a speck, a rule, a seal's rim), or
    only scraps of ink, or a short line of capitals no Vietnamese could read, left out (a
    list's bullet alone kept); the specks before a capital opening a line dropped."""
    if not regex.search(r"[\p{L}\p{N}]", text):
        return text if text.strip() in _BULLETS else ""
    if _scraps(text) or _garbled_caps(text):
        return ""
    m = _specks().match(text)
    return text[m.end():] if m is not None else text


@cache
def _signer_titles() -> dict[str, str]:
    """Each signer's title (``GIÁM ĐỐC``, ``PHÓ GIÁM ĐỐC``), its skeleton with no spaces →
    the title in capitals (OCR splits and glues its words: ``BÍTHƯ``)."""
    out: dict[str, str] = {}
    for title in words("signature", "titles"):
        for t in (title.upper(), f"PHÓ {title.upper()}"):
            out.setdefault("".join(skeleton(t).split()), t)
    return out


@cache
def _authority_mark() -> regex.Pattern[str]:
    marks = sorted({skeleton(w).rstrip(".") for w in words("signature", "authority_marks")}, key=len, reverse=True)
    return regex.compile(r"^(?P<mark>(?:" + "|".join(regex.escape(m) for m in marks) + r")\.?\s+)?(?P<rest>.*)$")


def _fix_signer_title(text: str) -> str:
    """A line of the signature block in capitals that is a signer's title, after its
    authority mark or alone (``GIÁM ĐỎC``, ``-PHO GIÁM ĐỐC``, ``. BÍTHƯ``), in its right
    spelling: the signature block is found by its titles. A mark's body (``TM. BAN THƯỜNG
    TRỰC``) and any other line are left as read."""
    letters = [c for c in text if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < 0.7 * len(letters) or len(text.split()) > 8:
        return text
    m = _authority_mark().match(skeleton(text))
    rest = m.group("rest") if m is not None else skeleton(text)
    core = regex.sub(r"^[^\p{L}]+", "", rest).rstrip(" .,:;")
    flat = regex.sub(r"[^\p{L}]", " ", core).split()
    title = _signer_titles().get("".join(flat))
    if title is None and flat:
        # broken by a stroke or the seal over it (``PHO TU G HONG``): as like a title as
        # ``TITLE_LIKENESS``, its first word whole (no family name is a title's first word)
        near = [(difflib.SequenceMatcher(None, "".join(flat), k, autojunk=False).ratio(), t)
                for k, t in _signer_titles().items() if skeleton(t).split()[0] == flat[0]]
        best = max(near, default=None)
        title = best[1] if best is not None and best[0] >= TITLE_LIKENESS else None
    if title is None:
        return text
    mark = text[:m.end("mark")] if m is not None and m.group("mark") else ""
    return mark + title


def repair_line(text: str) -> str:
    """One line of OCR's text with its header anchors spelled as they should be; a line of a
    received stamp over the page (``ĐẾN Số: 640``, ``Ngày: 19/3/2020``) left out, and
    specks and scraps of ink OCR read (``_drop_specks``)."""
    text = _drop_specks(text)
    if not text.strip() or _stamp_line().match(text):
        return ""
    text = _fix_signer_title(text)
    text = _fix_type_line(text)
    text = _fix_number(text)
    text = _fix_vv(text)
    text = _fix_date(text)
    text = _fix_dayless(text)
    text = _fix_cited_types(text)
    return _fix_phrases(text)


def _merge_runs(p: Para) -> None:
    """Runs of one formatting side by side made one (as written they are one text): a line
    OCR cut in pieces at a gap (``PHO TU `` + ``G HONG``, a stroke through it) is mended whole."""
    merged: list[Run] = []
    for run in p.runs:
        last = merged[-1] if merged else None
        if last is not None and (last.bold, last.italic, last.font_encoding) == (run.bold, run.italic, run.font_encoding):
            last.text += run.text
        else:
            merged.append(run)
    p.runs = merged


def repair(items: list[RawItem]) -> list[RawItem]:
    """Every paragraph and cell line of OCR's ``items`` mended (``repair_line``), in place."""
    for it in items:
        paras = [p for row in it.rows for cell in row for p in cell.paras] if isinstance(it, RawTable) else [it]
        for p in paras:
            if isinstance(p, Para):
                _merge_runs(p)
                for run in p.runs:
                    run.text = "\n".join(repair_line(line) for line in run.text.split("\n"))
    return items
