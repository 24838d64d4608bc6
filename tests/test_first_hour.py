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
