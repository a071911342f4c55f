"""Dates as inclusive day intervals: table-driven forms, rejections and round trips."""

from __future__ import annotations

import calendar
import datetime as dt
from itertools import pairwise

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from checker.models import Qualifier
from checker.values import find_dates, parse_date
from checker.values.dates import _jio_days_at

BASE = dt.date(2023, 2, 10)  # a Friday
D = dt.date
EXACT, APPROX = Qualifier.exact, Qualifier.approx

# text, span, low, high, qualifier, timezone (base 2023-02-10)
FORMS = [
    ("2023年2月8日", "2023年2月8日", D(2023, 2, 8), D(2023, 2, 8), EXACT, None),
    ("2月8日", "2月8日", D(2023, 2, 8), D(2023, 2, 8), EXACT, None),
    ("2月8日晚", "2月8日晚", D(2023, 2, 8), D(2023, 2, 8), EXACT, None),
    ("2月8日凌晨", "2月8日凌晨", D(2023, 2, 8), D(2023, 2, 8), EXACT, None),
    ("2月8号", "2月8号", D(2023, 2, 8), D(2023, 2, 8), EXACT, None),
    ("12月8日", "12月8日", D(2022, 12, 8), D(2022, 12, 8), EXACT, None),
    ("二〇二三年二月八日", "二〇二三年二月八日", D(2023, 2, 8), D(2023, 2, 8), EXACT, None),
    ("2023-02-08", "2023-02-08", D(2023, 2, 8), D(2023, 2, 8), EXACT, None),
    ("去年11月", "去年11月", D(2022, 11, 1), D(2022, 11, 30), EXACT, None),
    ("今年5月6日", "今年5月6日", D(2023, 5, 6), D(2023, 5, 6), EXACT, None),
    ("今年3月", "今年3月", D(2023, 3, 1), D(2023, 3, 31), EXACT, None),
    ("3月份", "3月份", D(2023, 3, 1), D(2023, 3, 31), EXACT, None),
    ("十二月", "十二月", D(2022, 12, 1), D(2022, 12, 31), EXACT, None),
    ("3月初", "3月初", D(2023, 3, 1), D(2023, 3, 10), APPROX, None),
    ("3月上旬", "3月上旬", D(2023, 3, 1), D(2023, 3, 10), EXACT, None),
    ("3月中旬", "3月中旬", D(2023, 3, 11), D(2023, 3, 20), EXACT, None),
    ("3月下旬", "3月下旬", D(2023, 3, 21), D(2023, 3, 31), EXACT, None),
    ("3月底", "3月底", D(2023, 3, 21), D(2023, 3, 31), APPROX, None),
    ("3月末", "3月末", D(2023, 3, 21), D(2023, 3, 31), APPROX, None),
    ("2021年3月", "2021年3月", D(2021, 3, 1), D(2021, 3, 31), EXACT, None),
    ("2022年5月", "2022年5月", D(2022, 5, 1), D(2022, 5, 31), EXACT, None),
    ("2020年年中", "2020年年中", D(2020, 6, 1), D(2020, 7, 31), APPROX, None),
    ("2023年初", "2023年初", D(2023, 1, 1), D(2023, 2, 28), APPROX, None),
    ("去年底", "去年底", D(2022, 11, 1), D(2022, 12, 31), APPROX, None),
    ("2022年下半年", "2022年下半年", D(2022, 7, 1), D(2022, 12, 31), EXACT, None),
    ("2022年第四季度", "2022年第四季度", D(2022, 10, 1), D(2022, 12, 31), EXACT, None),
    ("四季度", "四季度", D(2022, 10, 1), D(2022, 12, 31), EXACT, None),
    ("去年", "去年", D(2022, 1, 1), D(2022, 12, 31), EXACT, None),
    ("2021年", "2021年", D(2021, 1, 1), D(2021, 12, 31), EXACT, None),
    ("年初", "年初", D(2023, 1, 1), D(2023, 2, 28), APPROX, None),
    ("上周二", "上周二", D(2023, 1, 31), D(2023, 1, 31), EXACT, None),
    ("上周", "上周", D(2023, 1, 30), D(2023, 2, 5), EXACT, None),
    ("上周末", "上周末", D(2023, 2, 4), D(2023, 2, 5), EXACT, None),
    ("周三", "周三", D(2023, 2, 8), D(2023, 2, 8), EXACT, None),
    ("昨天", "昨天", D(2023, 2, 9), D(2023, 2, 9), EXACT, None),
    ("前天", "前天", D(2023, 2, 8), D(2023, 2, 8), EXACT, None),
    ("昨晚", "昨晚", D(2023, 2, 9), D(2023, 2, 9), EXACT, None),
    ("上个月", "上个月", D(2023, 1, 1), D(2023, 1, 31), EXACT, None),
    ("上月8日", "上月8日", D(2023, 1, 8), D(2023, 1, 8), EXACT, None),
    ("截至2月10日", "2月10日", D(2023, 2, 10), D(2023, 2, 10), EXACT, None),
    ("从2016年上线以来", "2016年", D(2016, 1, 1), D(2016, 12, 31), EXACT, None),
    ("民国112年2月8日", "民国112年2月8日", D(2023, 2, 8), D(2023, 2, 8), EXACT, None),
    # time zones are part of the span
    ("当地时间2月8日", "当地时间2月8日", D(2023, 2, 8), D(2023, 2, 8), EXACT, "local"),
    ("北京时间2月8日晚", "北京时间2月8日晚", D(2023, 2, 8), D(2023, 2, 8), EXACT, "beijing"),
    ("美国东部时间2月6日", "美国东部时间2月6日", D(2023, 2, 6), D(2023, 2, 6), EXACT, "local"),
    # English
    ("Feb. 6", "Feb. 6", D(2023, 2, 6), D(2023, 2, 6), EXACT, None),
    ("February 6", "February 6", D(2023, 2, 6), D(2023, 2, 6), EXACT, None),
    ("6 February 2023", "6 February 2023", D(2023, 2, 6), D(2023, 2, 6), EXACT, None),
    ("Feb 6, 2023", "Feb 6, 2023", D(2023, 2, 6), D(2023, 2, 6), EXACT, None),
    ("February 2023", "February 2023", D(2023, 2, 1), D(2023, 2, 28), EXACT, None),
    ("on Jan. 23", "Jan. 23", D(2023, 1, 23), D(2023, 1, 23), EXACT, None),
    ("Dec. 23", "Dec. 23", D(2022, 12, 23), D(2022, 12, 23), EXACT, None),
    ("in 2021", "2021", D(2021, 1, 1), D(2021, 12, 31), EXACT, None),
    ("early 2023", "early 2023", D(2023, 1, 1), D(2023, 4, 30), APPROX, None),
    ("in May", "May", D(2022, 5, 1), D(2022, 5, 31), EXACT, None),
    ("yesterday", "yesterday", D(2023, 2, 9), D(2023, 2, 9), EXACT, None),
    (
        "the day before yesterday",
        "the day before yesterday",
        D(2023, 2, 8),
        D(2023, 2, 8),
        EXACT,
        None,
    ),
    ("last week", "last week", D(2023, 1, 30), D(2023, 2, 5), EXACT, None),
    ("last month", "last month", D(2023, 1, 1), D(2023, 1, 31), EXACT, None),
    ("last year", "last year", D(2022, 1, 1), D(2022, 12, 31), EXACT, None),
    ("last Friday", "last Friday", D(2023, 2, 3), D(2023, 2, 3), EXACT, None),
    ("last Tuesday", "last Tuesday", D(2023, 1, 31), D(2023, 2, 7), APPROX, None),
    ("said Tuesday", "Tuesday", D(2023, 2, 7), D(2023, 2, 7), EXACT, None),
    ("Beijing time Feb. 6", "Beijing time Feb. 6", D(2023, 2, 6), D(2023, 2, 6), EXACT, "beijing"),
    ("on Feb. 6 local time", "Feb. 6 local time", D(2023, 2, 6), D(2023, 2, 6), EXACT, "local"),
    ("PST Feb 6", "PST Feb 6", D(2023, 2, 6), D(2023, 2, 6), EXACT, "local"),
]


