"""The corpus store: incremental updates, invalidation, safety, and the same answers as memory."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from danvan_cli.cli import main
from danvan_cli.corpus import store as store_mod
from danvan_cli.corpus.scan import walk_paths
from danvan_cli.corpus.store import Store
from support.generate import generate_corpus

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


@pytest.fixture()
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLES, folder)
    return folder


def sync(db: Path, *paths: Path, jobs: int = 1, here: bool = False) -> store_mod.SyncReport:
    """Index ``paths`` into ``db``: in worker processes, or with ``here`` in this process
    (where the tests' counters see each file read)."""
    with Store(db) as st:
        walk = walk_paths([str(p) for p in paths])
        if here:
            return st.sync(walk, parse=lambda work: (store_mod.index_file(*a) for a in work))
        return st.sync(walk, jobs=jobs)


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file the parser is asked to read, in this process (``sync(..., here=True)``)."""
    import danvan_cli.pipeline as pipeline

    seen: list[str] = []
    real = pipeline.parse_file

    def counting(path: str | Path, **kw):  # type: ignore[no-untyped-def]
        seen.append(str(path))
        return real(path, **kw)

    monkeypatch.setattr(pipeline, "parse_file", counting)
    return seen


def table_dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row a store holds about documents (times of indexing left out)."""
    conn = sqlite3.connect(db)
    out = {}
    cols = [r[1] for r in conn.execute("PRAGMA table_info(doc)") if r[1] not in ("indexed_at", "inode", "mtime_ns")]
    out["doc"] = conn.execute(f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in cols)} FROM doc ORDER BY id").fetchall()
    out["doc_data"] = conn.execute("SELECT * FROM doc_data ORDER BY doc_id").fetchall()
    for t in ("doc_reference", "doc_mention", "doc_task", "doc_deadline", "doc_warning", "doc_link"):
        out[t] = conn.execute(f"SELECT * FROM {t} ORDER BY doc_id, rowid").fetchall()
    conn.close()
    return out


# ------------------------------------------------------------------ incremental


