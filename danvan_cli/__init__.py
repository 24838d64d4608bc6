"""danvan: read Vietnamese administrative directives and turn them into data.

Library use::

    from danvan_cli import parse_text, parse_file
    doc = parse_file("samples/002_9ac44cf077a342da.txt")
    doc.number, doc.issuer.name, [r.number for r in doc.references]
    doc.to_dict()   # the JSON of `danvan parse --format json`

The heavy modules load on first use, so ``danvan --version`` stays instant.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

__all__ = ["parse_text", "parse_file", "Document", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .model import Document
    from .pipeline import parse_file, parse_text


def __getattr__(name: str) -> Any:
    if name in ("parse_text", "parse_file"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "Document":
        from .model import Document

        return Document
    raise AttributeError(name)
