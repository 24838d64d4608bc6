"""``danvan index --engine dask``: parsing on a real (local) Dask cluster."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from danvan_cli.cli import main
from support.generate import generate_corpus

distributed = pytest.importorskip("distributed", reason="the dask extra (dask.distributed) is not installed")


@pytest.fixture(scope="module")
def scheduler() -> str:  # type: ignore[misc]
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0")
    yield cluster.scheduler_address
    cluster.close()


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("plans")
    generate_corpus(provinces=2, districts=2, communes=1, seed=9).write(folder)
    (folder / "broken.txt").write_bytes(b"\x00\x00binary\x00" * 40)
    return folder


def dump(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT d.source, d.hash, d.number, d.issuer, x.head FROM doc d JOIN doc_data x ON x.doc_id = d.id "
                        "ORDER BY d.id").fetchall()
    rows += conn.execute("SELECT * FROM doc_reference ORDER BY doc_id, idx").fetchall()
    rows += conn.execute("SELECT * FROM doc_task ORDER BY doc_id, idx").fetchall()
    return rows


def test_the_dask_engine_fills_the_store_as_local_workers_do(tmp_path: Path, scheduler: str, plans: Path) -> None:
    dask_db, local_db = tmp_path / "dask.sqlite", tmp_path / "local.sqlite"
    res = CliRunner().invoke(main, ["index", str(plans), "--engine", "dask", "--scheduler", scheduler,
                                    "--store", str(dask_db)])
    assert res.exit_code == 1, res.output  # the broken file is reported, the rest indexed
    assert "broken.txt: not a text file" in res.output
    CliRunner().invoke(main, ["index", str(plans), "--jobs", "1", "--store", str(local_db), "-q"])
    assert dump(dask_db) == dump(local_db)
    again = CliRunner().invoke(main, ["index", str(plans), "--engine", "dask", "--scheduler", scheduler,
                                      "--store", str(dask_db)])
    assert "0 parsed" in again.output


def test_the_dask_engine_writes_parquet_straight_to_a_folder(tmp_path: Path, scheduler: str, plans: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra (pyarrow) is not installed")
    out = tmp_path / "tables"
    res = CliRunner().invoke(main, ["index", str(plans), "--engine", "dask", "--scheduler", scheduler,
                                    "--to", str(out), "--no-store", "-q"])
    assert res.exit_code == 1, res.output
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    assert len(docs) == len(list(plans.glob("*.txt"))) - 1
    edges = pq.read_table(out / "edges.parquet").to_pylist()
    assert sum(1 for e in edges if e["relation"] == "implements") == len(docs) - 2  # all but the two directives


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path, plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from danvan_cli.corpus import cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    res = CliRunner().invoke(main, ["index", str(plans), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
                                    "--store", str(tmp_path / "s.sqlite")])
    assert res.exit_code == 2 and "cannot reach the Dask scheduler" in res.output
