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

    def regex(self) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{t.pattern()})" for t in self.terms))


_TOKEN = re.compile(r'"([^"]*)"|(\S+)')


def parse_query(text: str) -> Query:
    """Words (all must be there), ``"quoted phrases"``, ``word*`` for a prefix, ``OR`` between
    two terms. Punctuation splits words as the index does: ``33/CT-TTg`` is the phrase
    ``33 ct ttg``. Accents and case are ignored."""
    groups: list[list[Term]] = []
    join_next = False
    for m in _TOKEN.finditer(text):
        phrase, word = m.group(1), m.group(2)
        if word == "OR" and groups:
            join_next = True
            continue
        raw = phrase if phrase is not None else word
        prefix = phrase is None and raw.endswith("*")
        words = tuple(re.findall(r"\w+", fold(raw)))
        if not words:
            continue
        term = Term(words, prefix)
        if join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    if not groups:
        raise QueryError(f"nothing to search for in {text!r}")
    return Query([t for g in groups for t in g], groups)


def snippet(text: str, query: Query, width: int = 180) -> tuple[str, list[tuple[int, int]]]:
    """A piece of ``text`` about ``width`` characters long around the matches (the window
    that holds the most different terms), and the matches' spans in ``text``."""
    from ..text.normalize import blank_markup

    folded = fold(text)
    text = blank_markup(text)  # what is shown: no Markdown marks; the same length, so spans hold
    spans = [(m.start(), m.end()) for m in query.regex().finditer(folded)]
    if not spans:
        head = " ".join(text[:width].split())
        return (head + ("…" if len(text) > width else ""), [])
    # Centre on the words as typed, one after the other, when the text has them so;
    # else on the window holding the most different terms.
    words = [w for t in query.terms for w in t.words]
    together = re.search(Term(tuple(words)).pattern(), folded) if len(words) > 1 else None
    if together is not None:
        anchor = together.start()
    else:
        anchor, best_score = spans[0][0], -1
        for i, (s, _e) in enumerate(spans):
            inside = {folded[a:b] for a, b in spans[i:] if b <= s + width}
            if len(inside) > best_score:
                anchor, best_score = s, len(inside)
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
        where.append("danvan_fold(d.doc_type) LIKE ?")
        args.append(f"%{fold(doc_type)}%")
    if issuer:
        where.append("(danvan_fold(d.issuer) LIKE ? OR danvan_fold(d.issuer_place) LIKE ? "
                     "OR danvan_fold(d.issuer_province) LIKE ?)")
        args += [f"%{fold(issuer)}%"] * 3
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
