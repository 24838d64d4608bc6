"""``danvan export``: the corpus as tables, read back as a loader would."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from danvan_cli.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TABLES = ("documents", "references", "mentions", "links", "tasks", "deadlines", "warnings", "nodes", "edges")


def export(tmp_path: Path, fmt: str) -> Path:
    out = tmp_path / fmt
    res = CliRunner().invoke(main, ["export", str(SAMPLES), "--format", fmt, "-o", str(out),
                                    "--store", str(tmp_path / "s.sqlite"), "-q"])
    assert res.exit_code == 0, res.output
    return out



def test_parquet_export_reads_back(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra (pyarrow) is not installed")
    out = export(tmp_path, "parquet")
    assert {p.stem for p in out.iterdir()} == set(TABLES)
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    assert len(docs) == 5
    by_name = {Path(d["path"]).name: d for d in docs}
    assert by_name["002_9ac44cf077a342da.txt"]["number"] == "02/CT-UBND"
    assert by_name["002_9ac44cf077a342da.txt"]["year"] == 2018
    refs = pq.read_table(out / "references.parquet").to_pylist()
    assert ("33/CT-TTg", "implements") in {(r["number"], r["relation"]) for r in refs
                                           if r["path"].endswith("001_31b30f9d11ead8da.txt")}
    edges = pq.read_table(out / "edges.parquet").to_pylist()
    assert any(e["target"].startswith("33/CT-TTg") and e["relation"] == "implements" for e in edges)
    schema = pq.read_schema(out / "deadlines.parquet")
    assert str(schema.field("start").type) == "int64" and str(schema.field("rrule").type) == "string"


def test_csv_and_jsonl_exports_hold_the_same_rows(tmp_path: Path) -> None:
    c, j = export(tmp_path, "csv"), export(tmp_path, "jsonl")
    for table in TABLES:
        with (c / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        lines = [json.loads(x) for x in (j / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert len(rows) == len(lines), table
    tasks = [json.loads(x) for x in (j / "tasks.jsonl").read_text(encoding="utf-8").splitlines()]
    assert tasks and all(isinstance(json.loads(t["assignees"]), list) for t in tasks)


def test_export_without_pyarrow_says_which_extra_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_arrow(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_arrow)
    res = CliRunner().invoke(main, ["export", str(SAMPLES), "-o", str(tmp_path / "x"), "--format", "parquet", "--store",
                                    str(tmp_path / "s.sqlite")])
    assert res.exit_code == 2 and "danvan[parquet]" in res.output
