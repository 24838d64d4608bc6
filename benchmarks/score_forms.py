"""Score danvan's header on the same real documents written in other forms.

``score_real.py`` scores the 70 pages of ``../shared/real/tvpl/`` in the one form they
came in (a portal page exported to Markdown, cells between lines holding only ``|``).
Real documents also come as Word's plain text, pandoc Markdown, ``pdftotext -layout``,
a crawler's flattened lines, .docx, HTML and PDF, and damaged. This script recovers each
document's parts (header cells, type line and trích yếu, body paragraphs and tables, the
closing table, attachments) from the page, writes them again in each form the way that
exporter writes them (``tests/support/forms.py``), parses each rendering and scores number,
doc_type, date, signer and issuer against the site's metadata with ``score_real.judge``::

    python benchmarks/score_forms.py                    # the table: form x field
    python benchmarks/score_forms.py --misses           # every disagreement
    python benchmarks/score_forms.py --forms pdftotext,docx --ids 0bc7bfa8f2ed42e8
    python benchmarks/score_forms.py --dump DIR         # write every rendering to look at
    python benchmarks/score_forms.py --dump DIR --dump-only  # only write them (bench_store.py --forms)
    python benchmarks/score_forms.py --from-dump DIR    # score those very files (another version)
    python benchmarks/score_forms.py --json

The parts are recovered with danvan's own layout of the page (``score_real.py`` is 1.00 on
this form, so the layout is right here); the cell and paragraph breaks the page lost are
restored by the rules of the document's form (a left header line opening with a body's
or a unit's word starts a new line, a wrapped sentence goes on until its full stop).
The PDF form prints the HTML form with headless Chromium and is skipped, with a note,
when Chromium is absent; PDFs are cached by content under ``--cache``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from score_real import DEFAULT, FIELDS, judge  # noqa: E402

from danvan_cli.pipeline import parse_file, parse_text  # noqa: E402
from danvan_cli.text.clean import clean  # noqa: E402
from danvan_cli.text.layout import Layout, build_layout  # noqa: E402
from danvan_cli.text.normalize import fold_key, matching_view  # noqa: E402
from danvan_cli.text.read import read_source  # noqa: E402
from tests.support import forms as F  # noqa: E402

# --- recovering the parts of a page ------------------------------------------------------------

#: Words that open a line of a header's left column (Nghị định 30/2020 Phụ lục I: the
#: parent body, the issuing body, its unit each on a line of their own).
_LEFT_OPENERS = regex.compile(
    r"^(?:BỘ|CỤC|TỔNG\s+CỤC|CHI\s+CỤC|SỞ|PHÒNG|BAN|VĂN\s+PHÒNG|ỦY\s+BAN|UỶ\s+BAN|UBND|HỘI\s+ĐỒNG|HĐND|TỈNH|"
    r"THÀNH\s+PHỐ|HUYỆN|QUẬN|THỊ\s+XÃ|XÃ|PHƯỜNG|ĐẶC\s+KHU|ĐẢNG|TRUNG\s+TÂM|KHO\s+BẠC|THANH\s+TRA|CÔNG\s+AN|"
    r"BẢO\s+HIỂM|NGÂN\s+HÀNG|KIỂM\s+TOÁN|VIỆN|TRƯỜNG|ĐOÀN|MẶT\s+TRẬN|CHÍNH\s+PHỦ|THỦ\s+TƯỚNG|QUỐC\s+HỘI|"
    r"TÒA\s+ÁN|TOÀ\s+ÁN|TỈNH\s+ỦY|HUYỆN\s+ỦY|THÀNH\s+ỦY)(?!\p{L})"
)
_OUTLINE = regex.compile(r"^(?:[IVXLC]{1,6}\.|\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\)|[-+•]|Điều\s+\d|Chương\s|CHƯƠNG\s|Mục\s|MỤC\s)")
_ENDS = regex.compile(r"[.;:!?]$|\./\.$")
_MARK = regex.compile(r"^[*_#]")
#: Words that open a paragraph of their own (a preamble's bases, the addressee line).
_OPENS = regex.compile(r"^(?:Căn\s+cứ|Kính\s+gửi|Thực\s+hiện|Xét\s|Theo\s+đề\s+nghị)")
_MARK_END = regex.compile(r"[*_]$")
#: A heading that stands alone on its line in capitals (an attachment's, a type word).
_HEADING = regex.compile(r"^(?:PHỤ LỤC(?:\s+[\dIVXLC]+)?|KẾ HOẠCH|QUYẾT ĐỊNH|QUY CHẾ|QUY ĐỊNH|HƯỚNG DẪN|DANH MỤC|BIỂU MẪU|MẪU)$")
_AUTHORITY = regex.compile(r"^(?:TM|KT|TL|TUQ|Q|T/M|K/T|T/L)\.?\s")


def _caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _sep(s: str) -> bool:
    return not any(c.isalnum() for c in s)


def _cell_lines(lay: Layout, a: int, b: int) -> list[tuple[str, str, int]]:
    """The lines of ``[a, b)`` as (clean text, raw text with marks, start), bar lines left out."""
    out = []
    for ln in lay.lines:
        if ln.start < a or ln.start >= b or not ln.text or ln.bar:
            continue
        c = " ".join(clean(lay.text, lay.view, ln.start, min(ln.end, b)).s.split())
        if c and c.strip("#*_|> "):  # a line of Markdown marks alone is no text of the document
            ls = lay.text.rfind("\n", 0, ln.start) + 1
            le = lay.text.find("\n", ln.end)
            out.append((c, lay.text[ls : le if le >= 0 else len(lay.text)].strip(), ln.start))
    return out


def _header_left(lines: list[tuple[str, str, int]]) -> list[F.P]:
    out: list[F.P] = []
    for c, _raw, _at in lines:
        prev = out[-1] if out else None
        if _sep(c):
            out.append(F.P(c, role="separator"))
        elif regex.match(r"^(?:Số|SỐ)(?!\p{L})", c):
            out.append(F.P(c, role="number"))
        elif c.startswith(("V/v", "V/V", "v/v")) or (prev is not None and prev.role == "number" and c.startswith("Về ")):
            out.append(F.P(c, role="vv"))
        elif prev is not None and prev.role == "number" and (prev.text.rstrip().endswith(":") or prev.text in ("Số", "SỐ")):
            out[-1] = F.P(f"{prev.text} {c}", role="number")
        elif prev is not None and prev.role == "vv":
            out[-1] = F.P(f"{prev.text} {c}", role="vv")
        elif prev is not None and prev.role == "issuer" and _caps(c) and not _LEFT_OPENERS.match(c):
            out[-1] = F.P(f"{prev.text} {c}", bold=True, role="issuer")
        elif _caps(c):
            out.append(F.P(c, bold=True, role="issuer"))
        elif prev is not None and not _sep(prev.text):
            out[-1] = replace_text(prev, f"{prev.text} {c}")
        else:
            out.append(F.P(c))
    return out


def replace_text(p: F.P, text: str) -> F.P:
    return F.P(text, p.bold, p.italic, p.align, p.role)


def _header_right(lines: list[tuple[str, str, int]]) -> list[F.P]:
    out: list[F.P] = []
    for c, _raw, _at in lines:
        prev = out[-1] if out else None
        if _sep(c):
            out.append(F.P(c, role="separator"))
            continue
        if regex.search(r"(?i)độc\s+lập", c):
            out.append(F.P(c, bold=True, role="motto"))
            continue
        role = "quoc_hieu" if _caps(c) else ("date" if "ngày" in c else None)
        if prev is not None and prev.role not in ("separator", "motto") and _caps(prev.text) == _caps(c):
            joined = f"{prev.text} {c}"
            out[-1] = F.P(joined, prev.bold, prev.italic or "ngày" in joined, prev.align,
                          "date" if "ngày" in joined and not _caps(joined) else prev.role)
        else:
            out.append(F.P(c, bold=role == "quoc_hieu", italic=role == "date", role=role))
    return out


def _paragraphs(lines: list[tuple[str, str, int]], type_at: int | None = None) -> list[F.P]:
    """Body lines joined back into paragraphs: a line goes on the paragraph above unless
    that one ended a sentence or a styled run, or this one opens an item, a styled run, or
    changes case (a title in capitals, the line under it)."""
    out: list[F.P] = []
    prev_raw = None
    for c, raw, at in lines:
        prev = out[-1] if out else None
        new = (
            prev is None
            or _MARK.match(raw) is not None
            or _OUTLINE.match(c) is not None
            or _OPENS.match(c) is not None
            or _ENDS.search(prev.text) is not None
            or _MARK_END.search(prev_raw or "") is not None
            or _caps(prev.text) != _caps(c)
            or _sep(c) or _sep(prev.text)
            or prev.role == "type"
            or at == type_at
            or _HEADING.match(prev.text) is not None
        )
        if new:
            role = "type" if at == type_at else None
            out.append(F.P(c, bold=raw.startswith("**"), italic=raw.startswith("*") and not raw.startswith("**"), role=role))
        else:
            out[-1] = replace_text(prev, f"{prev.text} {c}")
        prev_raw = raw
    return out


def _table(lay: Layout, t, layout: bool | None = None) -> F.T:  # type: ignore[no-untyped-def]
    rows = []
    for r in t.rows:
        cells = []
        for cell in r.cells:
            cells.append(tuple(_paragraphs(_cell_lines(lay, cell.start, cell.end + 1))) if cell.end > cell.start else ())
        rows.append(tuple(cells))
    if layout is None:
        layout = t.columns == 2 and len(t.rows) <= 2 and all(sum(len(p.text) for p in c) < 400 for r in rows for c in r)
    return F.T(tuple(rows), layout)


def _blocks(lay: Layout, a: int, b: int, type_at: int | None = None) -> list[F.Block]:
    """Paragraphs and tables of ``[a, b)`` in reading order."""
    tables = [t for t in lay.tables if t.start >= a and t.end <= b]
    out: list[F.Block] = []
    pos = a
    for t in sorted(tables, key=lambda t: t.start):
        out.extend(_paragraphs(_cell_lines(lay, pos, t.start), type_at))
        out.append(_table(lay, t))
        pos = max(pos, t.end)
    out.extend(_paragraphs(_cell_lines(lay, pos, b), type_at))
    return out


def _recipients(lines: list[tuple[str, str, int]]) -> list[F.P]:
    out: list[F.P] = []
    dash = False
    for c, _raw, _at in lines:
        if c in ("-", "+", "•"):
            dash = True
            continue
        if dash or c.startswith(("-", "+", "•")) or not out or regex.match(r"(?i)nơi\s+nhận", c):
            text = f"- {c}" if dash else c
            out.append(F.P(text, bold=regex.match(r"(?i)nơi\s+nhận", c) is not None, italic=False, role="recipients"))
            dash = False
        else:
            out[-1] = replace_text(out[-1], f"{out[-1].text} {c}")
    return out


def _signature(lines: list[tuple[str, str, int]], gold_name: str) -> list[F.P]:
    out: list[F.P] = []
    key = fold_key(gold_name)
    k = 0
    while k < len(lines):
        c = lines[k][0]
        if k + 1 < len(lines) and fold_key(f"{c} {lines[k + 1][0]}") == key:
            out.append(F.P(f"{c} {lines[k + 1][0]}", bold=True, role="name"))
            k += 2
            continue
        if out and out[-1].role == "authority" and _caps(c) and len(c.split()) == 1 and not _AUTHORITY.match(c):
            # a word the page wrapped off the authority line ("TM. ỦY BAN NHÂN" / "DÂN")
            out[-1] = replace_text(out[-1], f"{out[-1].text} {c}")
            k += 1
            continue
        if fold_key(c) == key:
            role = "name"
        elif _AUTHORITY.match(c):
            role = "authority"
        elif c.startswith(("(", "[")):
            role = "seal"
        else:
            role = "sign_title"
        out.append(F.P(c, bold=role != "seal", italic=role == "seal", role=role))
        k += 1
    return out


def recover(path: Path, gold: dict) -> F.Doc:
    """The parts of one saved page (see the module doc)."""
    d = read_source(path)
    text = d.text
    view = matching_view(text)
    lay = build_layout(text, view, d.blocks)
    blocks: list[F.Block] = []
    head = lay.header.tables[0] if lay.header.tables else None
    body_from = lay.start
    if head is not None:
        rows = []
        for r in head.rows:
            cells = [c for c in r.cells]
            left = _header_left(_cell_lines(lay, cells[0].start, cells[0].end + 1)) if cells else []
            right = _header_right(_cell_lines(lay, cells[-1].start, cells[-1].end + 1)) if len(cells) > 1 else []
            rows.append((tuple(left), tuple(right)))
        blocks.append(F.T(tuple(rows), layout=True))
        body_from = head.end
    type_at = lay.lines[lay.type_index].start if lay.type_index is not None else None
    body = _blocks(lay, body_from, lay.body_end, type_at)
    _center_title(body)
    blocks.extend(body)
    if lay.signature is not None:
        sig = lay.signature
        st = next((t for t in sig.tables if t.columns == 2), None)
        if st is not None:
            r = st.rows[0].cells
            left = _recipients(_cell_lines(lay, r[0].start, r[0].end + 1))
            right = _signature(_cell_lines(lay, r[-1].start, r[-1].end + 1), gold["signer"])
            blocks.append(F.T(((tuple(left), tuple(right)),), layout=True))
            after_from = max(sig.end, st.end)
        else:
            lines = _cell_lines(lay, sig.start, sig.end)
            cut = next((k for k, (c, _r, _a) in enumerate(lines) if _AUTHORITY.match(c) or (_caps(c) and k > 0)), 0)
            nn = next((k for k, (c, _r, _a) in enumerate(lines) if regex.match(r"(?i)nơi\s+nhận", c)), None)
            if nn is not None and nn < cut:
                left, right = _recipients(lines[nn:cut]), _signature(lines[cut:], gold["signer"])
            else:
                left, right = [], _signature(lines, gold["signer"])
            blocks.append(F.T(((tuple(left), tuple(right)),), layout=True))
            after_from = sig.end
        blocks.extend(_blocks(lay, after_from, lay.end))
    return F.Doc(blocks)


def _center_title(body: list[F.Block]) -> None:
    """The type line and what stands in capitals or bold under it (the trích yếu, the line
    saying who decides) are centred, as Word writes them."""
    k = next((i for i, b in enumerate(body) if isinstance(b, F.P) and b.role == "type"), None)
    if k is None:
        return
    body[k] = F.P(body[k].text, True, False, "center", "type")
    for i in range(k + 1, min(len(body), k + 4)):
        b = body[i]
        if not isinstance(b, F.P) or regex.match(r"(?i)căn\s+cứ|thực\s+hiện|xét|kính\s+gửi", b.text):
            break
        if i == k + 1 or _caps(b.text) or b.bold:
            body[i] = F.P(b.text, b.bold, b.italic, "center", "title" if i == k + 1 else b.role)
        else:
            break


# --- forms, parsing, scoring ---------------------------------------------------------------------


def _issuer_words(doc: F.Doc) -> str:
    head = next((b for b in doc.blocks if isinstance(b, F.T)), None)
    if head is None:
        return "Văn phòng"
    lines = [p.text for r in head.rows for p in r[0] if p.role == "issuer"]
    return " ".join(lines[-1:] or ["Văn phòng"]).title()


def _forms(chromium: bool) -> list[str]:
    out = list(F.TEXT_FORMS) + ["docx", "docx-tabs", "html"] + (["pdf"] if chromium else [])
    out += [f"damage:{k}" for k in F.DAMAGES]
    out += [f"damage:all@{base}" for base in ("pipe-br", "pdftotext", "one-line")]
    return out


def render(form: str, doc: F.Doc, work: Path, cache: Path, seed: int, doc_id: str) -> tuple[str | None, Path | None]:
    """``doc`` written in ``form``: the text (text forms) or the file written (others)."""
    if form.startswith("damage:"):
        # damage:KIND (over Word's plain text) or damage:KIND@FORM (over another text form)
        kind, _, base = form.split(":", 1)[1].partition("@")
        return F.TEXT_FORMS[base or "word-text"](F.damage(doc, kind, seed, _issuer_words(doc))), None
    if form in F.TEXT_FORMS:
        return F.TEXT_FORMS[form](doc), None
    suffix, writer = F.FILE_FORMS[form]
    if form == "pdf":
        key = hashlib.sha256(F.html(doc).encode("utf-8")).hexdigest()[:20]
        path = cache / f"{doc_id}-{key}.pdf"
        if not path.exists():
            cache.mkdir(parents=True, exist_ok=True)
            writer(doc, path)
        return None, path
    path = work / f"{doc_id}.{form}{suffix}"
    writer(doc, path)
    return None, path


def _dump_name(doc_id: str, form: str) -> str:
    suffix = F.FILE_FORMS[form][0] if form in F.FILE_FORMS else ".txt"
    return f"{doc_id}.{form.replace(':', '-')}{suffix}"


def gold_for(form: str, gold: dict) -> dict:
    """The site's answer as the form states it: a blank day leaves only month and year."""
    if form.split("@")[0] in ("damage:blank_day", "damage:all") and gold.get("date"):
        return {**gold, "date": gold["date"][:7]}
    return gold


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--forms", help="comma-separated forms (default: all)")
    ap.add_argument("--ids", help="comma-separated document ids (default: all)")
    ap.add_argument("--misses", action="store_true", help="list every disagreement")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--dump", help="write every rendering into this folder")
    ap.add_argument("--from-dump", help="parse the renderings a --dump wrote instead of rendering (to score "
                                        "another version of danvan on the very same inputs)")
    ap.add_argument("--dump-only", action="store_true",
                    help="with --dump: write the renderings and score nothing (bench_store.py --forms reads them)")
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "danvan-score-forms"),
                    help="where printed PDFs are kept between runs")
    args = ap.parse_args()
    folder = Path(args.folder)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    ids = sorted(meta) if not args.ids else args.ids.split(",")
    has_chromium = F.chromium() is not None
    forms = args.forms.split(",") if args.forms else _forms(has_chromium)
    notes = []
    if "pdf" in forms and not has_chromium:
        forms.remove("pdf")
        notes.append("pdf form skipped: chromium is not installed")
    right = {f: dict.fromkeys(FIELDS, 0) for f in forms}
    misses: list[dict] = []
    errors: list[str] = []
    dump = Path(args.dump) if args.dump else None
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for seed, doc_id in enumerate(ids):
            gold = meta[doc_id]
            doc = recover(folder / "docs" / f"{doc_id}.txt", gold) if not args.from_dump else None
            for form in forms:
                try:
                    if doc is None:
                        got = parse_file(Path(args.from_dump) / _dump_name(doc_id, form)).to_dict()
                    else:
                        rendered, path = render(form, doc, work, Path(args.cache), seed, doc_id)
                        got = None if args.dump_only else (
                            parse_text(rendered, source=f"{doc_id}.txt") if path is None else parse_file(path)).to_dict()
                        if dump is not None:
                            dump.mkdir(parents=True, exist_ok=True)
                            if path is None:
                                (dump / _dump_name(doc_id, form)).write_text(rendered or "", encoding="utf-8")
                            else:
                                shutil.copyfile(path, dump / _dump_name(doc_id, form))
                except Exception as e:  # noqa: BLE001 - one form failing must not stop the table
                    errors.append(f"{doc_id} {form}: {type(e).__name__}: {e}")
                    continue
                if got is None:
                    continue
                for f, (ok, mine, theirs) in judge(got, gold_for(form, gold)).items():
                    if ok:
                        right[form][f] += 1
                    else:
                        misses.append({"id": doc_id, "form": form, "field": f, "danvan": mine, "site": theirs})
    n = len(ids) or 1
    table = {form: {f: right[form][f] / n for f in FIELDS} for form in forms}
    if args.json:
        print(json.dumps({"figures": table, "misses": misses, "errors": errors, "notes": notes}, ensure_ascii=False, indent=2))
        return 0
    print(f"{'form':20s} " + " ".join(f"{f:>8s}" for f in FIELDS))
    for form in forms:
        print(f"{form:20s} " + " ".join(f"{table[form][f]:8.3f}" for f in FIELDS))
    print(f"({len(ids)} documents, {len(forms)} forms, {time.perf_counter() - t0:.0f} s)")
    for note in notes:
        print("note:", note)
    for e in errors:
        print("error:", e)
    if args.misses:
        for m in misses:
            mine = m["danvan"]
            if isinstance(mine, dict):
                mine = mine.get("name")
            print(f"{m['id']} {m['form']:18s} {m['field']:9s} danvan={mine!r}  site={m['site']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
