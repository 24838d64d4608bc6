"""The corpus as tables in files: Parquet, CSV or JSON lines, one file per table.

Tables: ``documents``, ``references``, ``mentions``, ``links``, ``tasks``, ``deadlines``,
``warnings`` (one row per document or per item, joined on ``path``), and the corpus graph
as ``nodes`` and ``edges`` (``source``/``target`` are node ids; ``path`` is the citing
file). Spark, DuckDB, pandas or a graph database load them as they are.

Rows arrive as a stream (from the store, or from a Dask cluster's workers) and are
written in batches, so a national archive is never held in memory at once.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..i18n import N_
from .rows import COLUMNS, DOCUMENT_COLUMNS

FORMATS = ("parquet", "csv", "jsonl")
SUFFIX = {"parquet": ".parquet", "csv": ".csv", "jsonl": ".jsonl"}

#: Every table and its columns, ``path`` first where a row belongs to a file.
TABLES: dict[str, tuple[str, ...]] = {
    "documents": ("path", "hash", "size", *DOCUMENT_COLUMNS),
    **{name: ("path", *cols) for name, cols in COLUMNS.items()},
    "nodes": ("id", "number", "doc_type", "date", "year", "issuer", "level", "place", "province", "title",
              "in_corpus", "path", "cited_by", "warnings"),
    "edges": ("source", "target", "relation", "evidence", "path", "target_path", "cited_date"),
}

#: Columns holding integers (the others are text; ``approximate``/``in_corpus``/``issuer_inferred`` are 0/1).
INTEGER_COLUMNS = frozenset({
    "size", "year", "horizon", "issuer_inferred", "n_references", "n_tasks", "n_deadlines", "n_warnings", "idx",
    "n_mentions", "ref_idx", "start", "end", "parent_idx", "depth", "approximate", "in_corpus", "cited_by",
    "source_index", "target_index",
})

BATCH_ROWS = 5000


class ExportError(Exception):
    """One line for the user (a missing extra, a folder that cannot be written)."""


class TableWriter:
    """Writes each table into ``folder/<table><suffix>`` as rows come."""

    def __init__(self, folder: str | Path, fmt: str) -> None:
        if fmt not in FORMATS:
            raise ExportError(N_("unknown format {format}; choose from {formats}").format(format=repr(fmt), formats=", ".join(FORMATS)))
        if fmt == "parquet":
            try:
                import pyarrow  # noqa: F401
                import pyarrow.parquet  # noqa: F401
            except ImportError as exc:
                raise ExportError(N_("Parquet needs pyarrow: pip install 'danvan[parquet]'")) from exc
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ExportError(N_("{folder}: cannot be created ({reason})").format(folder=self.folder, reason=exc.strerror or exc)) from exc
        self.fmt = fmt
        self._buffers: dict[str, list[tuple[Any, ...]]] = {t: [] for t in TABLES}
        self._open: dict[str, Any] = {}
        self.counts: dict[str, int] = {t: 0 for t in TABLES}

    def path(self, table: str) -> Path:
        return self.folder / f"{table}{SUFFIX[self.fmt]}"

    def add(self, table: str, rows: Iterable[tuple[Any, ...]]) -> None:
        buf = self._buffers[table]
        for r in rows:
            buf.append(r)
            if len(buf) >= BATCH_ROWS:
                self._flush(table)
                buf = self._buffers[table]

    def _flush(self, table: str) -> None:
        rows = self._buffers[table]
        if not rows and table in self._open:
            return
        cols = TABLES[table]
        self.counts[table] += len(rows)
        if self.fmt == "parquet":
            self._parquet(table, cols, rows)
        elif self.fmt == "csv":
            fh = self._open.get(table)
            if fh is None:
                # with a BOM: Excel opens UTF-8 CSV as Vietnamese only when the file says so
                fh = self._open[table] = self.path(table).open("w", encoding="utf-8-sig", newline="")
                csv.writer(fh).writerow(cols)
            csv.writer(fh).writerows(rows)
        else:
            fh = self._open.get(table)
            if fh is None:
                fh = self._open[table] = self.path(table).open("w", encoding="utf-8")
            for r in rows:
                fh.write(json.dumps(dict(zip(cols, r, strict=True)), ensure_ascii=False) + "\n")
        self._buffers[table] = []

    def _parquet(self, table: str, cols: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.schema([(c, pa.int64() if c in INTEGER_COLUMNS else pa.string()) for c in cols])
        columns = list(zip(*rows, strict=True)) if rows else [() for _ in cols]
        arrays = [pa.array([None if v is None else (int(v) if c in INTEGER_COLUMNS else str(v)) for v in col],
                           type=schema.field(c).type) for c, col in zip(cols, columns, strict=True)]
        batch = pa.Table.from_arrays(arrays, schema=schema)
        writer = self._open.get(table)
        if writer is None:
            writer = self._open[table] = pq.ParquetWriter(str(self.path(table)), schema)
        writer.write_table(batch)

    def close(self) -> dict[str, int]:
        """Flush everything (every table gets its file, empty or not); rows written per table."""
        for table in TABLES:
            self._flush(table)
        for handle in self._open.values():
            handle.close()
        self._open = {}
        return self.counts


def graph_rows(g: Any) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The ``nodes`` and ``edges`` rows of a corpus graph."""
    nodes = [
        (n, a.get("number"), a.get("doc_type"), a.get("date"), a.get("year"), a.get("issuer"), a.get("level"),
         a.get("place"), a.get("province"), a.get("title"), 1 if a.get("in_corpus") else 0, a.get("source"),
         a.get("cited_by"), json.dumps(list(a.get("warnings") or []), ensure_ascii=False))
        for n, a in g.nodes(data=True)
    ]
    edges = [
        (u, v, d.get("relation"), d.get("evidence"), d.get("source"), g.nodes[v].get("source"), d.get("cited_date"))
        for u, v, d in g.edges(data=True)
    ]
    return nodes, edges


def export_store(corpus: Any, writer: TableWriter) -> dict[str, int]:
    """Every table of the documents a stored corpus selected, and its graph."""
    c = corpus.store.conn
    c.execute("CREATE TEMP TABLE IF NOT EXISTS export_scope (id INTEGER PRIMARY KEY, pos INTEGER, source TEXT)")
    c.execute("DELETE FROM export_scope")
    c.executemany("INSERT OR IGNORE INTO export_scope VALUES (?, ?, ?)",
                  [(i, pos, s) for pos, (i, s) in enumerate(corpus.selected)])
    doc_cols = ", ".join(f'd."{x}"' for x in ("hash", "size", *DOCUMENT_COLUMNS))
    writer.add("documents", c.execute(
        f"SELECT s.source, {doc_cols} FROM doc d JOIN export_scope s ON s.id = d.id ORDER BY s.pos"))
    from .store import child_table

    for table, cols in COLUMNS.items():
        picked = ", ".join(f'x."{col}"' for col in cols)
        writer.add(table, c.execute(
            f"SELECT s.source, {picked} FROM {child_table(table)} x JOIN export_scope s ON s.id = x.doc_id "
            "ORDER BY s.pos, x.rowid"))
    nodes, edges = graph_rows(corpus.graph().whole())
    writer.add("nodes", nodes)
    writer.add("edges", edges)
    return writer.close()
