"""How fast the administrative-unit lookups are once the index is built (moved here from the
unit tests, which assert no timings).

    .venv/bin/python benchmarks/bench_admin_units.py [--rounds 500]

Each round asks three questions the header and issuer stages ask all the time: a unit by
name (``huyện Phú Giáo``), whether a city is a province-level one (``Hải Phòng``), and
whether a phrase is a place at all (``Ban Chấp hành``: no). They should cost dictionary
look-ups, i.e. microseconds: the figure printed is per round.
"""

from __future__ import annotations

import argparse
import time

from danvan_cli.extract import admin_units as au


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=500)
    args = ap.parse_args()
    t0 = time.perf_counter()
    au._index()
    t1 = time.perf_counter()
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(args.rounds):
            au.find_units("huyện Phú Giáo")
            au.classify_city("Hải Phòng")
            au.is_known_place("Ban Chấp hành")
        best = min(best, time.perf_counter() - start)
    print(f"index built in {t1 - t0:.3f} s; {args.rounds} rounds in {best:.4f} s "
          f"({best / args.rounds * 1e6:.1f} µs per round, best of 5)")


if __name__ == "__main__":
    main()
