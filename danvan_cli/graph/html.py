"""One self-contained HTML page of a graph: data, style and script inline, no CDN,
so it opens offline from a mail attachment or a USB stick, where officials keep files."""

from __future__ import annotations

import html
import json
from importlib import resources
from typing import Any


def _asset(name: str) -> str:
    return resources.files("danvan_cli.graph").joinpath(name).read_text(encoding="utf-8")


def _script_safe(text: str) -> str:
    """JSON inside ``<script>``: ``</`` would end the element, U+2028/9 break old parsers."""
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("<!--", "<\\!--")


def to_html(data: dict[str, Any], root: str | None = None) -> str:
    """The page: a lane per administrative level (the root's row on top), laid out by ELK's
    layered algorithm (``vendor/elk.bundled.js``, inlined) with the citations routed around
    the boxes; zoom, search, and a document's details on click. ``data``: the graph as
    ``export.to_json_data`` gives it (the page draws what the JSON export holds, no more);
    ``root``: the document the graph was drawn from, in the page's title."""
    title = f"danvan — {root}" if root else "danvan — đồ thị văn bản"
    payload = _script_safe(json.dumps(data, ensure_ascii=False))
    page = _asset("template.html")
    # Fill the script before the data so nothing in the data can look like a placeholder.
    page = page.replace("__SCRIPT__", _asset("viewer.js").replace("</script", "<\\/script"))
    page = page.replace("__ELK__", _asset("vendor/elk.bundled.js").replace("</script", "<\\/script"), 1)
    page = page.replace("__TITLE__", html.escape(title))
    return page.replace("__DATA__", payload, 1)
