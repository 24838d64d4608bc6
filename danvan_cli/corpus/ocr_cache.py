"""The OCR of each page kept in the store, so that no page is OCR'd twice.

Why in the store: OCR costs seconds a page, parsing milliseconds. A changed parser
re-parses every file of a folder (``store.parser_version``); with the pages' words kept,
a folder of scans is re-parsed at the cost of its text layers. The key is the file's
bytes, the page and the OCR settings (``ocr.Tesseract.key``), not the parser's version.

The table (``ocr_page``) is this module's alone: made when first used, in any store of
ours, and left alone when the store's other tables are rebuilt (what OCR read does not
depend on them). Workers open their own connection: SQLite lets them read while the
main process writes, and each page is written in its own short transaction.

``OcrPlan`` is what a command decides (mode, pages at once, where the store is): a plain
record that goes to worker processes, where it becomes ``ocr.OcrOptions``.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..text.formats.ocr import OcrOptions, tesseract, wants_ocr
from .store import APPLICATION_ID, Store, StoreError

#: Seconds a worker waits for the store while another process writes it.
BUSY_TIMEOUT_S = 60.0

_TABLE = "CREATE TABLE IF NOT EXISTS ocr_page (key TEXT PRIMARY KEY, words BLOB NOT NULL, made_at REAL)"


class StoreOcrCache:
    """Pages' OCR in the danvan store at ``path``, opened on first use (and made, when
    there is none yet). A file that is not a danvan store, or one that cannot be written,
    makes no cache (OCR runs, nothing is kept): the store's own commands say what is
    wrong with it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._broken = False

    def _db(self) -> sqlite3.Connection | None:
        if self._conn is None and not self._broken:
            try:
                if not self.path.exists():  # the first scan read: a store is made to keep it in
                    Store(self.path).close()
                conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
                if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                    conn.close()
                    self._broken = True  # another program's database: never written into
                    return None
                conn.execute(_TABLE)
                self._conn = conn
            except (sqlite3.Error, StoreError, OSError):
                self._broken = True
        return self._conn

    def get(self, key: str) -> bytes | None:
        db = self._db()
        if db is None:
            return None
        try:
            row = db.execute("SELECT words FROM ocr_page WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return bytes(row[0]) if row is not None else None

    def put(self, key: str, value: bytes) -> None:
        db = self._db()
        if db is None:
            return
        try:
            db.execute("INSERT OR REPLACE INTO ocr_page VALUES (?, ?, ?)", (key, value, time.time()))
        except sqlite3.Error:
            pass  # a full disk or a locked store: the page is OCR'd again next time

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


@dataclass(frozen=True, slots=True)
class OcrPlan:
    """How a command OCRs: ``mode`` (``auto``/``always``/``never``), ``jobs`` pages at once
    in one file, ``store`` the store file whose cache keeps pages (None: none kept)."""

    mode: str = "auto"
    jobs: int = 1
    store: str | None = None

    def may_read(self, error: str) -> bool:
        """Whether a file stored as unread for want of OCR (``--ocr never`` then, or Tesseract
        missing) may be read now: OCR is on and Tesseract is here. Such a file is tried again
        though it did not change."""
        return self.mode != "never" and wants_ocr(error) and tesseract() is not None

    def options(self, progress: Callable[[int, int], None] | None = None) -> OcrOptions:
        """The reader's options: a cache on the store when there is one."""
        cache = StoreOcrCache(self.store) if self.store and self.mode != "never" else None
        return OcrOptions(mode=self.mode, jobs=self.jobs, cache=cache, progress=progress)
