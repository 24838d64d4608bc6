"""The document's own issuer: from its header block, or from its own voice.

**From the header** (Nghị định 30/2020/NĐ-CP Phụ lục I; Hướng dẫn 36-HD/VPTW): the left
column holds the issuing body with its parent above it — ``BỘ TÀI CHÍNH`` / ``CỤC THUẾ``,
``UBND TỈNH QUẢNG NINH`` / ``SỞ NỘI VỤ``, ``TỈNH ỦY X`` / ``BAN DÂN VẬN``, ``ĐẢNG BỘ TỈNH X``
/ ``HUYỆN ỦY Y``. The lines are cut into bodies where a line opens with a body's head word
(``data/lexicon/header.yaml`` ``org_heads``); any other line continues the body above it
(a wrapped name, or the unit of ``ỦY BAN NHÂN DÂN`` / ``TỈNH QUẢNG NINH``); a head standing
alone (``VĂN PHÒNG``) takes the next line whatever it opens with. The last body is the
issuer, the one above it its ``parent``. A name written in full keeps its words even where
the administrative-unit data has no such place (a unit created or renamed in 2025, a
typo): the data adds level and province when it knows the place, never the name.

**From the voice**, for a text whose header is missing ("Chủ tịch Ủy ban nhân dân huyện
yêu cầu", "UBND tỉnh Hải Dương xây dựng Kế hoạch"), completed by its place line or the unit
it keeps naming, and marked ``inferred``. Never from inside a citation.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import regex

from ..model import Issuer
from ..refdata import alternation, load_yaml, map_period, mass_committees, party_committees, pattern, unit_levels, unit_word_alternation, words
from ..text.normalize import ascii_key, fold_key
from . import admin_units as admin
from .admin_units import memo_per_gazetteer
from .issuers import (
    UNIT_LEVEL,
    PlaceContext,
    PlaceUnit,
    canonical_place,
    is_known_place,
    make_unit,
    place_without_unit,
    province_of,
    resolve_issuer,
)

# Unit words and Party committees are read from data/bodies.yaml (refdata), never spelled here.
_UNITS = unit_word_alternation()
_COMMITTEES = alternation(list(party_committees()))
_MASS = alternation(list(mass_committees()))
_UNIT_WORDS = tuple(sorted(unit_levels(), key=len, reverse=True))
_UNIT_AT = regex.compile(rf"(?i)(?<!\p{{L}})(?P<w>{_UNITS})(?!\s+(?:ủy|đoàn)(?!\p{{L}}))\s+(?P<name>\S.*)$")
_PARTY_COMMITTEE = regex.compile(rf"(?i)^(?:(?P<c>{_COMMITTEES}|đảng\s+bộ)|(?P<mass>{_MASS}))(?:\s+(?P<rest>.+))?$")
_WORD_START = regex.compile(r"(?<=\s)\S")
_DANG_BO = regex.compile(r"(?i)^đảng\s+bộ\s+(?P<rest>.+)$")
_COMMITTEE_UNIT = {c: word for c, (_tier, word) in (party_committees() | mass_committees()).items() if c != "đảng ủy"}


# --- names in Vietnamese title case ------------------------------------------------------------


def is_code(word: str) -> bool:
    """An abbreviation (``UBND``, ``HĐND``, ``MTTQ``, ``TNHH``): capitals with no vowel, or a known code."""
    bare = ascii_key(word).upper()
    return word.isupper() and (word in ("UBND", "HĐND", "MTTQ", "VKSND", "TAND") or not any(c in "AEIOUY" for c in bare))


@cache
def _fixed() -> dict[str, str]:
    return {fold_key(w): w for w in words("header", "fixed_spellings")}


@cache
def _heads() -> tuple[tuple[str, str], ...]:
    """Head words longest first, each with its folded key."""
    return tuple((h, fold_key(h)) for h in sorted(words("header", "org_heads"), key=len, reverse=True))


def place_case(name: str) -> str:
    """A place name as the data spells it, else each word capitalized (``TÂN HƯNG LỘC`` →
    ``Tân Hưng Lộc``)."""
    known = canonical_place(name)
    if known != name and fold_key(known) == fold_key(name):
        return known
    return " ".join(w[:1].upper() + w[1:].lower() if not w.isdigit() else w for w in name.split())


def name_case(phrase: str) -> str:
    """A body's name from capitals (cached per gazetteer: place names come from it); see
    ``_name_case``."""
    from .admin_units import current

    return _name_case(phrase, current())


@lru_cache(maxsize=4096)
def _name_case(phrase: str, _gazetteer: object) -> str:
    """A body's name from capitals: the head word as running text writes it (``Ủy ban nhân
    dân``, ``Cục``), the first word of its field capitalized and the first after ``và``
    (``Sở Giáo dục và Đào tạo``), fixed spellings restored (``Mặt trận Tổ quốc Việt Nam``),
    codes kept (``MTTQ``), a unit's place in title case (``xã Tân Hưng Lộc``)."""
    phrase = " ".join(phrase.split())
    if not phrase:
        return phrase
    first, _, rest_words = phrase.partition(" ")
    if (full := _head_abbreviations().get(first.upper())) is not None:
        phrase = f"{full.upper()} {rest_words}".strip()  # "BCĐ PHÒNG, CHỐNG DỊCH": Ban Chỉ đạo ...
    unit = _UNIT_AT.search(phrase)
    place_part = ""
    if unit is not None and unit.start() > 0:
        word = " ".join(unit.group("w").split()).lower()
        place_part = f" {word} {place_case(unit.group('name'))}"
        phrase = phrase[: unit.start()].rstrip()
    folded = fold_key(phrase)
    head = next((h for h, fh in _heads() if folded == fh or folded.startswith(fh + " ")), None)
    if head is not None:
        rest = phrase[len(" ".join(phrase.split()[: len(head.split())])):].strip()
        out = [head]
    else:
        rest = phrase
        out = []
    fixed = _fixed()
    wl = rest.split()
    i = 0
    cap_next = True
    if head is not None and fold_key(head) == "trường":
        school = _school_level(wl)
        if school is not None:
            # a school: its level as readers write it, then its own name in title case
            level_name, taken = school
            out.append(level_name)
            out.extend(w if is_code(w) else place_case(w) for w in wl[taken:])
            i = len(wl)
    while i < len(wl):
        taken = False
        for k in (4, 3, 2, 1):
            if i + k <= len(wl):
                key = fold_key(" ".join(wl[i : i + k]))
                if key in fixed:
                    out.append(fixed[key])
                    i += k
                    taken = True
                    cap_next = False
                    break
        if taken:
            continue
        w = wl[i]
        if out and fold_key(w) == "trường" and (school := _school_level(wl[i + 1:])) is not None:
            # "CÔNG ĐOÀN TRƯỜNG THCS MINH HÒA": the school a body belongs to, named as a school is
            out.extend(["Trường", school[0], *(x if is_code(x) else place_case(x) for x in wl[i + 1 + school[1]:])])
            break
        if out and head is not None and len(out) == 1 and pattern("header", "name_classifiers").fullmatch(w):
            out.append(w.lower())  # "CÔNG ĐOÀN NGÀNH GIÁO DỤC": ngành stays lower, its field is capitalized
            i += 1
            continue
        if out and is_code(out[-1]) and (place := _known_place_run(wl[i:])) is not None:
            out.append(place)  # "PHÒNG GD&ĐT LAI VUNG": the place after a code, as the data spells it
            break
        if w == "&":  # "GIÁO DỤC & ĐÀO TẠO": the ampersand read as the word it stands for
            out.append("và")
            cap_next = True
            i += 1
            continue
        if is_code(w) or any(c.isdigit() for c in w):
            out.append(w)  # a code (UBND, HĐND, TNHH) or a word with digits (COVID-19) as written
        else:
            lw = w.lower()
            if cap_next or (not out):
                lw = lw[:1].upper() + lw[1:]
            out.append(lw)
        cap_next = w.lower() in ("và", "-", "–", ",")
        i += 1
    name = " ".join(out)
    if name.startswith("Ủy ban nhân dân"):
        name = "UBND" + name[len("Ủy ban nhân dân"):]
    elif name.startswith("Hội đồng nhân dân"):
        name = "HĐND" + name[len("Hội đồng nhân dân"):]
    return (name + place_part).strip()


