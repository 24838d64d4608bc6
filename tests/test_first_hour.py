"""The walls a new user hit in the first hour, each driven and shown gone (issue 17)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from danvan_cli.cli import main
from danvan_cli.filenames import from_db, shown, to_db

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SAMPLE = SAMPLES / "002_9ac44cf077a342da.txt"


@pytest.mark.parametrize("command", [["graph", "--root", "16/CT-TTg"], ["deadlines", "--year", "2018"],
                                     ["track", "--root", "16/CT-TTg"]])
def test_output_into_a_missing_folder_is_refused_before_any_work(command: list[str], tmp_path: Path) -> None:
    res = CliRunner().invoke(main, [command[0], str(tmp_path / "nothing-here"), *command[1:], "-o",
                                    str(tmp_path / "no" / "such" / "out.txt")])
    assert res.exit_code == 2 and "does not exist" in res.output and "Traceback" not in res.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.timeout(60)
def test_a_fifo_named_like_a_document_is_skipped_and_counted(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    for args in (["parse", str(tmp_path)], ["index", str(tmp_path), "--store", str(tmp_path / "s.sqlite")]):
        res = CliRunner().invoke(main, args)
        assert res.exit_code == 0 and "skipped 1 special file (not a regular file): FIFO" in res.output


def test_file_names_of_any_bytes_are_stored_losslessly_and_shown_with_replacement_characters() -> None:
    name = os.fsdecode(b"/tmp/bi\xeau-b\xe3n.txt")
    assert to_db(name).startswith("bytes:") and from_db(to_db(name)) == name
    assert shown(name) == "/tmp/bi\ufffdu-b\ufffdn.txt"
    assert to_db("/tmp/biên-bản.txt") == "/tmp/biên-bản.txt" == from_db("/tmp/biên-bản.txt")


#: names a folder unzipped from Windows or made by hand can hold (bytes, as the filesystem has them)
HOSTILE = st.lists(st.sampled_from([b"bi\xeau b\xe3n.txt", b"\xff\xfe.txt", b"caf\xc3\xa9.txt", b"a%EAb.txt",
                                    b"bytes:x.txt", b"-rf.txt", b"new\nline.txt", b"\\back.txt", b" space .txt",
                                    b"\xe2\x80\xae-rtl.txt", b"t\x01ab.txt"]),
                   min_size=1, max_size=4, unique=True)
COMMANDS = [["parse"], ["index"], ["graph", "--root", "16/CT-TTg"], ["deadlines", "--year", "2018"],
            ["track", "--root", "16/CT-TTg", "--as-of", "2020-01-01"], ["check"], ["export", "-o", "{out}"],
            ["search", "dân vận", "--format", "json"]]


@pytest.mark.skipif(os.name != "posix", reason="names of any bytes are a POSIX matter")
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=HOSTILE)
def test_every_command_walks_a_folder_of_hostile_names_without_a_traceback(names: list[bytes], tmp_path_factory) -> None:
    root = tmp_path_factory.mktemp("hostile")
    folder = os.path.join(os.fsencode(root), b"docs")
    os.mkdir(folder)
    data = SAMPLE.read_bytes()
    for n in names:
        with open(os.path.join(folder, n), "wb") as fh:
            fh.write(data)
    store = str(root / "s.sqlite")
    for command in COMMANDS:
        args = [a.replace("{out}", str(root / "out")) for a in command]
        if command[0] == "search":
            args = ["search", args[1], os.fsdecode(folder), *args[2:], "--store", store]
        elif command[0] == "parse":
            args = ["parse", os.fsdecode(folder)]
        else:
            args = [args[0], os.fsdecode(folder), *args[1:], "--store", store]
        res = CliRunner().invoke(main, args)
        assert res.exception is None or isinstance(res.exception, SystemExit), (args, res.output)
        assert res.exit_code in (0, 1), (args, res.exit_code, res.output)
        assert "Traceback" not in res.output
    # run again: the store finds every file it stored under its own name (nothing re-parsed, nothing lost)
    again = CliRunner().invoke(main, ["index", os.fsdecode(folder), "--store", store])
    assert f"{len(names)} documents" in again.output or f"{len(names)} document " in again.output
    assert "0 parsed" in again.output and "0 removed" in again.output


def test_search_on_an_empty_store_says_what_to_run(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["search", "dân vận", "--store", str(tmp_path / "empty.sqlite")])
    assert res.exit_code == 1 and "danvan index" in res.output


@pytest.mark.parametrize("width", [80, 120])
def test_tables_keep_their_content_at_80_and_120_columns(width: int) -> None:
    env = {"COLUMNS": str(width)}
    parse = CliRunner(env=env).invoke(main, ["parse", str(SAMPLE)]).output
    # the subject of each cited document is there in full words, never squeezed to "…"
    assert "Về tăng cường và đổi mới công tác dân vận" in " ".join(parse.split()).replace("│", "").replace("  ", " ") \
        or "Về tăng cường và đổi mới công tác dân vận" in " ".join(x.strip("│ ") for x in parse.splitlines())
    assert "│ … │" not in parse and "┃ … ┃" not in parse
    track = CliRunner(env=env).invoke(main, ["track", str(SAMPLES), "--root", "33/CT-TTg", "--as-of", "2025-06-30"])
    assert "UBND tỉnh Hải Dương" in track.output  # the unit's name on one line, not 4 characters a line
    assert all(len(line) <= width for line in parse.splitlines() + track.output.splitlines())


def test_track_median_is_of_exact_lags_and_says_the_bounds() -> None:
    res = CliRunner().invoke(main, ["track", str(SAMPLES), "--root", "33/CT-TTg", "--as-of", "2025-06-30"])
    out = " ".join(res.output.split())
    assert "599.5" not in out and "no exact lag" in out and "at least 36, 1163 days" in out
    assert "Days after the root" in CliRunner(env={"COLUMNS": "140"}).invoke(
        main, ["track", str(SAMPLES), "--root", "33/CT-TTg", "--as-of", "2025-06-30"]).output or "days after the root" in out
    assert " ? " not in res.output


def test_csv_written_to_a_file_opens_with_a_bom_for_excel(tmp_path: Path) -> None:
    out = tmp_path / "d.csv"
    res = CliRunner().invoke(main, ["deadlines", str(SAMPLES), "--year", "2025", "--format", "csv", "-o", str(out),
                                    "--no-store"])
    assert res.exit_code == 0 and out.read_bytes().startswith(b"\xef\xbb\xbfdate,")
    piped = CliRunner().invoke(main, ["deadlines", str(SAMPLES), "--year", "2025", "--format", "csv", "--no-store"])
    assert piped.output.startswith("date,")  # standard output goes to programs: no BOM


def test_export_defaults_to_a_format_a_plain_install_has(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["export", str(SAMPLES), "-o", str(tmp_path / "t"), "--store",
                                    str(tmp_path / "s.sqlite")])
    assert res.exit_code == 0 and (tmp_path / "t" / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_counts_take_the_plural_they_need(tmp_path: Path) -> None:
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(SAMPLE, one / "a.txt")
    (one / "x.xlsx").write_bytes(b"PK\x03\x04")  # (a picture of a page is a document now: read by OCR)
    res = CliRunner().invoke(main, ["index", str(one), "--store", str(tmp_path / "s.sqlite")])
    assert "1 document in" in res.output and "1 documents" not in res.output
    assert "skipped 1 file that is not a document: .xlsx" in res.output


def test_task_labels_and_text_read_as_people_write_them() -> None:
    from danvan_cli.render.labels import is_fragment, outline_label, shorten

    assert outline_label("II.1.1.-1") == "II.1.1 –" and outline_label("-1") == "–" and outline_label("3.5") == "3.5"
    assert shorten("Xác định công tác dân vận là nhiệm vụ trọng tâm", 30) == "Xác định công tác dân vận là…"
    assert is_fragment("Các") and not is_fragment("UBND") and not is_fragment("Sở Nội vụ")


# ------------------------------------------------------------------ the store: seen, tidied; no path, no surprise


def _two_folders(tmp_path: Path) -> tuple[Path, Path, str]:
    kept, dropped = tmp_path / "kept", tmp_path / "dropped" / "deep"
    kept.mkdir()
    dropped.mkdir(parents=True)
    for name in ("001_31b30f9d11ead8da.txt", "002_9ac44cf077a342da.txt"):
        shutil.copy(SAMPLES / name, kept / name)
    for name in ("003_c4ff23b0dfae42e9.txt", "004_7bfcb32814c81f86.txt"):
        shutil.copy(SAMPLES / name, dropped / name)
    store = str(tmp_path / "s.sqlite")
    assert CliRunner().invoke(main, ["index", str(kept), str(tmp_path / "dropped"), "--store", store, "-q"]).exit_code == 0
    return kept, dropped, store


def test_store_list_shows_each_folder_with_its_counts_and_dates(tmp_path: Path) -> None:
    import json

    kept, dropped, store = _two_folders(tmp_path)
    shutil.rmtree(dropped)
    listed = json.loads(CliRunner().invoke(main, ["store", "list", "--store", store, "--format", "json"]).output)
    by_folder = {f["folder"]: f for f in listed["folders"]}
    assert set(by_folder) == {str(kept), str(dropped)}  # a tree indexed whole is one folder; two archives are two
    assert by_folder[str(kept)]["documents"] == 2 and by_folder[str(kept)]["gone"] == 0
    assert by_folder[str(dropped)]["gone"] == 2 and by_folder[str(kept)]["last_indexed"]
    table = CliRunner(env={"COLUMNS": "80"}).invoke(main, ["store", "list", "--store", store])
    assert str(kept) in table.output.splitlines() and "danvan store prune" in table.output  # a folder on one line
    assert "2 documents, 2 gone from the disk, read " in table.output


def test_a_deleted_folder_no_longer_answers_and_prune_forgets_it(tmp_path: Path) -> None:
    import json

    kept, dropped, store = _two_folders(tmp_path)
    shutil.rmtree(tmp_path / "dropped")
    res = CliRunner().invoke(main, ["search", "dân vận", "--store", store, "--format", "json"])
    assert {Path(h["source"]).parent for h in json.loads(res.stdout)} == {kept}
    assert "2 indexed files are gone" in res.stderr
    graph = CliRunner().invoke(main, ["graph", "--root", "33/CT-TTg", "--store", store, "--format", "json"])
    assert "dropped" not in graph.stdout and "kept" in graph.stdout
    pruned = CliRunner().invoke(main, ["store", "prune", "--store", store])
    assert pruned.exit_code == 0 and "forgot 2 documents" in pruned.output
    again = CliRunner().invoke(main, ["search", "dân vận", "--store", store, "--format", "json"])
    assert "gone" not in again.stderr and len(json.loads(again.stdout)) == 2


def test_store_forget_and_clear(tmp_path: Path) -> None:
    kept, _dropped, store = _two_folders(tmp_path)
    res = CliRunner().invoke(main, ["store", "forget", str(tmp_path / "dropped"), "--store", store])
    assert "forgot 2 documents" in res.output
    refused = CliRunner().invoke(main, ["store", "clear", "--store", store], input="n\n")
    assert refused.exit_code == 1 and "Aborted" in refused.output
    cleared = CliRunner().invoke(main, ["store", "clear", "--store", store, "--yes"])
    assert cleared.exit_code == 0 and "forgot 2 documents" in cleared.output
    empty = CliRunner().invoke(main, ["search", "dân vận", "--store", store])
    assert empty.exit_code == 1 and "danvan index" in empty.output


@pytest.mark.parametrize("command", [["graph", "--root", "33/CT-TTg"], ["deadlines", "--year", "2025"], ["check"],
                                     ["track", "--root", "33/CT-TTg"], ["export", "-o", "{out}"]])
def test_a_command_with_no_path_reads_the_store_and_says_so(command: list[str], tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    kept, _dropped, store = _two_folders(tmp_path)
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    shutil.copy(SAMPLES / "003_c4ff23b0dfae42e9.txt", elsewhere / "not-indexed.txt")
    monkeypatch.chdir(elsewhere)  # the current folder is never read by surprise
    args = [a.replace("{out}", str(tmp_path / "tables")) for a in command]
    res = CliRunner().invoke(main, [*args, "--store", store])
    assert res.exit_code == 0, res.output
    assert f"no path given: reading the 4 documents the store {store} holds" in res.stderr
    assert "not-indexed" not in res.output
    quiet = CliRunner().invoke(main, [*args, "--store", store, "-q"])
    assert "no path given" not in quiet.stderr


def test_no_path_with_nothing_to_read_says_what_to_give(tmp_path: Path) -> None:
    empty = str(tmp_path / "empty.sqlite")
    res = CliRunner().invoke(main, ["graph", "--root", "33/CT-TTg", "--store", empty])
    assert res.exit_code == 1 and "danvan index FOLDER" in res.output and "Traceback" not in res.output
    memory = CliRunner().invoke(main, ["deadlines", "--year", "2025", "--no-store"])
    assert memory.exit_code == 2 and "name the files or folders to read" in memory.output
    index = CliRunner().invoke(main, ["index", "--store", empty])
    assert index.exit_code == 2 and "danvan index ." in index.output


# ------------------------------------------------------------------ numbers typed without accents


@pytest.mark.parametrize("store", [True, False], ids=["store", "memory"])
def test_root_folds_accents_and_the_bar_of_d_like_search(store: bool, tmp_path: Path) -> None:
    from danvan_cli.graph.query import lookup_key

    assert lookup_key("23-QD/TW") == lookup_key("23-qd/tw") == lookup_key("23-QĐ/TW") != lookup_key("23-QĐ/TU")
    typed = "23-QD/TW"
    where = ["--store", str(tmp_path / "s.sqlite")] if store else ["--no-store"]
    for command in (["graph", "--format", "json"], ["track", "--as-of", "2025-06-30", "--format", "json"]):
        res = CliRunner().invoke(main, [command[0], str(SAMPLES), "--root", typed, *command[1:], *where])
        assert res.exit_code == 0, res.output
        assert "23-QĐ/TW" in res.stdout


def test_search_cites_folds_the_number_too(tmp_path: Path) -> None:
    import json

    store = str(tmp_path / "s.sqlite")
    hits = [json.loads(CliRunner().invoke(main, ["search", "dân vận", str(SAMPLES), "--cites", n, "--store", store,
                                                 "--format", "json"]).stdout) for n in ("23-QĐ/TW", "23-qd/tw")]
    assert hits[0] and hits[0] == hits[1]


@pytest.mark.parametrize("window, last", [(["--year", "2025"], "20251231"), (["--year", "2025", "--month", "3"], "20250331"),
                                          (["--from", "2025-02-01", "--to", "2025-05-31"], "20250531")])
def test_ics_repeats_only_over_the_window_asked_for(window: list[str], last: str) -> None:
    from icalendar import Calendar

    res = CliRunner().invoke(main, ["deadlines", str(SAMPLES), *window, "--format", "ics", "--no-store"])
    rules = [ev.get("RRULE") for ev in Calendar.from_ical(res.stdout_bytes).walk("VEVENT") if ev.get("RRULE")]
    assert rules and all("UNTIL" in r for r in rules)
    assert all(u.strftime("%Y%m%d") <= last for r in rules for u in r["UNTIL"])


# ------------------------------------------------------------------ Markdown residue


MARKDOWN_PAGE = """**ỦY BAN NHÂN DÂN**
**TỈNH HƯNG YÊN**

