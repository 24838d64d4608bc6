"""Legacy Vietnamese font encodings (TCVN3/ABC, VNI): detect them and read them back.

Offices typed Vietnamese for a decade before Unicode with font encodings: the bytes are
plain Windows-1252, and a font (``.VnTime``, ``VNI-Times``) draws Vietnamese letters for
them. Such a text reaches danvan as a file of those bytes, or as a .docx/HTML whose runs
hold the Windows-1252 characters (``Céng hoµ x· héi`` for TCVN3, ``Coäng hoøa xaõ hoäi``
for VNI). Nothing in the text says which: the encoding is told by statistics, the share
of words that read as Vietnamese syllables each way (one word decides nothing, since
``Tù`` or ``có`` read as Vietnamese in every reading). The tables are data
(``data/legacy_encodings.yaml``, with their sources).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import regex

from ...refdata import load_yaml

#: Words with a byte above 0x7F looked at to decide an encoding: enough for a verdict,
#: and a bound on the work whatever the size of the text.
SAMPLE_WORDS = 800

#: A reading must make at least this many sampled words Vietnamese syllables, and this
#: share of them, and beat the text as it stands by ``MARGIN``, to be chosen.
MIN_WORDS = 3
MIN_SHARE = 0.6
MARGIN = 0.25

#: A text holding this many letters that only Unicode can write (``ạ``, ``ư``, ``đ``...)
#: is Unicode already: no legacy reading is tried.
UNICODE_LETTERS_ENOUGH = 8

LEGACY = ("tcvn3", "vni")


def _latin1_fallback(err: UnicodeError) -> tuple[str, int]:
    """Windows-1252 leaves five bytes undefined; read them as Latin-1 does (U+0081...)."""
    assert isinstance(err, UnicodeDecodeError)
    return "".join(chr(b) for b in err.object[err.start:err.end]), err.end


codecs.register_error("danvan-latin1", _latin1_fallback)


def cp1252(data: bytes) -> str:
    """Bytes as the characters Windows-1252 shows for them (what a legacy-font text is)."""
    return data.decode("cp1252", errors="danvan-latin1")


def _byte_chars(b: int) -> set[str]:
    """The characters one byte may show as: its Windows-1252 and its Latin-1 reading."""
    return {cp1252(bytes([b])), chr(b)}


@dataclass(frozen=True, slots=True)
class _Tables:
    tcvn3: dict[int, str]
    tcvn3_capitals: dict[str, str]
    tcvn3_capital_pattern: regex.Pattern[str]
    vni_letters: dict[str, str]
    vni_marks: dict[str, str]
    vni_pattern: regex.Pattern[str]
    tcvn3_fonts: tuple[str, ...]
    tcvn3_upper_suffix: str
    vni_fonts: tuple[str, ...]


@cache
def _tables() -> _Tables:
    data = load_yaml("legacy_encodings.yaml")
    tcvn3: dict[int, str] = {}  # a str.translate table
    for b, ch in data["tcvn3"]["bytes"].items():
        for c in _byte_chars(int(b)):
            tcvn3[ord(c)] = ch
    capitals = {c: ch for b, ch in data["tcvn3"]["capitals"].items() for c in _byte_chars(int(b))}
    cap_class = "".join(regex.escape(c) for c in capitals)
    # Runs of letters and capitals bytes (``_capitals`` keeps those holding both).
    cap_pattern = regex.compile(rf"[\p{{L}}\p{{M}}{cap_class}]+")
    vni = data["vni"]
    letters = {c: ch for b, ch in vni["letters"].items() for c in _byte_chars(int(b))}
    marks: dict[str, str] = {}
    for lower, upper, combining in vni["marks"]:
        for c in _byte_chars(int(lower)) | _byte_chars(int(upper)):
            marks[c] = combining
    bases = vni["bases"]
    # The one-byte letters ơ and ư take tones too: their bytes are bases as well.
    horn_bytes = [c for c, ch in letters.items() if ch.lower() in "ơư"]
    tone_bases = "".join(sorted(set(bases["tones"].replace("ơ", "").replace("ư", "")))) + "".join(horn_bytes)
    tone_marks = "".join(regex.escape(c) for c, m in marks.items() if len(m) == 1 and m not in "\u0302\u0306")
    circ_marks = "".join(regex.escape(c) for c, m in marks.items() if m.startswith("\u0302"))
    breve_marks = "".join(regex.escape(c) for c, m in marks.items() if m.startswith("\u0306"))
    circ_bases, breve_bases = bases["circumflex"], bases["breve"]
    pattern = regex.compile(
        "(?i:"
        f"(?P<base>[{regex.escape(circ_bases)}])(?P<mark>[{circ_marks}])"
        f"|(?P<base>[{regex.escape(breve_bases)}])(?P<mark>[{breve_marks}])"
        f"|(?P<base>[{regex.escape(tone_bases)}])(?P<mark>[{tone_marks}])"
        ")"
        f"|(?P<letter>[{''.join(regex.escape(c) for c in letters)}])"
    )
    return _Tables(
        tcvn3=tcvn3,
        tcvn3_capitals=capitals,
        tcvn3_capital_pattern=cap_pattern,
        vni_letters=letters,
        vni_marks=marks,
        vni_pattern=pattern,
        tcvn3_fonts=tuple(data["tcvn3"]["font_prefixes"]),
        tcvn3_upper_suffix=data["tcvn3"]["upper_case_fonts_end_with"],
        vni_fonts=tuple(vni["font_prefixes"]),
    )


def convert(text: str, encoding: str, *, upper: bool = False) -> str:
    """``text`` (Windows-1252 characters of a legacy-font text) read as ``encoding``
    (``tcvn3`` or ``vni``), in NFC. ``upper`` for a TCVN3 capitals font (``.VnTimeH``)."""
    t = _tables()
    if encoding == "tcvn3":
        out = text.translate(t.tcvn3)
        out = t.tcvn3_capital_pattern.sub(lambda m: _capitals(m.group(0), t.tcvn3_capitals), out)
        out = unicodedata.normalize("NFC", out)
        return out.upper() if upper else out
    if encoding == "vni":

        def repl(m: regex.Match[str]) -> str:
            if m.group("letter"):
                return t.vni_letters[m.group("letter")]
            base = m.group("base")
            base = t.vni_letters.get(base, base)
            return unicodedata.normalize("NFC", base + t.vni_marks[m.group("mark")])

        return unicodedata.normalize("NFC", t.vni_pattern.sub(repl, text))
    raise ValueError(f"unknown legacy encoding {encoding!r}")


def _capitals(word: str, table: dict[str, str]) -> str:
    """A word holding VN1 capitals bytes, read with them as letters when that gives a
    syllable in capitals (``HO„CH`` → ``HOẠCH``) or a capital opening a word (``žy`` →
    ``Ủy``); else the bytes stay Windows-1252 quotes and dashes (``“Ngày``)."""
    if not any(c in table for c in word) or all(c in table for c in word):
        return word
    read = "".join(table.get(c, c) for c in word)
    if not is_syllable(read):
        return word
    rest = [c for c, r in zip(word, read) if c not in table and r.isalpha()]
    first_only = all(c not in table for c in word[1:])
    if all(c.isupper() for c in rest) or first_only:
        return read
    return word


def font_encoding(font: str | None) -> tuple[str, bool] | None:
    """The legacy encoding a font name says (``.VnTime`` → TCVN3, ``VNI-Times`` → VNI),
    with whether it is a capitals font (``.VnTimeH``); ``None`` for a Unicode font."""
    if not font:
        return None
    t = _tables()
    name = font.strip().strip("'\"")
    if name.startswith(t.tcvn3_fonts):
        return "tcvn3", name.endswith(t.tcvn3_upper_suffix)
    if name.upper().startswith(tuple(p.upper() for p in t.vni_fonts)):
        return "vni", False
    return None


# --- telling the encoding -------------------------------------------------------

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_ONSET = "ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx]"
_SYLLABLE = regex.compile(
    rf"(?:{_ONSET})?(?:[aăâeêioôơuưy]{{1,3}})(?:ch|ng|nh|[cmnpt])?", regex.V1
)
_UNICODE_ONLY = regex.compile(r"[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")
_WORD = regex.compile(r"[^\s\"'()\[\]{}<>,;:.!?/\\|*_=+#0-9-]+")


@cache
def is_syllable(word: str) -> bool:
    """``syllable_shape``, remembered: the same words come back in every text."""
    return syllable_shape(word)


def syllable_shape(word: str) -> bool:
    """Whether ``word`` is shaped as one Vietnamese syllable: an onset, one to three
    vowels, a coda, and at most one tone mark (``nghĩa``, ``Cộng``; not ``hoµ``, ``lËp``).
    Not remembered: judging a file's lines once, a cache would only grow with its junk."""
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in nfd if c in _TONES)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def _share(words: list[str]) -> float:
    return sum(1 for w in words if is_syllable(w)) / len(words) if words else 0.0


