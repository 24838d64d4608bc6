"""The document's own header: type, number, place and date, title, issuer, signer, recipients.

Layout (Nghị định 30/2020/NĐ-CP, Hướng dẫn 36-HD/VPTW): the issuing body top left
(its parent above it), the Quốc hiệu (or ``ĐẢNG CỘNG SẢN VIỆT NAM``) top right, then
``Số:``, ``Place, ngày .. tháng .. năm ..``, the type in capitals and the trích yếu
under it. Exported text flattens the two columns into lines in any order, or into one
line with ``|`` or tabs: the header block is therefore read as a bag of cells.
At the end: ``Nơi nhận:`` with ``- ...;`` items, and the signature (``TM.``, ``KT.``,
``Q.``, ``TL.``, ``TUQ.``, the title, the name), in either order.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache

import regex

from ..model import Document, Issuer, Signer, Span
from ..refdata import type_words
from ..resolve.issuers import (
    PlaceContext,
    PlaceUnit,
    canonical_place,
    make_unit,
    org_case,
    province_of,
    resolve_issuer,
)
from ..text.normalize import fold_key
from .dates import NUMERIC_DATE, VERBAL_DATE, find_dates
from .numbers import BLANK_NUMBER, NUMBER, parts_from_match

#: How far into a text the header may reach.
HEADER_LIMIT = 6000
HEADER_LINES = 40

_LINE = regex.compile(r"[^\n]*")
_QUOC_HIEU = regex.compile(
    r"(?i)cộng\s+hòa\s+xã\s+hội\s+chủ\s+nghĩa\s+việt\s+nam|độc\s+lập\s*[-–]\s*tự\s+do\s*[-–]\s*hạnh\s+phúc|đảng\s+cộng\s+sản\s+việt\s+nam"
)
_SO = regex.compile(r"(?i)(?<!\p{L})số\s{0,3}:?[ \t]{0,40}")
_PLACE_DATE = regex.compile(
    r"(?P<place>\p{Lu}(?:[\p{L}\p{M}.'\d]|[ ](?=\S)){0,40}?)\s{0,3},\s{0,3}(?=ngày(?:\s|$))", regex.I
)
_VV = regex.compile(r"(?im)^[ \t]*V/v[ \t:.]*(?P<title>[^\n]+)")
_KINH_GUI = regex.compile(r"(?im)^[ \t]*Kính\s+gửi\s*:")
_OUTLINE_START = regex.compile(
    r"(?m)^[ \t]*(?:(?:PHẦN|Phần|CHƯƠNG|Chương|Mục|MỤC)\s+[IVXLC\d]+|Điều\s+\d+\s*\.|[IVXLC]{1,6}\s*[.)]|\d{1,2}\s*[.)]\s|[a-zđ]\)\s)"
)
_NOI_NHAN = regex.compile(r"(?im)^[ \t]*Nơi\s+nhận\s*:?")
# State style "TM.", "KT.", "Q.", "TL.", "TUQ."; Party style "T/M", "K/T", "T/L" (Hướng dẫn 36-HD/VPTW).
_AUTHORITY = regex.compile(r"^(?:(?:TM|KT|Q|TL|TUQ)\s?\.|(?:T/M|K/T|T/L|T/U/Q)(?=\s))\s*\S")
_BODY_START = regex.compile(
    r"(?i)^(?:thực\s+hiện|triển\s+khai|căn\s+cứ|để|nhằm|trong|thời\s+gian|qua|ngày\s+\d|theo|tiếp\s+tục|thi\s+hành|xét)\b"
)
_YEAR_FOR = regex.compile(r"(?i)(?<!\p{L})năm\s+(?P<y>(?:19|20)\d{2})(?!\s*[-–]\s*\d)")
_HORIZON = regex.compile(
    r"(?i)(?:đến\s+năm|tới\s+năm|giai\s+đoạn\s+(?:19|20)\d{2}\s*[-–]\s*|thời\s+kỳ\s+(?:19|20)\d{2}\s*[-–]\s*)\s*(?P<y>(?:19|20)\d{2})(?!\d)"
)
_NAME_LINE = regex.compile(r"^\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,5}$")
_CELL = regex.compile(r"[^\t]+?(?=\t|\s{3,}|$)")
_CELL_GAP_END = regex.compile(r"(?:\t|\s{3,})$")
_NOT_TITLE = regex.compile(r"(?i)căn\s+cứ|kính\s+gửi")
_DANG_BO = regex.compile(r"(?i)^đảng\s+bộ\s+")
_NOI_NHAN_HEAD = regex.compile(r"(?i)^\s*Nơi\s+nhận\s*:?\s*")
_NGAY_WORD = regex.compile(r"(?i)(?<!\p{L})ngày(?:\s|$)")


@dataclass(slots=True)
class Line:
    start: int
    end: int
    text: str  # from the matching view, stripped

    @property
    def is_caps(self) -> bool:
        """Every letter a capital (digits and punctuation aside), and at least one letter."""
        return self.text.isupper()


@dataclass(slots=True)
class Header:
    """What the header tells the rest of the parser."""

    title_end: int = 0  # where the body starts
    body_end: int = 0  # where Nơi nhận / signature start
    context: PlaceContext = field(default_factory=PlaceContext)
    own_kind: str | None = None  # "UBND", "Thành ủy", ...
    title_span: tuple[int, int] | None = None


def lines_of(view: str, start: int = 0, end: int | None = None) -> list[Line]:
    end = len(view) if end is None else end
    out = []
    pos = start
    while pos <= end:
        nl = view.find("\n", pos, end)
        stop = end if nl < 0 else nl
        raw = view[pos:stop]
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _cells(line: Line) -> list[Line]:
    """Split a flattened two-column header line on tabs or runs of spaces."""
    parts = []
    for m in _CELL.finditer(line.text):
        t = m.group(0).strip()
        if t:
            off = line.start + m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            parts.append(Line(off, off + len(t), t))
    return parts or [line]


def _caps_type_line(line: Line) -> tuple[str, int] | None:
    """``CHỈ THỊ`` / ``KẾ HOẠCH Triển khai ...``: the type name, and where the rest starts."""
    text = line.text
    if not text or not text.split(None, 1)[0].isupper():
        return None  # a type line opens with a word in capitals: most lines are out at once
    spellings = _type_spellings()
    words = text.split()
    for k in range(min(4, len(words)), 0, -1):
        spelling = " ".join(words[: k - 1] + [words[k - 1].rstrip(":")])
        name = spellings.get(spelling)
        if name is None or not text.startswith(spelling):
            continue
        n = len(spelling)
        if len(text) == n or (text[n] in " \t:" and not text[n:].strip().startswith(("SỐ", "Số", "số"))):
            rest = text[n:].lstrip(" \t:")
            if rest and rest.isupper() and len(rest.split()) <= 2:
                return None  # "KẾ HOẠCH HÀNH ĐỘNG"? too short to be a title: not a type line
            return name, line.start + (len(text) - len(rest)) if rest else line.end
    return None


@cache
def _type_spellings() -> dict[str, str]:
    """Type names in capitals (``KẾ HOẠCH``) -> canonical name."""
    return {w.upper(): name for w, name in type_words().items()}


def _sentence_case(title: str) -> str:
    """An all-caps trích yếu in sentence case, place names restored from the data."""
    low = title.lower()
    low = low[:1].upper() + low[1:]

    def restore(m: regex.Match[str]) -> str:
        words = m.group("rest").split(" ")
        for k in range(min(4, len(words)), 0, -1):
            cand = " ".join(words[:k])
            fixed = canonical_place(cand)
            if fixed != cand and fixed.lower() == cand.lower():
                return m.group("unit") + " " + " ".join([fixed] + words[k:])
        return m.group(0)

    low = regex.sub(
        r"(?P<unit>(?<!\p{L})(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn))\s(?P<rest>(?:\p{L}+ ?){1,4})",
        restore,
        low,
    )
    for fixed in ("Việt Nam", "Hồ Chí Minh", "Đảng Cộng sản", "Quốc hội", "Chính phủ", "Thủ tướng"):
        low = regex.sub(rf"(?<!\p{{L}}){regex.escape(fixed.lower())}(?!\p{{L}})", fixed, low)
    return low[:1].upper() + low[1:]


def _header_zone(lines: list[Line], type_idx: int | None) -> list[Line]:
    if type_idx is not None:
        return [ln for ln in lines[:type_idx] if ln.text]
    zone = []
    for ln in lines[:15]:
        if len(ln.text) > 160:
            break
        if ln.text:
            zone.append(ln)
    return zone


def _is_separator(text: str) -> bool:
    return not any(c.isalnum() for c in text)


def _find_number(view: str, zone: list[Line], doc: Document) -> None:
    for ln in zone:
        for m in _SO.finditer(view, ln.start, ln.end):
            before = view[ln.start : m.start()]
            if before.strip() and not _CELL_GAP_END.search(before):
                continue
            nm = NUMBER.match(view, m.end(), ln.end)
            if nm is not None:
                parts = parts_from_match(nm)
                doc.number = parts.normalized
                doc.number_raw = nm.group(0)
                return
            bm = BLANK_NUMBER.match(view, m.end(), ln.end)
            if bm is not None:
                doc.number = None
                doc.number_raw = bm.group("raw")
                doc.warn("blank-own-number", f"the document's own number is left blank ('Số: {bm.group('raw')}'): a draft or unsent copy", Span(bm.start("raw"), bm.end("raw")))
                return


_BLANK_DATE = regex.compile(r"(?i)ngày\s{0,40}tháng\s{0,40}năm\s{1,10}(?P<y>(?:19|20)\d{2})(?!\d)")


def _find_place_date(view: str, text: str, zone: list[Line], doc: Document) -> None:
    for ln in zone:
        for m in _PLACE_DATE.finditer(view, ln.start, ln.end):
            before = view[ln.start : m.start()]
            if before.strip() and not _CELL_GAP_END.search(before):
                continue
            after = m.end()
            dm = VERBAL_DATE.match(view, after) or NUMERIC_DATE.match(view, after + len("ngày "))
            iso = None
            if dm is not None:
                d = find_dates(view, dm.start(), dm.end())
                iso = d[0].iso if d else None
            else:
                bm = _BLANK_DATE.match(view, after)
                if bm is not None:
                    iso = bm.group("y")
            if iso is None:
                continue
            place = " ".join(text[m.start("place") : m.end("place")].split())
            doc.place = place
            doc.date = iso
            return


def _looks_like_body(text: str) -> bool:
    return (
        len(text) > 350
        or bool(_OUTLINE_START.match(text))
        or bool(_NOI_NHAN.match(text))
        or bool(_NOT_TITLE.match(text))
        or text.rstrip().endswith(":")
    )


def _title_from(lines: list[Line], idx: int, view: str, first_start: int | None) -> tuple[str | None, int]:
    """Join the trích yếu lines under the type line; return it and where it ends.

    The first non-empty line after the type line is the trích yếu unless it reads as
    body text. It continues over wrapped lines of the same case (an all-caps title
    wraps in caps), never past a blank line, a separator or the opening of the body."""
    collected: list[Line] = []
    if first_start is not None:
        collected.append(Line(first_start, lines[idx].end, view[first_start : lines[idx].end].strip()))
        j = idx + 1
    else:
        j = idx + 1
        blanks = 0
        while j < len(lines) and (not lines[j].text or _is_separator(lines[j].text)):
            blanks += 1
            j += 1
        if j >= len(lines) or blanks > 4 or _looks_like_body(lines[j].text):
            return None, lines[idx].end
        collected.append(lines[j])
        j += 1
    caps = collected[0].is_caps
    while j < len(lines) and len(collected) < 6:
        ln = lines[j]
        if not ln.text or _is_separator(ln.text) or _looks_like_body(ln.text):
            break
        if caps != ln.is_caps or _BODY_START.match(ln.text):
            break
        if not caps and (collected[-1].text.endswith((".", ":", ";")) or len(collected) >= 4):
            break
        collected.append(ln)
        j += 1
    title = " ".join(" ".join(c.text.split()) for c in collected).strip(" :")
    if caps:
        title = _sentence_case(title)
    return (title or None), collected[-1].end


_VV_STOP = regex.compile(r"(?i)^(?:kính\s+gửi|số\b|độc\s+lập|cộng\s+hòa|\p{Lu}[\p{L} .]{0,40},\s*ngày\b)")


def _vv_title(view: str, lines: list[Line], vv: regex.Match[str]) -> tuple[str, int]:
    """The trích yếu after ``V/v``: its own cell (a date may stand beside it in the other
    column), continued on the next lines' first cells until the Quốc hiệu, a date line
    or ``Kính gửi``."""
    first_line = next(ln for ln in lines if ln.start <= vv.start("title") <= ln.end)
    head = Line(vv.start("title"), first_line.end, view[vv.start("title") : first_line.end].strip())
    parts = [_cells(head)[0]]
    idx = lines.index(first_line) + 1
    while idx < len(lines) and len(parts) < 4:
        ln = lines[idx]
        if not ln.text or _is_separator(ln.text):
            break
        cell = _cells(ln)[0]
        if _VV_STOP.match(cell.text) or cell.is_caps or _QUOC_HIEU.search(cell.text):
            break
        parts.append(cell)
        idx += 1
    title = " ".join(" ".join(p.text.split()) for p in parts).strip()
    return title, parts[-1].end


def _compose_header_issuer(cells: list[str], parent_ctx: PlaceContext | None = None) -> Issuer | None:
    """The issuing body from the header block's cells (parent first, issuer last).
    The parent's units are left in ``parent_ctx``: they tell relative citations apart."""
    if not cells:
        return None
    # A body and its unit may stand on two lines: "ỦY BAN NHÂN DÂN" / "TỈNH BÌNH DƯƠNG".
    for k in range(max(0, len(cells) - 2), len(cells) - 1):
        joined = " ".join(cells[k:])
        r = resolve_issuer(joined)
        if r is not None and not r.unresolved and len(joined) - r.length < 4:
            return r.issuer
    parent_ctx = parent_ctx if parent_ctx is not None else PlaceContext()
    parent_issuer: Issuer | None = None
    for cell in cells[:-1]:
        m = _DANG_BO.match(cell)
        phrase = cell[m.end():] if m else cell
        if m:
            unit_m = resolve_issuer("UBND " + phrase)
            if unit_m and unit_m.issuer.place:
                _fill_context(parent_ctx, unit_m.issuer)
            continue
        r = resolve_issuer(phrase, parent_ctx)
        if r is not None:
            parent_issuer = r.issuer
            _fill_context(parent_ctx, r.issuer)
    last = cells[-1]
    r = resolve_issuer(last, parent_ctx)
    if r is not None and not r.unresolved and len(last) - r.length < 4:
        return r.issuer
    if r is not None and r.unresolved and parent_issuer is None and len(cells) == 1:
        return r.issuer
    name = org_case(last)
    if parent_issuer is not None:
        level = parent_issuer.level
        suffix = parent_issuer.name
        if parent_issuer.place and suffix.startswith(("UBND ", "HĐND ")):
            suffix = suffix.split(" ", 1)[1]
        return Issuer(f"{name} {suffix}", level, place=parent_issuer.place, province=parent_issuer.province)
    if parent_ctx.smallest is not None:
        unit = parent_ctx.smallest
        return Issuer(f"{name} {unit.name}", "party-" + unit.level, place=unit.name,
                      province=parent_ctx.province.name if parent_ctx.province else None)
    return Issuer(name, None) if r is None and len(name.split()) <= 12 else (r.issuer if r else None)


