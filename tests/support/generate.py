"""A generated corpus of plan texts whose true cascade is known.

Why: the real question danvan answers ("which plans, at which levels, carry out
Chỉ thị 33/CT-TTg?") can only be tested on a corpus whose answer is known, and real
corpora of thousands of local plans are not at hand. The texts are written the way
Vietnamese administrative plans are (header, ``Số: 12/KH-UBND``, ``Hải Dương, ngày 05
tháng 3 năm 2022``, ``KẾ HOẠCH``, ``Thực hiện Chỉ thị số ... của Thủ tướng Chính phủ``,
``Nơi nhận:``), with the traps real corpora have:

- every UBND numbers its plans from 1 each year, so the same ``12/KH-UBND`` is issued
  by many provinces and districts, and by the same province in 2022 and in 2023;
- a province issues a plan for 2022 and another for 2023, both carrying out the root,
  and each district cites the one of its year;
- communes cite their district's plan as ``của UBND huyện`` (relative issuer);
- decoy plans carry out another directive (``26/CT-TTg`` of 2016) down the same levels,
  with numbers colliding with the cascade's.

Unit names are real: taken from ``danvan_cli/data/admin_units.json`` when present
(the 63 provinces before 2025, their districts and communes), otherwise from a
small built-in list.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from danvan_cli.model import Document
from danvan_cli.text.normalize import ascii_key

# --------------------------------------------------------------------------- places


@dataclass(frozen=True, slots=True)
class Place:
    """An administrative unit: ``kind`` is its unit word (``tỉnh``, ``huyện``, ``xã`` ...)."""

    name: str
    kind: str

    @property
    def full(self) -> str:
        return f"{self.kind} {self.name}"


@dataclass(slots=True)
class District:
    place: Place
    communes: list[Place]


@dataclass(slots=True)
class Province:
    place: Place
    districts: list[District]


_KINDS = {"t": "tỉnh", "tp": "thành phố", "h": "huyện", "q": "quận", "tx": "thị xã",
          "x": "xã", "p": "phường", "tt": "thị trấn", "dk": "đặc khu"}

# Fallback when the admin-unit data is absent: real provinces, districts, communes.
_FALLBACK: list[tuple[str, str, list[tuple[str, str, list[str]]]]] = [
    ("Hải Dương", "tỉnh", [("Cẩm Giàng", "huyện", ["Cẩm Điền", "Cẩm Vũ", "Cẩm Hưng"]),
                           ("Gia Lộc", "huyện", ["Gia Tân", "Gia Khánh", "Hoàng Diệu"]),
                           ("Kinh Môn", "thị xã", ["Hiệp An", "Thất Hùng", "Lê Ninh"])]),
    ("Hà Nội", "thành phố", [("Ba Đình", "quận", ["Phúc Xá", "Trúc Bạch", "Kim Mã"]),
                             ("Gia Lâm", "huyện", ["Bát Tràng", "Đa Tốn", "Kiêu Kỵ"]),
                             ("Sóc Sơn", "huyện", ["Bắc Sơn", "Minh Trí", "Hồng Kỳ"])]),
    ("Bình Dương", "tỉnh", [("Phú Giáo", "huyện", ["An Bình", "An Linh", "Tân Hiệp"]),
                            ("Dầu Tiếng", "huyện", ["Minh Hòa", "Minh Tân", "Thanh An"]),
                            ("Bắc Tân Uyên", "huyện", ["Tân Định", "Bình Mỹ", "Tân Lập"])]),
    ("Hải Phòng", "thành phố", [("Thủy Nguyên", "huyện", ["Lại Xuân", "Kỳ Sơn", "Lưu Kỳ"]),
                                ("An Lão", "huyện", ["An Thắng", "An Thọ", "Tân Dân"]),
                                ("Kiến An", "quận", ["Bắc Sơn", "Nam Sơn", "Trần Thành Ngọ"])]),
    ("Nghệ An", "tỉnh", [("Diễn Châu", "huyện", ["Diễn Lâm", "Diễn Đoài", "Diễn Trường"]),
                         ("Nam Đàn", "huyện", ["Nam Hưng", "Nam Nghĩa", "Kim Liên"]),
                         ("Thái Hòa", "thị xã", ["Nghĩa Mỹ", "Nghĩa Thuận", "Tây Hiếu"])]),
    ("Đồng Nai", "tỉnh", [("Vĩnh Cửu", "huyện", ["Phú Lý", "Mã Đà", "Hiếu Liêm"]),
                          ("Định Quán", "huyện", ["Thanh Sơn", "Phú Tân", "Phú Vinh"]),
                          ("Long Khánh", "thành phố", ["Xuân Trung", "Xuân Thanh", "Bảo Vinh"])]),
]


def _load_units() -> list[Province]:
    try:
        raw = resources.files("danvan_cli.data").joinpath("admin_units.json").read_text(encoding="utf-8")
        data = json.loads(raw)
        kinds = {**_KINDS, **data.get("kinds", {})}
        out = []
        for p in data["legacy"]:
            districts = []
            for d in p.get("d", []):
                communes = [Place(n, kinds[k]) for k, names in (d.get("w") or {}).items() for n in names]
                if communes:
                    districts.append(District(Place(d["n"], kinds[d["k"]]), communes))
            if districts:
                out.append(Province(Place(p["n"], kinds[p["k"]]), districts))
        if len(out) >= 40:
            return out
    except (OSError, ValueError, KeyError, TypeError, ModuleNotFoundError):
        pass
    return [
        Province(Place(n, k), [District(Place(dn, dk), [Place(c, "xã") for c in cs]) for dn, dk, cs in ds])
        for n, k, ds in _FALLBACK
    ]


# Syllables of invented place names: real archives name units the bundled data does not
# know (units set up after it, names typed wrong), and a cascade must hold through them.
_FIRST = ["Long", "Tân", "Phú", "Bình", "Hòa", "An", "Thạnh", "Vĩnh", "Mỹ", "Đức", "Quang", "Hưng", "Xuân",
          "Minh", "Thuận", "Lạc", "Gia", "Kim"]
_SECOND = ["Khê", "Sơn", "Điền", "Thịnh", "Phong", "Lâm", "Giang", "Trung", "Nguyên", "Lợi", "Hà", "Châu",
           "Hội", "Vân", "Đông", "Tây"]


def _invented_units(count: int, rng: random.Random) -> list[Province]:
    """``count`` provinces of made-up names none of which the admin-unit data knows, each
    with four districts (huyện, thị xã, quận) of three communes: the shape of a real map
    with names a gazetteer cannot resolve (``UBND huyện Long Minh``)."""
    from danvan_cli.extract import admin_units as au

    used: set[str] = set()

    def fresh() -> str:
        while True:
            name = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)}"
            if rng.random() < 0.25:
                name += " " + rng.choice(["Thượng", "Hạ", "Nam", "Bắc"])
            if name not in used and not au.find_units(name):
                used.add(name)
                return name

    out = []
    for _ in range(count):
        districts = [
            District(Place(fresh(), rng.choice(["huyện", "huyện", "thị xã", "quận"])),
                     [Place(fresh(), rng.choice(["xã", "xã", "phường", "thị trấn"])) for _ in range(3)])
            for _ in range(4)
        ]
        out.append(Province(Place(fresh(), rng.choice(["tỉnh", "tỉnh", "thành phố"])), districts))
    return out


# --------------------------------------------------------------------------- records


@dataclass(slots=True)
class GeneratedDocument:
    """One generated text and the truth about it."""

    filename: str
    text: str
    doc_type: str
    number: str
    date: str
    issuer: str
    level: str  # central | province | district | commune
    place: str
    province: str | None
    parent: str | None  # filename of the document it carries out
    in_cascade: bool
    #: the issuer of the parent as the citation writes it (``UBND huyện`` when relative)
    cited_issuer: str | None = None


@dataclass(slots=True)
class GeneratedCorpus:
    documents: list[GeneratedDocument]
    root: GeneratedDocument
    decoy_root: GeneratedDocument | None = None
    by_file: dict[str, GeneratedDocument] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_file = {d.filename: d for d in self.documents}

    def cascade(self) -> set[str]:
        """Files of the documents that carry out the root, transitively, and the root itself."""
        return {d.filename for d in self.documents if d.in_cascade}

    def cascade_edges(self) -> set[tuple[str, str]]:
        """(plan file, file of the document it carries out), inside the cascade."""
        return {(d.filename, d.parent) for d in self.documents if d.in_cascade and d.parent}

    def write(self, folder: str | Path) -> list[Path]:
        """Write every text as UTF-8 into ``folder`` (created); returns the paths."""
        root = Path(folder)
        root.mkdir(parents=True, exist_ok=True)
        paths = []
        for d in self.documents:
            p = root / d.filename
            p.write_text(d.text, encoding="utf-8")
            paths.append(p)
        return paths


# --------------------------------------------------------------------------- text pieces

_TASKS = [
    ("Tổ chức quán triệt, tuyên truyền",
     "Tổ chức quán triệt, tuyên truyền sâu rộng nội dung {target} đến cán bộ, công chức, viên chức và Nhân dân "
     "trên địa bàn; gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh."),
    ("Nâng cao đạo đức công vụ",
     "Nâng cao đạo đức công vụ, tinh thần trách nhiệm, ý thức phục vụ Nhân dân của cán bộ, công chức, viên chức; "
     "xây dựng phong cách “Trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân”."),
    ("Đẩy mạnh cải cách hành chính",
     "Đẩy mạnh cải cách hành chính, trọng tâm là cải cách thủ tục hành chính, xây dựng chính quyền điện tử, "
     "chính quyền số; công khai, minh bạch các thủ tục hành chính tại bộ phận một cửa."),
    ("Thực hiện tốt công tác tiếp công dân",
     "Thực hiện tốt công tác tiếp công dân, đối thoại, giải quyết khiếu nại, tố cáo ngay từ cơ sở; "
     "tập trung giải quyết dứt điểm các vụ việc phức tạp, tồn đọng, kéo dài."),
    ("Phát huy quyền làm chủ của Nhân dân",
     "Thực hiện tốt dân chủ ở cơ sở theo phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, "
     "dân thụ hưởng”; phối hợp chặt chẽ với Mặt trận Tổ quốc và các tổ chức chính trị - xã hội."),
    ("Đẩy mạnh phong trào thi đua “Dân vận khéo”",
     "Đẩy mạnh phong trào thi đua “Dân vận khéo” gắn với các phong trào thi đua yêu nước; kịp thời biểu dương, "
     "khen thưởng các tập thể, cá nhân điển hình."),
]

_SIGNERS = ["Nguyễn Văn Hùng", "Trần Thị Lan", "Lê Minh Tuấn", "Phạm Quốc Bảo", "Hoàng Thị Mai", "Vũ Đức Thắng",
            "Đỗ Thanh Hải", "Bùi Văn Nam", "Ngô Thị Hằng", "Đặng Quang Vinh", "Phan Văn Long", "Trịnh Thị Thu"]


def _date_line(place: str, d: date) -> str:
    """``Hải Dương, ngày 05 tháng 3 năm 2022``: leading zero for days under 10 and months 1–2."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"{place}, ngày {d.day:02d} tháng {month} năm {d.year}"


