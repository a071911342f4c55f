"""Numbers and dates in the forms news writes them (issue 11), and the value readers at
the calendar's and the float's ends (issue 15)."""

from __future__ import annotations

import datetime as dt
import math

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.models import Qualifier
from checker.values import find_dates, find_quantities

BASE = dt.date(2023, 5, 17)  # a Wednesday


def _only(text: str, **kwargs):
    [match] = find_quantities(text, **kwargs)
    return match


# --- numbers: examples of every class -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("3万4000人", 34000, "count"),
        ("十人", 10, "count"),  # 十 before a counter is a number (hypothesis found it unread)
        ("25万6千台", 256000, "count"),
        ("2亿5180万人", 251800000, "count"),
        ("2億5180萬人", 251800000, "count"),
        ("1兆2000億日元", 1.2e12, "JPY"),
        ("3兆4500億新台币", 3.45e12, "TWD"),
        ("3兆韩元", 3e12, "KRW"),  # any currency word after 兆 makes it a trillion
        ("13万2人", 132000, "count"),
        ("1万零1人", 10001, "count"),
        ("两千三点一元", 2300.1, "CNY"),
        ("八点五成", 85, "percent"),
        ("二点五个百分点", 2.5, "percentage_point"),
        ("利率为.5%", 0.5, "percent"),
        ("壹佰贰拾叁元", 123, "CNY"),
        ("负3.9%", -3.9, "percent"),
        ("增速-22.2%", -22.2, "percent"),
        ("毛利率−5%", -5, "percent"),
        ("shares were down 3%", -3, "percent"),
        ("sixteen people", 16, "count"),
        ("a hundred thousand people", 1e5, "count"),
        ("ten billion dollars", 1e10, "USD"),
        ("twenty percent", 20, "percent"),
        ("$10bn", 1e10, "USD"),
        ("€105M", 1.05e8, "EUR"),
        ("105 million euros", 1.05e8, "EUR"),
        ("20€", 20, "EUR"),
        ("50 cents", 0.5, "USD"),
        ("30 pence", 0.3, "GBP"),
        ("3 million pounds", 3e6, "GBP"),
        ("40 million Swiss francs", 4e7, "CHF"),
        ("100 billion yen", 1e11, "JPY"),
    ],
)
def test_number_forms(text, value, unit):
    quantity = _only(text).quantity
    assert quantity.value == pytest.approx(value, rel=1e-12)
    assert quantity.unit == unit


@pytest.mark.parametrize(
    ("text", "low", "high", "high_open"),
    [
        ("两三个", 2, 3, False),
        ("十多万人", 1e5, 2e5, True),
        ("三十几万元", 3e5, 4e5, True),
        ("100余家", 100, 200, True),
    ],
)
def test_hedged_ranges(text, low, high, high_open):
    quantity = _only(text).quantity
    assert (quantity.low, quantity.high, quantity.high_open) == (low, high, high_open)
    assert quantity.qualifier is Qualifier.range


def test_same_precision_in_both_scripts():
    for chinese, digits in [("两百亿", "200亿"), ("一千七百亿", "1700亿"), ("三点五亿", "3.5亿"), ("一成", "10%")]:
        a, b = _only(chinese).quantity, _only(digits).quantity
        assert (a.low, a.high) == pytest.approx((b.low, b.high))


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("营收增长5%至30亿元", ("percent", 5), ("CNY", 3e9)),
        ("Revenue fell 2% to $3.5 billion", ("percent", 2), ("USD", 3.5e9)),
        ("股价下跌7%至90美元", ("percent", 7), ("USD", 90)),
    ],
)
def test_change_and_level_are_two_quantities(text, first, second):
    change, level = find_quantities(text)
    assert (change.quantity.unit, change.quantity.value) == pytest.approx(first)
    assert (level.quantity.unit, level.quantity.value) == pytest.approx(second)


