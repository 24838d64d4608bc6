"""A generated corpus for ``danvan track`` whose answer is known.

Why: "who was told, who has acted, how late, what is overdue" can only be tested on a
corpus whose truth is written down. The root is a Prime Minister's directive telling the
provinces and cities (``UBND các tỉnh, thành phố trực thuộc Trung ương``) to issue a plan
before a date and to report every year before 30 November, and telling Bộ Nội vụ to
follow it up. Around it:

- provinces whose plan is on time, provinces whose plan is late, provinces with nothing;
- districts of one acting province carrying out its plan (the intermediate level: they cite
  only the province's plan);
- yearly reports from some acting provinces: one before the date (met), one after (late);
- a Party committee (Tỉnh ủy) carrying the directive out though the directive told only
  State bodies to act (acted without being told);
- Bộ Nội vụ's own plan.

The texts are written as such documents are (header, ``Số:``, date line, type line,
``Thực hiện Chỉ thị số ...``, numbered tasks, ``Nơi nhận``) and go through the real parser.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from support.generate import _cite_date, _date_line, _state_header

from danvan_cli.extract import admin_units as au

ROOT_NUMBER = "45/CT-TTg"
ROOT_DATE = date(2022, 3, 15)
PLAN_DEADLINE = date(2022, 4, 30)
REPORT_DAY = (11, 30)
ROOT_TITLE = "Về tăng cường công tác dân vận của chính quyền các cấp trong tình hình mới"


@dataclass(slots=True)
class UnitTruth:
    """What one province did, as written into the corpus."""

    name: str  # "UBND tỉnh Hải Dương"
    province: au.Unit
    plan: date | None = None
    report: date | None = None
    districts: list[tuple[str, date]] = field(default_factory=list)  # (UBND huyện X, date)

    @property
    def plan_on_time(self) -> bool | None:
        return None if self.plan is None else self.plan <= PLAN_DEADLINE

    @property
    def lag(self) -> int | None:
        return None if self.plan is None else (self.plan - ROOT_DATE).days


@dataclass(slots=True)
class TrackCorpus:
    files: dict[str, str]
    provinces: list[UnitTruth]
    #: issuers of documents nobody told to act
    unasked: list[str]
    ministry_plan: date

    @property
    def acting(self) -> list[UnitTruth]:
        return [u for u in self.provinces if u.plan is not None]

    @property
    def missing(self) -> list[UnitTruth]:
        return [u for u in self.provinces if u.plan is None]

    def write(self, folder: str | Path) -> Path:
        root = Path(folder)
        root.mkdir(parents=True, exist_ok=True)
        for name, text in self.files.items():
            (root / name).write_text(text, encoding="utf-8")
        return root


def root_text() -> str:
    head = _state_header(["THỦ TƯỚNG CHÍNH PHỦ"], ROOT_NUMBER, _date_line("Hà Nội", ROOT_DATE))
    return head + f"""
CHỈ THỊ

{ROOT_TITLE.upper()}

Thời gian qua, công tác dân vận của chính quyền các cấp đã đạt được nhiều kết quả quan trọng.

Để tiếp tục tăng cường công tác này, Thủ tướng Chính phủ yêu cầu:

1. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương xây dựng kế hoạch thực hiện Chỉ thị này trước ngày {PLAN_DEADLINE.day}/{PLAN_DEADLINE.month:02d}/{PLAN_DEADLINE.year}.

2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương báo cáo kết quả thực hiện về Bộ Nội vụ trước ngày {REPORT_DAY[1]}/{REPORT_DAY[0]} hằng năm.

3. Bộ Nội vụ chủ trì, theo dõi, đôn đốc, kiểm tra việc thực hiện Chỉ thị này.

Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Thủ tướng, các Phó Thủ tướng Chính phủ;
- Bộ Nội vụ;
- HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;
- Lưu: VT, TCCV (2).

THỦ TƯỚNG

