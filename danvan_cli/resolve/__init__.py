"""The fourth stage: what the citations mean in the document's context.

``resolve_references`` turns the citations ``extract.find_citations`` found into
references: which issuer a relative one (``UBND tỉnh``) means from the document's own
place, how each relates to the document (``relations.py``: carries it out, rests on it,
replaces it), citations of one document merged, links between them.
"""

from __future__ import annotations

from .references import resolve_references

__all__ = ["resolve_references"]
