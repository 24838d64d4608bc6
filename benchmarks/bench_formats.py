"""How fast each file form is read, against reading the same document as plain text.

Run from the repository root (needs the test extra for the PDF writer)::

    .venv/bin/python benchmarks/bench_formats.py            # 1, 4 and 16 copies of the body
    .venv/bin/python benchmarks/bench_formats.py --quick    # 1 and 4 copies

The document is the format tests' Kế hoạch (``tests/support/formats_doc.py``) with its
body repeated ``k`` times, written as .docx, Word 97 .doc, text-layer PDF, Word web page, TCVN3 text
and UTF-8 text. For each form and size: the best of ``--repeat`` reads
(``text.read.read_source``: decoding and structure only, no parsing), the time per
copy (flat when reading is linear), and the ratio to reading the UTF-8 text of the same
size in the same run (so that machine noise cancels out). Also: a 5 MB page of nested
tags, refused by the depth limit, to show the refusal costs little. No test asserts on
these figures: they are for people.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from danvan_cli.text.read import DanvanInputError, decode_file, read_source  # noqa: E402
from tests.support import formats_doc as F  # noqa: E402


def _best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _scaled(k: int) -> None:
    """Repeat the body ``k`` times in the builder's module data (restored by the caller)."""
    F.BODY_BEFORE_TABLE = F.BODY_BEFORE_TABLE[:10] * k  # type: ignore[assignment]
    F.TABLE_ROWS = F.TABLE_ROWS[:3] * k  # type: ignore[assignment]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    sizes = (1, 4) if args.quick else (1, 4, 16)
    body, rows = F.BODY_BEFORE_TABLE, F.TABLE_ROWS
    print(f"{'form':8} {'copies':>6} {'bytes':>9} {'ms':>8} {'ms/copy':>8} {'× text':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for k in sizes:
            _scaled(k)
            try:
                files = {
                    "text": d / f"kh{k}.txt",
                    "docx": F.build_docx(d / f"kh{k}.docx"),
                    "doc": F.build_doc(d / f"kh{k}.doc"),
                    "pdf": F.build_pdf(d / f"kh{k}.pdf"),
                    "html": d / f"kh{k}.htm",
                    "tcvn3": d / f"kh{k}-tcvn3.txt",
                }
                files["text"].write_text(F.plain_text(), encoding="utf-8")
                files["html"].write_bytes(F.word_html())
                files["tcvn3"].write_bytes(F.tcvn3_bytes())
            finally:
                F.BODY_BEFORE_TABLE, F.TABLE_ROWS = body, rows  # type: ignore[misc]
            base = _best(lambda: read_source(files["text"]), args.repeat)
            for form, path in files.items():
                t = _best(lambda p=path: read_source(p), args.repeat)
                print(f"{form:8} {k:>6} {path.stat().st_size:>9} {t * 1000:>8.2f} {t * 1000 / k:>8.2f} {t / base:>7.1f}")
    deep = ("<html><body>" + "<div><span>x " * 200_000 + "</span></div>" * 200_000 + "</body></html>").encode()

    def refuse() -> None:
        try:
            decode_file(deep, "deep.html")
        except DanvanInputError:
            pass

    print(f"nested page of {len(deep) / 1e6:.1f} MB refused in {_best(refuse, args.repeat) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
