"""Issuing bodies: recognize them in text and resolve relative ones from context.

Texts name issuers relative to themselves: inside a Phú Giáo directive "UBND huyện" is
UBND huyện Phú Giáo; inside a Ba Đình plan "UBND Thành phố" is Hà Nội's and "Thành ủy"
is Hà Nội's Thành ủy. ``PlaceContext`` holds the document's own chain of units
(commune, district, province) and ``resolve_issuer`` completes a relative name from it.
Central bodies (Thủ tướng Chính phủ, Bộ Chính trị, ...) need no context.

The spellings come from ``data/bodies.yaml``; the units from ``data/admin_units.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

import regex

from ..model import Issuer
from ..refdata import alternation, load_yaml, pattern, type_words, unit_levels, words
from ..text.normalize import ascii_key, fold_key
from . import admin_units as admin

#: Unit word -> the level of its UBND (``thành phố`` is province-level unless the data says not).
UNIT_LEVEL: dict[str, str] = {w: (lvl or "province") for w, lvl in unit_levels().items() if w != "thành phố"}


@dataclass(frozen=True, slots=True)
class PlaceUnit:
    """One administrative unit as a document names it: ``quận`` + ``Ba Đình``."""

    kind: str
    name: str
    level: str  # province | district | commune

    @property
    def display(self) -> str:
        return f"{self.kind} {self.name}"


@dataclass(slots=True)
class PlaceContext:
    """The document's own units, from the smallest up: what relative names refer to."""

    province: PlaceUnit | None = None
    district: PlaceUnit | None = None
    commune: PlaceUnit | None = None

    def unit_for_word(self, word: str) -> PlaceUnit | None:
        """Which of our units a bare unit word ("huyện", "thành phố", "tỉnh") means."""
        word = word.casefold()
        if word == "tỉnh":
            return self.province
        if word == "thành phố":
            for unit in (self.province, self.district):
                if unit and unit.kind == "thành phố":
                    return unit
            return None
        if word in ("huyện", "quận", "thị xã"):
            if self.district and (self.district.kind == word):
                return self.district
            return None
        if word in ("xã", "phường", "thị trấn", "đặc khu"):
            if self.commune and self.commune.kind == word:
                return self.commune
            return None
        return None

    def unit_for_party(self, unit: str) -> PlaceUnit | None:
        """The unit a bare Party committee name belongs to ("Thành ủy" → the city)."""
        if unit == "province":
            return self.province
        if unit == "city":
            return self.unit_for_word("thành phố")
        if unit == "district":
            return self.district
        if unit == "commune":
            return self.commune
        return None

    @property
    def smallest(self) -> PlaceUnit | None:
        return self.commune or self.district or self.province


@dataclass(frozen=True, slots=True)
class _Kind:
    name: str
    system: str  # "state" | "party" | "central"
    level: str | None = None
    unit: str | None = None  # for party kinds: province | city | district | commune


def _key(s: str) -> str:
    """Lookup key for text that is already normalized (tone placement folded): the hot path."""
    return " ".join(s.casefold().split())


@dataclass(frozen=True)
class _Tables:
    kinds: dict[str, _Kind]
    kind_re: regex.Pattern[str]
    unit_re: regex.Pattern[str]
    unit_names: dict[str, str]


@cache
def _tables() -> _Tables:
    data = load_yaml("bodies.yaml")
    kinds: dict[str, _Kind] = {}
    for e in data["named"]:
        for m in e["match"]:
            kinds[fold_key(m)] = _Kind(e["name"], "central", e.get("level"))
    for e in data["local_kinds"]["state"]:
        for m in e["match"]:
            kinds[fold_key(m)] = _Kind(e["name"], "state")
    for e in data["local_kinds"]["party"]:
        for m in e["match"]:
            kinds[fold_key(m)] = _Kind(e["name"], "party", unit=e.get("unit"))
    for e in data["local_kinds"]["mass"]:
        for m in e["match"]:
            kinds[fold_key(m)] = _Kind(e["name"], "mass", unit=e.get("unit"))
    # Ministries: "Bộ Nội vụ", "Bộ Giáo dục và Đào tạo" from the body codes.
    for e in data["codes"].values():
        name = e.get("name")
        if name and e.get("level") == "central" and fold_key(name) not in kinds:
            kinds[fold_key(name)] = _Kind(name, "central", "central")
        if name and e.get("level") == "party-central" and fold_key(name) not in kinds:
            kinds[fold_key(name)] = _Kind(name, "central", "party-central")
    kind_re = regex.compile(r"(?i)(?:" + alternation(list(kinds)) + r")(?!\p{L})")
    unit_names: dict[str, str] = {}
    for e in data["unit_words"]:
        for m in e["match"]:
            unit_names[fold_key(m)] = e["name"]
    unit_re = regex.compile(r"(?i)\s*(?:" + alternation(list(unit_names)) + r")(?=[\s.,;:)]|$)")
    return _Tables(kinds, kind_re, unit_re, unit_names)


