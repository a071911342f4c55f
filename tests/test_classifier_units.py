"""A measure word declared as a unit (台, 部, 架: devices shipped) reads figures in that unit, also
after a scale word (1.2亿部), and an attribute of that unit does not take bare counts."""

from __future__ import annotations

import pytest

from checker.rulepack import load_rules
from tests.test_require import _copy
from tests.test_stages import claims_of

SHIPMENTS = """  shipments:
    kind: quantity
    units: [device]
    subject_types: [organization]
    triggers: [出货量, 出货, shipped]
"""


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    folder = _copy(tmp_path_factory.mktemp("classifiers"), SHIPMENTS)
    settings = folder / "settings.yaml"
    text = settings.read_text(encoding="utf-8")
    assert text.count("\n  kWh:") == 1
    settings.write_text(text.replace("\n  kWh:", "\n  device: {dimension: devices, factor: 1, words: [台, 部, 架]}\n  kWh:"), encoding="utf-8")
    return load_rules(folder)


@pytest.mark.parametrize(("text", "value"), [("蔚来今年出货500万台。", "5000000"), ("蔚来的出货量达1.2亿部。", "120000000")])
def test_a_declared_measure_word_is_a_unit(pack, text, value):
    assert [(c.attribute, c.value, c.unit) for c in claims_of(text, pack) if c.attribute == "shipments"] == [("shipments", value, "device")]


def test_a_bare_count_is_no_shipment(pack):
    assert [c for c in claims_of("蔚来今年出货500万。", pack) if c.attribute == "shipments"] == []
