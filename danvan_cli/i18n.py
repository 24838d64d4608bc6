"""The interface's one catalogue: every label, header and message people read, in one language.

Messages are written in the code in English, wrapped in ``_()`` (or ``ngettext()`` where a
count decides the form), and translated in ``danvan_cli/locale/vi/LC_MESSAGES/danvan.po`` —
the ecosystem's gettext catalogues, extracted with babel (``scripts/messages.py``; how to add
a message: ``docs/messages.md``). JSON keys, codes and CSV headers are data, never translated.

Vietnamese is the default (the users' language); English with ``--lang en``, ``DANVAN_LANG=en``
or an English locale (``LANG=en_US.UTF-8``). The ``.po`` file ships as it is and is compiled on
first use with babel — into danvan's cache folder when it can write there, so later runs read
the compiled ``.mo`` directly — which works from a fresh ``pip install -e .`` with no build step.
"""

from __future__ import annotations

import contextvars
import gettext
import hashlib
import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from importlib import resources

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
DOMAIN = "danvan"

#: the language of this run (set once by the command line; a library caller may use ``language()``)
_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("danvan_lang", default=None)


def from_environment(env: dict[str, str] | None = None) -> str:
    """``DANVAN_LANG``, else the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) when it names a
    language danvan speaks, else Vietnamese. ``C``/``POSIX`` name no language."""
    env = dict(os.environ) if env is None else env
    wanted = env.get("DANVAN_LANG", "").strip().lower()[:2]
    if wanted in LANGUAGES:
        return wanted
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "").strip()
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in LANGUAGES else DEFAULT
    return DEFAULT


def current() -> str:
    """The language messages are given in now."""
    return _LANG.get() or from_environment()


def set_language(lang: str | None) -> None:
    """Choose the language for the rest of this run (``None``: from the environment)."""
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose from {', '.join(LANGUAGES)}")
    _LANG.set(lang)


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Messages in ``lang`` inside the block (tests, a library caller rendering for a user)."""
    token = _LANG.set(lang)
    try:
        yield
    finally:
        _LANG.reset(token)


def po_text(lang: str) -> str:
    """The catalogue of ``lang`` as shipped."""
    return (resources.files("danvan_cli") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po").read_text(encoding="utf-8")


def compile_po(text: str) -> bytes:
    """The ``.mo`` bytes of a ``.po`` catalogue's text (babel reads plural forms and fuzzy
    marks as gettext does; a fuzzy entry is not used)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    buf = io.BytesIO()
    write_mo(buf, read_po(io.StringIO(text)))
    return buf.getvalue()


def _compiled(lang: str) -> bytes:
    text = po_text(lang)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    try:
        from platformdirs import user_cache_dir

        cached = os.path.join(user_cache_dir("danvan"), "locale", f"{DOMAIN}-{lang}-{digest}.mo")
        with open(cached, "rb") as fh:
            return fh.read()
    except OSError:
        pass
    data = compile_po(text)
    try:
        os.makedirs(os.path.dirname(cached), exist_ok=True)
        tmp = f"{cached}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only cache: compile again next time
    return data


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang``; English is the messages as written."""
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.GNUTranslations(io.BytesIO(_compiled(lang)))


def _(message: str) -> str:
    """``message`` in the current language."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for a count ``n`` in the current language (``{n}`` is left to format)."""
    return translations(current()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a message for the catalogue where it is defined (a table of labels) and translate
    it with ``_()`` where it is shown."""
    return message


# --------------------------------------------------------------------------- messages made as data

#: a ``{name}`` field of a message template
_FIELD = re.compile(r"\{(\w+)\}")
#: at least this many letters outside the fields, or a template is too loose to recognize a message by
_MIN_LETTERS = 6


def localized(message: str) -> str:
    """``message``, made in English where the data is made, in the current language.

    Warnings and the one line a bad file gets are data: JSON, CSV and the store keep them as
    written (in English, made by a worker process that knows no language), and ``code``
    beside a warning is what programs select by. Where a person reads them, this finds the
    catalogue template the message was made from (``N_("... {number} ...").format(...)``)
    and fills its translation with the same values. A message from no template is shown as
    it is."""
    if current() == "en" or not message:
        return message
    found = _translate(current(), message)
    return message if found is None else found


def localized_line(line: str) -> str:
    """A ``name: problem`` line (a file that cannot be read) with the problem in the current
    language; the name, which may itself hold ``": "``, is kept."""
    if current() == "en":
        return line
    lang = current()
    at = line.find(": ")
    while at != -1:
        found = _translate(lang, line[at + 2:])
        if found is not None:
            return f"{line[:at]}: {found}"
        at = line.find(": ", at + 2)
    return localized(line)


def _exact(catalogue: gettext.NullTranslations, message: str) -> str | None:
    found = getattr(catalogue, "_catalog", {}).get(message)
    return found if isinstance(found, str) and found else None


def _translate(lang: str, message: str) -> str | None:
    catalogue = translations(lang)
    exact = _exact(catalogue, message)
    if exact is not None:
        return exact
    for pattern, fields, template in _templates(lang):
        m = pattern.fullmatch(message)
        if m is not None:
            # a value that is itself a message of the catalogue ("issuer unknown") is translated too
            values = {f: _exact(catalogue, m.group(f)) or m.group(f) for f in fields}
            try:
                return catalogue.gettext(template).format(**values)
            except (KeyError, IndexError, ValueError):  # a translation naming a field the message lacks
                return None
    return None


@lru_cache(maxsize=4)
def _templates(lang: str) -> list[tuple[re.Pattern[str], tuple[str, ...], str]]:
    """The catalogue's templates with fields, as patterns, the most specific first."""
    catalogue = translations(lang)
    ids = [k for k in getattr(catalogue, "_catalog", {}) if isinstance(k, str) and "{" in k]
    out = []
    for template in ids:
        literal = _FIELD.sub("", template)
        if "{" in literal or "}" in literal or sum(c.isalpha() for c in literal) < _MIN_LETTERS:
            continue  # a field with a format ("{days:g}") is no message made as data: shown with _() where made
        fields: list[str] = []
        parts: list[str] = []
        pos = 0
        for m in _FIELD.finditer(template):
            parts.append(re.escape(template[pos:m.start()]))
            name = m.group(1)
            parts.append(f"(?P={name})" if name in fields else f"(?P<{name}>.+?)")
            if name not in fields:
                fields.append(name)
            pos = m.end()
        parts.append(re.escape(template[pos:]))
        out.append((re.compile("".join(parts), re.S), tuple(fields), template, len(literal)))
    out.sort(key=lambda t: -t[3])
    return [(p, f, t) for p, f, t, _n in out]