# A proper name: up to five capitalized words ("Hồ Chí Minh", "Bà Rịa - Vũng Tàu").
_PROPER = regex.compile(
    r"\s*(?P<name>(?:\p{Lu}[\p{L}\p{M}']*|\d{1,2}(?![\d/.\-]))(?:(?:\s+|\s?-\s?)(?:\p{Lu}[\p{L}\p{M}']*|\d{1,2}(?!\d))){0,4})"
)
_DIGIT_AHEAD = regex.compile(r"\s*\d")


_T = TypeVar("_T", bound=Callable[..., Any])


def _per_gazetteer(fn: _T) -> _T:
    """``fn``'s answers remembered per gazetteer (``admin_units.memo_per_gazetteer``): the
    place lookups below are pure functions of their arguments and the unit table, and a
    corpus asks the same few places thousands of times."""
    return admin.memo_per_gazetteer(fn)


@_per_gazetteer
def canonical_place(name: str) -> str:
    """A known unit's proper spelling ("HẢI PHÒNG" → "Hải Phòng"); else title case."""
    try:
        known = admin.canonical_name(name)
    except Exception:  # noqa: BLE001 - a lookup failure must not stop parsing
        known = None
    # Accept a spelling correction only where it is the same name (case, tone
    # placement); "Ngọ Lương" must not become "Ngổ Luông" through an accent-free match.
    if known and (fold_key(known) == fold_key(name) or ascii_key(name) == fold_key(name)):
        return known
    if name.isupper():
        return " ".join(w[:1] + w[1:].lower() for w in name.split())
    return name


@_per_gazetteer
def is_known_place(name: str, kind: str | None = None) -> bool:
    try:
        if name.isdigit():  # numbered wards and districts ("quận 3") are known with their kind only
            return bool(kind) and bool(admin.find_units(f"{kind} {name}"))
        return bool(admin.is_known_place(name, kind))
    except Exception:  # noqa: BLE001
        return False


@_per_gazetteer
def city_level(name: str) -> str | None:
    """Whether ``thành phố <name>`` is a province-level city or a district-level one."""
    try:
        return admin.classify_city(name)
    except Exception:  # noqa: BLE001
        return None


@_per_gazetteer
def known_prefix(run: str, kind: str | None = None) -> str | None:
    """The longest run of leading words of ``run`` that names a known unit
    ("Hà Nội Về việc" → "Hà Nội")."""
    words = run.split()
    if words and words[0].isdigit():
        return words[0] if is_known_place(words[0], kind) else None
    for k in range(min(len(words), 5), 0, -1):
        cand = " ".join(words[:k])
        if is_known_place(cand, kind) and not _accents_disagree(cand, kind):
            return cand
    return None


def _accents_disagree(name: str, kind: str | None) -> bool:
    """Whether ``name`` is written with accents that no unit of that name bears: the data
    matches names typed without accents (``Vinh`` for ``Vĩnh``), so ``tỉnh Vĩnh Hà Hạ``
    would become a ``Vinh`` otherwise. A name written without accents, or another spelling
    of the same name (``TP.HCM``, ``Qui Nhơn``), still matches."""
    if ascii_key(name) == fold_key(name):
        return False
    try:
        units = admin.find_units(name, kind=kind)
    except Exception:  # noqa: BLE001 - a lookup failure must not stop parsing
        return False
    key, bare = fold_key(name), ascii_key(name)
    return bool(units) and all(ascii_key(u.name) == bare and fold_key(u.name) != key for u in units)


