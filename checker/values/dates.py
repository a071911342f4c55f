"""Find dates in normalized text and resolve them to inclusive intervals of days.

Chinese dates are located by regex and resolved by `jionlp.parse_time` against the
article date (imported on first use, cached per anchor and base). Regexes decide
where a date is because jionlp's own extractor is slow and takes durations (24小时内,
三年内) for dates. What jionlp gets wrong or does not parse is written here:
parts of a month or year (3月初 = 1st-10th, 3月底 = 21st-end, 2020年年中 = June-July),
上个月/本月, year inference for year-less dates, the Minguo calendar and English.

Year-less dates (2月8日, Feb. 6) take the base year, or the year before when that
would put them more than 62 days after the base date. Year parts without a year
(年底, 上半年) take the base year; year-less quarters (四季度) follow the 62-day rule.

A time-zone phrase next to a date (当地时间, 北京时间, local time, ET, PST ...) is
included in the span; 北京时间/Beijing time set timezone "beijing", any other "local".
Prepositions (截至, in, on, since) are not part of the span.

Open-ended periods (自2018年以来, before 2021) reach to the calendar's end with
qualifier at_least / at_most; docs/values.md has the table of forms.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from checker.languages import Grammar, alternation, grammar
from checker.models import DateMatch, DateSpan, Qualifier

_DAY = dt.timedelta(days=1)
_YEARLESS_LEAD = dt.timedelta(days=62)
_ANY_BASE = dt.date(2000, 1, 1)  # jionlp needs a base even for absolute dates
_CN_SMALL = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}

# --- Chinese building blocks -------------------------------------------------------
_MONTH = r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?"
_DAY_NUM = (
    r"(?P<day>3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
)
_DAY_PART = (
    r"(?:凌晨|清晨|早上|早晨|早间|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|深夜|夜里|晚(?!于)|夜)?"
)
_MONTH_PART = r"(?P<month_part>初|上旬|中旬|下旬|底|末)"
_YEAR_PART = (
    r"(?P<year_part>年?初(?![创步次稿赛心衷])|年中(?!国)|年?[底末]|上半年|下半年"
    r"|第?[一二三四1-4]季度|[Qq][1-4])"
)
_AFTER_YEAR = rf"(?:{_MONTH}(?:{_DAY_NUM}{_DAY_PART}|{_MONTH_PART})?|{_YEAR_PART})?"
_AFTER_MONTH = rf"(?:{_DAY_NUM}{_DAY_PART}|{_MONTH_PART})?"

# A year in digits or numerals or a Minguo year; one relative to the article's (去年) is the tables'.
_ZH_YEAR = r"(?<!\d)(?P<year>(?:19|20)\d\d|[一二][〇零一二三四五六七八九]{3})\s?年(?!代)|民国(?P<roc>\d{1,3})年"
# Two-digit years (08年3月, 23年底): only before a month or a year part, since 10年 alone
# is usually a duration. In Traditional text the Minguo reading below wins (98年 is 2009).
_ZH_YEAR2 = re.compile(
    r"(?<![\d.])(?P<year2>\d\d)年(?=\d{1,2}月|[初底末]|[上下]半年|第?[一二三四]季度)" + _AFTER_YEAR
)
# Taiwan writes Minguo years without 民国: 112年2月8日 is 2023-02-08.
_ZH_ROC = re.compile(r"(?<!\d)(?P<roc>1[01]\d|[4-9]\d)年(?=\d{1,2}月)" + _AFTER_YEAR)
_ZH_MONTH = re.compile(r"(?<![\d.年〇零一二三四五六七八九十])" + _MONTH + _AFTER_MONTH)
# 月 alone before a part of it (月底): the article's month; the tables' relative months (上个月) step from it.
_ZH_THIS_MONTH = r"(?<![\d〇零一二三四五六七八九十年个每])月(?=初|底|末|上旬|中旬|下旬)"
# A bare day of the month (29日) is in the article's month, as news writes it; 号 only
# before punctuation, since 3号线 and 1号文件 are names.
_ZH_DAY = re.compile(
    r"(?<![\d月.〇零一二三四五六七八九十])(?P<day>3[01]|[12]\d|0?[1-9])(?:日(?![元内前后间])|号(?=[，,。；\s]|$))"
)
# Ranges carry their year and month to the second end: 2019年6月1日至30日, 6月1日-6月30日.
_ZH_RANGE = re.compile(
    r"(?:(?<!\d)(?P<year>(?:19|20)\d\d)\s?年)?(?<![\d月])(?P<month>1[0-2]|0?[1-9])月(?P<day>3[01]|[12]\d|0?[1-9])[日号]?"
    r"\s*(?:-|–|—|~|～|至|到)\s*(?:(?P<month2>1[0-2]|0?[1-9])月)?(?P<day2>3[01]|[12]\d|0?[1-9])[日号]"
)
_ZH_YEAR_PART = re.compile(
    r"(?<![\d年今去前明本近每多全当])(?P<year_part>年初|年中(?!国)|年底|年末|上半年|下半年|第?[一二三四]季度)"
)
_ZH_ISO = re.compile(
    r"(?<![\d.])(?P<year>(?:19|20)\d\d)[-/.](?P<month>1[0-2]|0?[1-9])[-/.](?P<day>3[01]|[12]\d|0?[1-9])(?![\d.])"
)
_ZH_WEEK = re.compile(
    r"(?P<week>上上个?周|上上个?星期|上个?周|上个?星期|上个?礼拜|本周|这周|这个?星期"
    r"|下下个?周|下下个?星期|下个?周|下个?星期|下个?礼拜)"
    r"(?P<weekday>[一二三四五六日天末])?"
)
_ZH_WEEKDAY = re.compile(r"(?<![上下本这个每])(?:周|星期|礼拜)(?P<weekday>[一二三四五六日天])")
_YEAR_PARTS = {"初": (1, 2), "中": (6, 7), "底": (11, 12), "末": (11, 12)}
_HALVES = {"上半年": (1, 6), "下半年": (7, 12)}

# --- English building blocks -------------------------------------------------------
# Month and weekday names are the language tables' (checker/languages); the patterns that hold
# them are built per table set, in `_calendar`.
_EN_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_EN_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d,.]\d)"
# '23 after a preposition: a two-digit year.
_EN_SHORT_YEAR = re.compile(
    r"(?<![A-Za-z])(?i:in|since|of|by|until|before|after|from)\s+(?P<date>['’](?P<yy>\d\d))(?![\d%])"
)
# the 14th: a bare day of the month, in the article's month.
_EN_BARE_DAY = re.compile(
    r"(?<![A-Za-z])(?i:on\s+)(?P<date>(?i:the)\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))(?![A-Za-z])"
    r"(?!\s+(?i:of\s+[A-Z]|century|anniversary|floor|time|place|edition|annual|consecutive|day))"
)
_NOT_AMOUNT = r"(?!\s*(?:billion|million|thousand|%|percent))"
_EN_YEAR_PREP = re.compile(
    r"(?<![A-Za-z])(?i:in|since|by|during|until|through|from|before|after|of|for)\s+"
    rf"(?P<date>{_EN_YEAR}){_NOT_AMOUNT}"
)
# Open-ended periods: 自2018年以来, 2020年之后, since March, before 2021, until June.
# The words around an open period and the time-zone phrases are the language tables'; the zone
# codes are notation, read as local time.
_ZONE_CODES = ("ET", "EST", "EDT", "PT", "PST", "PDT", "GMT", "UTC")


def _spaced(words) -> str:
    """An alternation of Latin words, longest first, a space standing for any spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s{1,8}") for w in sorted(words, key=len, reverse=True))


