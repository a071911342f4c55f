"""The curated dataset: expected findings as sets, tempting pairs never reported, exact evidence."""

from __future__ import annotations

import pytest

from checker.evaluate import evaluate, load_expected
from tests.conftest import FIXTURES

EXPECTED = load_expected(FIXTURES)


def _label(item: dict) -> str:
    return f"{item['kind']}:{item['subject']}:{item['attribute']}:{'+'.join(item.get('articles') or [])}"


@pytest.mark.parametrize("wanted", EXPECTED["findings"], ids=_label)
def test_expected_finding_is_reported(fixtures_run, wanted):
    evaluation = evaluate(fixtures_run, {**EXPECTED, "findings": [wanted]})
    assert not evaluation.missed, f"not reported: {wanted.get('why', '')}"


@pytest.mark.parametrize("rule", EXPECTED["must_not"], ids=_label)
def test_tempting_pair_is_not_reported(fixtures_run, rule):
    evaluation = evaluate(fixtures_run, {**EXPECTED, "must_not": [rule]})
    assert not evaluation.violations, f"reported although {rule.get('why', '')}: {evaluation.violations[0][1].message}"


def test_no_unexpected_findings(fixtures_run):
    evaluation = evaluate(fixtures_run, EXPECTED)
    assert [f.message for f in evaluation.unexpected] == []


def test_claim_recall_and_precision(fixtures_run):
    evaluation = evaluate(fixtures_run, EXPECTED)
    assert evaluation.overall_claims.recall >= 0.95, evaluation.missed_claims
    assert evaluation.overall_claims.precision >= 0.95


def test_every_claim_slices_its_article_exactly(fixtures_run):
    texts = {a.id: a.text for a in fixtures_run.articles}
    assert fixtures_run.claims
    for claim in fixtures_run.claims:
        assert texts[claim.article][claim.start:claim.end] == claim.text, claim.id
        assert claim.text.strip() and claim.text in claim.sentence, claim.id


def test_every_finding_cites_claims_with_evidence(fixtures_run):
    claims = {c.id: c for c in fixtures_run.claims}
    texts = {a.id: a.text for a in fixtures_run.articles}
    for finding in fixtures_run.findings:
        assert finding.claims and len(finding.claims) == len(finding.evidence)
        for claim_id, evidence in zip(finding.claims, finding.evidence):
            assert claims[claim_id].start == evidence.start
            assert texts[evidence.article][evidence.start:evidence.end] == evidence.text


def test_dataset_covers_every_language(fixtures_run):
    languages = {a.language for a in fixtures_run.articles}
    assert {"zh-Hans", "zh-Hant", "en", "mixed"} <= languages
    assert all(EXPECTED["articles"][a.id] == a.language for a in fixtures_run.articles)