def _proper_at(body: str, pos: int, kind: str | None = None) -> tuple[str, int] | None:
    """A known place name starting at ``pos`` (of unit ``kind`` when given: commune names
    count only then, since thousands of them are everyday words): the name and its end."""
    pm = _PROPER.match(body, pos)
    if pm is None:
        return None
    name = known_prefix(pm.group("name"), kind)
    if name is None:
        return None
    # find where the k-th word ends in the original text
    start = pm.start("name")
    end = start
    for w in name.split():
        idx = body.find(w, end)
        end = idx + len(w)
    return name, end


# A unit's name as the text writes it, on the unit word's own line: capitalized words
# ("Long Minh", "Ea H'Leo", "Bà Rịa - Vũng Tàu"), none of them all capitals (a header's
# capitals are read by ``own_issuer``).
_WRITTEN_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}']*(?![\p{L}\p{N}])")
_WRITTEN_GAP = regex.compile(r"[ \t]+|[ \t]?[-–][ \t]?")


@cache
def _place_breaks() -> regex.Pattern[str]:
    """What opens something other than a place name after a unit word: ``place_breaks``,
    the header's body heads and the document types' words (``data/``)."""
    spellings = [*words("header", "place_breaks"), *words("header", "org_heads"), *type_words()]
    return regex.compile(r"(?i)(?:" + alternation(spellings) + r")(?![\p{L}\p{N}])")


@cache
def _word_breaks() -> regex.Pattern[str]:
    """``_place_breaks`` without the body heads: what breaks a place name wherever it stands."""
    spellings = [*words("header", "place_breaks"), *type_words()]
    return regex.compile(r"(?i)(?:" + alternation(spellings) + r")(?![\p{L}\p{N}])")


def written_place_at(body: str, pos: int) -> tuple[str, int] | None:
    """A place name written after a unit word at ``pos`` that the administrative-unit data
    need not know (a unit created or renamed since, a typo, an invented example): up to
    four capitalized words on the same line, cut where a word opens something else
    (``UBND huyện Long Minh về ...`` → ``Long Minh``; ``UBND huyện Về việc`` → nothing)."""
    gap = regex.compile(r"[ \t]+").match(body, pos)
    if gap is None:
        return None
    at = gap.end()
    taken: list[str] = []
    end = at
    while len(taken) < 4:
        w = _WRITTEN_WORD.match(body, at)
        if w is None or (len(w.group(0)) > 1 and w.group(0).isupper()):
            break
        if _place_breaks().match(body, at) and not (taken and _head_syllable_in_name(body, w)):
            break
        taken.append(w.group(0))
        end = w.end()
        g = _WRITTEN_GAP.match(body, end)
        if g is None:
            break
        at = g.end()
    if not taken:
        return None
    return " ".join(body[gap.end():end].split()), end


def _head_syllable_in_name(body: str, w: regex.Match[str]) -> bool:
    """Whether the word ``w``, inside a written place name, is one of the name's syllables
    though a body's head word spells the same (``xã Thuận Hội Thượng``, ``huyện Trạm Tấu``):
    a one-word head, not a break of its own (``Về``, ``Kế hoạch``), followed by exactly one
    more capitalized word that closes the run. A body after a place names its field in
    words of its own (``Sở Nội vụ``, ``Hội Nông dân``) and is no such shape."""
    word = w.group(0)
    if len(word.split()) != 1 or not pattern("header", "org_heads").fullmatch(word):
        return False
    if _word_breaks().match(word):
        return False
    g = _WRITTEN_GAP.match(body, w.end())
    nxt = _WRITTEN_WORD.match(body, g.end()) if g is not None else None
    if nxt is None or (len(nxt.group(0)) > 1 and nxt.group(0).isupper()) or _place_breaks().match(body, g.end()):
        return False
    return _closed(body, nxt.end())


def _longer_written(body: str, pos: int, known: tuple[str, int] | None) -> tuple[str, int] | None:
    """The place after a unit word at ``pos``: the name as written when it runs on past the
    known place that opens it (``huyện Phú Hòa Đông``, ``xã Thuận Hội Thượng``: units the
    data does not know whose first words name one it does), else the known place."""
    written = written_place_at(body, pos)
    if written is not None and (known is None or (written[1] > known[1] and _closed(body, written[1]))):
        return written
    return known


_AFTER_NAME = regex.compile(r"[ \t]*")


def _closed(body: str, end: int) -> bool:
    """Whether a written place name ends at ``end``: the text's end, a sign (``,``, ``;``,
    ``)``, a line break) or a word that follows a place (``header.yaml`` ``place_followers``)."""
    at = _AFTER_NAME.match(body, end).end()
    if at >= len(body) or not body[at].isalpha():
        return True
    return pattern("header", "place_followers").match(body, at) is not None


