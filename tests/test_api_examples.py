"""Every stage verb of the public API (``danvan_cli.STAGES``) shows how it is called by an
example in its docstring, and the example runs: doctest, under the README's test command."""

from __future__ import annotations

import doctest

import pytest

import danvan_cli


def _run_examples(obj: object, name: str, globs: dict[str, object] | None = None) -> tuple[int, int, str]:
    """(examples, failures, doctest's report) of the examples in ``obj``'s own docstring, run
    with nothing imported but what they import themselves (``globs`` aside)."""
    report: list[str] = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    tests = doctest.DocTestFinder(recurse=False).find(obj, name, globs=dict(globs or {}))
    for test in tests:
        runner.run(test, out=report.append)
    return sum(len(t.examples) for t in tests), runner.failures, "".join(report)


@pytest.mark.parametrize("name", danvan_cli.STAGES)
def test_stage_verb_has_an_example_that_runs(name: str) -> None:
    assert name in danvan_cli.__all__
    examples, failures, report = _run_examples(getattr(danvan_cli, name), name)
    assert examples, f"{name}: its docstring shows no example"
    assert failures == 0, report


def test_an_example_whose_output_is_wrong_fails() -> None:
    def shout(word: str) -> str:
        """>>> shout("kế hoạch")
        'KẾ HOẠCH!'
        """
        return word.upper()

    examples, failures, report = _run_examples(shout, "shout", {"shout": shout})
    assert (examples, failures) == (1, 1) and "KẾ HOẠCH!" in report


@pytest.mark.parametrize("package", ["text", "extract", "resolve", "graph"])
def test_each_stage_package_names_what_it_exports(package: str) -> None:
    import importlib

    module = importlib.import_module(f"danvan_cli.{package}")
    assert module.__all__ and all(callable(getattr(module, n)) for n in module.__all__)