@cache
def _head_abbreviations() -> dict[str, str]:
    """A head's initials (``BCĐ``) -> the head a reader writes (``data/bodies.yaml``
    ``head_abbreviations``)."""
    return {m.upper(): e["name"] for e in load_yaml("bodies.yaml")["head_abbreviations"] for m in e["match"]}


def _known_place_run(wl: list[str]) -> str | None:
    """``wl`` whole when it names a known province or district (``LAI VUNG`` → ``Lai Vung``)."""
    run = " ".join(wl)
    if not run or len(wl) > 4 or not is_known_place(run):
        return None
    return place_case(run)


@cache
def _school_levels() -> tuple[tuple[tuple[str, ...], str], ...]:
    """A school level's spellings as folded words, each with the name readers write,
    longest first (``data/bodies.yaml`` ``school_levels``)."""
    out = [(tuple(fold_key(m).split()), e["name"]) for e in load_yaml("bodies.yaml")["school_levels"] for m in e["match"]]
    return tuple(sorted(out, key=lambda x: -len(x[0])))


def _school_level(wl: list[str]) -> tuple[str, int] | None:
    """The school level that opens ``wl`` (the words after ``Trường``): its name and how
    many words it took."""
    folded = [fold_key(w) for w in wl]
    for spelled, name in _school_levels():
        if tuple(folded[: len(spelled)]) == spelled and len(wl) > len(spelled):
            return name, len(spelled)
    return None


