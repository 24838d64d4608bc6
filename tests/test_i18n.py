"""One interface language at a time, from one catalogue: Vietnamese by default, English on request."""

from __future__ import annotations

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
    ids = [m.id if isinstance(m.id, str) else m.id[0] for m in messages.extract() if m.id]
    assert ids and not [i for i in ids if VIETNAMESE.search(i)]


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