def _thirds(language: Grammar, hyphen: bool = False) -> str:
    """The words of a month's or year's thirds (early, mid, late); with `hyphen`, a mid word may
    take one before its spaces (mid- 2021), as the readers did before the words were the tables'."""
    words = [(w, kind) for kind, spellings in language.period_thirds for w in spellings]
    return "|".join(_spaced([w]) + ("-?" if hyphen and kind == "mid" else "") for w, kind in sorted(words, key=lambda p: len(p[0]), reverse=True))


@dataclass(frozen=True)
class _Frames:
    """The time zones and open-period words of the language tables, as patterns."""

    zones: dict[str, str]  # a zone phrase, lower case, its spaces folded, to beijing or local
    zone_before: re.Pattern[str]
    zone_after: re.Pattern[str]
    open_kinds: dict[str, str]  # an open-period word, lower case, its spaces folded, to its kind
    open_after: re.Pattern[str]
    opener: re.Pattern[str]
    open_before: re.Pattern[str]


@lru_cache(maxsize=4)
def _frames(language: Grammar) -> _Frames:
    zones = dict(language.time_zones)
    every = [w for words in zones.values() for w in words]
    latin_zones = _spaced(w for w in every if w.isascii())
    written = [alternation(w for w in every if not w.isascii())]
    written += [rf"(?<![A-Za-z])(?:{'|'.join(p for p in ((f'(?i:{latin_zones})' if latin_zones else ''), '|'.join(_ZONE_CODES)) if p)})"]
    after_kinds, before_kinds = dict(language.open_periods_after), dict(language.open_periods_before)
    after_words = alternation(w for words in after_kinds.values() for w in words)
    before_words = _spaced(w for words in before_kinds.values() for w in words)
    openers = alternation(language.open_period_openers)
    never = re.compile("(?!)")
    thirds = _thirds(language, hyphen=True)
    period_part = rf"(?:(?i:the\s{{1,8}}end\s{{1,8}}of{'|' + thirds if thirds else ''})\s{{1,8}})?"  # since the end of 2020, before mid-2021
    return _Frames(
        zones={" ".join(w.lower().split()): kind for kind, words in zones.items() for w in words},
        zone_before=re.compile(rf"(?P<tz>{'|'.join(p for p in written if p)})\s{{0,8}},?\s{{0,8}}(?:(?i:on)\s{{1,8}})?$"),
        zone_after=re.compile(rf"\s{{0,8}},?\s{{0,8}}\(?(?P<tz>(?i:{latin_zones}))\)?") if latin_zones else never,
        open_kinds={" ".join(w.lower().split()): kind for kinds in (after_kinds, before_kinds) for kind, words in kinds.items() for w in words},
        open_after=re.compile(rf"\s?(?P<open>{after_words})") if after_words else never,
        opener=re.compile(rf"(?:{openers})\s?$") if openers else never,
        open_before=re.compile(rf"(?<![A-Za-z])(?P<open>(?i:{before_words}))\s{{1,8}}{period_part}$") if before_words else never,
    )


