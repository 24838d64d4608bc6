"""The package's version, in a module of its own.

Why not only in ``danvan_cli/__init__.py``: the store stamps every row with it
(``corpus.store.parser_version``), and the package's face reaches every stage (it hands out
``parse_file``): a store importing the face would import up the pipeline.
"""

from __future__ import annotations

__version__ = "0.1.0"
