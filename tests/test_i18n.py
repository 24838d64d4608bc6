"""One interface language at a time, from one catalogue: Vietnamese by default, English on request."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

from danvan_cli.cli import main
from danvan_cli.i18n import from_environment, language, translations

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
VIETNAMESE = regex.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", regex.I)


def test_vietnamese_catalogue_has_every_message_of_the_code_and_nothing_stale() -> None:
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "messages.py"), "--check"], capture_output=True,
                         text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_english_messages_are_english() -> None:
    """The code's messages are the English catalogue: none may be written in Vietnamese."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import messages
    finally:
        sys.path.pop(0)
    # (a --help text may quote what a user types: "23-QĐ/TW", "Kế hoạch")
    ids = [m.id if isinstance(m.id, str) else m.id[0] for m in messages.extract()
           if m.id and messages.HELP_COMMENT not in m.auto_comments]
    # (nor may a message quoting the Vietnamese it names: 'Số: {blank}')
    assert ids and not [i for i in ids if VIETNAMESE.search(regex.sub(r"(?<!\w)'[^']*'(?!\w)", "", i))]


@pytest.mark.parametrize("env, lang", [
    ({}, "vi"), ({"LANG": "C.UTF-8"}, "vi"), ({"LANG": "en_US.UTF-8"}, "en"), ({"LANG": "vi_VN.UTF-8"}, "vi"),
    ({"LANG": "fr_FR.UTF-8"}, "vi"), ({"LANG": "en_US.UTF-8", "DANVAN_LANG": "vi"}, "vi"),
    ({"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN"}, "en"),
])
def test_language_comes_from_danvan_lang_then_the_locale_else_vietnamese(env: dict[str, str], lang: str) -> None:
    assert from_environment(env) == lang


def test_plural_forms_follow_each_language() -> None:
    assert translations("en").ngettext("{n} deadline", "{n} deadlines", 1) == "{n} deadline"
    assert translations("en").ngettext("{n} deadline", "{n} deadlines", 2) == "{n} deadlines"
    assert translations("vi").ngettext("{n} deadline", "{n} deadlines", 2) == "{n} hạn"


COMMANDS = [
    ["parse", str(SAMPLES / "002_9ac44cf077a342da.txt")],
    ["deadlines", str(SAMPLES), "--year", "2025"],
    ["graph", str(SAMPLES), "--root", "33/CT-TTg"],
    ["track", str(SAMPLES), "--root", "33/CT-TTg", "--as-of", "2025-06-30"],
    ["check", str(SAMPLES)],
]
#: a label of each command in each language (the English word must not show in Vietnamese)
LABELS = {"parse": ("Cited documents", "Văn bản được dẫn"), "deadlines": ("Month 11/2025", "Tháng 11/2025"),
          "graph": ("not in the corpus", "không có trong kho"), "track": ("Who acted, by level", "Ai đã thực hiện"),
          "check": ("Cited but not in the corpus", "Được dẫn nhưng không có trong kho")}


@pytest.mark.parametrize("args", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_each_command_speaks_one_language_at_a_time(args: list[str]) -> None:
    english, vietnamese = LABELS[args[0]]
    vi = CliRunner().invoke(main, [*args, "--lang", "vi"])
    en = CliRunner().invoke(main, ["--lang", "en", *args])
    assert vi.exit_code == 0 and en.exit_code == 0, vi.output + en.output
    assert vietnamese in vi.output and english not in vi.output
    assert english in en.output and vietnamese not in en.output


def test_json_keys_and_codes_do_not_change_with_the_language() -> None:
    outs = [CliRunner().invoke(main, ["--lang", lang, "parse", str(SAMPLES / "002_9ac44cf077a342da.txt"),
                                      "--format", "json"]).output for lang in ("vi", "en")]
    assert outs[0] == outs[1] and '"relation": "implements"' in outs[0]


def test_library_callers_choose_the_language_for_a_block() -> None:
    from danvan_cli.render.labels import relation

    with language("vi"):
        assert relation("implements") == "thực hiện"
    with language("en"):
        assert relation("implements") == "implements"


# ------------------------------------------------------------------ messages made as data, help texts


def test_a_bad_files_line_is_in_the_chosen_language_fresh_or_from_the_store(tmp_path: Path) -> None:
    bad = tmp_path / "docs" / "anh.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00\x01binary\x00" * 50)
    en = CliRunner().invoke(main, ["--lang", "en", "parse", str(bad)])
    vi = CliRunner().invoke(main, ["--lang", "vi", "parse", str(bad)])
    assert en.exit_code == vi.exit_code == 1
    assert f"danvan: {bad}: not a text file (binary content)" in en.stderr
    assert f"danvan: {bad}: không phải tệp văn bản (nội dung nhị phân)" in vi.stderr
    store = str(tmp_path / "s.sqlite")
    for lang, line in (("en", "not a text file"), ("vi", "không phải tệp văn bản"), ("vi", "không phải tệp văn bản")):
        res = CliRunner().invoke(main, ["--lang", lang, "index", str(bad.parent), "--store", store])
        assert line in res.stderr  # the second vi run shows the line the store kept, in Vietnamese too


