"""`danvan graph` over the real office folder (``../shared/real/offices``): the chains its
README lists come out whole, each plan under the document it carries out, in the corpus.

The files are dev material read from ``../shared``; the tests skip where it is absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from danvan_cli.cli import main

OFFICES = Path(__file__).resolve().parent.parent.parent / "shared" / "real" / "offices" / "files"

pytestmark = pytest.mark.skipif(not OFFICES.is_dir(), reason="../shared/real/offices is not beside the repository")

# (root number, files under it) as the folder's README lists the chains.
CHAINS = [
    ("11/CT-UBND", {"010.pdf", "002.pdf"}),
    ("3370/QĐ-UBND", {"011.pdf", "006.pdf"}),
    ("294-QĐ/TW", {"059.pdf", "058.pdf", "056.pdf"}),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder indexed once; each ``graph --root`` then reads the store."""
    path = tmp_path_factory.mktemp("offices") / "store.sqlite"
    # the chains are born-digital files: the folder's scans are left unread (OCR takes minutes)
    res = CliRunner().invoke(main, ["index", str(OFFICES), "--store", str(path), "--quiet", "--ocr", "never"])
    # exit 1: the scans cannot be read without OCR; the others are indexed
    assert res.exit_code in (0, 1) and path.is_file(), res.output
    return path


def graph_json(store: Path, root: str) -> dict:
    # --ocr never here too: with OCR on, the scans stored unread would be read now (minutes)
    res = CliRunner().invoke(main, ["graph", str(OFFICES), "--root", root, "--store", str(store),
                                    "--format", "json", "--quiet", "--ocr", "never"])
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)


def cascade(store: Path, root: str) -> dict[str, dict]:
    return {Path(n["source"]).name: n for n in graph_json(store, root)["nodes"] if n.get("source")}


@pytest.mark.parametrize(("root", "files"), CHAINS, ids=[c[0] for c in CHAINS])
def test_chain_of_the_office_folder_comes_out_whole(store: Path, root: str, files: set[str]) -> None:
    got = cascade(store, root)
    assert files <= set(got), f"missing {sorted(files - set(got))}"
    assert all(got[f]["in_corpus"] for f in files)


def test_party_chain_hangs_each_guide_under_its_parent(store: Path) -> None:
    """059 → 058 → 056: the Hà Nội guide rests on the central guide, which rests on the rule."""
    data = graph_json(store, "294-QĐ/TW")
    file_of = {n["id"]: Path(n["source"]).name for n in data["nodes"] if n.get("source")}
    edges = {(file_of.get(e["source"]), file_of.get(e["target"])) for e in data["edges"]}
    assert ("058.pdf", "059.pdf") in edges
    assert ("056.pdf", "058.pdf") in edges