def _disambiguate_province(issuer: Issuer, date: str | None, view: str) -> str | None:
    """A unit name shared by several provinces (Chợ Mới: An Giang, Bắc Kạn; phường Ba Đình:
    Hà Nội since 2025, Thanh Hóa before) is told apart by the period of the document's
    date (the map changed on 1 July 2025), then by the province the text itself names."""
    from ..resolve.issuers import _admin

    admin = _admin()
    if admin is None or not issuer.place:
        return None
    kind = _unit_kind_of(issuer)
    query = f"{kind} {issuer.place}" if kind else issuer.place
    units = [u for u in admin.find_units(query) if u.province and u.level != "province"]
    if date:
        period = "2025" if date[:7] >= "2025-07" else "legacy"
        in_period = [u for u in units if u.period == period]
        units = in_period or units
    provinces = {u.province for u in units}
    if len(provinces) == 1:
        return provinces.pop()
    folded = fold_key(view)
    named = [p for p in provinces if fold_key(p) in folded]
    return named[0] if len(named) == 1 else None


def _unit_kind_of(issuer: Issuer) -> str | None:
    """The unit word in an issuer's name ("phường" in "UBND phường Ba Đình")."""
    for w in ("thành phố", "tỉnh", "huyện", "quận", "thị xã", "thị trấn", "phường", "xã", "đặc khu"):
        if f" {w} {issuer.place}" in f" {issuer.name}":
            return w
    return None