# what stands between a weekday and the date it names: Monday, Sept. 25; 周二（21日）; 9月25日（周一）
_BESIDE = re.compile(r"[\s,，(（)）]{0,3}")


@dataclass(frozen=True)
class _Rule:
    """A date pattern, how to resolve a match, and whether that needs the article date."""

    pattern: re.Pattern[str]
    resolve: Callable[[re.Match[str], dt.date], DateSpan | None]
    needs_base: Callable[[re.Match[str]], bool]
    traditional_only: bool = False
    weekday: bool = False  # the match may name a day of the week (周二, Monday, 上周二)


def find_dates(text: str, base: dt.date | None, *, traditional: bool = False, offset: int = 0) -> list[DateMatch]:
    """Every date in `text`; relative or year-less ones get span=None when `base` is None.

    `traditional` enables Minguo years written without 民国 (112年2月8日). A match's start and
    end are `offset` plus its index in `text` (the article offset of a sentence's date).
    """
    found = []
    weekdays: set[int] = set()  # indices in `found` of weekdays (周二, Monday)
    for start, end, rule, match in _candidates(text, traditional):
        if rule.weekday and match.groupdict().get("weekday"):
            weekdays.add(len(found))
        if base is None and rule.needs_base(match):
            span = None
        else:
            try:
                span = rule.resolve(match, base or _ANY_BASE)
                if span is not None:
                    start, end, span = _open_ended(text, start, end, span, base)
            except (OverflowError, ValueError):
                span = None  # a relative date past the calendar's ends (11月 at 9999-12-31)
            if span is None:
                continue  # 2月30日
        start, end, timezone = _with_timezone(text, start, end)
        if span is not None and timezone:
            span = span.model_copy(update={"timezone": timezone})
        found.append(DateMatch(start=offset + start, end=offset + end, text=text[start:end], span=span))
    return _without_named_weekdays(text, offset, found, weekdays)


def _without_named_weekdays(text: str, offset: int, found: list[DateMatch], weekdays: set[int]) -> list[DateMatch]:
    """Drop a weekday written beside a date (Monday, Sept. 25; 周二（21日）; 9月25日（周一）): it names the
    date's day of the week, it is no date of its own (resolved against the article's week, it would
    give another day when the article is dated later)."""

    def beside(a: DateMatch, b: DateMatch) -> bool:
        first, second = (a, b) if a.start < b.start else (b, a)
        return bool(_BESIDE.fullmatch(text, first.end - offset, second.start - offset))

    dates = [m for i, m in enumerate(found) if i not in weekdays]
    return [m for i, m in enumerate(found) if i not in weekdays or not any(beside(m, d) for d in dates)]


def parse_date(text: str, base: dt.date | None) -> DateSpan | None:
    """The first date in `text` (a claim value such as "2023年2月8日"), if it resolves."""
    for match in find_dates(text, base):
        return match.span
    return None


def _candidates(text: str, traditional: bool) -> list[tuple[int, int, _Rule, re.Match[str]]]:
    """Matches of every rule, longest first where they overlap."""
    matches = []
    for rule in _calendar(grammar()).rules:
        if rule.traditional_only and not traditional:
            continue
        for match in rule.pattern.finditer(text):
            start, end = _span(match)
            matches.append((start, end, rule, match))
    matches.sort(key=lambda m: (m[0], m[0] - m[1]))
    kept: list[tuple[int, int, _Rule, re.Match[str]]] = []
    for candidate in matches:
        if not kept or candidate[0] >= kept[-1][1]:
            kept.append(candidate)
    return kept


def _span(match: re.Match[str]) -> tuple[int, int]:
    """The date itself, without a leading preposition (in 2021, since May)."""
    if "date" in match.re.groupindex:
        return match.span("date")
    return match.span()


