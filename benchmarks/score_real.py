"""Score danvan's header on real pages against the site's own metadata.

``../shared/real/tvpl/`` holds pages of thuvienphapluat.vn saved as text, with the
site's metadata panel cut out of the text and kept in ``meta.json`` (number, type,
date, signer, issuer: the body, or its province/city for a UBND or HĐND). This script
parses each page and reports, per field, the share of pages where danvan agrees::

    python benchmarks/score_real.py                 # the default folder
    python benchmarks/score_real.py DIR --misses    # list every disagreement
    python benchmarks/score_real.py DIR --json

A field is counted right when the normalized values are equal (numbers compared as
danvan normalizes them, names with case, spacing and tone placement folded). The
issuer is right when danvan's issuer names the site's body, or when the site gives a
province or city and danvan's issuer lies in it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from danvan_cli.extract.numbers import normalize_number  # noqa: E402
from danvan_cli.pipeline import parse_file  # noqa: E402
from danvan_cli.text.normalize import fold_key  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "real" / "tvpl"
FIELDS = ("number", "doc_type", "date", "signer", "issuer")
_PLACE_WORDS = ("tỉnh ", "thành phố ")


def _num(s: str | None) -> str | None:
    return (normalize_number(s) or s) if s else None


def _issuer_ok(doc_issuer: dict | None, gold: str) -> bool:
    if not doc_issuer:
        return False
    g = fold_key(gold)
    names = [doc_issuer.get("name") or ""]
    parent = doc_issuer.get("parent")
    if isinstance(parent, dict):
        names.append(parent.get("name") or "")
    if any(g == fold_key(n) or g in fold_key(n) for n in names if n):
        return True
    for w in _PLACE_WORDS:
        if g.startswith(w):
            place = g[len(w):]
            prov = fold_key(doc_issuer.get("province") or "")
            own = fold_key(doc_issuer.get("place") or "")
            return place in (prov, own)
    return False


def score(folder: Path) -> tuple[dict[str, float], list[dict]]:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    right = dict.fromkeys(FIELDS, 0)
    misses: list[dict] = []
    for doc_id, gold in sorted(meta.items()):
        path = folder / "docs" / f"{doc_id}.txt"
        got = judge(parse_file(path).to_dict(), gold)
        for f, (ok, mine, theirs) in got.items():
            if ok:
                right[f] += 1
            else:
                misses.append({"id": doc_id, "field": f, "danvan": mine, "site": theirs})
    n = len(meta) or 1
    return {f: right[f] / n for f in FIELDS}, misses


def judge(d: dict, gold: dict) -> dict[str, tuple[bool, object, object]]:
    """For each field: whether danvan's JSON ``d`` agrees with the site's ``gold``, and
    both values (what other scripts score by: benchmarks/score_forms.py)."""
    return {
        "number": (_num(d["number"]) == _num(gold["number"]), d["number"], gold["number"]),
        "doc_type": (d["doc_type"] == gold["doc_type"], d["doc_type"], gold["doc_type"]),
        "date": (d["date"] == gold["date"], d["date"], gold["date"]),
        "signer": (
            bool(d["signer"] and d["signer"]["name"] and fold_key(d["signer"]["name"]) == fold_key(gold["signer"])),
            (d["signer"] or {}).get("name"),
            gold["signer"],
        ),
        "issuer": (_issuer_ok(d["issuer"], gold["issuer"]), d["issuer"], gold["issuer"]),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--misses", action="store_true", help="list every disagreement")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    figures, misses = score(Path(args.folder))
    if args.json:
        print(json.dumps({"figures": figures, "misses": misses}, ensure_ascii=False, indent=2))
        return 0
    for f, v in figures.items():
        print(f"{f:9s} {v:.3f}")
    if args.misses:
        for m in misses:
            print(f"{m['id']} {m['field']:9s} danvan={m['danvan']!r}  site={m['site']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
