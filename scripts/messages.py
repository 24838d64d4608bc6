#!/usr/bin/env python3
"""Bring the interface catalogue up to date with the code (how to add a message: docs/messages.md).

    .venv/bin/python scripts/messages.py          # extract, merge into vi.po, report what needs a translation
    .venv/bin/python scripts/messages.py --check  # exit 1 if vi.po lacks a message or keeps a stale one

Messages are found by babel in ``danvan_cli/**.py`` wherever ``_()``, ``N_()`` or ``ngettext()``
wrap a literal string, and, for ``--help``, in the commands themselves: each command's help
(its docstring) and each option's ``help=``, as click shows them (``commands/help.py``). New ones are added to ``danvan_cli/locale/vi/LC_MESSAGES/danvan.po``
with an empty translation; gone ones are dropped. Translations already there are kept.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "danvan_cli"
PO = PACKAGE / "locale" / "vi" / "LC_MESSAGES" / "danvan.po"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
FIXED = datetime(2026, 1, 1, tzinfo=timezone.utc)
AUTHORS = "the danvan authors"
HEADER = ("# Vietnamese messages of danvan's interface (the default language).\n"
          "# Updated by scripts/messages.py; how to add a message: docs/messages.md.")


#: the comment that marks a command's or an option's help text in the catalogue
HELP_COMMENT = "--help text"


def extract() -> Catalog:
    """The messages the code holds now (a template: no translations)."""
    template = Catalog(project="danvan", domain="danvan")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS, strip_comment_tags=True):
        template.add(message, locations=[(f"danvan_cli/{filename}", lineno)], auto_comments=comments, context=context)
    for text, location in help_texts():
        if text not in template:
            template.add(text, locations=[location], auto_comments=[HELP_COMMENT])
    return template


def help_texts() -> list[tuple[str, tuple[str, int]]]:
    """Every help text the commands show, with the file and line of the command's function."""
    import inspect

    sys.path.insert(0, str(ROOT))
    from danvan_cli.cli import main
    from danvan_cli.commands.help import help_texts as shown

    out = []
    for command, text in shown(main):
        fn = inspect.unwrap(command.callback) if command.callback else None
        if fn is not None:
            path = Path(inspect.getsourcefile(fn) or "").resolve()
            line = inspect.getsourcelines(fn)[1]
        else:
            path, line = PACKAGE / "cli.py", 1
        out.append((text, (str(path.relative_to(ROOT)), line)))
    return out


def merged(template: Catalog) -> Catalog:
    """vi.po brought up to the template: translations kept, new messages empty, gone ones dropped."""
    if PO.exists():
        with PO.open(encoding="utf-8") as fh:
            catalog = read_po(fh, locale="vi")
    else:
        catalog = Catalog(locale="vi", project="danvan", domain="danvan")
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    # a header that does not change from run to run (the check compares bytes), and is no
    # "fuzzy" entry (gettext would then drop it, and with it the plural rule)
    catalog.fuzzy = False
    catalog.creation_date = catalog.revision_date = FIXED
    catalog.version, catalog.msgid_bugs_address = "1", ""
    catalog.copyright_holder, catalog.last_translator, catalog.language_team = AUTHORS, AUTHORS, AUTHORS
    catalog.header_comment = HEADER
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, omit_header=False, sort_output=False, include_lineno=False)
    return buf.getvalue()


def _comparable(po: bytes) -> bytes:
    """The catalogue less the line naming the babel version that wrote it."""
    return b"\n".join(line for line in po.split(b"\n") if not line.startswith(b'"Generated-By:'))


def untranslated(catalog: Catalog) -> list[str]:
    out = []
    for m in catalog:
        if not m.id:
            continue
        strings = m.string if isinstance(m.string, (list, tuple)) else [m.string]
        if not all(strings) or m.fuzzy:
            out.append(m.id if isinstance(m.id, str) else m.id[0])
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="change nothing; exit 1 when vi.po is not current")
    args = ap.parse_args()
    catalog = merged(extract())
    data = po_bytes(catalog)
    missing = untranslated(catalog)
    if args.check:
        stale = not PO.exists() or _comparable(PO.read_bytes()) != _comparable(data)
        for m in missing:
            print(f"no translation: {m!r}")
        if stale:
            print(f"{PO.relative_to(ROOT)} is not current: run scripts/messages.py")
        return 1 if stale or missing else 0
    PO.parent.mkdir(parents=True, exist_ok=True)
    PO.write_bytes(data)
    print(f"{PO.relative_to(ROOT)}: {len(catalog) - 1} messages, {len(missing)} to translate")
    for m in missing:
        print(f"  {m!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
