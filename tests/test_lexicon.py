"""Every word list in data/lexicon/ runs its own examples: each `match` string holds a
word of the list, no `no_match` string does."""

from __future__ import annotations

from importlib import resources

import pytest

from danvan_cli.refdata import alternation, lexicon, pattern

TOPICS = sorted(
    p.name.removesuffix(".yaml")
    for p in resources.files("danvan_cli.data").joinpath("lexicon").iterdir()
    if p.name.endswith(".yaml")
)
LISTS = [(t, n) for t in TOPICS for n in lexicon(t)]


@pytest.mark.parametrize(("topic", "name"), LISTS, ids=[f"{t}.{n}" for t, n in LISTS])
def test_word_list_finds_its_examples_and_nothing_else(topic: str, name: str) -> None:
    entry = lexicon(topic)[name]
    assert entry.get("about"), f"{topic}.{name}: say why the list exists"
    assert entry["words"], f"{topic}.{name}: no words"
    examples = entry.get("examples") or {}
    assert examples.get("match"), f"{topic}.{name}: give at least one example"
    pat = pattern(topic, name)
    for s in examples.get("match", []):
        assert pat.search(s), f"{topic}.{name}: {s!r} should hold a word of the list"
    for s in examples.get("no_match", []):
        assert not pat.search(s), f"{topic}.{name}: {s!r} should hold no word of the list"


def test_alternation_puts_longer_spellings_first_and_allows_any_blanks() -> None:
    import regex

    pat = regex.compile(alternation(["Ủy ban", "Ủy ban nhân dân"]))
    assert pat.match("Ủy ban  nhân\ndân").group(0).endswith("dân")