def _candidate_words(text: str) -> list[str]:
    """Words holding a character above U+007F (the only ones a reading changes)."""
    out: list[str] = []
    for m in _WORD.finditer(text):
        w = m.group(0)
        if any(ord(c) > 0x7F for c in w):
            out.append(w)
            if len(out) >= SAMPLE_WORDS:
                break
    return out


def _words_read_as(words: list[str], encoding: str) -> list[str]:
    """The sampled words read in ``encoding`` (in one pass), split again (a TCVN3 ``·``
    or VNI mark byte is punctuation in Windows-1252 but a letter once read)."""
    return _WORD.findall(convert(" ".join(words), encoding))


def detect(text: str, alternatives: dict[str, str] | None = None) -> str | None:
    """The legacy encoding ``text`` is written in (``tcvn3``/``vni``), or ``None``.

    ``text`` is compared, as a share of its non-ASCII words that are Vietnamese
    syllables, with the same words read as TCVN3 and as VNI, and with any other reading
    the caller has (``alternatives``: name → decoded text, e.g. the Windows-1258 reading
    of the same bytes); a legacy reading wins only by a clear margin."""
    seen = 0
    for _ in _UNICODE_ONLY.finditer(text):
        seen += 1
        if seen >= UNICODE_LETTERS_ENOUGH:
            return None
    words = _candidate_words(text)
    if len(words) < MIN_WORDS:
        return None
    best_other = _share(words)
    for alt in (alternatives or {}).values():
        best_other = max(best_other, _share(_candidate_words(alt)))
    best: tuple[float, str] | None = None
    for enc in LEGACY:
        read = _words_read_as(words, enc)
        good = sum(1 for w in read if is_syllable(w))
        share = good / len(read) if read else 0.0
        if good >= MIN_WORDS and share >= MIN_SHARE and share >= best_other + MARGIN:
            if best is None or share > best[0]:
                best = (share, enc)
    return best[1] if best else None


