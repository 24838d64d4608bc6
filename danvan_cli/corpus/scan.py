"""Walk the paths a user gives and parse each text, one bad file never stopping the rest."""

from __future__ import annotations

import os
import sys
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from ..i18n import N_
from ..model import Document
from ..text.read import READABLE_SUFFIXES, DanvanInputError

if TYPE_CHECKING:
    from ..text.formats.ocr import OcrOptions


class ReadPlan(Protocol):
    """How a batch reads scans (``ocr_cache.OcrPlan`` is one): a plain record sent to the
    workers, ``jobs`` pages at once, turned into the reader's options there. Named here by what
    the batch asks of it, so that walking and parsing need not know where OCR'd pages are kept
    (the store, which itself walks and parses)."""

    jobs: int

    def options(self, progress: Callable[[int, int], None] | None = None) -> OcrOptions: ...


@dataclass(slots=True)
class Walk:
    """What a walk found: the files to read (as the user will see them named, and as absolute
    paths), the folders walked, and the files left out because they are not documents (by ending)."""

    files: list[str] = field(default_factory=list)
    #: ``files`` as absolute paths (the store's key), in the same order
    absolute: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)
    #: files named on their own (not found in a folder)
    named: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    #: FIFOs, devices and sockets met (by kind): never opened (a FIFO would wait forever)
    special: Counter[str] = field(default_factory=Counter)

    def skipped_line(self) -> str | None:
        """``skipped 3 files that are not documents: .png ×2, .xlsx`` (None when nothing was);
        special files are counted apart: ``skipped 1 special file (not a regular file): FIFO``."""
        from ..i18n import ngettext

        def kinds(counts: Counter[str]) -> str:
            return ", ".join(f"{kind} ×{n}" if n > 1 else kind
                             for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

        lines = []
        total = sum(self.skipped.values())
        if total:
            lines.append(ngettext("skipped {n} file that is not a document: {kinds}",
                                  "skipped {n} files that are not documents: {kinds}", total)
                         .format(n=total, kinds=kinds(self.skipped)))
        total = sum(self.special.values())
        if total:
            lines.append(ngettext("skipped {n} special file (not a regular file): {kinds}",
                                  "skipped {n} special files (not regular files): {kinds}", total)
                         .format(n=total, kinds=kinds(self.special)))
        return "; ".join(lines) or None


def _walk_folder(root: str, walk: Walk) -> None:
    """Every readable file under ``root`` in sorted order; hidden files and folders
    (``.git``, ``.DS_Store``) are passed over without a word, other endings are counted.
    Absolute paths are made by joining onto the root's (an archive has 100,000 files:
    ``os.path.abspath`` on each is a measurable part of a warm run)."""
    absolute_root = os.path.abspath(root)
    cut = len(root)
    sep = os.sep
    readable = READABLE_SUFFIXES
    for dirpath, dirnames, filenames in os.walk(root, onerror=lambda exc: None):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        absolute_dir = absolute_root + dirpath[cut:]
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            dot = name.rfind(".")
            ext = name[dot:].lower() if dot > 0 else ""
            if ext in readable:
                kind = special_kind(dirpath + sep + name)
                if kind:
                    walk.special[kind] += 1
                    continue
                walk.files.append(dirpath + sep + name)
                walk.absolute.append(absolute_dir + sep + name)
            else:
                walk.skipped[ext or "(no ending)"] += 1


def special_kind(path: str) -> str | None:
    """``FIFO``, ``device`` or ``socket`` for a file that is not a regular file (and no
    folder); None for a regular file or one that cannot be looked at (its reading says why).
    One ``lstat``-free ``stat`` per document file: the endings filtered the rest out first."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return None


def walk_paths(paths: Iterable[str]) -> Walk:
    """Files as given (tried whatever their ending); folders walked recursively."""
    paths = list(paths)
    walk = Walk()
    for raw in paths:
        if raw != "-" and os.path.isdir(raw):
            walk.folders.append(raw)
            _walk_folder(raw.rstrip(os.sep) or os.sep, walk)
        else:
            kind = None if raw == "-" else special_kind(raw)
            if kind:
                walk.special[kind] += 1
                continue
            walk.files.append(raw)
            walk.absolute.append(raw if raw == "-" else os.path.abspath(raw))
            walk.named.append(raw)
    if len(walk.folders) + len(walk.named) <= 1:
        return walk  # one folder or one file: nothing can be named twice
    # A file named twice (alone and inside a folder given too) is one document.
    seen: set[str] = set()
    files, absolute = [], []
    for f, a in zip(walk.files, walk.absolute, strict=True):
        if a not in seen:
            seen.add(a)
            files.append(f)
            absolute.append(a)
    walk.files, walk.absolute = files, absolute
    return walk


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """The files of ``walk_paths`` (kept for library users who only want the names)."""
    yield from walk_paths(paths).files


@dataclass
class Batch:
    documents: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def report_error(message: str) -> None:
    """The one line of a file that cannot be read, on standard error, in the interface's language."""
    from ..filenames import shown
    from ..i18n import localized_line

    print(f"danvan: {shown(localized_line(message))}", file=sys.stderr)


def internal_error(path: str, exc: BaseException) -> str:
    """The one line for a parser bug on one file (the batch goes on)."""
    from ..filenames import shown

    return shown(N_("{path}: internal error while parsing ({kind}: {exc}); rerun with --debug").format(
        path=path, kind=type(exc).__name__, exc=exc))


def parse_one(path: str, debug: bool = False, data: bytes | None = None, *, ocr: ReadPlan | None = None,
              pages: Callable[[int, int], None] | None = None) -> Document | str:
    """The document of one file (of ``data`` when given: standard input, read by the parent),
    or the one line saying why there is none. ``ocr``: how scans are read; ``pages(done,
    total)`` told as OCR reads their pages."""
    from ..filenames import shown
    from ..pipeline import parse_bytes, parse_file

    options = ocr.options(pages) if ocr is not None else None
    try:
        doc = parse_file(path, ocr=options) if data is None else parse_bytes(data, path, ocr=options)
        doc.source = shown(doc.source)
        return doc
    except DanvanInputError as exc:
        return shown(str(exc))
    except MemoryError:
        from ..text.formats import limits

        return shown(f"{path}: {limits.out_of_memory()}")
    except Exception as exc:  # a parser bug must not sink the batch
        if debug:
            traceback.print_exc()
        return internal_error(path, exc)
    finally:
        if options is not None and options.cache is not None:
            options.cache.close()


def per_file(fn: Callable[..., Any], files: int, jobs: int | None, ocr: ReadPlan | None) -> Callable[..., Any]:
    """``fn`` (``parse_one``, ``index_file``) with the OCR plan for ``files`` files under
    ``jobs``: where one worker reads them all, a file's pages are OCR'd ``jobs`` at once;
    where several do, each OCRs a page at a time (the workers are the parallel work). Each
    page read is told to the batch (``parallel.heartbeat``: the progress bar's count, and
    the worker's time budget starts again)."""
    from dataclasses import replace

    from .parallel import default_jobs, heartbeat, workers_for

    if ocr is None:
        return fn
    pages = jobs if jobs and jobs > 0 else default_jobs()
    return partial(fn, ocr=replace(ocr, jobs=pages if workers_for(files, jobs) <= 1 else 1), pages=heartbeat)


def _lost(args: tuple[object, ...], reason: str) -> str:
    """The line for a file whose worker died or ran out of time while reading it."""
    from ..filenames import shown

    return shown(f"{args[0]}: {reason}")


def _task(path: str, debug: bool) -> tuple[tuple[str, bool, bytes | None], int]:
    """What a worker is sent for ``path`` and the input's size (its time budget): standard
    input is read here, since a worker has none."""
    if path == "-":
        from ..text.formats import limits

        data = sys.stdin.buffer.read(limits.MAX_FILE_BYTES + 1)
        return (path, debug, data), len(data)
    try:
        return (path, debug, None), os.stat(path).st_size
    except OSError:
        return (path, debug, None), 0


def parse_paths(
    paths: Iterable[str],
    *,
    debug: bool = False,
    on_document: Callable[[Document], None] | None = None,
    on_error: Callable[[str], None] = report_error,
    jobs: int | None = 1,
    report_skipped: bool = False,
    walk: Walk | None = None,
    ocr: ReadPlan | None = None,
    pages: Callable[[int, int], None] | None = None,
) -> Batch:
    """Parse every file under ``paths``, in memory. Errors are reported (one line naming the
    file) and collected; the batch goes on. ``on_document`` streams results in walk order.
    Each file is read in a worker process (``jobs`` of them, None: every core), so a file
    that crashes a reader or runs over its budget is one error line like any other.
    ``ocr`` says how scans are read; ``pages(done, total)`` is told of OCR'd pages."""
    from .parallel import map_ordered

    walk = walk if walk is not None else walk_paths(list(paths))
    batch = Batch()
    tasks = [_task(p, debug) for p in walk.files]
    results = map_ordered(per_file(parse_one, len(tasks), jobs, ocr), [t for t, _ in tasks], jobs=jobs, failed=_lost,
                          sizes=[n for _, n in tasks], progress=pages)
    for result in results:
        if isinstance(result, str):
            batch.errors.append(result)
            on_error(result)
            continue
        batch.documents.append(result)
        if on_document is not None:
            on_document(result)
    line = walk.skipped_line()
    if report_skipped and line:
        print(f"danvan: {line}", file=sys.stderr)
    return batch
