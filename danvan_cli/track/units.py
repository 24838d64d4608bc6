"""Which body a name stands for, as a key that a directive's addressee and a document's
issuer share.

Why: a directive says "UBND các huyện" and the plan's header says "ỦY BAN NHÂN DÂN HUYỆN
CẨM GIÀNG"; the parser turns the header into ``UBND huyện Cẩm Giàng`` (level ``district``,
place ``Cẩm Giàng``, province ``Hải Dương``), and the expansion of the directive's phrase
gives the same unit from the administrative data. Both sides meet on
``(system, tier, place)``: the people's committee (``ubnd``), the people's council
(``hdnd``) or the Party committee (``party``) of one administrative unit. Any other body
(a Sở, a Bộ, a Ban of a Party committee) meets on its folded name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from ..graph.identity import place_key, tier_of
from ..refdata import pattern, unit_word_alternation
from ..text.normalize import fold_key, normalize_text

TOPIC = "collectives"

#: The three kinds of body that every administrative unit has one of (so a class of them can be listed).
UNIT_SYSTEMS: tuple[str, ...] = ("ubnd", "hdnd", "party")
#: Other bodies meet on their name.
NAMED = "named"
#: A class of bodies no list can enumerate (the issuer's own departments): met by any member.
GROUP = "group"


@dataclass(frozen=True, slots=True)
class Target:
    """One body told to act, or a group standing for bodies danvan cannot list.

    ``key`` is what a document's issuer is matched on (see :func:`issuer_keys`);
    ``group`` names the class for a group (``departments``), ``None`` for one body."""

    key: tuple[str, ...]
    name: str
    system: str
    level: str | None
    place: str | None
    province: str | None
    group: str | None = None
    #: a body of the Party (a committee or one of its boards), not of the State
    party: bool = False

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "system": self.system, "level": self.level, "place": self.place,
                "province": self.province, "group": self.group, "party": self.party}


@cache
def _party_committee() -> regex.Pattern[str]:
    words = [pattern(TOPIC, n).pattern for n in ("party_province", "party_district", "party_city", "party_commune")]
    standing = pattern(TOPIC, "party_standing").pattern
    return regex.compile(rf"(?i)^(?:(?:{standing})\s+)?(?:{'|'.join(words)})")


@cache
def _heads() -> regex.Pattern[str]:
    return regex.compile(rf"(?i)^(?:(?:{pattern(TOPIC, 'heads').pattern})\s+)+")


#: The unit words (``data/bodies.yaml``) and ``TP.``, taken out of a name compared.
_UNIT_WORDS = regex.compile(rf"(?i)(?<!\p{{L}})(?:{unit_word_alternation()}|tp\.?)(?!\p{{L}})")


def strip_heads(name: str) -> str:
    """``Chủ tịch UBND huyện X`` → ``UBND huyện X``: the body, not the person heading it."""
    name = name.strip()
    if pattern(TOPIC, "non_units").match(name):
        return name
    return _heads().sub("", name).strip()


def system_of(name: str, level: str | None) -> str:
    """``ubnd``, ``hdnd``, ``party`` (a Party committee of a unit) or ``named``."""
    body = strip_heads(normalize_text(name))
    if pattern(TOPIC, "state_executive").match(body):
        return "ubnd"
    if pattern(TOPIC, "council").match(body):
        return "hdnd"
    if _party_committee().match(body):
        return "party"
    return NAMED


def name_key(name: str) -> str:
    """A named body's key: folded, unit words dropped, so ``Sở Nội vụ tỉnh Hải Dương`` and
    ``Sở Nội vụ Hải Dương`` meet."""
    folded = fold_key(strip_heads(normalize_text(name)))
    return " ".join(_UNIT_WORDS.sub(" ", folded).replace(",", " ").split())


def unit_key(system: str, level: str | None, place: str | None) -> tuple[str, ...]:
    return (system, tier_of(level) or "", place_key(place) or "")


def target_for(name: str, level: str | None, place: str | None, province: str | None) -> Target:
    """The target a resolved body name stands for (what :func:`issuer_keys` will match)."""
    system = system_of(name, level)
    party = system == "party" or bool(level and level.startswith("party"))
    if system in UNIT_SYSTEMS and place:
        return Target(unit_key(system, level, place), name, system, tier_of(level), place, province, party=party)
    return Target((NAMED, name_key(name)), name, NAMED, tier_of(level), place, province, party=party)


def is_agency(name: str) -> bool:
    """A specialised agency (Sở, Bộ, Phòng, Công an ...): told to act when sent a copy."""
    return pattern(TOPIC, "agencies").match(strip_heads(normalize_text(name))) is not None


def issuer_keys(name: str | None, level: str | None, place: str | None) -> list[tuple[str, ...]]:
    """Every key a document's issuer can be found under: its unit key and its name key."""
    if not name:
        return []
    system = system_of(name, level)
    keys: list[tuple[str, ...]] = []
    if system in UNIT_SYSTEMS and place:
        keys.append(unit_key(system, level, place))
    keys.append((NAMED, name_key(name)))
    return keys


def group_key(group: str, level: str | None, place: str | None) -> tuple[str, ...]:
    return (GROUP, group, tier_of(level) or "", place_key(place) or "")


def same_province(a: str | None, b: str | None) -> bool:
    """Two province names that may be one (either unknown counts as agreeing)."""
    return not a or not b or place_key(a) == place_key(b)


def member_of(a: dict[str, Any], t: Target) -> bool:
    """Whether a document's issuer belongs to a group target (the issuer's agencies; all
    the units of a level nationwide)."""
    tier = tier_of(a.get("level"))
    system = system_of(a.get("issuer") or "", a.get("level"))
    if t.group == "departments":
        if system != "named" or tier != t.level or (a.get("level") or "").startswith("party"):
            return False
        return t.place is None or place_key(a.get("province") if tier == "province" else a.get("place")) == place_key(t.place)
    if t.group and "-" in t.group:
        g_system, g_level = t.group.split("-", 1)
        return system == g_system and tier == g_level and (t.place is None or place_key(a.get("province")) == place_key(t.place))
    return False
