"""Words a person reads for danvan's codes, in the language of the run.

The codes (``implements``, ``district``, ``overdue``...) are data: JSON and CSV keep them. A
person reads them through these tables, each word marked for the catalogue with ``N_`` and
translated when shown (``relation("implements")`` → ``thực hiện`` in Vietnamese). Why a
module of its own, beside ``i18n``: every view needs them, the terminal tables of ``render``
and the graph's HTML page made in ``graph``, which may not import ``render``.
"""

from __future__ import annotations

from .i18n import N_, _

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
