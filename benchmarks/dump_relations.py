"""Dump what danvan reads of each real document's references and deadlines, one line per item,
so that two versions of the parser can be compared by a plain ``diff``.

Why: relation typing and deadline finding are measured on documents nobody here wrote; a change
that helps one shape of sentence must not lose a relation or a deadline another file had. Run
this script on two checkouts (``main`` and a branch) over the same folders and read the diff::

    python benchmarks/dump_relations.py > /tmp/branch.txt
    (cd ../main-checkout && python benchmarks/dump_relations.py) > /tmp/main.txt
    diff /tmp/main.txt /tmp/branch.txt

Any files or folders can be given (``python benchmarks/dump_relations.py ../shared/real/offices/files
../shared/seeds``); every file danvan reads (text, Markdown, HTML, .docx, PDF: the reader's own list,
so a form it learns to read joins the dump) is parsed, a file it cannot read gives one ``error``
line. With no argument the folders are ``../shared/real/tvpl/docs``, ``tvpl-pages``, ``word-html``
and ``offices/files``. Lines are ``file<TAB>kind<TAB>...``: ``ref`` (number, relation, issuer,
date), ``link`` (second-hand: from, relation, to), ``deadline`` (date or rule, kind, the text as
written); ``--evidence`` adds each reference's evidence sentence and each deadline's action and units, to read
why a line changed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from danvan_cli.pipeline import parse_file  # noqa: E402
from danvan_cli.text.read import READABLE_SUFFIXES, DanvanInputError  # noqa: E402

#: The shared real documents (``DANVAN_REAL`` points elsewhere, e.g. when run from an exported main).
REAL = Path(os.environ.get("DANVAN_REAL", ROOT.parent / "shared" / "real")).resolve()
DEFAULTS = (REAL / "tvpl" / "docs", REAL / "tvpl-pages", REAL / "word-html", REAL / "offices" / "files")


def _files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in (q.resolve() for q in paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in READABLE_SUFFIXES))
        elif p.exists():
            out.append(p)
    return out


def _one_line(text: str | None, limit: int = 240) -> str:
    """``text`` on one line (tabs and line breaks as spaces), cut to ``limit`` characters."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def dump(path: Path, base: Path, evidence: bool = False) -> list[str]:
    """The lines of one file (an unreadable file gives one ``error`` line)."""
    name = next((str(path.relative_to(b)) for b in (base, base.parent) if path.is_relative_to(b)), str(path))
    try:
        doc = parse_file(path)
    except DanvanInputError as exc:
        return [f"{name}\terror\t{_one_line(str(exc))}"]
    lines = []
    for r in doc.references:
        d = r.to_dict()
        line = f"{name}\tref\t{d['number']}\t{d['relation']}\t{d['issuer'] or '-'}\t{d['date'] or '-'}"
        lines.append(line + (f"\t{_one_line(d.get('evidence'))}" if evidence else ""))
    data = doc.to_dict()
    for link in data.get("links", []):
        lines.append(f"{name}\tlink\t{link['source']}\t{link['relation']}\t{link['target']}")
    for dl in data["deadlines"]:
        when = dl["date"] or dl["rrule"] or "-"
        kind = dl.get("kind") or ("recurring" if dl["rrule"] else "date")
        approx = "~" if dl["approximate"] else ""
        line = f"{name}\tdeadline\t{approx}{when}\t{kind}\t{_one_line(dl['text'])}"
        lines.append(line + (f"\t{_one_line(dl['action'], 120)}\t{'; '.join(dl['assignees'])}" if evidence else ""))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, help="files or folders (default: ../shared/real/...)")
    ap.add_argument("--evidence", action="store_true", help="add evidence sentences and deadline tasks")
    args = ap.parse_args(argv)
    paths = args.paths or [p for p in DEFAULTS if p.exists()]
    for f in _files(paths):
        for line in dump(f, REAL, evidence=args.evidence):
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
