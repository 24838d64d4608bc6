"""Administrative-unit data and lookups, pinned to facts about Vietnam's units.

Counts and memberships come from Nghị quyết 202/2025/QH15 (34 provinces from
1 July 2025) and the pre-2025 map (63 provinces, ~700 districts), not from a sample.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from danvan_cli.extract import admin_units as au
from danvan_cli.text.normalize import normalize_text

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "generate_admin_units.py"


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    with resources.files("danvan_cli.data").joinpath("admin_units.json").open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def names(units: list[au.Unit]) -> list[tuple[str, str, str | None]]:
    return [(u.kind, u.name, u.province) for u in units]


# ----------------------------------------------------------------- the two maps


def test_there_are_63_legacy_provinces_and_34_from_2025() -> None:
    assert len(au.provinces("legacy")) == 63
    assert len(au.provinces("2025")) == 34
    assert len({u.name for u in au.provinces("legacy")}) == 63


def test_province_level_cities_are_the_five_before_and_six_with_hue_after() -> None:
    big5 = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}
    assert {u.name for u in au.provinces("legacy") if u.kind == "thành phố"} == big5
    assert {u.name for u in au.provinces("2025") if u.kind == "thành phố"} == big5 | {"Huế"}
    assert {u.kind for u in au.provinces("legacy")} == {"tỉnh", "thành phố"}


def test_every_legacy_province_merged_into_exactly_one_2025_province() -> None:
    merged = Counter(n for p in au.provinces("2025") for n in p.merged_from)
    assert set(merged) == {u.name for u in au.provinces("legacy")}
    assert set(merged.values()) == {1}


def test_the_eleven_unmerged_provinces_merged_from_only_themselves() -> None:
    unchanged = {
        "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn",
        "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng",
    }  # fmt: skip
    alone = {p.name for p in au.provinces("2025") if len(p.merged_from) == 1}
    assert alone == unchanged
    # Huế's one predecessor is the legacy province under its pre-2025 name.
    assert au.province("Huế", "2025").merged_from == ("Thừa Thiên Huế",)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("new", "old"),
    [
        ("Hồ Chí Minh", {"Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"}),
        ("Hải Phòng", {"Hải Phòng", "Hải Dương"}),
        ("Ninh Bình", {"Ninh Bình", "Hà Nam", "Nam Định"}),
        ("Cần Thơ", {"Cần Thơ", "Hậu Giang", "Sóc Trăng"}),
        ("Lâm Đồng", {"Lâm Đồng", "Đắk Nông", "Bình Thuận"}),
    ],
)
def test_2025_provinces_record_the_legacy_provinces_merged_into_them(new: str, old: set[str]) -> None:
    p = au.province(new, "2025")
    assert p is not None and set(p.merged_from) == old
    assert {u.name for u in au.predecessor_provinces(p)} == old


def test_legacy_map_has_about_700_districts_and_2025_has_no_district_level() -> None:
    ix = au._index()
    current = [u for u in ix.units if u.level == "district" and not u.dissolved]
    assert 680 <= len(current) <= 720
    assert all(u.period == "legacy" for u in ix.units if u.level == "district")
    assert {u.kind for u in current} == {"huyện", "quận", "thị xã", "thành phố"}


def test_2025_communes_are_2621_xa_687_phuong_and_13_dac_khu() -> None:
    kinds = Counter(u.kind for u in au._index().units if u.level == "commune" and u.period == "2025")
    assert kinds == {"xã": 2621, "phường": 687, "đặc khu": 13}


def test_legacy_communes_number_about_ten_thousand() -> None:
    n = sum(1 for u in au._index().units if u.level == "commune" and u.period == "legacy")
    assert 9_500 <= n <= 10_700


# ------------------------------------------------------------ named places


def test_phu_giao_is_a_huyen_of_binh_duong() -> None:
    (pg,) = au.district("Phú Giáo")
    assert (pg.kind, pg.level, pg.province, pg.period) == ("huyện", "district", "Bình Dương", "legacy")
    assert pg.display == "huyện Phú Giáo"
    assert au.parent_province(pg) == au.province("Bình Dương")
    assert au.successor_province(pg).name == "Hồ Chí Minh"  # type: ignore[union-attr]


def test_ba_dinh_is_a_quan_of_ha_noi() -> None:
    (bd,) = au.district("Ba Đình")
    assert (bd.kind, bd.province) == ("quận", "Hà Nội")
    assert bd.display == "quận Ba Đình"
    prov = au.parent_province(bd)
    assert prov is not None and prov.display == "thành phố Hà Nội" and prov.period == "legacy"


@pytest.mark.parametrize("city", ["Hải Phòng", "Hà Nội", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh"])
def test_centrally_run_cities_are_province_level_thanh_pho_in_both_periods(city: str) -> None:
    found = [u for u in au.find_units(city) if u.level == "province"]
    assert {(u.kind, u.period) for u in found} == {("thành phố", "legacy"), ("thành phố", "2025")}
    assert au.classify_city(city) == "province"


def test_thu_dau_mot_is_a_district_level_city_of_binh_duong() -> None:
    (tdm,) = au.district("Thủ Dầu Một")
    assert (tdm.kind, tdm.province) == ("thành phố", "Bình Dương")
    assert au.classify_city("Thủ Dầu Một") == "district"


@pytest.mark.parametrize("name", ["Hải Dương", "Thanh Hóa", "Bắc Ninh", "Hòa Bình", "Vinh", "Hạ Long"])
def test_a_provincial_capital_city_is_district_level(name: str) -> None:
    assert au.classify_city(name) == "district"


def test_hue_is_province_level_from_2025_and_a_district_of_thua_thien_hue_before() -> None:
    assert au.classify_city("Huế") == "province"
    assert au.classify_city("Huế", period="legacy") == "district"
    tth = au.province("Thừa Thiên Huế")
    assert tth is not None and tth.display == "tỉnh Thừa Thiên Huế" and tth.period == "legacy"
    assert au.successor_province(tth).display == "thành phố Huế"  # type: ignore[union-attr]


def test_unit_display_puts_the_unit_word_first() -> None:
    assert au.province("Hải Dương").display == "tỉnh Hải Dương"  # type: ignore[union-attr]
    assert au.province("Hà Nội").display == "thành phố Hà Nội"  # type: ignore[union-attr]
    assert au.find_units("Quận 1")[0].display == "quận 1"


@pytest.mark.parametrize(
    ("name", "provinces"),
    [
        ("Chợ Mới", {"Bắc Kạn", "An Giang"}),
        ("Hoàng Mai", {"Hà Nội", "Nghệ An"}),
        ("Tân Uyên", {"Lai Châu", "Bình Dương"}),
        ("Phong Điền", {"Thừa Thiên Huế", "Cần Thơ"}),
        ("Châu Thành", {"Tây Ninh", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh",
                        "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng"}),
    ],
)  # fmt: skip
def test_a_recurring_district_name_returns_every_district(name: str, provinces: set[str]) -> None:
    found = au.district(name)
    assert {u.province for u in found} == provinces
    assert len(found) == len(provinces)


def test_about_sixteen_district_names_recur_across_provinces() -> None:
    by_name: dict[str, set[str | None]] = {}
    for u in au._index().units:
        if u.level == "district" and not u.dissolved:
            by_name.setdefault(u.name, set()).add(u.province)
    recurring = [n for n, ps in by_name.items() if len(ps) > 1]
    assert 12 <= len(recurring) <= 20


def test_a_district_can_be_filtered_by_its_legacy_or_its_2025_province() -> None:
    assert names(au.district("Chợ Mới", "An Giang")) == [("huyện", "Chợ Mới", "An Giang")]
    # Bình Dương merged into Hồ Chí Minh City: its districts are found under either name.
    assert names(au.district("Thủ Dầu Một", "Hồ Chí Minh")) == [("thành phố", "Thủ Dầu Một", "Bình Dương")]
    assert au.district("Thủ Dầu Một", "Hà Nội") == []


def test_a_name_recurring_in_one_province_is_told_apart_by_kind() -> None:
    assert {u.kind for u in au.district("Kỳ Anh", "Hà Tĩnh")} == {"huyện", "thị xã"}
    assert names(au.find_units("Kỳ Anh", kind="thị xã")) == [("thị xã", "Kỳ Anh", "Hà Tĩnh")]


# ------------------------------------------------------------------- spelling


@pytest.mark.parametrize(
    ("query", "canonical"),
    [
        ("thừa thiên huế", "Thừa Thiên Huế"),
        ("THỪA THIÊN HUẾ", "Thừa Thiên Huế"),
        ("Thanh Hoá", "Thanh Hóa"),  # old tone placement
        ("Thanh Hóa", "Thanh Hóa"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("Hai Phong", "Hải Phòng"),  # typed without accents
        ("HẢI PHÒNG", "Hải Phòng"),
        ("ba đình", "Ba Đình"),
        ("Ba  Đình", "Ba Đình"),
        ("Ho Chi Minh", "Hồ Chí Minh"),
        ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
        ("TP.HCM", "Hồ Chí Minh"),
        ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
        ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Daklak", "Đắk Lắk"),
        ("Đăk Lăk", "Đắk Lắk"),
        ("huyện Phú Giáo", "Phú Giáo"),
        ("tỉnh Bình Dương (cũ)", "Bình Dương"),
        ("Hải Dương (CŨ)", "Hải Dương"),
    ],
)
def test_lookup_ignores_case_tone_placement_accents_unit_word_and_cu(query: str, canonical: str) -> None:
    assert au.canonical_name(query) == canonical
    assert au.is_known_place(query)


def test_a_unit_word_in_the_query_narrows_to_that_kind() -> None:
    # Bare "Phú Giáo" is the legacy huyện and, since 2025, a xã of Hồ Chí Minh City.
    assert {u.kind for u in au.find_units("Phú Giáo")} == {"huyện", "xã"}
    assert names(au.find_units("huyện Phú Giáo")) == [("huyện", "Phú Giáo", "Bình Dương")]
    assert names(au.find_units("xã Phú Giáo")) == [("xã", "Phú Giáo", "Hồ Chí Minh")]


def test_hcm_city_districts_are_found_with_their_number_and_word_only() -> None:
    assert names(au.find_units("Quận 1")) == [("quận", "1", "Hồ Chí Minh")]
    assert names(au.find_units("Q.1")) == [("quận", "1", "Hồ Chí Minh")]
    assert not au.is_known_place("1")


def test_kind_filter_accepts_a_former_kind() -> None:
    # Thuận An was a thị xã until 2020; older texts say "thị xã Thuận An".
    (ta,) = au.find_units("Thuận An", kind="thị xã")
    assert ta.kind == "thành phố" and "thị xã" in ta.former_kinds
    assert au.find_units("thị xã Thuận An") == [ta]


def test_districts_dissolved_before_2025_are_known_with_their_successors() -> None:
    (nd,) = au.district("Nam Đông")
    assert (nd.kind, nd.province, nd.successors) == ("huyện", "Thừa Thiên Huế", ("Phú Lộc",))
    assert nd.dissolved and not au.district("Phú Lộc", "Thừa Thiên Huế")[0].dissolved
    assert names(au.find_units("Quận 9")) == [("quận", "9", "Hồ Chí Minh")]


def test_unknown_names_give_nothing() -> None:
    for junk in ["Xin Chào", "Ban Chấp hành", "Kế hoạch", "", "   ", "huyện", "Thành phố"]:
        assert au.find_units(junk) == []
        assert au.canonical_name(junk) is None
        assert au.classify_city(junk) is None
        assert not au.is_known_place(junk)
    assert au.province("Phú Giáo") is None


def test_commune_names_count_as_places_only_when_asked_for() -> None:
    # "Quyết Thắng" names communes in several provinces, and is also an everyday phrase.
    assert not au.is_known_place("Quyết Thắng")
    assert au.is_known_place("xã Quyết Thắng")
    assert au.is_known_place("Quyết Thắng", kind="phường")
    assert au.find_units("Quyết Thắng")  # find_units returns every level


def test_a_legacy_commune_knows_its_district_and_province() -> None:
    found = au.commune("An Bình", "Bình Dương")
    assert {(u.kind, u.district) for u in found} == {("xã", "Phú Giáo"), ("phường", "Dĩ An")}
    for u in found:
        d = au.parent_district(u)
        assert d is not None and d.name == u.district and d.province == "Bình Dương"


def test_kind_must_be_a_unit_word() -> None:
    with pytest.raises(ValueError):
        au.find_units("Hà Nội", kind="thủ đô")


# ------------------------------------------------------------------- the data


def test_json_carries_its_source_and_mit_license(raw: dict[str, Any]) -> None:
    src = raw["_source"]
    assert src["package"] == "vietnamadminunits"
    assert src["license"] == "MIT"
    assert "Tran Ngoc Minh Hieu" in src["copyright"]
    assert "Permission is hereby granted" in src["license_text"]
    assert au.source()["license"] == "MIT"


def test_json_is_compact() -> None:
    path = resources.files("danvan_cli.data").joinpath("admin_units.json")
    text = path.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 1_500_000
    assert text.count("\n") < 150  # one line per province, no pretty-printing


def test_names_are_stored_as_danvan_normalizes_them() -> None:
    """Canonical names must equal what normalize_text makes of them (NFC, ``hóa`` tone),
    and carry no unit word: a name is returned to callers as is."""
    words = tuple(w + " " for w in au.KINDS)
    with_word = set()
    for u in au._index().units:
        assert normalize_text(u.name) == u.name == u.name.strip(), u
        assert u.name[:1].isupper() or u.name[:1].isdigit(), u
        if u.name.casefold().startswith(words):
            with_word.add(u.display)
    # The one real exception: Huế's ward named "Phường Đúc" (the casters' ward).
    assert with_word == {"phường Phường Đúc"}
    assert names(au.find_units("phường Phường Đúc")) == [("phường", "Phường Đúc", "Thừa Thiên Huế")]


def test_generator_script_is_importable_without_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "vietnamadminunits", None)  # as if not installed
    spec = importlib.util.spec_from_file_location("generate_admin_units", SCRIPT)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.OUT == ROOT / "danvan_cli" / "data" / "admin_units.json"
    assert "vietnamadminunits" in (mod.__doc__ or "")
    assert mod.main(["--check"]) == 2  # says it needs the package, writes nothing
