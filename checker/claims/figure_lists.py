"""Figures written together: a range (从10亿到100亿, from 5 to 8 billion) and a list of sizes
(7B, 13B and 70B parameters; 100亿、380亿和1000亿参数) are one claim each, an interval from the
smallest to the largest figure.

Read one by one, the parts of such a phrase would be claims of one subject and attribute that
conflict with each other (the smallest size of a model family against its largest). As one
interval they say what the phrase says: every size lies between its ends, so a figure outside
it conflicts with it, and one inside does not. A sentence that says 分别 / respectively keeps its list apart: its
figures pair with the names before it, one to one, or give no claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.claims.context import SentenceContext
from checker.languages import Grammar, grammar
from checker.models import Qualifier, Quantity, QuantityMatch
from checker.words import word_pattern


@dataclass(frozen=True)
class _Separators:
    items: re.Pattern[str] | None  # between the parts of a list of figures: 、, and / or (", and" too)
    ends: re.Pattern[str] | None  # between the ends of a range (从A到B, from A to B)
    respectively: re.Pattern[str] | None  # GPT-3和GPT-4的参数分别为1750亿和1.8万亿: each figure is its own name's


@lru_cache(maxsize=4)
def _separators(language: Grammar) -> _Separators:
    latin = word_pattern(tuple(w for w in language.list_separators if w.isascii() and w.isalpha()))
    other = word_pattern(tuple(w for w in language.list_separators if not (w.isascii() and w.isalpha())))
    items = "|".join(p for p in (other and other.pattern, latin and rf"(?:,\s?)?(?:{latin.pattern})") if p)
    ends = word_pattern(language.range_separators)
    return _Separators(
        items=re.compile(rf"\s{{0,2}}(?:{items})\s{{0,2}}") if items else None,
        ends=re.compile(rf"\s{{0,2}}(?:{ends.pattern})\s{{0,2}}") if ends else None,
        respectively=word_pattern(language.respectively),
    )


def grouped(ctx: SentenceContext, matches: list[QuantityMatch]) -> tuple[list[QuantityMatch], list[list[QuantityMatch]]]:
    """`matches` with every range and every list of figures of one unit merged into one match, and
    the lists a "respectively" sentence keeps apart (their figures pair with names in order)."""
    out: list[QuantityMatch] = []
    respective: list[list[QuantityMatch]] = []
    run: list[QuantityMatch] = []
    respectively = _separators(grammar()).respectively
    apart = bool(respectively and respectively.search(ctx.text))
    for match in sorted(matches, key=lambda m: m.start) + [None]:
        if match is not None and run and _joins(ctx, run, match):
            run.append(match)
            continue
        if apart and len(run) > 1:
            respective.append(run)
            out.extend(run)
        else:
            out.extend(_merged(ctx, run))
        run = [match] if match is not None else []
    return out, respective


def _joins(ctx: SentenceContext, run: list[QuantityMatch], match: QuantityMatch) -> bool:
    """The next figure continues the phrase: same unit, only a list or range word between."""
    last = run[-1]
    if match.quantity.unit != last.quantity.unit or last.end > match.start:
        return False
    between = ctx.at(last.end, match.start)
    separators = _separators(grammar())
    return any(pattern is not None and pattern.fullmatch(between) for pattern in (separators.items, separators.ends))


def _merged(ctx: SentenceContext, run: list[QuantityMatch]) -> list[QuantityMatch]:
    if len(run) < 2:
        return run
    lows = [m.quantity.low for m in run]
    highs = [m.quantity.high for m in run]
    if any(v is None for v in lows + highs) or any(m.quantity.value is not None and m.quantity.value < 0 for m in run):
        return run  # an open-ended or signed figure is not a size
    top = max(run, key=lambda m: m.quantity.high)
    quantity = Quantity(
        low=min(lows),
        high=top.quantity.high,
        high_open=top.quantity.high_open,
        unit=run[0].quantity.unit,
        qualifier=Qualifier.range,
    )
    return [QuantityMatch(start=run[0].start, end=run[-1].end, text=ctx.at(run[0].start, run[-1].end), quantity=quantity)]
