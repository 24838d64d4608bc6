"""Seconds per page: OCR of scans and pictures against each reader of a born-digital form, and
what a second run of the same folder costs.

Run from the repository root (needs the test extra, and Tesseract with Vietnamese)::

    .venv/bin/python benchmarks/bench_ocr.py                   # the format tests' Kế hoạch in every form
    .venv/bin/python benchmarks/bench_ocr.py --folder DIR      # also the scans and pictures of DIR
    .venv/bin/python benchmarks/bench_ocr.py --jobs 4

The document is the format tests' Kế hoạch (``tests/support/formats_doc.py``) written as
text, .docx, Word web page and text-layer PDF, then printed and scanned back (its pages
rendered at 300 dpi: an image-only PDF, and a PNG photo of page 1). For each form: seconds
to read it (``text.read.read_source``: decoding and structure, OCR included, no parsing) and
seconds per page. OCR runs with one page at a time and with ``--jobs`` pages at once.

Then the cache: the same folder indexed into a fresh store twice (``Store.sync``, as
``danvan index`` does): the first run OCRs every page; the second parses nothing (the files
did not change). Last, the folder parsed again with the store's OCR cache, as after a
parser upgrade (every file parsed again): no page is OCR'd again, so scans cost what their
text costs. No test asserts on these figures: they are for people.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from danvan_cli.text.formats import ocr  # noqa: E402
from danvan_cli.text.formats.ocr import OcrOptions  # noqa: E402
from danvan_cli.text.read import READABLE_SUFFIXES, read_source  # noqa: E402
from tests.support import formats_doc as F  # noqa: E402
from tests.support.ocr import png_bytes, scanned_pdf  # noqa: E402


def _pages(path: Path) -> int:
    """Pages of a PDF or frames of a picture (1 for the other forms)."""
    if path.suffix == ".pdf":
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(path))
        try:
            return len(doc)
        finally:
            doc.close()
    if path.suffix in (".png", ".jpg", ".jpeg", ".tif", ".tiff"):
        from PIL import Image

        with Image.open(path) as img:
            return getattr(img, "n_frames", 1)
    return 1


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def _scans(pdf: Path, d: Path) -> dict[str, Path]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        images = [doc[i].render(scale=300 / 72).to_pil() for i in range(len(doc))]
    finally:
        doc.close()
    (d / "kh-photo.png").write_bytes(png_bytes(images[0]))
    return {"scan-pdf": scanned_pdf(images, d / "kh-scan.pdf"), "photo": d / "kh-photo.png"}


def _row(form: str, path: Path, seconds: float, pages: int) -> None:
    print(f"{form:14} {pages:>5} {seconds:>9.2f} {seconds / max(1, pages):>9.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folder", type=Path, help="also time the scans and pictures of this folder")
    ap.add_argument("--jobs", type=int, default=2, help="pages OCR'd at once in the parallel runs (default 2)")
    args = ap.parse_args()
    if ocr.tesseract() is None:
        sys.exit(f"bench_ocr: {ocr.INSTALL_LINE}")
    print(f"Tesseract: {ocr.tesseract()[1]}; pages at {ocr.DPI} dpi")  # type: ignore[index]
    print(f"{'form':14} {'pages':>5} {'seconds':>9} {'s/page':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        files = {"text": d / "kh.txt", "docx": F.build_docx(d / "kh.docx"), "html": d / "kh.htm",
                 "pdf": F.build_pdf(d / "kh.pdf")}
        files["text"].write_text(F.plain_text(), encoding="utf-8")
        files["html"].write_bytes(F.word_html())
        pages = _pages(files["pdf"])
        for form, path in files.items():
            _row(form, path, _timed(lambda p=path: read_source(p)), pages)
        for form, path in _scans(files["pdf"], d).items():
            n = _pages(path)
            _row(f"{form} (OCR)", path, _timed(lambda p=path: read_source(p, OcrOptions(jobs=1))), n)
            _row(f"  ×{args.jobs} pages", path, _timed(lambda p=path: read_source(p, OcrOptions(jobs=args.jobs))), n)
        if args.folder:
            _folder(args.folder, args.jobs)


def _folder(folder: Path, jobs: int) -> None:
    from danvan_cli.corpus.ocr_cache import OcrPlan
    from danvan_cli.corpus.scan import parse_paths, walk_paths
    from danvan_cli.corpus.store import Store

    wanted = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff"} & READABLE_SUFFIXES
    paths = sorted(str(p) for p in folder.iterdir() if p.suffix.lower() in wanted)
    print(f"\n{folder}: {len(paths)} PDF and picture files")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "store.sqlite")
        plan = OcrPlan("auto", jobs=jobs, store=str(store.path))
        walk = walk_paths(paths)
        t1 = _timed(lambda: store.sync(walk, jobs=1, ocr=plan))
        pages = store.conn.execute("SELECT count(*) FROM ocr_page").fetchone()[0]
        t2 = _timed(lambda: store.sync(walk, jobs=1, ocr=plan))
        t3 = _timed(lambda: parse_paths(paths, jobs=1, ocr=plan, on_error=lambda _m: None))
        store.close()
    print(f"first run:  {t1:8.1f} s  ({pages} pages OCR'd: {t1 / max(1, pages):.2f} s/page, parsing included)")
    print(f"second run: {t2:8.2f} s  (nothing changed: nothing parsed, no OCR)")
    print(f"re-parse:   {t3:8.1f} s  (every file parsed again, as after an upgrade: OCR from the cache)")


if __name__ == "__main__":
    main()
