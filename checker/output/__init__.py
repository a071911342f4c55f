"""Every output format of `checker report` and `checker check`, behind one interface.

A format is one row of the registry (`checker.output.registry`): its name, file suffix,
media type, the commands that offer it, a help fragment and a render function taking
one `Outcome` (`checker.output.outcome`: the run, and the gate's result for `check`).
The registry imports no renderer: each renderer module is imported when its format is
first rendered, so `checker --help` names every format without loading one. The JSON
contracts share one envelope (`checker.output.envelope`).
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.output.outcome import Outcome
from checker.output.registry import find


def render(outcome: Outcome, name: str) -> str:
    """`outcome` in the format `name` of its command."""
    return find(outcome.command, name).render(outcome)


def pieces(outcome: Outcome, name: str) -> Iterable[str]:
    """`render(outcome, name)` in the pieces it is written in (streamed where the format allows)."""
    return find(outcome.command, name).pieces(outcome)
