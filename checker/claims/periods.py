"""The quarter a per-period figure is of: quarterly revenue of one quarter is not that of another.

A company reports a revenue figure every quarter, so two revenue figures conflict only when they
are of the same quarter. The period is the `lexicon.periods` word nearest before the figure in its
sentence (news names it once: 第二季度总营收为…, 上一季的成绩，营收…); a quarter relative to the
article date (本季, last quarter) resolves against it, and a calendar quarter that has not begun at
the article date is the previous year's. A figure of a quarter not over at the article date is a
forecast: a plan, never compared with an outcome.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from checker.claims.context import SentenceContext, find_words
from checker.normalize import normalize

RELATIVE = {"last_quarter": -1, "this_quarter": 0, "next_quarter": 1}
# a calendar year written with the quarter (2022年第二季度, Q2 2022, second quarter of 2022); a fiscal
# year (2024财年第一季, fiscal 2024) is not a calendar one, so the article date decides instead
YEAR_BEFORE = re.compile(r"(?<![\d财])((?:19|20)\d\d)\s?年\s?$")
YEAR_AFTER = re.compile(r"\s?(?:of\s)?((?:19|20)\d\d)(?!\d)")
FISCAL = re.compile(r"(?i:fiscal)\s?$")


@dataclass(frozen=True)
class Period:
    key: str  # 2023-Q2, or Q2 when the article is undated
    open: bool  # not over at the article date: a figure of it is a forecast


def period_before(ctx: SentenceContext, pos: int) -> Period | None:
    """The period named nearest before `pos` in the sentence, resolved against the article date."""
    return _last(ctx, ctx.at(ctx.start, pos))


def period_in(ctx: SentenceContext, text: str) -> Period | None:
    """The last period `text` (a table cell, the text introducing a table) names."""
    return _last(ctx, normalize(text, ctx.article.language).text)


def _last(ctx: SentenceContext, text: str) -> Period | None:
    # one pattern for every label, longest word first, so 下一季度 is never read as 一季度
    labels = {word.casefold(): label for label, words in ctx.pack.settings.lexicon.periods.items() for word in words}
    hits = find_words(tuple(labels), text)
    if not hits:
        return None
    hit, label = hits[-1], labels[hits[-1].group().casefold()]
    year = _written_year(text, hit.start(), hit.end())
    if year is not None and label not in RELATIVE:
        return _period(year, int(label[1]), ctx.article.date)
    return resolve(label, ctx.article.date)


def _written_year(text: str, start: int, end: int) -> int | None:
    before = YEAR_BEFORE.search(text, max(0, start - 8), start)
    if before:
        return int(before.group(1))
    after = YEAR_AFTER.match(text, end)
    if after and not FISCAL.search(text, max(0, start - 8), start):
        return int(after.group(1))
    return None


def resolve(label: str, date: dt.date | None) -> Period | None:
    """A period label (Q2, this_quarter) as a year and quarter, seen from `date`."""
    if date is None:
        return None if label in RELATIVE else Period(label, False)
    current = (date.month - 1) // 3 + 1
    if label in RELATIVE:
        index = date.year * 4 + current - 1 + RELATIVE[label]
        year, quarter = divmod(index, 4)
        quarter += 1
    else:
        quarter = int(label[1])
        year = date.year if quarter <= current else date.year - 1
    return _period(year, quarter, date)


def _period(year: int, quarter: int, date: dt.date | None) -> Period:
    last_day = dt.date(year, 12, 31) if quarter == 4 else dt.date(year, quarter * 3 + 1, 1) - dt.timedelta(days=1)
    return Period(f"{year}-Q{quarter}", date is not None and last_day >= date)
