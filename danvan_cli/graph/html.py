"""One self-contained HTML page of a graph: data, style and script inline, no CDN,
so it opens offline from a mail attachment or a USB stick, where officials keep files.

The page speaks the language of the run like every other view: its words (lanes, relations,
levels, headings, counts, the search box) come from the catalogue and travel in the page as
a labels block beside the data; the data itself keeps danvan's codes, as the JSON export does."""

from __future__ import annotations

import copy
import html
import json
from importlib import resources
from typing import Any

from ..i18n import N_, _, current, localized, ngettext
from ..words import LEVELS, RELATIONS, level, relation, tier, unnumbered

#: the page's own words, by the key the script and the template (``__T_key__``) use
PAGE_TEXT = {
    "search": N_("Find: number, issuer, date, subject"),
    "search_label": N_("Find a document"),
    "zoom_out": N_("Zoom out"),
    "zoom_in": N_("Zoom in"),
    "fit": N_("Fit"),
    "actual": N_("Actual size"),
    "hint": N_("Click a document for its details."),
    "document": N_("Document"),
    "rests_on": N_("documents the root rests on"),
    "date": N_("Date"),
    "issuer": N_("Issuer"),
    "level": N_("Level"),
    "place": N_("Place"),
    "subject": N_("Subject"),
    "in_corpus": N_("In the corpus"),
    "yes": N_("yes"),
    "cited_only": N_("no (known from citations only)"),
    "file": N_("File"),
    "cited_by": N_("Cited by"),
    "key": N_("Key"),
    "carries_out": N_("Carries out / rests on"),
    "carried_out_by": N_("Carried out by"),
    "failed": N_("The graph could not be drawn: {error}"),
    "laying_out": N_("laying out…"),
}
#: the lanes top to bottom: the four levels, then documents whose level is not known
LANE_LEVELS = ("central", "province", "district", "commune")


def _counts(n: int) -> dict[str, str]:
    """The counts the script writes, in the form for ``n`` (the page gets the forms for 1 and 2)."""
    return {"documents": ngettext("{n} document", "{n} documents", n), "links": ngettext("{n} link", "{n} links", n)}


def _asset(name: str) -> str:
    return resources.files("danvan_cli.graph").joinpath(name).read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    """JSON inside ``<script>``: ``</`` would end the element, U+2028/9 break old parsers."""
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("<!--", "<\\!--")


def page_labels(data: dict[str, Any]) -> dict[str, Any]:
    """Every word the page shows, in the current language: the lanes, a word for each
    relation and for each level code the graph holds (``party-district`` too), the page's
    text, and the two forms of each count (English needs them; Vietnamese has one)."""
    codes = {n.get("level") for n in data.get("nodes", []) if n.get("level")} | set(LEVELS)
    return {
        "lanes": [tier(code) for code in LANE_LEVELS] + [_("Level not known")],
        "relation": {code: relation(code) for code in RELATIONS},
        "level": {code: level(code) for code in sorted(codes)},
        "text": {key: _(message) for key, message in PAGE_TEXT.items()} | {"unnumbered": unnumbered("{type}")},
        "plural": {key: [one, _counts(2)[key]] for key, one in _counts(1).items()},
    }


def _shown_data(data: dict[str, Any]) -> dict[str, Any]:
    """The JSON export's data with each document's warnings in the language of the run
    (they are kept in English in the data, made from catalogue templates); ``data`` is left as it is."""
    shown = copy.copy(data)
    shown["nodes"] = [dict(n, warnings=[localized(w) for w in n["warnings"]]) if n.get("warnings") else n
                      for n in data.get("nodes", [])]
    return shown


def to_html(data: dict[str, Any], root: str | None = None) -> str:
    """The page: a lane per administrative level (the root's row on top), laid out by ELK's
    layered algorithm (``vendor/elk.bundled.js``, inlined) with the citations routed around
    the boxes; zoom, search, and a document's details on click. ``data``: the graph as
    ``export.to_json_data`` gives it (the page draws what the JSON export holds, no more);
    ``root``: the document the graph was drawn from, in the page's title."""
    title = f"danvan — {root}" if root else "danvan — " + _("graph of documents")
    payload = _script_safe(json.dumps(_shown_data(data), ensure_ascii=False))
    labels = _script_safe(json.dumps(page_labels(data), ensure_ascii=False))
    page = _asset("template.html")
    # Fill the script and the page's words before the data, so nothing in the data can look
    # like a placeholder.
    page = page.replace("__SCRIPT__", _asset("viewer.js").replace("</script", "<\\/script"))
    page = page.replace("__ELK__", _asset("vendor/elk.bundled.js").replace("</script", "<\\/script"), 1)
    page = page.replace("__LANG__", current())
    for key, message in PAGE_TEXT.items():
        page = page.replace(f"__T_{key}__", html.escape(_(message)))
    page = page.replace("__LABELS__", labels, 1)
    page = page.replace("__TITLE__", html.escape(title))
    return page.replace("__DATA__", payload, 1)
