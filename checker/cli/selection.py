"""`--select` / `--ignore`: which finding codes a run reports, as ruff selects rules.

A selector is a code (NUM001), a prefix of codes (NUM, N) or ALL; several may be given
repeatedly or comma-separated. Selection filters findings after detection, so an
ignored kind still takes part in merging (a reference fact folded into a conflict).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from checker.kinds import KINDS

if TYPE_CHECKING:
    from checker.api import RunResult
    from checker.check.baseline import Baseline

ALL = "ALL"


class SelectionError(ValueError):
    """A selector that matches no finding code."""


def _split(selectors: Iterable[str]) -> list[str]:
    return [part.strip().upper() for selector in selectors for part in selector.split(",") if part.strip()]


def _matching(selector: str) -> set[str]:
    codes = {kind.code for kind in KINDS.values()}
    found = codes if selector == ALL else {code for code in codes if code.startswith(selector)}
    if not found:
        raise SelectionError(f"unknown finding code {selector!r}; valid codes: {', '.join(sorted(codes))} (or a prefix of them, or {ALL})")
    return found


def selected_codes(select: Iterable[str] | None, ignore: Iterable[str] | None) -> set[str] | None:
    """The codes to report, or None when nothing was narrowed; raises SelectionError."""
    chosen, dropped = _split(select or ()), _split(ignore or ())
    if not chosen and not dropped:
        return None
    codes = set().union(*map(_matching, chosen)) if chosen else _matching(ALL)
    return codes - set().union(*map(_matching, dropped)) if dropped else codes


def filter_run(result: RunResult, codes: set[str] | None) -> RunResult:
    """The run with only the findings of `codes` (all of them for None)."""
    if codes is None:
        return result
    return replace(result, findings=[finding for finding in result.findings if finding.code in codes])


def filter_baseline(baseline: Baseline | None, codes: set[str] | None) -> Baseline | None:
    """The baseline without entries of codes left out, so they are not reported as stale;
    an entry without a code is kept."""
    if baseline is None or codes is None:
        return baseline
    return replace(baseline, entries=tuple(entry for entry in baseline.entries if not entry.code or entry.code in codes))