def _cite_date(d: date, rng: random.Random) -> str:
    """As texts cite dates: ``26/11/2021``, ``05/3/2022`` or ``5/3/2022``."""
    day = f"{d.day:02d}" if rng.random() < 0.7 else str(d.day)
    month = f"{d.month:02d}" if d.month < 10 and rng.random() < 0.3 else str(d.month)
    return f"{day}/{month}/{d.year}"


def _upper_unit(p: Place) -> str:
    return p.full.upper()


def _state_header(body_lines: list[str], number: str, place_line: str) -> str:
    return "\n".join(
        body_lines
        + [
            "-------",
            "",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "---------------",
            "",
            f"Số: {number}",
            "",
            place_line,
            "",
        ]
    )


# --------------------------------------------------------------------------- generator


@dataclass(slots=True)
class _Numbers:
    """Numbers per issuer and year, as bodies give them: each issuer restarts every year;
    (number, date) pairs stay unique corpus-wide so a citation's date can single a plan out."""

    rng: random.Random
    used: set[tuple[str, int, int]] = field(default_factory=set)
    pairs: set[tuple[str, date]] = field(default_factory=set)

    def take(self, issuer: str, d: date, top: int, prefer: int | None = None) -> int:
        candidates = ([prefer] if prefer else []) + [self.rng.randint(1, top) for _ in range(200)]
        for n in candidates:
            if (issuer, d.year, n) not in self.used and (f"{n}/KH", d) not in self.pairs:
                self.used.add((issuer, d.year, n))
                self.pairs.add((f"{n}/KH", d))
                return n
        raise RuntimeError("number space exhausted")  # pragma: no cover


