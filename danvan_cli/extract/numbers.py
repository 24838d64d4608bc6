"""Số ký hiệu: find document numbers in text and normalize them.

Shapes (Nghị định 30/2020/NĐ-CP; Hướng dẫn 36-HD/VPTW):

- State: ``33/CT-TTg``, ``02/CT-UBND``; normative with the year ``48/2019/QĐ-UBND``;
  laws ``45/2019/QH14``; Công văn with no type code ``4240/UBND-VX``; several groups
  ``16/KH-MTTQ-BTT``; codes with ``&`` and ``.`` (``9086/BNV-CTTN&BĐG``, ``11554/VPCP-V.I``).
- Party: ``23-QĐ/TW``, ``37-HD/BTGDVTW`` (a hyphen before the type, a slash before the body).

Typing slips are read through: spaces around separators (``02 /CT-UBND``, ``35- CT/TW``,
``13/CT- TTg``) and upper-cased codes (``27/CT-TTG`` is ``27/CT-TTg``). A separator
with spaces on both sides (``UBND - Hà Nội``) is prose, not part of a number.
Dates (``26/11/2021``, ``30-7-2021``) and ranges (``2021-2030``) have no code: never numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache, lru_cache

import regex

from ..refdata import alternation, body_codes, canonical_codes, party_type_codes, state_type_codes, words

# A code group: starts upper-case; letters, digits, '&'; a '&' or '.' only inside (V.I,
# CTTN&BĐG), never final: "QLN&" before a broken entity is a clipped code, not a code.
_CODE = r"\p{Lu}(?:[\p{L}\d]|[&.](?=[\p{L}\d]))*"
# A separator: no space, or blanks on one side only (prose puts spaces on both). The blanks
# may be a Markdown mark the view blanked (``QĐ-**UBND**``) or a line break (``QĐ-\nUBND``).
_DASH = r"(?:-(?:[ \t]{0,3}\n[ \t]{0,3}|[ \t]{0,3})(?![ \t])|[ \t]{1,3}-(?![ \t]))"
_SLASH = r"(?:[ \t]?/(?:[ \t]{0,3}\n[ \t]{0,3}|[ \t]{0,3})(?![ \t]))"
# The National Assembly's code with its term typed apart (``45/2019/ QH 14``): one group.
_GROUP = rf"(?:(?:UBTVQH|QH)[ \t]\d{{1,2}}(?![\p{{L}}\d])|{_CODE})"
_CODES = rf"{_GROUP}(?:{_DASH}{_GROUP}){{0,6}}"


def _spaced_type_alternation() -> str:
    """A State type code typed with blanks on both sides of its hyphen (``27/CT - UBND``,
    ``58/KH - CĐN``): prose puts blanks there too (``UBND - Hà Nội``), so only a type code
    standing right after the slash, followed by a code in capitals, makes a number."""
    from ..refdata import alternation, state_type_codes

    codes = {c for c in state_type_codes()} | {c.upper() for c in state_type_codes()}
    return rf"(?:{alternation(codes)})[ \t]{{1,3}}-[ \t]{{1,3}}(?=\p{{Lu}}[\p{{Lu}}\d&]*(?![\p{{L}}\d]))"


def _party_type_alternation() -> str:
    """The Party's type codes (``QĐ``, ``NQ``, ``CTr``...): with a space for the hyphen
    (``92 QĐ/TWĐTN``), or blanks on both sides of it (``Số 2 - HD/BTCTU``: the serial
    stamped at signing apart from the template's ``- HD``), only a known type code makes a
    number."""
    from ..refdata import alternation, party_type_codes

    return alternation(party_type_codes())


# The serial may carry a letter (``35a/NQ-CP``); the number may end in its year
# (``1025/PLYK/2025``, a Party ``123-KH/TU/2025``: kept) or a lower-case mark (the drafting
# unit of a Party Công văn, ``919-CV/VPTW/nb``: kept as written only). Joint documents of two issuers put a second
# slash between the type and the bodies (``05/2011/NQLT/CP-UBTUMTTQVN``, ``02/QCPH/UBND-UBMTTQ``).
NUMBER = regex.compile(
    rf"""
    (?<![\p{{L}}\d/\-.])
    (?P<serial>\d{{1,6}}[a-zđ]?)
    (?:
        (?P<party>(?:{_DASH}|[ \t](?:[ \t]{{0,2}}-[ \t]{{1,3}})?(?=(?i:{_party_type_alternation()})/))(?P<ptype>{_CODE}){_SLASH}(?P<pbody>{_CODES}))
      | {_SLASH}(?:(?P<year>(?:19|20)\d{{2}}\d?){_SLASH})?(?P<scodes>(?:{_spaced_type_alternation()})?{_CODES})(?:/(?P<joint>{_CODES}))?
    )
    (?:(?:[ \t]/|/[ \t]{{0,2}})(?P<tailyear>(?:19|20)\d{{2}})(?![\p{{L}}\d])|/(?P<mark>[a-zđ]{{1,4}})(?![\p{{L}}\d]))?
    (?![\p{{L}}\d&])
    """,
    regex.X,
)

# "Số: /KH-UBND", "Số:      /KH-MTTQ-BTT": a number left blank in a draft.
# A normative document's blank number keeps its year: "Số:    /2020/QĐ-UBND".
# A Party number left blank keeps its hyphen and type: "Số  - HD/BTCTU" (the serial stamped
# as an image at signing).
BLANK_NUMBER = regex.compile(
    rf"(?<![\p{{L}}\d])(?P<raw>/[ \t]?(?:(?:19|20)\d{{2}}{_SLASH})?{_CODE}(?:{_DASH}{_CODE}){{0,6}}"
    rf"|-[ \t]?{_CODE}{_SLASH}{_CODES})(?![\p{{L}}\d&])"
)


@dataclass(frozen=True, slots=True)
class NumberParts:
    """A parsed số ký hiệu. ``serial`` keeps leading zeros as written (``02``)."""

    serial: str
    year: int | None
    type_code: str | None
    body_codes: tuple[str, ...]
    system: str  # "state" | "party"
    #: a joint document's number keeps the slash between its type and its issuers
    joint: bool = False
    #: ``1025/PLYK/2025``: the year written last
    year_last: bool = False
    #: what looks mistyped in the number, kept as written (see ``SLIPS``); ``None`` for none
    slip: str | None = None
    #: the year slot as written when it is no year (``20201`` in ``61/20201/NĐ-CP``)
    year_written: str | None = None

    @property
    def normalized(self) -> str:
        body = "-".join(self.body_codes)
        year = f"{self.year_written or self.year}/" if (self.year or self.year_written) else ""
        if self.system == "party":
            return f"{self.serial}-{self.type_code}/{body}" + (f"/{self.year}" if self.year_last else "")
        if self.joint:
            return f"{self.serial}/{year}{self.type_code}/{body}"
        if self.year_last:
            return f"{self.serial}/{body}/{self.year}"
        groups = "-".join(([self.type_code] if self.type_code else []) + list(self.body_codes))
        return f"{self.serial}/{year}{groups}"

    @property
    def type_name(self) -> str | None:
        """The document type the code says (``TT`` is Thông tư for the State, Thông tri for the Party)."""
        if self.type_code:
            table = party_type_codes() if self.system == "party" else state_type_codes()
            return table.get(self.type_code.upper())
        if self.system == "state" and self.body_codes:
            head = self.body_codes[0].upper()
            if head.startswith(("QH", "UBTVQH")):
                return None  # a law or a National Assembly resolution: the text says which
            return "Công văn"
        return None

    @property
    def body(self) -> str:
        """The issuing body's code: the first body group (``UBND`` in ``KH-UBND-VX``)."""
        return self.body_codes[0] if self.body_codes else ""


def _canon(group: str, force_upper: bool = False) -> str:
    key = group.upper()
    known = canonical_codes().get(key)
    if known:
        return known
    return key if force_upper else group


def _split(codes: str) -> list[str]:
    """The groups of a code run, blanks typed inside a group dropped (``QH 14`` is ``QH14``)."""
    return ["".join(g.split()) for g in codes.split("-") if g.strip(" \t\n")]


def _body(code: str, force_upper: bool) -> str:
    """A body code, canonical; the Party's central body under its other spellings (``TƯ``) is ``TW``."""
    if code.upper() in _central_party_spellings():
        return "TW"
    return _canon(code, force_upper)


@cache
def _central_party_spellings() -> frozenset[str]:
    from ..refdata import words

    return frozenset(w.upper() for w in words("numbers", "party_central_code"))


def _unglue(group: str) -> list[str] | None:
    """``NĐCP`` → [``NĐ``, ``CP``], ``QĐUBND`` → [``QĐ``, ``UBND``]: a type code and a body
    code whose hyphen was lost. Only a group that is no code itself and splits into two we know."""
    up = group.upper()
    if up in canonical_codes():
        return None
    for code in _type_codes_longest_first():
        rest = up[len(code) :]
        if up.startswith(code) and rest and (rest in body_codes() or rest.startswith(("QH", "UBTVQH")) and rest.lstrip("UBTVQH").isdigit()):
            return [group[: len(code)], group[len(code) :]]
    return None


@cache
def _type_codes_longest_first() -> tuple[str, ...]:
    return tuple(sorted(state_type_codes(), key=len, reverse=True))


def parts_from_match(m: regex.Match[str], force_upper: bool = False) -> NumberParts:
    """The parts of a matched number. Read from its groups alone (and the reference data),
    so the same groups give the same parts: a text cites the same numbers over and over."""
    serial, party, ptype, pbody, scodes, year, tailyear, joint = m.group(
        "serial", "party", "ptype", "pbody", "scodes", "year", "tailyear", "joint")
    return _parts(serial, bool(party), ptype, pbody, scodes, year, tailyear, joint, force_upper)


@lru_cache(maxsize=4096)
def _parts(
    serial: str,
    party: bool,
    ptype: str | None,
    pbody: str | None,
    scodes: str | None,
    year_s: str | None,
    tailyear: str | None,
    joint: str | None,
    force_upper: bool,
) -> NumberParts:
    if party:
        assert ptype is not None and pbody is not None
        # Hướng dẫn 36-HD/VPTW writes no year (numbers restart each committee term); a year a
        # committee writes after the body (``123-KH/TU/2025``) tells the terms apart: kept
        return NumberParts(
            serial=serial,
            year=int(tailyear) if tailyear else None,
            type_code=_canon(ptype, force_upper),
            body_codes=tuple(_body(g, force_upper) for g in _split(pbody)),
            system="party",
            year_last=tailyear is not None,
        )
    assert scodes is not None
    raw_groups = _split(scodes)
    year = int(year_s) if year_s and len(year_s) == 4 else None
    if year_s and year is None:  # "61/20201/NĐ-CP": a year with a digit too many, kept as written
        return replace(_parts(serial, party, ptype, pbody, scodes, None, tailyear, joint, force_upper),
                       slip="year-digits", year_written=year_s)
    if tailyear and not year_s:  # "48/2019/QĐ-UBND/2020": the year in its place wins
        return NumberParts(serial=serial, year=int(tailyear), type_code=None,
                           body_codes=tuple(_canon(g, force_upper) for g in raw_groups), system="state", year_last=True)
    if joint:  # "NQLT/CP-UBTUMTTQVN": the type, then the issuers
        return NumberParts(serial=serial, year=year, type_code=_canon("-".join(raw_groups), force_upper),
                           body_codes=tuple(_canon(g, force_upper) for g in _split(joint)),
                           system="state", joint=True)
    if len(raw_groups) == 1 and (glued := _unglue(raw_groups[0])) is not None:
        raw_groups = glued
    groups = [_canon(g, force_upper) for g in raw_groups]
    type_code: str | None = None
    if len(groups) > 1 and groups[0].upper() in state_type_codes():
        type_code = groups.pop(0)
    elif len(groups) == 1 and groups[0].upper() in state_type_codes() and groups[0].upper() not in body_codes():
        type_code = groups.pop(0)  # "50/QĐ": an old number with no body
    slip = "clipped-code" if type_code and len(groups) == 1 and _clipped_body(groups[0]) else None
    return NumberParts(serial=serial, year=year, type_code=type_code, body_codes=tuple(groups), system="state", slip=slip)


def _clipped_body(code: str) -> bool:
    """A body code one letter short of a known one and no code itself (``CT-TT`` for
    ``CT-TTg``): a slip a reader would flag. Local bodies choose their own codes, so any
    other unknown code is theirs, not a slip."""
    up = code.upper()
    if up in canonical_codes():
        return up not in body_codes() and any(len(k) == len(up) + 1 and k.startswith(up) for k in body_codes())
    return any(len(k) == len(up) + 1 and k.startswith(up) for k in body_codes())


#: Slips a number can carry, kept as written and warned about (``NumberParts.slip``).
SLIPS = {
    "year-digits": "its year has a digit too many",
    "clipped-code": "its issuer's code is one letter short of a known one",
}


_SERIAL_LETTER = regex.compile(r"^(\d{1,6})([A-ZĐ])(?=[ \t]?/)")


def parse_number(raw: str) -> NumberParts | None:
    """Parse one number as a person types it (``33/ct-ttg``, ``23-QĐ/TW``, ``35- CT/TW``).

    Case is not trusted here (a user may type lower case); in running text the scanner
    requires codes to start with a capital, which is what keeps prose out."""
    text = _SERIAL_LETTER.sub(lambda m: m.group(1) + m.group(2).lower(), raw.strip().upper())
    m = NUMBER.fullmatch(text)
    if m is None:
        return None
    return parts_from_match(m, force_upper=True)


def normalize_number(raw: str) -> str | None:
    """``"02 /CT-UBND"`` → ``"02/CT-UBND"``; ``"27/CT-TTG"`` → ``"27/CT-TTg"``; ``None`` if not a number."""
    parts = parse_number(raw)
    return parts.normalized if parts else None


@dataclass(frozen=True, slots=True)
class NumberMatch:
    start: int
    end: int
    raw: str
    parts: NumberParts

    @property
    def number(self) -> str:
        return self.parts.normalized


_YEAR_LIKE = regex.compile(r"(?:19|20)\d{2}")
#: What may not follow a number: it went on (``-``, ``/``, ``&``) and was cut short.
_CLIPPED = regex.compile(r"[-/&]")
#: A room, a floor, a lot right before the digits: an address, no number (``data/lexicon/numbers.yaml``).
_PLACE_WORD_BEFORE = regex.compile(rf"(?i)(?<!\p{{L}})(?:{alternation(words('numbers', 'address_words'))})\s{{1,3}}$")


def _known_code(parts: NumberParts) -> bool:
    groups = ([parts.type_code] if parts.type_code else []) + list(parts.body_codes)
    codes = canonical_codes()
    return any(g.upper() in codes or g.upper().startswith(("QH", "UBTVQH")) for g in groups)


#: A code that is a word of prose: a capital, then lower-case letters only (``Phân``, ``Số``,
#: ``Thời``); codes are capitals with at most a lower-case letter among or after them (``TTg``,
#: ``QĐi``, ``CTr``).
_WORD = regex.compile(r"\p{Lu}\p{Ll}+")


def _all_words(parts: NumberParts) -> bool:
    groups = ([parts.type_code] if parts.type_code else []) + list(parts.body_codes)
    return bool(groups) and all(_WORD.fullmatch(g) for g in groups)


def find_numbers(view: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    """Every document number in ``view[start:end]``.

    Left out: a number cut short (``15/KH-`` followed by nothing), and a room or lot
    (``Phòng 204/B-UB``, ``Tầng 3/TTHC-UB``) whose codes are none we know."""
    end = len(view) if end is None else end
    out = []
    for m in NUMBER.finditer(view, start, end):
        if _CLIPPED.match(view, m.end()):
            continue  # "15/KH-" followed by nothing, "QLN&" before a broken entity: never half a number
        if m.group("party") and view[m.end("serial")] in " \t" and _YEAR_LIKE.fullmatch(m.group("serial")):
            continue  # "năm 2020 QĐ/UBND": a year before a code, not a Party number typed with a space
        parts = parts_from_match(m)
        if not _known_code(parts) and _PLACE_WORD_BEFORE.search(view, max(0, m.start() - 12), m.start()):
            continue
        if not _known_code(parts) and _all_words(parts):
            continue  # "1/ Phân bổ thời lượng", "2/ Thời gian thực hiện": a list's label before a heading
        out.append(NumberMatch(m.start(), m.end(), " ".join(m.group(0).split()), parts))
    return out
