"""Feature attributes (`kind: feature`): what a subject has or uses, its denial, and the
negation_conflict and reference_mismatch findings they make. Sentences are our own, on
the drug-approval pack (fixtures/pharma/rules, attribute `adjuvant`)."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import extract_all
from checker.detect import detect
from checker.models import Modality
from checker.rulepack import load_rules
from tests.conftest import FIXTURES
from tests.test_stages import article, claims_of

JUNE = dt.date(2023, 6, 10)


@pytest.fixture(scope="module")
def pharma():
    return load_rules(FIXTURES / "pharma" / "rules")


def _features(text: str, pack) -> list[tuple[str, str, bool, Modality]]:
    return [(c.subject, c.value, c.negated, c.modality) for c in claims_of(text, pack) if c.attribute == "adjuvant"]


def _run(pack, *dated: tuple[str, dt.date]):
    items = [article(text, date=day, article_id=f"a{i}") for i, (text, day) in enumerate(dated)]
    claims = [c for e in extract_all(items, pack) for c in e.claims]
    return detect(claims, items, pack)


def _findings(pack, *dated: tuple[str, dt.date]):
    return _run(pack, *dated)[0]


@pytest.mark.parametrize(("text", "negated"), [
    ("葛兰素史克表示，Arexvy含有佐剂AS01E。", False),
    ("Arexvy contains an adjuvant that boosts the response.", False),
    ("Abrysvo并不含佐剂。", True),
    ("Abrysvo does not contain an adjuvant.", True),
    ("Abrysvo contains no adjuvant.", True),
])
def test_a_feature_and_its_denial_are_read(pharma, text, negated):
    subject = "arexvy" if "Arexvy" in text else "abrysvo"
    assert _features(text, pharma) == [(subject, "adjuvant", negated, Modality.asserted)]


def test_a_list_of_features_gives_one_claim_each(pharma):
    assert {(s, v, n) for s, v, n, _ in _features("Comirnaty采用mRNA、佐剂两项技术。", pharma)} == {("comirnaty", "mrna", False), ("comirnaty", "adjuvant", False)}


def test_a_feature_out_of_reach_or_in_a_question_is_no_claim(pharma):
    assert _features("Arexvy含有多种辅料，其中是否有佐剂尚不清楚。", pharma) == []
    assert _features("Arexvy的说明书中含有一段关于储存温度和运输条件的说明，佐剂另见附录。", pharma) == []


def test_a_planned_feature_is_a_plan(pharma):
    assert _features("辉瑞计划让Abrysvo采用mRNA技术。", pharma) == [("abrysvo", "mrna", False, Modality.planned)]


def test_a_denial_conflicts_with_the_feature_it_denies(pharma):
    findings = _findings(pharma, ("Abrysvo不含佐剂。", JUNE), ("Abrysvo添加了佐剂，以增强免疫反应。", JUNE - dt.timedelta(days=3)))
    assert [(f.kind, f.subject, f.attribute, sorted({e.article for e in f.evidence})) for f in findings] == [
        ("negation_conflict", "abrysvo", "adjuvant", ["a0", "a1"])
    ]
    assert "adjuvant is denied (“Abrysvo不含佐剂”) but stated (“Abrysvo添加了佐剂”)" in findings[0].message


def test_a_denial_of_one_feature_does_not_meet_another(pharma):
    assert _findings(pharma, ("Comirnaty不含佐剂。", JUNE), ("Comirnaty采用mRNA技术。", JUNE)) == []


def test_a_plan_does_not_contradict_a_denial(pharma):
    assert _findings(pharma, ("Abrysvo目前没有采用mRNA。", JUNE), ("辉瑞计划让Abrysvo采用mRNA技术。", JUNE)) == []


def test_a_feature_stated_after_the_denial_may_be_new(pharma):
    later = JUNE + dt.timedelta(days=40)
    assert _findings(pharma, ("Abrysvo不含佐剂。", JUNE), ("Abrysvo添加了佐剂。", later)) == []


def test_a_denial_of_a_recorded_feature_is_a_reference_mismatch(pharma):
    findings = _findings(pharma, ("Arexvy并未添加佐剂。", JUNE))
    assert [(f.kind, f.subject, f.attribute) for f in findings] == [("reference_mismatch", "arexvy", "adjuvant")]
    assert "(not adjuvant)" in findings[0].message


def test_a_stated_recorded_feature_is_confirmed(pharma):
    findings, confirmed = _run(pharma, ("Arexvy含有佐剂AS01E。", JUNE))
    assert findings == []
    assert [(c.fact.subject, c.fact.attribute, c.fact.expected) for c in confirmed] == [("arexvy", "adjuvant", "adjuvant")]
