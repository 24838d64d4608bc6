"""The order data flows through danvan, and a checker that reads the package's imports against it.

Why: a module may use what the stages below it made, never what a later stage makes, and no
group of modules may import each other round in a circle; otherwise a change to a late stage
(the store, a command) can break an early one (the reader), and nothing can be understood or
tested from the bottom up. ``LAYERS`` is the one place where the order is named; the test in
``tests/test_import_order.py`` runs ``check`` on the installed package.

The imports are read with ``ast`` (nothing is run), wherever they stand: at the top, inside a
function (a lazy import is still an arrow) or under ``if TYPE_CHECKING:`` (a type named in a
signature ties two modules as much as a call does: where a lower module must name what it is
handed, it names a ``Protocol`` of its own, as ``corpus.scan.ReadPlan`` does).
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

# Lowest first. A module belongs to the layer of the longest prefix that names it; it may
# import its own layer and the layers before it. ``base`` holds what every stage shares (the
# records, the word lists and reference data, messages, file names).
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("base", ("danvan_cli.model", "danvan_cli.refdata", "danvan_cli.i18n", "danvan_cli.words",
              "danvan_cli.filenames", "danvan_cli.version")),
    ("read", ("danvan_cli.text.read", "danvan_cli.text.formats", "danvan_cli.text.normalize",
              "danvan_cli.text.memo", "danvan_cli.text.blocks")),
    ("layout", ("danvan_cli.text",)),
    ("extract", ("danvan_cli.extract",)),
    ("resolve", ("danvan_cli.resolve",)),
    # the whole parse in one call (read, layout, every extractor, every resolver)
    ("parse", ("danvan_cli.pipeline",)),
    ("corpus", ("danvan_cli.corpus", "danvan_cli.graph", "danvan_cli.track", "danvan_cli.schedule")),
    ("cli", ("danvan_cli.commands", "danvan_cli.render", "danvan_cli.cli", "danvan_cli.__main__",
             "danvan_cli")),
)


@dataclass(frozen=True)
class Arrow:
    """``source`` imports ``target`` (both dotted module names) at ``line`` of ``source``."""

    source: str
    target: str
    line: int


def module_name(path: Path, root: Path) -> str:
    """``root/pkg/sub/mod.py`` -> ``pkg.sub.mod``; a package's ``__init__.py`` -> ``pkg.sub``."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def read_arrows(package: Path) -> tuple[set[str], list[Arrow]]:
    """Every module of the package folder ``package`` and every import between two of them.

    ``from X import name`` points at the module ``X.name`` when there is one, else at ``X``.
    """
    root = package.parent
    files = {module_name(p, root): p for p in sorted(package.rglob("*.py"))}
    arrows: list[Arrow] = []
    for mod, path in files.items():
        here = mod.split(".") if path.name == "__init__.py" else mod.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here[: len(here) - node.level + 1]
                    origin = ".".join(base + ([node.module] if node.module else []))
                else:
                    origin = node.module or ""
                targets = [f"{origin}.{a.name}" if f"{origin}.{a.name}" in files else origin
                           for a in node.names]
            else:
                continue
            for target in dict.fromkeys(targets):
                if target in files and target != mod:
                    arrows.append(Arrow(mod, target, node.lineno))
    return set(files), arrows


def layer_of(module: str, layers: Iterable[tuple[str, Iterable[str]]] = LAYERS) -> tuple[int, str] | None:
    """(rank, name) of the layer whose longest prefix names ``module``; None when none does."""
    best: tuple[int, int, str] | None = None
    for rank, (name, prefixes) in enumerate(layers):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                if best is None or len(prefix) > best[0]:
                    best = (len(prefix), rank, name)
    return None if best is None else (best[1], best[2])


def cycles(modules: Iterable[str], arrows: Iterable[Arrow]) -> list[list[str]]:
    """The groups of modules that import each other round in a circle (Tarjan's strongly
    connected components of more than one module), each sorted, in a stable order."""
    succ: dict[str, set[str]] = {m: set() for m in modules}
    for a in arrows:
        succ.setdefault(a.source, set()).add(a.target)
        succ.setdefault(a.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        # iterative depth-first walk, so a deep package cannot hit the recursion limit
        work = [(v, iter(sorted(succ[v])))]
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(succ[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    group.append(w)
                    if w == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))

    for v in sorted(succ):
        if v not in index:
            visit(v)
    return sorted(found)


def check(modules: Iterable[str], arrows: Iterable[Arrow],
          layers: Iterable[tuple[str, Iterable[str]]] = LAYERS) -> list[str]:
    """One line per problem: a module no layer names, an arrow up the order, a circle."""
    layers = tuple(layers)
    arrows = list(arrows)
    problems = [f"{m}: no layer names it (add it to LAYERS)"
                for m in sorted(modules) if layer_of(m, layers) is None]
    for a in sorted(arrows, key=lambda a: (a.source, a.line, a.target)):
        src, dst = layer_of(a.source, layers), layer_of(a.target, layers)
        if src and dst and dst[0] > src[0]:
            problems.append(f"{a.source}:{a.line} imports {a.target}: "
                            f"{src[1]} may not import {dst[1]} (a later stage)")
    for group in cycles(modules, arrows):
        ties = sorted({f"{a.source} -> {a.target}" for a in arrows
                       if a.source in group and a.target in group})
        problems.append("circle: " + ", ".join(group) + " (" + "; ".join(ties) + ")")
    return problems


def check_package(package: Path, layers: Mapping | Iterable = LAYERS) -> list[str]:
    """``check`` on the modules and imports read from the package folder ``package``."""
    modules, arrows = read_arrows(package)
    return check(modules, arrows, layers)