@_per_gazetteer
def province_of(unit: PlaceUnit) -> PlaceUnit | None:
    """The province a district or commune belongs to, from the administrative data."""
    if unit.level == "province":
        return unit
    try:
        candidates = (
            admin.find_units(f"{unit.kind} {unit.name}") if unit.name.isdigit() else admin.find_units(unit.name, kind=unit.kind)
        )
    except Exception:  # noqa: BLE001
        return None
    provinces = {c.province for c in candidates if getattr(c, "province", None)}
    if len(provinces) != 1:
        return None
    (prov_name,) = provinces
    try:
        prov = admin.province(prov_name)
    except Exception:  # noqa: BLE001
        prov = None
    kind = getattr(prov, "kind", None) or "tỉnh"
    return PlaceUnit(kind, prov_name, "province")


@_per_gazetteer
def make_unit(word: str, name: str) -> PlaceUnit:
    """``("thành phố", "Hải Phòng")`` → a province-level unit; levels from the data."""
    word = _tables().unit_names.get(_key(word), word.casefold())
    name = canonical_place(name)
    if word == "thành phố":
        level = city_level(name) or "province"
    else:
        level = UNIT_LEVEL.get(word, "district")
    return PlaceUnit(word, name, level)


@dataclass(slots=True)
class IssuerMatch:
    issuer: Issuer
    length: int  # characters of the phrase consumed
    relative: bool = False
    unresolved: bool = False
    kind: str = ""


def _state_level(unit: PlaceUnit | None) -> str | None:
    return unit.level if unit else None


def _party_level(unit: PlaceUnit | None, kind: _Kind) -> str | None:
    """A committee's level: its unit's, in the Party's tiers for a Party committee."""
    prefix = "party-" if kind.system == "party" else ""
    if unit is None:
        tier = {"city": "province"}.get(kind.unit or "", kind.unit)
        return prefix + tier if tier in ("province", "district", "commune") else None
    return prefix + unit.level


def resolve_issuer(phrase: str, ctx: PlaceContext | None = None) -> IssuerMatch | None:
    """Recognize the issuer named at the start of ``phrase`` and complete it from ``ctx``.

    Returns ``None`` when the phrase does not start with a body we know. The phrase
    may run on past the name ("Thủ tướng Chính phủ về tiếp tục ..."): ``length`` says
    how much of it the name took. One function per system reads the rest: central bodies,
    State bodies of a unit, Party committees; a department (Sở, Phòng) otherwise."""
    t = _tables()
    lead = len(phrase) - len(phrase.lstrip())
    body = phrase[lead:]
    m = t.kind_re.match(body)
    if m is None:
        dept = resolve_department(body, ctx) or _resolve_sub_body(body, ctx or PlaceContext())
        if dept is not None:
            dept.length += lead
        return dept
    kind = t.kinds[_key(m.group(0))]
    pos = m.end()
    ctx = ctx or PlaceContext()

    if kind.system == "central":
        return _resolve_central(kind, lead + pos)
    if kind.system == "state":
        return _resolve_state(kind, body, pos, lead, ctx)
    return _resolve_party(kind, body, pos, lead, ctx)


#: Where a board's own words stop looking for the body above it: a sign that ends the clause.
_SUB_STOP = regex.compile(r"[,;:.()“”\"\n]")
_SUB_WORD = regex.compile(r"[ \t]+(?=\S)")
#: Most characters a board's own words and the body above it take in running text.
_SUB_WINDOW = 120