# --- cutting the header's lines into bodies ---------------------------------------------------


def _opens_body(line: str) -> bool:
    if _UNIT_AT.match(line) and not _PARTY_COMMITTEE.match(line):
        return False  # "TỈNH QUẢNG NINH": the unit of the body above
    return pattern("header", "org_heads").match(line) is not None


def _incomplete(component: str) -> bool:
    """A head word standing alone, or cut inside (``ỦY BAN NHÂN``): the next line completes it."""
    key = fold_key(component)
    if pattern("header", "standalone_bodies").fullmatch(component):
        return False
    return key in _head_prefixes()


@cache
def _head_prefixes() -> frozenset[str]:
    """Every folded head word (``_heads``) and each of its whole-word beginnings (``ủy ban
    nhân``): what a component cut inside a head reads as."""
    return frozenset(fh[:i] for _h, fh in _heads() for i in range(len(fh) + 1) if i == len(fh) or fh[i] == " ")


def _cut_inside(line: str) -> list[str]:
    """A line holding two bodies (a header flattened onto one line: ``ỦY BAN NHÂN DÂN TỈNH
    QUẢNG NINH SỞ NỘI VỤ``): cut where a head word opens a body and what stands before it is
    a whole body the data knows."""
    for m in _WORD_START.finditer(line):
        head = line[m.start():]
        if not _opens_body(head):
            continue
        before = line[: m.start()].strip()
        if _incomplete(before) or _ends_place(head):
            continue
        if _known_body(before):
            return [before, *_cut_inside(head)]
    return [line]


def _ends_place(rest: str) -> bool:
    """Whether ``rest``, the end of a line after a unit's place, is more of that place's name
    rather than a body: a one-word head and one more word (``UBND XÃ THUẬN HỘI THƯỢNG``,
    ``UBND THÀNH PHỐ HỘI AN``: place names hold such syllables, and the data may not know
    the place). A body under a unit names its field after its head (``SỞ NỘI VỤ``, ``HỘI
    NÔNG DÂN``) or is a code (``ĐÀI PTTH``)."""
    wl = rest.split()
    if len(wl) != 2 or is_code(wl[1]):
        return False
    m = pattern("header", "org_heads").match(rest)
    return m is not None and len(m.group(0).split()) == 1


def _known_body(phrase: str) -> bool:
    """A whole body the data knows: ``UBND TỈNH QUẢNG NINH``, ``TỈNH ỦY X``, or a Party
    organization of a known unit (``ĐẢNG BỘ TỈNH QUẢNG NINH``: the unit is the UBND's)."""
    r = resolve_issuer(phrase)
    if r is not None and not r.unresolved and r.length >= len(phrase) - 1:
        return True
    dang_bo = _DANG_BO.match(phrase)
    if dang_bo is None:
        return False
    unit = "UBND " + dang_bo.group("rest")
    r = resolve_issuer(unit)
    return r is not None and not r.unresolved and r.length >= len(unit) - 1


