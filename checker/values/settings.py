"""Tunable tolerances for turning hedged numbers into intervals."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ValueSettings:
    """How far hedges stretch a number.

    near_fraction: 近4亿 / nearly 400 million covers [v * (1 - near_fraction), v).
    approx_fraction: 约5亿 / about 500 million widens the rounding interval of v
        by approx_fraction * v on each side.
    """

    near_fraction: float = 0.1
    approx_fraction: float = 0.1
