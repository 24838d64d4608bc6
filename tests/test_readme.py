"""README's examples run as written, and its quick start fits one screen.

Every ``console`` block's commands are run in a folder holding a copy of ``samples/``, at
80 columns (a standard terminal), with danvan's default language, and their output must be
the output README shows (``...`` standing for what it leaves out). The ``pycon`` session
runs as a doctest. The fresh-clone test runs the quick start's set-up line exactly as
written in a copy of the tracked files (it installs from the package index: slow, so it runs
where ``DANVAN_FRESH_CLONE=1``, which ``.ci/run`` sets).
"""

from __future__ import annotations

import doctest
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.readme import Example, console_examples, fenced_blocks, matches

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SETUP = "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/danvan parse samples/"
TEST_COMMAND = ".venv/bin/python -m pytest -q"
#: lines a reader sees before scrolling: the quick start's parse output must start within them
SCREEN = 50


def _section(title: str) -> tuple[int, list[str]]:
    """(1-based line of the heading, lines of the section up to the next ``## `` heading)."""
    lines = README.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == f"## {title}")
    end = next((j for j in range(start + 1, len(lines)) if lines[j].startswith("## ")), len(lines))
    return start + 1, lines[start:end]


def _env(store: Path, bindir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "DANVAN_"))}
    env.update(PATH=f"{bindir}{os.pathsep}{env.get('PATH', '')}", COLUMNS="80", LINES="50", LANG="C.UTF-8",
               DANVAN_STORE=str(store), PYTHONUTF8="1")
    env.pop("CI", None)
    return env


def _run(command: str, cwd: Path, env: dict[str, str]) -> str:
    proc = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, encoding="utf-8", errors="replace", timeout=300)
    return proc.stdout


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding a copy of the samples, as a clone has them, and its own store."""
    d = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "samples", d / "samples")
    return d


EXAMPLES = console_examples(README)


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"line{e.line}:{e.command[:40]}" for e in EXAMPLES])
def test_readme_console_example_prints_what_readme_shows(example: Example, workdir: Path) -> None:
    out = _run(example.command, workdir, _env(workdir / "store.sqlite", Path(sys.executable).parent))
    assert matches(example.expected, out), (
        f"README line {example.line}: `{example.command}` printed\n{out}\n--- README shows ---\n"
        + "\n".join(example.expected))


def test_readme_library_session_runs_as_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    blocks = fenced_blocks(README, "pycon")
    assert blocks, "README has a library session"
    for line, lines in blocks:
        test = doctest.DocTestParser().get_doctest("\n".join(lines), {}, "README.md", "README.md", line)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
        assert runner.failures == 0 and runner.tries > 0, f"README line {line}: the session's output differs"


def test_readme_keeps_the_setup_and_test_commands_ci_runs() -> None:
    assert SETUP in README
    assert TEST_COMMAND in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1].strip() == TEST_COMMAND


def test_quick_start_reaches_parse_output_in_one_screen() -> None:
    start, lines = _section("Quick start")
    assert start <= 15, "the quick start opens the README"
    assert any(SETUP in line for line in lines), "the set-up line is in the quick start"
    assert any("activate" in line and ".venv/bin/danvan" in line for line in lines), \
        "the quick start says how to run danvan after the set-up line"
    parse_at = next(start + i for i, line in enumerate(lines) if line.startswith("$ danvan parse"))
    assert parse_at + 5 <= SCREEN, "danvan parse and its first lines of output are on the first screen"
    shown = {line.split()[2] for line in lines if line.startswith("$ danvan ")}
    assert {"parse", "deadlines", "graph", "track"} <= shown
    assert len(lines) <= SCREEN


def test_readme_has_one_section_per_command() -> None:
    from danvan_cli.cli import COMMANDS

    _start, lines = _section("Commands")
    titles = [line for line in lines if line.startswith("### ")]
    for name in COMMANDS:
        assert any(t.startswith(f"### `danvan {name}") for t in titles), f"no README section for {name}"
    sizes = []
    for i, line in enumerate(lines):
        if line.startswith("### "):
            end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("### ")), len(lines))
            sizes.append((line, end - i))
    long = [t for t, n in sizes if n > 30]
    assert not long, f"sections grown past a screen (move the detail to docs/): {long}"


def test_readme_links_to_docs_that_exist() -> None:
    import re

    for target in re.findall(r"\]\((docs/[^)#]+)", README):
        assert (ROOT / target).is_file(), target


def _tracked_files() -> list[str] | None:
    try:
        out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return [p for p in out.decode("utf-8", "surrogateescape").split("\0") if p]


@pytest.mark.timeout(1200)
def test_quick_start_as_written_from_a_fresh_clone(tmp_path: Path) -> None:
    if os.environ.get("DANVAN_FRESH_CLONE") != "1":
        pytest.skip("installs from the package index (minutes): set DANVAN_FRESH_CLONE=1 (.ci/run does)")
    files = _tracked_files()
    if files is None:
        pytest.skip("not a git checkout: no list of tracked files to clone")
    clone = tmp_path / "clone"
    for rel in files:
        src = ROOT / rel
        if src.is_file():
            (clone / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, clone / rel)
    _start, lines = _section("Quick start")
    script = next(block for _line, block in fenced_blocks("\n".join(lines), "bash"))
    env = _env(tmp_path / "store.sqlite", Path("/nonexistent"))
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep)
                                  if Path(sys.executable).parent != Path(p))
    examples = console_examples("\n".join(lines))
    commands = "\n".join(script) + "\n" + "\n".join(f"echo '@@ {i}'; {e.command}" for i, e in enumerate(examples))
    out = _run("set -e\n" + commands, clone, env)
    head, *parts = out.split("@@ 0\n")
    assert parts, f"the set-up line failed:\n{out[-3000:]}"
    assert "Chỉ thị" in head and "02/CT-UBND" in head, "the set-up line's danvan parse samples/ printed the samples"
    outputs = ("@@ 0\n" + parts[0]).split("@@ ")[1:]
    for example, chunk in zip(examples, outputs, strict=True):
        assert matches(example.expected, chunk.split("\n", 1)[1]), example.command


def test_shown_output_with_left_out_parts_matches_only_what_it_shows() -> None:
    shown = ("first line", "...", "a ... line")
    assert matches(shown, "first line\nmore\nand more\na middle line  \n")
    assert matches(shown, "first line\na  line\n")
    assert not matches(shown, "first line\nmore\n")
    assert not matches(shown, "other first line\na line\n")
    assert not matches(("only this",), "only this\nand more\n")


def test_license_file_is_the_licence_pyproject_names() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == {"text": "MIT"}
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Permission is hereby granted, free of charge" in text
