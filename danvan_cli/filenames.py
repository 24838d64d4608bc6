"""File names of any bytes: shown readably, stored losslessly.

A folder unzipped from Windows holds names that are not UTF-8; Python keeps their bytes as
surrogate escapes (``os.fsdecode``), which no terminal, JSON file or SQLite text can hold.
Shown, each such byte is a replacement character (``bi\ufffdn-b\ufffdn.txt``). Stored as the
store's key, the name is written ``bytes:`` plus its bytes percent-escaped — no absolute path
opens with ``bytes:``, so the form is never taken for a real name — and read back to the
very name the filesystem gave.
"""

from __future__ import annotations

import os
from urllib.parse import quote_from_bytes, unquote_to_bytes

_BYTES = "bytes:"


def _encodable(path: str) -> bool:
    try:
        path.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


def shown(path: str) -> str:
    """``path`` with the bytes that were not UTF-8 shown as U+FFFD."""
    if _encodable(path):
        return path
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def to_db(path: str) -> str:
    """The store's text for an absolute path: itself when it is UTF-8, else ``bytes:/…%EA…``."""
    if _encodable(path):
        return path
    return _BYTES + quote_from_bytes(os.fsencode(path), safe="/")


def from_db(text: str) -> str:
    """The path ``to_db`` wrote, as the filesystem names it."""
    if text.startswith(_BYTES):
        return os.fsdecode(unquote_to_bytes(text[len(_BYTES):]))
    return text
