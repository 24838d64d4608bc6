"""Who a phrase tells to act: a collective expanded into its units, or one named body.

Why: directives rarely name the units they address one by one. "UBND các tỉnh, thành phố
trực thuộc Trung ương" in a Prime Minister's directive of 2021 is the 63 provinces and
cities of that day; the same words in 2025 after 1 July are 34. "Chủ tịch UBND các huyện,
thị xã, thành phố" in a province's directive is that province's districts, which ceased to
exist on 1 July 2025; after it the province's directive says "UBND các xã, phường" and
means its communes of the new map. Counting who has acted needs the list, read with the
administrative-unit data valid on the directive's date inside its issuer's territory.

The shapes and words are data (``data/lexicon/collectives.yaml``); the units come from
``extract/admin_units.py``; a single named body ("Sở Nội vụ", "UBND huyện Cẩm Giàng") is
resolved against the directive's own place by ``extract/issuers.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

import regex

from ..refdata import load_yaml, pattern, reorganization_date
from ..extract import admin_units as au
from ..extract.issuers import PlaceContext, PlaceUnit, resolve_issuer
from ..text.normalize import normalize_text
from .units import GROUP, NAMED, TOPIC, Target, group_key, strip_heads, target_for, unit_key

CENTRAL, PROVINCE, DISTRICT, COMMUNE = "central", "province", "district", "commune"
#: How deep a level stands (the centre 0): which of two units is above the other.
LEVEL_RANK = {CENTRAL: 0, PROVINCE: 1, DISTRICT: 2, COMMUNE: 3}
#: A collective larger than this is tracked as one group; so is any class of districts or
#: communes of the whole country (a central body addresses them through the provinces).
MAX_LISTED = 800


@cache
def reorganization_day() -> date:
    """1 July 2025: from this day there is no district level and there are 34 provinces."""
    return date.fromisoformat(reorganization_date())


@dataclass(frozen=True, slots=True)
class Territory:
    """Where a directive's words reach: its issuer's unit on its date (the nation for a
    central body). ``unit`` is the administrative unit of the period in force that day."""

    level: str
    unit: au.Unit | None
    day: date | None

    @property
    def period(self) -> str:
        if self.unit is not None:
            return self.unit.period
        return period_on(self.day)

    @property
    def display(self) -> str:
        return self.unit.display if self.unit else "cả nước"

    def context(self) -> PlaceContext:
        """The directive's own units, for resolving "Sở Nội vụ", "UBND huyện" against them."""
        ctx = PlaceContext()
        u = self.unit
        if u is None:
            return ctx
        if u.level == au.PROVINCE:
            ctx.province = PlaceUnit(u.kind, u.name, PROVINCE)
        elif u.level == au.DISTRICT:
            ctx.district = PlaceUnit(u.kind, u.name, DISTRICT)
            prov = au.parent_province(u)
            if prov is not None:
                ctx.province = PlaceUnit(prov.kind, prov.name, PROVINCE)
        return ctx


def period_on(day: date | None) -> str:
    """``legacy`` (63 provinces, districts) before 1 July 2025, ``2025`` from it; a directive
    of unknown date counts as legacy, the map nearly all documents were written under."""
    return au.period_on(day.isoformat() if day else None)


def territory_of(level: str | None, place: str | None, province: str | None, day: date | None) -> Territory:
    """The territory of an issuer as the graph knows it (``level``/``place``/``province``).

    A local issuer whose unit cannot be found in the data of its period gets no unit:
    its collectives then stay unlisted rather than being listed for the wrong place."""
    tier = _tier(level)
    if tier in (None, CENTRAL) or not place:
        return Territory(CENTRAL if tier in (None, CENTRAL) else tier, None, day)
    period = period_on(day)
    unit: au.Unit | None = None
    if tier == PROVINCE:
        unit = au.province(place, period)
    elif tier == DISTRICT:
        found = au.district(place, province) if province else au.district(place)
        unit = found[0] if len(found) == 1 else None
    elif tier == COMMUNE:
        found = au.commune(place, province, period=period) if province else []
        unit = found[0] if len(found) == 1 else None
    return Territory(tier, unit, day)


def _tier(level: str | None) -> str | None:
    if not level:
        return None
    for t in (CENTRAL, PROVINCE, DISTRICT, COMMUNE):
        if level.endswith(t):
            return t
    return None


