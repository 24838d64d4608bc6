"""Rule tests: every collective phrase shape and its expansion, before and after the
1 July 2025 reorganization (Nghị quyết 202/2025/QH15: 34 provinces, no district level).

The sentences are invented in the shapes directives use (Nghị định 30/2020/NĐ-CP; Hướng
dẫn 36-HD/VPTW); the expected lists come from the administrative-unit data, so the tests
pin the reading and the expansion rule, not one file."""

from __future__ import annotations

from datetime import date

import pytest

from danvan_cli.extract import admin_units as au
from danvan_cli.track.collectives import central_members, read_phrase, territory_of

BEFORE = date(2022, 3, 1)
AFTER = date(2025, 9, 1)


def nation(day: date):
    return territory_of("central", None, None, day)


def province(name: str, day: date):
    return territory_of("province", name, name, day)


def district(name: str, prov: str, day: date):
    return territory_of("district", name, prov, day)


def names(reading) -> set[str]:
    return {t.name for t in reading.targets}


@pytest.mark.parametrize("phrase", [
    "UBND các tỉnh, thành phố trực thuộc Trung ương",
    "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
    "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
    "Uỷ ban nhân dân các tỉnh, thành phố",
    "UBND cấp tỉnh",
])
def test_provinces_and_cities_are_the_63_before_and_the_34_after_the_reorganization(phrase: str) -> None:
    before, after = read_phrase(phrase, nation(BEFORE)), read_phrase(phrase, nation(AFTER))
    assert before.kind == after.kind == "collective"
    assert names(before) == {f"UBND {p.display}" for p in au.provinces(au.LEGACY)}
    assert len(before.targets) == 63 and len(after.targets) == 34
    assert "UBND tỉnh Hải Dương" in names(before) and "UBND tỉnh Hải Dương" not in names(after)
    assert "before 1 July 2025" in before.note and "from 1 July 2025" in after.note


def test_a_shared_collective_gives_each_body_its_units_the_council_too() -> None:
    r = read_phrase("HĐND, UBND các tỉnh, thành phố trực thuộc Trung ương", nation(BEFORE))
    assert {t.system for t in r.targets} == {"ubnd", "hdnd"}
    assert len(r.targets) == 126


def test_provinces_alone_or_cities_alone_keep_their_kind() -> None:
    tinh = read_phrase("UBND các tỉnh", nation(BEFORE))
    assert all(t.name.startswith("UBND tỉnh") for t in tinh.targets) and len(tinh.targets) == 58
    cities = read_phrase("UBND các thành phố trực thuộc Trung ương", nation(BEFORE))
    assert names(cities) == {"UBND thành phố Hà Nội", "UBND thành phố Hồ Chí Minh", "UBND thành phố Hải Phòng",
                             "UBND thành phố Đà Nẵng", "UBND thành phố Cần Thơ"}


@pytest.mark.parametrize("phrase", [
    "UBND các huyện, thị xã, thành phố",
    "Chủ tịch UBND các huyện, thị xã, thành phố",
    "Ủy ban nhân dân các huyện, thành phố, thị xã",
    "UBND cấp huyện",
])
def test_a_provinces_districts_before_the_reorganization(phrase: str) -> None:
    r = read_phrase(phrase, province("Hải Dương", BEFORE))
    expected = {f"UBND {d.display}" for d in au.subunits(au.province("Hải Dương", au.LEGACY), au.DISTRICT)}
    assert names(r) == expected and len(expected) == 12
    assert "UBND thị xã Kinh Môn" in expected and "UBND thành phố Chí Linh" in expected


def test_unit_words_narrow_the_districts_to_their_kinds() -> None:
    r = read_phrase("Chủ tịch Ủy ban nhân dân quận, huyện", province("Hải Phòng", BEFORE))
    kinds = {t.name.split()[1] for t in r.targets}
    assert kinds == {"quận", "huyện"}
    only = read_phrase("UBND các huyện", province("Hải Phòng", BEFORE))
    assert only.targets and all(t.name.startswith("UBND huyện") for t in only.targets)


def test_no_districts_after_the_reorganization_the_communes_instead() -> None:
    gone = read_phrase("UBND các huyện, thị xã, thành phố", province("Hải Phòng", AFTER))
    assert gone.targets == [] and "no district level" in gone.note
    communes = read_phrase("UBND các xã, phường, đặc khu", province("Hải Phòng", AFTER))
    new = au.subunits(au.province("Hải Phòng", au.Y2025), au.COMMUNE)
    assert names(communes) == {f"UBND {c.display}" for c in new}
    assert any(t.name.startswith("UBND đặc khu") for t in communes.targets)


def test_a_districts_communes_and_wards() -> None:
    r = read_phrase("UBND các xã, thị trấn", district("Phú Giáo", "Bình Dương", date(2018, 4, 5)))
    d = au.district("Phú Giáo", "Bình Dương")[0]
    assert names(r) == {f"UBND {c.display}" for c in au.subunits(d, au.COMMUNE)}
    wards = read_phrase("UBND các phường", district("Ba Đình", "Hà Nội", date(2025, 2, 10)))
    assert wards.targets and all(t.name.startswith("UBND phường") for t in wards.targets)


