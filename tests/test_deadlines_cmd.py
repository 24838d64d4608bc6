"""``danvan deadlines`` over the samples: the --year 2025 list of seeds-gold, filters, formats,
and bad input (one clear line naming the file, the rest still done, non-zero exit)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import yaml
from click.testing import CliRunner
from icalendar import Calendar

from danvan_cli.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLD = yaml.safe_load((Path(__file__).resolve().parent / "fixtures" / "seeds-gold.yaml").read_text(encoding="utf-8"))["corpus"]["deadlines_2025"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["deadlines", *args])
    return result.exit_code, result.stdout, result.stderr


def rows(*args: str) -> list[dict]:
    code, out, err = run(*args, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def _key(o: dict) -> tuple[str, bool, str]:
    return (o["date"], o["approximate"], Path(o["source"]).name)


def test_year_2025_is_exactly_the_gold_list() -> None:
    got = [_key(o) for o in rows(str(SAMPLES), "--year", "2025")]
    expected = [(str(g["date"]), g.get("approximate", False), g["source"]) for g in GOLD if "note" not in g]
    assert got == expected


def test_include_expired_adds_the_directive_past_its_horizon() -> None:
    got = rows(str(SAMPLES), "--year", "2025", "--include-expired")
    assert [_key(o) for o in got] == [(str(g["date"]), g.get("approximate", False), g["source"]) for g in GOLD]
    expired = [o for o in got if o["expired"]]
    assert [(o["date"], Path(o["source"]).name) for o in expired] == [("2025-10-15", "002_9ac44cf077a342da.txt")]


def test_json_keys_follow_the_contract() -> None:
    o = rows(str(SAMPLES), "--year", "2025")[-2]
    for key in ("date", "approximate", "text", "action", "assignees", "source", "document", "rrule"):
        assert key in o
    assert set(o["document"]) >= {"number", "doc_type", "issuer", "title"}
    assert o["text"] == "trước ngày 30/11 hàng năm"
    assert o["rrule"] == "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=30"
    assert o["document"]["doc_type"] == "Chỉ thị"


def test_month_and_explicit_window() -> None:
    assert [o["date"] for o in rows(str(SAMPLES), "--year", "2025", "--month", "11")] == ["2025-11-25", "2025-11-30"]
    assert [o["date"] for o in rows(str(SAMPLES), "--from", "2025-06-01", "--to", "2025-09-30")] == ["2025-06-15", "2025-09-15"]
    assert [o["date"] for o in rows(str(SAMPLES), "--year", "2022")][-2:] == ["2022-12-10", "2022-12-10"]


def test_assignee_filter() -> None:
    got = rows(str(SAMPLES), "--year", "2025", "--assignee", "thu truong cac co quan")
    assert [o["date"] for o in got] == ["2025-11-30"]


def test_files_and_folders_mix() -> None:
    got = rows(str(SAMPLES / "004_7bfcb32814c81f86.txt"), str(SAMPLES / "000_79d65725ce4f5874.txt"), "--year", "2025")
    assert len(got) == 6


def test_ics_is_a_calendar(tmp_path: Path) -> None:
    out = tmp_path / "hạn.ics"
    code, _, err = run(str(SAMPLES), "--year", "2025", "--format", "ics", "-o", str(out))
    assert code == 0, err
    cal = Calendar.from_ical(out.read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == 3  # 004 quarterly rule, 004 one-off, 000 yearly rule
    starts = sorted(e.decoded("DTSTART") for e in events)
    assert starts == [date(2025, 3, 15), date(2025, 11, 25), date(2025, 11, 30)]


def test_csv_and_table() -> None:
    code, out, _ = run(str(SAMPLES), "--year", "2025", "--format", "csv")
    assert code == 0
    assert [r["date"] for r in csv.DictReader(io.StringIO(out))][:1] == ["2025-03-15"]
    code, out, _ = run(str(SAMPLES), "--year", "2025")
    assert code == 0 and "Month 11/2025" in out and "Các đơn vị" in out


def test_bad_input_is_reported_and_the_rest_done(tmp_path: Path) -> None:
    binary = tmp_path / "broken.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 100)
    missing = tmp_path / "missing.txt"
    code, out, err = run(str(binary), str(missing), str(SAMPLES / "000_79d65725ce4f5874.txt"), "--year", "2025",
                         "--format", "json")
    assert code != 0
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 2
    assert any("broken.txt" in x for x in lines) and any("missing.txt" in x for x in lines)
    assert [o["date"] for o in json.loads(out)] == ["2025-11-30"]


def test_usage_errors() -> None:
    code, _, err = run(str(SAMPLES))
    assert code == 2 and "--year" in err
    code, _, err = run(str(SAMPLES), "--year", "2025", "--month", "3", "--from", "2025-01-01")
    assert code == 2
    code, _, err = run(str(SAMPLES), "--from", "2025-13-01")
    assert code == 2 and "--from" in err


# --- horizons: only a stated one bounds recurrences (review of issue 3) ---------------------------------


def test_dated_directive_without_a_horizon_is_due_in_later_years(tmp_path: Path) -> None:
    text = (SAMPLES / "000_79d65725ce4f5874.txt").read_text(encoding="utf-8")
    at = text.index("CHỈ THỊ")
    dated = tmp_path / "05_CT-UBND.txt"
    dated.write_text(text[:at] + "Số: 05/CT-UBND\nHải Phòng, ngày 10 tháng 3 năm 2022\n" + text[at:], encoding="utf-8")
    got = rows(str(dated), "--year", "2025")
    assert [o["date"] for o in got] == ["2025-11-30"]
    assert got[0]["until"] is None and got[0]["document"]["number"] == "05/CT-UBND"


STATE_PLAN = """ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NAM                           Độc lập - Tự do - Hạnh phúc

