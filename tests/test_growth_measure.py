"""The growth measure every linear-shape test relies on (``support.growth``) tells a
quadratic cost from a linear one: were it unable to fail, those tests would prove nothing."""

from __future__ import annotations

from support.growth import LINEAR, cpu_growth


def _quadratic(xs: list[int]) -> int:
    """Copies a prefix of every length: n²/2 element copies."""
    return sum(len(xs[:i]) for i in range(len(xs)))


def test_a_quadratic_cost_passes_the_bound_on_every_look() -> None:
    assert cpu_growth(lambda n: list(range(n)), _quadratic, 3_000) > LINEAR


def test_negative_twin_a_linear_cost_stays_under_the_bound() -> None:
    assert cpu_growth(lambda n: list(range(n)), sum, 400_000) < LINEAR
