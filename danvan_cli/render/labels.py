"""Words every view shows for danvan's codes, and the small text helpers views share.

The codes (``implements``, ``district``, ``overdue``...) are data: JSON and CSV keep them. A
person reads them through these tables, each message marked for the catalogue with ``N_`` and
translated when shown (``relation("implements")`` → ``thực hiện`` in Vietnamese).
"""

from __future__ import annotations

import regex

from ..i18n import N_, _

RELATIONS = {
    "implements": N_("implements"),
    "directs": N_("directs"),
    "based_on": N_("based on"),
    "proposal": N_("proposal"),
    "amends": N_("amends"),
    "replaces": N_("replaces"),
    "cites": N_("cites"),
}
LEVELS = {
    "central": N_("central"),
    "province": N_("province"),
    "district": N_("district"),
    "commune": N_("commune"),
}
#: a level as a heading over the units of that tier (track's cascade)
TIERS = {
    "central": N_("Central"),
    "province": N_("Province / City"),
    "district": N_("District / Town"),
    "commune": N_("Commune / Ward"),
}
DUE = {"upcoming": N_("upcoming"), "due": N_("due"), "overdue": N_("overdue"), "met": N_("met"), "late": N_("late")}
HOW = {"directly": N_("directly"), "through an intermediate document": N_("through an intermediate document"),
       "second-hand": N_("second-hand")}


def relation(code: str) -> str:
    return _(RELATIONS[code]) if code in RELATIONS else code


def level(code: str | None) -> str:
    """``district``, ``party-district`` → the level's word; an unknown code as it is."""
    if not code:
        return ""
    tier = code.removeprefix("party-")
    return _(LEVELS[tier]) if tier in LEVELS else code


def tier(code: str | None) -> str:
    tier_code = (code or "").removeprefix("party-")
    return _(TIERS[tier_code]) if tier_code in TIERS else "—"


def due(code: str) -> str:
    return _(DUE[code]) if code in DUE else code


def how(code: str) -> str:
    return _(HOW[code]) if code in HOW else code


def unnumbered(doc_type: str | None) -> str:
    """``Kế hoạch (không số)``: a document whose number is not known."""
    return _("{type} (no number)").format(type=doc_type or _("Document"))


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut at a word before ``width`` characters with an ellipsis."""
    one = " ".join(text.split())
    if len(one) <= width:
        return one
    cut = one[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–") + "…"


_BULLET = regex.compile(r"^[-+•]\d*$")


def outline_label(path: str) -> str:
    """A task's place in the outline as people write it: ``II.1.1.-1`` (the first bullet of
    II.1.1) is shown ``II.1.1 –``, a bare ``-1`` is ``–``."""
    parts = [p for p in path.split(".") if p]
    numbered = ".".join(p for p in parts if not _BULLET.match(p))
    if parts and _BULLET.match(parts[-1]):
        return f"{numbered} –" if numbered else "–"
    return numbered


def is_fragment(unit: str) -> bool:
    """An assignee that is no unit on its own: one word that is no abbreviation (``Các``)."""
    words = unit.split()
    return len(words) < 2 and sum(ch.isupper() for ch in unit) < 2