NAMES = {"tcvn3": "TCVN3 (ABC, .VnTime fonts)", "vni": "VNI (VNI-Times fonts)"}


# --- fragments inside a Unicode text -------------------------------------------------------------

#: Marks Vietnamese letters carry (tones, circumflex, breve, horn).
_VIET_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")
#: A line is read as holding TCVN3 fragments only when this many of its words read so: one
#: word alone may be a symbol (``5 µm``).
FRAGMENT_WORDS = 2


def _vietnamese_letter(c: str) -> bool:
    """Whether Vietnamese writes ``c`` (an ASCII letter, ``đ``, a vowel with its marks)."""
    if c.isascii() or c in "đĐ":
        return True
    nfd = unicodedata.normalize("NFD", c)
    return nfd[0].lower() in "aeiouy" and all(m in _VIET_MARKS for m in nfd[1:])


@cache
def _fragment_pattern() -> tuple[regex.Pattern[str], re.Pattern[str], frozenset[str]]:
    """Words of letters and TCVN3 bytes; the bytes no Vietnamese word holds (``µ``, ``·``,
    ``ñ``, ``Ö``, ``®``, the soft hyphen that is TCVN3's ``ư``), as a plain character class
    (the standard library's, a scan of a megabyte in milliseconds) and as a set."""
    keys = {chr(k) for k in _tables().tcvn3}
    foreign = frozenset(c for c in keys if not _vietnamese_letter(c))
    cls = "".join(regex.escape(c) for c in sorted(keys))
    trigger = re.compile("[" + "".join(re.escape(c) for c in sorted(foreign)) + "]")
    return regex.compile(rf"[\p{{L}}\p{{M}}{cls}]+"), trigger, foreign


