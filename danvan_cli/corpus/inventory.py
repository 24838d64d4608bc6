"""What the store holds, by folder, and which of it is gone from the disk.

Why: the store outlives the folders it was filled from. A folder deleted or moved since it
was indexed must not answer a search, a graph or a deadline list, and a user must be able
to see what the store holds and tidy it (``danvan store list|prune|forget|clear``). The
store does not record which folders were walked, so the folders shown are found from the
files: each folder holding indexed files, with the folders under it counted in it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..filenames import from_db, shown


@dataclass(frozen=True, slots=True)
class Entry:
    """One file the store knows: its row id, absolute path (as the filesystem names it), the
    name it was given when indexed, whether it could be read, and when its row was written."""

    id: int
    path: str
    source: str
    failed: bool
    indexed_at: str | None


@dataclass(slots=True)
class Folder:
    """A folder of the store: the files under it, how many could not be read, how many are
    gone from the disk, and when the oldest and newest of its rows were written."""

    path: str
    documents: int = 0
    failed: int = 0
    gone: int = 0
    first: str | None = None
    last: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"folder": shown(self.path), "documents": self.documents, "unreadable": self.failed,
                "gone": self.gone, "first_indexed": self.first, "last_indexed": self.last}


@dataclass(slots=True)
class Holdings:
    """Every entry of a store, split into those whose file is still there and those gone."""

    present: list[Entry] = field(default_factory=list)
    gone: list[Entry] = field(default_factory=list)


def entries(conn: Any) -> list[Entry]:
    """Every file the store knows, by the name it was indexed under."""
    rows = conn.execute("SELECT id, path, source, error IS NOT NULL, indexed_at FROM doc ORDER BY source, id")
    return [Entry(int(i), from_db(p), s or from_db(p), bool(f), t) for i, p, s, f, t in rows]


def is_there(path: str) -> bool:
    """The file is still a file at its path (a deleted or moved one, or one on a drive not
    mounted now, is not)."""
    return os.path.isfile(path)


def holdings(items: Iterable[Entry], exists: Callable[[str], bool] = is_there) -> Holdings:
    """``items`` split by whether their file is still there."""
    out = Holdings()
    for e in items:
        (out.present if exists(e.path) else out.gone).append(e)
    return out


def under(items: Iterable[Entry], folders: Iterable[str]) -> list[Entry]:
    """The entries inside any of ``folders`` (or naming one of them, for a file)."""
    roots = [os.path.abspath(f) for f in folders]
    prefixes = tuple(os.path.join(r, "") for r in roots)
    return [e for e in items if e.path in roots or e.path.startswith(prefixes)]


def top_folders(paths: Iterable[str]) -> set[str]:
    """The folders holding files of ``paths`` that lie in no other such folder: a tree indexed
    whole is one folder, two archives side by side are two."""
    parents = sorted({os.path.dirname(p) for p in paths}, key=len)
    tops: set[str] = set()
    for p in parents:
        if not any(a in tops for a in _ancestors(p)):
            tops.add(p)
    return tops


def _ancestors(path: str) -> list[str]:
    out = []
    while True:
        parent = os.path.dirname(path)
        if parent == path:
            return out
        out.append(parent)
        path = parent


def folders(items: list[Entry], gone: set[int]) -> list[Folder]:
    """The store's folders (``top_folders``), each with its counts and dates, in path order.
    ``gone`` holds the ids of entries whose file is no longer there."""
    tops = top_folders(e.path for e in items)
    by_path: dict[str, Folder] = {t: Folder(t) for t in tops}
    for e in items:
        folder = next(f for f in (os.path.dirname(e.path), *_ancestors(os.path.dirname(e.path))) if f in tops)
        row = by_path[folder]
        row.documents += 1
        row.failed += e.failed
        row.gone += e.id in gone
        day = _local_day(e.indexed_at)
        if day is not None:
            row.first = day if row.first is None else min(row.first, day)
            row.last = day if row.last is None else max(row.last, day)
    return [by_path[t] for t in sorted(by_path)]


def _local_day(stamp: str | None) -> str | None:
    """The local date of a row's UTC time of writing."""
    if not stamp:
        return None
    try:
        return datetime.fromisoformat(stamp).astimezone().date().isoformat()
    except ValueError:
        return stamp[:10]
