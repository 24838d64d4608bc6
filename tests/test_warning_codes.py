"""Warning codes are data: every code the package emits is listed in data/warnings.yaml."""

from __future__ import annotations

from pathlib import Path

import regex

from danvan_cli.refdata import load_yaml

PACKAGE = Path(__file__).resolve().parent.parent / "danvan_cli"
_EMIT = regex.compile(r"""(?:\.warn\(\s*|Warning\(\s*)["']([a-z][a-z0-9-]+)["']""")


def test_every_emitted_warning_code_is_listed_with_its_meaning() -> None:
    listed = load_yaml("warnings.yaml")["codes"]
    emitted = {m.group(1) for p in PACKAGE.rglob("*.py") for m in _EMIT.finditer(p.read_text(encoding="utf-8"))}
    assert emitted, "the scan found no warning at all: the pattern is wrong"
    assert emitted <= set(listed), sorted(emitted - set(listed))
    assert all(isinstance(v, str) and v for v in listed.values())