def _resolve_sub_body(body: str, ctx: PlaceContext) -> IssuerMatch | None:
    """A board, council or union named in running text before the body it belongs to
    (``Ban Tổ chức Thành ủy Hà Nội``, ``Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Nghệ An``)
    or before its unit (``Công đoàn ngành Giáo dục tỉnh Nghệ An``, ``Ban Chỉ đạo phòng chống
    dịch tỉnh``): its own words as written, then the body or unit, which gives the level and
    the place. It opens with a body's head (``header.yaml`` ``org_heads``) in running text's
    case (a header's capitals are read by ``own_issuer``) and finds that body or unit within
    the clause; a head word that names no such body is no issuer (``Ban hành Kế hoạch``)."""
    hm = pattern("header", "org_heads").match(body)
    if hm is None or not body[:1].isupper() or body[: hm.end()].isupper():
        return None
    after = _SUB_WORD.match(body, hm.end())
    if len(hm.group(0).split()) == 1 and (after is None or _WRITTEN_WORD.match(body, after.end()) is None):
        return None  # a one-word head names a field in capitals (Hội Nông dân); "Hội diễn", "Ban hành" are words
    t = _tables()
    stop = _SUB_STOP.search(body, hm.end(), hm.end() + _SUB_WINDOW)
    limit = stop.start() if stop is not None else min(len(body), hm.end() + _SUB_WINDOW)
    for gap in _SUB_WORD.finditer(body, hm.end(), limit):
        at = gap.end()
        own = " ".join(body[:gap.start()].split()).rstrip(" -–")  # "Ban Tuyên giáo - Tỉnh ủy Gia Lai"
        if _word_breaks().match(body, at):
            return None
        if t.kind_re.match(body, at):
            above = resolve_issuer(body[at:limit], ctx)
            if above is None or above.unresolved:
                return None
            a = above.issuer
            return IssuerMatch(Issuer(f"{own} {a.name}", a.level, place=a.place, province=a.province), at + above.length,
                               relative=above.relative, kind=own)
        um = t.unit_re.match(body, gap.start())
        if um is not None:
            word = t.unit_names[_key(um.group(0))]
            pn = _longer_written(body[:limit], um.end(), _proper_at(body[:limit], um.end(), word if word in ("xã", "phường", "thị trấn", "đặc khu") else None))
            if pn is None and um.group(0).strip()[:1].isupper():
                continue  # "Ban Văn hóa - Xã hội": a capital with no place after it is a word of the field
            unit = make_unit(word, pn[0]) if pn is not None else ctx.unit_for_word(word)
            if unit is None:
                return IssuerMatch(Issuer(f"{own} {word}", UNIT_LEVEL.get(word)), um.end(), relative=True, unresolved=True, kind=own)
            province = province_of(unit)
            return IssuerMatch(Issuer(f"{own} {unit.display}", unit.level, place=unit.name,
                                      province=province.name if province else None),
                               pn[1] if pn is not None else um.end(), relative=pn is None, kind=own)
    return None


def _resolve_central(kind: _Kind, length: int) -> IssuerMatch:
    """A central body needs no context: Thủ tướng Chính phủ, Bộ Chính trị, a ministry."""
    return IssuerMatch(Issuer(kind.name, kind.level), length, kind=kind.name)


def _resolve_state(kind: _Kind, body: str, pos: int, lead: int, ctx: PlaceContext) -> IssuerMatch:
    """A State body of a unit (UBND, HĐND, Chủ tịch UBND, Ủy ban MTTQ): its unit named
    (``UBND tỉnh Quảng Ninh``) or completed from the document's own (``UBND huyện``)."""
    t = _tables()
    um = t.unit_re.match(body, pos)
    unit: PlaceUnit | None = None
    relative = False
    if um is not None:
        word = t.unit_names[_key(um.group(0))]
        pos = um.end()
        pn = _proper_at(body, pos, word if word in ("xã", "phường", "thị trấn", "đặc khu") else None)
        if pn is None and _DIGIT_AHEAD.match(body, pos):
            pn = _proper_at(body, pos, word)
        if not kind.name.startswith("Chủ tịch"):
            # a name the data does not know is still the text's ("Chủ tịch UBND huyện"
            # may be followed by the holder's own name: not a place)
            pn = _longer_written(body, pos, pn)
        if pn is not None and not t.unit_re.match(pn[0]):
            unit = make_unit(word, pn[0])
            pos = pn[1]
        else:
            unit = ctx.unit_for_word(word)
            relative = True
            if unit is None:
                name = f"{kind.name} {word}"
                return IssuerMatch(
                    Issuer(name, UNIT_LEVEL.get(word)), lead + pos, relative=True, unresolved=True, kind=kind.name
                )
    else:
        pn = _proper_at(body, pos)
        if pn is not None:
            unit = make_unit("tỉnh", pn[0])
            cands = admin.find_units(pn[0])
            if cands:
                unit = PlaceUnit(cands[0].kind, cands[0].name, cands[0].level)
            pos = pn[1]
        else:
            return IssuerMatch(Issuer(kind.name, None), lead + pos, relative=True, unresolved=True, kind=kind.name)
    province = province_of(unit) if unit else None
    issuer = Issuer(
        f"{kind.name} {unit.display}",
        _state_level(unit),
        place=unit.name,
        province=province.name if province else None,
    )
    return IssuerMatch(issuer, lead + pos, relative=relative, kind=kind.name)