def _with_timezone(text: str, start: int, end: int) -> tuple[int, int, str | None]:
    timezone = None
    frames = _frames(grammar())
    before = frames.zone_before.search(text, max(0, start - 24), start)
    if before:
        start, timezone = before.start(), _zone(before.group("tz"))
    after = frames.zone_after.match(text, end)
    if after:
        end, timezone = after.end(), _zone(after.group("tz"))
    return start, end, timezone


def _open_ended(
    text: str, start: int, end: int, span: DateSpan, base: dt.date | None
) -> tuple[int, int, DateSpan]:
    """自2018年以来 / since 2018: [2018-01-01, article date]; 2020年之后 / after 2020:
    [2021-01-01, open]; before 2021: [open, 2020-12-31]; until June: [open, June 30].

    An open end is the calendar's end (date.min / date.max) with qualifier at_least or
    at_most, so overlap tests work unchanged.
    """
    frames = _frames(grammar())
    after = frames.open_after.match(text, end)
    since = frames.opener.search(text, max(0, start - 2), start)
    word = frames.open_before.search(text, max(0, start - 24), start)
    if after and (frames.open_kinds[after.group("open").lower()] != "from" or since):  # 起 needs 自 or 从
        kind = frames.open_kinds[after.group("open").lower()]
        start, end = (since.start() if since else start), after.end()
    elif word:
        kind = frames.open_kinds[" ".join(word.group("open").lower().split())]
    else:
        return start, end, span
    if kind == "since":
        high = base if base is not None and base >= span.low else dt.date.max
        return start, end, DateSpan(low=span.low, high=high, qualifier=Qualifier.at_least)
    if kind in ("from", "after"):
        low = span.low if kind == "from" else span.high + _DAY
        return start, end, DateSpan(low=low, high=dt.date.max, qualifier=Qualifier.at_least)
    high = span.high if kind == "until" else span.low - _DAY
    return start, end, DateSpan(low=dt.date.min, high=high, qualifier=Qualifier.at_most)


def _zone(phrase: str) -> str:
    """beijing or local: a zone code is local time."""
    return _frames(grammar()).zones.get(" ".join(phrase.lower().split()), "local")


# --- resolution through jionlp -------------------------------------------------------
@lru_cache(maxsize=1)
def _parse_time() -> Callable[..., dict]:
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import jionlp
    return jionlp.parse_time


# a four-digit year: jionlp reads the anchor without its base (it uses the base for a relative
# anchor and for the century of a two-digit year), so one parse serves every article
_ABSOLUTE_ANCHOR = re.compile(r"[0-9]{4}年")


def _jio_days(anchor: str, base: dt.date) -> tuple[dt.date, dt.date] | None:
    """The days `anchor` covers according to jionlp, or None if it rejects it."""
    if _ABSOLUTE_ANCHOR.match(anchor):
        return _jio_days_at(anchor, _ANY_BASE)
    return _jio_days_at(anchor, base)


@lru_cache(maxsize=8192)
def _jio_days_at(anchor: str, base: dt.date) -> tuple[dt.date, dt.date] | None:
    try:
        result = _parse_time()(anchor, time_base=dt.datetime.combine(base, dt.time()))
        low, high = result["time"]
        return dt.date.fromisoformat(low[:10]), dt.date.fromisoformat(high[:10])
    except (ValueError, TypeError, KeyError):
        return None


def _resolve_calendar(match: re.Match[str], base: dt.date) -> DateSpan | None:
    """Year / month / day with an optional part (初, 中旬, 年中, 一季度)."""
    groups = match.groupdict()
    month, day = _small_int(groups.get("month")), _small_int(groups.get("day"))
    year_part = groups.get("year_part")
    if groups.get("rel_year"):
        year = f"{base.year + _calendar(grammar()).years[groups['rel_year']]}年"
    elif groups.get("rel_month"):
        shifted = _shift_month(base, _calendar(grammar()).month_steps.get(groups["rel_month"], 0))
        year, month = f"{shifted.year}年", shifted.month
    else:
        explicit = _explicit_year(groups)
        if explicit is None:
            explicit = _implied_year(month, day, year_part, base)
        year = f"{explicit}年"
    anchor = year + (f"{month}月" if month else "") + (f"{day}日" if day else "")
    days = _jio_days(anchor, base)
    if days is None:
        return None
    if groups.get("month_part"):
        return _month_part(days[0], groups["month_part"])
    if year_part:
        return _year_part(days[0].year, year_part)
    return DateSpan(low=days[0], high=days[1])


def _resolve_relative(match: re.Match[str], base: dt.date) -> DateSpan | None:
    """上周二, 本周, 周三: jionlp resolves these from the base date."""
    phrase = match.group()
    if phrase.endswith("末") and match.groupdict().get("week"):  # 上周末: Saturday-Sunday
        saturday = _jio_days(phrase[:-1] + "六", base)
        sunday = _jio_days(phrase[:-1] + "日", base)
        return DateSpan(low=saturday[0], high=sunday[1]) if saturday and sunday else None
    days = _jio_days(phrase, base)
    return DateSpan(low=days[0], high=days[1]) if days else None