@pytest.mark.parametrize(("text", "span", "low", "high", "qualifier", "timezone"), FORMS)
def test_date_forms(text, span, low, high, qualifier, timezone):
    [match] = find_dates(text, BASE)
    assert (match.text, match.start, match.end) == (
        span,
        text.index(span),
        text.index(span) + len(span),
    )
    assert (match.span.low, match.span.high) == (low, high)
    assert (match.span.qualifier, match.span.timezone) == (qualifier, timezone)


@pytest.mark.parametrize(
    "text",
    [
        "24小时",
        "48个小时",
        "两三年",
        "十余年",
        "四个月",
        "3个月",
        "25岁",
        "1750亿",
        "2021",
        "100 days",
        "3 years",
        "GPT-4",
        "每周一",
        "2023年代",
        "may 6",
        "2月30日",
    ],
)
def test_not_a_date(text):
    assert find_dates(text, BASE) == []


def test_relative_dates_without_base_are_unresolved():
    text = "去年11月发布,2023年2月8日上线,2月8日更新,昨天宣布,in 2021, last week, Feb. 6"
    matches = find_dates(text, None)
    resolved = {m.text: m.span for m in matches}
    assert list(resolved) == [
        "去年11月",
        "2023年2月8日",
        "2月8日",
        "昨天",
        "2021",
        "last week",
        "Feb. 6",
    ]
    assert resolved["2023年2月8日"].low == D(2023, 2, 8)
    assert resolved["2021"].high == D(2021, 12, 31)
    assert [t for t, span in resolved.items() if span is None] == [
        "去年11月",
        "2月8日",
        "昨天",
        "last week",
        "Feb. 6",
    ]