def split_bodies(lines: Sequence[str]) -> list[str]:
    """The header's issuer lines cut into bodies, parent first."""
    out: list[str] = []
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        pieces = _cut_inside(line) if len(line.split()) >= 4 else [line]
        if len(pieces) > 1:
            if out and _incomplete(out[-1]):
                out[-1] = f"{out[-1]} {pieces[0]}"
                pieces = pieces[1:]
            out.extend(pieces)
            continue
        if out and _incomplete(out[-1]) and fold_key(line).startswith(fold_key(out[-1]) + " "):
            # ``ỦY BAN NHÂN DÂN`` (a cut cell) then ``ỦY BAN NHÂN DÂN TỈNH X`` (the same body
            # named in full under it): one body, the full name.
            out[-1] = line
        elif out and (not _opens_body(line) or _incomplete(out[-1])):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


# --- composing the issuer -----------------------------------------------------------------------


def _literal_local(body: str, ctx: PlaceContext) -> Issuer | None:
    """A State body written with its unit in full (``ỦY BAN NHÂN DÂN XÃ TÂN HƯNG LỘC``) whose
    place the data may not know: the name as written, the level from the unit word."""
    m = _UNIT_AT.search(body)
    if m is None:
        return None
    word = " ".join(m.group("w").split()).lower()
    place = place_case(m.group("name"))
    name = name_case(body)
    unit = make_unit(word, place)
    level = unit.level if word == "thành phố" else UNIT_LEVEL.get(word, unit.level)
    known = is_known_place(place, word if word in ("xã", "phường", "thị trấn", "đặc khu") else None)
    prov = province_of(PlaceUnit(word, place, level)) if known else None
    province = prov.name if prov else (ctx.province.name if ctx.province and level != "province" else None)
    if level == "province":
        province = place
    return Issuer(name, level, place=place, province=province)


def _resolve_body(body: str, ctx: PlaceContext) -> Issuer | None:
    """One body's line(s) as an ``Issuer``: resolved against the data and the parents'
    units when it can be, else kept as written."""
    r = resolve_issuer(body, ctx)
    if r is not None and not r.unresolved and len(body) - r.length < 3:
        issuer = r.issuer
        if r.relative is False and _UNIT_AT.search(body):
            written = _literal_local(body, ctx)
            if written is not None and fold_key(written.name) != fold_key(issuer.name) and fold_key(written.place or "") != fold_key(issuer.place or ""):
                return written  # the data's nearest place is another: keep the words
        return issuer
    literal = _literal_local(body, ctx)
    if literal is not None:
        return literal
    pm = _PARTY_COMMITTEE.match(body)
    if pm is not None and pm.group("rest") and pattern("header", "bloc_words").match(pm.group("rest")):
        return Issuer(name_case(body), None)  # "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH": a bloc, no place
    if pm is not None and pm.group("rest"):
        committee = " ".join((pm.group("c") or pm.group("mass")).split()).capitalize()
        unit_word = _COMMITTEE_UNIT.get(committee.lower())
        rest = pm.group("rest")
        um = _UNIT_AT.match(rest)
        if um is not None:
            unit_word = " ".join(um.group("w").split()).lower()
            rest = um.group("name")
        place = place_case(rest)
        level = ("" if pm.group("mass") else "party-") + (make_unit(unit_word, place).level if unit_word else "commune")
        shown = f"{committee} {unit_word} {place}" if committee.lower() in ("đảng ủy", "đảng bộ") and unit_word else f"{committee} {place}"
        prov = province_of(make_unit(unit_word or "xã", place)) if unit_word else None
        return Issuer(shown, level, place=place, province=prov.name if prov else (place if level.endswith("province") else None))
    if r is not None and not r.unresolved and r.issuer.level in ("central",) and len(body) - r.length < 3:
        return r.issuer
    name = name_case(body)
    if not name:
        return None
    return _coded_place(name, ctx) or _place_at_end(body, ctx) or Issuer(name, None)