def _fmt_serial(n: int, rng: random.Random) -> str:
    return f"{n:02d}" if n < 10 else str(n)


def generate_corpus(
    *,
    provinces: int = 45,
    districts: int = 3,
    communes: int = 2,
    seed: int = 0,
    decoys: bool = True,
    second_year: bool = True,
    number_space: int = 1,
    years: int | None = None,
    invented: bool = False,
) -> GeneratedCorpus:
    """A central directive (Chỉ thị 33/CT-TTg of 26/11/2021), plans of ``provinces``
    provinces carrying it out (2022, and 2023 when ``second_year``), ``districts`` district
    plans under each province plan and ``communes`` commune plans under each district plan;
    with ``decoys``, the same units also carry out Chỉ thị 26/CT-TTg of 2016 with
    colliding numbers. Deterministic for a given ``seed``. ``number_space`` multiplies the
    range of serial numbers each issuer uses in a year (large corpora need more numbers:
    a busy UBND issues hundreds of plans a year). ``years`` (default 2, or 1 without
    ``second_year``) is how many yearly campaigns, from 2022 on, carry the root out. With
    ``invented``, every province, district and commune has a made-up name the admin-unit
    data does not know, so nothing can be resolved from the gazetteer."""
    rng = random.Random(seed)
    units = _invented_units(provinces, random.Random(seed + 1)) if invented else _load_units()
    rng.shuffle(units)
    chosen = units[:provinces]
    numbers = _Numbers(rng)
    docs: list[GeneratedDocument] = []

    root = GeneratedDocument(
        filename="0000_chi-thi-33-CT-TTg.txt",
        text=_central_text("33/CT-TTg", date(2021, 11, 26), _ROOT_TITLE),
        doc_type="Chỉ thị",
        number="33/CT-TTg",
        date="2021-11-26",
        issuer="Thủ tướng Chính phủ",
        level="central",
        place="Hà Nội",
        province=None,
        parent=None,
        in_cascade=True,
    )
    docs.append(root)
    decoy_root = None
    if decoys:
        decoy_root = GeneratedDocument(
            filename="0001_chi-thi-26-CT-TTg.txt",
            text=_central_text("26/CT-TTg", date(2016, 9, 5), _DECOY_TITLE),
            doc_type="Chỉ thị",
            number="26/CT-TTg",
            date="2016-09-05",
            issuer="Thủ tướng Chính phủ",
            level="central",
            place="Hà Nội",
            province=None,
            parent=None,
            in_cascade=False,
        )
        docs.append(decoy_root)

    counter = [2]

    def fname(level: str, place: Place, year: int) -> str:
        counter[0] += 1
        slug = "-".join(ascii_key(place.name).split())
        return f"{counter[0]:04d}_{level}_{slug}_{year}.txt"

    campaigns: list[tuple[GeneratedDocument, date, bool, str]] = [(root, date(2022, 1, 10), True, "2022")]
    if second_year:
        campaigns.append((root, date(2023, 1, 9), True, "2023"))
    for extra in range(2024, 2022 + (years or 0)):
        campaigns.append((root, date(extra, 1, 8), True, str(extra)))
    if decoy_root is not None:
        campaigns.append((decoy_root, date(2016, 10, 3), False, "2017"))

    for prov in chosen:
        prov_issuer = f"UBND {prov.place.full}"
        prev_number: int | None = None
        dists = rng.sample(prov.districts, min(districts, len(prov.districts)))
        for parent_doc, start, cascade, year_label in campaigns:
            d = start + timedelta(days=rng.randint(0, 80))
            # The same province often reuses last year's number: the year must tell them apart.
            n = numbers.take(prov_issuer, d, 120 * number_space, prefer=prev_number if rng.random() < 0.4 else None)
            prev_number = n
            number = f"{_fmt_serial(n, rng)}/KH-UBND"
            p_doc = GeneratedDocument(
                filename=fname("tinh", prov.place, d.year),
                text="",
                doc_type="Kế hoạch",
                number=number,
                date=d.isoformat(),
                issuer=prov_issuer,
                level="province",
                place=prov.place.name,
                province=prov.place.name,
                parent=parent_doc.filename,
                in_cascade=cascade,
            )
            p_doc.text = _plan_text(p_doc, prov.place, None, parent_doc, prov.place, year_label, rng, cite_full=True)
            docs.append(p_doc)
            for dist in dists:
                dd = d + timedelta(days=rng.randint(5, 60))
                d_issuer = f"UBND {dist.place.full}"
                dn = numbers.take(d_issuer, dd, 200 * number_space, prefer=n if rng.random() < 0.15 else None)
                d_doc = GeneratedDocument(
                    filename=fname("huyen", dist.place, dd.year),
                    text="",
                    doc_type="Kế hoạch",
                    number=f"{_fmt_serial(dn, rng)}/KH-UBND",
                    date=dd.isoformat(),
                    issuer=d_issuer,
                    level="district",
                    place=dist.place.name,
                    province=prov.place.name,
                    parent=p_doc.filename,
                    in_cascade=cascade,
                )
                d_doc.text = _plan_text(d_doc, dist.place, prov.place, p_doc, prov.place, year_label, rng,
                                        cite_full=rng.random() < 0.7 or prov.place.kind != "tỉnh")
                docs.append(d_doc)
                for com in rng.sample(dist.communes, min(communes, len(dist.communes))):
                    cd = dd + timedelta(days=rng.randint(3, 40))
                    c_issuer = f"UBND {com.full} ({dist.place.name})"
                    cn = numbers.take(c_issuer, cd, 60 * number_space, prefer=dn if rng.random() < 0.15 else None)
                    c_doc = GeneratedDocument(
                        filename=fname("xa", com, cd.year),
                        text="",
                        doc_type="Kế hoạch",
                        number=f"{_fmt_serial(cn, rng)}/KH-UBND",
                        date=cd.isoformat(),
                        issuer=f"UBND {com.full}",
                        level="commune",
                        place=com.name,
                        province=prov.place.name,
                        parent=d_doc.filename,
                        in_cascade=cascade,
                    )
                    relative = dist.place.kind in ("huyện", "quận", "thị xã")
                    c_doc.text = _plan_text(c_doc, com, dist.place, d_doc, prov.place, year_label, rng,
                                            cite_full=not relative)
                    docs.append(c_doc)
    return GeneratedCorpus(documents=docs, root=root, decoy_root=decoy_root)


