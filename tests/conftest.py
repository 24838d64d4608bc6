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