BLANK_NUMBER = """ỦY BAN NHÂN DÂN
TỈNH HƯNG YÊN
Số:      /KH-UBND

KẾ HOẠCH
Triển khai công tác dân vận năm 2025

Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.
"""


def test_warnings_show_in_the_chosen_language_and_json_keeps_the_english_message(tmp_path: Path) -> None:
    f = tmp_path / "kh.txt"
    f.write_text(BLANK_NUMBER, encoding="utf-8")
    data = [CliRunner().invoke(main, ["--lang", lang, "parse", str(f), "--format", "json"]).stdout for lang in ("vi", "en")]
    assert data[0] == data[1] and "the document's own number is left blank" in data[0]
    vi = " ".join(CliRunner(env={"COLUMNS": "200"}).invoke(main, ["--lang", "vi", "parse", str(f)]).stdout.split())
    en = " ".join(CliRunner(env={"COLUMNS": "200"}).invoke(main, ["--lang", "en", "parse", str(f)]).stdout.split())
    assert "số của chính văn bản để trống" in vi and "left blank" not in vi
    assert "the document's own number is left blank" in en


def test_help_is_in_the_chosen_language() -> None:
    vi = CliRunner().invoke(main, ["--lang", "vi", "track", "--help"]).output
    en = CliRunner().invoke(main, ["--lang", "en", "track", "--help"]).output
    assert "Cách dùng:" in vi and "Tùy chọn" in vi and "Ngày dùng để xét thời hạn" in vi and "[mặc định: table]" in vi
    assert "Options:" not in vi and "Show this message" not in vi
    assert "Usage:" in en and "The day deadlines are judged on" in en and "[default: table]" in en
    group = CliRunner().invoke(main, ["--lang", "vi", "--help"]).output
    assert "Lệnh:" in group and "Xem kho lưu có gì" in group
    store = CliRunner().invoke(main, ["--lang", "vi", "store", "--help"]).output
    assert "Xóa khỏi kho các văn bản mà tệp không còn" in store


def _message_calls() -> list[tuple[str, int, ast.expr]]:
    """The message argument of every warning and reader error the package makes."""
    out = []
    for path in (ROOT / "danvan_cli").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            f, at = node.func, None
            if isinstance(f, ast.Name) and f.id in ("FormatError", "DanvanInputError"):
                at = 0
            elif isinstance(f, ast.Name) and f.id == "Warning" or isinstance(f, ast.Attribute) and f.attr == "warn":
                at = 1
            if at is not None and len(node.args) > at:
                out.append((str(path.relative_to(ROOT)), node.lineno, node.args[at]))
    return out


def test_warnings_and_reader_errors_are_made_from_catalogue_templates() -> None:
    """A message with words written straight into the call (an f-string or a plain string)
    would never be translated: it must be ``N_("... {field} ...").format(...)``."""
    calls = _message_calls()
    assert len(calls) > 40
    loose = []
    for where, line, arg in calls:
        if isinstance(arg, ast.JoinedStr):
            words = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
            if any(c.isalpha() for c in words):
                loose.append(f"{where}:{line}")
        elif isinstance(arg, ast.Constant) and isinstance(arg.value, str) and any(c.isalpha() for c in arg.value):
            loose.append(f"{where}:{line}")
    assert not loose, loose


def test_every_template_is_recognized_and_rendered_in_vietnamese() -> None:
    """Each message template of the catalogue, filled with values, is found again by
    ``localized`` and shown with the Vietnamese template filled with the same values."""
    import string

    from danvan_cli.i18n import _templates, localized

    catalogue = translations("vi")
    templates = [t for _p, _f, t in _templates("vi")]
    assert len(templates) > 60
    for template in templates:
        fields = {name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name}
        values = {name: f"<{name.upper()}>" for name in fields}
        with language("vi"):
            shown = localized(template.format(**values))
        assert shown == catalogue.gettext(template).format(**values), template


def test_a_language_chosen_for_one_run_does_not_carry_over_to_the_next() -> None:
    CliRunner().invoke(main, ["--lang", "vi", "check", "--help"])
    assert "Usage:" in CliRunner().invoke(main, ["check", "--help"]).output  # the environment's (tests: English)
