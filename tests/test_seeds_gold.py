"""The five bundled texts read as a careful reader reads them (tests/fixtures/seeds-gold.yaml)."""

from __future__ import annotations

import pytest

from conftest import gold, parsed
from danvan_cli.text.normalize import fold_key

SAMPLE_NAMES = [k for k in gold() if k.endswith(".txt")]


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_header_matches_gold(name: str) -> None:
    g = gold()[name]
    doc = parsed(name)
    assert doc.doc_type == g["doc_type"]
    assert doc.number == g["number"]
    assert doc.date == (str(g["date"]) if g.get("date") else None)
    if "place" in g:
        assert doc.place == g["place"]
    assert doc.title == g["title"]
    if "issuer" in g:
        assert (doc.issuer.name if doc.issuer else None) == g["issuer"]
    if "signer" in g:
        if g["signer"] is None:
            assert doc.signer is None
        else:
            assert doc.signer is not None
            assert doc.signer.to_dict() == {k: g["signer"][k] for k in ("name", "authority", "title")}
    if "recipients" in g:
        assert len(doc.recipients) == g["recipients"]


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_references_match_gold_in_order(name: str) -> None:
    g = gold()[name]
    doc = parsed(name)
    got = [
        {"number": r.number, "doc_type": r.doc_type, "date": r.date, "issuer": r.issuer_name, "relation": r.relation}
        for r in doc.references
    ]
    want = [
        {
            "number": r["number"],
            "doc_type": r["doc_type"],
            "date": str(r["date"]) if r.get("date") else None,
            "issuer": r["issuer"],
            "relation": r["relation"],
        }
        for r in g["references"]
    ]
    assert got == want


@pytest.mark.parametrize("name", [n for n in SAMPLE_NAMES if "named_laws" in gold()[n]])
def test_laws_cited_by_name_are_listed_apart(name: str) -> None:
    doc = parsed(name)
    # The gold file writes its lists in YAML flow style, which splits a name holding a comma
    # ("Luật hòa giải, đối thoại tại Tòa án"): compare the joined lists.
    got = fold_key(", ".join(n.name for n in doc.named_laws))
    assert got == fold_key(", ".join(gold()[name]["named_laws"]))
    numbers = {r.number for r in doc.references}
    assert not any(n.name in numbers for n in doc.named_laws)


def test_blank_number_keeps_its_raw_form_and_warns() -> None:
    doc = parsed("004_7bfcb32814c81f86.txt")
    assert doc.number is None
    assert doc.number_raw == "/KH-UBND"
    assert any("blank" in w.message for w in doc.warnings_with("blank-own-number"))


def test_slips_in_cited_dates_are_flagged() -> None:
    doc = parsed("004_7bfcb32814c81f86.txt")
    joined = "\n".join(w.message for w in doc.warnings)
    assert "04/2015/NĐ-CP" in joined and "09/01/2021" in joined
    assert "24-CT/TU" in joined and "07/08/2023" in joined and "14/08/2023" in joined


def test_clean_samples_carry_no_date_warnings() -> None:
    for name in ("000_79d65725ce4f5874.txt", "001_31b30f9d11ead8da.txt", "002_9ac44cf077a342da.txt"):
        assert parsed(name).warnings == []


def test_news_report_has_no_invented_header() -> None:
    doc = parsed("003_c4ff23b0dfae42e9.txt")
    assert doc.doc_type is None and doc.number is None and doc.issuer is None and doc.signer is None
    assert doc.references == []


def test_news_report_has_none_of_the_fields_its_gold_leaves_out() -> None:
    """The gold of the news report lists only what it has; everything else is absent."""
    g, doc = gold()["003_c4ff23b0dfae42e9.txt"], parsed("003_c4ff23b0dfae42e9.txt")
    assert doc.deadlines == [] and g["deadlines"] == []
    absent = {"place": doc.place, "issuer": doc.issuer, "signer": doc.signer, "number_raw": doc.number_raw,
              "year": doc.year, "horizon": doc.horizon}
    assert not set(absent) & set(g)
    assert absent == dict.fromkeys(absent)
    assert (doc.recipients, doc.tasks, doc.named_laws) == ([], [], [])


def test_issuers_without_header_are_marked_inferred() -> None:
    for name in ("000_79d65725ce4f5874.txt", "001_31b30f9d11ead8da.txt", "004_7bfcb32814c81f86.txt"):
        assert parsed(name).issuer.inferred is True


def test_plan_year_and_horizon() -> None:
    assert parsed("001_31b30f9d11ead8da.txt").year == 2022
    assert parsed("002_9ac44cf077a342da.txt").horizon == 2020


def test_every_mention_span_holds_its_number() -> None:
    for name in SAMPLE_NAMES:
        doc = parsed(name)
        for ref in doc.references:
            for m in ref.mentions:
                span = "".join(doc.text[m.start : m.end].split()).upper()
                assert ref.number.upper() in span
                assert doc.text[m.start : m.end].split() == m.text.split()
