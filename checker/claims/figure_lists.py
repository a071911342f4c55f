"""Figures written together: a range (从10亿到100亿, from 5 to 8 billion) and a list of sizes
(7B, 13B and 70B parameters; 100亿、380亿和1000亿参数) are one claim each, an interval from the
smallest to the largest figure.

Read one by one, the parts of such a phrase would be claims of one subject and attribute that
conflict with each other (the smallest size of a model family against its largest). As one
interval they say what the phrase says: every size lies between its ends, so a figure outside
it conflicts with it, and one inside does not.
"""

from __future__ import annotations

import re

from checker.models import Qualifier, Quantity, QuantityMatch

# what stands between the parts of a list of figures: a comma, an enumeration comma, and / or
LIST_SEP = re.compile(r"\s{0,2}(?:、|，|,|和|与|及|以及|或|(?:,\s?)?(?<![A-Za-z])(?:and|or)(?![A-Za-z]))\s{0,2}")
# what stands between the ends of a range (从A到B, between A and B, from A to B)
RANGE_SEP = re.compile(r"\s{0,2}(?:到|至|~|～|-|–|—|(?<![A-Za-z])to(?![A-Za-z]))\s{0,2}")


def grouped(text: str, matches: list[QuantityMatch]) -> list[QuantityMatch]:
    """`matches` with every range and every list of figures of one unit merged into one match."""
    out: list[QuantityMatch] = []
    run: list[QuantityMatch] = []
    for match in sorted(matches, key=lambda m: m.start):
        if run and _joins(text, run, match):
            run.append(match)
            continue
        out.extend(_merged(text, run))
        run = [match]
    out.extend(_merged(text, run))
    return out


def _joins(text: str, run: list[QuantityMatch], match: QuantityMatch) -> bool:
    """The next figure continues the phrase: same unit, only a list or range word between."""
    last = run[-1]
    if match.quantity.unit != last.quantity.unit or last.end > match.start:
        return False
    between = text[last.end:match.start]
    return bool(LIST_SEP.fullmatch(between) or RANGE_SEP.fullmatch(between))


def _merged(text: str, run: list[QuantityMatch]) -> list[QuantityMatch]:
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
    return [QuantityMatch(start=run[0].start, end=run[-1].end, text=text[run[0].start:run[-1].end], quantity=quantity)]
