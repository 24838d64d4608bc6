"""Reference data (document types, body codes and names, word lists) loaded once from YAML.

The data lives in ``danvan_cli/data/*.yaml`` so that a reader can correct a code or
add a body without touching code; each entry carries ``examples`` that a test runs.

Word lists (unit words, committee names, authority marks, section headings, relation
and deadline cues, chrome markers...) live in ``data/lexicon/<topic>.yaml``, each list
in one shape::

    lists:
      authority_marks:
        about: why the list exists and what it is read for
        words: ["TM.", "KT.", ...]     # spellings; blanks inside match any run of blanks
        case: fold                     # fold (default: case-insensitive), exact, or
                                       # exact_upper (the words in capitals only)
        examples:
          match: ["KT. CHỦ TỊCH"]      # each holds a word of the list
          no_match: ["KTT. ABC"]       # none of these does

``words(topic, name)`` gives the spellings and ``pattern(topic, name)`` the compiled
regex that finds them as whole words; every regex alternation of spellings is built by
``alternation`` so no module spells its own copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import regex
import yaml


#: PyYAML's safe loader on libyaml's C parser where PyYAML was built with it (its wheels are):
#: the same data, read ~9× faster — the word lists were a fifth of a warm command's start.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_yaml(name: str) -> Any:
    """Parse ``danvan_cli/data/<name>`` (cached: the files never change at run time)."""
    with resources.files("danvan_cli.data").joinpath(name).open("r", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


@dataclass(frozen=True, slots=True)
class DocType:
    name: str
    state: str | None
    party: str | None
    words: tuple[str, ...]
    examples: tuple[str, ...]


@cache
def doc_types() -> tuple[DocType, ...]:
    out = []
    for e in load_yaml("doc_types.yaml")["types"]:
        out.append(
            DocType(
                name=e["name"],
                state=e.get("state"),
                party=e.get("party"),
                words=tuple(e.get("words") or ()),
                examples=tuple(e.get("examples") or ()),
            )
        )
    return tuple(out)


@cache
def state_type_codes() -> dict[str, str]:
    """Upper-cased State type code -> type name (``"CT"`` -> ``"Chỉ thị"``)."""
    return {t.state.upper(): t.name for t in doc_types() if t.state}


@cache
def party_type_codes() -> dict[str, str]:
    """Upper-cased Party type code -> type name (``"TT"`` -> ``"Thông tri"``)."""
    return {t.party.upper(): t.name for t in doc_types() if t.party}


@cache
def type_words() -> dict[str, str]:
    """Every spelling that names a type in running text (case-folded) -> canonical name."""
    out: dict[str, str] = {}
    for t in doc_types():
        out[t.name.casefold()] = t.name
        for w in t.words:
            out[w.casefold()] = t.name
    return out


@cache
def body_codes() -> dict[str, dict[str, Any]]:
    """Upper-cased body code -> its entry (name, level, system, kind)."""
    return {code.upper(): dict(entry, code=code) for code, entry in load_yaml("bodies.yaml")["codes"].items()}


@cache
def canonical_codes() -> dict[str, str]:
    """Upper-cased code -> canonical casing (``"TTG"`` -> ``"TTg"``, ``"QĐI"`` -> ``"QĐi"``)."""
    out: dict[str, str] = {}
    for t in doc_types():
        for c in (t.state, t.party):
            if c:
                out[c.upper()] = c
    for code in load_yaml("bodies.yaml")["codes"]:
        out[code.upper()] = code
    return out


def alternation(spellings: list[str] | tuple[str, ...] | set[str]) -> str:
    """A regex alternation of ``spellings``, longest first (so ``Ủy ban nhân dân`` wins
    over ``Ủy ban``), each word escaped and any run of blanks allowed between words."""
    ordered = sorted(set(spellings), key=lambda s: (-len(s), s))
    return "|".join(r"\s+".join(regex.escape(w) for w in s.split()) for s in ordered)


def ordered_alternation(spellings: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of ``spellings`` in the order given, for a list whose order is part
    of its rule (the first spelling that matches wins: ``Ban`` before ``Ban Chỉ huy``), each
    word escaped and any run of blanks allowed between words."""
    return "|".join(r"\s+".join(regex.escape(w) for w in s.split()) for s in spellings)