Số: 12/KH-UBND

**KẾ HOẠCH**

*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;* *

*Thực hiện Chỉ thị số 33/CT–TTg ngày 26/11/2021 của Thủ tướng Chính phủ về **dân vận khéo**;*

| TT | Nội dung |
|---|---|
| 1 | Tuyên truyền _Chỉ thị 33/CT-TTg_ |
"""


def test_evidence_and_snippets_carry_no_markdown_marks(tmp_path: Path) -> None:
    import json

    from danvan_cli.corpus.search import parse_query, snippet
    from danvan_cli.pipeline import parse_text

    doc = parse_text(MARKDOWN_PAGE, "page.md")
    sentences = [m.sentence for r in doc.references for m in r.mentions]
    assert sentences and not [s for s in sentences if any(mark in s for mark in "*|_")]
    assert any(s.endswith("số 72/2025/QH15;") for s in sentences)
    assert any("33/CT–TTg" in s for s in sentences)  # only marks go: the text's own dash stays
    snip, spans = snippet(MARKDOWN_PAGE, parse_query("dan van kheo"))
    assert "«dân» «vận» «khéo»" in snip and "*" not in snip and "---" not in snip and spans
    (tmp_path / "page.md").write_text(MARKDOWN_PAGE, encoding="utf-8")
    hits = json.loads(CliRunner().invoke(main, ["search", "tuyen truyen", str(tmp_path / "page.md"), "--format", "json",
                                                "--store", str(tmp_path / "s.sqlite")]).stdout)
    assert hits and "|" not in hits[0]["snippet"] and "_" not in hits[0]["snippet"]