def test_full_width_comma_and_superscript_in_the_original_split_figures():
    # normalization folds ， to , and ² to 2; the original text says where they were
    normalized, original = "分别为15,200人", "分别为15，200人"
    assert [m.quantity.value for m in find_quantities(normalized, original=original)] == [15, 200]
    assert [m.quantity.value for m in find_quantities("15,200人")] == [15200]
    values = [m.quantity.value for m in find_quantities("17502亿", original="1750²亿")]
    assert 17502e8 not in values and 1750 in values
    assert [m.quantity.value for m in find_quantities("1,2345")] != [12345]


def test_a_number_too_large_for_a_float_is_dropped():
    assert find_quantities("1" + "0" * 400 + "亿") == []


# --- numbers: round trips -------------------------------------------------------------
def _compound(n: int) -> str:
    yi, rest = divmod(n, 10**8)
    wan, one = divmod(rest, 10**4)
    text = f"{yi}亿" if yi else ""
    if wan:
        text += ("零" if yi and wan < 1000 else "") + f"{wan}万"
    if one:
        text += ("零" if (yi or wan) and (one < 1000 or not wan) else "") + str(one)
    return text


_EN = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _english(n: int) -> str:
    if n < 20:
        return _EN[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _EN[n % 10] if n % 10 else "")
    return _EN[n // 100] + " hundred" + (" and " + _english(n % 100) if n % 100 else "")


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=10**4 + 1, max_value=10**12 - 1))
def test_compound_digits_round_trip(n):
    text = _compound(n) + "人"
    assert _only(text).quantity.value == n
    assert _only(text.replace("万", "萬").replace("亿", "億")).quantity.value == n


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=2, max_value=10**11), st.sampled_from(["人", "元", "美元"]))
def test_chinese_numerals_round_trip(n, word):
    numeral = cn2an.an2cn(n)
    quantity = _only(numeral + word).quantity
    assert quantity.value == n
    assert quantity.low <= n < quantity.high


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=2, max_value=999), st.sampled_from([("", 1), (" thousand", 10**3), (" million", 10**6)]))
def test_english_words_round_trip(n, scale):
    word, factor = scale
    assert _only(f"{_english(n)}{word} people").quantity.value == n * factor


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value="0.1", max_value="999.9", places=1), st.sampled_from(["负", "-", "−"]))
def test_signs_round_trip(value, sign):
    quantity = _only(f"增速为{sign}{value}%").quantity
    assert quantity.value == pytest.approx(-float(value))
    assert quantity.high <= 0


# --- dates: examples of every class ---------------------------------------------------
D = dt.date


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("自2018年以来", D(2018, 1, 1), BASE, Qualifier.at_least),
        ("2020年之后", D(2021, 1, 1), D.max, Qualifier.at_least),
        ("2021年以前", D.min, D(2020, 12, 31), Qualifier.at_most),
        ("since March", D(2023, 3, 1), BASE, Qualifier.at_least),
        ("before 2021", D.min, D(2020, 12, 31), Qualifier.at_most),
        ("until June", D.min, D(2023, 6, 30), Qualifier.at_most),
        ("下下周", D(2023, 5, 29), D(2023, 6, 4), Qualifier.exact),
        ("上上个月", D(2023, 3, 1), D(2023, 3, 31), Qualifier.exact),
        ("前年", D(2021, 1, 1), D(2021, 12, 31), Qualifier.exact),
        ("大前年", D(2020, 1, 1), D(2020, 12, 31), Qualifier.exact),
        ("2019年6月1日-6月30日", D(2019, 6, 1), D(2019, 6, 30), Qualifier.exact),
        ("2019年6月1日至30日", D(2019, 6, 1), D(2019, 6, 30), Qualifier.exact),
        ("June 1-30, 2019", D(2019, 6, 1), D(2019, 6, 30), Qualifier.exact),
        ("29日", D(2023, 5, 29), D(2023, 5, 29), Qualifier.exact),
        ("on the 14th", D(2023, 5, 14), D(2023, 5, 14), Qualifier.exact),
        ("08年3月", D(2008, 3, 1), D(2008, 3, 31), Qualifier.exact),
        ("in '23", D(2023, 1, 1), D(2023, 12, 31), Qualifier.exact),
        ("2008 年", D(2008, 1, 1), D(2008, 12, 31), Qualifier.exact),
        ("3月中旬", D(2023, 3, 11), D(2023, 3, 20), Qualifier.exact),
        ("月底", D(2023, 5, 21), D(2023, 5, 31), Qualifier.approx),
        ("mid-March", D(2023, 3, 11), D(2023, 3, 20), Qualifier.approx),
        ("early June 2022", D(2022, 6, 1), D(2022, 6, 10), Qualifier.approx),
        ("第二季度", D(2023, 4, 1), D(2023, 6, 30), Qualifier.exact),
        ("Q2 2023", D(2023, 4, 1), D(2023, 6, 30), Qualifier.exact),
        ("H1 2024", D(2024, 1, 1), D(2024, 6, 30), Qualifier.exact),
        ("the third quarter of 2022", D(2022, 7, 1), D(2022, 9, 30), Qualifier.exact),
        ("on Tuesday", D(2023, 5, 16), D(2023, 5, 16), Qualifier.exact),
        ("released on march 3, 2020", D(2020, 3, 3), D(2020, 3, 3), Qualifier.exact),
    ],
)
def test_date_forms(text, low, high, qualifier):
    spans = [m.span for m in find_dates(text, BASE)]
    assert (spans[0].low, spans[0].high, spans[0].qualifier) == (low, high, qualifier), spans