def _explicit_year(groups: dict[str, str | None]) -> int | None:
    if groups.get("roc"):
        return 1911 + int(groups["roc"])
    if groups.get("year2"):
        return _century(int(groups["year2"]))
    year = groups.get("year")
    if not year:
        return None
    return int(year) if year.isdigit() else int("".join(str(_CN_SMALL[c]) for c in year))


def _implied_year(month: int | None, day: int | None, year_part: str | None, base: dt.date) -> int:
    """Base year for a year-less date, or the year before if it would lie well in the future."""
    if month is None:
        quarter = _quarter(year_part) if year_part else None
        if quarter is None:
            return base.year  # 年底, 上半年: this year
        month = 3 * quarter - 2
    first = dt.date(base.year, month, min(day or 1, calendar.monthrange(base.year, month)[1]))
    return base.year - 1 if first > base + _YEARLESS_LEAD else base.year


def _century(two_digits: int) -> int:
    """08 -> 2008, 98 -> 1998: news rarely writes a two-digit year more than 50 years off."""
    return 2000 + two_digits if two_digits < 50 else 1900 + two_digits


def _small_int(numeral: str | None) -> int | None:
    """A month or day number, Arabic or Chinese (十二, 二十八)."""
    if not numeral:
        return None
    if numeral.isdigit():
        return int(numeral)
    tens, _, units = numeral.rpartition("十")
    if "十" not in numeral:
        return _CN_SMALL[numeral]
    return (_CN_SMALL[tens] if tens else 1) * 10 + (_CN_SMALL[units] if units else 0)


