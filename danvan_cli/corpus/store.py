"""The corpus store: one SQLite file that makes a folder of documents a database.

Why: users ask ``graph``, ``deadlines`` and ``check`` of the same archive again and again.
Each file is parsed once; its rows are keyed by its path and the hash of its bytes, and
carry the parser version that made them. A later run stats the files (no reading) and
re-parses only what is new, changed, or was parsed by another parser version; files that
are gone are dropped.

Safety: WAL journal; every batch of files is one transaction (``BEGIN IMMEDIATE``), so a
run killed at any moment leaves the batches it committed and the next run completes the
rest; two runs at once take turns writing (the second waits, up to ``BUSY_TIMEOUT_S``). A
file at the store's path that is not a danvan store (another program's database, a
damaged file, anything else) is reported in one line and never touched.

The schema (tables and the plain views that sqlite3, DuckDB or Datasette show) is in
``SCHEMA`` below and in docs/store.md.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from ..filenames import from_db, shown, to_db
from ..i18n import N_
from .codec import RECORD_VERSION, pack, pack_text, unpack_text
from .rows import COLUMNS, DOCUMENT_COLUMNS, document_rows, head
from .scan import ReadPlan, Walk, internal_error
from .search import FOLD_VERSION

#: Bumped whenever the tables change; an older store of ours is rebuilt, a newer one refused.
STORE_SCHEMA = 2
#: ``PRAGMA application_id`` of a danvan store ("dvn1"): how a foreign SQLite file is told apart.
APPLICATION_ID = 0x64766E31
BUSY_TIMEOUT_S = 300.0
#: A batch is committed after this many files or this many seconds, whichever comes first.
BATCH_FILES = 200
BATCH_SECONDS = 1.0

SQLITE_MAGIC = b"SQLite format 3\x00"
#: The store opened last in this process (named in the one line when SQLite fails mid-way).
LAST_OPENED: Path | None = None


class StoreError(Exception):
    """The store cannot be used; the message is the one line to show (it names the path)."""


def default_store_path() -> Path:
    """``DANVAN_STORE`` if set, else ``store.sqlite`` in the user's cache folder (platformdirs)."""
    env = os.environ.get("DANVAN_STORE")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("danvan", appauthor=False) / "store.sqlite"


@cache
def parser_version() -> str:
    """What made a row: the package version, the record and store versions, and a digest of
    the parser's own files (code and data), so a changed parser invalidates rows by itself,
    even between releases."""
    from ..version import __version__

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256()
    skip = {"commands", "render", "corpus", "graph"}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if not p.is_file() or rel.parts[0] in skip or "__pycache__" in rel.parts or rel.name == "cli.py":
            continue
        if p.suffix not in (".py", ".yaml", ".json", ".txt"):
            continue
        digest.update(str(rel).encode())
        digest.update(p.read_bytes())
    for extra in ("codec.py", "rows.py"):  # how a document becomes rows is part of the row too
        digest.update((root / "corpus" / extra).read_bytes())
    return f"{__version__}+r{RECORD_VERSION}.s{STORE_SCHEMA}.{digest.hexdigest()[:12]}"


