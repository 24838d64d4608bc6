"""The store's codec: a document read back from plain data is the document that was parsed.

This is the test that tells whoever changes ``model.py`` that the store needs to learn a
new kind of field (``CodecError`` names it), or that a field does not survive the trip."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from conftest import SAMPLES, parsed
from danvan_cli import parse_text
from danvan_cli.corpus.codec import CodecError, _codec_for, document_from_dict, document_to_dict, pack, unpack
from danvan_cli.model import Document, Issuer, Task
from support.generate import generate_corpus

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.glob("*.txt"))
PLANS = generate_corpus(provinces=2, districts=2, communes=1, seed=11).documents[:12]


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_a_sample_survives_the_round_trip_through_json(name: str) -> None:
    doc = parsed(name)
    data = json.loads(json.dumps(document_to_dict(doc, include_text=True)))
    assert document_from_dict(data) == doc


@pytest.mark.parametrize("plan", PLANS, ids=[p.filename for p in PLANS])
def test_a_generated_plan_survives_the_round_trip_packed(plan) -> None:  # type: ignore[no-untyped-def]
    doc = parse_text(plan.text, source=plan.filename)
    back = document_from_dict(unpack(pack(document_to_dict(doc, include_text=True))))
    assert back == doc
    assert back.to_dict(include_text=True) == doc.to_dict(include_text=True)


def test_the_text_is_left_out_unless_asked_for() -> None:
    doc = parsed(SAMPLE_NAMES[0])
    assert "text" not in document_to_dict(doc)
    assert document_from_dict(document_to_dict(doc)).text == ""


def test_defaults_are_not_written_and_come_back() -> None:
    doc = Document(source="a.txt", issuer=Issuer("UBND tỉnh Hải Dương"), tasks=[Task("1", "1", None, "x")])
    data = document_to_dict(doc)
    assert data == {"source": "a.txt", "issuer": {"name": "UBND tỉnh Hải Dương"},
                    "tasks": [{"id": "1", "path": "1", "heading": None, "text": "x"}]}
    assert document_from_dict(data) == doc


def test_a_field_of_a_type_the_store_cannot_carry_is_named() -> None:
    @dataclass
    class Odd:
        value: int | str | list[int] = 0
        items: set[str] = field(default_factory=set)

    with pytest.raises(CodecError, match="set"):
        _codec_for(set[str], "Odd.items")
    with pytest.raises(CodecError, match="union"):
        _codec_for(int | list[int], "Odd.value")