Phạm Minh Chính
"""


def _cite_root(rng: random.Random) -> str:
    return f"Chỉ thị số {ROOT_NUMBER} ngày {_cite_date(ROOT_DATE, rng)} của Thủ tướng Chính phủ “{ROOT_TITLE}”"


def _signature(rng: random.Random) -> str:
    return "\n".join(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", rng.choice(["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"])])


def province_plan(p: au.Unit, number: int, day: date, rng: random.Random) -> str:
    head = _state_header(["ỦY BAN NHÂN DÂN", p.display.upper()], f"{number}/KH-UBND", _date_line(p.name, day))
    return head + f"""
KẾ HOẠCH

Thực hiện công tác dân vận của chính quyền các cấp năm {day.year} trên địa bàn {p.display}

Thực hiện {_cite_root(rng)}, UBND {p.display} ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU

- Cụ thể hóa các nhiệm vụ, giải pháp để tổ chức thực hiện có hiệu quả công tác dân vận trên địa bàn.

II. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này.

2. UBND các huyện, thị xã, thành phố xây dựng kế hoạch cụ thể để triển khai thực hiện.

Nơi nhận:
- Bộ Nội vụ (b/c);
- Các sở, ban, ngành;
- UBND các huyện, thị xã, thành phố;
- Lưu: VT, NC.

{_signature(rng)}
"""


def district_plan(d: au.Unit, p: au.Unit, number: int, day: date, parent_number: int, parent_day: date,
                  rng: random.Random) -> str:
    head = _state_header(["ỦY BAN NHÂN DÂN", d.display.upper()], f"{number}/KH-UBND", _date_line(d.name, day))
    return head + f"""
KẾ HOẠCH

Thực hiện công tác dân vận năm {day.year} trên địa bàn {d.display}

Thực hiện Kế hoạch số {parent_number}/KH-UBND ngày {_cite_date(parent_day, rng)} của UBND {p.display} về thực hiện công tác dân vận năm {parent_day.year}, UBND {d.kind} xây dựng Kế hoạch thực hiện như sau:

I. TỔ CHỨC THỰC HIỆN

1. Phòng Nội vụ chủ trì, theo dõi, đôn đốc việc thực hiện Kế hoạch này.

2. UBND các xã, thị trấn xây dựng kế hoạch cụ thể để triển khai thực hiện.

Nơi nhận:
- UBND {p.display} (b/c);
- UBND các xã, thị trấn;
- Lưu: VT.

{_signature(rng)}
"""


def province_report(p: au.Unit, number: int, day: date, rng: random.Random) -> str:
    head = _state_header(["ỦY BAN NHÂN DÂN", p.display.upper()], f"{number}/BC-UBND", _date_line(p.name, day))
    return head + f"""
BÁO CÁO

Kết quả thực hiện Chỉ thị số {ROOT_NUMBER} năm {day.year} trên địa bàn {p.display}

Thực hiện {_cite_root(rng)}, UBND {p.display} báo cáo kết quả thực hiện năm {day.year} như sau:

I. KẾT QUẢ THỰC HIỆN

1. Công tác quán triệt, tuyên truyền được triển khai đồng bộ, thường xuyên.

2. Công tác tiếp công dân, giải quyết khiếu nại, tố cáo được quan tâm thực hiện.

Nơi nhận:
- Bộ Nội vụ;
- Lưu: VT.

{_signature(rng)}
"""


def party_plan(p: au.Unit, number: int, day: date, rng: random.Random) -> str:
    committee = ("TỈNH ỦY " if p.kind == "tỉnh" else "THÀNH ỦY ") + p.name.upper()
    head = "\n".join([f"ĐẢNG BỘ {p.display.upper()}", committee, "*", "", "ĐẢNG CỘNG SẢN VIỆT NAM", "",
                      f"Số {number}-KH/TU", "", _date_line(p.name, day), ""])
    return head + f"""
KẾ HOẠCH

Lãnh đạo thực hiện công tác dân vận năm {day.year}

Thực hiện {_cite_root(rng)}, Ban Thường vụ {'Tỉnh ủy' if p.kind == 'tỉnh' else 'Thành ủy'} ban hành Kế hoạch như sau:

I. NHIỆM VỤ

1. Các cấp ủy, tổ chức đảng lãnh đạo thực hiện tốt công tác dân vận.