_ROOT_TITLE = ("Về tiếp tục tăng cường và đổi mới công tác dân vận của cơ quan nhà nước "
               "và chính quyền các cấp trong tình hình mới")
_DECOY_TITLE = "Về tăng cường kỷ luật, kỷ cương trong các cơ quan hành chính nhà nước các cấp"


def _central_text(number: str, d: date, title: str) -> str:
    head = _state_header(["THỦ TƯỚNG CHÍNH PHỦ"], number, _date_line("Hà Nội", d))
    body = f"""CHỈ THỊ

{title.upper()}

Thời gian qua, công tác dân vận của cơ quan nhà nước và chính quyền các cấp đã đạt được nhiều kết quả quan trọng, góp phần củng cố mối quan hệ mật thiết giữa Nhân dân với Đảng, Nhà nước. Tuy nhiên, vẫn còn những hạn chế cần khắc phục.

Để tiếp tục tăng cường và đổi mới công tác này, Thủ tướng Chính phủ yêu cầu:

1. Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương quán triệt sâu sắc quan điểm của Đảng về công tác dân vận.

2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương xây dựng kế hoạch thực hiện Chỉ thị này, chỉ đạo Ủy ban nhân dân cấp huyện, cấp xã triển khai thực hiện phù hợp với tình hình thực tế của địa phương.

3. Bộ Nội vụ chủ trì, theo dõi, đôn đốc, kiểm tra việc thực hiện Chỉ thị này; định kỳ hằng năm tổng hợp, báo cáo Thủ tướng Chính phủ.

Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Thủ tướng, các Phó Thủ tướng Chính phủ;
- Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ;
- HĐND, UBND các tỉnh, thành phố trực thuộc trung ương;
- Lưu: VT, TCCV (2).

THỦ TƯỚNG

Phạm Minh Chính
"""
    return head + "\n" + body