@dataclass(slots=True)
class Reading:
    """What one phrase stands for. ``kind``: ``collective`` (expanded from the unit data),
    ``central`` (ministries and agencies of the day), ``group`` (a class not listed
    anywhere), ``named`` (one body), ``self`` (the issuer itself), ``generic`` (told, but
    no list stands for it), ``unknown`` (not read)."""

    phrase: str
    kind: str
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def note(self) -> str:
        return "; ".join(self.notes)


# --------------------------------------------------------------------------- tokens

_TOKENS: tuple[tuple[str, str], ...] = (
    ("council", "council"),
    ("state", "state_executive"),
    ("pprov", "party_province"),
    ("pdist", "party_district"),
    ("pcity", "party_city"),
    ("pcomm", "party_commune"),
    ("standing", "party_standing"),
    ("central", "central_qualifier"),
    ("lprov", "level_province"),
    ("ldist", "level_district"),
    ("lcomm", "level_commune"),
    ("kdist", "district_kinds"),
    ("kcomm", "commune_kinds"),
    ("kprov", "province_kinds"),
    ("city", "city"),
    ("plural", "plural"),
)


@cache
def _scanner() -> regex.Pattern[str]:
    # Party committee words come before unit words, so "tỉnh ủy" is never "tỉnh"; the
    # non-units after them ("xã hội") are read and dropped.
    tokens = list(_TOKENS)
    tokens.insert(7, ("skip", "non_units"))
    parts = [f"(?P<{g}>{pattern(TOPIC, name).pattern})" for g, name in tokens]
    return regex.compile("|".join(parts), regex.IGNORECASE)


_PROPER_AFTER = regex.compile(r"\s*(?:\p{Lu}|\d)")
_MARKS = regex.compile(r"\((?:[^()]{0,40})\)|[*_]")


def _tokens(text: str) -> list[tuple[str, str, int, int]]:
    return [(m.lastgroup or "", m.group(0), m.start(), m.end()) for m in _scanner().finditer(text)
            if m.lastgroup != "skip"]


def _kind_word(group: str, word: str) -> str:
    w = " ".join(word.casefold().split())
    if group == "city":
        return "thành phố"
    return w


def _levels(toks: list[tuple[str, str, int, int]], territory: Territory) -> dict[str, set[str] | None]:
    """The levels a phrase's unit words name, each with the unit kinds meant (None: all)."""
    groups = {t[0] for t in toks}
    out: dict[str, set[str] | None] = {}

    def add(level: str, kind: str | None) -> None:
        if kind is None:
            out[level] = None
        elif level not in out or out[level] is not None:
            out.setdefault(level, set()).add(kind)  # type: ignore[union-attr]

    below = _below(territory.level)
    for g, word, _s, _e in toks:
        if g == "kprov":
            add(PROVINCE, "tỉnh")
        elif g == "kdist":
            add(DISTRICT, _kind_word(g, word))
        elif g == "kcomm":
            add(COMMUNE, _kind_word(g, word))
        elif g == "lprov":
            add(PROVINCE, None)
        elif g == "ldist":
            add(DISTRICT, None)
        elif g == "lcomm":
            add(COMMUNE, None)
        elif g == "city":
            if "kprov" in groups or "central" in groups:
                add(PROVINCE, "thành phố")
            elif "kdist" in groups or "kcomm" in groups:
                add(DISTRICT, "thành phố")
            elif below is not None:
                add(below, "thành phố")
    return out


def _below(level: str) -> str | None:
    order = [CENTRAL, PROVINCE, DISTRICT, COMMUNE]
    i = order.index(level) if level in order else 0
    return order[i + 1] if i + 1 < len(order) else None


def _party_levels(toks: list[tuple[str, str, int, int]], territory: Territory) -> dict[str, set[str] | None]:
    """``các tỉnh ủy, thành ủy`` / ``các huyện ủy, thị ủy, thành ủy``: Party committees named by their own word."""
    groups = {t[0] for t in toks}
    out: dict[str, set[str] | None] = {}
    for g, word, _s, _e in toks:
        if g == "pprov":
            out.setdefault(PROVINCE, set()).add("tỉnh")  # type: ignore[union-attr]
        elif g == "pdist":
            kind = {"huyện": "huyện", "quận": "quận", "thị": "thị xã"}[word.casefold().split()[0]]
            out.setdefault(DISTRICT, set()).add(kind)  # type: ignore[union-attr]
        elif g == "pcity":
            level = PROVINCE if ("pprov" in groups or "central" in groups) else (
                DISTRICT if "pdist" in groups else _below(territory.level))
            if level in (PROVINCE, DISTRICT):
                out.setdefault(level, set()).add("thành phố")  # type: ignore[union-attr]
    return out


