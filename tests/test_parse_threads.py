"""A parse keeps what it registered while other threads parse: a Dask worker runs several
parses at once in its threads (``danvan index --engine dask``), and the layout one parse
registered for its text (``extract.outline.use_layout``: its task-table rows, a flattened
text's lines) must still be its own when it reads its tasks."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from danvan_cli.extract.outline import flat_line_starts, use_layout
from danvan_cli.pipeline import parse_text
from danvan_cli.text.layout import build_layout
from danvan_cli.text.normalize import matching_view, normalize_text
from support.hostile import DOCUMENT


def _layout(text: str):  # type: ignore[no-untyped-def]
    text = normalize_text(text)
    view = matching_view(text)
    return build_layout(text, view), view


def test_a_layout_registered_in_one_thread_is_not_replaced_by_another_threads() -> None:
    flattened, view = _layout(DOCUMENT.replace("\n", " "))
    assert flattened.has_cut_lines()
    use_layout(flattened)
    assert flat_line_starts(view) is not None
    other, _ = _layout(DOCUMENT)
    worker = threading.Thread(target=use_layout, args=(other,))
    worker.start()
    worker.join()
    assert flat_line_starts(view) == tuple(line.start for line in flattened.lines)


def test_documents_parsed_in_threads_at_once_read_as_parsed_one_by_one() -> None:
    texts = [DOCUMENT.replace("\n", " ").replace("12/KH-UBND", f"{i}/KH-UBND") if i % 2 else
             DOCUMENT.replace("12/KH-UBND", f"{i}/KH-UBND") for i in range(1, 13)]

    def tasks(text: str) -> list[str]:
        return [t.text for t in parse_text(text).tasks]

    alone = [tasks(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(tasks, texts))
    assert together == alone
