"""parse_text: the one place where the stages are put together.

read → normalize (text + matching view) → layout (the document's parts, in whatever form it
came) → citations (extract) → header → references (resolve issuers and relations, merge,
links) → tasks → deadlines; each stage returns its record and its warnings.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .i18n import N_
from .model import Document
from .extract.admin_units import Gazetteer
from .text.blocks import Blocks
from .text.normalize import matching_view, normalize_text
from .text.read import Decoded, decode_file, read_source

if TYPE_CHECKING:
    from .text.formats.ocr import OcrOptions


def parse_text(
    text: str,
    source: str = "-",
    *,
    normalized: bool = False,
    blocks: Blocks | None = None,
    gazetteer: Gazetteer | None = None,
) -> Document:
    """Parse one document's text. Never raises on any text input. ``blocks``: the
    paragraphs and tables a structured reader (.docx, HTML, PDF) saw in it. ``gazetteer``:
    the administrative-unit table places are resolved with (the bundled one by default)."""
    if gazetteer is not None:
        with gazetteer.use():
            return parse_text(text, source, normalized=normalized, blocks=blocks)
    from .extract.citations import find_citations
    from .extract.deadlines import DocumentTime, extract_deadlines
    from .extract.header import extract_header
    from .extract.letters import order_tasks, read_addressees
    from .extract.outline import build_outline, extract_outline, extract_tasks, use_layout
    from .extract.own_issuer import own_voice
    from .resolve.references import Frame, Own, resolve_references
    from .text.layout import build_layout, outline_start

    if not normalized:
        text = normalize_text(text)
    view = matching_view(text)
    doc = Document(source=source, text=text)
    if not text.strip():
        doc.warn("empty-document", N_("empty document: nothing to parse"))
        return doc
    layout = build_layout(text, view, blocks)
    use_layout(layout)
    citations = find_citations(layout)
    header = extract_header(layout, [c.extent for c in citations])
    header.apply(doc)
    frame = Frame(
        title=header.title_span,
        body=(header.title_end, header.body_end),
        numbered=outline_start(view, header.title_end, header.body_end, layout.cut_line_starts()),
    )
    level = (doc.issuer.level or (doc.issuer.parent.level if doc.issuer.parent else None)) if doc.issuer else None
    own = Own(doc.number, doc.issuer.name if doc.issuer else None, doc.date, DocumentTime.of(doc).year, level)
    refs = resolve_references(text, view, citations, frame, header.context, own)
    doc.references, doc.named_laws, doc.links = refs.references, refs.named_laws, refs.links
    doc.warnings.extend(refs.warnings)
    outline = build_outline(view, text)
    letter = read_addressees(view, 0 if header.doc_type else layout.end, header.body_end)
    doc.addressees = letter.units
    doc.outline = extract_outline(text, view, outline)
    doc.tasks = extract_tasks(text, view, outline, doc.addressees, converted=doc.outline)
    if not doc.tasks and header.doc_type is not None:
        # a letter with no numbered body: the paragraphs that order units are its tasks
        body = (letter.span[1] if letter.span else header.title_end, header.body_end)
        doc.tasks = order_tasks(view, [body], doc.addressees, own_voice(header.context, doc.issuer))
    found = extract_deadlines(text, view, DocumentTime.of(doc), doc.tasks, cited=refs.mention_spans())
    doc.deadlines = found.deadlines
    doc.warnings.extend(found.warnings)
    return doc


def parse_file(path: str | Path, *, gazetteer: Gazetteer | None = None, ocr: OcrOptions | None = None) -> Document:
    """Read and parse one file (``-`` is standard input; ``ocr``: how scans and pictures
    are read). Raises ``DanvanInputError`` for a missing or binary file.

    >>> import pathlib, tempfile
    >>> from danvan_cli import parse_file
    >>> path = pathlib.Path(tempfile.mkdtemp(), "kh.txt")
    >>> _ = path.write_text("ỦY BAN NHÂN DÂN\\nTỈNH HẢI DƯƠNG\\nSố: 12/KH-UBND\\n\\nKẾ HOẠCH\\nCông tác năm 2024\\n\\n"
    ...                     "I. NHIỆM VỤ\\n1. Sở Nội vụ báo cáo trước ngày 30/11/2024.", encoding="utf-8")
    >>> doc = parse_file(path)
    >>> doc.number, doc.issuer.name, doc.tasks[0].children[0].assignees, doc.deadlines[0].date
    ('12/KH-UBND', 'UBND tỉnh Hải Dương', ['Sở Nội vụ'], '2024-11-30')
    """
    return _parse_decoded(read_source(path, ocr), str(path), gazetteer)


def parse_bytes(data: bytes, source: str = "-", *, gazetteer: Gazetteer | None = None,
                ocr: OcrOptions | None = None) -> Document:
    """Parse a file's bytes already read (``source`` names it, and its ending breaks a tie
    between text and HTML). Raises ``DanvanInputError`` as ``parse_file`` does."""
    return _parse_decoded(decode_file(data, source, ocr), source, gazetteer)


def _parse_decoded(decoded: Decoded, path: str, gazetteer: Gazetteer | None) -> Document:
    doc = parse_text(decoded.text, source=str(path), normalized=True, blocks=decoded.blocks, gazetteer=gazetteer)
    doc.encoding = decoded.encoding
    doc.warnings[:0] = decoded.warnings
    return doc
