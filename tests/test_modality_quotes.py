"""Modality words inside a quoted name (“快速通道计划”, "Fast Plan") make no plan; a quotation
of speech keeps its modality."""

from __future__ import annotations

import pytest

from checker.claims.context import mask_quoted_names
from checker.models import Modality
from checker.rulepack import load_rules
from tests.conftest import FIXTURES
from tests.test_stages import claims_of


@pytest.fixture(scope="module")
def pharma():
    return load_rules(FIXTURES / "pharma" / "rules")


def _approvals(text: str, pack) -> list[tuple[str, Modality]]:
    return [(c.subject, c.modality) for c in claims_of(text, pack) if c.attribute == "approval_date"]


@pytest.mark.parametrize("text", [
    "泽布替尼作为“快速通道计划”的首个药物，于2023年1月19日获得FDA批准。",
    "泽布替尼作为「快速通道计划」的首个药物，于2023年1月19日获得FDA批准。",
    "泽布替尼入选《罕见病用药计划》，于2023年1月19日获得FDA批准。",
    'Brukinsa, the first drug of the "Fast Plan" programme, was approved on January 19, 2023.',
])
def test_a_modality_word_inside_a_quoted_name_makes_no_plan(pharma, text):
    assert _approvals(text, pharma) == [("brukinsa", Modality.asserted)]


@pytest.mark.parametrize("text", [
    "泽布替尼计划于2023年1月19日获得FDA批准。",
    "百济神州表示：“泽布替尼计划于2024年3月获批。”",
    'BeiGene said "Brukinsa is expected to be approved in March 2024."',
])
def test_a_plan_outside_a_name_or_in_quoted_speech_stays_a_plan(pharma, text):
    assert _approvals(text, pharma) == [("brukinsa", Modality.planned)]


def test_masking_keeps_offsets_and_the_quotation_marks():
    text = "公司启动“星火计划”，将于五月上市。"
    masked = mask_quoted_names(text)
    assert len(masked) == len(text)
    assert "计划" not in masked and "将于" in masked and masked.count("“") == 1


@pytest.mark.parametrize(("text", "modality"), [
    ("百度计划于3月16日发布文心一言。", Modality.planned),
    ("文心一言目前仍在内测，百度还计划在4月对外开放文心一言。", Modality.planned),
    ("百度按计划于3月16日发布了文心一言。", Modality.asserted),
])
def test_a_plan_verb_plans_and_a_plan_carried_out_is_an_outcome(pack, text, modality):
    dated = [c.modality for c in claims_of(text, pack) if c.attribute in ("release_date", "public_date")]
    assert dated == [modality]


@pytest.mark.parametrize(("text", "modality"), [
    ("据报道，百度计划于7月发布新模型，但文心一言已于3月16日发布。", Modality.asserted),
    ("Reportedly the lab plans a new model for July, but ERNIE Bot was released on March 16.", Modality.asserted),
    ("据报道，文心一言已于3月16日发布。", Modality.reported),
])
def test_the_head_of_a_sentence_does_not_qualify_a_clause_that_turns_against_it(pack, text, modality):
    assert [c.modality for c in claims_of(text, pack) if c.attribute == "release_date" and c.subject == "ernie-bot"] == [modality]
