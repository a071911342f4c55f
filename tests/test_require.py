"""`require` on quantity and date attributes: one of its words must be in the clause, so one
trigger serves attributes a qualifier tells apart (an annual figure and a monthly one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.rulepack import load_rules
from tests.conftest import FIXTURES
from tests.test_rulepack import append, line_with, the_problem
from tests.test_stages import claims_of

EV_RULES = FIXTURES / "ev" / "rules"
ATTRIBUTES = """  annual_output:
    kind: quantity
    units: [count]
    subject_types: [organization]
    triggers: [产量, output]
    require: [全年, full-year]
  plant_opening:
    kind: date
    subject_types: [organization]
    triggers: [投产]
    require: [工厂, plant]
"""


def _copy(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    for name in ("entities.yaml", "attributes.yaml", "facts.yaml", "settings.yaml"):
        (folder / name).write_bytes((EV_RULES / name).read_bytes())
    append(folder / "attributes.yaml", extra)
    return folder


@pytest.fixture(scope="module")
def pack(tmp_path_factory):
    return load_rules(_copy(tmp_path_factory.mktemp("require"), ATTRIBUTES))


def _read(text: str, pack) -> list[tuple[str, str]]:
    return [(c.attribute, c.value) for c in claims_of(text, pack) if c.attribute in ("annual_output", "plant_opening")]


def test_a_figure_with_a_required_word_in_its_clause_is_read(pack):
    assert _read("蔚来全年产量为12.2万辆。", pack) == [("annual_output", "122000")]
    assert _read("NIO's full-year output was 122,000 cars.", pack) == [("annual_output", "122000")]


def test_a_figure_without_one_is_not(pack):
    assert _read("蔚来1月产量为8506辆。", pack) == []
    assert _read("全年目标不变，蔚来1月产量为8506辆。", pack) == []  # the word is in another clause


def test_a_date_trigger_needs_a_required_word_in_its_clause(pack):
    assert [a for a, _ in _read("蔚来合肥工厂于2月3日投产。", pack)] == ["plant_opening"]
    assert _read("蔚来新车型于2月3日投产。", pack) == []


def test_require_on_an_entity_attribute_has_no_effect(tmp_path):
    folder = _copy(tmp_path, "  assembler:\n    kind: entity\n    triggers: [组装]\n    require: [工厂]\n")
    problem = the_problem(folder, "attributes.yaml")
    assert (problem.code, problem.message) == ("RP031", "`require` has no effect on an entity attribute")
    assert problem.line == line_with(folder / "attributes.yaml", "require: [工厂]")
