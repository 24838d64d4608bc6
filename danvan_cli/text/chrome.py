"""Where a document stands inside what a site printed around it.

A page saved from a legal portal holds the document between the site's chrome: a
banner and a metadata panel above (``Số hiệu:``, ``Loại văn bản:``, ``Người ký:`` ...:
the site's words, which must give no header field), related-documents lists, captions,
addresses and account notices below. The rules, from the form of such pages (the word
lists are ``data/lexicon/chrome.yaml``):

- the document starts at its header block: the block holding its first Quốc hiệu (or
  ``ĐẢNG CỘNG SẢN VIỆT NAM``), backed up over the issuing body's lines above it; with no
  Quốc hiệu, after the last line of a metadata panel or site banner near the top;
- it ends at the first site line after its signature (and its attachments), or at the
  site's caption of the document (``Công văn 5330/CT-CS năm 2025 về ... do Cục Thuế ban
  hành``) that stands right before one.
"""

from __future__ import annotations

import regex

from ..refdata import pattern
from .lines import Line

#: How far into a text its header may start (a portal's chrome above it can be long).
START_REACH = 40_000
#: Lines above the Quốc hiệu that may still be the issuing body's (parent, body, marks).
_BACK_LINES = 14
#: How many lines a Công văn's trích yếu (and the ``Kính gửi:`` closing its cell) may wrap
#: over in a narrow left column (``V/v triển khai thực hiện Chỉ thị`` ⏎ four more lines).
_VV_LINES = 9

# The site's caption of the document: its type as running text writes it (``Công văn``,
# ``Quyết định``, ``Nghị quyết``: a capital, then words in lower case), its number, then its
# year, its date or its subject in lower case (``Quyết định 38/2025/QĐ-UBND phân cấp ...``).
_CAPTION = regex.compile(
    r"^\p{Lu}[\p{Ll}\p{M}]*(?:\s[\p{Ll}\p{M}]+){0,2}\s(?:số\s+)?\d{1,6}[/\-][^\s]{1,40}\s+(?:năm\s+\d{4}|ngày\s+\d|\p{Ll})"
)


def _site_line(view: str, ln: Line) -> bool:
    return bool(ln.text) and pattern("chrome", "site_lines").match(ln.text.lstrip("# *")) is not None


def _panel_line(view: str, ln: Line) -> bool:
    t = ln.text.lstrip("# *").strip()
    m = pattern("chrome", "panel_labels").match(t)
    if m is None:
        return False
    rest = t[m.end():].lstrip(" *")
    return rest.startswith(":") or (not rest and len(t) < 40)


_VV_LINE = regex.compile(r"^V/[vV](?!\p{L})")
_SO_LINE = regex.compile(r"^(?:Số|SỐ)(?!\s*(?:hiệu|ký\s+hiệu))\s*:?\s*(?:\d|/|$)")


def _vv_line(lines: list[Line], k: int) -> bool:
    """A Công văn's trích yếu: ``V/v ...``, or ``Về ...`` right under the number line."""
    t = lines[k].text
    if _VV_LINE.match(t):
        return True
    above = next((x for x in reversed(lines[max(0, k - 2) : k]) if x.text), None)
    return t.startswith("Về ") and above is not None and _SO_LINE.match(above.text) is not None


def _headerish(ln: Line) -> bool:
    """A line that may belong to a header block above the Quốc hiệu: capitals, a
    separator, a bar, nothing, the number line or a Công văn's ``V/v``."""
    t = ln.text
    if not t or ln.bar:
        return True
    if _SO_LINE.match(t) or _VV_LINE.match(t):
        return True
    if not any(ch.isalnum() for ch in t):
        return True
    letters = [ch for ch in t if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters) and len(t) < 120


def header_motto(view: str, start: int, end: int) -> tuple[int, int] | None:
    """The first Quốc hiệu (or ``ĐẢNG CỘNG SẢN VIỆT NAM``) in ``view[start:end]`` written
    as a header writes it: in capitals, or alone on its line; the words inside a sentence
    ("đảng viên của Đảng Cộng sản Việt Nam") are not one."""
    found = []
    for name in ("quoc_hieu", "party_header"):
        for m in pattern("header", name).finditer(view, start, end):
            ls = view.rfind("\n", 0, m.start()) + 1
            le = view.find("\n", m.end())
            le = len(view) if le < 0 else le
            alone = not view[ls : m.start()].strip(" \t*_|") and not view[m.end() : le].strip(" \t*_|.")
            if m.group(0).isupper() or alone:
                found.append((m.start(), m.end()))
                break
    return min(found) if found else None


def document_start(text: str, view: str, lines: list[Line]) -> int:
    """Where the document's own text begins (0 when nothing stands above its header)."""
    reach = min(len(view), START_REACH)
    q = header_motto(view, 0, reach)
    if q is not None:
        # the line holding the Quốc hiệu's start
        i = next((k for k, ln in enumerate(lines) if ln.end >= q[0]), 0)
        j = i
        while j > 0 and i - j < _BACK_LINES:
            prev = lines[j - 1]
            if _site_line(view, prev) or _panel_line(view, prev):
                break
            if not _headerish(prev):
                # a Công văn's trích yếu under its number, wrapped over a line or two
                vv = next((k for k in range(j - 1, max(-1, j - 1 - _VV_LINES), -1) if _vv_line(lines, k)), None)
                if vv is None:
                    break
                j = vv
                continue
            j -= 1
        # skip blanks and bars at the top of the block
        while j < i and (not lines[j].text or lines[j].bar):
            j += 1
        if j == i:
            # the Quốc hiệu opens the block (the right column written first, or one line):
            # the issuing body may stand on the same line, before it
            return lines[i].start
        return lines[j].start
    # No Quốc hiệu: skip a metadata panel or banner at the top.
    last = -1
    for k, ln in enumerate(lines[:200]):
        if ln.start > reach:
            break
        if _site_line(view, ln) or _panel_line(view, ln):
            last = k
    if last < 0:
        return 0
    # the panel's last value follows its label
    k = last + 1
    while k < len(lines) and k <= last + 3 and (not lines[k].text or lines[k].bar or len(lines[k].text) < 40):
        k += 1
    return lines[k].start if k < len(lines) else len(text)


def document_end(text: str, view: str, lines: list[Line], after: int) -> int:
    """Where the document's own text ends: the first site line after ``after`` (the end of
    its signature), or the caption standing just above it; the text's end otherwise."""
    for k, ln in enumerate(lines):
        if ln.start < after or not ln.text:
            continue
        if _site_line(view, ln):
            # a caption of the document right above the site line
            for j in range(k - 1, max(-1, k - 4), -1):
                p = lines[j]
                if p.start < after:
                    break
                if p.text and _CAPTION.match(p.text):
                    return p.start
            return ln.start
    return len(text)
