"""The third stage: the records a document's own text holds, read from its layout.

``find_citations`` (every document the text cites by number, ``citations.py``),
``extract_header`` (the document's own number, date, type, title, issuer, signer and
recipients, ``header.py``), ``extract_tasks`` (the task tree and who must act,
``outline.py``), ``extract_deadlines`` (by when, ``deadlines.py``). The names of places
and bodies they read are looked up in the gazetteer (``admin_units.py``, ``issuers.py``,
``own_issuer.py``).
"""

from __future__ import annotations

from .citations import find_citations
from .deadlines import extract_deadlines
from .header import extract_header
from .outline import extract_tasks

__all__ = ["extract_deadlines", "extract_header", "extract_tasks", "find_citations"]
