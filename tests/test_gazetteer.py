"""The administrative-unit table is passed in: a user's own gazetteer resolves places the
bundled one does not know, for the duration of one parse only."""

from __future__ import annotations

import json
from pathlib import Path

from danvan_cli import parse_text
from danvan_cli.extract.admin_units import Gazetteer, bundled, current, find_units

# An invented map in the shape of data/admin_units.json: one province, one district, two communes.
INVENTED = {
    "_source": {"license": "test data"},
    "kinds": {"t": "tỉnh", "h": "huyện", "x": "xã", "tt": "thị trấn", "tp": "thành phố", "q": "quận", "p": "phường", "tx": "thị xã", "dk": "đặc khu"},
    "legacy": [{"n": "Sông Mây", "k": "t", "c": "99", "d": [{"n": "Núi Ngọc", "k": "h", "w": {"x": ["Đồi Sim", "Suối Bạc"]}}]}],
    "2025": [{"n": "Sông Mây", "k": "t", "c": "99", "m": ["Sông Mây"], "w": {"x": ["Đồi Sim"]}}],
}
TEXT = ("Chủ tịch Ủy ban nhân dân huyện yêu cầu các xã thực hiện.\nNúi Ngọc, ngày 3 tháng 3 năm 2024\n"
        "CHỈ THỊ\nVề công tác dân vận trên địa bàn huyện Núi Ngọc\nỦy ban nhân dân huyện Núi Ngọc yêu cầu:\n1. Các xã thực hiện.\n")


def test_a_gazetteer_given_to_parse_resolves_places_of_its_own_map(tmp_path: Path) -> None:
    path = tmp_path / "map.json"
    path.write_text(json.dumps(INVENTED, ensure_ascii=False), encoding="utf-8")
    mine = Gazetteer.from_file(path)
    doc = parse_text(TEXT, gazetteer=mine)
    assert doc.issuer is not None and doc.issuer.name == "UBND huyện Núi Ngọc"
    assert doc.issuer.province == "Sông Mây" and doc.issuer.level == "district"


def test_the_gazetteer_is_the_bundled_one_outside_the_parse_it_was_given_to() -> None:
    mine = Gazetteer(INVENTED)
    with mine.use():
        assert [u.name for u in find_units("huyện Núi Ngọc")] == ["Núi Ngọc"]
        assert current() is mine
    assert current() is bundled()
    assert find_units("huyện Núi Ngọc") == []
    assert parse_text(TEXT).issuer is None or parse_text(TEXT).issuer.province != "Sông Mây"


def test_place_answers_remembered_for_one_gazetteer_are_not_given_for_another() -> None:
    from danvan_cli.extract.issuers import canonical_place, is_known_place, province_of, PlaceUnit

    mine = Gazetteer(INVENTED)
    # asked of the bundled map first, then of the invented one, then of the bundled one again
    assert not is_known_place("Núi Ngọc")
    assert canonical_place("NÚI NGỌC") == "Núi Ngọc"  # title case: no unit of that name
    with mine.use():
        assert is_known_place("Núi Ngọc")
        assert province_of(PlaceUnit("huyện", "Núi Ngọc", "district")) == PlaceUnit("tỉnh", "Sông Mây", "province")
        assert not is_known_place("Hải Dương")
    assert not is_known_place("Núi Ngọc")
    assert is_known_place("Hải Dương")
    assert province_of(PlaceUnit("huyện", "Núi Ngọc", "district")) is None