def test_sentence_offsets():
    text = (
        "百度于当地时间2月7日宣布,文心一言将在3月份上线;该项目从2019年开始研发,24小时内股价上涨。"
    )
    matches = find_dates(text, BASE)
    assert [m.text for m in matches] == ["当地时间2月7日", "3月份", "2019年"]
    assert all(text[m.start : m.end] == m.text for m in matches)


def test_minguo_year_without_prefix_needs_traditional():
    assert find_dates("112年2月8日", BASE) == []  # 112年 is no year in mainland text
    [match] = find_dates("112年2月8日", BASE, traditional=True)
    assert (match.text, match.span.low) == ("112年2月8日", D(2023, 2, 8))


def test_parse_date():
    assert parse_date("2023年2月8日", None).low == D(2023, 2, 8)
    assert parse_date("2月8日", None) is None
    assert parse_date("没有日期", BASE) is None


# --- round trips ------------------------------------------------------------------
SETTINGS = settings(max_examples=150, deadline=None)
dates = st.dates(min_value=D(1990, 1, 1), max_value=D(2035, 12, 31))
MONTH_ABBR = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]


def _only_span(text: str, base: dt.date | None):
    [match] = find_dates(text, base)
    assert match.text == text
    return match.span


@SETTINGS
@given(dates, st.one_of(st.none(), dates))
def test_full_dates_round_trip(day, base):
    forms = [
        f"{day.year}年{day.month}月{day.day}日",
        f"{MONTH_ABBR[day.month - 1]} {day.day}, {day.year}",
        f"{day.day} {calendar.month_name[day.month]} {day.year}",
        day.isoformat(),
    ]
    for text in forms:
        span = _only_span(text, base)
        assert (span.low, span.high) == (day, day), text


@SETTINGS
@given(dates, st.integers(min_value=-62, max_value=300))
def test_year_less_dates_take_the_recent_year(day, lead):
    base = day + dt.timedelta(days=lead)
    assume(day.year <= base.year and base.year <= 2035)
    for text in (f"{day.month}月{day.day}日", f"{MONTH_ABBR[day.month - 1]} {day.day}"):
        span = _only_span(text, base)
        assert (span.low, span.high) == (day, day), text
        assert _only_span(text, None) is None


@SETTINGS
@given(dates, st.integers(min_value=1, max_value=12))
def test_last_year_month(base, month):
    span = _only_span(f"去年{month}月", base)
    last = calendar.monthrange(base.year - 1, month)[1]
    assert (span.low, span.high) == (D(base.year - 1, month, 1), D(base.year - 1, month, last))


@SETTINGS
@given(dates)
def test_month_parts_tile_the_month(day):
    prefix = f"{day.year}年{day.month}月"
    parts = [_only_span(prefix + part, None) for part in ("上旬", "中旬", "下旬")]
    assert parts[0].low == day.replace(day=1)
    assert parts[-1].high.month == day.month and (parts[-1].high + dt.timedelta(days=1)).day == 1
    assert all(a.high + dt.timedelta(days=1) == b.low for a, b in pairwise(parts))
    assert sum(p.low <= day <= p.high for p in parts) == 1


@pytest.mark.parametrize("anchor", ["1987年", "2016年2月", "2023年2月29日", "2024年2月29日", "2031年12月31日", "2009年13月2日"])
def test_a_four_digit_year_reads_the_same_from_any_article_date(anchor):
    """What lets one jionlp parse of an absolute anchor serve every article (a two-digit year does depend on it)."""
    bases = [dt.date(1999, 1, 1), dt.date(2008, 2, 29), dt.date(2023, 6, 15), dt.date(2030, 12, 31)]
    assert len({_jio_days_at(anchor, base) for base in bases}) == 1
    assert len({_jio_days_at("16年3月", base) for base in bases}) == 2


@pytest.mark.parametrize(
    ("text", "base", "dates"),
    [
        # a weekday beside a date names that date's day: the date alone is read, whatever the article's week
        ("Samsung unveiled the chip on Tuesday, Oct. 10, in Seoul.", dt.date(2023, 12, 1), [("Oct. 10", dt.date(2023, 10, 10))]),
        ("小米于周四（10月26日）发布新机。", dt.date(2023, 11, 20), [("10月26日", dt.date(2023, 10, 26))]),
        ("小米10月26日（周四）发布新机。", dt.date(2023, 11, 20), [("10月26日", dt.date(2023, 10, 26))]),
        ("The board met on Friday (Nov. 3).", dt.date(2023, 11, 20), [("Nov. 3", dt.date(2023, 11, 3))]),
        # a weekday standing alone, or apart from the date, is a date of its own
        ("Samsung said on Tuesday it would expand the plant.", dt.date(2023, 10, 13), [("Tuesday", dt.date(2023, 10, 10))]),
        (
            "Talks began on Monday and ended on Oct. 20.",
            dt.date(2023, 10, 21),
            [("Monday", dt.date(2023, 10, 16)), ("Oct. 20", dt.date(2023, 10, 20))],
        ),
    ],
)
def test_a_weekday_beside_a_date_names_its_day(text, base, dates):
    assert [(m.text, m.span.low) for m in find_dates(text, base)] == dates