def _fill_context(ctx: PlaceContext, issuer: Issuer) -> None:
    """Put the issuer's unit (and its province) into ``ctx``."""
    if not issuer.place:
        return
    name = issuer.name
    kind_word = _unit_kind_of(issuer)
    level = (issuer.level or "").removeprefix("party-") or None
    if kind_word is None:
        kind_word = {"province": "tỉnh", "district": "huyện", "commune": "xã"}.get(level or "", "tỉnh")
        if "Thành ủy" in name:
            kind_word = "thành phố"
        elif "Quận ủy" in name:
            kind_word = "quận"
        elif "Thị ủy" in name:
            kind_word = "thị xã"
    unit = make_unit(kind_word, issuer.place)
    if level in ("province", "district", "commune"):
        unit = PlaceUnit(unit.kind, unit.name, level)
    _set_unit(ctx, unit)
    if ctx.province is None and issuer.province:
        from ..resolve.issuers import _admin

        admin = _admin()
        prov = admin.province(issuer.province) if admin is not None else None
        ctx.province = PlaceUnit(prov.kind if prov else "tỉnh", issuer.province, "province")


def _district_of(unit: PlaceUnit) -> PlaceUnit | None:
    """The district a (pre-2025) commune belongs to, when the data names exactly one:
    what "UBND quận" means inside a phường Trúc Bạch text."""
    from ..resolve.issuers import _admin

    admin = _admin()
    if admin is None:
        return None
    found = {
        (u.district, u.province)
        for u in admin.find_units(f"{unit.kind} {unit.name}")
        if u.level == "commune" and u.district
    }
    if len(found) != 1:
        return None
    ((district, province),) = found
    units = admin.district(district, province)
    if len(units) != 1:
        return None
    return PlaceUnit(units[0].kind, units[0].name, "district")


