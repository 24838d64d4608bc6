"""A command used wrongly answers in the interface's language: click's own errors
(``Missing option``, ``No such option``, ``Try ... --help``) and danvan's, through the catalogue."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from danvan_cli.cli import main
from danvan_cli.commands.usage import CLICK_MESSAGES
from danvan_cli.i18n import language, translations

ENGLISH = ("Error:", "Usage:", "Try '", "Missing", "No such", "Invalid value", "is not", "Got unexpected",
           "give --year", "unknown relation", "store error", "is a folder")

WRONG = {
    "missing option": ["graph"],
    "no such option, with a near name": ["graph", "--roo", "1/CT"],
    "a choice not offered": ["graph", "--root", "1/CT", "--format", "pdf"],
    "not a number": ["graph", "--root", "1/CT", "--depth", "two"],
    "out of range": ["graph", "--root", "1/CT", "--depth", "0"],
    "no such command": ["grahp"],
    "an extra argument": ["store", "prune", "extra"],
    "an option without its value": ["graph", "--root"],
    "danvan's own: no window": ["deadlines", "samples"],
    "danvan's own: a bad date": ["deadlines", "samples", "--from", "31/03/2025"],
    "danvan's own: a relation": ["graph", "--root", "1/CT", "--relation", "quotes"],
}


@pytest.mark.parametrize("args", list(WRONG.values()), ids=list(WRONG))
def test_a_wrong_use_is_answered_in_vietnamese(args: list[str]) -> None:
    res = CliRunner().invoke(main, ["--lang", "vi", *args])
    assert res.exit_code == 2, res.output
    assert "Lỗi: " in res.output and "Traceback" not in res.output
    leftover = [word for word in ENGLISH if word in res.output.replace("'--", "")]
    assert leftover == [], res.output


@pytest.mark.parametrize("args", [WRONG["missing option"], WRONG["no such option, with a near name"]])
def test_in_english_the_wrong_use_reads_as_click_writes_it(args: list[str]) -> None:
    res = CliRunner().invoke(main, ["--lang", "en", *args], prog_name="danvan")
    assert res.exit_code == 2
    assert "Usage: danvan graph [OPTIONS] [PATHS]..." in res.output
    assert "Try 'danvan graph --help' for help." in res.output
    assert ("Error: Missing option '--root'." in res.output
            or "Error: No such option '--roo'. Did you mean '--root'?" in res.output
            or "Error: No such option '--roo'. (Did you mean one of: '--ocr', '--root'?)" in res.output)


def test_the_usage_line_says_where_to_look_for_help_in_vietnamese() -> None:
    res = CliRunner().invoke(main, ["--lang", "vi", "graph"], prog_name="danvan")
    assert res.output.splitlines()[:2] == ["Cách dùng: danvan graph [OPTIONS] [PATHS]...",
                                           "Xem 'danvan graph --help' để biết cách dùng."]
    assert res.output.splitlines()[-1] == "Lỗi: Thiếu tùy chọn '--root'."


def test_a_store_that_cannot_be_used_is_named_in_vietnamese(tmp_path: Path) -> None:
    not_ours = tmp_path / "notes.sqlite"
    not_ours.write_text("meeting notes, not a database", encoding="utf-8")
    res = CliRunner().invoke(main, ["--lang", "vi", "search", "kế hoạch", "--store", str(not_ours)])
    assert res.exit_code == 2
    assert res.output.strip() == (f"danvan: {not_ours}: không phải kho của danvan (không phải cơ sở dữ liệu SQLite); "
                                  "hãy chuyển nó đi hoặc chọn tệp khác bằng --store hay DANVAN_STORE")


def test_every_click_message_danvan_knows_has_a_vietnamese_form() -> None:
    catalogue = translations("vi")
    with language("vi"):
        missing = [m for m in CLICK_MESSAGES if catalogue.gettext(m) == m]
    assert missing == []


def test_a_question_answered_no_is_answered_in_vietnamese(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    sample = Path(__file__).resolve().parent.parent / "samples" / "002_9ac44cf077a342da.txt"
    assert CliRunner().invoke(main, ["index", str(sample), "--store", str(store), "-q"]).exit_code == 0
    res = CliRunner().invoke(main, ["--lang", "vi", "store", "clear", "--store", str(store)], input="n\n")
    assert res.exit_code == 1 and res.output.rstrip().endswith("Đã hủy.") and "Aborted" not in res.output
    listed = CliRunner().invoke(main, ["store", "list", "--store", str(store), "--format", "json"])
    assert json.loads(listed.stdout)["documents"] == 1  # nothing forgotten


@pytest.mark.parametrize(("lang", "line"), [("vi", "danvan, phiên bản "), ("en", "danvan, version ")])
def test_the_version_line_is_in_the_language_asked(lang: str, line: str) -> None:
    res = CliRunner().invoke(main, ["--lang", lang, "--version"])
    assert res.exit_code == 0 and res.output.startswith(line)
