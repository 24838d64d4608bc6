"""The corpus graph: which document carries out which, across levels and years.

``build_graph`` turns parsed documents into a networkx ``DiGraph`` (one node per real
document, see ``identity``), ``find_roots``/``traverse`` answer ``danvan graph --root``,
and ``export`` writes it in the formats people open it with.
"""

from __future__ import annotations

from .build import build_graph
from .query import find_roots, traverse

__all__ = ["build_graph", "find_roots", "traverse"]
