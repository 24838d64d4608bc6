"""Who a directive tells to act, read from its own text.

Why: the question "who has not carried out Chỉ thị X" needs the list of who was told, and
the only source of that list is the directive itself: the units its tasks are assigned to
(lead and support), the units its deadlines are addressed to, a letter's ``Kính gửi``
addressees, and its ``Nơi nhận``. Each
phrase is read by :mod:`.collectives` (expanded on the directive's date inside its
issuer's territory) and every unit keeps the phrases it came from, so a person can check
the expansion against the text.

``Nơi nhận`` also lists bodies sent a copy for information (``(b/c)``, the issuer's own
leaders, the Party committee of a State body, ``Lưu``); only the units below the issuer
and its own agencies are taken from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Deadline, Document, Task
from ..refdata import pattern
from .collectives import LEVEL_RANK, Reading, Territory, is_self, read_phrase
from .units import GROUP, NAMED, TOPIC, Target, is_agency


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a unit was told: the phrase as written, where it stands (``task III.3``,
    ``deadline «trước ngày 30/11 hằng năm»``, ``Nơi nhận``) and how it was expanded."""

    phrase: str
    where: str
    role: str  # lead | support | deadline | addressee | recipient
    note: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"phrase": self.phrase, "where": self.where, "role": self.role, "expansion": self.note}


@dataclass(slots=True)
class ExpectedUnit:
    """One unit (or group) the directive tells to act, with every phrase that told it."""

    target: Target
    origins: list[Origin] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, ...]:
        return self.target.key

    @property
    def roles(self) -> list[str]:
        return sorted({o.role for o in self.origins})


@dataclass(slots=True)
class Expectation:
    """All the directive says about who acts."""

    units: dict[tuple[str, ...], ExpectedUnit] = field(default_factory=dict)
    #: phrases read but standing for no countable unit (generic, unknown, the issuer itself)
    untracked: list[Origin] = field(default_factory=list)
    #: each deadline with the keys of the units it is addressed to
    deadlines: list[tuple[Deadline, list[tuple[str, ...]]]] = field(default_factory=list)

    def add(self, target: Target, origin: Origin) -> None:
        unit = self.units.get(target.key)
        if unit is None:
            unit = self.units[target.key] = ExpectedUnit(target)
        if origin not in unit.origins:
            unit.origins.append(origin)


def _walk(tasks: list[Task]) -> Iterator[Task]:
    for t in tasks:
        yield t
        yield from _walk(t.children)


def _task_phrases(task: Task) -> Iterator[tuple[str, str]]:
    seen: set[str] = set()
    for role, phrases in (("lead", task.lead), ("lead", task.assignees), ("support", task.support)):
        for p in phrases:
            if p.casefold() not in seen:
                seen.add(p.casefold())
                yield role, p


def _informed(item: str) -> bool:
    """A Nơi nhận item sent for information, kept on file, or to the issuer's own leaders."""
    return bool(pattern(TOPIC, "informed").search(item) or pattern(TOPIC, "own_leadership").search(item))


def _recipient_target_ok(t: Target, reading: Reading, issuer_level: str, issuer_party: bool) -> bool:
    """From Nơi nhận only units below the issuer and its own agencies act: a State body's
    copy to a Party committee or a council is for information, a copy upwards a report."""
    if t.system == "hdnd" or t.party != issuer_party:
        return False
    rank, own = LEVEL_RANK.get(t.level or "", 0), LEVEL_RANK.get(issuer_level, 0)
    if t.system == GROUP:
        return rank >= own
    if t.system == NAMED and reading.kind == "named":
        return rank > own or (rank == own and is_agency(t.name))
    if t.system == NAMED:  # a member of a class the text names ("các Bộ, cơ quan ngang Bộ")
        return rank >= own
    return rank > own


def expected_units(root: Document, territory: Territory) -> Expectation:
    """The units ``root`` tells to act, expanded in ``territory`` (its issuer's, on its date)."""
    exp = Expectation()
    issuer = root.issuer
    iss_name, iss_level, iss_place = (issuer.name, issuer.level, issuer.place) if issuer else (None, None, None)
    issuer_party = bool(iss_level and iss_level.startswith("party"))
    cache: dict[str, Reading] = {}

    def read(phrase: str) -> Reading:
        r = cache.get(phrase)
        if r is None:
            r = cache[phrase] = read_phrase(phrase, territory)
        return r

    def take(phrase: str, where: str, role: str, keep: object = None) -> list[tuple[str, ...]]:
        r = read(phrase)
        keys: list[tuple[str, ...]] = []
        for t in r.targets:
            if is_self(t, iss_name, iss_level, iss_place):
                continue
            if keep is not None and not keep(t, r):  # type: ignore[operator]
                continue
            exp.add(t, Origin(phrase, where, role, r.note))
            keys.append(t.key)
        if not keys and r.kind in ("generic", "unknown", "named", "self") and role not in ("recipient", "addressee"):
            if all(o.phrase != phrase for o in exp.untracked):
                exp.untracked.append(Origin(phrase, where, role, r.note or r.kind))
        return keys

    for task in _walk(root.tasks):
        for role, phrase in _task_phrases(task):
            take(phrase, f"task {task.path}", role)
    for dl in root.deadlines:
        keys: list[tuple[str, ...]] = []
        for phrase in dl.assignees:
            keys.extend(take(phrase, f"deadline «{dl.text}»", "deadline"))
        exp.deadlines.append((dl, list(dict.fromkeys(keys))))
    level = territory.level
    for phrase in root.addressees:  # a letter's Kính gửi: told to act, when below the issuer or its own agency
        take(phrase, "Kính gửi", "addressee", lambda t, r: _recipient_target_ok(t, r, level, issuer_party))
    for item in root.recipients:
        if _informed(item):
            continue
        for part in item.split(";"):
            take(part, "Nơi nhận", "recipient", lambda t, r: _recipient_target_ok(t, r, level, issuer_party))
    return exp
