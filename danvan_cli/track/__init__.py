"""Who was told to act, who has, what is due: one directive followed through a corpus.

``track`` reads the units a directive's own text tells to act (``collectives``, ``expected``),
the documents each has issued carrying it out (``cascade``), and its deadlines per unit
(``due``, ``status``), into one report (``report``).
"""

from __future__ import annotations

from .report import track

__all__ = ["track"]