Nơi nhận:
- Các huyện ủy, thị ủy, thành ủy;
- Lưu: Văn phòng Tỉnh ủy.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Văn Dũng
"""


def ministry_plan(number: int, day: date, rng: random.Random) -> str:
    head = _state_header(["BỘ NỘI VỤ"], f"{number}/KH-BNV", _date_line("Hà Nội", day))
    return head + f"""
KẾ HOẠCH

Triển khai thực hiện Chỉ thị số {ROOT_NUMBER} của Thủ tướng Chính phủ

Thực hiện {_cite_root(rng)}, Bộ Nội vụ ban hành Kế hoạch triển khai như sau:

I. TỔ CHỨC THỰC HIỆN

1. Vụ Chính quyền địa phương chủ trì, theo dõi, đôn đốc việc thực hiện.

Nơi nhận:
- UBND các tỉnh, thành phố trực thuộc Trung ương;
- Lưu: VT, CQĐP.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Nguyễn Duy Thăng
"""


#: Provinces whose names the header reader is known to read back exactly.
_PLAIN_KINDS = ("tỉnh",)


def generate_track_corpus(*, on_time: int = 5, late: int = 2, reports_met: int = 2, reports_late: int = 1,
                          districts: int = 2, seed: int = 7) -> TrackCorpus:
    """The corpus: ``on_time`` + ``late`` acting provinces of the 63 (legacy) ones, the
    first acting province with ``districts`` district plans under its plan, the first
    ``reports_met`` acting provinces reporting on time for 2022 and the next
    ``reports_late`` after 30 November 2022, a Tỉnh ủy acting untold, Bộ Nội vụ's plan."""
    rng = random.Random(seed)
    # Provinces whose district map changed (a district dissolved into new ones) are left
    # out: the data gives the map of 30 June 2025, not of 2022.
    changed = {d.province for p in au.provinces(au.LEGACY) for d in au.subunits(p, au.DISTRICT, dissolved=True) if d.dissolved}
    provinces = [p for p in au.provinces(au.LEGACY)
                 if p.kind in _PLAIN_KINDS and "-" not in p.name and p.name not in changed
                 and len(au.subunits(p, au.DISTRICT)) >= districts]
    rng.shuffle(provinces)
    acting = provinces[: on_time + late]
    files: dict[str, str] = {"0000_chi-thi-45-CT-TTg.txt": root_text()}
    truth = {p.name: UnitTruth(f"UBND {p.display}", p) for p in au.provinces(au.LEGACY)}
    n = 0
    for i, p in enumerate(acting):
        n += 1
        if i < on_time:
            day = ROOT_DATE + timedelta(days=rng.randint(5, (PLAN_DEADLINE - ROOT_DATE).days))
        else:
            day = PLAN_DEADLINE + timedelta(days=rng.randint(3, 60))
        number = rng.randint(10, 150)
        truth[p.name].plan = day
        slug = p.name.replace(" ", "-")
        files[f"{n:04d}_tinh_{slug}.txt"] = province_plan(p, number, day, rng)
        if i == 0:
            for j, d in enumerate(au.subunits(p, au.DISTRICT)[:districts]):
                dday = day + timedelta(days=7 + 3 * j)
                truth[p.name].districts.append((f"UBND {d.display}", dday))
                files[f"{n:04d}_huyen_{j}_{d.name.replace(' ', '-')}.txt"] = district_plan(
                    d, p, rng.randint(1, 90), dday, number, day, rng)
        if i < reports_met:
            rday = date(2022, 11, rng.randint(1, 28))
        elif i < reports_met + reports_late:
            rday = date(2022, 12, rng.randint(2, 20))
        else:
            continue
        truth[p.name].report = rday
        files[f"{n:04d}_baocao_{slug}.txt"] = province_report(p, rng.randint(100, 300), rday, rng)
    untold = provinces[on_time + late]
    files["0900_tinh-uy.txt"] = party_plan(untold, rng.randint(10, 90), ROOT_DATE + timedelta(days=20), rng)
    committee = ("Tỉnh ủy " if untold.kind == "tỉnh" else "Thành ủy ") + untold.name
    mday = ROOT_DATE + timedelta(days=10)
    files["0901_bo-noi-vu.txt"] = ministry_plan(rng.randint(1000, 3000), mday, rng)
    return TrackCorpus(files, list(truth.values()), [committee], mday)