Số: 1234/KH-UBND                    Tam Kỳ, ngày 03 tháng 3 năm 2023

KẾ HOẠCH
Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ
về tiếp tục tăng cường và đổi mới công tác dân vận

II. NHIỆM VỤ, GIẢI PHÁP
3. Các sở, ngành gửi báo cáo trước ngày 15/6 hằng năm.

III. TỔ CHỨC THỰC HIỆN
2. UBND các huyện, thị xã, thành phố
Xây dựng kế hoạch triển khai; báo cáo định kỳ 6 tháng về Sở Nội vụ.
"""

PARTY = """ĐẢNG BỘ TỈNH NGHỆ AN                          ĐẢNG CỘNG SẢN VIỆT NAM
HUYỆN ỦY NAM ĐÀN
*
Số 15-CT/HU                                   Nam Đàn, ngày 12 tháng 9 năm 2022

CHỈ THỊ
của Ban Thường vụ Huyện ủy
về tăng cường sự lãnh đạo của Đảng đối với công tác dân vận

Ban Thường vụ Huyện ủy yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt các nội dung sau:

1. Quán triệt sâu sắc Nghị quyết số 25-NQ/TW ngày 03-6-2013 của Ban Chấp hành Trung ương Đảng (khóa XI).
2. Ban Dân vận Huyện ủy chủ trì, phối hợp với Văn phòng Huyện ủy theo dõi, định kỳ hằng quý báo cáo Ban Thường vụ Huyện ủy.

Chỉ thị này được phổ biến đến chi bộ.
"""


def test_yearly_and_quarterly_deadlines_of_dated_documents_run_on(tmp_path: Path) -> None:
    (tmp_path / "kh.txt").write_text(STATE_PLAN, encoding="utf-8")
    (tmp_path / "ct.txt").write_text(PARTY, encoding="utf-8")
    got = [(o["date"], Path(o["source"]).name, o["action"]) for o in rows(str(tmp_path), "--year", "2024")]
    assert got == [
        ("2024-03-31", "ct.txt", "báo cáo Ban Thường vụ Huyện ủy"),
        ("2024-06-15", "kh.txt", "gửi báo cáo"),
        ("2024-06-30", "ct.txt", "báo cáo Ban Thường vụ Huyện ủy"),
        ("2024-06-30", "kh.txt", "báo cáo về Sở Nội vụ"),
        ("2024-09-30", "ct.txt", "báo cáo Ban Thường vụ Huyện ủy"),
        ("2024-12-31", "ct.txt", "báo cáo Ban Thường vụ Huyện ủy"),
        ("2024-12-31", "kh.txt", "báo cáo về Sở Nội vụ"),
    ]


def test_a_plan_for_one_year_stops_at_its_year(tmp_path: Path) -> None:
    plan = STATE_PLAN.replace("về tiếp tục tăng cường và đổi mới công tác dân vận",
                              "về công tác dân vận năm 2023")
    (tmp_path / "kh.txt").write_text(plan, encoding="utf-8")
    assert rows(str(tmp_path), "--year", "2024") == []
    assert len(rows(str(tmp_path), "--year", "2024", "--include-expired")) == 3