def _ddl() -> str:
    doc_cols = ",\n  ".join(f'"{c}"' for c in DOCUMENT_COLUMNS)
    child = []
    for table, cols in COLUMNS.items():
        body = ", ".join(f'"{c}"' for c in cols)
        child.append(f"CREATE TABLE IF NOT EXISTS {child_table(table)} (doc_id INTEGER NOT NULL, {body});")
    return f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS doc (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  size INTEGER, mtime_ns INTEGER, inode INTEGER,
  hash TEXT, parser TEXT NOT NULL, error TEXT, indexed_at TEXT, source TEXT,
  {doc_cols}
);
-- The bulky part of a document, apart: the doc table stays narrow, so the stat check of a
-- warm run and the views scan it fast.
CREATE TABLE IF NOT EXISTS doc_data (
  doc_id INTEGER PRIMARY KEY, record BLOB, text BLOB, head TEXT
);
{chr(10).join(child)}
CREATE INDEX IF NOT EXISTS doc_number ON doc(number_key);
CREATE INDEX IF NOT EXISTS doc_reference_doc ON doc_reference(doc_id);
CREATE INDEX IF NOT EXISTS doc_reference_number ON doc_reference(number_key);
CREATE INDEX IF NOT EXISTS doc_mention_doc ON doc_mention(doc_id);
CREATE INDEX IF NOT EXISTS doc_link_doc ON doc_link(doc_id);
CREATE INDEX IF NOT EXISTS doc_task_doc ON doc_task(doc_id);
CREATE INDEX IF NOT EXISTS doc_deadline_doc ON doc_deadline(doc_id);
CREATE INDEX IF NOT EXISTS doc_warning_doc ON doc_warning(doc_id);
CREATE VIRTUAL TABLE IF NOT EXISTS doc_fts USING fts5(
  title, body, content='', tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS graph (
  id INTEGER PRIMARY KEY, fingerprint TEXT NOT NULL UNIQUE, built_at TEXT, documents INTEGER,
  attrs TEXT, used_at REAL
);
CREATE TABLE IF NOT EXISTS graph_node (
  graph_id INTEGER NOT NULL, node TEXT NOT NULL, number TEXT, number_key TEXT, doc_type TEXT, date TEXT,
  year INTEGER, issuer TEXT, level TEXT, place TEXT, province TEXT, title TEXT, in_corpus INTEGER,
  source TEXT, cited_by INTEGER, attrs TEXT, PRIMARY KEY (graph_id, node)
);
CREATE INDEX IF NOT EXISTS graph_node_number ON graph_node(graph_id, number_key);
CREATE TABLE IF NOT EXISTS graph_edge (
  graph_id INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, relation TEXT, evidence TEXT,
  citing_file TEXT, cited_date TEXT, attrs TEXT
);
CREATE INDEX IF NOT EXISTS graph_edge_target ON graph_edge(graph_id, target);
CREATE INDEX IF NOT EXISTS graph_edge_source ON graph_edge(graph_id, source);

CREATE VIEW IF NOT EXISTS documents AS
  SELECT id, source AS path, path AS absolute_path, hash, size, indexed_at, {doc_cols}
  FROM doc WHERE error IS NULL;
CREATE VIEW IF NOT EXISTS "references" AS
  SELECT d.source AS path, d.number AS citing_number, r.* FROM doc_reference r JOIN doc d ON d.id = r.doc_id;
CREATE VIEW IF NOT EXISTS mentions AS
  SELECT d.source AS path, m.* FROM doc_mention m JOIN doc d ON d.id = m.doc_id;
CREATE VIEW IF NOT EXISTS links AS
  SELECT d.source AS path, l.* FROM doc_link l JOIN doc d ON d.id = l.doc_id;
CREATE VIEW IF NOT EXISTS tasks AS
  SELECT d.source AS path, t.* FROM doc_task t JOIN doc d ON d.id = t.doc_id;
CREATE VIEW IF NOT EXISTS deadlines AS
  SELECT d.source AS path, d.number AS document_number, d.doc_type AS document_type, d.issuer AS document_issuer,
         x.idx, x.text, x.date, x.rrule, x.approximate, x.granularity, x.until, x.action, x.assignees, x.start, x."end"
  FROM doc_deadline x JOIN doc d ON d.id = x.doc_id;
CREATE VIEW IF NOT EXISTS warnings AS
  SELECT d.source AS path, w.* FROM doc_warning w JOIN doc d ON d.id = w.doc_id;
CREATE VIEW IF NOT EXISTS nodes AS
  SELECT n.node AS id, n.number, n.doc_type, n.date, n.year, n.issuer, n.level, n.place, n.province, n.title,
         n.in_corpus, n.source AS path, n.cited_by
  FROM graph_node n WHERE n.graph_id = (SELECT id FROM graph ORDER BY used_at DESC LIMIT 1);
CREATE VIEW IF NOT EXISTS edges AS
  SELECT e.source, e.target, e.relation, e.evidence, e.citing_file AS path, t.source AS target_path, e.cited_date
  FROM graph_edge e LEFT JOIN graph_node t ON t.graph_id = e.graph_id AND t.node = e.target
  WHERE e.graph_id = (SELECT id FROM graph ORDER BY used_at DESC LIMIT 1);
"""


# Tables of ours, dropped when an older store of ours is rebuilt.
_OURS = ("meta", "doc", "doc_data", "doc_reference", "doc_mention", "doc_link", "doc_task", "doc_deadline", "doc_warning",
         "doc_fts", "graph", "graph_node", "graph_edge")
_VIEWS = ("documents", "references", "mentions", "links", "tasks", "deadlines", "warnings", "nodes", "edges")


def child_table(name: str) -> str:
    """``references`` → ``doc_reference``: the base table behind a view."""
    return f"doc_{name[:-1]}"


# --------------------------------------------------------------------------- what a worker returns


@dataclass(slots=True)
class FileState:
    """What a stat says about a file, compared with what the store saw."""

    size: int
    mtime_ns: int
    inode: int


@dataclass(slots=True)
class Indexed:
    """One file, read and parsed in a worker: everything the store writes for it."""

    path: str  # absolute
    source: str  # as the user named it
    state: FileState
    hash: str | None = None
    error: str | None = None
    unchanged: bool = False  # same bytes as the stored row: only the stat is refreshed
    document: tuple[Any, ...] = ()
    tables: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    record: bytes | None = None
    text: bytes | None = None
    head: str | None = None
    fts: tuple[str, str] = ("", "")


def index_file(path: str, source: str, state: FileState, old_hash: str | None, debug: bool = False, *,
               ocr: ReadPlan | None = None, pages: Callable[[int, int], None] | None = None) -> Indexed:
    """Read, hash and parse one file into rows (runs in a worker; never raises).

    The file is parsed by ``pipeline.parse_file`` (the readers of every format), under its
    absolute path so that a worker's folder does not matter; messages name it as the user did.
    ``ocr`` (an ``ocr_cache.OcrPlan``) says how scans are read; ``pages`` is told of pages OCR'd."""
    import json

    from ..pipeline import parse_file
    from ..text.read import DanvanInputError
    from .codec import document_to_dict
    from .search import fold

    source = shown(source)
    out = Indexed(path=path, source=source, state=state)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        out.error = N_("{name}: cannot be read ({reason})").format(name=source, reason=exc.strerror or exc)
        return out
    out.hash = hashlib.sha256(data).hexdigest()
    if old_hash is not None and old_hash == out.hash:
        out.unchanged = True
        return out
    options = ocr.options(pages) if ocr is not None else None
    try:
        doc = parse_file(path, ocr=options)
        doc.source = source
        rows = document_rows(doc)
        out.document = rows.document
        out.tables = rows.tables
        data = document_to_dict(doc)
        out.record = pack(data)
        out.text = pack_text(doc.text)
        # the head is cut from the same dict (once packed: head changes it), not converted again
        out.head = json.dumps(head(doc, data), ensure_ascii=False, separators=(",", ":"))
        out.fts = (fold(doc.title or ""), fold(doc.text))
    except DanvanInputError as exc:
        msg = str(exc)
        out.error = source + msg[len(path):] if msg.startswith(path) else msg
    except MemoryError:
        from ..text.formats import limits

        out.error = f"{source}: {limits.out_of_memory()}"
    except Exception as exc:  # a parser (or codec) bug on one file must not sink the batch
        if debug:
            import traceback

            traceback.print_exc()
        out.error = internal_error(source, exc)
    finally:
        if options is not None and options.cache is not None:
            options.cache.close()
    return out


def lost_file(args: tuple[Any, ...], reason: str) -> Indexed:
    """The row of a file whose worker died or ran out of time while reading it (``args`` as
    ``index_file`` was given them): an error the store keeps, so a rerun names the file
    again without reading it until it changes."""
    path, source, state = args[0], args[1], args[2]
    return Indexed(path=path, source=source, state=state, error=f"{source}: {reason}")


# --------------------------------------------------------------------------- the store


@dataclass(slots=True)
class SyncReport:
    """What one sync did, and the documents it leaves selected for the command."""

    selected: list[tuple[int, str]] = field(default_factory=list)  # (doc id, source) in walk order
    hashes: dict[int, str] = field(default_factory=dict)  # doc id -> hash of its bytes, for the selected
    parsed: int = 0
    unchanged: int = 0
    refreshed: int = 0
    removed: int = 0
    errors: list[str] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Store:
    """An open store. ``Store(path)`` validates the file (``StoreError`` with one line if it is
    not ours), creates the schema in a new or empty file, and rebuilds an older store of ours."""

    def __init__(self, path: str | Path) -> None:
        global LAST_OPENED
        self.path = LAST_OPENED = Path(path)
        self.conn = self._open()

    # ----------------------------------------------------------------- opening

    def _fail(self, why: str) -> StoreError:
        return StoreError(f"{self.path}: {why}")

    def _open(self) -> sqlite3.Connection:
        p = self.path
        if p.is_dir():
            raise self._fail("is a folder, not a store file (give a file path with --store)")
        if p.exists() and p.stat().st_size > 0:
            with p.open("rb") as fh:
                magic = fh.read(len(SQLITE_MAGIC))
            if magic != SQLITE_MAGIC:
                raise self._fail("not a danvan store (not an SQLite database); move it away or choose "
                                 "another file with --store or DANVAN_STORE")
        else:
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise self._fail(f"cannot create its folder ({exc.strerror or exc})") from exc
        try:
            conn = sqlite3.connect(str(p), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise self._fail(f"cannot be opened ({exc})") from exc
        try:
            self._prepare_waiting(conn)
        except sqlite3.OperationalError as exc:
            conn.close()
            if "database is locked" not in str(exc) and ("readonly" in str(exc) or "unable to open" in str(exc)
                                                         or "disk I/O" in str(exc)):
                raise self._fail(f"cannot be written ({exc}); choose another file with --store") from exc
            raise self._fail(f"unreadable store ({exc}); delete it to start afresh, or choose another file "
                             "with --store") from exc
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise self._fail(f"damaged or unreadable store ({exc}); delete it to start afresh, or choose "
                             "another file with --store") from exc
        except StoreError:
            conn.close()
            raise
        return conn

    def _prepare_waiting(self, conn: sqlite3.Connection) -> None:
        """``_prepare``, tried again while another run holds the file.

        SQLite's busy timeout does not cover every first step of a fresh file: switching it to
        WAL, or reading it while another connection recovers its WAL, can answer "database is
        locked" at once. Two runs started together on a new store meet exactly there, so the
        steps are retried (with a growing pause) for as long as the busy timeout would wait.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        pause = 0.02
        while True:
            try:
                self._prepare(conn)
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
                pause = min(pause * 2, 1.0)

    def _prepare(self, conn: sqlite3.Connection) -> None:
        # One read transaction for both questions: another run creating the store commits its
        # tables and its application id together, and two separate reads could fall on either
        # side of that commit (tables seen, id not yet): a danvan store taken for a foreign one.
        conn.execute("BEGIN")
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}
            app = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.execute("COMMIT")
        if app != APPLICATION_ID and tables:
            raise self._fail("an SQLite database of another program, not a danvan store; it is left as it is "
                             "(choose another file with --store or DANVAN_STORE)")
        if app == APPLICATION_ID and version > STORE_SCHEMA:
            raise self._fail(f"made by a newer danvan (store schema {version}, this one knows {STORE_SCHEMA}); "
                             "upgrade danvan or choose another file with --store")
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA temp_store=MEMORY")
        conn.execute("PRAGMA cache_size=-65536")
        if app == APPLICATION_ID and version == STORE_SCHEMA:
            self._check_fold(conn)
            return
        with _write(conn):
            # Looked at again inside the write lock: another run may have just done it.
            app = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if app == APPLICATION_ID and version == STORE_SCHEMA:
                return
            if app == APPLICATION_ID:  # an older store of ours: a cache, rebuilt
                for v in _VIEWS:
                    conn.execute(f'DROP VIEW IF EXISTS "{v}"')
                for t in _OURS:
                    conn.execute(f'DROP TABLE IF EXISTS "{t}"')
            for stmt in _statements(_ddl()):
                conn.execute(stmt)
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version={STORE_SCHEMA}")
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('created_by', ?)", (parser_version(),))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('fold', ?)", (str(FOLD_VERSION),))

    def _check_fold(self, conn: sqlite3.Connection) -> None:
        """The full-text index forgets a row only when given back the very words it indexed;
        if the fold of ``search.py`` changed since the index was filled, it is filled anew."""
        row = conn.execute("SELECT value FROM meta WHERE key = 'fold'").fetchone()
        if row is not None and row[0] == str(FOLD_VERSION):
            return
        from .search import fold

        with _write(conn):
            conn.execute("INSERT INTO doc_fts (doc_fts) VALUES ('delete-all')")
            for doc_id, title, text in conn.execute(
                    "SELECT d.id, d.title, x.text FROM doc d JOIN doc_data x ON x.doc_id = d.id WHERE d.error IS NULL"
            ).fetchall():
                conn.execute("INSERT INTO doc_fts (rowid, title, body) VALUES (?, ?, ?)",
                             (doc_id, fold(title or ""), fold(unpack_text(text))))
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('fold', ?)", (str(FOLD_VERSION),))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- syncing

    def known(self) -> dict[str, tuple[Any, ...]]:
        """path → (path, id, size, mtime_ns, inode, hash, parser, error, source) of every stored file."""
        rows = self.conn.execute("SELECT path, id, size, mtime_ns, inode, hash, parser, error, source FROM doc")
        return {from_db(r[0]): r for r in rows}

    def sync(
        self,
        walk: Walk,
        *,
        jobs: int | None = None,
        debug: bool = False,
        on_error: Callable[[str], None] | None = None,
        progress: Callable[[int, int], Any] | None = None,
        start_progress: Callable[[int, int], Any] | None = None,
        parse: Callable[..., Iterator[Indexed]] | None = None,
        ocr: ReadPlan | None = None,
        pages: Callable[[int, int], Any] | None = None,
    ) -> SyncReport:
        """Bring the rows of the walked files up to date, and drop the rows of files that are
        gone from the walked folders. ``progress(files, bytes)`` is called as files are done;
        ``start_progress(files, bytes)`` once with what there is to parse. ``parse`` maps
        ``index_file`` over the work (default: worker processes, ``--jobs``). ``ocr`` (an
        ``ocr_cache.OcrPlan``) says how scans are read, ``pages(done, total)`` is told of
        OCR'd pages."""
        from .parallel import map_ordered
        from .scan import per_file

        report = SyncReport()
        current = parser_version()
        known = self.known()
        seen: set[str] = set()
        plan: list[tuple[int, str, str, FileState, str | None]] = []  # (position, path, source, state, old hash)
        slots: list[tuple[int, str] | None] = []
        renamed: list[tuple[str, int]] = []  # unchanged files named otherwise this time (another folder)
        missing: set[str] = set()
        for named, path in zip(walk.files, walk.absolute, strict=True):
            source = shown(named)
            seen.add(path)
            try:
                st = os.stat(path)
            except OSError as exc:
                if isinstance(exc, FileNotFoundError):
                    missing.add(path)
                msg = N_("{name}: no such file").format(name=source) if isinstance(exc, FileNotFoundError) else \
                    N_("{name}: cannot be read ({reason})").format(name=source, reason=exc.strerror or exc)
                report.errors.append(msg)
                if on_error:
                    on_error(msg)
                slots.append(None)
                continue
            state = FileState(st.st_size, st.st_mtime_ns, st.st_ino)
            row = known.get(path)
            # row: path, id, size, mtime_ns, inode, hash, parser, error, source
            if row is not None and row[6] == current and row[2] == state.size and row[3] == state.mtime_ns \
                    and row[4] == state.inode and not (row[7] is not None and ocr is not None and ocr.may_read(row[7])):
                if row[7] is not None:  # a file that could not be read last time either
                    msg = row[7] if row[8] == source else row[7].replace(row[8] or "", source, 1)
                    report.errors.append(msg)
                    if on_error:
                        on_error(msg)
                    slots.append(None)
                else:
                    slots.append((row[1], source))
                    report.hashes[row[1]] = row[5]
                    if row[8] != source:
                        renamed.append((source, row[1]))
                report.unchanged += 1
                continue
            old_hash = row[5] if row is not None and row[6] == current and row[7] is None else None
            plan.append((len(slots), path, source, state, old_hash))
            slots.append(None)

        gone = self._gone(walk, known, seen, missing)
        if gone or renamed:
            with _write(self.conn):
                for doc_id in gone:
                    self._delete(doc_id)
                self.conn.executemany("UPDATE doc SET source = ? WHERE id = ?", renamed)
            report.removed = len(gone)

        if plan:
            if start_progress:
                start_progress(len(plan), sum(p[3].size for p in plan))
            if parse is None:
                results: Iterable[Indexed] = map_ordered(
                    per_file(index_file, len(plan), jobs, ocr), [(p[1], p[2], p[3], p[4], debug) for p in plan],
                    jobs=jobs, failed=lost_file, sizes=[p[3].size for p in plan], progress=pages)
            else:
                results = parse([(p[1], p[2], p[3], p[4], debug) for p in plan])
            pending: list[tuple[int, Indexed]] = []
            last = time.monotonic()
            for (pos, *_rest), res in zip(plan, results, strict=True):
                pending.append((pos, res))
                if progress:
                    progress(1, res.state.size)
                if len(pending) >= BATCH_FILES or time.monotonic() - last >= BATCH_SECONDS:
                    self._write_batch(pending, slots, report, on_error)
                    pending, last = [], time.monotonic()
            if pending:
                self._write_batch(pending, slots, report, on_error)
        report.selected = [s for s in slots if s is not None]
        return report

    def _gone(self, walk: Walk, known: dict[str, Any], seen: set[str], missing: set[str]) -> list[int]:
        """Ids of stored files under the walked folders that the walk did not find, and of
        files named alone that no longer exist (``missing``)."""
        roots = tuple(os.path.join(os.path.abspath(f), "") for f in walk.folders)
        return [row[1] for path, row in known.items()
                if path in missing or (roots and path not in seen and path.startswith(roots))]

    def _write_batch(self, batch: list[tuple[int, Indexed]], slots: list[tuple[int, str] | None],
                     report: SyncReport, on_error: Callable[[str], None] | None) -> None:
        parser = parser_version()
        with _write(self.conn):
            for pos, res in batch:
                doc_id = self._write_one(res, parser)
                if res.error is not None:
                    report.errors.append(res.error)
                    if on_error:
                        on_error(res.error)
                    continue
                if res.unchanged:
                    report.refreshed += 1
                else:
                    report.parsed += 1
                slots[pos] = (doc_id, res.source)
                report.hashes[doc_id] = res.hash or ""

    def _write_one(self, res: Indexed, parser: str) -> int:
        c = self.conn
        old = c.execute("SELECT d.id, d.title, x.text, d.error FROM doc d LEFT JOIN doc_data x ON x.doc_id = d.id "
                        "WHERE d.path = ?", (to_db(res.path),)).fetchone()
        st = res.state
        if res.unchanged and old is not None:
            c.execute("UPDATE doc SET size=?, mtime_ns=?, inode=?, source=? WHERE id=?",
                      (st.size, st.mtime_ns, st.inode, res.source, old[0]))
            return int(old[0])
        if old is not None:
            self._delete_children(old[0], old[1], old[2], fts=old[3] is None)
        cols = ["path", "size", "mtime_ns", "inode", "hash", "parser", "error", "indexed_at", "source"]
        values: list[Any] = [to_db(res.path), st.size, st.mtime_ns, st.inode, res.hash, parser, res.error, _now(), res.source]
        cols += DOCUMENT_COLUMNS
        values += res.document if res.error is None else [None] * len(DOCUMENT_COLUMNS)
        quoted = ", ".join(f'"{x}"' for x in cols)
        marks = ", ".join("?" for _ in cols)
        updates = ", ".join(f'"{x}"=excluded."{x}"' for x in cols[1:])
        doc_id = c.execute(
            f"INSERT INTO doc ({quoted}) VALUES ({marks}) ON CONFLICT(path) DO UPDATE SET {updates} RETURNING id",
            values,
        ).fetchone()[0]
        if res.error is None:
            c.execute("INSERT OR REPLACE INTO doc_data (doc_id, record, text, head) VALUES (?, ?, ?, ?)",
                      (doc_id, res.record, res.text, res.head))
            for table, rows in res.tables.items():
                if rows:
                    width = len(COLUMNS[table]) + 1
                    c.executemany(f"INSERT INTO {child_table(table)} VALUES ({', '.join('?' * width)})",
                                  [(doc_id, *r) for r in rows])
            c.execute("INSERT INTO doc_fts (rowid, title, body) VALUES (?, ?, ?)", (doc_id, *res.fts))
        return int(doc_id)

    def _delete_children(self, doc_id: int, title: str | None, text: bytes | None, *, fts: bool) -> None:
        from .search import fold

        for table in COLUMNS:
            self.conn.execute(f"DELETE FROM {child_table(table)} WHERE doc_id = ?", (doc_id,))
        self.conn.execute("DELETE FROM doc_data WHERE doc_id = ?", (doc_id,))
        if fts:
            # A contentless index forgets a row when given back exactly what it indexed.
            self.conn.execute("INSERT INTO doc_fts (doc_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                              (doc_id, fold(title or ""), fold(unpack_text(text))))

    def _delete(self, doc_id: int) -> None:
        old = self.conn.execute("SELECT d.title, x.text, d.error FROM doc d LEFT JOIN doc_data x ON x.doc_id = d.id "
                                "WHERE d.id = ?", (doc_id,)).fetchone()
        if old is None:
            return
        self._delete_children(doc_id, old[0], old[1], fts=old[2] is None)
        self.conn.execute("DELETE FROM doc WHERE id = ?", (doc_id,))

    # ----------------------------------------------------------------- tidying

    def forget(self, ids: Iterable[int]) -> int:
        """Drop the rows of these documents (``danvan store prune``/``forget``), and the
        graphs kept beside them, which they may be part of (rebuilt when next asked)."""
        ids = list(ids)
        if not ids:
            return 0
        with _write(self.conn):
            for doc_id in ids:
                self._delete(doc_id)
            self._drop_graphs()
        return len(ids)

    def clear(self) -> int:
        """Forget every document (``danvan store clear``); the file stays a valid, empty store,
        shrunk to its size."""
        n = self.conn.execute("SELECT count(*) FROM doc").fetchone()[0]
        with _write(self.conn):
            for table in COLUMNS:
                self.conn.execute(f"DELETE FROM {child_table(table)}")
            self.conn.execute("DELETE FROM doc_data")
            self.conn.execute("DELETE FROM doc")
            self.conn.execute("INSERT INTO doc_fts (doc_fts) VALUES ('delete-all')")
            self._drop_graphs()
        self.conn.execute("VACUUM")
        return int(n)

    def _drop_graphs(self) -> None:
        for table in ("graph_edge", "graph_node", "graph"):
            self.conn.execute(f"DELETE FROM {table}")

    # ----------------------------------------------------------------- reading

    def documents(self, ids: list[int]) -> Iterator[tuple[int, dict[str, Any], bytes | None]]:
        """(id, record, text blob) of each id, in the order given."""
        from .codec import unpack

        for chunk in _chunks(ids, 500):
            marks = ",".join("?" * len(chunk))
            rows = {r[0]: r for r in self.conn.execute(
                f"SELECT doc_id, record, text FROM doc_data WHERE doc_id IN ({marks})", chunk)}
            for i in chunk:
                r = rows[i]
                yield i, unpack(r[1]), r[2]


@contextmanager
def _write(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction; waits for another writer (busy timeout) instead of failing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def write_transaction(conn: sqlite3.Connection) -> Any:
    """The store's write transaction, for the graph snapshots kept beside the documents."""
    return _write(conn)


def _statements(ddl: str) -> list[str]:
    out, buf = [], []
    for line in ddl.splitlines():
        buf.append(line)
        if line.rstrip().endswith(";") and sqlite3.complete_statement("\n".join(buf)):
            out.append("\n".join(buf))
            buf = []
    return [s for s in out if s.strip()]


def _chunks(items: list[int], n: int) -> Iterator[list[int]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]