# --------------------------------------------------------------------------- expansion

_PARTY_NAME = {PROVINCE: {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy"},
               DISTRICT: {"huyện": "Huyện ủy", "quận": "Quận ủy", "thị xã": "Thị ủy", "thành phố": "Thành ủy"}}
_SYSTEM_NAME = {"ubnd": "UBND", "hdnd": "HĐND", "party": "Đảng ủy"}
_LEVEL_VI = {PROVINCE: "tỉnh, thành phố", DISTRICT: "huyện, quận, thị xã, thành phố thuộc tỉnh",
             COMMUNE: "xã, phường, thị trấn"}


def body_name(system: str, unit: au.Unit) -> str:
    """``UBND huyện Cẩm Giàng``, ``HĐND tỉnh Nghệ An``, ``Tỉnh ủy Hải Dương``, ``Đảng ủy xã Cẩm Vũ``."""
    if system == "party":
        named = _PARTY_NAME.get(unit.level, {}).get(unit.kind)
        if named:
            return f"{named} {unit.name}"
        return f"Đảng ủy {unit.display}"
    return f"{_SYSTEM_NAME[system]} {unit.display}"


def _of_kinds(u: au.Unit, kinds: set[str] | None, *, dated: bool = False) -> bool:
    """Whether ``u`` is of one of ``kinds``: on a known day its kind of that day alone
    (huyện Việt Yên in 2023 is no thị xã), else any kind it has had."""
    if kinds is None or u.kind in kinds:
        return True
    return not dated and any(k in kinds for k in u.former_kinds)


def expand(system: str, level: str, kinds: set[str] | None, territory: Territory) -> tuple[list[Target], str]:
    """The bodies of ``system`` (ubnd, hdnd, party) of every unit of ``level`` (of ``kinds``)
    inside ``territory`` on its date, and a note saying what was listed and why."""
    when = territory.day.isoformat() if territory.day else "ngày không rõ"
    if LEVEL_RANK.get(level, 0) <= LEVEL_RANK.get(territory.level, 0):
        return [], f"{_LEVEL_VI.get(level, level)}: not below the issuer ({territory.level})"
    period = territory.period
    if level == DISTRICT and period == au.Y2025:
        return [], "no district level from 1 July 2025: nobody to list"
    if territory.level != CENTRAL and territory.unit is None:
        return [], f"the issuer's unit is not in the administrative data: {_LEVEL_VI.get(level, level)} not listed"
    # The units of the directive's own day (with their kinds of that day), where it is known.
    day = territory.day.isoformat() if territory.day else None
    units: list[au.Unit]
    if level == PROVINCE:
        units = au.provinces(period)
    elif territory.unit is None:  # nationwide districts or communes
        units = [x for p in au.provinces(period) for x in au.subunits(p, level, on=day)]
    else:
        units = au.subunits(territory.unit, level, on=day)
    units = [u for u in units if _of_kinds(u, kinds, dated=day is not None)]
    era = "before 1 July 2025" if period == au.LEGACY else "from 1 July 2025"
    what = ", ".join(sorted(kinds)) if kinds else _LEVEL_VI.get(level, level)
    if len(units) > MAX_LISTED or (territory.level == CENTRAL and level != PROVINCE):
        t = Target(group_key(f"{system}-{level}", territory.level, territory.unit.name if territory.unit else None),
                   f"{_SYSTEM_NAME[system]} các {what} ({territory.display})", GROUP, level,
                   territory.unit.name if territory.unit else None, None, group=f"{system}-{level}")
        return [t], f"{len(units)} units of {what} in {territory.display} {era}: tracked as one group"
    targets = [Target(unit_key(system, level, u.name), body_name(system, u), system, level, u.name, u.province,
                      party=system == "party") for u in units]
    return targets, f"{len(targets)} × {what} of {territory.display} on {when} ({era})"


@cache
def _central_groups() -> dict[str, list[dict[str, object]]]:
    return load_yaml(f"lexicon/{TOPIC}.yaml")["groups"]


def central_members(group: str, day: date | None) -> list[str]:
    """The ministries (or ministry-level agencies, or agencies under the Government) on ``day``;
    the latest list when the day is unknown."""
    periods = _central_groups()[group]
    chosen = periods[-1]
    if day is not None:
        for p in periods:
            start = date.fromisoformat(str(p["from"]))
            end = date.fromisoformat(str(p["to"])) if p.get("to") else date.max
            if start <= day <= end:
                chosen = p
                break
    return [str(m) for m in chosen["members"]]  # type: ignore[union-attr]


_CENTRAL_LISTS = ("ministries", "ministerial_agencies", "government_agencies")
_CENTRAL_VI = {"ministries": "Bộ", "ministerial_agencies": "cơ quan ngang Bộ",
               "government_agencies": "cơ quan thuộc Chính phủ"}


# --------------------------------------------------------------------------- reading


def read_phrase(phrase: str, territory: Territory) -> Reading:
    """Read one addressee phrase of a directive issued in ``territory``.

    Collectives are expanded (:func:`expand`); the central government's classes listed
    from the data of the day; the issuer's own agencies as a class are one group; a
    single body is resolved against the directive's place."""
    text = normalize_text(" ".join(_MARKS.sub(" ", phrase).split())).strip(" .,;:-–")
    reading = Reading(phrase=phrase, kind="unknown")
    if not text:
        return reading
    body = strip_heads(text)
    kinds: list[str] = []

    for name in _CENTRAL_LISTS:
        if pattern(TOPIC, name).search(body):
            if territory.level != CENTRAL:
                reading.notes.append(f"{_CENTRAL_VI[name]}: named by a local body, not listed")
                continue
            members = central_members(name, territory.day)
            reading.targets.extend(target_for(m, CENTRAL, None, None) for m in members)
            reading.notes.append(f"{len(members)} {_CENTRAL_VI[name]} on {territory.day or 'an unknown date'}")
            kinds.append("central")

    if pattern(TOPIC, "departments").search(body) and territory.level != CENTRAL:
        place = territory.unit.name if territory.unit else None
        reading.targets.append(Target(group_key("departments", territory.level, place),
                                      f"các sở, ban, ngành ({territory.display})" if territory.level == PROVINCE
                                      else f"các phòng, ban chuyên môn ({territory.display})",
                                      GROUP, territory.level, place, None, group="departments"))
        reading.notes.append(f"the agencies of {territory.display}: no list of them exists, tracked as one group")
        kinds.append("group")

    toks = _tokens(body)
    groups = [t[0] for t in toks]
    systems: list[str] = []
    if "state" in groups:
        systems.append("ubnd")
    if "council" in groups:
        systems.append("hdnd")
    if "pcomm" in groups:
        systems.append("party")
    levels = _levels(toks, territory) if systems else {}
    party_levels = _party_levels(toks, territory)
    n_unit_words = sum(1 for g in groups if g[0] in "kl" or g == "city")
    plural = ("plural" in groups or "central" in groups or n_unit_words > 1
              or any(g.startswith("l") for g in groups)
              or sum(1 for g in groups if g in ("pprov", "pdist", "pcity")) > 1)
    if not plural and toks and n_unit_words == 1:
        last = max((t for t in toks if t[0][0] in "kl" or t[0] == "city"), key=lambda t: t[3])
        if _PROPER_AFTER.match(body, last[3]) is None:
            plural = False  # "UBND huyện": the unit of the text itself, read below as a named body
    if plural and (levels or party_levels):
        for system in systems:
            for level, ks in levels.items():
                targets, note = expand(system, level, ks, territory)
                reading.targets.extend(targets)
                reading.notes.append(note)
        if "party" not in systems:
            for level, ks in party_levels.items():
                targets, note = expand("party", level, ks, territory)
                reading.targets.extend(targets)
                reading.notes.append(note)
        kinds.append("collective")

    if kinds:
        reading.kind = "collective" if "collective" in kinds else kinds[0]
        return reading
    if pattern(TOPIC, "generic").search(body):
        reading.kind = "generic"
        reading.notes.append("no list of units stands for these words")
        return reading
    return _named(reading, body, territory)


def _named(reading: Reading, body: str, territory: Territory) -> Reading:
    """One body, completed by the directive's own place ("Sở Nội vụ" → of its province)."""
    m = resolve_issuer(body, territory.context())
    if m is None or m.unresolved:
        reading.notes.append("not a body danvan can place")
        return reading
    iss = m.issuer
    target = target_for(iss.name, iss.level, iss.place, iss.province)
    reading.targets.append(target)
    reading.kind = "named"
    return reading


def is_self(target: Target, issuer_name: str | None, level: str | None, place: str | None) -> bool:
    """Whether a target is the directive's issuer itself ("báo cáo UBND tỉnh", "CT UBND TP")."""
    from .units import issuer_keys

    return target.key in issuer_keys(issuer_name, level, place)


__all__ = ["Reading", "Territory", "territory_of", "read_phrase", "expand", "central_members", "period_on",
           "reorganization_day", "is_self", "body_name", "NAMED", "GROUP"]
