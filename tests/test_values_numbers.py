"""Quantities as intervals: table-driven forms, rejections and round-trip properties."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.models import Qualifier
from checker.values import ValueSettings, find_quantities, parse_quantity

EXACT, APPROX, LEAST, MOST = (
    Qualifier.exact,
    Qualifier.approx,
    Qualifier.at_least,
    Qualifier.at_most,
)
RANGE, MAGNITUDE = Qualifier.range, Qualifier.order_of_magnitude

# text, span, low, high, high_open, unit, qualifier, value
FORMS = [
    # precision: the last written digit sets the rounding step (Chinese numerals: the last non-zero one)
    ("1750亿", "1750亿", 174950000000.0, 175050000000.0, True, "count", EXACT, 1750e8),
    ("1700亿", "1700亿", 169950000000.0, 170050000000.0, True, "count", EXACT, 1700e8),
    ("1.01亿", "1.01亿", 1.005e8, 1.015e8, True, "count", EXACT, 1.01e8),
    ("2600亿", "2600亿", 259950000000.0, 260050000000.0, True, "count", EXACT, 2600e8),
    ("178 billion", "178 billion", 177.5e9, 178.5e9, True, "count", EXACT, 178e9),
    ("3.43", "3.43", 3.425, 3.435, True, "count", EXACT, 3.43),
    # scale words
    ("1.75千亿", "1.75千亿", 1745e8, 1755e8, True, "count", EXACT, 1750e8),
    ("3万亿", "3万亿", 2.5e12, 3.5e12, True, "count", EXACT, 3e12),
    ("5百万", "5百万", 4.5e6, 5.5e6, True, "count", EXACT, 5e6),
    ("1,750亿", "1,750亿", 174950000000.0, 175050000000.0, True, "count", EXACT, 1750e8),
    ("175B", "175B", 174.5e9, 175.5e9, True, "count", EXACT, 175e9),
    ("17.5B", "17.5B", 17.45e9, 17.55e9, True, "count", EXACT, 17.5e9),
    ("100M", "100M", 99500000.0, 100500000.0, True, "count", EXACT, 100e6),
    ("1T", "1T", 0.5e12, 1.5e12, True, "count", EXACT, 1e12),
    ("3k", "3k", 2500, 3500, True, "count", EXACT, 3000),
    ("2 million", "2 million", 1.5e6, 2.5e6, True, "count", EXACT, 2e6),
    ("1.2 trillion", "1.2 trillion", 1.15e12, 1.25e12, True, "count", EXACT, 1.2e12),
    # Chinese numerals
    ("一千七百五十亿", "一千七百五十亿", 1749.5e8, 1750.5e8, True, "count", EXACT, 1750e8),
    ("一百亿", "一百亿", 99.5e8, 100.5e8, True, "count", EXACT, 1e10),
    ("十万亿", "十万亿", 9.5e12, 10.5e12, True, "count", EXACT, 1e13),
    ("两千亿", "两千亿", 1999.5e8, 2000.5e8, True, "count", EXACT, 2e11),
    ("两千億", "两千億", 1999.5e8, 2000.5e8, True, "count", EXACT, 2e11),
    # hedges
    ("近4亿", "近4亿", 3.6e8, 4e8, True, "count", MOST, 4e8),
    ("将近4亿", "将近4亿", 3.6e8, 4e8, True, "count", MOST, 4e8),
    ("nearly 400 million", "nearly 400 million", 3.6e8, 4e8, True, "count", MOST, 4e8),
    ("约5亿", "约5亿", 4e8, 6e8, True, "count", APPROX, 5e8),
    ("5亿左右", "5亿左右", 4e8, 6e8, True, "count", APPROX, 5e8),
    ("about 5 billion", "about 5 billion", 4e9, 6e9, True, "count", APPROX, 5e9),
    ("~5B", "~5B", 4e9, 6e9, True, "count", APPROX, 5e9),
    ("约5450亿元", "约5450亿元", 490450000000.0, 599550000000.0, True, "CNY", APPROX, 5450e8),
    ("超过100万", "超过100万", 1e6, None, False, "count", LEAST, 1e6),
    ("超800亿美元", "超800亿美元", 8e10, None, False, "USD", LEAST, 8e10),
    ("逾30%", "逾30%", 30, None, False, "percent", LEAST, 30),
    ("100亿美元以上", "100亿美元以上", 1e10, None, False, "USD", LEAST, 1e10),
    ("100多亿", "100多亿", 1e10, 2e10, True, "count", RANGE, 1e10),
    ("1万余", "1万余", 1e4, 2e4, True, "count", RANGE, 1e4),
    ("more than $3 billion", "more than $3 billion", 3e9, None, False, "USD", LEAST, 3e9),
    ("at least 500", "at least 500", 500, None, False, "count", LEAST, 500),
    ("不到10%", "不到10%", 0, 10, False, "percent", MOST, 10),
    ("不超过5亿元", "不超过5亿元", 0, 5e8, False, "CNY", MOST, 5e8),
    ("less than 20 percent", "less than 20 percent", 0, 20, False, "percent", MOST, 20),
    ("up to 1 million", "up to 1 million", 0, 1e6, False, "count", MOST, 1e6),
    ("近千亿美元", "近千亿美元", 9e10, 1e11, True, "USD", MOST, 1e11),
    ("上万", "上万", 1e4, None, False, "count", LEAST, 1e4),
    ("上千", "上千", 1e3, None, False, "count", LEAST, 1e3),
    ("上亿", "上亿", 1e8, None, False, "count", LEAST, 1e8),
    # vague amounts
    ("数十亿", "数十亿", 1e9, 1e10, True, "count", RANGE, None),
    ("几十亿", "几十亿", 1e9, 1e10, True, "count", RANGE, None),
    ("数百万", "数百万", 1e6, 1e7, True, "count", RANGE, None),
    ("几百亿美元", "几百亿美元", 1e10, 1e11, True, "USD", RANGE, None),
    ("千亿级", "千亿级", 1e11, 1e12, True, "count", MAGNITUDE, 1e11),
    ("千亿级别", "千亿级别", 1e11, 1e12, True, "count", MAGNITUDE, 1e11),
    ("万亿级", "万亿级", 1e12, 1e13, True, "count", MAGNITUDE, 1e12),
    ("百亿级", "百亿级", 1e10, 1e11, True, "count", MAGNITUDE, 1e10),
    ("十亿级", "十亿级", 1e9, 1e10, True, "count", MAGNITUDE, 1e9),
    ("千亿参数", "千亿", 1e11, 1e12, True, "count", MAGNITUDE, 1e11),
    ("万亿参数", "万亿", 1e12, 1e13, True, "count", MAGNITUDE, 1e12),
    # ranges take the rounding bounds of each end
    ("100-200亿", "100-200亿", 9950000000.0, 20050000000.0, True, "count", RANGE, None),
    ("30 亿至 110 亿美元", "30 亿至 110 亿美元", 2950000000.0, 11050000000.0, True, "USD", RANGE, None),
    ("30亿到110亿", "30亿到110亿", 2950000000.0, 11050000000.0, True, "count", RANGE, None),
    ("两三亿", "两三亿", 2e8, 3e8, False, "count", RANGE, None),
    ("八九亿", "八九亿", 8e8, 9e8, False, "count", RANGE, None),
    ("10 to 20 billion", "10 to 20 billion", 9500000000.0, 20500000000.0, True, "count", RANGE, None),
    ("$10-20 billion", "$10-20 billion", 9500000000.0, 20500000000.0, True, "USD", RANGE, None),
    ("5%-10%", "5%-10%", 4.5, 10.5, True, "percent", RANGE, None),
    # percentages
    ("10%", "10%", 9.5, 10.5, True, "percent", EXACT, 10),
    ("10 percent", "10 percent", 9.5, 10.5, True, "percent", EXACT, 10),
    ("百分之十", "百分之十", 9.5, 10.5, True, "percent", EXACT, 10),
    ("百分之三十五", "百分之三十五", 34.5, 35.5, True, "percent", EXACT, 35),
    ("一成", "一成", 9.5, 10.5, True, "percent", EXACT, 10),
    ("三成", "三成", 29.5, 30.5, True, "percent", EXACT, 30),
    ("3个百分点", "3个百分点", 2.5, 3.5, True, "percentage_point", EXACT, 3),
    # currencies
    ("1.99万亿美元", "1.99万亿美元", 1.985e12, 1.995e12, True, "USD", EXACT, 1.99e12),
    ("267.56美元", "267.56美元", 267.555, 267.565, True, "USD", EXACT, 267.56),
    ("1.01亿美元", "1.01亿美元", 1.005e8, 1.015e8, True, "USD", EXACT, 1.01e8),
    ("$10,000", "$10,000", 9999.5, 10000.5, True, "USD", EXACT, 1e4),
    ("$10 billion", "$10 billion", 9500000000.0, 10500000000.0, True, "USD", EXACT, 1e10),
    ("US$10bn", "US$10bn", 9500000000.0, 10500000000.0, True, "USD", EXACT, 1e10),
    ("10 billion dollars", "10 billion dollars", 9500000000.0, 10500000000.0, True, "USD", EXACT, 1e10),
    ("5 billion yuan", "5 billion yuan", 4.5e9, 5.5e9, True, "CNY", EXACT, 5e9),
    ("RMB 100 billion", "RMB 100 billion", 99500000000.0, 100500000000.0, True, "CNY", EXACT, 1e11),
    ("人民币5亿元", "人民币5亿元", 4.5e8, 5.5e8, True, "CNY", EXACT, 5e8),
    ("¥300", "¥300", 299.5, 300.5, True, "CNY", EXACT, 300),
    ("HK$100", "HK$100", 99.5, 100.5, True, "HKD", EXACT, 100),
    ("20亿港元", "20亿港元", 1950000000.0, 2050000000.0, True, "HKD", EXACT, 2e9),
    ("3亿欧元", "3亿欧元", 2.5e8, 3.5e8, True, "EUR", EXACT, 3e8),
    ("€5 million", "€5 million", 4.5e6, 5.5e6, True, "EUR", EXACT, 5e6),
    ("NT$100", "NT$100", 99.5, 100.5, True, "TWD", EXACT, 100),
    ("5亿新台币", "5亿新台币", 4.5e8, 5.5e8, True, "TWD", EXACT, 5e8),
    ("100亿日元", "100亿日元", 9950000000.0, 10050000000.0, True, "JPY", EXACT, 1e10),
    ("100兆美元", "100兆美元", 99500000000000.0, 100500000000000.0, True, "USD", EXACT, 1e14),
    # counters stay outside the span
    ("2.5万名开发人员", "2.5万", 2.45e4, 2.55e4, True, "count", EXACT, 2.5e4),
    ("至少一万个GPU", "至少一万", 1e4, None, False, "count", LEAST, 1e4),
    ("两家公司", "两", 1.5, 2.5, True, "count", EXACT, 2),
    ("2000名员工", "2000", 1999.5, 2000.5, True, "count", EXACT, 2000),
]


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "high_open", "unit", "qualifier", "value"), FORMS
)
def test_quantity_forms(text, span, low, high, high_open, unit, qualifier, value):
    [match] = find_quantities(text)
    q = match.quantity
    assert (match.text, match.start) == (span, text.index(span))
    assert q.low == pytest.approx(low, rel=1e-12)
    assert q.high == (None if high is None else pytest.approx(high, rel=1e-12))
    assert (q.high_open, q.unit, q.qualifier) == (high_open, unit, qualifier)
    assert q.value == (None if value is None else pytest.approx(value, rel=1e-12))


NOT_QUANTITIES = [
    "2023年",
    "2月8日",
    "2023年2月8日",
    "2021",
    "in 2021",
    "2021-2023年",
    "2023-02-08",
    "24小时",
    "48个小时",
    "两三年",
    "十余年",
    "四个月",
    "3-5年",
    "GPT-3",
    "GPT-4",
    "GPT-3.5",
    "M6",
    "HunYuan-NLP-1T",
    "ERNIE 3.0",
    "Llama 2",
    "Jurassic-1",
    "K-PLUG",
    "28nm",
    "5G",
    "A100",
    "1.扎堆入局",
    "(2)算力",
    "第3季度",
    "10:30",
    "Feb. 6",
    "6 February",
    "25岁",
    "100兆带宽",
    "3级",
    "一些人",
    "统一",
    "十分重要",
    "三星",
    "一成不变",
    "千万不要",
    "最近",
    "360创始人周鸿祎表示",
    "“125”路线图",
    "两个交易日",
    "5.0版本",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_a_quantity(text):
    assert find_quantities(text) == []


def test_sentence_offsets_and_neighbours():
    text = "GPT-3有1750亿参数,2023年2月8日,文心一言参数约2600亿,投入超800亿美元。\n1.扎堆入局"
    matches = find_quantities(text)
    assert [m.text for m in matches] == ["1750亿", "约2600亿", "超800亿美元"]
    assert all(text[m.start : m.end] == m.text for m in matches)


def _contains(q, x: float) -> bool:
    return q.low <= x and (x < q.high if q.high_open else x <= q.high)


def test_stated_precision_separates_close_values():
    """1750亿 and 1700亿 cannot both hold; 1780亿 fits inside 178 billion."""
    q1750, q1700 = parse_quantity("1750亿"), parse_quantity("1700亿")
    assert not _contains(q1700, q1750.value)
    assert not _contains(q1750, q1700.value)
    assert not q1750.overlaps(q1700)
    assert parse_quantity("1,750亿") == q1750
    assert parse_quantity("175 billion").overlaps(q1750)
    assert parse_quantity("178 billion").overlaps(parse_quantity("1780亿"))
    assert not parse_quantity("17.8 billion").overlaps(parse_quantity("1780亿"))


def test_change_from_to_is_two_values():
    matches = find_quantities("营收从30亿到110亿")
    assert [(m.text, m.quantity.qualifier) for m in matches] == [("30亿", EXACT), ("110亿", EXACT)]


def test_zhao_is_trillion_for_traditional_text():
    assert find_quantities("100兆") == []
    [match] = find_quantities("100兆", traditional=True)
    assert match.quantity.value == pytest.approx(1e14)
    assert parse_quantity("1.5兆参数").value == pytest.approx(1.5e12)


def test_settings_change_hedge_width():
    wide = ValueSettings(near_fraction=0.2, approx_fraction=0.5)
    assert parse_quantity("近10亿", settings=wide).low == pytest.approx(8e8)
    q = parse_quantity("约10亿", settings=wide)
    assert (q.low, q.high) == (pytest.approx(9.5e8 - 5e8), pytest.approx(10.5e8 + 5e8))


def test_parse_quantity_takes_first_or_none():
    assert parse_quantity("参数达到1750亿,训练用了1万块GPU").value == pytest.approx(1.75e11)
    assert parse_quantity("没有数字") is None
    assert parse_quantity("GPT-4") is None


# --- round trips ------------------------------------------------------------------
SETTINGS = settings(max_examples=150, deadline=None)
mantissas = st.integers(min_value=1, max_value=99_999)
decimals = st.integers(min_value=0, max_value=3)


def _written(mantissa: int, decimals: int) -> Decimal:
    return Decimal(mantissa).scaleb(-decimals)


def _interval(text: str, **kwargs) -> tuple[float, float | None, str]:
    q = parse_quantity(text, **kwargs)
    assert q is not None, text
    return q.low, q.high, q.unit


@SETTINGS
@given(mantissas, decimals, st.sampled_from(["亿", "万", "万亿", "千亿"]))
def test_arabic_with_scale_contains_value(mantissa, decimals, scale):
    number = _written(mantissa, decimals)
    text = f"{number:f}{scale}"
    value = float(number) * {"亿": 1e8, "万": 1e4, "万亿": 1e12, "千亿": 1e11}[scale]
    q = parse_quantity(f"参数达到{text}个")
    assert q.low <= value * (1 + 1e-12) and value * (1 - 1e-12) < q.high
    assert q.value == pytest.approx(value)
    assert q.qualifier is EXACT and q.high_open


@SETTINGS
@given(st.integers(min_value=1, max_value=9_999), st.sampled_from(["万", "亿", "万亿"]))
def test_chinese_numerals_match_arabic(number, scale):
    """Both forms hold the value; a Chinese numeral's rounding is never finer than the digits'."""
    value = number * {"万": 1e4, "亿": 1e8, "万亿": 1e12}[scale]
    arabic = parse_quantity(f"{number}{scale}")
    chinese = parse_quantity(f"{cn2an.an2cn(str(number))}{scale}")
    assert _contains(arabic, value) and _contains(chinese, value)
    assert chinese.low <= arabic.low and arabic.high <= chinese.high
    assert _interval(f"{number}{scale.replace('亿', '億')}") == _interval(f"{number}{scale}")


@SETTINGS
@given(st.integers(min_value=1_000, max_value=99_999_999))
def test_comma_grouping_matches_plain(number):
    assert _interval(f"{number:,}元") == _interval(f"{number}元")
    assert _interval(f"${number:,}") == _interval(f"{number}美元")


@SETTINGS
@given(mantissas, decimals)
def test_english_scales_agree_with_chinese(mantissa, decimals):
    """The same amount in English and Chinese scales: both hold it, so they never conflict."""
    billions = _written(mantissa, decimals)
    value = float(billions) * 1e9
    chinese = parse_quantity(f"{billions.scaleb(1):f}亿美元")
    english = [
        parse_quantity(text)
        for text in (
            f"${billions:f} billion",
            f"US${billions:f}bn",
            f"{billions:f}B美元",
            f"{billions:f} billion dollars",
            f"{billions.scaleb(3):f} million美元",
        )
    ]
    assert _contains(chinese, value * (1 + 1e-12)) or _contains(chinese, value)
    for q in english:
        assert q.unit == chinese.unit == "USD"
        assert q.overlaps(chinese)
        assert q.low <= value * (1 + 1e-12) and value * (1 - 1e-12) < q.high


@SETTINGS
@given(mantissas, decimals, st.sampled_from(["近", "约", "超过", "不到"]))
def test_hedges_relate_to_exact_interval(mantissa, decimals, hedge):
    text = f"{_written(mantissa, decimals):f}亿"
    exact = parse_quantity(text)
    hedged = parse_quantity(hedge + text)
    assert hedged.value == exact.value
    if hedge == "约":
        assert hedged.low < exact.low and hedged.high > exact.high
    elif hedge == "近":
        assert hedged.high == exact.value and hedged.low < exact.value
    elif hedge == "超过":
        assert (hedged.low, hedged.high) == (exact.value, None)
    else:
        assert (hedged.low, hedged.high) == (0, exact.value)


@SETTINGS
@given(
    st.lists(
        st.tuples(mantissas, st.sampled_from(["亿", "万", "亿美元", "%"])), min_size=1, max_size=4
    )
)
def test_offsets_in_a_sentence(parts):
    pieces = [f"{m}{unit}" for m, unit in parts]
    text = "据报道," + ",其中".join(pieces) + "。"
    matches = find_quantities(text)
    assert [m.text for m in matches] == pieces
    assert all(text[m.start : m.end] == m.text for m in matches)