def _set_unit(ctx: PlaceContext, unit: PlaceUnit) -> None:
    if unit.level == "province":
        ctx.province = unit
        return
    if unit.level == "district":
        ctx.district = unit
    else:
        ctx.commune = unit
        if ctx.district is None:
            ctx.district = _district_of(unit)
    if ctx.province is None:
        prov = province_of(unit)
        if prov is not None:
            ctx.province = prov


# The issuing voice in a body: "Chủ tịch Ủy ban nhân dân huyện yêu cầu", "UBND tỉnh Hải Dương xây dựng Kế hoạch".
_VOICE = regex.compile(
    r"(?i)(?<!\p{L})(?P<who>(?:chủ\s+tịch\s+)?(?:ủy\s+ban\s+nhân\s+dân|ubnd)\s+(?P<word>tỉnh|thành\s+phố|huyện|quận|thị\s+xã|thị\s+trấn|xã|phường)"
    r"|(?:ban\s+thường\s+vụ\s+)?(?P<pword>tỉnh\s+ủy|thành\s+ủy|huyện\s+ủy|quận\s+ủy|thị\s+ủy|đảng\s+ủy))"
    r"(?P<name>(?:\s+\p{Lu}[\p{L}\p{M}]*){0,4})"
    r"\s+(?:(?:đã|sẽ)\s+)?(?:yêu\s+cầu|xây\s+dựng|ban\s+hành|chỉ\s+thị|quyết\s+định|đề\s+nghị|giao|triển\s+khai|chỉ\s+đạo|hướng\s+dẫn)(?!\p{L})"
)
_UNIT_NAME = regex.compile(
    r"(?<!\p{L})(?P<word>tỉnh|thành\s+phố|huyện|quận|thị\s+xã|thị\s+trấn|xã|phường)\s+(?P<name>\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){0,3})"
)


