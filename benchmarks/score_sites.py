"""Score danvan's header on excerpts saved from sites other than the dev set's.

The dev set (``../shared/real/tvpl/``) is one site's pages; danvan is measured on pages
from many. This script reads a folder of such excerpts — ``docs/<id>.txt`` and a
hand-read ``gold.yaml`` (``<id>: {site, number, doc_type, date, place, issuer, signer}``,
a field ``null`` where the excerpt does not show it) — parses each with ``parse_file``
and scores every field with ``score_real.py``'s matching, per site::

    python benchmarks/score_sites.py /work/scratch/sites            # table per site
    python benchmarks/score_sites.py DIR --misses                   # and every miss
    python benchmarks/score_sites.py DIR --json

The data is third-party text and is never committed: the script takes its path.
A ``null`` gold is right only when danvan gives nothing for that field either (a
field read from a site's panel or from chrome is a miss). ``place`` is compared with
case, spacing and tone placement folded.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from score_real import judge  # noqa: E402

from danvan_cli.pipeline import parse_file  # noqa: E402
from danvan_cli.text.normalize import fold_key  # noqa: E402

FIELDS = ("number", "doc_type", "date", "place", "issuer", "signer")


def _gold(entry: dict) -> dict:
    return {f: (None if entry.get(f) is None else str(entry[f])) for f in FIELDS}


def judge_one(d: dict, gold: dict) -> dict[str, tuple[bool, object, object]]:
    """Each field: right or not, danvan's value, the gold value."""
    full = {k: (gold[k] or "") for k in ("number", "doc_type", "date", "signer", "issuer")}
    got = judge(d, full)
    out: dict[str, tuple[bool, object, object]] = {}
    for f in FIELDS:
        if f == "place":
            mine = d.get("place")
            ok = (mine is None) if gold[f] is None else bool(mine) and fold_key(mine) == fold_key(gold[f])
            out[f] = (ok, mine, gold[f])
            continue
        ok, mine, _ = got[f]
        if gold[f] is None:
            empty = mine is None or (isinstance(mine, dict) and not mine.get("name"))
            out[f] = (empty, mine, None)
        else:
            out[f] = (ok, mine, gold[f])
    return out


def score(folder: Path) -> tuple[dict[str, dict[str, list[int]]], list[dict]]:
    """Per site and field ``[right, total]``, and the misses."""
    gold_all = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8")) or {}
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: {f: [0, 0] for f in FIELDS})
    misses: list[dict] = []
    for doc_id, entry in sorted(gold_all.items()):
        path = folder / "docs" / f"{doc_id}.txt"
        site = entry.get("site") or "?"
        gold = _gold(entry)
        d = parse_file(path).to_dict()
        for f, (ok, mine, theirs) in judge_one(d, gold).items():
            for key in (site, "ALL"):
                table[key][f][1] += 1
                table[key][f][0] += int(ok)
            if not ok:
                if isinstance(mine, dict):
                    mine = mine.get("name")
                misses.append({"id": doc_id, "site": site, "field": f, "danvan": mine, "gold": theirs})
    return table, misses


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--misses", action="store_true", help="list every disagreement")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    table, misses = score(Path(args.folder))
    if args.json:
        print(json.dumps({"table": table, "misses": misses}, ensure_ascii=False, indent=2))
        return 0
    print(f"{'site':22s} {'n':>3s} " + " ".join(f"{f:>8s}" for f in FIELDS))
    for site in sorted(table, key=lambda s: (s == "ALL", s)):
        row = table[site]
        n = row[FIELDS[0]][1]
        print(f"{site:22s} {n:3d} " + " ".join(f"{r / t if t else 0:8.2f}" for r, t in (row[f] for f in FIELDS)))
    if args.misses:
        for m in misses:
            print(f"{m['id']:28s} {m['field']:9s} danvan={m['danvan']!r}  gold={m['gold']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