def _coded_place(name: str, ctx: PlaceContext) -> Issuer | None:
    """A Sở or Phòng written with a code and its place but no unit word (``PHÒNG GD-ĐT BÌNH
    TÂN``, ``SỞ GDĐT AN GIANG``): the place is the body's, at the level its head says
    (``header.yaml`` ``province_heads``/``district_heads``); the province comes from the data
    when the place names one unit of that level, and the name takes that unit's word as a
    reader writes it (``Sở GDĐT tỉnh An Giang``, ``Phòng GDĐT huyện Lai Vung``) when the unit
    is one; a name several units bear stays as written (``Phòng GD-ĐT Bình Tân``: a quận of
    Hồ Chí Minh and a huyện of Vĩnh Long)."""
    wl = name.split()
    at = next((k for k in range(len(wl) - 1, 0, -1) if is_code(wl[k - 1]) and _known_place_run(wl[k:])), None)
    if at is None:
        return None
    place = " ".join(wl[at:])
    level = ("province" if pattern("header", "province_heads").match(name)
             else "district" if pattern("header", "district_heads").match(name) else None)
    if level is None:
        return None
    units = [u for u in admin.find_units(place) if u.level == level]
    if ctx.province is not None and any(u.province == ctx.province.name for u in units):
        units = [u for u in units if u.province == ctx.province.name]
    return _with_unit_word(" ".join(wl[:at]), place, level, units)


def _with_unit_word(field: str, place: str, level: str, units: Sequence[object]) -> Issuer:
    """A body named by its field and its unit's name: the unit's word put between them when
    the data gives one unit (``Sở Giáo dục và Đào tạo tỉnh Nghệ An``), its province too."""
    provinces = {getattr(u, "province", None) for u in units} - {None}
    kinds = {(getattr(u, "kind", ""), getattr(u, "name", place)) for u in units}
    province = provinces.pop() if len(provinces) == 1 else None
    if len(kinds) == 1:
        ((kind, known),) = kinds
        if kind:
            return Issuer(f"{field} {kind} {known}", level, place=known, province=province)
    return Issuer(f"{field} {place}", level, place=place, province=province)


def _place_at_end(body: str, ctx: PlaceContext) -> Issuer | None:
    """A Sở, a Phòng or a sector's union whose name closes with its unit's name and no unit
    word (``SỞ GIÁO DỤC VÀ ĐÀO TẠO NGHỆ AN``, ``CÔNG ĐOÀN NGÀNH GIÁO DỤC NGHỆ AN``): the unit
    at the level its head says (``header.yaml`` ``province_heads``/``district_heads``) is
    the body's place, written as the data spells it after its unit's word when the data gives
    one unit (Sở Giáo dục và Đào tạo tỉnh Nghệ An); the field before it keeps its words."""
    level = ("province" if pattern("header", "province_heads").match(body)
             else "district" if pattern("header", "district_heads").match(body) else None)
    if level is None:
        return None
    wl = body.split()
    named = place_without_unit(wl, level, ctx)
    if named is None or named[1] < 2:
        return None  # the head and at least one word of its field stand before the place
    unit, at = named
    prov = province_of(unit) if unit.kind else None
    province = prov.name if prov else (ctx.province.name if ctx.province is not None else None)
    shown = f"{unit.kind} {unit.name}" if unit.kind else unit.name
    return Issuer(f"{name_case(' '.join(wl[:at]))} {shown}", level, place=unit.name, province=province)


def seated(issuer: Issuer, place: str | None) -> Issuer:
    """A board or council whose header names no unit (``header.yaml`` ``seated_heads``),
    placed at the unit its place line names when the data knows one province or district of
    that name: ``Ban Thường trực Ban Chỉ đạo ...`` over ``Gia Lai, ngày ...`` is the Ban
    Thường trực ... tỉnh Gia Lai, and so is the board above it. Any other issuer as it is."""
    if not place or issuer.place or issuer.level or not pattern("header", "seated_heads").match(issuer.name):
        return issuer
    units = [u for u in admin.find_units(place) if u.level in ("province", "district")]
    if len({(u.kind, u.name, u.level) for u in units}) != 1:
        return issuer
    unit = units[0]
    province = unit.name if unit.level == "province" else unit.province

    def at_seat(i: Issuer) -> Issuer:
        return Issuer(f"{i.name} {unit.kind} {unit.name}", unit.level, inferred=i.inferred, place=unit.name,
                      province=province, span=i.span)

    parent = issuer.parent
    if parent is not None and not parent.place and not parent.level and issuer.name.endswith(" " + parent.name):
        # the body it serves, named in full in its name, is at the same seat
        above = at_seat(parent)
        above.parent = parent.parent
        out = replace(at_seat(issuer), name=issuer.name[: -len(parent.name)] + above.name, parent=above)
        return out
    return replace(at_seat(issuer), parent=parent)


