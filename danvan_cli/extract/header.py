"""The document's own header fields, read from the layout: type, number, place and date,
title, issuer, signer, recipients.

The layout (``text/layout.py``) has already found the header zone and cut it into units
placed in their columns (a table cell, a column of side-by-side lines, or the whole zone
when the form kept no columns), the type line, where the body ends and the signature
zone. Here each unit is read by its *anchors* — the Quốc hiệu or ``ĐẢNG CỘNG SẢN VIỆT
NAM``, the motto, separators, ``Số:`` with the number, ``V/v`` with a Công văn's trích
yếu, ``Place, ngày .. tháng .. năm ..`` — whatever order the export left them in; what the
anchors leave in capitals on the left (or anywhere, when columns are unknown) are the
issuing body's lines, which ``extract/own_issuer.py`` turns into the issuer and its parent.
Words of the Quốc hiệu are anchors, so they never enter an issuer.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

import regex

from ..i18n import N_
from ..model import Document, Issuer, Signer, Span, Warning
from ..refdata import alternation, doc_types, pattern, words
from .issuers import PlaceContext, canonical_place
from .own_issuer import (
    VoiceContext,
    compose_header_issuer,
    context_from_place,
    disambiguate_province,
    fill_context,
    infer_issuer,
    name_case,
    seated,
)
from ..text.layout import (
    FLAT_SIGNATURE,
    SEALED_CAPS_SIGNATURE,
    Layout,
    Line,
    Unit,
    authority_mark,
    caps_name_shape,
    closes_with_caps_name,
    is_name_line,
    is_person_line,
    is_plain_title_line,
    is_title_line,
    name_beside_seal_note,
    outline_start,
    seal_line,
    stamp_lines,
    strip_honorific,
)
from ..text.memo import by_line
from ..text.normalize import fold_key
from ..text.dates import NUMERIC_DATE, VERBAL_DATE, find_dates
from .numbers import BLANK_NUMBER, NUMBER, parse_number, parts_from_match

# "Số:" opening a line or a cell (or, in a header flattened onto one line, "Số:" with its colon).
# (Mid-line, as a flattened header has it: "Số:", or a Party number's "Số 15-KH/HU" with
# no colon, a digit right after; or its blank number, ``Số - HD/BTCTU``, whose serial the
# signing system stamps as an image.)
# Some bodies write the type before it: ``Nghị quyết số: 653/2019/UBTVQH14`` (a type name
# from ``doc_types.yaml``, then ``số`` with its colon).
_SO = regex.compile(
    r"(?:(?:^|(?<=[\n\t]))(?:(?i:" + alternation(tuple(t.name for t in doc_types())) + r")\s+số\s{0,3}:|"
    r"(?:Số|SỐ|số)(?!\s*(?:hiệu|ký\s+hiệu))\s{0,3}:?)|(?<= )(?:Số|SỐ)(?:\s{0,3}:|\s{1,3}(?=\d|[-–/][ \t]?\p{Lu})))\s{0,40}"
)
# A Công văn's trích yếu under its number without "V/v": "Về hướng dẫn ...".
_VE = regex.compile(r"\s*(?:V/[vV](?!\p{L})\s{0,3}[.:]?\s{0,3}|(?=Về\s))")
#: The next line of a left column under its number line opening a sentence (a capital,
#: then a small letter): a trích yếu written with no ``V/v``.
_UNDER_NUMBER = regex.compile(r"[ \t]*\n\s*(?=\p{Lu}\p{Ll})(?![^\n]*,\s*ngày\s)")
_VV = regex.compile(r"(?:^|(?<=[\n\t ]))V/[vV](?!\p{L})\s{0,3}[.:]?\s{0,3}")
_PLACE_DATE = regex.compile(
    r"(?:^|(?<=[\n\t]))(?P<place>\p{Lu}[\p{L}\p{M}.'\d]*(?:(?:[ \n]|\s-\s)[\p{L}\p{M}.'\d]+){0,6}?)\s?,?\s?(?=ngày(?:\s|$|\d))"
)
_PLACE_DATE_LOOSE = regex.compile(
    r"(?P<place>(?:(?<=\s)|^)\p{Lu}[\p{Ll}\p{M}.']*(?:\s\p{Lu}[\p{Ll}\p{M}.']*){0,4})\s?,\s?(?=ngày(?:\s|$|\d))"
)
# The place without its comma where the header was flattened (``... Số: 388/NQ-CP Hà Nội
# ngày 01 tháng 12 năm 2025``): each word of the place capitalized, the date's day and
# month written (or left blank) after ``ngày``.
_PLACE_DATE_BARE = regex.compile(
    r"(?P<place>(?<![\p{L}\d])(?:(?:Thành\s+phố|Thị\s+xã|Thị\s+trấn|TP\.|Tp\.)\s?)?\p{Lu}[\p{Ll}\p{M}]+(?:\s\p{Lu}[\p{Ll}\p{M}]+){0,4})\s+(?=ngày(?:\s+\d{1,2}\s|\s+tháng))"
)
_BLANK_DATE = regex.compile(r"(?i)ngày\s{0,40}tháng\s{0,40}năm\s{1,10}(?P<y>(?:19|20)\d{2})(?!\d)")
_SEPARATOR = regex.compile(r"[-–—_=*.~·•]{3,}|(?<![\p{L}\d])[*]{1,2}(?![\p{L}\d])")
_BODY_START = regex.compile(
    r"(?i)^(?:thực\s+hiện|triển\s+khai|căn\s+cứ|để|nhằm|trong|thời\s+gian|qua|ngày\s+\d|theo|tiếp\s+tục|thi\s+hành|xét|kính\s+gửi)\b"
)
_NOT_TITLE = regex.compile(r"(?i)căn\s+cứ|kính\s+gửi")
_YEAR_FOR = regex.compile(r"(?i)(?<!\p{L})năm\s+(?P<y>(?:19|20)\d{2})(?!\s*[-–]\s*\d)")
_HORIZON = regex.compile(
    r"(?i)(?:đến\s+năm|tới\s+năm|giai\s+đoạn\s+(?:19|20)\d{2}\s*[-–]\s*|thời\s+kỳ\s+(?:19|20)\d{2}\s*[-–]\s*)\s*(?P<y>(?:19|20)\d{2})(?!\d)"
)
_NOI_NHAN = regex.compile(r"(?i)^\s*nơi\s+nhận\s*:?\s*")
_TITLE_MAX_LINES = 8
_TAB = regex.compile(r"\t")
_LINE_PIECE = regex.compile(r"[^\n\t]+")
_WORD = regex.compile(r"\S+")
_INNER_MARK = regex.compile(r"(?<=\s)(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?\s")
_ITEM_SPLIT = regex.compile(r"(?<=[;.])\s+[-+•]\s+")
# Where a trích yếu flattened onto the header's line ends: the preamble's first word
# opening a sentence (capitalized: inside a title "để" is a word of it), a full stop or a
# colon, the capitals of the line saying who decides after a title in lower case, or the
# rule typed under the title.
# (Case-sensitive: under IGNORECASE \p{Ll} would match capitals too.)
_FLAT_TITLE_END = regex.compile(
    r"(?<!\p{L})(?:Căn\s+cứ|Thực\s+hiện|Kính\s+gửi|Xét|Để|Nhằm)(?!\p{L})|[.:](?=\s)|(?<=[\p{Ll}\d]\s+)\p{Lu}{2,}(?:\s+\p{Lu}{2,}){2}"
    r"|(?<=\s)[-–—_=*]{3,}"
)
#: The line saying who decides, in capitals, is short.
_VOICE_MAX_WORDS = 16


@dataclass(slots=True)
class Header:
    """The header stage's record: the document's own fields, where each was read, the
    warnings they raise, and what the rest of the parse needs (where the body starts and
    ends, the document's own place context). ``apply`` puts the fields on a ``Document``."""

    title_end: int = 0  # where the body starts
    body_end: int = 0  # where Nơi nhận / signature start
    context: PlaceContext = field(default_factory=PlaceContext)
    title_span: tuple[int, int] | None = None
    doc_type: str | None = None
    number: str | None = None
    number_raw: str | None = None
    date: str | None = None
    place: str | None = None
    title: str | None = None
    issuer: Issuer | None = None
    signer: Signer | None = None
    signers: list[Signer] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    year: int | None = None
    horizon: int | None = None
    spans: dict[str, Span] = field(default_factory=dict)
    warnings: list[Warning] = field(default_factory=list)

    def warn(self, code: str, message: str, span: Span | None = None) -> None:
        self.warnings.append(Warning(code, message, span))

    def apply(self, doc: Document) -> None:
        """The header's fields onto ``doc`` (its warnings after any it has)."""
        for name in ("doc_type", "number", "number_raw", "date", "place", "title", "issuer", "signer",
                     "year", "horizon"):
            setattr(doc, name, getattr(self, name))
        doc.signers = list(self.signers)
        doc.recipients = list(self.recipients)
        doc.spans.update(self.spans)
        doc.warnings.extend(self.warnings)


# --- reading one unit by its anchors -----------------------------------------------------------


@dataclass(slots=True)
class _Read:
    """What the header's units held: fields with their clean-string spans."""

    number: str | None = None
    number_raw: str | None = None
    number_span: Span | None = None
    blank_number: str | None = None
    place: str | None = None
    date: str | None = None
    date_span: Span | None = None
    vv_title: str | None = None
    vv_end: int | None = None
    vv_span: tuple[int, int] | None = None  # the trích yếu after ``V/v``: its citations are the title's
    issuer_lines: list[tuple[str, Span]] = field(default_factory=list)


def _is_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _date_at(s: str, pos: int) -> tuple[str, int] | None:
    """The ISO date of ``ngày ...`` at ``pos`` of a clean string, and where it ends."""
    dm = VERBAL_DATE.match(s, pos) or NUMERIC_DATE.match(s, pos + len("ngày "))
    if dm is not None:
        d = find_dates(s, dm.start(), dm.end())
        if d:
            return d[0].iso, dm.end()
    bm = _BLANK_DATE.match(s, pos)
    if bm is not None:
        return bm.group("y"), bm.end()
    return None


#: How many lines a Công văn's trích yếu under its number may wrap over.
_VV_MAX_LINES = 4


def _vv_stop(s: str, start: int) -> int:
    """Where a Công văn's trích yếu that opens at ``start`` ends in a header unit whose
    columns are unknown (the left column's lines, then the right one's): at the first line
    that is in capitals or holds an anchor of the right column (the Quốc hiệu, the motto,
    the place and date) or ``Kính gửi``, after at most a few lines; a line that goes on
    into the right column after a gap (``công chức năm 2025   CỘNG HÒA ...``, a pasted
    table) gives its words before the gap."""
    nl = s.find("\n", start)
    stop = len(s) if nl < 0 else nl
    # the right column's first anchor on the same line (a header flattened onto one line)
    anchors = [m.start() for k in ("quoc_hieu", "motto", "party_header", "kinh_gui")
               if (m := pattern("header", k).search(s, start, stop)) is not None]
    tab = s.find("\t", start, stop)
    if tab >= 0 or anchors:
        return min([x for x in (tab,) if x >= 0] + anchors)
    for _ in range(_VV_MAX_LINES - 1):
        if stop >= len(s):
            break
        nxt = s.find("\n", stop + 1)
        line_end = len(s) if nxt < 0 else nxt
        tab = s.find("\t", stop + 1, line_end)
        piece = s[stop + 1 : tab if tab >= 0 else line_end]
        if _is_caps(piece) or "ngày" in piece or any(
            pattern("header", k).search(piece) for k in ("quoc_hieu", "motto", "party_header", "kinh_gui")
        ):
            break
        if tab >= 0:
            return tab
        stop = line_end
    return stop


#: What a draft leaves where the number goes, before its code: blanks, a dotted or
#: underlined space (``Số: ......../QĐ-THPT``, ``Số: ____/KH``).
_BLANK_LEAD = regex.compile(r"[ \t]*(?:[.…_]+[ \t]*)?")


@cache
def _glued_quoc_hieu() -> regex.Pattern[str]:
    """The Quốc hiệu glued to the issuer's last word by a Word export's reading order
    (``HUYỆN PHÚ GIÁOCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM``): capitals only, no word boundary."""
    return regex.compile(alternation([w.upper() for w in words("header", "quoc_hieu")]))


#: An attachment's heading alone on its line (``data/lexicon/header.yaml`` ``appendix_heads``),
#: with its numeral if any.
_APPENDIX_HEAD = regex.compile(
    r"(?:" + alternation([w.upper() for w in words("header", "appendix_heads")]) + r")(?:\s+(?:SỐ\s+)?[\dIVXLC]+[a-z]?)?\.?"
)


def _may_hold_so(s: str) -> bool:
    """Whether ``_SO`` may match in ``s``: each of its forms holds ``Số``, ``SỐ`` or ``số``
    as written (the pattern is tried at every position of a unit: most units hold none)."""
    return "số" in s or "Số" in s or "SỐ" in s


def _read_unit(u: Unit, out: _Read, lay: Layout) -> None:
    s = u.clean.s
    taken: list[tuple[int, int]] = []
    for name in ("quoc_hieu", "motto", "party_header"):
        taken.extend(m.span() for m in pattern("header", name).finditer(s))
    taken.extend(m.span() for m in _glued_quoc_hieu().finditer(s))
    taken.extend(m.span() for m in _SEPARATOR.finditer(s))
    number_at = None
    if out.number is None and out.blank_number is None and u.column != "right" and _may_hold_so(s):
        for m in _SO.finditer(s):
            nm = NUMBER.match(s, m.end())
            if nm is not None:
                parts = parts_from_match(nm)
                out.number, out.number_raw = parts.normalized, nm.group(0)
                out.number_span = Span(*u.clean.span(nm.start(), nm.end()))
                taken.append((m.start(), nm.end()))
                number_at = m.start()
                ve = _VE.match(s, nm.end())
                if ve is None and u.column == "left":
                    # a Party letter's trích yếu has no ``V/v``: the sentence the left column
                    # goes on with under its number line (``Số 453-CV/TU`` / ``Tập trung, ...``)
                    ve = _UNDER_NUMBER.match(s, nm.end())
                if ve is not None and out.vv_title is None:
                    stop = len(s) if u.column is not None else _vv_stop(s, ve.end())
                    kg = pattern("header", "kinh_gui").search(s, ve.end(), stop)
                    if kg is not None:  # ``Kính gửi`` under the trích yếu in the same cell: no part of it
                        stop = kg.start()
                    # a left cell that holds the addressee line too ends its trích yếu there
                    kg = pattern("header", "kinh_gui").search(s, ve.end(), stop)
                    stop = kg.start() if kg is not None else stop
                    title = " ".join(s[ve.end():stop].split()).strip(" .;,")
                    if title:
                        out.vv_title = title
                        out.vv_span = u.clean.span(ve.end(), stop)
                        out.vv_end = out.vv_span[1]
                        taken.append((nm.end(), stop))
                break
            bm = BLANK_NUMBER.match(s, _BLANK_LEAD.match(s, m.end()).end())
            if bm is not None:
                out.blank_number = bm.group("raw")
                out.number_raw = bm.group("raw")
                out.number_span = Span(*u.clean.span(bm.start("raw"), bm.end("raw")))
                taken.append((m.start(), bm.end()))
                number_at = m.start()
                break
    if out.date is None and u.column != "left" and "ngày" in s:  # each pattern ends before "ngày"
        for rx in (_PLACE_DATE, _PLACE_DATE_LOOSE, _PLACE_DATE_BARE):
            for m in rx.finditer(s):
                got = _date_at(s, m.end())
                if got is None:
                    continue
                iso, stop = got
                out.place = canonical_place(" ".join(m.group("place").split()))
                out.date = iso
                out.date_span = Span(*u.clean.span(m.start("place"), stop))
                taken.append((m.start("place"), stop))
                break
            if out.date is not None:
                break
    if out.vv_title is None:
        vm = _VV.search(s) if "V/" in s else None
        if vm is not None:
            stop = len(s)
            for a, _b in sorted(taken):
                if a > vm.end():
                    stop = min(stop, a)
            for stopper in (pattern("header", "kinh_gui"), _TAB):
                sm = stopper.search(s, vm.end())
                if sm is not None:
                    stop = min(stop, sm.start())
            title = " ".join(s[vm.end():stop].split()).strip(" .;,")
            if title:
                out.vv_title = title
                out.vv_span = u.clean.span(vm.end(), stop)
                out.vv_end = out.vv_span[1]
            taken.append((vm.start(), len(s) if u.column is not None else stop))
    if u.column == "right":
        return
    # The rest, in capitals, before the number (a left cell) or anywhere (unknown columns).
    limit = number_at if (number_at is not None and u.column == "left") else len(s)
    taken.sort()
    pos = 0
    pieces: list[tuple[int, int]] = []
    for a, b in taken + [(len(s), len(s))]:
        if a > pos:
            pieces.append((pos, min(a, limit)))
        pos = max(pos, b)
    for a, b in pieces:
        if a >= b:
            continue
        for m in _LINE_PIECE.finditer(s[a:b]):
            frag = m.group(0).strip(" ,;:-–")
            if not frag or not _is_caps(frag) or pattern("header", "marks").fullmatch(frag.strip(" ()")):
                continue
            if _APPENDIX_HEAD.fullmatch(frag):
                continue  # "PHỤ LỤC", "PHỤ LỤC II": an attachment's heading, never part of a body's name
            if len(frag) > 160:
                continue
            i0 = a + m.start() + (len(m.group(0)) - len(m.group(0).lstrip(" ,;:-–")))
            span = Span(*u.clean.span(i0, i0 + len(frag)))
            if lay.type_span is not None and lay.type_span[0] <= span.start < lay.type_span[1]:
                continue  # the type line ("KẾ HOẠCH") in a unit of its own: no body's name
            out.issuer_lines.append((frag, span))


def _read_header_units(lay: Layout) -> _Read:
    out = _Read()
    units = lay.header.units
    for u in units:
        _read_unit(u, out, lay)
    return out


# --- title -------------------------------------------------------------------------------------


def _is_separator(text: str) -> bool:
    return not any(c.isalnum() for c in text)


def _looks_like_body(ln: Line) -> bool:
    t = ln.text
    return (
        len(t) > 350
        or outline_start(t, 0, len(t)) == 0
        or bool(_NOI_NHAN.match(t))
        or bool(_NOT_TITLE.match(t))
        or t.rstrip().endswith(":")
    )


def _whole_bold(text: str, ln: Line) -> bool:
    """The line is bold from end to end in the text (``**CHỦ TỊCH ...**``)."""
    raw = text[ln.start : ln.end].strip()
    return len(raw) > 4 and raw.startswith("**") and raw.endswith("**")


def _title(lay: Layout) -> tuple[str | None, int, tuple[int, int] | None]:
    """The trích yếu under the type line: its text, where it ends, and its span.

    The first non-empty line after the type line is the trích yếu unless it reads as body
    text. It continues over wrapped lines of the same case (an all-caps title wraps in
    caps), never past a blank line, a separator, the opening of the body, the line saying
    who decides (``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...``) or a bold line after plain ones."""
    from .text_case import sentence_case

    lines, view, text = lay.lines, lay.view, lay.text
    idx = lay.type_index
    collected: list[Line] = []
    if idx is None:
        if lay.type_span is None or lay.title_inline is None:
            return None, lay.type_span[1] if lay.type_span else lay.header.end, None
        # a flattened header: the title runs on after the type word, to "Căn cứ"/the body
        s = lay.title_inline
        m = _FLAT_TITLE_END.search(view, s, min(len(view), s + 600))
        e = m.start() if m else min(len(view), s + 300)
        e = _flat_voice_head(view, s, e)
        title = " ".join(view[s:e].split()).strip(" :")
        if title.isupper():
            title = sentence_case(title)
        return (title or None), e, (lay.type_span[0], e)
    j = idx + 1
    if lay.title_inline is not None:
        first = Line(lay.title_inline, lines[idx].end, view[lay.title_inline : lines[idx].end].strip())
        collected.append(first)
    else:
        blanks = 0
        while j < len(lines) and (not lines[j].text or _is_separator(lines[j].text)):
            blanks += 1
            j += 1
        if j >= len(lines) or blanks > 4 or _looks_like_body(lines[j]) or lines[j].start >= lay.body_end:
            return None, lines[idx].end, None
        nxt = j + 1
        if lines[j].is_caps and pattern("header", "organ_line").match(lines[j].text) and nxt < len(lines) \
                and lines[nxt].text and not lines[nxt].is_caps and not _looks_like_body(lines[nxt]):
            j = nxt  # ``CỦA BAN BÍ THƯ`` names the body; the trích yếu is under it
        collected.append(lines[j])
        j += 1
    caps = collected[0].is_caps
    bold = _whole_bold(text, collected[0])
    voice = pattern("header", "voice_heads")
    while j < len(lines) and len(collected) < _TITLE_MAX_LINES:
        ln = lines[j]
        if not ln.text or ln.bar or _is_separator(ln.text) or _looks_like_body(ln) or ln.start >= lay.body_end:
            break
        if caps != ln.is_caps or (_BODY_START.match(ln.text) and not ln.text[:1].islower()):
            break  # a line opening in lower case wraps the title ("... dạy học" / "trong thời gian ...")
        if caps and voice.match(ln.text) and (len(collected) >= 1):
            break
        if not bold and _whole_bold(text, ln) and len(collected) >= 1:
            break
        if not caps and (collected[-1].text.endswith((".", ":", ";")) or len(collected) >= 4):
            break
        collected.append(ln)
        j += 1
    title = " ".join(" ".join(c.text.split()) for c in collected).strip(" :")
    if caps:
        title = sentence_case(title)
    span = (lines[idx].start, collected[-1].end)
    return (title or None), collected[-1].end, span


@cache
def _continuation_words() -> frozenset[str]:
    """Words that cannot end a sentence or a title (``data/lexicon/wrap.yaml``)."""
    return frozenset(w.casefold() for w in words("wrap", "continuation_words"))


def _flat_voice_head(view: str, s: int, e: int) -> int:
    """Where a trích yếu in capitals, flattened, runs into the capitals of the line saying
    who decides (``... TỈNH QUẢNG TRỊ CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ``): at the
    first voice head (``data/lexicon/header.yaml`` ``voice_heads``) that closes the run
    within a few words and does not follow a word that cannot end a title (``CỦA HỘI ĐỒNG
    NHÂN DÂN ...`` is the title's own); ``e`` when there is none."""
    seg = view[s:e]
    if not seg.strip() or not _is_caps(seg):
        return e
    cont = _continuation_words()
    for m in pattern("header", "voice_heads").finditer(seg):
        before = seg[: m.start()].split()
        if len(before) < 2 or (m.start() > 0 and seg[m.start() - 1].isalpha()):
            continue
        if before[-1].casefold() in cont or len(seg[m.start():].split()) > _VOICE_MAX_WORDS:
            continue
        return s + m.start()
    return e


# --- signature and recipients --------------------------------------------------------------


def _unit_lines(u: Unit) -> list[tuple[str, int, int]]:
    """A unit's clean lines with their clean-string offsets."""
    out = []
    for m in _LINE_PIECE.finditer(u.clean.s):
        t = m.group(0).strip()
        if t:
            a = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            out.append((t, a, a + len(t)))
    return out




def _split_flat_signature(lines: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Lines of a signature written on one line cut into its parts: the capitals and the
    name after them; in the capitals, each authority mark opens a part and the title is
    the last part that opens like a title (``PHÓ GIÁM ĐỐC``). ``lines`` are ``(text, start,
    end)`` with ``end - start`` the text's length (``_unit_lines``)."""
    out: list[tuple[str, int, int]] = []
    for t, a, _b in lines:
        out.extend((pt, a + pa, a + pb) for pt, pa, pb in _line_parts(t))
    return out


@by_line
def _line_parts(t: str) -> tuple[tuple[str, int, int], ...]:
    """The parts of one line of a signature unit (``_split_flat_signature``), with their
    offsets in the line. (Remembered per line: an office signs its documents with the same
    lines.)"""
    a, b = 0, len(t)
    m = FLAT_SIGNATURE.match(t) if len(t) <= 160 and t[:1].isupper() and " " in t else None
    if (m is None or not is_person_line(m.group("name"))) and ("(" in t or "[" in t):
        # "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG (Đã ký) TS. HỒ ĐỨC PHỚC": after the seal note, the name
        m = SEALED_CAPS_SIGNATURE.match(t) if len(t) <= 160 and t[:1].isupper() else None
        if m is not None and not is_name_line(m.group("name")):
            m = None
    elif m is not None and not is_person_line(m.group("name")):
        m = None
    parts: list[tuple[str, int, int]] = []
    if m is not None and (authority_mark(m.group("caps")) or is_title_line(m.group("caps"))):
        parts.append((m.group("caps"), a, a + m.end("caps")))
        if m.group("seal"):
            parts.append((m.group("seal"), a + m.start("seal"), a + m.end("seal")))
        parts.append((m.group("name"), a + m.start("name"), b))
    else:
        parts.append((t, a, b))
    out: list[tuple[str, int, int]] = []
    for pt, pa, pb in parts:
        if pt.isupper() and len(pt.split()) > 2:
            out.extend(_split_caps(pt, pa))
        else:
            out.append((pt, pa, pb))
    return tuple(out)


def _split_caps(t: str, a: int) -> list[tuple[str, int, int]]:
    """``TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH`` → ``TM. ỦY BAN NHÂN DÂN``,
    ``KT. CHỦ TỊCH``, ``PHÓ CHỦ TỊCH``: each mark opens a part, and the title begins at the
    first word after the last mark's own object (one word at least, a body complete in
    itself whole: ``TM. BAN THƯỜNG TRỰC ỦY BAN MTTQ ... CHỦ TỊCH``, where ``THƯỜNG TRỰC``
    is the body's, not a title) from which the rest reads as a title. A line with no mark
    stays whole."""
    if not authority_mark(t):
        return [(t, a, a + len(t))]
    cuts = [m.start() for m in _INNER_MARK.finditer(t)]
    last = cuts[-1] if cuts else 0
    mark = authority_mark(t[last:])
    at = last + (mark.end() if mark else 0)
    at += len(t[at:]) - len(t[at:].lstrip(" ."))
    whole = pattern("header", "standalone_bodies").match(t, at)
    obj = list(_WORD.finditer(t, pos=at))
    for w in obj[1:]:
        if whole is not None and w.start() < whole.end():
            continue
        if is_title_line(t[w.start():]):
            cuts.append(w.start())
            break
    bounds = [0, *sorted(set(cuts)), len(t)]
    out = []
    for x, y in zip(bounds, bounds[1:]):
        piece = t[x:y].strip()
        if piece:
            out.append((piece, a + x, a + x + len(piece)))
    return out


def _signers_in(u: Unit) -> tuple[list[Signer], Signer | None]:
    """The signature blocks in one unit's lines: those that reach a name, in order, and
    the first that reaches none (a block whose name is missing) as a fallback.

    Authority lines, the title in capitals, the name. Between the first authority mark and
    the name every line in capitals is authority or title: the last of them is the title,
    and a line that opens with no mark continues the authority line above it (``KT.
    TRƯỞNG BAN BAN CHÍNH SÁCH,`` / ``THUẾ QUỐC TẾ``). Seal lines (``(Đã ký)``, a digital
    signature's stamp) are passed over. A name in capitals is the signer only as the
    block's last line, right under its title. After a name, another mark opens the next
    block (a joint document signed by two bodies, their blocks one under the other)."""
    lines = _split_flat_signature(_unit_lines(u))
    starts = [k for k, (t, _a, _b) in enumerate(lines) if authority_mark(t) or is_title_line(t) or is_plain_title_line(t)]
    named: list[Signer] = []
    first: Signer | None = None
    done = -1
    for start in starts:
        if start <= done:
            continue
        # capitals that only look like a mark (a recipient "Cục KT VB ...") open no block
        # that reaches a name: the next mark is tried
        sg = _signer_from(lines, start, u)
        if sg is not None and sg.name is not None:
            named.append(sg)
            done = _last_line(lines, u, sg)
        elif first is None:
            first = sg
    return named, first


def _last_line(lines: list[tuple[str, int, int]], u: Unit, sg: Signer) -> int:
    """The index of the last of ``lines`` inside the signer's span."""
    end = sg.span.end if sg.span is not None else 0
    inside = [k for k, (_t, a, b) in enumerate(lines) if u.clean.span(a, b)[1] <= end]
    return max(inside) if inside else -1


def _whole_line(s: str, at: int) -> str:
    """The line of clean string ``s`` holding position ``at`` (all its pieces)."""
    a = s.rfind("\n", 0, at) + 1
    b = s.find("\n", at)
    return s[a : len(s) if b < 0 else b].strip()


def _signer_from(lines: list[tuple[str, int, int]], start: int, u: Unit) -> Signer | None:
    """The signature block opening at ``lines[start]`` (see ``_signers_in``)."""
    block: list[str] = []
    name: str | None = None
    span_start = lines[start][1]
    span_end = lines[start][2]
    stamp = stamp_lines([t for t, _a, _b in lines])
    in_list = False
    for k, (t, a, b) in enumerate(lines[start:], start):
        if k in stamp:
            span_end = b  # an e-signature's stamp between the title and the name
            continue
        if _NOI_NHAN.match(t) or t.startswith(("-", "+", "•")):
            if not block or u.column is not None:
                break
            # the columns flattened: the block shares its lines with the recipients list
            # (``Nơi nhận:   PHÓ GIÁM ĐỐC``) and its name stands under the list
            in_list = True
            continue
        if in_list and not is_person_line(t) and (t[:1].islower() or t.rstrip().endswith((";", ".", ","))):
            continue  # a recipient wrapped onto the next line
        whole = _whole_line(u.clean.s, a)
        label = whole.split("\t", 1)[0].strip()
        if "\t" in whole and label != t and seal_line(label) and not label.startswith(("(", "[")):
            span_end = b  # a stamp's value parted from its label by a gap: "Ký bởi:   Cục Thuế"
            continue
        t = name_beside_seal_note(t) or t  # "Trần Văn Dũng (đã ký)" in a copy
        if is_person_line(t):
            name = strip_honorific(t)
            span_end = b
            # a name wrapped before its last word: "Nguyễn Quỳnh" / "Thiện" closing the cell
            tail = lines[k + 1] if k + 1 < len(lines) else None
            if tail is not None and len(tail[0].split()) <= 2 and is_person_line(f"{t} {tail[0]}") \
                    and len(f"{t} {tail[0]}".split()) <= 6 and (k + 2 >= len(lines) or not is_person_line(lines[k + 2][0])) \
                    and (k + 2 >= len(lines) or u.column is not None):
                name = strip_honorific(f"{t} {tail[0]}")
                span_end = tail[2]
            break
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        if nxt is not None and len(t.split()) == 1 and t[:1].isupper() and not t.isupper() \
                and is_person_line(f"{t} {nxt[0]}"):
            name = strip_honorific(f"{t} {nxt[0]}")  # a name wrapped after its first word
            span_end = nxt[2]
            break
        if seal_line(t):
            span_end = b
            continue
        if k == start and is_plain_title_line(t):
            block.append(t)  # "Hiệu trưởng": the title, written as a sentence
            span_end = b
            continue
        if block and not any(c.isalpha() for c in t):
            continue  # no word (a page's number, a scan's speck between the title and the name)
        if not t.isupper():
            if block:
                break
            continue
        if block and not authority_mark(t) and caps_name_shape(t) and closes_with_caps_name([*block, t]):
            later = next((x for x, _a2, _b2 in lines[k + 1 :] if not seal_line(x)), None)
            if later is None or not (authority_mark(later) or is_title_line(later)):
                # the name in capitals closes the block; what follows (an annex's heading in
                # a flattened text) is none of it
                name = " ".join(w[:1] + w[1:].lower() for w in strip_honorific(t).split())
                span_end = b
                break
        block.append(t)
        span_end = b
    authorities: list[str] = []
    rest: list[str] = []
    for t in block:
        if authority_mark(t):
            authorities.extend(rest)
            rest = []
            authorities.append(t)
        elif rest and not is_title_line(rest[-1]) and is_title_line(f"{rest[-1]} {t}"):
            rest[-1] = f"{rest[-1]} {t}"  # a title wrapped: "PHÓ CHỦ" / "TỊCH"
        else:
            rest.append(t)
    title: str | None = None
    if rest:
        title = rest[-1]
        extra = rest[:-1]
        if extra:
            if authorities:
                authorities[-1] = " ".join([authorities[-1], *extra])
            else:
                title = " ".join(rest)
    # an authority line wrapped onto the next: join the pieces that open with no mark
    joined_auth: list[str] = []
    for a_ in authorities:
        if joined_auth and not authority_mark(a_):
            joined_auth[-1] = f"{joined_auth[-1]} {a_}"
        else:
            joined_auth.append(a_)
    if name is None and title is None and len(joined_auth) <= 1:
        return None
    return Signer(name=name, authority=" / ".join(" ".join(x.split()) for x in joined_auth) or None,
                  title=" ".join(title.split()) if title else None,
                  span=Span(*u.clean.span(span_start, span_end)))


def _find_signers(lay: Layout) -> list[Signer]:
    """Every signer of the document in reading order (a joint document has two blocks,
    side by side or one under the other); when no block reaches a name, the first block
    read, so that its authority and title are kept."""
    if lay.signature is None:
        return []
    named: list[Signer] = []
    fallback: Signer | None = None
    for u in lay.signature.units:
        got, first = _signers_in(u)
        named.extend(got)
        fallback = fallback or first
    return named or ([fallback] if fallback is not None else [])


def _beside_list(t: str, a: int, u: Unit, lines: list[tuple[str, int, int]], k: int) -> bool:
    """A piece of the signature block among the recipients in a text whose columns were
    flattened: capitals, a mark or a seal sharing its line with an item (``Nơi nhận:   CHỦ
    TỊCH``), or the name on a line of its own with the list going on under it."""
    if t.isupper() or authority_mark(t) or seal_line(t):
        return _whole_line(u.clean.s, a) != t
    return is_person_line(t) and k + 1 < len(lines) and lines[k + 1][0].startswith(("-", "+", "•"))


def _find_recipients(lay: Layout) -> list[str]:
    if lay.signature is None:
        return []
    for u in lay.signature.units:
        lines = _unit_lines(u)
        head = next((k for k, (t, _a, _b) in enumerate(lines) if _NOI_NHAN.match(t)), None)
        if head is None:
            continue
        items: list[str] = []
        after = _NOI_NHAN.sub("", lines[head][0]).strip()
        pending_dash = False
        if after.startswith(("-", "+", "•")):
            content = after.lstrip("-+• ").strip()
            if content:
                items.append(content)
            else:
                pending_dash = True
        stamp = stamp_lines([t for t, _a, _b in lines])
        for k in range(head + 1, len(lines)):
            t, a, _b = lines[k]
            if t in ("-", "+", "•"):
                pending_dash = True
                continue
            if k in stamp or (u.column is None and _beside_list(t, a, u, lines, k)):
                continue
            if t.startswith(("-", "+", "•")) or pending_dash:
                content = t.lstrip("-+• ").strip()
                if items and content[:1].islower() and not items[-1].rstrip().endswith((";", ".")):
                    items[-1] = items[-1] + " " + content
                else:
                    items.append(content)
                pending_dash = False
            elif items and t[:1].islower() and not items[-1].rstrip().endswith((";", ".")):
                items[-1] = items[-1] + " " + t
            elif items and not items[-1].rstrip().endswith((";", ".")) and not authority_mark(t) and not t.isupper() and len(t) < 80:
                items[-1] = items[-1] + " " + t
            else:
                break
            if items and items[-1].lower().startswith("lưu") and items[-1].rstrip().endswith("."):
                break
        split: list[str] = []
        for i in items:  # a list written on one line: "- Như Điều 3; - UBND tỉnh (b/c); - Lưu: VT."
            split.extend(_ITEM_SPLIT.split(i))
        return [" ".join(i.split()).rstrip(";,") for i in split if i.strip(" ;.,")]
    return []


# --- year and horizon ------------------------------------------------------------------------


def _year_and_horizon(rec: Header) -> None:
    if rec.date:
        rec.year = int(rec.date[:4])
    if rec.title:
        h = _HORIZON.search(rec.title)
        if h:
            rec.horizon = int(h.group("y"))
        if rec.year is None:
            y = _YEAR_FOR.search(rec.title)
            if y and not (h and h.start() <= y.start() < h.end()):
                rec.year = int(y.group("y"))
    if rec.horizon is None and rec.year and rec.title and rec.doc_type in ("Kế hoạch", "Chương trình"):
        y = _YEAR_FOR.search(rec.title)
        if y and int(y.group("y")) == rec.year:
            rec.horizon = rec.year


# --- the header as a whole ---------------------------------------------------------------------


#: Local bodies whose header name needs its unit (``UBND`` alone names no body).
_BARE_LOCAL = frozenset({"UBND", "HĐND"})


#: How many lines under the title the authority line (``ỦY BAN NHÂN DÂN TỈNH X``) may stand.
_AUTHORITY_REACH = 4
_AUTHORITY_TITLE = regex.compile(r"^(?:CHỦ\s+TỊCH|THƯỜNG\s+TRỰC)\s+")


def _authority_issuer(lay: Layout, start: int, bare: str) -> Issuer | None:
    """The issuing authority's line under a Quyết định's or Nghị quyết's title (``ỦY BAN NHÂN
    DÂN THÀNH PHỐ HÀ NỘI``, ``CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH``, ``HỘI ĐỒNG NHÂN DÂN
    TỈNH HÀ GIANG``), read as the body ``bare`` names, when it names it with its unit."""
    seen = 0
    for ln in lay.lines[bisect_left([x.start for x in lay.lines], start):]:
        if not ln.text:
            continue
        seen += 1
        if seen > _AUTHORITY_REACH or ln.start >= lay.body_end:
            break
        if not ln.is_caps:
            continue
        line = _AUTHORITY_TITLE.sub("", " ".join(ln.text.split()))
        cand = compose_header_issuer([line], PlaceContext())
        if cand is not None and cand.place and cand.parent is None and cand.name.startswith(bare + " "):
            cand.span = Span(ln.start, ln.end)
            return cand
    return None


_ON_BEHALF = regex.compile(r"^T/?M\.?\s+(?P<body>[^/]+?)\s*(?:/|$)")


def _organ_for(issuer: Issuer, signer: Signer) -> Issuer:
    """The Party's central committee heads the documents of its organs too (Hướng dẫn
    36-HD/VPTW: ``BAN CHẤP HÀNH TRUNG ƯƠNG`` over ``Số 06-HD/TW``); the signature's
    ``T/M BAN BÍ THƯ`` says which organ issued it: that organ, the committee its parent.
    The organs are ``header.yaml`` ``central_party_organs``; any other collective signing
    ``T/M`` (a Tỉnh ủy's Ban Thường vụ) leaves the header's body the issuer."""
    m = _ON_BEHALF.match(signer.authority or "")
    if m is None or issuer.level != "party-central" or issuer.parent is not None:
        return issuer
    organ = pattern("header", "central_party_organs").fullmatch(" ".join(m.group("body").split()))
    if organ is None or fold_key(organ.group(0)) in fold_key(issuer.name):
        return issuer
    return Issuer(name_case(organ.group(0)), "party-central", span=issuer.span, parent=issuer)


#: How many lines above the signature zone a closing place and date may stand.
_CLOSING_DATE_REACH = 3


def _closing_date(lay: Layout) -> tuple[str, str, Span] | None:
    """The place and date written at the end, above the signature, where the header has
    none (a school's notice: ``Tân Thành, ngày 28 tháng 02 năm 2020`` / ``HIỆU TRƯỞNG``):
    a line that is that and nothing else, among the last lines of the body or in the
    signature zone."""
    if lay.signature is None:
        return None
    end = lay.line_index(lay.signature.end) if lay.signature.end < len(lay.view) else len(lay.lines)
    first = lay.line_index(lay.body_end)
    body = [ln for ln in lay.lines[:first] if ln.text][-_CLOSING_DATE_REACH:]
    for ln in body + [ln for ln in lay.lines[first:end] if ln.text]:
        m = _PLACE_DATE_LOOSE.match(ln.text)  # "Tân Thành, ngày": a place in capitals, its comma
        if m is None:
            continue
        got = _date_at(ln.text, m.end())
        if got is None or ln.text[got[1]:].strip(" .,"):
            continue
        return canonical_place(" ".join(m.group("place").split())), got[0], Span(ln.start + m.start("place"), ln.start + got[1])
    return None


def extract_header(lay: Layout, exclude: list[tuple[int, int]] | None = None) -> Header:
    """The header stage: the document's own fields read from the layout, as one record.
    ``exclude`` are the spans of citations: nothing of the document's own identity is taken
    from inside them.

    >>> from danvan_cli.text import build_layout, normalize_text
    >>> from danvan_cli.extract import extract_header, find_citations
    >>> layout = build_layout(normalize_text("ỦY BAN NHÂN DÂN\\nTỈNH HẢI DƯƠNG\\nSố: 12/KH-UBND\\n"
    ...     "Hải Dương, ngày 5 tháng 3 năm 2024\\n\\nKẾ HOẠCH\\nTriển khai Chỉ thị số 05-CT/TW của Bộ Chính trị"))
    >>> header = extract_header(layout, [c.extent for c in find_citations(layout)])
    >>> header.doc_type, header.number, header.date, header.issuer.name
    ('Kế hoạch', '12/KH-UBND', '2024-03-05', 'UBND tỉnh Hải Dương')
    >>> header.title
    'Triển khai Chỉ thị số 05-CT/TW của Bộ Chính trị'
    """
    exclude = exclude or []
    view = lay.view
    header = Header(body_end=lay.body_end)
    read = _read_header_units(lay)
    header.doc_type = lay.doc_type
    if read.number is not None:
        header.number, header.number_raw = read.number, read.number_raw
    elif read.blank_number is not None and lay.form == "ocr":
        # On a scan a blank is where the number was written in ink or stamped after printing:
        # OCR leaves ink out, and a number is read or it is not, never guessed.
        header.number_raw = read.blank_number
        header.warn("ink-not-read", N_("the scan's own number was not read ('Số: {blank}'): written in ink or "
                                       "stamped after printing (OCR leaves ink out), or left blank; read it on the "
                                       "page").format(blank=read.blank_number), read.number_span)
    elif read.blank_number is not None:
        header.number_raw = read.blank_number
        header.warn("blank-own-number",
                 N_("the document's own number is left blank ('Số: {blank}'): a draft or unsent copy").format(
                     blank=read.blank_number),
                 read.number_span)
    header.place, header.date = read.place, read.date
    if read.date is None:
        closing = _closing_date(lay)
        if closing is not None:
            header.place, header.date, read.date_span = closing
    if lay.form == "ocr" and header.date is not None and len(header.date) == 7:
        header.warn("ink-not-read", N_("the scan's date has no day ({date}): written in ink or stamped after "
                                       "printing (OCR leaves ink out), or left blank; read it on the page").format(
                                           date=header.date), read.date_span)
    if read.number_span is not None:
        header.spans["number"] = read.number_span
    if read.date_span is not None:
        header.spans["date"] = read.date_span
    if lay.type_span is not None:
        header.spans["doc_type"] = Span(*lay.type_span)

    header.title_end = lay.header.end
    if lay.type_span is not None:
        header.title, header.title_end, header.title_span = _title(lay)
    elif read.vv_title is not None:
        header.doc_type = "Công văn"
        header.title = read.vv_title
        header.title_span = read.vv_span
        header.title_end = max(read.vv_end or 0, lay.header.end)
    else:
        # Not an administrative document (a news report...): its headline is its title;
        # its citations are read from the top (the body starts where the text does).
        first = next((ln for ln in lay.lines if ln.text), None)
        if first is not None and not pattern("header", "quoc_hieu").search(first.text) and not first.is_caps \
                and len(first.text) < 200 and not first.text.rstrip().endswith((".", ";", ":", ",")) \
                and read.number is None and read.date is None:
            header.title = " ".join(first.text.split())
        header.title_end = lay.start
    if header.doc_type is None and read.number is not None and read.date is not None:
        # A site that dropped the type line (pipe rows of hethongphapluat, dulieuphapluat)
        # still shows ``Số: 130/KH-UBND`` beside the place and date: the number's type code
        # names the type (Nghị định 30/2020/NĐ-CP Phụ lục III), and the header is there.
        parts = parse_number(header.number or "")
        if parts is not None and parts.type_name is not None:
            header.doc_type = parts.type_name
            header.title_end = max(lay.header.end, read.date_span.end if read.date_span else 0)
            # With no type line to end the header, the zone runs on into the title and the
            # authority lines; the issuing body is the left cell's, above its ``Số:``.
            if read.number_span is not None:
                cut = read.number_span.start
                read.issuer_lines = [(t, sp) for t, sp in read.issuer_lines if sp.start < cut]
                header.title_end = min(header.title_end, read.date_span.end if read.date_span else cut)
    if header.doc_type is None:
        header.title_end = lay.start
        return header

    if header.title_span is not None:
        header.spans["title"] = Span(*header.title_span)
    header.recipients = _find_recipients(lay)
    header.signers = _find_signers(lay)
    header.signer = header.signers[0] if header.signers else None
    if header.signer is not None and header.signer.name is None:
        lines = " / ".join(x for x in (header.signer.authority, header.signer.title) if x)
        header.warn("signer-name-not-in-text",
                    N_("the signature block ({lines}) names no signer in the text: the name is only in the signature's "
                       "image or left out; signer.name is null").format(lines=lines), header.signer.span)

    ctx = PlaceContext()
    issuer = compose_header_issuer([t for t, _s in read.issuer_lines], ctx) if read.issuer_lines else None
    if issuer is not None and read.issuer_lines:
        issuer.span = Span(read.issuer_lines[0][1].start, read.issuer_lines[-1][1].end)
    if issuer is None:
        issuer = infer_issuer(view, header.title_end, header.body_end, VoiceContext(header.place, exclude))
    elif issuer.place is None and issuer.level is None and issuer.parent is None and issuer.name in _BARE_LOCAL:
        # The left cell kept only ``ỦY BAN NHÂN DÂN`` / ``HỘI ĐỒNG NHÂN DÂN`` (a pipe row cut
        # the unit's line off): the text's own voice under the title names the same body with
        # its unit (``ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ``, ``UBND tỉnh ban hành``).
        voiced = _authority_issuer(lay, header.title_end, issuer.name) or \
            infer_issuer(view, header.title_end, header.body_end, VoiceContext(header.place, exclude))
        if voiced is not None and voiced.place and voiced.name.startswith(issuer.name + " "):
            voiced.span, voiced.inferred = issuer.span, False
            issuer = voiced
    if issuer is not None and header.signer is not None:
        issuer = _organ_for(issuer, header.signer)
    if issuer is not None:
        issuer = seated(issuer, header.place)
    if issuer is not None and issuer.place and issuer.province is None:
        issuer.province = disambiguate_province(issuer, header.date, view)
    header.issuer = issuer
    header.context = ctx
    if issuer is not None:
        fill_context(header.context, issuer)
        if issuer.province is None and header.context.province is not None:
            issuer.province = header.context.province.name
    elif header.place:
        header.context = context_from_place(header.place)
    _year_and_horizon(header)
    return header
