"""Normalize text once, and build the view every extractor matches against.

Two strings come out of here, of exactly the same length, so that an offset found
in one is an offset in the other and no offset map is ever needed:

- ``normalize_text``: what danvan reports it used. NFC, ``\\n`` line ends, no BOM,
  the old tone placement (``hoá``, ``uỷ``) folded to the new one (``hóa``, ``ủy``) so
  that names compare equal, and ``Ð`` (U+00D0, Icelandic eth) read as ``Đ``; font
  damage mended (``fold_font_damage``: ``ƣ`` for ``ư``, TCVN3 words inside Unicode,
  private-use glyphs, soft hyphens). Each fold replaces characters one for one, so
  lengths are kept, except that a soft hyphen inside a word (an invisible break
  opportunity) is dropped, as the Word readers drop it.
- ``matching_view``: the same text with Markdown and table marks (``**``, ``*``,
  ``_``, ``|``, ``#``) blanked to spaces, which is what lets ``trước **ngày 15**``
  match a date pattern with ``\\s+`` between words.
"""

from __future__ import annotations

import unicodedata

import regex

from .memo import by_line

_TONE_MARKS = {"\u0301", "\u0300", "\u0309", "\u0303", "\u0323"}

# o+a, o+e, u+y carrying the tone on the second vowel at the end of a syllable.
# "qu" is excluded: in "quý" the u belongs to the consonant and the tone is right.



def _move_tone(match: regex.Match[str]) -> str:
    pair = match.group(0)
    first, second = unicodedata.normalize("NFD", pair[0]), unicodedata.normalize("NFD", pair[1])
    tone = [c for c in second if c in _TONE_MARKS]
    if not tone or any(c in _TONE_MARKS for c in first):
        return pair
    second_bare = "".join(c for c in second if c not in _TONE_MARKS)
    return unicodedata.normalize("NFC", first + tone[0]) + unicodedata.normalize("NFC", second_bare)


#: Where precomposed letters with a canonical decomposition live (Latin-1, Extended-A/B,
#: Latin Extended Additional); a test checks that no other character is a toned a/e/y.
_LATIN_PRECOMPOSED = (range(0xC0, 0x250), range(0x1E00, 0x1F00))


def _toned(bases: str) -> str:
    """The precomposed letters whose base letter is one of ``bases`` (either case) and that
    carry a tone mark: the only second letters whose tone ``fold_tone_placement`` moves."""
    out = []
    for block in _LATIN_PRECOMPOSED:
        for cp in block:
            nfd = unicodedata.normalize("NFD", chr(cp))
            if len(nfd) > 1 and nfd[0].lower() in bases and any(c in _TONE_MARKS for c in nfd):
                out.append(chr(cp))
    return "".join(out)


#: o + toned a/e, u + toned y at a word's end. (Was every o/u + letter at a word's end, each
#: handed to Python to be looked at: ~1 % of a parse for a handful of changes.)
_PAIR_WITH_TONE = regex.compile(r"(?<![qQ])(?:[oO][%s]|[uU][%s])(?!\p{L})" % (_toned("ae"), _toned("y")))


def fold_tone_placement(text: str) -> str:
    """``hoá`` → ``hóa``, ``uỷ`` → ``ủy``, ``HOÁ`` → ``HÓA``; leaves ``quý``, ``hoàn``, ``huỳnh``."""
    return _PAIR_WITH_TONE.sub(_move_tone, text)


#: A word holding ``ƣ``: tried from word starts only (from every letter, a long word without
#: one was read again from each of its letters: quadratic).
_OI = regex.compile(r"(?<![\p{L}\p{M}])[\p{L}\p{M}]*?[\u01a2\u01a3][\p{L}\p{M}]*+")
_OI_TO_U = str.maketrans({"\u01a3": "\u01b0", "\u01a2": "\u01af"})


def _fold_oi(text: str) -> str:
    """``ƣ``/``Ƣ`` (Latin letter oi, U+01A3/U+01A2) where a font meant ``ư``/``Ư``: PDF fonts
    whose Unicode map points the horned u at its neighbour (``đƣợc``, ``TRƢỜNG``). Read so
    in a word that is then a Vietnamese syllable; before NFC, so that a tone written after
    it composes (``ƣ`` + U+0300 → ``ừ``)."""
    from .formats.legacy import is_syllable

    def repl(m: regex.Match[str]) -> str:
        read = m.group(0).translate(_OI_TO_U)
        return read if is_syllable(unicodedata.normalize("NFC", read)) else m.group(0)

    return _OI.sub(repl, text)


#: A soft hyphen where a PDF font shows the hyphen of a code (``QĐ\u00adUBND``, ``COVID\u00ad19``).
_SOFT_HYPHEN_IN_CODE = regex.compile(r"(?<=[\p{Lu}\d])\u00ad(?=[\p{Lu}\d])")


