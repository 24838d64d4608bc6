"""Imports run only down the pipeline (read → layout → extract → resolve → parse → corpus → cli)
and never round in a circle; the order is named once, in ``tests/support/import_order.py``."""

from __future__ import annotations

from pathlib import Path

from support.import_order import LAYERS, Arrow, check, check_package, cycles

PACKAGE = Path(__file__).resolve().parent.parent / "danvan_cli"


def test_danvan_imports_only_down_the_pipeline_and_in_no_circle() -> None:
    problems = check_package(PACKAGE)
    assert not problems, "\n".join(problems)


def _plant(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = tmp_path / "danvan_cli" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path / "danvan_cli"


def _layout_and_outline(tmp_path: Path, layout: str, outline: str) -> Path:
    """A package with ``text/layout.py`` and ``extract/outline.py`` holding the given code."""
    return _plant(tmp_path, {"__init__.py": "", "text/__init__.py": "", "extract/__init__.py": "",
                             "text/layout.py": layout, "extract/outline.py": outline})


def test_checker_names_a_planted_import_up_the_order(tmp_path: Path) -> None:
    package = _layout_and_outline(tmp_path, "def build():\n    from ..extract.outline import read_label\n",
                                  "from ..text.layout import build\nread_label = 1\n")
    problems = check_package(package)
    assert any(p.startswith("danvan_cli.text.layout:2 imports danvan_cli.extract.outline: layout may not "
                            "import extract") for p in problems), problems
    assert any(p.startswith("circle: danvan_cli.extract.outline, danvan_cli.text.layout") for p in problems)


def test_checker_allows_the_same_tree_once_the_arrow_points_down(tmp_path: Path) -> None:
    package = _layout_and_outline(tmp_path, "read_label = 1\n", "from ..text.layout import read_label\n")
    assert check_package(package) == []


def test_checker_names_a_module_no_layer_holds() -> None:
    problems = check({"danvan_cli.extract.x", "elsewhere.y"}, [], LAYERS)
    assert problems == ["elsewhere.y: no layer names it (add it to LAYERS)"]


def test_a_circle_inside_one_layer_is_still_a_circle() -> None:
    arrows = [Arrow("p.a", "p.b", 1), Arrow("p.b", "p.c", 1), Arrow("p.c", "p.a", 1), Arrow("p.c", "p.d", 1)]
    assert cycles({"p.a", "p.b", "p.c", "p.d"}, arrows) == [["p.a", "p.b", "p.c"]]


def test_an_import_that_only_names_a_type_is_an_arrow_too(tmp_path: Path) -> None:
    package = _layout_and_outline(
        tmp_path, "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..extract.outline import Item\n",
        "from ..text.layout import build\nItem = 1\n")
    problems = check_package(package)
    assert any(p.startswith("danvan_cli.text.layout:3 imports danvan_cli.extract.outline") for p in problems), problems
    assert any(p.startswith("circle: ") for p in problems), problems