def _fill(ctx: PlaceContext, issuer: Issuer) -> None:
    """Put the issuer's unit (and its province) into ``ctx``: what its relative citations mean."""
    if not issuer.place:
        return
    kind_word = unit_kind_of(issuer)
    level = (issuer.level or "").removeprefix("party-") or None
    if kind_word is None:
        kind_word = {"province": "tỉnh", "district": "huyện", "commune": "xã"}.get(level or "", "tỉnh")
        for committee, word in _COMMITTEE_UNIT.items():
            if committee in issuer.name.casefold() and word != "tỉnh" and word != "huyện":
                kind_word = word
    unit = make_unit(kind_word, issuer.place)
    if level in ("province", "district", "commune"):
        unit = PlaceUnit(unit.kind, unit.name, level)
    set_unit(ctx, unit)
    if ctx.province is None and issuer.province:
        prov = admin.province(issuer.province)
        ctx.province = PlaceUnit(prov.kind if prov else "tỉnh", issuer.province, "province")


def compose_header_issuer(lines: Sequence[str], ctx: PlaceContext) -> Issuer | None:
    """The issuer from the header's issuer lines (parent first); the parents' units go into
    ``ctx``. ``issuer.parent`` is the body above it.

    Composed once per set of lines when ``ctx`` starts empty (as a header's does): every
    document of an office heads its text with the same lines, and cutting them into bodies
    and resolving each against the gazetteer is most of a header's cost. The caller gets
    its own copy of the issuer (it sets spans and provinces on it)."""
    if ctx.province is None and ctx.district is None and ctx.commune is None:
        issuer, (ctx.province, ctx.district, ctx.commune) = _composed_afresh(tuple(lines))
        return _copied(issuer)
    return _compose(lines, ctx)


@memo_per_gazetteer
def _composed_afresh(lines: tuple[str, ...]) -> tuple[Issuer | None, tuple[PlaceUnit | None, PlaceUnit | None, PlaceUnit | None]]:
    """``_compose`` with an empty context: the issuer and the units it put in the context."""
    ctx = PlaceContext()
    issuer = _compose(lines, ctx)
    return issuer, (ctx.province, ctx.district, ctx.commune)


def _copied(issuer: Issuer | None) -> Issuer | None:
    """A copy of ``issuer`` and of the bodies above it (spans and units are immutable)."""
    if issuer is None:
        return None
    return replace(issuer, parent=_copied(issuer.parent))


def _compose(lines: Sequence[str], ctx: PlaceContext) -> Issuer | None:
    bodies = split_bodies(lines)
    if not bodies:
        return None
    issuers: list[Issuer] = []
    for k, body in enumerate(bodies):
        dang_bo = _DANG_BO.match(body)
        if dang_bo is not None and k < len(bodies) - 1:
            unit = resolve_issuer("UBND " + dang_bo.group("rest"))
            if unit is not None and unit.issuer.place:
                _fill(ctx, unit.issuer)
            issuers.append(Issuer(name_case("Đảng bộ " + dang_bo.group("rest")), None))
            continue
        issuer = _resolve_body(body, ctx)
        if issuer is None:
            continue
        if k < len(bodies) - 1:
            _fill(ctx, issuer)
        issuers.append(issuer)
    if not issuers:
        return None
    own = issuers[-1]
    parent = issuers[-2] if len(issuers) >= 2 else None
    if parent is not None:
        own = _under(own, parent, ctx)
        own.parent = parent
    return own


