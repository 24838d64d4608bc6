"""parse_text: the one place where the stages are put together.

read → normalize (text + matching view) → header → references (scan numbers,
extract mentions, resolve issuers and relations, merge) → tasks → deadlines → warnings.
"""

from __future__ import annotations

from pathlib import Path

from .model import Document
from .text.blocks import Blocks
from .text.normalize import matching_view, normalize_text
from .text.read import read_source


def parse_text(text: str, source: str = "-", *, normalized: bool = False, blocks: Blocks | None = None) -> Document:
    """Parse one document's text. Never raises on any text input. ``blocks``: the
    paragraphs and tables a structured reader (.docx, HTML, PDF) saw in it."""
    from .extract.deadlines import extract_deadlines
    from .extract.header import extract_header, first_outline_label
    from .extract.outline import build_outline, extract_outline, extract_tasks, use_layout
    from .resolve.references import build_references, scan_mentions
    from .text.layout import build_layout

    if not normalized:
        text = normalize_text(text)
    view = matching_view(text)
    doc = Document(source=source, text=text)
    if not text.strip():
        doc.warn("empty-document", "empty document: nothing to parse")
        return doc
    layout = build_layout(text, view, blocks)
    use_layout(layout)
    raws = [r for r in scan_mentions(view) if layout.start <= r.start < layout.end]
    header = extract_header(layout, doc, [r.extent for r in raws])
    outline_start = first_outline_label(view, header.title_end, header.body_end)
    build_references(
        text, view, doc, raws, header.context,
        body_start=header.title_end, body_end=header.body_end,
        outline_start=outline_start, title_span=header.title_span,
    )
    outline = build_outline(view, text)
    doc.tasks = extract_tasks(text, view, doc, outline)
    doc.outline = extract_outline(text, view, outline)
    doc.deadlines = extract_deadlines(text, view, doc, doc.tasks)
    return doc


def parse_file(path: str | Path) -> Document:
    """Read and parse one file (``-`` is standard input). Raises ``DanvanInputError``
    for a missing or binary file."""
    decoded = read_source(path)
    doc = parse_text(decoded.text, source=str(path), normalized=True, blocks=decoded.blocks)
    doc.encoding = decoded.encoding
    doc.warnings[:0] = decoded.warnings
    return doc