def _plan_text(
    doc: GeneratedDocument,
    own: Place,
    parent_unit: Place | None,
    target: GeneratedDocument,
    prov: Place,
    year_label: str,
    rng: random.Random,
    *,
    cite_full: bool,
) -> str:
    """A plan in the house style: header, number, place and date, ``KẾ HOẠCH``, the
    ``Thực hiện ...`` opening naming what it carries out, numbered tasks, ``Nơi nhận``."""
    d = date.fromisoformat(doc.date)
    if doc.level == "province":
        header = ["ỦY BAN NHÂN DÂN", _upper_unit(own)]
        own_body = f"UBND {own.full}"
    elif doc.level == "district":
        header = ["ỦY BAN NHÂN DÂN", _upper_unit(own)]
        own_body = f"UBND {own.full}"
    else:
        assert parent_unit is not None
        # A numbered ward (Phường 12) is named in many districts: its header always
        # carries the district above it, as such wards' papers do.
        with_parent = rng.random() < 0.5 or own.name.isdigit()
        header = ([f"UBND {_upper_unit(parent_unit)}"] if with_parent else []) + [f"UBND {_upper_unit(own)}"]
        own_body = f"UBND {own.kind}"
    # What it carries out, cited as texts cite it.
    tdate = _cite_date(date.fromisoformat(target.date), rng)
    if target.level == "central":
        cited = f"Chỉ thị số {target.number} ngày {tdate} của Thủ tướng Chính phủ “{_title_of(target)}”"
        doc.cited_issuer = "Thủ tướng Chính phủ"
        subject = "công tác dân vận" if target.in_cascade else "kỷ luật, kỷ cương hành chính"
    else:
        if cite_full:
            by = f"UBND {parent_unit.full}" if parent_unit else target.issuer
            if target.level == "province":
                by = f"UBND {prov.full}"
        else:
            by = f"UBND {parent_unit.kind}" if parent_unit else "UBND tỉnh"
        cited = f"Kế hoạch số {target.number} ngày {tdate} của {by}"
        doc.cited_issuer = by
        subject = "công tác dân vận" if doc.in_cascade else "kỷ luật, kỷ cương hành chính"
    area = own.full
    title = (f"Triển khai thực hiện {subject} của cơ quan hành chính nhà nước, chính quyền các cấp "
             f"năm {year_label} trên địa bàn {area}")
    head = _state_header(header, doc.number, _date_line(own.name, d))
    tasks = rng.sample(_TASKS, 4)
    target_short = (f"Chỉ thị số {target.number}" if target.level == "central" else f"Kế hoạch số {target.number}")
    lines = [
        "KẾ HOẠCH",
        "",
        title,
        "",
        f"Thực hiện {cited}, {own_body} xây dựng Kế hoạch triển khai thực hiện trên địa bàn {area} "
        f"năm {year_label}, cụ thể như sau:",
        "",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "",
        f"- Cụ thể hóa các nhiệm vụ, giải pháp để tổ chức thực hiện có hiệu quả {subject} trên địa bàn {area}.",
        "",
        "- Xác định rõ trách nhiệm của các cơ quan, đơn vị; bảo đảm thiết thực, hiệu quả, phù hợp với tình hình thực tế.",
        "",
        "II. NHIỆM VỤ TRỌNG TÂM",
        "",
    ]
    for i, (heading, text) in enumerate(tasks, 1):
        lines += [f"{i}. {heading}", "", text.format(target=target_short), ""]
    if doc.level == "province":
        lower = "UBND các huyện, thị xã, thành phố"
        report_to = "UBND tỉnh (qua Sở Nội vụ)" if own.kind == "tỉnh" else "UBND thành phố (qua Sở Nội vụ)"
        recipients = ["Bộ Nội vụ (b/c);", "Thường trực Tỉnh ủy;" if own.kind == "tỉnh" else "Thường trực Thành ủy;",
                      "Chủ tịch, các PCT UBND;", "Các sở, ban, ngành;", f"{lower};", "Lưu: VT, NC."]
    elif doc.level == "district":
        lower = "UBND các xã, thị trấn" if own.kind == "huyện" else "UBND các phường, xã"
        report_to = f"UBND {own.kind} (qua Phòng Nội vụ)"
        recipients = [f"UBND {prov.full} (b/c);", "Sở Nội vụ;", f"Thường trực {own.kind.capitalize()} ủy;",
                      "Các phòng, ban chuyên môn;", f"{lower};", "Lưu: VT."]
    else:
        lower = "các thôn, khu dân cư"
        report_to = f"UBND {own.kind}"
        recipients = [f"UBND {parent_unit.full} (b/c);" if parent_unit else "UBND huyện (b/c);",
                      f"Phòng Nội vụ {parent_unit.full};" if parent_unit else "Phòng Nội vụ;",
                      "Đảng ủy, HĐND, UBMTTQ;", f"Trưởng {lower};", "Lưu: VP."]
    deadline = date(d.year, 12, rng.choice([5, 10, 15]))
    lines += [
        "III. TỔ CHỨC THỰC HIỆN",
        "",
        f"1. Các cơ quan, đơn vị và {lower} căn cứ Kế hoạch này xây dựng kế hoạch cụ thể để triển khai thực hiện.",
        "",
        f"2. Định kỳ báo cáo kết quả thực hiện về {report_to} trước ngày {_cite_date(deadline, rng)}.",
        "",
        "Nơi nhận:",
        *[f"- {r}" for r in recipients],
        "",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "",
        rng.choice(_SIGNERS),
        "",
    ]
    return head + "\n" + "\n".join(lines)