def _under(own: Issuer, parent: Issuer, ctx: PlaceContext) -> Issuer:
    """A body named without its unit takes its parent's: ``SỞ NỘI VỤ`` under ``UBND TỈNH
    QUẢNG NINH`` is Sở Nội vụ tỉnh Quảng Ninh; ``BAN DÂN VẬN`` under ``TỈNH ỦY X`` is Ban Dân
    vận Tỉnh ủy X; ``CỤC THUẾ`` under ``BỘ TÀI CHÍNH`` stays Cục Thuế."""
    if own.place:
        return own
    serves = pattern("header", "parent_name_heads").match(own.name) is not None
    if not parent.place and not (serves and parent.name):
        return own
    suffix = parent.name
    if serves:
        pass  # Văn phòng UBND tỉnh X, Ban Thường trực Ban Chỉ đạo ...: the body it serves, named in full
    elif suffix.startswith(("UBND ", "HĐND ")):
        suffix = suffix.split(" ", 1)[1]
    elif pattern("header", "unit_only_heads").match(own.name):
        word = unit_kind_of(parent)
        if word is None or (parent.level == "province" and fold_key(own.name).startswith("trường ")):
            # the parent wrote its place with no unit word (Phòng GD-ĐT Bình Tân): no word to add;
            # a province's school is named alone (Trường THPT Nguyễn Bỉnh Khiêm under Sở GDĐT tỉnh
            # An Giang), a district's with its district (Trường THCS Tân Thành huyện Lai Vung)
            return Issuer(own.name, parent.level, place=parent.place, province=parent.province)
        suffix = f"{word} {parent.place}"  # Công đoàn ngành Giáo dục tỉnh X, under Liên đoàn Lao động tỉnh X
    level = parent.level
    if level and not level.startswith("party-") and own.name.startswith(("Đảng ủy", "Ban ", "Văn phòng")) and "ủy" in parent.name:
        level = "party-" + level
    return Issuer(f"{own.name} {suffix}", level, place=parent.place, province=parent.province)


def unit_kind_of(issuer: Issuer) -> str | None:
    """The unit word in an issuer's name (``phường`` in ``UBND phường Ba Đình``)."""
    for w in _UNIT_WORDS:
        if issuer.place and f" {w} {issuer.place}" in f" {issuer.name}":
            return w
    return None


def _district_of(unit: PlaceUnit) -> PlaceUnit | None:
    """The district a (pre-2025) commune belongs to, when the data names exactly one:
    what "UBND quận" means inside a phường Trúc Bạch text."""
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


def set_unit(ctx: PlaceContext, unit: PlaceUnit) -> None:
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


def fill_context(ctx: PlaceContext, issuer: Issuer) -> None:
    _fill(ctx, issuer)


def disambiguate_province(issuer: Issuer, date: str | None, view: str) -> str | None:
    """A unit name shared by several provinces (Chợ Mới: An Giang, Bắc Kạn; phường Ba Đình:
    Hà Nội since 2025, Thanh Hóa before) is told apart by the period of the document's
    date (the map changed on 1 July 2025), then by the province the text itself names."""
    if not issuer.place:
        return None
    kind = unit_kind_of(issuer)
    query = f"{kind} {issuer.place}" if kind else issuer.place
    units = [u for u in admin.find_units(query) if u.province and u.level != "province"]
    period = map_period(date)
    if period is not None:
        in_period = [u for u in units if u.period == period]
        units = in_period or units
    if date:  # then those that existed on the document's day (a unit set up later is not it)
        on_day = [u for u in units if u.exists_on(date)]
        units = on_day or units
    provinces = {u.province for u in units}
    if len(provinces) == 1:
        return provinces.pop()
    folded = fold_key(view)
    named = [p for p in provinces if fold_key(p) in folded]
    return named[0] if len(named) == 1 else None


# --- from the text's own voice -----------------------------------------------------------------

# "Chủ tịch Ủy ban nhân dân huyện yêu cầu", "UBND tỉnh Hải Dương xây dựng Kế hoạch",
# "Ủy ban nhân dân đặc khu Phú Quốc yêu cầu".
_VOICE = regex.compile(
    rf"(?i)(?<!\p{{L}})(?P<who>(?:chủ\s+tịch\s+)?(?:ủy\s+ban\s+nhân\s+dân|ubnd)\s+(?P<word>{_UNITS})"
    rf"|(?:ban\s+thường\s+vụ\s+)?(?P<pword>{_COMMITTEES}))"
    r"(?P<name>(?:\s+\p{Lu}[\p{L}\p{M}]*){0,4})"
    r"\s+(?:(?:đã|sẽ)\s+)?(?:yêu\s+cầu|xây\s+dựng|ban\s+hành|chỉ\s+thị|quyết\s+định|đề\s+nghị|giao|triển\s+khai|chỉ\s+đạo|hướng\s+dẫn)(?!\p{L})"
)
_UNIT_NAME = regex.compile(
    rf"(?<!\p{{L}})(?P<word>{_UNITS})\s+(?P<name>\p{{Lu}}[\p{{L}}\p{{M}}]*(?:\s+\p{{Lu}}[\p{{L}}\p{{M}}]*){{0,3}})"
)
_PARTY_UNIT = {c: word for c, (_tier, word) in party_committees().items()}


