"""`danvan parse` as a user runs it: formats, the JSON contract, bad input in a batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from danvan_cli.cli import main

CONTRACT_DOC_KEYS = {
    "schema", "source", "doc_type", "number", "number_raw", "date", "place", "title", "issuer",
    "signer", "recipients", "references", "tasks", "deadlines", "warnings",
}
CONTRACT_REF_KEYS = {"number", "doc_type", "date", "issuer", "title", "relation", "mentions"}


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_json_for_one_file_follows_the_contract(samples_dir: Path) -> None:
    res = run("parse", str(samples_dir / "002_9ac44cf077a342da.txt"), "--format", "json")
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    assert CONTRACT_DOC_KEYS <= doc.keys()
    assert doc["schema"] == "danvan.document/1"
    assert doc["number"] == "02/CT-UBND" and doc["number_raw"] == "02 /CT-UBND"
    assert set(doc["issuer"]) >= {"name", "level", "inferred"}
    assert set(doc["signer"]) == {"name", "authority", "title"}
    for ref in doc["references"]:
        assert CONTRACT_REF_KEYS <= ref.keys()
        for m in ref["mentions"]:
            assert {"start", "end", "text"} <= m.keys()
            assert isinstance(m["start"], int) and isinstance(m["end"], int)


def test_jsonl_gives_one_object_per_file_and_folders_are_walked(samples_dir: Path) -> None:
    res = run("parse", str(samples_dir), "--format", "jsonl")
    assert res.exit_code == 0
    lines = [json.loads(line) for line in res.output.splitlines()]
    assert len(lines) == 5
    assert [Path(d["source"]).name for d in lines] == sorted(p.name for p in samples_dir.glob("*.txt"))


def test_yaml_output_parses_back(samples_dir: Path) -> None:
    res = run("parse", str(samples_dir / "004_7bfcb32814c81f86.txt"), "--format", "yaml")
    assert res.exit_code == 0
    assert yaml.safe_load(res.output)["date"] == "2025-02"


def test_table_output_shows_header_and_references(samples_dir: Path) -> None:
    res = run("parse", str(samples_dir / "001_31b30f9d11ead8da.txt"))
    assert res.exit_code == 0
    assert "UBND tỉnh Hải Dương" in res.output and "33/CT-TTg" in res.output and "implements" in res.output


def test_standard_input_is_read_with_a_dash() -> None:
    res = run("parse", "-", "--format", "json", input="CHỈ THỊ\nVề X\n\n1. Thực hiện Chỉ thị số 33/CT-TTg.\n")
    assert res.exit_code == 0
    doc = json.loads(res.output)
    assert doc["source"] == "-" and doc["references"][0]["number"] == "33/CT-TTg"


def test_bad_files_are_named_on_stderr_and_the_rest_still_parsed(tmp_path: Path, samples_dir: Path) -> None:
    binary = tmp_path / "scan.dat"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    damaged = tmp_path / "scan.pdf"
    damaged.write_bytes(b"%PDF-1.4\x00\x01\x02" * 100)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    proc = subprocess.run(
        [sys.executable, "-m", "danvan_cli", "parse", str(tmp_path / "nope.txt"), str(binary), str(damaged), str(empty),
         str(samples_dir / "002_9ac44cf077a342da.txt"), "--format", "jsonl"],
        capture_output=True, text=True,
    )
    assert proc.returncode == 1
    errs = proc.stderr.strip().splitlines()
    assert errs[:2] == [f"danvan: {tmp_path / 'nope.txt'}: no such file", f"danvan: {binary}: not a text file (binary content)"]
    assert len(errs) == 3 and errs[2].startswith(f"danvan: {damaged}: ") and "PDF" in errs[2]
    assert "Traceback" not in proc.stderr
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [d["source"] for d in docs] == [str(empty), str(samples_dir / "002_9ac44cf077a342da.txt")]
    assert docs[0]["warnings"] and docs[0]["doc_type"] is None


def test_version_is_printed() -> None:
    res = run("--version")
    assert res.exit_code == 0 and "danvan" in res.output


def test_json_shape_depends_on_what_was_asked_not_on_what_could_be_read(tmp_path: Path, samples_dir: Path) -> None:
    one_missing = run("parse", str(tmp_path / "nope.txt"), "--format", "json")
    assert one_missing.exit_code == 1 and one_missing.stdout.strip() == ""
    folder = run("parse", str(samples_dir), "--format", "json")
    assert isinstance(json.loads(folder.stdout), list)
    two = run("parse", str(samples_dir / "002_9ac44cf077a342da.txt"), str(tmp_path / "nope.txt"), "--format", "json")
    assert two.exit_code == 1 and len(json.loads(two.stdout)) == 1


def test_with_text_gives_the_text_every_offset_points_into(samples_dir: Path) -> None:
    res = run("parse", str(samples_dir / "004_7bfcb32814c81f86.txt"), "--format", "json", "--with-text")
    doc = json.loads(res.stdout)
    for ref in doc["references"]:
        for m in ref["mentions"]:
            assert doc["text"][m["start"] : m["end"]].split() == m["text"].split()
    for dl in doc["deadlines"]:
        assert doc["text"][dl["span"]["start"] : dl["span"]["end"]].strip()
