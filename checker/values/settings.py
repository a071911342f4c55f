"""Tunable tolerances for turning hedged numbers into intervals, and units a rules pack declares."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class DeclaredUnit:
    """A unit word a rules pack declares: a number followed by `word` is `factor` x the number in `base`.

    75千瓦时 and 75 kWh both read as 75 kWh; 0.075 MWh reads as 75 kWh when MWh has factor 1000.
    """

    word: str
    base: str
    factor: Decimal


@dataclass(frozen=True)
class ValueSettings:
    """How far hedges stretch a number, and which extra unit words follow numbers.

    near_fraction: 近4亿 / nearly 400 million covers [v * (1 - near_fraction), v).
    approx_fraction: 约5亿 / about 500 million widens the rounding interval of v
        by approx_fraction * v on each side.
    units: declared unit words, read after the built-in ones (%, 成, currencies).
    """

    near_fraction: float = 0.1
    approx_fraction: float = 0.1
    units: tuple[DeclaredUnit, ...] = ()