def _kind(w: str, foreign: frozenset[str], keys: frozenset[str]) -> tuple[str, str | None]:
    """How a word stands to a TCVN3 reading: ``damaged`` (a byte no Vietnamese word holds,
    or a capital inside a lower-case word, ``ViÖt``, and a syllable once read), ``both``
    (read either way), ``ascii``, else ``unicode`` (a word TCVN3 cannot hold, or one that
    reads as no syllable in TCVN3); with its TCVN3 reading."""
    if w.isascii():
        return "ascii", None
    if any(c not in keys and not c.isascii() for c in w):
        return "unicode", None  # ư, ơ, ạ...: no TCVN3 byte shows them
    read = convert(w, "tcvn3")
    if not is_syllable(read):
        return "unicode", None
    odd = any(c in foreign for c in w) or any(
        c.isupper() and not c.isascii() and p.islower() for p, c in zip(w, w[1:]))
    if odd or not is_syllable(w):
        return "damaged", read
    return "both", read


def fold_fragments(text: str) -> str:
    """TCVN3 words inside a Unicode text read back: a run in a .VnTime font a reader saw
    no font name for, or a PDF font with no Unicode map (``Thñ t­íng ChÝnh phñ`` →
    ``Thủ tướng Chính phủ``). A fragment is a run of words, on one line, that TCVN3 may
    hold (no ``ư``, ``ạ``... that only Unicode writes): it is read back when at least
    ``FRAGMENT_WORDS`` of its words are damaged as Unicode (a byte no Vietnamese word
    holds, ``µ``, ``ñ``, ``·``; a capital inside a word, ``ChÝnh``) and read as syllables in
    TCVN3; its other words (``Céng`` → ``Cộng``) are read with it. Only a line holding a
    byte no Vietnamese word holds is looked at. A lone such word (``5 µm``), or words apart
    in a Unicode sentence, stay as written."""
    words, trigger, foreign = _fragment_pattern()
    if trigger.search(text) is None:
        return text
    keys = frozenset(chr(k) for k in _tables().tcvn3)
    out: list[str] = []
    for line in text.split("\n"):
        if trigger.search(line) is None:
            out.append(line)
            continue
        run: list[tuple[int, int, str | None]] = []
        damaged = 0
        edits: list[tuple[int, int, str]] = []

        def close() -> None:
            if damaged >= FRAGMENT_WORDS:
                edits.extend((a, b, r) for a, b, r in run if r is not None)

        for m in words.finditer(line):
            kind, read = _kind(m.group(0), foreign, keys)
            if kind == "unicode":
                close()
                run, damaged = [], 0
                continue
            run.append((m.start(), m.end(), read))
            damaged += kind == "damaged"
        close()
        if edits:
            parts: list[str] = []
            at = 0
            for a, b, read in edits:
                parts += [line[at:a], read]
                at = b
            line = "".join(parts) + line[at:]
        out.append(line)
    return "\n".join(out)


@cache
def _symbol_chars() -> tuple[dict[int, str], str]:
    data = load_yaml("legacy_encodings.yaml")["symbol_fonts"]
    return {int(k): v for k, v in data["chars"].items()}, data["bullet"]


_PRIVATE = regex.compile(r"[\ue000-\uf8ff]")


def fold_private_use(text: str) -> str:
    """Private-use glyphs (Symbol and Wingdings fonts, PDF fonts with no Unicode map) as
    what they show: the Symbol font's digits and punctuation as such, another glyph that
    opens a line as a list's bullet (``•``), elsewhere a blank. One character for one."""
    if _PRIVATE.search(text) is None:
        return text
    chars, bullet = _symbol_chars()

    def repl(m: regex.Match[str]) -> str:
        c = m.group(0)
        if ord(c) in chars:
            return chars[ord(c)]
        before = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        return bullet if not before.strip() else " "

    return _PRIVATE.sub(repl, text)
