"""danvan: read Vietnamese administrative directives and turn them into data.

Library use::

    from danvan_cli import parse_text, parse_file
    doc = parse_file("samples/002_9ac44cf077a342da.txt")
    doc.number, doc.issuer.name, [r.number for r in doc.references]
    doc.to_dict()   # the JSON of `danvan parse --format json`

Or one stage at a time, each a function of what the stages before it made (every one has
an example in its docstring, run by the tests):

- ``read(path)``: a file in whatever form, as normalized text (``danvan_cli.text``);
- ``build_layout(text)``: the parts of the document (``danvan_cli.text``);
- ``find_citations(layout)``, ``extract_header(layout, citation spans)``,
  ``extract_tasks(text, view)``, ``extract_deadlines(text, view, time, tasks)``
  (``danvan_cli.extract``);
- ``resolve_references(text, view, citations, frame, place)`` (``danvan_cli.resolve``).

The heavy modules load on first use, so ``danvan --version`` stays instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

#: The stage verbs, in the order data flows through them.
STAGES = ("read", "build_layout", "find_citations", "extract_header", "resolve_references", "extract_tasks",
          "extract_deadlines", "parse_file")

__all__ = ["Document", "__version__", "parse_text", *STAGES]

if TYPE_CHECKING:  # pragma: no cover
    from .extract import extract_deadlines, extract_header, extract_tasks, find_citations
    from .model import Document
    from .pipeline import parse_file, parse_text
    from .resolve import resolve_references
    from .text import build_layout, read


def __getattr__(name: str) -> Any:
    if name in ("parse_text", "parse_file"):
        from . import pipeline

        return getattr(pipeline, name)
    if name in ("read", "build_layout"):
        from . import text

        return getattr(text, name)
    if name in ("find_citations", "extract_header", "extract_tasks", "extract_deadlines"):
        from . import extract

        return getattr(extract, name)
    if name == "resolve_references":
        from . import resolve

        return resolve.resolve_references
    if name == "Document":
        from .model import Document

        return Document
    raise AttributeError(name)
