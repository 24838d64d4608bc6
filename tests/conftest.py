"""Shared fixtures: the bundled samples and the gold reading of them."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOLD = Path(__file__).resolve().parent / "fixtures" / "seeds-gold.yaml"


@cache
def gold() -> dict[str, Any]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@cache
def parsed(name: str):
    from danvan_cli import parse_file

    return parse_file(SAMPLES / name)


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(autouse=True, scope="session")
def _private_store(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Commands run by the tests keep their store in a temporary folder, never in the
    user's cache (danvan's default store location)."""
    import os

    os.environ["DANVAN_STORE"] = str(tmp_path_factory.mktemp("store") / "store.sqlite")


@pytest.fixture(autouse=True, scope="session")
def _english_interface() -> None:
    """Tests read the interface in English (the messages as the code writes them) unless they
    choose a language: Vietnamese, the users' default, is checked by tests/test_i18n.py and
    by README's examples."""
    import os

    os.environ["DANVAN_LANG"] = "en"
