"""Walk the paths a user gives and parse each text, one bad file never stopping the rest."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Document
from ..text.read import READABLE_SUFFIXES, DanvanInputError


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; folders walked recursively for text files, in sorted order."""
    for raw in paths:
        p = Path(raw)
        if raw != "-" and p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in READABLE_SUFFIXES and not any(
                    part.startswith(".") for part in child.relative_to(p).parts
                ):
                    yield str(child)
        else:
            yield raw


@dataclass
class Batch:
    documents: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def report_error(message: str) -> None:
    print(f"danvan: {message}", file=sys.stderr)


def parse_paths(
    paths: Iterable[str],
    *,
    debug: bool = False,
    on_document: Callable[[Document], None] | None = None,
    on_error: Callable[[str], None] = report_error,
) -> Batch:
    """Parse every file under ``paths``. Errors are reported (one line naming the file)
    and collected; the batch goes on. ``on_document`` streams results as they come."""
    from ..pipeline import parse_file

    batch = Batch()
    for path in iter_paths(paths):
        try:
            doc = parse_file(path)
        except DanvanInputError as exc:
            batch.errors.append(str(exc))
            on_error(str(exc))
            continue
        except Exception as exc:  # a parser bug must not sink the batch
            if debug:
                traceback.print_exc()
            msg = f"{path}: internal error while parsing ({type(exc).__name__}: {exc}); rerun with --debug"
            batch.errors.append(msg)
            on_error(msg)
            continue
        batch.documents.append(doc)
        if on_document is not None:
            on_document(doc)
    return batch
