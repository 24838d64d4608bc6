"""The commands read every form: a .docx named on the command line, a folder of mixed files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from danvan_cli.cli import main
from tests.support import formats_doc as F


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("mixed")
    F.build_docx(d / "ke-hoach.docx")
    F.build_pdf(d / "ke-hoach.pdf")
    (d / "ke-hoach.htm").write_bytes(F.word_html())
    (d / "ke-hoach.txt").write_text(F.plain_text(), encoding="utf-8")
    (d / "con-dau.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (d / "so-lieu.xlsx").write_bytes(b"PK\x03\x04" + b"\0" * 64)
    return d


def test_parse_a_docx_gives_its_header_and_references(folder: Path) -> None:
    res = run("parse", str(folder / "ke-hoach.docx"), "--format", "json", "--with-text")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    assert (doc["number"], doc["date"], doc["doc_type"]) == (F.NUMBER, F.DATE, F.DOC_TYPE)
    assert {r["number"] for r in doc["references"]} == F.REFERENCES
    # Offsets point into the text the reader extracted (reported under "text").
    for ref in doc["references"]:
        for m in ref["mentions"]:
            assert doc["text"][m["start"]:m["end"]] == m["text"]


def test_a_folder_of_mixed_files_parses_the_documents_and_skips_the_rest(folder: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "danvan_cli", "parse", str(folder), "--format", "jsonl"],
                          capture_output=True, text=True)
    # a picture is read by OCR like a scan: this one is damaged, and says so in one line
    assert proc.returncode == 1, proc.stderr
    damaged, skipped = proc.stderr.splitlines()
    assert damaged.startswith(f"danvan: {folder / 'con-dau.png'}: a damaged image")
    assert skipped == "danvan: skipped 1 file that is not a document: .xlsx"
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert sorted(Path(d["source"]).name for d in docs) == ["ke-hoach.docx", "ke-hoach.htm", "ke-hoach.pdf", "ke-hoach.txt"]
    for d in docs:
        assert (d["number"], d["date"], d["doc_type"]) == (F.NUMBER, F.DATE, F.DOC_TYPE), d["source"]
        assert {r["number"] for r in d["references"]} == F.REFERENCES, d["source"]


def test_an_image_named_on_the_command_line_is_one_clear_error(folder: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "danvan_cli", "parse", str(folder / "con-dau.png"), str(folder / "ke-hoach.txt"),
                           "--format", "jsonl"], capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip().startswith(f"danvan: {folder / 'con-dau.png'}: a damaged image")
    assert len(proc.stderr.strip().splitlines()) == 1
    assert len(proc.stdout.splitlines()) == 1
