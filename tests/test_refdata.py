"""The reference data files run their own examples: a wrong code is caught here."""

from __future__ import annotations

import pytest

from danvan_cli.extract.numbers import parse_number
from danvan_cli.refdata import doc_types, load_yaml
from danvan_cli.resolve.references import find_named_laws

TYPE_EXAMPLES = [(t.name, ex) for t in doc_types() for ex in t.examples]
BODY_EXAMPLES = [(code, ex) for code, e in load_yaml("bodies.yaml")["codes"].items() for ex in e.get("examples", [])]
LAW_EXAMPLES = [(e["name"], ex) for e in load_yaml("laws.yaml")["laws"] for ex in e.get("examples", [])]


@pytest.mark.parametrize("name, example", TYPE_EXAMPLES)
def test_type_code_examples_resolve_to_their_type(name: str, example: str) -> None:
    parts = parse_number(example)
    assert parts is not None, example
    assert parts.type_name == name


@pytest.mark.parametrize("code, example", BODY_EXAMPLES)
def test_body_code_examples_carry_their_body(code: str, example: str) -> None:
    parts = parse_number(example)
    assert parts is not None, example
    # QH14, UBTVQH11 carry the term after the code; HĐTP-TANDTC names a council before its court
    assert any(g.upper().startswith(code.upper()) for g in parts.body_codes)


@pytest.mark.parametrize("name, example", LAW_EXAMPLES)
def test_law_examples_are_found_whole(name: str, example: str) -> None:
    laws = find_named_laws(example, example, 0, len(example))
    assert laws and laws[0].name.casefold().startswith(name.casefold())


def test_every_type_has_a_state_or_party_code_or_is_a_named_type() -> None:
    codeless = {t.name for t in doc_types() if not t.state and not t.party}
    assert codeless <= {"Luật", "Hiến pháp", "Sắc lệnh", "Điều lệ"}


def test_calendar_examples_hold() -> None:
    from danvan_cli.refdata import calendar, map_period, party_term

    for ex in calendar()["reorganization"]["examples"]:
        assert map_period(ex["date"]) == ex["period"], ex
    for ex in calendar()["party_congresses"]["examples"]:
        assert party_term(ex["date"], ex["tier"]) == ex["term"], ex


def test_reference_data_reads_the_same_with_the_c_and_the_python_yaml_parser() -> None:
    """``load_yaml`` reads with libyaml when PyYAML has it: every data file must give the very
    data the pure-Python safe loader gives."""
    from importlib import resources

    import yaml

    root = resources.files("danvan_cli.data")
    names = [p.name for p in root.iterdir() if p.name.endswith(".yaml")]
    names += [f"lexicon/{p.name}" for p in root.joinpath("lexicon").iterdir() if p.name.endswith(".yaml")]
    assert len(names) > 10
    for name in names:
        text = root.joinpath(name).read_text(encoding="utf-8")
        assert repr(load_yaml(name)) == repr(yaml.load(text, Loader=yaml.SafeLoader)), name