def _shift_month(base: dt.date, step: int) -> dt.date:
    """The first of the month `step` months from the base's (上个月: -1): jionlp rejects 上上个月."""
    index = base.year * 12 + base.month - 1 + step
    return dt.date(index // 12, index % 12 + 1, 1)


def _month_part(day_in_month: dt.date, part: str) -> DateSpan:
    """初/上旬 1st-10th, 中旬 11th-20th, 下旬/底/末 21st-end; 初/底/末 are approximate."""
    last = calendar.monthrange(day_in_month.year, day_in_month.month)[1]
    first_day, last_day = {"初": (1, 10), "上旬": (1, 10), "中旬": (11, 20)}.get(part, (21, last))
    qualifier = Qualifier.approx if part in ("初", "底", "末") else Qualifier.exact
    return DateSpan(
        low=day_in_month.replace(day=first_day),
        high=day_in_month.replace(day=last_day),
        qualifier=qualifier,
    )


def _year_part(year: int, part: str) -> DateSpan:
    """年初 Jan-Feb, 年中 Jun-Jul, 年底 Nov-Dec (approximate); halves and quarters exact."""
    quarter = _quarter(part)
    if quarter is not None:
        (first, last), qualifier = (3 * quarter - 2, 3 * quarter), Qualifier.exact
    elif part in _HALVES:
        (first, last), qualifier = _HALVES[part], Qualifier.exact
    else:
        (first, last), qualifier = _YEAR_PARTS[part[-1]], Qualifier.approx
    return DateSpan(
        low=dt.date(year, first, 1),
        high=dt.date(year, last, calendar.monthrange(year, last)[1]),
        qualifier=qualifier,
    )


def _quarter(part: str) -> int | None:
    digit = re.search(r"[一二三四1-4](?=季度)|(?<=[Qq])[1-4]", part)
    return None if digit is None else _small_int(digit.group())


# --- English -------------------------------------------------------------------------
def _resolve_english(match: re.Match[str], base: dt.date) -> DateSpan | None:
    """Feb. 6 / 6 February 2023 / February 2023 / in 2021 / early 2023 / in May."""
    groups = match.groupdict()
    month = _calendar(grammar()).months[groups["mon"].lower()] if groups.get("mon") else None
    day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else _implied_year(month, day, None, base)
    if month is None:
        return _english_year(year, groups.get("part"))
    if day is None:
        last = calendar.monthrange(year, month)[1]
        return DateSpan(low=dt.date(year, month, 1), high=dt.date(year, month, last))
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return DateSpan(low=date, high=date)


def _english_year(year: int, part: str | None) -> DateSpan:
    """early = Jan-Apr, mid = May-Aug, late = Sep-Dec (approximate)."""
    if not part:
        return DateSpan(low=dt.date(year, 1, 1), high=dt.date(year, 12, 31))
    first = {"early": 1, "mid": 5, "late": 9}[_calendar(grammar()).thirds[" ".join(part.lower().split())]]
    last = first + 3
    return DateSpan(
        low=dt.date(year, first, 1),
        high=dt.date(year, last, calendar.monthrange(year, last)[1]),
        qualifier=Qualifier.approx,
    )


def _resolve_day(match: re.Match[str], base: dt.date) -> DateSpan:
    """昨天, yesterday: the base date moved by the tables' offset."""
    day = base + _calendar(grammar()).day_offsets[" ".join(match.group().lower().split())] * _DAY
    return DateSpan(low=day, high=day)


def _resolve_english_period(match: re.Match[str], base: dt.date) -> DateSpan:
    """last/this/next week (Monday-Sunday), month or year."""
    step = _calendar(grammar()).steps[match.group("which").lower()]
    unit = match.group("unit").lower()
    if unit == "week":
        monday = base - base.weekday() * _DAY + step * 7 * _DAY
        return DateSpan(low=monday, high=monday + 6 * _DAY)
    if unit == "year":
        return DateSpan(low=dt.date(base.year + step, 1, 1), high=dt.date(base.year + step, 12, 31))
    index = base.year * 12 + base.month - 1 + step
    year, month = index // 12, index % 12 + 1
    return DateSpan(
        low=dt.date(year, month, 1), high=dt.date(year, month, calendar.monthrange(year, month)[1])
    )


def _resolve_english_weekday(match: re.Match[str], base: dt.date) -> DateSpan:
    """Tuesday = the latest Tuesday up to the base date; `last Tuesday` is ambiguous.

    "last Tuesday" may mean the latest Tuesday before the base date or the Tuesday of
    the previous week; when those differ the span covers both and is approximate.
    """
    weekday = _calendar(grammar()).weekdays.index(match.group("weekday").lower())
    step = _calendar(grammar()).steps.get((match.group("which") or "").lower())
    latest = base - ((base.weekday() - weekday) % 7) * _DAY
    if step == 1:
        day = latest + 7 * _DAY
        return DateSpan(low=day, high=day)
    if step == 0:
        day = base - base.weekday() * _DAY + weekday * _DAY
        return DateSpan(low=day, high=day)
    if step is None:
        return DateSpan(low=latest, high=latest)
    before = latest if latest < base else latest - 7 * _DAY
    previous_week = base - (base.weekday() + 7 - weekday) * _DAY
    if before == previous_week:
        return DateSpan(low=before, high=before)
    return DateSpan(
        low=min(before, previous_week), high=max(before, previous_week), qualifier=Qualifier.approx
    )


def _resolve_bare_day(match: re.Match[str], base: dt.date) -> DateSpan | None:
    """29日 / on the 14th: that day of the article's month (None when the month lacks it)."""
    try:
        day = base.replace(day=int(match.group("day")))
    except ValueError:
        return None
    return DateSpan(low=day, high=day)


def _resolve_range(match: re.Match[str], base: dt.date) -> DateSpan | None:
    """6月1日至30日 / June 1-30, 2019: one interval, the second end taking the first's year
    and month (a second month before the first is in the next year: 12月28日至1月3日)."""
    groups = match.groupdict()
    if groups.get("mon"):
        months = _calendar(grammar()).months
        month = months[groups["mon"].lower().rstrip(".")]
        month2 = months[groups["mon2"].lower().rstrip(".")] if groups.get("mon2") else month
    else:
        month = int(groups["month"])
        month2 = int(groups["month2"]) if groups.get("month2") else month
    day, day2 = int(groups["day"]), int(groups["day2"])
    year = int(groups["year"]) if groups.get("year") else _implied_year(month, day, None, base)
    year2 = year + 1 if month2 < month else year
    try:
        low, high = dt.date(year, month, day), dt.date(year2, month2, day2)
    except ValueError:
        return None
    return DateSpan(low=low, high=high) if low <= high else None


def _resolve_month_part(match: re.Match[str], base: dt.date) -> DateSpan | None:
    """early / mid / late June: the thirds of the month (approximate, as 月初 / 月底 are)."""
    month = _calendar(grammar()).months[match.group("mon").lower().rstrip(".")]
    year = int(match.group("year")) if match.group("year") else _implied_year(month, None, None, base)
    third = _calendar(grammar()).thirds[" ".join(match.group("part").lower().split())]
    part = {"early": "上旬", "mid": "中旬", "late": "下旬"}[third]
    span = _month_part(dt.date(year, month, 1), part)
    return span.model_copy(update={"qualifier": Qualifier.approx})


def _resolve_quarter(match: re.Match[str], base: dt.date) -> DateSpan | None:
    """Q2 2023 / H1 2024 / the third quarter of 2022; a year-less quarter as 四季度 is."""
    groups = match.groupdict()
    label = (groups.get("q") or groups.get("h") or groups.get("q2") or "").upper()
    year_text = groups.get("year") or groups.get("hyear") or groups.get("oyear") or groups.get("year_first")
    if groups.get("ord"):
        words = _calendar(grammar())
        number = words.ordinals[" ".join(groups["ord"].lower().split())]
        half = words.periods[" ".join(groups["kind"].lower().split())] == "half"
        if half and number > 2:
            return None
        label = ("H" if half else "Q") + str(number)
    number = int(label[1])
    first, last = (3 * number - 2, 3 * number) if label[0] == "Q" else (6 * number - 5, 6 * number)
    year = int(year_text) if year_text else _implied_year(first, None, None, base)
    return DateSpan(low=dt.date(year, first, 1), high=dt.date(year, last, calendar.monthrange(year, last)[1]))


def _resolve_short_year(match: re.Match[str], base: dt.date) -> DateSpan:
    year = _century(int(match.group("yy")))
    return DateSpan(low=dt.date(year, 1, 1), high=dt.date(year, 12, 31))


def _no_year_words(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    return not any(groups.get(g) for g in ("year", "hyear", "oyear", "year_first"))


def _always(match: re.Match[str]) -> bool:
    return True


def _without_year(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    return not (groups.get("year") or groups.get("roc") or groups.get("year2"))


def _never(match: re.Match[str]) -> bool:
    return False


@dataclass(frozen=True)
class _Calendar:
    """The month and weekday names of the language tables, and every date rule, in the order tried."""

    months: dict[str, int]  # every spelling, lower case, to its number
    weekdays: tuple[str, ...]  # full names, lower case, Monday first
    day_offsets: dict[str, int]  # yesterday: -1, its spaces folded
    steps: dict[str, int]  # last: -1, this: 0, next: 1
    ordinals: dict[str, int]  # first: 1, its spaces folded
    periods: dict[str, str]  # quarter: quarter, half: half
    thirds: dict[str, str]  # early: early, mid: mid, late: late
    years: dict[str, int]  # 去年: -1
    month_steps: dict[str, int]  # 上个月: -1
    rules: tuple[_Rule, ...]


def _capitalized(word: str) -> str:
    return word[:1].upper() + word[1:]


@lru_cache(maxsize=4)
def _calendar(language: Grammar) -> _Calendar:
    names = [w for spellings in language.months for w in spellings]
    lower = alternation(w for w in names if w not in language.capitalized_months)
    upper = alternation(_capitalized(w) for w in names if w in language.capitalized_months)
    # any case where a day or year follows (march 3, 2020); a capitalized-only name (May) as written
    parts = ([f"(?i:{lower})"] if lower else []) + ([upper] if upper else [])
    month_any = rf"(?P<mon>{'|'.join(parts) or '(?!)'})(?![A-Za-z])\.?"
    full = "|".join(_capitalized(spellings[0]) for spellings in language.months) or "(?!)"
    weekdays = tuple(spellings[0] for spellings in language.weekdays)
    days = "|".join(_capitalized(w) for w in weekdays) or "(?!)"
    # June 1-30, 2019 / June 28 - July 2: the year and month carry to the second end.
    month_range = re.compile(
        rf"(?<![A-Za-z]){month_any}\s+(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|–|—|to)\s*"
        rf"(?:{month_any.replace('?P<mon>', '?P<mon2>')}\s+)?(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
        rf"(?:,?\s+{_EN_YEAR})?"
    )
    # early June, mid-March 2023, late-Sept.: thirds of a month, as 上旬/中旬/下旬.
    thirds = _thirds(language) or "(?!)"
    month_part = re.compile(rf"(?<![A-Za-z])(?P<part>(?i:{thirds}))[-\s]+(?:(?i:in)\s+)?{month_any}(?:,?\s+{_EN_YEAR})?")
    mdy = re.compile(rf"(?<![A-Za-z]){month_any}\s+{_EN_DAY}(?![\d:])(?:,?\s+{_EN_YEAR})?")
    dmy = re.compile(rf"(?<![\d.]){_EN_DAY}\s+(?:of\s+)?{month_any}(?:,?\s+{_EN_YEAR})?")
    month_year = re.compile(rf"(?<![A-Za-z]){month_any},?\s+{_EN_YEAR}")
    month_only = re.compile(rf"(?<![A-Za-z])(?i:in|since|by|during|until{'|' + _thirds(language, hyphen=True) if language.period_thirds else ''})\s+(?P<date>(?P<mon>{full}))(?![A-Za-z])(?!\s*\d)")
    steps = dict(language.relative_steps)
    which = alternation(steps) or "(?!)"
    after_step = "|".join(rf"(?<={re.escape(w)}\s)" for w in steps) or "(?!)"
    weekday = re.compile(
        rf"(?<![A-Za-z])(?P<date>(?:(?P<which>(?i:{which}))\s+)?"
        rf"(?P<weekday>{days}|(?:{after_step})(?i:{days.lower()})))(?![A-Za-z])"
    )
    # Q2 2023, 2023 Q2, H1 2024, the second quarter of 2023, first half of 2022.
    ordinals, periods = dict(language.ordinals), dict(language.period_words)
    quarter = re.compile(
        rf"(?<![A-Za-z])(?:(?P<q>[Qq][1-4])(?:\s*{_EN_YEAR})?|(?P<h>H[12])\s*{_EN_YEAR.replace('?P<year>', '?P<hyear>')}"
        r"|(?P<year_first>(?:19|20)\d\d)\s+(?P<q2>Q[1-4]|H[12])"
        rf"|(?i:the\s+)?(?P<ord>(?i:{_spaced(ordinals) or '(?!)'}))\s+(?P<kind>(?i:{_spaced(w for words in periods.values() for w in words) or '(?!)'}))"
        r"(?:\s+(?i:of)\s+(?P<oyear>(?:19|20)\d\d))?)"
        r"(?![A-Za-z\d])"
    )
    year_part = re.compile(rf"(?<![A-Za-z])(?P<part>(?i:{thirds}))[-\s]{_EN_YEAR}{_NOT_AMOUNT}")
    day_offsets = dict(language.relative_days)
    relative_day = re.compile(rf"(?<![A-Za-z])(?i:{_spaced(w for w in day_offsets if w.isascii()) or '(?!)'})(?![A-Za-z])")
    relative_day_cjk = re.compile(alternation(w for w in day_offsets if not w.isascii()) or "(?!)")
    relative_period = re.compile(rf"(?<![A-Za-z])(?i:(?P<which>{which})\s+(?P<unit>week|month|year))(?![A-Za-z])")
    english = (
        _Rule(month_range, _resolve_range, _without_year),
        _Rule(month_part, _resolve_month_part, _without_year),
        _Rule(quarter, _resolve_quarter, _no_year_words),
        _Rule(_EN_SHORT_YEAR, _resolve_short_year, _never),
        _Rule(_EN_BARE_DAY, _resolve_bare_day, _always),
        _Rule(mdy, _resolve_english, _without_year),
        _Rule(dmy, _resolve_english, _without_year),
        _Rule(month_year, _resolve_english, _without_year),
        _Rule(_EN_YEAR_PREP, _resolve_english, _without_year),
        _Rule(year_part, _resolve_english, _without_year),
        _Rule(month_only, _resolve_english, _always),
        _Rule(relative_day, _resolve_day, _always),
        _Rule(relative_period, _resolve_english_period, _always),
        _Rule(weekday, _resolve_english_weekday, _always, weekday=True),
    )
    months = {w: number for number, spellings in enumerate(language.months, start=1) for w in spellings}
    offsets = {" ".join(w.lower().split()): n for w, n in day_offsets.items()}
    return _Calendar(
        months, weekdays, offsets, {w.lower(): n for w, n in steps.items()},
        {" ".join(w.lower().split()): n for w, n in ordinals.items()}, _folded(language.period_words), _folded(language.period_thirds),
        dict(language.relative_years), dict(language.relative_months),
        (*_chinese(language), _Rule(relative_day_cjk, _resolve_day, _always), *_CHINESE_WEEKS, *english),
    )


def _folded(kinds: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    """Each word of a keyed table entry, lower case, its spaces folded, to its key."""
    return {" ".join(w.lower().split()): kind for kind, spellings in kinds for w in spellings}


def _chinese(language: Grammar) -> tuple[_Rule, ...]:
    """The Chinese date rules, in the order tried, with the relative years and months of the tables."""
    years = alternation(dict(language.relative_years)) or "(?!)"
    months = alternation(dict(language.relative_months)) or "(?!)"
    year = re.compile(rf"(?:{_ZH_YEAR}|(?P<rel_year>{years})){_AFTER_YEAR}")
    month = re.compile(rf"(?P<rel_month>{months}|{_ZH_THIS_MONTH}){_AFTER_MONTH}")
    return (
        _Rule(_ZH_ISO, _resolve_calendar, _without_year),
        _Rule(year, _resolve_calendar, _without_year),
        _Rule(_ZH_ROC, _resolve_calendar, _without_year, traditional_only=True),
        _Rule(_ZH_YEAR2, _resolve_calendar, _without_year),
        _Rule(_ZH_RANGE, _resolve_range, _without_year),
        _Rule(_ZH_DAY, _resolve_bare_day, _always),
        _Rule(_ZH_MONTH, _resolve_calendar, _always),
        _Rule(month, _resolve_calendar, _always),
        _Rule(_ZH_YEAR_PART, _resolve_calendar, _always),
    )


_CHINESE_WEEKS = (
    _Rule(_ZH_WEEK, _resolve_relative, _always, weekday=True),
    _Rule(_ZH_WEEKDAY, _resolve_relative, _always, weekday=True),
)
