"""Units a rules pack declares: a number followed by a declared word, converted to the base unit.

Property tests pin the conversion (any value, any word of a unit, with or without a space),
the equivalence of spellings (75 kWh = 75千瓦时 = 0.075 MWh) and that text without a declared
word reads exactly as without declarations, so built-in behaviour cannot drift.
"""

from __future__ import annotations

import math
import shutil
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.detect import detect
from checker.extract import extract_article
from checker.load import make_article
from checker.rulepack import bundled_rules_dir, load_rules
from checker.values import ValueSettings, find_quantities, parse_quantity
from checker.values.numbers import reserved_unit_word
from checker.values.settings import DeclaredUnit

# what an EV pack would declare: energy in kWh, distance in km
UNITS = {
    "kWh": ("kWh", Decimal(1), ("kWh", "千瓦时", "度")),
    "MWh": ("kWh", Decimal(1000), ("MWh",)),
    "km": ("km", Decimal(1), ("km", "公里")),
    "mile": ("km", Decimal("1.609344"), ("miles", "mile")),
}
DECLARED = ValueSettings(units=tuple(DeclaredUnit(word, base, factor) for base, factor, words in UNITS.values() for word in words))
WORDS = [(word, base, factor) for base, factor, words in UNITS.values() for word in words]


def read(text: str, values: ValueSettings = DECLARED):
    return [(m.text, m.quantity) for m in find_quantities(text, settings=values)]


# --- properties ---------------------------------------------------------------------

amounts = st.decimals(min_value=Decimal("0.001"), max_value=Decimal(99999), places=3, allow_nan=False, allow_infinity=False)


@given(amount=amounts, unit=st.sampled_from(WORDS), space=st.sampled_from(["", " "]))
def test_number_and_declared_word_convert_to_the_base_unit(amount, unit, space):
    word, base, factor = unit
    written = format(amount.normalize(), "f")
    quantity = parse_quantity(f"约定为 {written}{space}{word}。", settings=DECLARED)
    assert quantity is not None and quantity.unit == base
    assert math.isclose(quantity.value, float(amount * factor), rel_tol=1e-12)
    assert quantity.low <= quantity.value < quantity.high
    place = Decimal(1).scaleb(Decimal(written).as_tuple().exponent)  # the last written digit
    assert math.isclose(quantity.high - quantity.low, float(place * factor), rel_tol=1e-6)  # float bounds


@given(kwh=st.integers(min_value=1, max_value=10**6))
def test_equal_amounts_in_any_spelling_read_equal(kwh):
    mwh = format(Decimal(kwh) / 1000, ".3f")  # same precision: the last digit is one kWh
    spellings = [f"{kwh} kWh", f"{kwh}千瓦时", f"{kwh}kWh", f"{mwh} MWh"]
    quantities = [parse_quantity(text, settings=DECLARED) for text in spellings]
    assert len({(q.low, q.high, q.unit) for q in quantities}) == 1, spellings


# an alphabet with numbers, scales, currencies and hedges but no declared word can occur in it
PLAIN = st.text(alphabet="0123456789.,-% 万亿千百元美约近超多年月个参数股价人民币ab", max_size=40)


@settings(max_examples=300)
@given(text=PLAIN)
def test_text_without_declared_words_reads_as_without_declarations(text):
    assert read(text) == read(text, ValueSettings())


# --- examples -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("续航700公里", 699.5, 700.5, "km"),
        ("1.5万公里的保修", 14500, 15500, "km"),  # a scale word, then the unit
        ("75千瓦时的电池", 74.5, 75.5, "kWh"),  # the unit starts with 千, which is not a scale here
        ("0.075 MWh", 74.5, 75.5, "kWh"),
        ("1-2 MWh", 500, 2500, "kWh"),  # the range shares the second number's unit and factor
        ("300-500公里", 299.5, 500.5, "km"),
        ("上万公里", 10000, None, "km"),
        ("两三百公里", 200, 300, "km"),
        ("330 miles", 329.5 * 1.609344, 330.5 * 1.609344, "km"),
    ],
)
def test_declared_unit_examples(text, low, high, unit):
    ((_, quantity),) = read(text)
    assert quantity.unit == unit
    assert math.isclose(quantity.low, low, rel_tol=1e-9)
    assert quantity.high is None if high is None else math.isclose(quantity.high, high, rel_tol=1e-9)


def test_hedges_apply_to_declared_units():
    ((text, quantity),) = read("续航约700km左右")
    assert text == "约700km左右" and quantity.qualifier.value == "approx" and quantity.unit == "km"