def fold_font_damage(text: str) -> str:
    """What fonts did to an NFC text (the ``ƣ`` fold runs before NFC, in ``normalize_text``):
    TCVN3 words inside Unicode read back (``legacy.fold_fragments``), a soft hyphen between
    capitals or digits as the code's hyphen it shows and elsewhere dropped, private-use
    glyphs as what they show (``legacy.fold_private_use``)."""
    from .formats.legacy import fold_fragments, fold_private_use

    text = fold_fragments(text)  # first: TCVN3 writes ư as the soft hyphen's byte (Th\u00adíng)
    if "\u00ad" in text:
        text = _SOFT_HYPHEN_IN_CODE.sub("-", text).replace("\u00ad", "")
        # A soft hyphen left standing beside TCVN3 letters kept them from the fold above; once
        # dropped, the word is folded now rather than on a second reading of danvan's own text.
        text = fold_fragments(text)
    return fold_private_use(text)


#: Most combining marks kept on one letter. A Vietnamese letter carries two at most (a
#: circumflex, breve or horn, and a tone); a longer run is damage or an attack: Unicode
#: normalization puts a run's marks in order by insertion, in time quadratic in its length
#: (a megabyte of marks took minutes), so the marks past these are dropped first.
MAX_MARKS_PER_LETTER = 8
_MARK_RUN = regex.compile(r"(\p{M}{%d})\p{M}+" % MAX_MARKS_PER_LETTER)


def normalize_text(raw: str) -> str:
    """The text danvan works on and reports offsets into."""
    text = raw.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\u01a2" in text or "\u01a3" in text:
        text = _fold_oi(text)
    text = _MARK_RUN.sub(r"\1", text)
    text = fold_font_damage(unicodedata.normalize("NFC", text))
    text = text.replace("\u00d0", "\u0110").replace("\u00a0", " ").replace("\u200b", " ")
    return fold_tone_placement(text)


#: A character every match of ``_MARKUP`` opens with: a text without one (most plain text)
#: is not tried with the whole alternation at every position.
_MARKUP_CHAR = regex.compile(r"[*_|#\\<]")
_MARKUP = regex.compile(r"\*+|(?<!\p{L})_+|_+(?!\p{L})|\||^#{1,6}(?= )|\\(?=[\-\.\*_\[\]()#])|<br\s{0,3}/?>", regex.M | regex.I)


# Word and web pages write dashes of many kinds inside numbers ("33/CT–TTg", "23‑QĐ/TW").
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"


#: a Markdown table's rule line (``|---|:---:|``)
_TABLE_RULE = regex.compile(r"^[ \t|:]*-{3,}[ \t|:-]*$", regex.M)


def _blank(m: regex.Match[str]) -> str:
    return " " * len(m.group(0))


def blank_markup(text: str) -> str:
    """``text`` as a person reads a piece of it shown alone (a citation's sentence, a search
    snippet): Markdown emphasis, table pipes and rule lines, heading marks, escapes and
    ``<br>`` blanked, no ``;* *`` left over; the same length, so offsets still hold."""
    return _MARKUP.sub(_blank, _TABLE_RULE.sub(_blank, text))


#: A page's number alone on its line where a page break (form feed: ``pdftotext``'s) opens
#: or closes it: no text of the document (it may fall inside a signature block).
_PAGE_NUMBER = regex.compile(r"(?m)(?<=\f)[ \t]*\d{1,4}[ \t]*$|^[ \t]*\d{1,4}[ \t]*(?=\n?\f)")


def matching_view(text: str) -> str:
    """``text`` with Markdown emphasis, table pipes and heading marks blanked, a page's
    number beside a page break blanked, every dash read as ``-`` and every U+FFFD (a
    byte no encoding could read: ``formats.charset``) blanked too, so a stray byte between
    words (``Số:\\ufffd 12/KH-UBND``) leaves the words around it to match; the same
    length, so offsets are shared."""
    view = _MARKUP.sub(_blank, text) if _MARKUP_CHAR.search(text) else text
    if "\f" in view:
        view = _PAGE_NUMBER.sub(_blank, view)
    if "\ufffd" in view:
        view = view.replace("\ufffd", " ")
    for dash in DASHES:
        if dash in view:
            view = view.replace(dash, "-")
    return view


@by_line
def fold_key(s: str) -> str:
    """A comparison key: tone placement folded, case and spacing ignored. (Remembered per
    string: names and places are folded again and again, each through the whole of
    ``normalize_text``.)"""
    return " ".join(normalize_text(s).casefold().split())


_STRIP_ACCENTS_TABLE = str.maketrans({"đ": "d", "Đ": "D"})


def ascii_key(s: str) -> str:
    """Lower-case, accents removed: for matching names typed without diacritics."""
    nfd = unicodedata.normalize("NFD", s.translate(_STRIP_ACCENTS_TABLE))
    return " ".join("".join(c for c in nfd if not unicodedata.combining(c)).casefold().split())