def test_communes_of_a_province_before_the_reorganization_are_its_legacy_communes() -> None:
    r = read_phrase("UBND cấp xã", province("Hải Dương", BEFORE))
    legacy = au.subunits(au.province("Hải Dương", au.LEGACY), au.COMMUNE)
    assert len(r.targets) == len(legacy) > 100


def test_party_committees_by_their_own_word_and_by_dang_uy() -> None:
    prov = read_phrase("Ban Thường vụ các tỉnh ủy, thành ủy trực thuộc Trung ương", nation(BEFORE))
    assert len(prov.targets) == 63 and "Tỉnh ủy Hải Dương" in names(prov) and "Thành ủy Hà Nội" in names(prov)
    assert all(t.party for t in prov.targets)
    dist = read_phrase("Các huyện ủy, thị ủy, thành ủy", province("Hải Dương", BEFORE))
    assert "Thị ủy Kinh Môn" in names(dist) and "Huyện ủy Cẩm Giàng" in names(dist) and len(dist.targets) == 12
    communes = read_phrase("Đảng ủy, UBND các phường", district("Ba Đình", "Hà Nội", date(2025, 2, 10)))
    assert {t.system for t in communes.targets} == {"party", "ubnd"}
    assert "Đảng ủy phường Phúc Xá" in names(communes)


def test_ministries_and_agencies_are_those_of_the_day() -> None:
    phrase = "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ"
    before, after = read_phrase(phrase, nation(BEFORE)), read_phrase(phrase, nation(AFTER))
    assert before.kind == "central"
    assert "Bộ Kế hoạch và Đầu tư" in names(before) and "Bộ Kế hoạch và Đầu tư" not in names(after)
    assert "Bộ Dân tộc và Tôn giáo" in names(after) and "Ủy ban Dân tộc" in names(before)
    assert len(central_members("ministries", BEFORE)) == 18 and len(central_members("ministries", AFTER)) == 14
    assert len(before.targets) == 18 + 4 + 8 and len(after.targets) == 14 + 3 + 7


def test_ministers_are_their_ministries() -> None:
    r = read_phrase("Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính phủ", nation(BEFORE))
    assert "Ngân hàng Nhà nước Việt Nam" in names(r)


@pytest.mark.parametrize(("phrase", "territory"), [
    ("Các sở, ban, ngành", ("province", "Hải Dương")),
    ("Giám đốc sở, ngành thành phố", ("province", "Hải Phòng")),
    ("Các phòng, ban chuyên môn thuộc huyện", ("district", "Cẩm Giàng")),
])
def test_the_issuers_own_agencies_are_one_group(phrase: str, territory: tuple[str, str]) -> None:
    level, place = territory
    terr = province(place, BEFORE) if level == "province" else district(place, "Hải Dương", BEFORE)
    r = read_phrase(phrase, terr)
    assert r.kind == "group" and len(r.targets) == 1
    assert r.targets[0].group == "departments" and r.targets[0].level == level


@pytest.mark.parametrize("phrase", ["Các cơ quan, đơn vị", "Các đơn vị, địa phương", "Thủ trưởng đơn vị",
                                    "các tổ chức chính trị - xã hội"])
def test_words_no_list_stands_for_are_generic(phrase: str) -> None:
    r = read_phrase(phrase, province("Nghệ An", BEFORE))
    assert r.kind == "generic" and r.targets == []


def test_xa_hoi_is_no_commune() -> None:
    r = read_phrase("Ủy ban MTTQ và các tổ chức chính trị - xã hội", province("Nghệ An", BEFORE))
    assert r.kind == "generic" and r.targets == []  # not the province's ~400 communes


@pytest.mark.parametrize(("phrase", "where", "expected"), [
    ("Sở Nội vụ", ("province", "Nghệ An"), "Sở Nội vụ tỉnh Nghệ An"),
    ("Ban Dân vận Tỉnh ủy", ("province", "Nghệ An"), "Ban Dân vận Tỉnh ủy Nghệ An"),
    ("UBND huyện Diễn Châu", ("province", "Nghệ An"), "UBND huyện Diễn Châu"),
    ("Bộ Nội vụ", ("central", None), "Bộ Nội vụ"),
])
def test_named_units_stay_as_named_completed_by_the_directives_place(phrase: str, where: tuple, expected: str) -> None:
    level, place = where
    terr = nation(BEFORE) if level == "central" else province(place, BEFORE)
    r = read_phrase(phrase, terr)
    assert r.kind == "named" and names(r) == {expected}


def test_a_collective_below_nothing_lists_nothing() -> None:
    r = read_phrase("UBND các tỉnh, thành phố", province("Nghệ An", BEFORE))
    assert r.targets == []


def test_districts_of_the_whole_country_are_one_group() -> None:
    r = read_phrase("Ủy ban nhân dân cấp huyện, cấp xã", nation(BEFORE))
    assert {t.system for t in r.targets} == {"group"} and len(r.targets) == 2
