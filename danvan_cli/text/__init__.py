"""The first two stages: reading a file into text, and laying that text out.

``read`` turns a file, in whatever form it came (text in any Vietnamese encoding, .docx,
.doc, HTML, PDF, a scan), into normalized text and the paragraphs and tables a structured
reader saw (``read.py``, ``formats/``, ``normalize.py``). ``build_layout`` finds the parts
of one document in that text — the document inside a site's chrome, its header and
signature zones, its type line, where its body starts and ends, its attachments and tables
(``layout.py`` and the modules it reads with). Every later stage reads the layout.
"""

from __future__ import annotations

from .layout import Layout, build_layout
from .normalize import matching_view, normalize_text
from .read import read_source as read

__all__ = ["Layout", "build_layout", "matching_view", "normalize_text", "read"]