def test_built_in_units_win_and_words_are_case_sensitive():
    assert [q.unit for _, q in read("售价30万元，电池75 kWh")] == ["CNY", "kWh"]
    assert [q.unit for _, q in read("75 KWH")] == ["count"]  # declare KWH too if articles write it


def test_without_declarations_unit_words_are_rejected_as_before():
    assert read("续航700公里", ValueSettings()) == []  # 公里 is one of the measure words a count never has
    assert [q.unit for _, q in read("电池75 kWh", ValueSettings())] == ["count"]


@pytest.mark.parametrize(
    ("word", "reading"),
    [("美元", "USD"), ("dollars", "USD"), ("%", "percent"), ("个百分点", "percentage points"), ("成", "tenths (成)"), ("万", "a scale word"), ("billion", "a scale word"), ("k", "a scale word")],
)
def test_reserved_unit_words(word, reading):
    assert reserved_unit_word(word) == reading


@pytest.mark.parametrize("word", ["kWh", "公里", "千瓦时", "度", "miles"])
def test_unit_words_that_are_free(word):
    assert reserved_unit_word(word) is None


# --- a pack that declares units -----------------------------------------------------------

SETTINGS = """units:
  kWh: {dimension: energy, factor: 1, words: [kWh, 千瓦时]}
  MWh: {dimension: energy, factor: 1000, words: [MWh]}
"""
ATTRIBUTE = """  battery_capacity:
    kind: quantity
    label: battery capacity
    units: [energy]
    subject_types: [model, product]
    triggers: [电池容量, 电池, battery]
"""


@pytest.fixture(scope="module")
def ev_pack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pack") / "rules"
    shutil.copytree(bundled_rules_dir(), folder)
    settings_path = folder / "settings.yaml"
    settings_path.write_text(settings_path.read_text(encoding="utf-8") + SETTINGS, encoding="utf-8")
    attributes = folder / "attributes.yaml"
    attributes.write_text(attributes.read_text(encoding="utf-8") + ATTRIBUTE, encoding="utf-8")
    return load_rules(folder)


def claims_and_findings(pack, *texts: str):
    articles = [make_article(f"a{n}", f"a{n}", text, {}, 0, None) for n, text in enumerate(texts)]
    claims = [claim for article in articles for claim in extract_article(article, pack).claims]
    findings, _ = detect(claims, articles, pack)
    return claims, findings


def test_pack_units_reach_claims_in_the_base_unit(ev_pack):
    claims, findings = claims_and_findings(ev_pack, "ChatGPT的电池容量为75千瓦时。", "ChatGPT的电池容量为0.075 MWh。")
    assert [(c.attribute, c.unit, c.quantity.low, c.quantity.high) for c in claims] == [("battery_capacity", "kWh", 74.5, 75.5)] * 2
    assert findings == []


def test_pack_units_conflict_in_the_base_unit(ev_pack):
    # [74.5, 75.5) vs [79.5, 80.5): the third decimal of 0.080 MWh is one kWh
    _, findings = claims_and_findings(ev_pack, "ChatGPT的电池容量为75 kWh。", "ChatGPT的电池容量为0.080 MWh。")
    assert [(f.kind, f.attribute) for f in findings] == [("numeric_mismatch", "battery_capacity")]
    assert "(75 kWh)" in findings[0].message and "(80 kWh)" in findings[0].message  # both sides in the base unit


def test_pack_units_are_set_on_the_pack(ev_pack):
    assert ev_pack.dimensions == {"kWh": "energy", "MWh": "energy"}
    assert ev_pack.unit_allowed("kWh", ["energy"]) and ev_pack.unit_allowed("kWh", ["MWh"])
    assert not ev_pack.unit_allowed("kWh", ["count"])
    words = {(u.word, u.base, u.factor) for u in ev_pack.value_settings.units}
    assert words == {("kWh", "kWh", Decimal(1)), ("千瓦时", "kWh", Decimal(1)), ("MWh", "kWh", Decimal(1000))}


@pytest.mark.parametrize(("text", "unit"), [
    ("营收为新台币1,200亿元", "TWD"),
    ("港币30亿元", "HKD"),
    ("台币 300元", "TWD"),
    ("人民币30亿元", "CNY"),
    ("营收为1,200亿元", "CNY"),
])
def test_yuan_after_a_named_currency_is_that_currency(text, unit):
    assert [m.quantity.unit for m in find_quantities(text)] == [unit]