class _Spans:
    """Citation spans, asked whether ``[start, end)`` touches none of them in O(log n):
    spans sorted by start with the running maximum of their ends (a text can hold
    thousands of citations and as many voice or unit matches; a scan per match is quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.max_end: list[int] = []
        top = -1
        for _, b in ordered:
            top = max(top, b)
            self.max_end.append(top)

    def outside(self, start: int, end: int) -> bool:
        """``all(end <= a or start >= b for a, b in spans)``."""
        k = bisect.bisect_left(self.starts, end)  # the spans with a < end
        return k == 0 or self.max_end[k - 1] <= start


def _infer_issuer(view: str, text: str, start: int, end: int, exclude: list[tuple[int, int]], doc: Document) -> Issuer | None:
    """The issuer of a text with no header block, from its own voice ("UBND quận xây dựng
    Kế hoạch") completed by its place line or by the unit it keeps naming. Citations are
    excluded: a document is never its own cited document's issuer."""
    spans = _Spans(exclude)
    names: dict[str, str | None] = {}  # _name_for depends on the unit word only: read the text once per word
    for m in _VOICE.finditer(view, start, end):
        if not spans.outside(m.start(), m.end()):
            continue
        word = " ".join((m.group("word") or m.group("pword") or "").split()).casefold()
        name = " ".join(m.group("name").split()) or None
        if m.group("pword"):
            kind_word = {"tỉnh ủy": "tỉnh", "thành ủy": "thành phố", "huyện ủy": "huyện", "quận ủy": "quận",
                         "thị ủy": "thị xã", "đảng ủy": "xã"}[word]
        else:
            kind_word = word
        if name is None:
            if kind_word not in names:
                names[kind_word] = _name_for(kind_word, view, text, start, end, spans, doc)
            name = names[kind_word]
        if name is None:
            continue
        phrase = ("UBND " if not m.group("pword") else m.group("pword") + " ")
        phrase = f"UBND {kind_word} {name}" if not m.group("pword") else f"{m.group('pword')} {name}"
        r = resolve_issuer(phrase)
        if r is not None and not r.unresolved:
            r.issuer.inferred = True
            return r.issuer
    return None


def _name_for(kind_word: str, view: str, text: str, start: int, end: int, exclude: _Spans, doc: Document) -> str | None:
    if doc.place:
        from ..resolve.issuers import _admin

        admin = _admin()
        if admin is None:
            return doc.place
        try:
            cands = admin.find_units(doc.place, kind=kind_word)
        except Exception:  # noqa: BLE001
            cands = []
        if cands:
            return cands[0].name
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in _UNIT_NAME.finditer(view, 0, end):
        if " ".join(m.group("word").split()).casefold() != kind_word or not exclude.outside(m.start(), m.end()):
            continue
        nm = " ".join(m.group("name").split())
        # the longest known prefix of the capitalized run
        words = nm.split()
        for k in range(len(words), 0, -1):
            cand = " ".join(words[:k])
            from ..resolve.issuers import is_known_place

            if is_known_place(cand):
                counts[cand] = counts.get(cand, 0) + 1
                first.setdefault(cand, m.start())
                break
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


def _find_signer(lines: list[Line], start_idx: int) -> tuple[Signer | None, int | None]:
    """Authority lines (``TM.``, ``KT.``...), the title in capitals, then the name."""
    tail = lines[start_idx:]
    auth_idx = [i for i, ln in enumerate(tail) if _AUTHORITY.match(ln.text)]
    authorities: list[str] = []
    title_i: int | None = None
    if auth_idx:
        i0 = auth_idx[0]
        i = i0
        while i < len(tail) and (_AUTHORITY.match(tail[i].text) or not tail[i].text):
            if tail[i].text:
                authorities.append(" ".join(tail[i].text.split()))
            i += 1
        if i < len(tail) and tail[i].is_caps and len(tail[i].text.split()) <= 8:
            title_i = i
        sig_start = tail[i0].start
    else:
        sig_start = None
        for i in range(len(tail) - 1, -1, -1):
            ln = tail[i]
            if ln.is_caps and 1 <= len(ln.text.split()) <= 8 and not _NOI_NHAN.match(ln.text) and not ln.text.startswith("-"):
                title_i = i
                sig_start = ln.start
                break
    if title_i is None and not authorities:
        return None, None
    name = None
    search_from = (title_i + 1) if title_i is not None else (auth_idx[-1] + 1)
    for ln in tail[search_from : search_from + 10]:
        t = ln.text.strip()
        if not t or "ký" in t.lower() or t.startswith(("(", "[")):
            continue
        if _NAME_LINE.match(t):
            name = t
            break
        if t.startswith("-") or _NOI_NHAN.match(t):
            break
    title = " ".join(tail[title_i].text.split()) if title_i is not None else None
    if name is None and not authorities:
        return None, None
    return Signer(name=name, authority=" / ".join(authorities) or None, title=title), sig_start


def _find_recipients(lines: list[Line], text: str) -> tuple[list[str], int | None]:
    start = None
    for i, ln in enumerate(lines):
        if _NOI_NHAN.match(ln.text):
            start = i
    if start is None:
        return [], None
    items: list[str] = []
    head = lines[start]
    after = _NOI_NHAN_HEAD.sub("", head.text)
    if after.startswith(("-", "+", "•")):
        items.append(after.lstrip("-+• ").strip())
    for ln in lines[start + 1 :]:
        t = ln.text
        if not t:
            if items and items[-1].lower().startswith("lưu"):
                break
            continue
        if t.startswith(("-", "+", "•")):
            content = t.lstrip("-+• ").strip()
            if items and content[:1].islower() and not items[-1].rstrip().endswith((";", ".")):
                items[-1] = items[-1] + " " + content
            else:
                items.append(content)
        elif items and t[:1].islower() and not items[-1].rstrip().endswith((";", ".")):
            items[-1] = items[-1] + " " + t
        else:
            break
        if items and items[-1].lower().startswith("lưu") and items[-1].rstrip().endswith("."):
            break
    cleaned = [" ".join(i.split()).rstrip(";,") for i in items if i.strip(" ;.,")]
    return cleaned, head.start


def _year_and_horizon(doc: Document) -> None:
    if doc.date:
        doc.year = int(doc.date[:4])
    if doc.title:
        h = _HORIZON.search(doc.title)
        if h:
            doc.horizon = int(h.group("y"))
        if doc.year is None:
            y = _YEAR_FOR.search(doc.title)
            if y and not (h and h.start() <= y.start() < h.end()):
                doc.year = int(y.group("y"))
    if doc.horizon is None and doc.year and doc.title and doc.doc_type in ("Kế hoạch", "Chương trình"):
        y = _YEAR_FOR.search(doc.title)
        if y and int(y.group("y")) == doc.year:
            doc.horizon = doc.year


def first_outline_label(view: str, start: int, end: int) -> int | None:
    """Where the numbered body begins (``I.``, ``1.``, ``a)``, ``Điều 1.``): the end of the preamble."""
    m = _OUTLINE_START.search(view, start, end)
    return m.start() if m else None


def extract_header(text: str, view: str, doc: Document, exclude: list[tuple[int, int]] | None = None) -> Header:
    """Fill ``doc``'s header fields and return the context the rest of the parse needs.

    ``exclude`` are the spans of citations: nothing of the document's own identity
    is taken from inside them."""
    exclude = exclude or []
    header = Header(body_end=len(text))
    limit = min(len(view), HEADER_LIMIT)
    lines = lines_of(view, 0, len(view))
    head_lines = [ln for ln in lines if ln.start < limit][: HEADER_LINES * 3]

    type_idx = None
    rest_start = None
    nonempty = 0
    for i, ln in enumerate(head_lines):
        if not ln.text:
            continue
        nonempty += 1
        if nonempty > HEADER_LINES:
            break
        hit = _caps_type_line(ln)
        if hit is not None:
            doc.doc_type, rest_end = hit
            type_idx = i
            rest_start = rest_end if rest_end < ln.end else None
            break

    zone = _header_zone(head_lines, type_idx)
    _find_number(view, zone, doc)
    _find_place_date(view, text, zone, doc)

    if type_idx is not None:
        doc.title, header.title_end = _title_from(lines, type_idx, view, rest_start)
        if doc.title is not None:
            header.title_span = (lines[type_idx].start, header.title_end)
    else:
        vv = _VV.search(view, 0, limit)
        if vv is not None:
            doc.doc_type = "Công văn"
            doc.title, header.title_end = _vv_title(view, lines, vv)
        elif zone:
            # Not an administrative document (a news report...): its headline is its title.
            # Its citations are read from the top (body_start stays 0).
            first = zone[0]
            if (
                not _QUOC_HIEU.search(first.text)
                and not first.is_caps
                and len(first.text) < 200
                and not first.text.rstrip().endswith((".", ";", ":", ","))
            ):
                doc.title = " ".join(first.text.split())
    if doc.doc_type is None:
        return header

    # The header block: cells that are neither Quốc hiệu, number, date nor separators.
    cells: list[str] = []
    for ln in zone:
        for cell in _cells(ln):
            t = _QUOC_HIEU.sub("", cell.text).strip(" *-–_|")
            if not t or _is_separator(t):
                continue
            if _SO.match(t) or _NGAY_WORD.search(t) or t.startswith("V/v") or _KINH_GUI.match(t):
                continue
            if Line(0, 0, t).is_caps:
                cells.append(t)
    parent_ctx = PlaceContext()
    issuer = _compose_header_issuer(cells, parent_ctx) if cells else None

    # Tail: recipients and signature mark where the body ends.
    recipients, nn_start = _find_recipients(lines, text)
    doc.recipients = recipients
    body_lines_from = 0
    for i, ln in enumerate(lines):
        if ln.start >= header.title_end:
            body_lines_from = i
            break
    tail_from = max(body_lines_from, len(lines) - 60)
    signer, sig_start = _find_signer(lines, tail_from)
    doc.signer = signer
    ends = [p for p in (nn_start, sig_start) if p is not None and p > header.title_end]
    header.body_end = min(ends) if ends else len(text)

    if issuer is None:
        issuer = _infer_issuer(view, text, header.title_end, header.body_end, exclude, doc)
    if issuer is not None and issuer.place and issuer.province is None:
        issuer.province = _disambiguate_province(issuer, doc.date, view)
    doc.issuer = issuer
    header.context = parent_ctx
    if issuer is not None:
        _fill_context(header.context, issuer)
        if issuer.province is None and header.context.province is not None:
            issuer.province = header.context.province.name
    elif doc.place:
        from ..resolve.issuers import _admin

        admin = _admin()
        if admin is not None:
            cands = admin.find_units(doc.place)
            if len(cands) == 1:
                _set_unit(header.context, PlaceUnit(cands[0].kind, cands[0].name, cands[0].level))
    _year_and_horizon(doc)
    return header