def _resolve_party(kind: _Kind, body: str, pos: int, lead: int, ctx: PlaceContext) -> IssuerMatch:
    """A Party committee: ``Thành ủy Hà Nội``, or a bare ``Thành ủy`` completed from context."""
    t = _tables()
    um = t.unit_re.match(body, pos)
    if um is not None and kind.unit in ("commune", "district"):
        word = t.unit_names[_key(um.group(0))]
        pn = _longer_written(body, um.end(), _proper_at(body, um.end(), word if word in ("xã", "phường", "thị trấn", "đặc khu") else None))
        if pn is not None:
            unit = make_unit(word, pn[0])
            province = province_of(unit)
            issuer = Issuer(f"{kind.name} {unit.display}", _party_level(unit, kind), place=unit.name,
                            province=province.name if province else None)
            return IssuerMatch(issuer, lead + pn[1], kind=kind.name)
    pn = _proper_at(body, pos)
    if pn is None and kind.unit == "commune":
        pn = _proper_at(body, pos, "xã") or _proper_at(body, pos, "phường") or _proper_at(body, pos, "thị trấn")
    written = pn is None and (pn := written_place_at(body, pos)) is not None
    unit = None
    relative = False
    if pn is not None:
        unit_kind = {"province": "tỉnh", "city": "thành phố", "district": "huyện", "commune": "xã"}.get(
            kind.unit or "", "tỉnh"
        )
        unit = make_unit(unit_kind, pn[0])
        if not written:
            cands = [c for c in admin.find_units(pn[0]) if kind.unit != "province" or c.level == "province"]
            if kind.unit in ("district",):
                cands = [c for c in cands if c.level == "district"] or cands
            if kind.unit == "city":
                cands = [c for c in cands if c.kind == "thành phố"] or cands
            if cands:
                unit = PlaceUnit(cands[0].kind, cands[0].name, cands[0].level)
        pos = pn[1]
    else:
        unit = ctx.unit_for_party(kind.unit or "")
        relative = True
        if unit is None:
            return IssuerMatch(
                Issuer(kind.name, _party_level(None, kind)), lead + pos, relative=True, unresolved=True, kind=kind.name
            )
    province = province_of(unit) if unit else None
    # "Đảng ủy" names no unit kind by itself: "Đảng ủy phường Ba Đình"; "Thành ủy Hà Nội" does.
    shown = unit.display if kind.unit == "commune" else unit.name
    issuer = Issuer(
        f"{kind.name} {shown}",
        _party_level(unit, kind),
        place=unit.name,
        province=province.name if province else None,
    )
    return IssuerMatch(issuer, lead + pos, relative=relative, kind=kind.name)


def _is_code(word: str) -> bool:
    """An abbreviation such as UBND, HĐND, MTTQ, KGVX: capitals with no vowel but Y-less codes."""
    bare = ascii_key(word).upper()
    return word.isupper() and (word in ("UBND", "HĐND", "MTTQ", "VKSND", "TAND") or not any(c in "AEIOU" for c in bare))


def org_case(name: str) -> str:
    """``SỞ GIÁO DỤC VÀ ĐÀO TẠO`` → ``Sở Giáo dục và Đào tạo``: the body word and the first
    word of its name capitalized, and the first word after "và"; codes (UBND) stay."""
    out = []
    cap_next = True
    for i, w in enumerate(name.split()):
        if _is_code(w):
            out.append(w)
            continue
        lw = w.lower()
        if i <= 1 or cap_next:
            lw = lw[:1].upper() + lw[1:]
        cap_next = lw in ("và", "-", "–")
        out.append(lw)
    return " ".join(out)


