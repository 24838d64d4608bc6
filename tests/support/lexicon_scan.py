"""Finds Vietnamese word lists written inside the code's patterns.

Why: a rule reads its words from ``data/lexicon/*.yaml`` (each list with ``about`` and
``examples`` the tests run), so that a word is added in one place, seen by every rule that
reads the list, and checked by its examples. A list typed into a regex (``Sở|Phòng|Ban``)
is none of that. ``tests/test_lexicon_in_code.py`` runs ``word_lists`` on the package.

What counts: in a string of the code (docstrings aside), an alternation of three or more
words or phrases (``a|b|c``, words joined by blanks or ``\\s+``/``\\s{1,3}``), one of them
written with a Vietnamese letter (``ă â đ ê ô ơ ư`` or a tone mark). Two spellings of one
word (``mồng|mùng``) are no list.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import regex

_WORD = r"\p{L}[\p{L}\p{M}]*+"
_BLANK = r"(?:\\s(?:\+|\*|\{\d{1,2},\d{1,2}\})|[ ])"
_PHRASE = rf"{_WORD}(?:{_BLANK}{_WORD})*+"
#: three or more phrases in a row, separated by ``|``, standing alone between the marks that
#: open and close an alternative (a group, another ``|``, the string's ends).
_ALTERNATION = regex.compile(rf"(?<![\p{{L}}\\])(?<!\\[a-zA-Z])({_PHRASE}(?:\|{_PHRASE}){{2,}})(?![\p{{L}}\p{{M}}])")
#: minimum number of words that makes a list
MIN_WORDS = 3


@dataclass(frozen=True)
class WordList:
    """A list of words found in ``path`` (relative to the package's parent) at ``line``."""

    path: str
    line: int
    words: tuple[str, ...]


def _vietnamese(s: str) -> bool:
    return any(ord(c) > 127 and c.isalpha() or "\u0300" <= c <= "\u036f" for c in s)


def _docstrings(tree: ast.AST) -> set[int]:
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def lists_in_source(source: str, path: str = "<source>") -> list[WordList]:
    """The word lists in the strings of one module's source."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found: list[WordList] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in skip:
            continue
        for m in _ALTERNATION.finditer(node.value):
            items = tuple(m.group(1).split("|"))
            if len(items) >= MIN_WORDS and any(_vietnamese(w) for w in items):
                found.append(WordList(path, node.lineno, items))
    return sorted(found, key=lambda w: (w.path, w.line, w.words))


def word_lists(package: Path) -> list[WordList]:
    """The word lists in the code of every module of the package folder ``package``."""
    out: list[WordList] = []
    for p in sorted(package.rglob("*.py")):
        out.extend(lists_in_source(p.read_text(encoding="utf-8"), p.relative_to(package.parent).as_posix()))
    return out