class Spans:
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


@dataclass(frozen=True, slots=True)
class VoiceContext:
    """What the voice inference reads besides the text: the document's place line and the
    citations it must not read from."""

    place: str | None
    exclude: list[tuple[int, int]]


def infer_issuer(view: str, start: int, end: int, ctx: VoiceContext) -> Issuer | None:
    """The issuer of a text with no header block, from its own voice completed by its place
    line or by the unit it keeps naming. Citations are excluded: a document is never its
    own cited document's issuer."""
    spans = Spans(ctx.exclude)
    names: dict[str, str | None] = {}  # _name_for depends on the unit word only: read once per word
    for m in _VOICE.finditer(view, start, end):
        if not spans.outside(m.start(), m.end()):
            continue
        word = " ".join((m.group("word") or m.group("pword") or "").split()).casefold()
        name = " ".join(m.group("name").split()) or None
        kind_word = _PARTY_UNIT[word] if m.group("pword") else word
        if name is None:
            if kind_word not in names:
                names[kind_word] = _name_for(kind_word, view, end, spans, ctx.place)
            name = names[kind_word]
        if name is None:
            continue
        phrase = f"UBND {kind_word} {name}" if not m.group("pword") else f"{m.group('pword')} {name}"
        r = resolve_issuer(phrase)
        if r is not None and not r.unresolved:
            r.issuer.inferred = True
            return r.issuer
    return None


def _name_for(kind_word: str, view: str, end: int, exclude: Spans, place: str | None) -> str | None:
    if place:
        try:
            cands = admin.find_units(place, kind=kind_word)
        except Exception:  # noqa: BLE001 - a lookup failure must not stop parsing
            cands = []
        if cands:
            return cands[0].name
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in _UNIT_NAME.finditer(view, 0, end):
        if " ".join(m.group("word").split()).casefold() != kind_word or not exclude.outside(m.start(), m.end()):
            continue
        words_ = " ".join(m.group("name").split()).split()
        for k in range(len(words_), 0, -1):
            cand = " ".join(words_[:k])
            if is_known_place(cand):
                counts[cand] = counts.get(cand, 0) + 1
                first.setdefault(cand, m.start())
                break
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


def context_from_place(place: str) -> PlaceContext:
    """A context for a text with no issuer: the unit its place line names, when the data
    knows exactly one."""
    ctx = PlaceContext()
    cands = admin.find_units(place)
    if len(cands) == 1:
        set_unit(ctx, PlaceUnit(cands[0].kind, cands[0].name, cands[0].level))
    return ctx


_HEAD_OF = regex.compile(r"(?i)^(?:chủ\s+tịch|phó\s+chủ\s+tịch|giám\s+đốc|phó\s+giám\s+đốc|thường\s+trực|lãnh\s+đạo)\s+")


def own_voice(ctx: PlaceContext, issuer: Issuer | None) -> Callable[[str], bool]:
    """Whether a unit phrase is the document's own issuer speaking (``Chủ tịch UBND huyện``
    in a UBND huyện letter, ``Sở Giáo dục và Đào tạo`` in the Sở's): the phrase resolved in
    the document's own context names the issuer, or its head. With no issuer known, none is."""
    own = {fold_key(i.name) for i in (issuer, issuer.parent if issuer else None) if i is not None}

    def is_own(phrase: str) -> bool:
        bare = _HEAD_OF.sub("", phrase.strip())
        if fold_key(bare) in own:  # "Ban Chỉ đạo phòng, chống dịch COVID-19" under its own Ban Thường trực
            return True
        r = resolve_issuer(bare, ctx)
        return r is not None and not r.unresolved and fold_key(r.issuer.name) in own

    return is_own