def test_a_bare_day_missing_from_the_month_is_no_date():
    assert find_dates("31日", dt.date(2023, 4, 10)) == []


# --- dates: generated around random article dates -------------------------------------
_BASES = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@settings(max_examples=150, deadline=None)
@given(_BASES, st.sampled_from([(-2, "上上个月"), (-1, "上个月"), (0, "本月"), (1, "下个月"), (2, "下下个月")]))
def test_relative_months_resolve_back(base, shift):
    step, phrase = shift
    [match] = find_dates(phrase + "发布", base)
    index = base.year * 12 + base.month - 1 + step
    assert (match.span.low.year, match.span.low.month) == (index // 12, index % 12 + 1)
    assert match.span.low.day == 1 and (match.span.high + dt.timedelta(days=1)).day == 1


@settings(max_examples=150, deadline=None)
@given(_BASES, st.integers(min_value=1, max_value=28))
def test_bare_days_resolve_to_the_article_month(base, day):
    [match] = find_dates(f"{day}日发布", base)
    assert match.span.low == match.span.high == base.replace(day=day)


@settings(max_examples=150, deadline=None)
@given(_BASES, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=27))
def test_ranges_carry_their_year(base, month, day):
    year = base.year - 3
    [match] = find_dates(f"{year}年{month}月{day}日至{day + 1}日", base)
    assert (match.span.low, match.span.high) == (D(year, month, day), D(year, month, day + 1))


@settings(max_examples=100, deadline=None)
@given(_BASES, st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekdays_fall_on_or_before_the_article_date(base, name):
    [match] = find_dates(f"on {name}", base)
    day = match.span.low
    assert day.strftime("%A") == name and base - dt.timedelta(days=6) <= day <= base


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=D.min, max_value=D.max),
    st.sampled_from(["11月", "last week", "next month", "下下周", "明年", "上上个月", "29日", "自2018年以来", "Q4", "before 2021"]),
)
def test_any_article_date_never_raises(base, text):
    for match in find_dates(text, base):
        assert match.span is None or match.span.low <= match.span.high


@pytest.mark.parametrize(("text", "base"), [("11月", D(9999, 12, 31)), ("last week", D(1, 1, 1))])
def test_calendar_ends(text, base):
    matches = find_dates(text, base)  # raised OverflowError before
    assert all(m.span.low <= m.span.high for m in matches)


def test_infinite_never_reaches_a_quantity():
    for match in find_quantities("约1" + "0" * 320 + "元，共1" + "0" * 400 + "亿人"):
        assert math.isfinite(match.quantity.low) and math.isfinite(match.quantity.high or 0)


@pytest.mark.parametrize("word", ["hundred", "thousand", "million", "billion", "trillion"])
def test_a_before_a_hundred_or_any_scale_word_is_part_of_the_figure(word):
    assert _only(f"trained on a {word} tokens").text == f"a {word}"
