"""Full-text search over the store (SQLite FTS5), accents optional.

Why a fold of our own: FTS5's ``unicode61`` tokenizer removes tone marks but keeps ``đ``
(a letter of its own, not ``d`` with a mark), so ``dong nai`` would not find ``Đồng Nai``.
The index is fed the text folded here — lower case, marks removed, ``đ`` as ``d`` — one
character for one character, so an offset in the folded text is an offset in the text
and snippets are cut from the real text with the matches marked where they are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any


#: Bumped when ``fold`` changes: a store whose index was filled with another fold refills it.
FOLD_VERSION = 1


class _Fold(dict[int, str]):
    """``str.translate`` table computed on first sight of each character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "đĐ":
            out = "d"
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            low = base.lower()
            out = low if len(low) == 1 else base
        self[code] = out
        return out


_TABLE = _Fold()


def fold(text: str) -> str:
    """``Dân vận khéo ở Đồng Nai`` → ``dan van kheo o dong nai``; the length is kept."""
    return text.translate(_TABLE)


class QueryError(ValueError):
    """A query with nothing to search for."""


@dataclass(frozen=True, slots=True)
class Term:
    """One thing the user asked for: a word, a phrase (several words in order), maybe a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")

    def pattern(self) -> str:
        body = r"\W+".join(re.escape(w) for w in self.words)
        return rf"(?<!\w){body}" + (r"\w*" if self.prefix else r"(?!\w)")


@dataclass(slots=True)
class Query:
    terms: list[Term]
    #: groups of terms joined by OR; the groups are joined by AND
    groups: list[list[Term]] = field(default_factory=list)

    def fts(self) -> str:
        return " AND ".join("(" + " OR ".join(t.fts() for t in g) + ")" for g in self.groups)


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


def parse_query(text: str) -> Query:
    """Words (all must be there), ``"quoted phrases"``, ``word*`` for a prefix, ``OR`` between
    two terms. Punctuation splits words as the index does: ``33/CT-TTg`` is the phrase
    ``33 ct ttg``. Accents and case are ignored. A term given twice counts once; a query of
    more than ``MAX_QUERY_TERMS`` different terms is refused (``QueryError``)."""
    groups: list[list[Term]] = []
    join_next = False
    for m in _TOKEN.finditer(text):
        phrase, word = m.group(1), m.group(2)
        if word == "OR" and groups:
            join_next = True
            continue
        raw = phrase if phrase is not None else word
        prefix = phrase is None and raw.endswith("*")
        words = tuple(_WORD.findall(fold(raw)))
        if not words:
            continue
        term = Term(words, prefix)
        if join_next:
            if term not in groups[-1]:
                groups[-1].append(term)
        elif [term] not in groups:
            groups.append([term])
        join_next = False
    if not groups:
        raise QueryError(f"nothing to search for in {text!r}")
    terms = list(dict.fromkeys(t for g in groups for t in g))
    if len(terms) > MAX_QUERY_TERMS:
        raise QueryError(f"a query of {len(terms)} different terms (more than {MAX_QUERY_TERMS}): shorten it")
    return Query(terms, groups)


#: Most different terms a query may hold: a paragraph pasted whole as a query is a few hundred
#: words. What a query costs grows with its terms (the index's look-ups; the snippets' do not).
MAX_QUERY_TERMS = 1000


class _Node:
    """A node of the query's word trie: the terms ending here, those ending with a prefix of
    the next word, and the words leading on."""

    __slots__ = ("ends", "next", "prefixes", "prefix_lengths")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.ends: int | None = None  # the first term (in query order) ending here
        self.prefixes: dict[str, int] = {}  # prefix -> first term ending with it
        self.prefix_lengths: set[int] = set()


def _trie(terms: list[Term]) -> _Node:
    root = _Node()
    for k, t in enumerate(terms):
        node = root
        for w in t.words[:-1]:
            node = node.next.setdefault(w, _Node())
        last = t.words[-1]
        if t.prefix:
            node.prefixes.setdefault(last, k)
            node.prefix_lengths.add(len(last))
        else:
            node = node.next.setdefault(last, _Node())
            if node.ends is None:
                node.ends = k
    return root


def _matches(words: list[tuple[int, int, str]], terms: list[Term]) -> list[tuple[int, int]]:
    """Where the terms stand among ``words`` (``(start, end, word)`` of the folded text): at
    each word the term that comes first in the query among those matching there (as a
    regular expression's alternation chooses), matches not overlapping. The words are walked
    once, each along the trie of the query's words: time in the text's words times the
    longest term, whatever the number of terms."""
    root = _trie(terms)
    out: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        best: tuple[int, int] | None = None  # (term index, index of its last word)
        node: _Node | None = root
        j = i
        while node is not None and j < n:
            w = words[j][2]
            for length in node.prefix_lengths:
                k = node.prefixes.get(w[:length]) if len(w) >= length else None
                if k is not None and (best is None or k < best[0]):
                    best = (k, j)
            node = node.next.get(w)
            if node is not None and node.ends is not None and (best is None or node.ends < best[0]):
                best = (node.ends, j)
            j += 1
        if best is None:
            i += 1
            continue
        out.append((words[i][0], words[best[1]][1]))
        i = best[1] + 1
    return out


def _find_sequence(words: list[tuple[int, int, str]], wanted: list[str]) -> int | None:
    """Where ``wanted`` first stands as consecutive ``words`` (their index), in linear time
    (Knuth–Morris–Pratt over words: a query of a thousand repeated words costs no more)."""
    fail = [0] * len(wanted)
    k = 0
    for q in range(1, len(wanted)):
        while k and wanted[q] != wanted[k]:
            k = fail[k - 1]
        if wanted[q] == wanted[k]:
            k += 1
        fail[q] = k
    k = 0
    for i, (_s, _e, w) in enumerate(words):
        while k and w != wanted[k]:
            k = fail[k - 1]
        if w == wanted[k]:
            k += 1
            if k == len(wanted):
                return i - k + 1
    return None


def snippet(text: str, query: Query, width: int = 180) -> tuple[str, list[tuple[int, int]]]:
    """A piece of ``text`` about ``width`` characters long around the matches (the window
    that holds the most different terms), and the matches' spans in ``text``."""
    from ..text.normalize import blank_markup

    folded = fold(text)
    text = blank_markup(text)  # what is shown: no Markdown marks; the same length, so spans hold
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded)]
    spans = _matches(words, query.terms)
    if not spans:
        head = " ".join(text[:width].split())
        return (head + ("…" if len(text) > width else ""), [])
    # Centre on the words as typed, one after the other, when the text has them so;
    # else on the window holding the most different terms.
    wanted = [w for t in query.terms for w in t.words]
    together = _find_sequence(words, wanted) if len(wanted) > 1 else None
    if together is not None:
        anchor = words[together][0]
    else:
        anchor = _densest(folded, spans, width)
    start = max(0, anchor - width // 3)
    end = min(len(text), start + width)
    while start > 0 and not text[start - 1].isspace() and anchor - start < width // 2:
        start -= 1
    pieces, pos = [], start
    for a, b in spans:
        if a < start or b > end:
            continue
        pieces.append(text[pos:a])
        pieces.append("«" + text[a:b] + "»")
        pos = b
    pieces.append(text[pos:end])
    shown = " ".join("".join(pieces).split())
    return (("…" if start > 0 else "") + shown + ("…" if end < len(text) else ""), spans)


def _densest(folded: str, spans: list[tuple[int, int]], width: int) -> int:
    """The start of the first match whose ``width`` characters hold the most different matched
    words: a window slid over the matches once (each match enters and leaves it once)."""
    from collections import Counter

    inside: Counter[str] = Counter()
    anchor, best, j = spans[0][0], -1, 0
    for i, (s, _e) in enumerate(spans):
        j = max(j, i)  # a match longer than the window never entered it
        while j < len(spans) and spans[j][1] <= s + width:
            inside[folded[spans[j][0]:spans[j][1]]] += 1
            j += 1
        if len(inside) > best:
            anchor, best = s, len(inside)
        if j > i:  # the match leaves the window before the next one opens it
            key = folded[s:spans[i][1]]
            inside[key] -= 1
            if not inside[key]:
                del inside[key]
    return anchor


def _containing(value: str) -> str:
    """A LIKE pattern for "holds ``value``" (folded), its own ``%`` and ``_`` taken as they are:
    ``--issuer %`` looks for a percent sign, it does not match every document."""
    escaped = fold(value).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search(
    conn: Any,
    query_text: str,
    *,
    ids: list[int] | None = None,
    doc_type: str | None = None,
    issuer: str | None = None,
    year: int | None = None,
    cites: str | None = None,
    limit: int = 20,
) -> list[dict[str, Any]]:
    """Documents matching the query, best first (BM25, the title weighing more than the
    body), with a marked snippet each. ``ids`` limits the search to those documents."""
    from ..graph.query import lookup_key
    from .codec import unpack_text

    query = parse_query(query_text)
    conn.create_function("danvan_fold", 1, lambda s: fold(s) if s else s, deterministic=True)
    where = ["doc_fts MATCH ?"]
    args: list[Any] = [query.fts()]
    if ids is not None:
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS search_scope (id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM search_scope")
        conn.executemany("INSERT OR IGNORE INTO search_scope VALUES (?)", [(i,) for i in ids])
        where.append("d.id IN (SELECT id FROM search_scope)")
    if doc_type:
        where.append(r"danvan_fold(d.doc_type) LIKE ? ESCAPE '\'")
        args.append(_containing(doc_type))
    if issuer:
        where.append(r"(danvan_fold(d.issuer) LIKE ? ESCAPE '\' OR danvan_fold(d.issuer_place) LIKE ? ESCAPE '\' "
                     r"OR danvan_fold(d.issuer_province) LIKE ? ESCAPE '\')")
        args += [_containing(issuer)] * 3
    if year is not None:
        where.append("d.year = ?")
        args.append(year)
    if cites:
        # accents and Đ folded on both sides, as for --root: 23-QD/TW finds 23-QĐ/TW
        where.append("EXISTS (SELECT 1 FROM doc_reference r WHERE r.doc_id = d.id AND danvan_fold(r.number_key) = ?)")
        args.append(lookup_key(cites))
    sql = (
        "SELECT d.source, d.doc_type, d.number, d.date, d.issuer, d.title, bm25(doc_fts, 4.0, 1.0) AS score, x.text "
        "FROM doc_fts JOIN doc d ON d.id = doc_fts.rowid JOIN doc_data x ON x.doc_id = d.id "
        f"WHERE {' AND '.join(where)} ORDER BY score, d.source LIMIT ?"
    )
    args.append(limit)
    out = []
    for source, dtype, number, date, iss, title, score, blob in conn.execute(sql, args):
        text = unpack_text(blob)
        snip, spans = snippet(text, query)
        out.append({
            "source": source, "doc_type": dtype, "number": number, "date": date, "issuer": iss, "title": title,
            "score": round(-score, 6), "snippet": snip, "matches": [{"start": a, "end": b} for a, b in spans[:50]],
        })
    return out
