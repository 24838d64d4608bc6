"""Answers about one line remembered across lines (``text/memo.py``): same answers, asked once."""

from __future__ import annotations

from danvan_cli.text import layout
from danvan_cli.text.memo import MAX_REMEMBERED_LENGTH, by_line


def test_a_short_line_is_answered_once_and_the_same_each_time() -> None:
    asked: list[str] = []

    def shout(s: str) -> str:
        asked.append(s)
        return s.upper()

    remembered = by_line(shout)
    assert [remembered("chủ tịch") for _ in range(3)] == ["CHỦ TỊCH"] * 3
    assert asked == ["chủ tịch"]


def test_a_long_line_is_answered_afresh_each_time() -> None:
    asked: list[str] = []
    remembered = by_line(lambda s: asked.append(s) or len(s))
    long = "x" * (MAX_REMEMBERED_LENGTH + 1)
    assert remembered(long) == remembered(long) == len(long)
    assert len(asked) == 2


def test_the_layout_line_questions_remembered_answer_as_asked_afresh() -> None:
    lines = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Phan Văn Long", "NGUYỄN VĂN AN",
             "Hiệu trưởng", "(Đã ký)", "Ký bởi: Sở Nội vụ", "KẾ HOẠCH", "Nơi nhận:", "- Lưu: VT.", ""]
    questions = [layout.authority_mark, layout.is_title_line, layout.is_plain_title_line, layout.is_name_line,
                 layout.is_person_line, layout.strip_honorific, layout.caps_name_shape, layout.seal_line,
                 layout.stamp_label, layout.caps_type_line]
    for ask in questions:
        for t in lines:
            fresh = ask.__wrapped__(t)  # type: ignore[attr-defined]
            for _ in range(2):
                got = ask(t)
                if ask is layout.authority_mark:
                    assert (got is None) == (fresh is None) and (got is None or got.span() == fresh.span())
                else:
                    assert got == fresh, (ask.__name__, t)