# Departments: "Sở Nội vụ", "Giám đốc Sở Giáo dục và Đào tạo", "Phòng Văn hóa - Thông tin".
_DEPT = regex.compile(
    r"(?i)(?P<head>giám\s+đốc\s+|trưởng\s+|phó\s+giám\s+đốc\s+)?(?P<kind>sở|phòng)\s+(?P<name>\p{L}+(?:\s*-\s*\p{L}+|\s+\p{L}+){0,7})"
)
_DEPT_STOP = {
    "tỉnh", "thành", "huyện", "quận", "thị", "xã", "phường", "về", "theo", "ngày", "số", "của", "tại", "đã", "ban",
    "hướng", "quy", "chủ", "phối", "và", "tổng", "các", "trong", "với", "để", "có", "là", "được", "qua", "thuộc",
    "tham", "thực", "triển", "báo", "gửi", "tổ", "chịu", "đề", "nghị", "căn", "cứ",
}


def place_without_unit(words_: list[str], level: str, ctx: PlaceContext) -> tuple[PlaceUnit, int] | None:
    """A known unit of ``level`` named by the capitalized words that close a department's
    name with no unit word before them (``Sở Tài Chính Vĩnh Long``): the unit and where
    its name starts. A name several units bear (``Phòng GD-ĐT Bình Tân``: a quận and a
    huyện) is the one in the document's province, else a unit of no known kind (``kind ""``)."""
    for k in range(1, len(words_)):
        run = words_[k:]
        if len(run) > 4 or not all(w[:1].isupper() for w in run):
            continue
        units = [u for u in admin.find_units(" ".join(run)) if u.level == level]
        if ctx.province is not None and len(units) > 1:
            units = [u for u in units if u.province == ctx.province.name] or units
        kinds = {(u.kind, u.name) for u in units}
        if len(kinds) == 1:
            return PlaceUnit(units[0].kind, units[0].name, level), k
        if kinds:
            return PlaceUnit("", units[0].name, level), k
    return None


def resolve_department(phrase: str, ctx: PlaceContext | None = None) -> IssuerMatch | None:
    """A provincial department (Sở) or district office (Phòng), completed by its unit:
    "Sở Nội vụ" inside a Nghệ An text is Sở Nội vụ tỉnh Nghệ An."""
    lead = len(phrase) - len(phrase.lstrip())
    m = _DEPT.match(phrase, lead)
    if m is None:
        return None
    words = m.group("name").split()
    taken: list[str] = []
    for w in words:
        if taken and (w.casefold() in _DEPT_STOP and not (w.casefold() == "và" and len(taken) >= 1)):
            break
        if w.casefold() == "và" and taken and taken[-1].casefold() == "và":
            break
        taken.append(w)
    while taken and taken[-1].casefold() in _DEPT_STOP:
        taken.pop()
    if not taken or taken[0][:1].islower():
        return None
    kind = "Sở" if m.group("kind").casefold() == "sở" else "Phòng"
    ctx = ctx or PlaceContext()
    named = place_without_unit(taken, "province" if kind == "Sở" else "district", ctx)
    if named is not None:  # "Sở Tài Chính Vĩnh Long": the unit's name with no unit word
        taken = taken[: named[1]]
    # the name's end in the phrase
    end = m.start("name")
    for w in taken + (named[0].name.split() if named is not None else []):
        end = phrase.find(w, end) + len(w)
    body = org_case(f"{kind} {' '.join(taken)}")
    head = " ".join(m.group("head").split()).capitalize() + " " if m.group("head") else ""
    ctx = ctx or PlaceContext()
    t = _tables()
    unit: PlaceUnit | None = named[0] if named is not None else None
    um = t.unit_re.match(phrase, end) if unit is None else None
    if um is not None:
        word = t.unit_names[_key(um.group(0))]
        pn = _longer_written(phrase, um.end(), _proper_at(phrase, um.end()))
        if pn is not None:
            unit = make_unit(word, pn[0])
            end = pn[1]
    if unit is None:
        unit = ctx.province if kind == "Sở" else ctx.district
    if unit is None:
        return IssuerMatch(Issuer(f"{head}{body}", "province" if kind == "Sở" else "district"), end,
                           relative=True, unresolved=True, kind=kind)
    province = province_of(unit) if unit.kind else None
    issuer = Issuer(f"{head}{body} {unit.display.strip()}", unit.level, place=unit.name,
                    province=province.name if province else (ctx.province.name if ctx.province and unit.kind else None))
    return IssuerMatch(issuer, end, kind=kind)


def tier_of(level: str | None) -> str | None:
    """``party-province`` and ``province`` sit on one tier: Tỉnh ủy and UBND tỉnh share a place."""
    if not level:
        return None
    for tier in ("central", "province", "district", "commune"):
        if level.endswith(tier):
            return tier
    return None