def _title_of(doc: GeneratedDocument) -> str:
    return _ROOT_TITLE if doc.number == "33/CT-TTg" else _DECOY_TITLE


def as_documents(corpus: GeneratedCorpus) -> list[Document]:
    """The documents as a careful parser would read them, built from the truth.

    Citations written with a relative issuer (``của UBND huyện``) are left unresolved
    (no place), as a parser without the commune's district would leave them: the graph
    must still tie them by number, date and the citing document's province. Lets the
    graph be tested and benchmarked apart from the parser."""
    from danvan_cli.model import Issuer, Mention, Reference

    out = []
    for g in corpus.documents:
        doc = Document(
            source=g.filename,
            doc_type=g.doc_type,
            number=g.number,
            date=g.date,
            place=g.place,
            issuer=Issuer(g.issuer, g.level, place=None if g.level == "central" else g.place, province=g.province),
        )
        if g.parent:
            p = corpus.by_file[g.parent]
            relative = g.cited_issuer is not None and g.cited_issuer.split()[-1] in ("huyện", "quận", "xã", "tỉnh")
            ref = Reference(
                number=p.number,
                doc_type=p.doc_type,
                date=p.date,
                issuer=Issuer(
                    g.cited_issuer or p.issuer,
                    None if relative else p.level,
                    place=None if relative or p.level == "central" else p.place,
                    province=None if relative else p.province,
                ),
                relation="implements",
            )
            sentence = f"Thực hiện {p.doc_type} số {p.number} ngày {p.date} của {ref.issuer_name}"
            ref.mentions.append(Mention(0, len(sentence), sentence, sentence, "implements", p.date))
            doc.references.append(ref)
        out.append(doc)
    return out
