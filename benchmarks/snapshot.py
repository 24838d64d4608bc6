"""Dump what danvan reads in a fixed set of documents to one JSON, to prove a speed change changed nothing.

Why: a change made only for speed must leave every output as it was. This script parses
the same inputs every time — the five samples, the ~300 generated plans bench_parse.py times,
the 70 pages of ``tvpl/docs``, the 10 whole pages of ``tvpl-pages`` and the 6 Word web pages of
``word-html`` — and writes ``Document.to_dict(include_text=False)`` of each, keyed by a stable
name, to one JSON file. Two versions of the code give byte-identical files or they differ::

    .venv/bin/python benchmarks/snapshot.py -o /tmp/after.json
    (cd /path/to/main-worktree && /work/wt-speed/.venv/bin/python benchmarks/snapshot.py -o /tmp/before.json)
    cmp /tmp/before.json /tmp/after.json && echo identical

Files are read with ``parse_file`` (the reader's dispatch included, as a user's run does);
the generated plans with ``parse_text``. The real documents are looked for in
``$DANVAN_REAL`` or ``../shared/real`` next to the repository (``/work/shared/real``);
a missing folder is reported on stderr and left out, so compare only runs that saw the same inputs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the corpus generator lives in tests/support


def _real_root() -> Path:
    env = os.environ.get("DANVAN_REAL")
    if env:
        return Path(env)
    for cand in (ROOT.parent / "shared" / "real", Path("/work/shared/real")):
        if cand.is_dir():
            return cand
    return ROOT.parent / "shared" / "real"


def _files(real: Path) -> list[tuple[str, Path]]:
    """(key, path) of every file input, in a fixed order."""
    # samples by a relative path (the source recorded in the output must not name the checkout)
    out: list[tuple[str, Path]] = [
        (f"samples/{p.name}", p.relative_to(ROOT)) for p in sorted((ROOT / "samples").glob("*.txt"))
    ]
    for sub, pattern in (("tvpl/docs", "*.txt"), ("tvpl-pages", "*.md"), ("word-html", "*.htm")):
        folder = real / sub
        if not folder.is_dir():
            print(f"snapshot: {folder} not found, left out", file=sys.stderr)
            continue
        out.extend((f"{sub}/{p.name}", p) for p in sorted(folder.glob(pattern)))
    return out


def snapshot(provinces: int = 10, seed: int = 7) -> dict[str, object]:
    """Every input's parse as a dict, keyed by a name that does not depend on where the files are."""
    from danvan_cli import parse_file, parse_text
    from support.generate import generate_corpus

    os.chdir(ROOT)
    result: dict[str, object] = {}
    for key, path in _files(_real_root()):
        result[key] = parse_file(path).to_dict(include_text=False)
    corpus = generate_corpus(provinces=provinces, districts=3, communes=2, seed=seed)
    for i, d in enumerate(corpus.documents):
        result[f"generated/{i:04d}"] = parse_text(d.text).to_dict(include_text=False)
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-o", "--output", type=Path, required=True, help="where to write the JSON")
    p.add_argument("--provinces", type=int, default=10, help="generated corpus size (as bench_parse.py)")
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    data = snapshot(args.provinces, args.seed)
    args.output.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"snapshot: {len(data)} documents -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