def test_a_second_run_over_an_unchanged_corpus_reads_no_text(tmp_path: Path, corpus_dir: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.sqlite"
    parsed = count_parses(monkeypatch)
    first = sync(db, corpus_dir, here=True)
    assert first.parsed == 5 and len(parsed) == 5
    reads: list[str] = []
    real = store_mod.index_file
    monkeypatch.setattr(store_mod, "index_file", lambda *a: reads.append(a[0]) or real(*a))
    second = sync(db, corpus_dir, here=True)
    assert (second.parsed, second.unchanged, len(parsed), reads) == (0, 5, 5, [])
    assert [s for _i, s in second.selected] == [s for _i, s in first.selected]


def test_a_changed_file_is_parsed_again_and_a_removed_one_dropped(tmp_path: Path, corpus_dir: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.sqlite"
    sync(db, corpus_dir, here=True)
    phrase = "SELECT count(*) FROM doc_fts WHERE doc_fts MATCH '\"di doi den noi tai dinh cu\"'"
    assert sqlite3.connect(db).execute(phrase).fetchone()[0] == 1
    parsed = count_parses(monkeypatch)
    changed = corpus_dir / "002_9ac44cf077a342da.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("02 /CT-UBND", "05/CT-UBND"), encoding="utf-8")
    (corpus_dir / "003_c4ff23b0dfae42e9.txt").unlink()
    report = sync(db, corpus_dir, here=True)
    assert [Path(p).name for p in parsed] == ["002_9ac44cf077a342da.txt"]
    assert (report.parsed, report.unchanged, report.removed) == (1, 3, 1)
    conn = sqlite3.connect(db)
    numbers = {Path(p).name: n for p, n in conn.execute("SELECT path, number FROM documents")}
    assert numbers["002_9ac44cf077a342da.txt"] == "05/CT-UBND"
    assert "003_c4ff23b0dfae42e9.txt" not in numbers
    # the full-text index forgot the removed text
    assert conn.execute(phrase).fetchone()[0] == 0


def test_a_touched_file_with_the_same_bytes_is_not_parsed_again(tmp_path: Path, corpus_dir: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.sqlite"
    sync(db, corpus_dir, here=True)
    parsed = count_parses(monkeypatch)
    target = corpus_dir / "000_79d65725ce4f5874.txt"
    os.utime(target, ns=(time.time_ns(), time.time_ns() + 10**9))
    report = sync(db, corpus_dir, here=True)
    assert parsed == [] and report.refreshed == 1


def test_a_new_parser_version_invalidates_old_rows_by_itself(tmp_path: Path, corpus_dir: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.sqlite"
    sync(db, corpus_dir, here=True)
    monkeypatch.setattr(store_mod, "parser_version", lambda: "9.9.9+another-parser")
    parsed = count_parses(monkeypatch)
    report = sync(db, corpus_dir, here=True)
    assert report.parsed == 5 and len(parsed) == 5
    conn = sqlite3.connect(db)
    assert {r[0] for r in conn.execute("SELECT parser FROM doc")} == {"9.9.9+another-parser"}


def test_parser_version_names_the_package_version_and_changes_with_the_parser_code() -> None:
    from danvan_cli import __version__

    v = store_mod.parser_version()
    assert v.startswith(__version__ + "+") and f"s{store_mod.STORE_SCHEMA}" in v


def test_a_file_that_cannot_be_read_is_reported_on_every_run_without_reading_it_again(
        tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (corpus_dir / "scan.txt").write_bytes(b"\x00\x01binary\x00" * 50)
    db = tmp_path / "s.sqlite"
    first = sync(db, corpus_dir, here=True)
    reads: list[str] = []
    real = store_mod.index_file
    monkeypatch.setattr(store_mod, "index_file", lambda *a: reads.append(a[0]) or real(*a))
    second = sync(db, corpus_dir, here=True)
    assert reads == []
    assert first.errors == second.errors and "scan.txt: not a text file" in second.errors[0]
    assert len(second.selected) == 5


# ------------------------------------------------------------------ same answers as memory


def test_documents_from_the_store_equal_the_documents_parsed_in_memory(tmp_path: Path) -> None:
    from danvan_cli.corpus.source import CorpusOptions, open_corpus

    db = str(tmp_path / "s.sqlite")
    stored = open_corpus([str(SAMPLES)], CorpusOptions(store=db, jobs=1))
    memory = open_corpus([str(SAMPLES)], CorpusOptions(use_store=False, jobs=1))
    assert [d.to_dict(include_text=True) for d in stored.documents()] == \
           [d.to_dict(include_text=True) for d in memory.documents()]
    stored.close()


@pytest.mark.parametrize("args", [
    ["graph", "--root", "33/CT-TTg", "--format", "json"],
    ["graph", "--root", "02/CT-UBND", "--year", "2018", "--direction", "both", "--format", "json"],
    ["deadlines", "--year", "2025", "--format", "json"],
    ["deadlines", "--year", "2025", "--include-expired", "--format", "csv"],
    ["check", "--format", "json"],
])
def test_commands_answer_the_same_from_the_store_cold_warm_and_in_memory(tmp_path: Path, args: list[str]) -> None:
    db = str(tmp_path / "s.sqlite")
    cold = run(args[0], str(SAMPLES), *args[1:], "--store", db)
    warm = run(args[0], str(SAMPLES), *args[1:], "--store", db)
    memory = run(args[0], str(SAMPLES), *args[1:], "--no-store")
    assert cold.exit_code == 0, cold.output
    assert cold.output == warm.output == memory.output


def test_jobs_1_and_jobs_2_fill_the_store_identically(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    generate_corpus(provinces=2, districts=2, communes=2, seed=3).write(folder)
    (folder / "note.png").write_bytes(b"\x89PNG")
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    r1, r2 = sync(one, folder, jobs=1), sync(two, folder, jobs=2)
    assert r1.parsed == r2.parsed == 44
    assert table_dump(one) == table_dump(two)


# ------------------------------------------------------------------ a store that is not one


@pytest.mark.parametrize("content", [b"these are my notes, not a database\n", b"SQLite format 3\x00" + b"\xff" * 300])
def test_a_foreign_or_damaged_file_at_the_store_path_is_one_line_and_left_alone(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "notes.sqlite"
    db.write_bytes(content)
    res = CliRunner().invoke(main, ["graph", str(SAMPLES), "--root", "33/CT-TTg", "--store", str(db)])
    assert res.exit_code == 2
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1 and str(db) in lines[0] and "Traceback" not in res.output
    assert db.read_bytes() == content


def test_another_programs_sqlite_database_is_refused_and_kept(tmp_path: Path) -> None:
    db = tmp_path / "app.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.execute("INSERT INTO customers VALUES ('An')")
    conn.commit()
    conn.close()
    before = db.read_bytes()
    res = CliRunner().invoke(main, ["index", str(SAMPLES), "--store", str(db)])
    assert res.exit_code == 2 and "another program" in res.output and str(db) in res.output
    assert db.read_bytes() == before


def test_an_older_store_of_ours_is_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    sync(db, SAMPLES)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version={store_mod.STORE_SCHEMA - 1}")
    conn.close()
    report = sync(db, SAMPLES)
    assert report.parsed == 5


def test_the_store_opens_as_plain_sqlite_with_its_views(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite"
    assert run("index", str(SAMPLES), "--store", str(db), "-q").exit_code == 0
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    docs = conn.execute("SELECT path, number, issuer FROM documents ORDER BY path").fetchall()
    assert len(docs) == 5 and docs[2][1] == "02/CT-UBND"
    refs = conn.execute('SELECT number, relation FROM "references" WHERE path LIKE ?', ("%001_%",)).fetchall()
    assert ("33/CT-TTg", "implements") in refs
    edges = conn.execute("SELECT source, target, relation FROM edges WHERE target LIKE '33/CT-TTg%'").fetchall()
    assert {e[2] for e in edges} == {"implements", "directs"}
    assert conn.execute("SELECT count(*) FROM deadlines WHERE rrule IS NOT NULL").fetchone()[0] > 0


def test_files_that_are_not_documents_are_counted_in_one_line(tmp_path: Path, corpus_dir: Path) -> None:
    # (pictures of pages, .png and .jpg, are documents: read by OCR)
    for name in ("a.zip", "b.zip", "table.xlsx", ".hidden.png"):
        (corpus_dir / name).write_bytes(b"x")
    res = CliRunner().invoke(main, ["index", str(corpus_dir), "--store", str(tmp_path / "s.sqlite")])
    assert res.exit_code == 0
    assert "danvan: skipped 3 files that are not documents: .zip ×2, .xlsx" in res.output
    quiet = CliRunner().invoke(main, ["index", str(corpus_dir), "--store", str(tmp_path / "s.sqlite"), "-q"])
    assert quiet.exit_code == 0 and quiet.output == ""  # -q: not a line


# ------------------------------------------------------------------ crashes and company


def _index_cmd(folder: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "danvan_cli", "index", str(folder), "--store", str(db), "-q", *extra]


def test_a_run_killed_mid_way_leaves_a_store_the_next_run_completes(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    generate_corpus(provinces=12, districts=3, communes=2, seed=5).write(folder)
    total = len(list(folder.iterdir()))
    db = tmp_path / "s.sqlite"
    proc = subprocess.Popen(_index_cmd(folder, db, "--jobs", "1", "--no-graph"), stderr=subprocess.PIPE)
    stored = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=0.1) as c:
                    stored = c.execute("SELECT count(*) FROM doc").fetchone()[0]
            except sqlite3.Error:
                stored = 0
            if stored:
                break
        time.sleep(0.02)
    proc.kill()  # SIGKILL: no cleanup of any kind
    proc.wait()
    assert 0 < stored < total, "the run was not caught mid-way"
    done = subprocess.run(_index_cmd(folder, db, "--jobs", "1"), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    fresh = tmp_path / "fresh.sqlite"
    sync(fresh, folder)
    assert table_dump(db)["doc_reference"].__len__() == table_dump(fresh)["doc_reference"].__len__()
    a = {r[0]: r[1:] for r in conn.execute("SELECT path, hash, number, issuer FROM doc")}
    b = {r[0]: r[1:] for r in sqlite3.connect(fresh).execute("SELECT path, hash, number, issuer FROM doc")}
    assert a == b and len(a) == total


def test_two_runs_at_once_both_succeed_and_leave_one_sound_store(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    generate_corpus(provinces=4, districts=2, communes=2, seed=7).write(folder)
    db = tmp_path / "s.sqlite"
    procs = [subprocess.Popen(_index_cmd(folder, db, "--jobs", "1"), stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1] for o in outs]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == len(list(folder.iterdir()))
    assert conn.execute("SELECT count(DISTINCT path) FROM doc").fetchone()[0] == conn.execute(
        "SELECT count(*) FROM doc").fetchone()[0]
    again = subprocess.run(_index_cmd(folder, db), capture_output=True, text=True)
    assert again.returncode == 0


# ------------------------------------------------------------------ search


def test_search_ignores_accents_and_case_and_marks_the_match(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    res = run("search", "dan van kheo", str(SAMPLES), "--store", db, "--format", "json")
    assert res.exit_code == 0, res.output
    hits = json.loads(res.output)
    assert hits and Path(hits[0]["source"]).name == "004_7bfcb32814c81f86.txt"
    assert "«Dân» «vận» «khéo»" in hits[0]["snippet"]
    accented = json.loads(run("search", "DÂN VẬN KHÉO", str(SAMPLES), "--store", db, "--format", "json").output)
    assert [h["source"] for h in accented] == [h["source"] for h in hits]


def test_search_finds_d_with_stroke_from_a_plain_d(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    hits = json.loads(run("search", '"dang uy"', str(SAMPLES), "--store", db, "--format", "json").output)
    assert hits and all("«Đảng ủy»" in h["snippet"] or "«Đảng Ủy»" in h["snippet"] or "«ĐẢNG ỦY»" in h["snippet"]
                        or "«đảng ủy»" in h["snippet"] for h in hits)


def test_search_filters_by_type_issuer_year_and_cited_number(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")

    def names(*extra: str) -> set[str]:
        res = run("search", "dân vận", str(SAMPLES), "--store", db, "--format", "json", *extra)
        assert res.exit_code == 0, res.output
        return {Path(h["source"]).name for h in json.loads(res.output)}

    everything = names()
    assert len(everything) == 5
    assert names("--type", "chi thi") == {"000_79d65725ce4f5874.txt", "002_9ac44cf077a342da.txt"}
    assert names("--issuer", "phu giao") == {"002_9ac44cf077a342da.txt"}
    assert names("--year", "2018") == {"002_9ac44cf077a342da.txt"}
    assert names("--cites", "33/ct-ttg") == {"000_79d65725ce4f5874.txt", "001_31b30f9d11ead8da.txt",
                                             "004_7bfcb32814c81f86.txt"}


def test_search_of_nothing_is_a_usage_error() -> None:
    res = run("search", "  ,; ")
    assert res.exit_code == 2 and "nothing to search for" in res.output


def test_a_changed_fold_refills_the_full_text_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.sqlite"
    sync(db, SAMPLES)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = 'old' WHERE key = 'fold'")
    conn.execute("INSERT INTO doc_fts (doc_fts) VALUES ('delete-all')")
    conn.commit()
    assert conn.execute("SELECT count(*) FROM doc_fts WHERE doc_fts MATCH 'kheo'").fetchone()[0] == 0
    Store(db).close()
    assert conn.execute("SELECT count(*) FROM doc_fts WHERE doc_fts MATCH 'kheo'").fetchone()[0] > 0


def test_the_same_file_named_twice_is_one_document(tmp_path: Path) -> None:
    report = sync(tmp_path / "s.sqlite", SAMPLES, SAMPLES / "000_79d65725ce4f5874.txt")
    assert len(report.selected) == 5


def test_the_store_lives_in_the_user_cache_unless_told_otherwise(monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    from platformdirs import user_cache_path

    monkeypatch.delenv("DANVAN_STORE", raising=False)
    assert store_mod.default_store_path() == user_cache_path("danvan", appauthor=False) / "store.sqlite"
    monkeypatch.setenv("DANVAN_STORE", str(tmp_path / "mine.sqlite"))
    assert store_mod.default_store_path() == tmp_path / "mine.sqlite"
    assert run("index", str(SAMPLES), "-q").exit_code == 0
    assert (tmp_path / "mine.sqlite").exists()


def test_search_without_paths_searches_everything_indexed(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    assert run("index", str(SAMPLES), "--store", db, "-q").exit_code == 0
    hits = json.loads(run("search", "khiếu nại", "--store", db, "--format", "json").output)
    assert len(hits) >= 2


def test_a_parser_bug_on_one_file_is_its_error_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import danvan_cli.pipeline as pipeline

    def buggy(path, **kw):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(pipeline, "parse_file", buggy)
    path = str(SAMPLES / "002_9ac44cf077a342da.txt")
    res = store_mod.index_file(path, "corpus/002.txt", store_mod.FileState(1, 1, 1), None)
    assert res.error == "corpus/002.txt: internal error while parsing (ZeroDivisionError: a bug); rerun with --debug"


def test_a_file_whose_worker_is_stopped_is_one_line_kept_by_the_store_and_the_rest_is_indexed(
        tmp_path: Path, corpus_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The largest sample runs over a time budget of nothing and its worker is killed; the
    other four are indexed by the worker that replaces it, the store keeps the failure, and
    a rerun names the file again (same line, exit 1) without reading it."""
    from danvan_cli.text.formats import limits

    sizes = {p.name: p.stat().st_size for p in corpus_dir.iterdir()}
    biggest = max(sizes, key=sizes.__getitem__)
    monkeypatch.setattr(limits, "seconds_for", lambda size: 0.0 if size == sizes[biggest] else 600.0)
    db = str(tmp_path / "s.sqlite")
    runs = [CliRunner().invoke(main, ["index", str(corpus_dir), "--store", db, "--jobs", "1", "--no-graph"])
            for _ in range(2)]
    for res in runs:
        assert res.exit_code == 1 and "Traceback" not in res.output
        assert "4 documents" in res.output
    line = next(x for x in runs[0].output.splitlines() if biggest in x)
    assert line.startswith("danvan: ") and "time limit" in line
    assert line in runs[1].output.splitlines()
    assert "0 parsed" in runs[1].output