@cache
def lexicon(topic: str) -> dict[str, dict[str, Any]]:
    """The word lists of ``data/lexicon/<topic>.yaml`` by name."""
    return load_yaml(f"lexicon/{topic}.yaml")["lists"]


def words(topic: str, name: str) -> tuple[str, ...]:
    """The spellings of one list."""
    return tuple(lexicon(topic)[name]["words"])


@cache
def pattern(topic: str, name: str) -> regex.Pattern[str]:
    """A compiled pattern finding any word of the list as a whole word (no letter or digit
    glued on either side). Case-insensitive unless the list says ``case: exact``."""
    entry = lexicon(topic)[name]
    case = entry.get("case", "fold")
    spellings = list(entry["words"])
    if case == "exact_upper":  # the words as written in capitals only (a header's lines)
        spellings = [w.upper() for w in spellings]
    flags = 0 if case in ("exact", "exact_upper") else regex.IGNORECASE
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + alternation(spellings) + r")(?![\p{L}\p{N}])", flags)


@cache
def calendar() -> dict[str, Any]:
    """``data/calendar.yaml``: the 2025 reorganization date and the Party-term calendar."""
    return load_yaml("calendar.yaml")


def reorganization_date() -> str:
    """ISO date from which the post-2025 map of administrative units holds."""
    return str(calendar()["reorganization"]["date"])


def map_period(date: str | None) -> str | None:
    """``legacy`` or ``2025``: which map of units a document of ``date`` names (``None``
    without a date). A partial date counts by what it says (``2025-07`` is after)."""
    if not date:
        return None
    day = reorganization_date()
    return "2025" if date[: len(day)] >= day[: len(date)] else "legacy"


def party_term(date: str | None, tier: str | None) -> str | None:
    """The committee term (``2020-2025``) a Party document of ``date`` at ``tier``
    (``central``, ``province``, ``district``, ``commune``) belongs to, by the calendar."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else None
    cal = calendar()["party_congresses"]
    if tier == "central":
        c = cal["central"]
        start = year - ((year - int(c["first"])) % int(c["every"]))
        if year == start and month is not None and month < int(c["month"]):
            start -= int(c["every"])
    else:
        loc = cal["local"]
        every = int(loc["every"])
        start = year - (year % every)
        cutoff = int(loc["month"].get(tier or "", loc["default_month"]))
        if year == start and month is not None and month < cutoff:
            start -= every
        return f"{start}-{start + every}"
    return f"{start}-{start + int(c['every'])}"


@cache
def unit_levels() -> dict[str, str | None]:
    """Unit word (canonical, lower case) -> the level its UBND has (``thành phố``: ``None``,
    the unit decides), from ``bodies.yaml`` ``unit_words``."""
    return {e["name"]: e.get("level") for e in load_yaml("bodies.yaml")["unit_words"]}


@cache
def unit_word_alternation() -> str:
    """A regex alternation of the unit words as texts spell them in full (``thành phố``,
    ``thị xã``, ``đặc khu`` ...), longest first."""
    return alternation(list(unit_levels()))


@cache
def unit_spelling_alternation() -> str:
    """A regex alternation of every spelling texts use for a unit word, the abbreviations too,
    with or without their dot (``TP.``, ``TX``: ``bodies.yaml`` ``unit_words`` ``match``),
    longest first."""
    spellings = [s for e in load_yaml("bodies.yaml")["unit_words"] for s in e.get("match", [e["name"]])]
    return alternation(spellings + [s.rstrip(".") for s in spellings])


@cache
def mass_committees() -> dict[str, tuple[str, str]]:
    """The Youth Union's committees named by their unit (``tỉnh đoàn``) -> (tier, unit word),
    as ``party_committees``; from ``bodies.yaml`` ``local_kinds.mass``."""
    return {" ".join(e["name"].casefold().split()): (e["unit"], e["word"]) for e in load_yaml("bodies.yaml")["local_kinds"]["mass"]}


@cache
def party_committees() -> dict[str, tuple[str, str]]:
    """A local Party committee's name folded (``huyện ủy``) -> (its unit tier, the unit word
    its place takes): ``("district", "huyện")``; from ``bodies.yaml``."""
    out: dict[str, tuple[str, str]] = {}
    for e in load_yaml("bodies.yaml")["local_kinds"]["party"]:
        if e.get("word"):
            out[" ".join(e["name"].casefold().split())] = (e["unit"], e["word"])
    return out
