"""Vietnam's administrative units, before and after 1 July 2025, and lookups by name.

Why this exists: a directive names its issuer relative to its own place
(``UBND huyện`` in a Phú Giáo text is ``UBND huyện Phú Giáo``; ``Thành ủy`` in a
Hải Phòng text is Hải Phòng's), ``thành phố X`` is province-level for five or six
cities and district-level for the rest, and a capitalized phrase after ``UBND`` is
a place only if a place of that name exists. Texts name units of both periods:
63 provinces with ~700 districts until 30 June 2025, 34 provinces with communes
and no district level after, sometimes marked ``(cũ)``.

The data is ``danvan_cli/data/admin_units.json``, generated once by
``scripts/generate_admin_units.py`` from the MIT-licensed ``vietnamadminunits``
package (see the JSON's ``_source``). It is loaded on first use and indexed once;
every lookup is then a few dictionary reads.

Names are stored without their unit word (``Ba Đình``, kind ``quận``) and compared
by :func:`~danvan_cli.text.normalize.fold_key` (case, spacing, ``hoá``/``hóa``), or by
:func:`~danvan_cli.text.normalize.ascii_key` when the query is typed without accents.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cache, lru_cache, wraps
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from ..refdata import alternation, map_period, reorganization_date, unit_levels
from ..text.normalize import ascii_key, fold_key

KINDS: tuple[str, ...] = tuple(unit_levels())
"""Every unit word a :class:`Unit` can carry (``data/bodies.yaml`` ``unit_words``)."""

PROVINCE, DISTRICT, COMMUNE = "province", "district", "commune"
LEGACY, Y2025 = "legacy", "2025"
#: The two-tier map's first day (Nghị quyết 202/2025/QH15 and the 34 provinces' commune acts),
#: as ``data/calendar.yaml`` has it.
REORGANIZATION_DAY = reorganization_date()


def _full(day: str) -> str:
    """``2023`` → ``2023-01-01``, ``2023-05`` → ``2023-05-01``: a partial date by its first day."""
    return day + "-01-01"[len(day) - 4:] if len(day) < 10 else day[:10]


def period_on(day: str | None) -> str:
    """The map a document of ``day`` names (``refdata.map_period``); a document of unknown
    date counts as legacy, the map nearly all documents were written under."""
    return map_period(day) or LEGACY
_LEVEL_OF_KIND: dict[str, str] = {
    "tỉnh": PROVINCE,
    "huyện": DISTRICT,
    "quận": DISTRICT,
    "thị xã": DISTRICT,
    "xã": COMMUNE,
    "phường": COMMUNE,
    "thị trấn": COMMUNE,
    "đặc khu": COMMUNE,
}


@dataclass(frozen=True, slots=True)
class Unit:
    """One administrative unit of one period.

    ``name`` has no unit word (``Ba Đình``; Hồ Chí Minh City's districts are ``1``..``12``);
    ``province`` is the province it belongs to in the same period (its own name for a
    province); ``district`` is set for legacy communes only. ``former_kinds`` are kinds
    it had earlier in the legacy period (``thị xã`` for thành phố Thuận An);
    ``successors`` is set for a district dissolved before 1 July 2025 (huyện Nam Đông →
    ``("Phú Lộc",)``); ``merged_from`` lists, for a 2025 province, the legacy provinces
    merged into it; ``aliases`` are other names a text uses (``HCM``).
    """

    name: str
    kind: str  # "tỉnh"|"thành phố"|"huyện"|"quận"|"thị xã"|"xã"|"phường"|"thị trấn"|"đặc khu"
    level: str  # "province"|"district"|"commune"
    province: str | None  # the province it belongs to (itself for a province)
    period: str  # "legacy" (until 30 June 2025) | "2025" (from 1 July 2025)
    district: str | None = None
    former_kinds: tuple[str, ...] = ()
    successors: tuple[str, ...] = ()
    merged_from: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    #: first day it existed (``None``: before the data's reach; a 2025 unit: 1 July 2025)
    begins: str | None = None
    #: first day it no longer existed (a legacy unit: 1 July 2025 at the latest)
    ends: str | None = None
    #: kinds it had before: ``(old kind, first day of the next kind)``, oldest first
    kind_changes: tuple[tuple[str, str], ...] = ()
    #: the acts behind ``begins``/``ends``/``kind_changes`` (``864/NQ-UBTVQH14``)
    acts: tuple[str, ...] = ()
    #: a change known only within a window (the data keeps the state before it)
    approximate: bool = False

    @property
    def display(self) -> str:
        """As a text writes it: ``tỉnh Hải Dương``, ``quận Ba Đình``, ``thành phố Hà Nội``."""
        return f"{self.kind} {self.name}"

    @property
    def dissolved(self) -> bool:
        """A legacy district that no longer existed on 30 June 2025 (merged into ``successors``)."""
        return bool(self.successors)

    def exists_on(self, day: str) -> bool:
        """Whether the unit existed on ``day`` (ISO ``YYYY-MM-DD``; a shorter date counts by
        its first day). A district dissolved on a day the data does not know never did."""
        day = _full(day)
        if self.period == LEGACY and day >= REORGANIZATION_DAY or self.period == Y2025 and day < REORGANIZATION_DAY:
            return False
        if self.dissolved and self.ends is None:
            return False
        return (self.begins is None or day >= self.begins) and (self.ends is None or day < self.ends)

    def kind_on(self, day: str) -> str:
        """Its unit word on ``day``: ``huyện`` Việt Yên until 31 January 2024, ``thị xã`` after."""
        day = _full(day)
        for old, until in self.kind_changes:
            if day < until:
                return old
        return self.kind

    def as_of(self, day: str) -> Unit:
        """The unit as it was on ``day`` (its kind of that day)."""
        kind = self.kind_on(day)
        return self if kind == self.kind else replace(self, kind=kind)


# --------------------------------------------------------------------------- keys

_DASH = re.compile(r"\s*[-‐‑–—]\s*")
_OLD = re.compile(r"\s*(?:\(\s*cũ\s*\)|\bcũ)$")
# A leading unit word, in full, without accents, or abbreviated (TP.HCM, TX. Phú Mỹ, Q.1).
_LEAD = re.compile(
    rf"^(?:(?P<w>{alternation([*KINDS, *map(ascii_key, KINDS)])})\s+|(?P<a>tp|tx|tt)(?:\.\s*|\s+)|(?P<d>q|p)\.\s*)"
)
_LEAD_WORD: dict[str, str] = {
    **{k: k for k in KINDS},
    **{ascii_key(k): k for k in KINDS},
    "tp": "thành phố",
    "tx": "thị xã",
    "tt": "thị trấn",
    "q": "quận",
    "p": "phường",
}


def _key(s: str) -> str:
    """Comparison key: :func:`fold_key`, with ``A-B``/``A - B`` spelled alike."""
    return _DASH.sub("-", fold_key(s))


def _akey(s: str) -> str:
    return _DASH.sub("-", ascii_key(s))


def _compact(k: str) -> str:
    """``"dak lak"`` → ``"daklak"``: names typed as one word without accents."""
    return k.replace(" ", "").replace("-", "")


def _kind(kind: str) -> str:
    k = _LEAD_WORD.get(fold_key(kind).rstrip("."))
    if k is None:
        raise ValueError(f"unknown unit kind {kind!r}; expected one of {KINDS}")
    return k


# ------------------------------------------------------------------------- index


@dataclass(frozen=True, slots=True)
class _Index:
    units: tuple[Unit, ...]
    by_key: dict[str, tuple[Unit, ...]]
    by_ascii: dict[str, tuple[Unit, ...]]
    by_compact: dict[str, tuple[Unit, ...]]
    provinces: dict[tuple[str, str], Unit]  # (period, name) → province
    district_of: dict[Unit, Unit]  # legacy commune → its district
    successor: dict[str, Unit]  # legacy province name → 2025 province
    source: dict[str, Any]


@cache
def _load_json() -> dict[str, Any]:
    """The raw data file (cached: it never changes while danvan runs)."""
    with resources.files("danvan_cli.data").joinpath("admin_units.json").open("r", encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


class Gazetteer:
    """A table of administrative units that resolves place names: the bundled one (63
    provinces before 1 July 2025, 34 after, from ``data/admin_units.json``) or a user's own
    in the same JSON shape (``scripts/generate_admin_units.py`` writes it) — a newer
    reorganization, a corrected unit, a test's invented map.

    The parser never imports the table privately: every lookup goes through the current
    gazetteer, which ``parse_text(..., gazetteer=g)`` or ``with g.use(): ...`` sets for the
    duration of a parse (a context variable: threads and tasks each keep their own)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self._ix: _Index | None = None
        self.lookup = lru_cache(maxsize=8192)(self._lookup)
        self.subunits_of = lru_cache(maxsize=4096)(self._subunits)
        #: answers of lookups built on this gazetteer (``memo_per_gazetteer``)
        self.memo: dict[tuple[object, ...], object] = {}

    @classmethod
    def from_file(cls, path: str | Path) -> Gazetteer:
        """A gazetteer from a JSON file in the shape of ``data/admin_units.json``."""
        with open(path, encoding="utf-8") as fh:
            return cls(json.load(fh))

    @property
    def index(self) -> _Index:
        if self._ix is None:
            self._ix = _build_index(self.data)
        return self._ix

    def _lookup(self, name: str) -> tuple[tuple[Unit, ...], str | None]:
        return _lookup_in(self.index, name)

    def _subunits(self, period: str, province: str, district: str | None, level: str) -> tuple[Unit, ...]:
        return tuple(
            u for u in self.index.units
            if u.period == period and u.level == level and u.province == province
            and (district is None or u.district == district)
        )

    @contextmanager
    def use(self) -> Iterator[Gazetteer]:
        """Make this the gazetteer every lookup reads, inside the ``with`` block."""
        token = _CURRENT.set(self)
        try:
            yield self
        finally:
            _CURRENT.reset(token)


_CURRENT: ContextVar[Gazetteer | None] = ContextVar("danvan_gazetteer", default=None)


@cache
def bundled() -> Gazetteer:
    """The gazetteer of the data shipped with danvan."""
    return Gazetteer(_load_json())


def current() -> Gazetteer:
    """The gazetteer lookups read now: the one a caller set, else the bundled one."""
    g = _CURRENT.get()
    return g if g is not None else bundled()


#: How many answers one gazetteer keeps (``memo_per_gazetteer``) before it starts afresh.
_MEMO_MAX = 50_000

_F = TypeVar("_F", bound=Callable[..., Any])


def memo_per_gazetteer(fn: _F) -> _F:
    """Remember ``fn``'s answers per gazetteer (in ``Gazetteer.memo``).

    Why: a parse asks the same few places again and again (``canonical_place("Hải
    Dương")`` a dozen times a document, thousands of times a corpus), each time through
    the folding of keys and the lookups. ``fn`` must be a pure function of its (hashable)
    arguments and the current gazetteer, returning a value nobody changes; a
    gazetteer set with ``Gazetteer.use`` keeps answers of its own."""

    @wraps(fn)
    def remembered(*args: Any, **kwargs: Any) -> Any:
        if kwargs:
            return fn(*args, **kwargs)
        store = current().memo
        key = (fn, *args)
        try:
            return store[key]
        except KeyError:
            pass
        value = fn(*args)
        if len(store) >= _MEMO_MAX:
            store.clear()
        store[key] = value
        return value

    return remembered  # type: ignore[return-value]


def _communes(
    groups: dict[str, list[str]], kinds: dict[str, str], province: str, period: str, district: str | None
) -> Iterable[Unit]:
    for code, names in groups.items():
        for name in names:
            yield Unit(name, kinds[code], COMMUNE, province, period, district)


def _index() -> _Index:
    """The current gazetteer's units and name indexes."""
    return current().index


def _build_index(data: dict[str, Any]) -> _Index:
    """Build every unit and the name indexes once.

    Units are created in the order results are returned: provinces (legacy, then 2025),
    legacy districts, then communes; within each, the official code order. So a bucket
    is already sorted and ``find_units(...)[0]`` is the highest-level match.
    """
    kinds: dict[str, str] = data["kinds"]

    def tup(v: Any) -> tuple[str, ...]:
        return tuple(v or ())

    provinces: list[Unit] = []
    districts: list[Unit] = []
    communes: list[Unit] = []
    district_of: dict[Unit, Unit] = {}
    for p in data["legacy"]:
        provinces.append(Unit(p["n"], kinds[p["k"]], PROVINCE, p["n"], LEGACY, aliases=tup(p.get("a")),
                              ends=_day(p.get("e")), acts=_acts(p.get("e"))))
        for d in p["d"]:
            changes = sorted(((kinds[c["k"]], _day(c) or REORGANIZATION_DAY) for c in d.get("kh", ())),
                             key=lambda kc: kc[1])
            dated = [c for c in (d.get("b"), d.get("e"), *d.get("kh", ())) if c]
            dist = Unit(
                d["n"],
                kinds[d["k"]],
                DISTRICT,
                p["n"],
                LEGACY,
                former_kinds=tuple(dict.fromkeys((*(kinds[k] for k in d.get("ok", ())), *(k for k, _ in changes)))),
                successors=tup(d.get("s")),
                begins=_day(d.get("b")),
                ends=_day(d.get("e")),
                kind_changes=tuple(changes),
                acts=tuple(a for c in dated for a in _acts(c)),
                approximate=any("w" in c for c in dated),
            )
            districts.append(dist)
            for c in _communes(d.get("w", {}), kinds, p["n"], LEGACY, d["n"]):
                communes.append(c)
                # Keyed by value: a district name can recur in one province (huyện and
                # thị xã Kỳ Anh), so the name in ``Unit.district`` alone is not enough.
                district_of.setdefault(c, dist)
    new_communes: list[Unit] = []
    for p in data["2025"]:
        provinces.append(
            Unit(
                p["n"],
                kinds[p["k"]],
                PROVINCE,
                p["n"],
                Y2025,
                merged_from=tup(p.get("m")),
                aliases=tup(p.get("a")),
                begins=_day(p.get("b")),
                acts=_acts(p.get("b")) + _acts(p.get("wa")),
            )
        )
        new_communes.extend(_communes(p["w"], kinds, p["n"], Y2025, None))
    units = tuple(provinces + districts + communes + new_communes)

    by_key: dict[str, list[Unit]] = {}
    by_ascii: dict[str, list[Unit]] = {}
    by_compact: dict[str, list[Unit]] = {}
    keys: dict[str, tuple[str, str, str]] = {}  # commune names recur: fold each once
    for u in units:
        # A bare number (Quận 1, Phường 5) is no name on its own: index it with its word.
        names = [f"{k} {u.name}" for k in (u.kind, *u.former_kinds)] if u.name.isdigit() else [u.name]
        for name in (*names, *u.aliases):
            if name not in keys:
                a = _akey(name)
                keys[name] = (_key(name), a, _compact(a))
            for table, key in zip((by_key, by_ascii, by_compact), keys[name], strict=True):
                bucket = table.setdefault(key, [])
                if not bucket or bucket[-1] is not u:
                    bucket.append(u)

    successor = {old: p for p in provinces if p.period == Y2025 for old in p.merged_from}
    return _Index(
        units=units,
        by_key={k: tuple(v) for k, v in by_key.items()},
        by_ascii={k: tuple(v) for k, v in by_ascii.items()},
        by_compact={k: tuple(v) for k, v in by_compact.items()},
        provinces={(p.period, p.name): p for p in provinces},
        district_of=district_of,
        successor=successor,
        source=data["_source"],
    )


def _day(change: dict[str, Any] | None) -> str | None:
    """The first day a change was in force: its ``d``; for a change known only within a window
    (``w``: after, by) the day after the window, so the state before it holds through it."""
    if not change:
        return None
    if "d" in change:
        return str(change["d"])
    if "w" in change:
        return _next_day(str(change["w"][1]))
    return None


def _next_day(day: str) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def _acts(change: dict[str, Any] | None) -> tuple[str, ...]:
    return (str(change["a"]),) if change and change.get("a") else ()


def _get(ix: _Index, key: str) -> tuple[Unit, ...]:
    """Units under one folded key: exact spelling first, then without accents."""
    hit = ix.by_key.get(key)
    if hit:
        return hit
    a = _akey(key)
    return ix.by_ascii.get(a) or ix.by_compact.get(_compact(a)) or ()


def _lookup(name: str) -> tuple[tuple[Unit, ...], str | None]:
    """``(units, unit word the query started with)`` for a name as a text writes it.
    Cached per gazetteer: texts name the same few places over and over."""
    return current().lookup(name)


def _lookup_in(ix: _Index, name: str) -> tuple[tuple[Unit, ...], str | None]:
    key = _OLD.sub("", _key(name)).strip()
    if not key:
        return (), None
    hit = _get(ix, key)
    if hit:
        return hit, None
    m = _LEAD.match(key)
    if m is None:
        return (), None
    word = _LEAD_WORD[" ".join((m.group("w") or m.group("a") or m.group("d")).split())]  # any blanks inside
    rest = key[m.end() :].strip()
    if not rest:
        return (), word
    if rest.isdigit():
        rest = f"{word} {int(rest)}"
    return _get(ix, rest), word


def _of_kind(u: Unit, kind: str) -> bool:
    return u.kind == kind or kind in u.former_kinds


# ------------------------------------------------------------------------ public


def find_units(name: str, kind: str | None = None, *, period: str | None = None) -> list[Unit]:
    """Every unit called ``name``, highest level first (provinces, districts, communes).

    ``name`` may carry its unit word (``huyện Phú Giáo``, ``TP.HCM``, ``Quận 1``), a
    trailing ``(cũ)``, any case, either tone placement, or no accents at all
    (``Hai Phong``). A unit word in ``name`` narrows the result to units of that kind
    when there are some (``thành phố Huế`` → the city, not a commune), else is ignored;
    ``kind`` filters strictly (a unit's former kinds count: ``thị xã Thuận An``).
    A name shared by several units returns them all (``Chợ Mới``: Bắc Kạn, An Giang).
    """
    units, word = _lookup(name)
    out = [u for u in units if period is None or u.period == period]
    if kind is not None:
        k = _kind(kind)
        return [u for u in out if _of_kind(u, k)]
    if word is not None:
        narrowed = [u for u in out if _of_kind(u, word)]
        if narrowed:
            return narrowed
    return out


def provinces(period: str = Y2025, *, on: str | None = None) -> list[Unit]:
    """The provinces of a period in official code order: 63 ``legacy``, 34 ``2025``; with
    ``on``, those of that day's map."""
    if on is not None:
        period = period_on(on)
    return [u for (p, _), u in _index().provinces.items() if p == period]


def province(name: str, period: str | None = None) -> Unit | None:
    """The province called ``name``; without ``period``, the 2025 one if it exists.

    (Hải Phòng exists in both periods; Bình Dương only as legacy.)"""
    found = [u for u in find_units(name, period=period) if u.level == PROVINCE]
    for want in (Y2025, LEGACY):
        for u in found:
            if u.period == want:
                return u
    return None


def _in_province(u: Unit, place: str) -> bool:
    """Whether ``u`` lies in the province ``place`` names.

    A 2025 province also covers the legacy units of the provinces merged into it
    (``Hồ Chí Minh`` covers Bình Dương's districts); a legacy province covers only
    legacy units, since its territory was split among 2025 communes of a larger one."""
    legacy_names: set[str] = set()
    new_names: set[str] = set()
    for p in find_units(place):
        if p.level != PROVINCE:
            continue
        if p.period == LEGACY:
            legacy_names.add(p.name)
        else:
            new_names.add(p.name)
            legacy_names.update(p.merged_from)
    return u.province in (legacy_names if u.period == LEGACY else new_names)


def district(name: str, province: str | None = None) -> list[Unit]:
    """Legacy districts called ``name``, optionally only those in ``province``.

    ``province`` may be a legacy or a 2025 province: ``district("Thủ Dầu Một",
    "Hồ Chí Minh")`` finds Bình Dương's city, Bình Dương having merged into it."""
    found = [u for u in find_units(name) if u.level == DISTRICT]
    if province is not None:
        found = [u for u in found if _in_province(u, province)]
    return found


def commune(name: str, province: str | None = None, *, period: str | None = None) -> list[Unit]:
    """Communes (xã, phường, thị trấn, đặc khu) called ``name``, optionally in ``province``."""
    found = [u for u in find_units(name, period=period) if u.level == COMMUNE]
    if province is not None:
        found = [u for u in found if _in_province(u, province)]
    return found


def parent_province(unit: Unit) -> Unit | None:
    """The province ``unit`` belongs to, in its own period (a province is its own)."""
    if unit.province is None:
        return None
    return _index().provinces.get((unit.period, unit.province))


def parent_district(unit: Unit) -> Unit | None:
    """The legacy district of a legacy commune (a district is its own); else ``None``."""
    if unit.level == DISTRICT:
        return unit
    return _index().district_of.get(unit)


def successor_province(unit: Unit) -> Unit | None:
    """The 2025 province a unit's province became (Bình Dương → Hồ Chí Minh)."""
    if unit.period == Y2025:
        return parent_province(unit)
    return _index().successor.get(unit.province or "")


def predecessor_provinces(unit: Unit) -> list[Unit]:
    """The legacy provinces merged into a 2025 unit's province (Hải Phòng → Hải Dương, Hải Phòng)."""
    p = parent_province(unit) if unit.period == Y2025 else None
    if p is None:
        return []
    ix = _index()
    return [ix.provinces[(LEGACY, n)] for n in p.merged_from]


def is_known_place(name: str, kind: str | None = None, *, period: str | None = None) -> bool:
    """Whether ``name`` is a real unit rather than a random capitalized phrase.

    Only provinces and districts count unless the commune level is asked for, by
    ``kind`` (``xã``, ``phường``...) or by the unit word in ``name`` (``xã Tân An``):
    some 13,000 commune names include everyday phrases and people's names
    (``Quyết Thắng``, ``Trần Phú``), which would make every such phrase a place."""
    units, word = _lookup(name)
    want = _kind(kind) if kind is not None else None
    level_word = want or word
    communes = level_word is not None and _LEVEL_OF_KIND.get(level_word) == COMMUNE
    return any(
        (period is None or u.period == period)
        and (want is None or _of_kind(u, want))
        and (communes or u.level != COMMUNE)
        for u in units
    )


_LEVEL_RANK = {PROVINCE: 0, DISTRICT: 1, COMMUNE: 2}


def canonical_name(name: str) -> str | None:
    """The unit's name as written, without its unit word (``HẢI PHÒNG`` → ``Hải Phòng``,
    ``ba đình`` → ``Ba Đình``, ``TP.HCM`` → ``Hồ Chí Minh``), from the highest-level
    units that match; ``None`` when unknown, or when those units are spelled differently
    (``Cam Giang`` without accents is both Cẩm Giang and Cẩm Giàng)."""
    units = find_units(name)
    if not units:
        return None
    best = min(_LEVEL_RANK[u.level] for u in units)
    names = {u.name for u in units if _LEVEL_RANK[u.level] == best}
    return names.pop() if len(names) == 1 else None


def classify_city(name: str, period: str | None = None) -> str | None:
    """For ``thành phố <name>``: ``"province"`` (centrally run: Hà Nội, Hải Phòng, Huế...)
    or ``"district"`` (a provincial city: Thủ Dầu Một, Hải Dương); ``None`` if unknown.

    Province-level cities are a closed list, so a known district of that name is a
    district-level city even if the data calls it a thị xã. ``thành phố Huế`` is a
    province since 2025 but was a district of Thừa Thiên Huế before: pass
    ``period="legacy"`` for a text older than 2025."""
    units = find_units(name, period=period)
    if any(u.level == PROVINCE and _of_kind(u, "thành phố") for u in units):
        return PROVINCE
    if any(u.level == DISTRICT for u in units):
        return DISTRICT
    return None


def source() -> dict[str, Any]:
    """Where the data comes from, its license, and what was curated by hand."""
    return dict(_index().source)


def _subunits(period: str, province: str, district: str | None, level: str) -> tuple[Unit, ...]:
    return current().subunits_of(period, province, district, level)


def subunits(parent: Unit, level: str, *, dissolved: bool = False, on: str | None = None) -> list[Unit]:
    """The units of ``level`` inside ``parent``, in its own period, in official code order:
    a legacy province's districts or communes, a legacy district's communes, a 2025
    province's communes.

    With ``on`` (an ISO date), the units that existed that day, each with its kind of that
    day: Bắc Giang's districts on 5 March 2023 are huyện Yên Dũng and huyện Việt Yên, not
    thị xã Việt Yên and thị xã Chũ. Without it, today's map of the period: districts
    dissolved before 1 July 2025 (``successors`` set) are left out unless ``dissolved``.

    Why: "UBND các huyện, thị xã, thành phố" in a province's directive stands for the
    province's districts on the directive's date; ``danvan track`` lists them one by one."""
    if parent.level == level or level == PROVINCE:
        return []
    if parent.level == DISTRICT:
        if level != COMMUNE:
            return []
        found = _subunits(parent.period, parent.province or "", parent.name, COMMUNE)
    else:
        found = _subunits(parent.period, parent.name, None, level)
    if on is not None:
        return [u.as_of(on) for u in found if u.exists_on(on)]
    return [u for u in found if dissolved or not u.dissolved]
