"""The tutorial's pack: a drug-approval dataset (fixtures/pharma) with no code of its own.

docs/rules.md walks a curator through writing fixtures/pharma/rules from the articles
up; this module holds the pack to what the tutorial promises: the dataset scores
perfectly with it, every planted kind is there, every attribute carries cases, and the
perturbation check catches every changed value.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from checker.api import RunResult, run
from checker.cli import app
from checker.evaluate import evaluate, load_expected
from checker.rulepack import load_rules
from tests.conftest import FIXTURES

PHARMA = FIXTURES / "pharma"
PHARMA_RULES = PHARMA / "rules"
EXPECTED = load_expected(PHARMA)


@pytest.fixture(scope="module")
def pharma_run() -> RunResult:
    return run([PHARMA], PHARMA_RULES)


def test_pharma_pack_is_a_separate_domain():
    pack = load_rules(PHARMA_RULES)
    assert {"pfizer", "eisai", "leqembi", "paxlovid", "fda"} <= set(pack.entities)
    assert pack.entities["leqembi"].parent == "eisai"
    assert not set(pack.entities) & set(load_rules().entities)
    assert not set(pack.entities) & set(load_rules(FIXTURES / "ev" / "rules").entities)


def test_every_attribute_carries_cases():
    pack = load_rules(PHARMA_RULES)
    assert [name for name, rule in pack.attributes.items() if not rule.cases] == []


def test_pharma_dataset_scores_perfectly(pharma_run):
    evaluation = evaluate(pharma_run, EXPECTED)
    assert [w["kind"] + " " + w["subject"] for w in evaluation.missed] == []
    assert [f.message for f in evaluation.unexpected] == []
    assert [(rule["subject"], f.message) for rule, f in evaluation.violations] == []
    assert (evaluation.overall.precision, evaluation.overall.recall) == (1.0, 1.0)
    assert evaluation.overall_claims.recall == 1.0, evaluation.missed_claims
    assert evaluation.overall_claims.precision == 1.0


def test_pharma_dataset_covers_four_scripts_and_every_kind(pharma_run):
    assert {a.id: a.language for a in pharma_run.articles} == EXPECTED["articles"]
    assert set(EXPECTED["articles"].values()) == {"zh-Hans", "zh-Hant", "en", "mixed"}
    assert pharma_run.problems == []
    kinds = {f["kind"] for f in EXPECTED["findings"]}
    assert kinds == {"numeric_mismatch", "date_conflict", "attribution_conflict", "type_conflict", "negation_conflict", "name_variant", "reference_mismatch"}
    assert len(EXPECTED["must_not"]) >= 10


def test_guidance_and_per_share_figures_are_not_claims(pharma_run):
    revenue = [c for c in pharma_run.claims if c.attribute == "revenue"]
    assert {c.article for c in revenue} == {"zh-02-pfizer-results", "zh-04-seagen-deal", "tw-01-rsv-pfizer"}
    assert not any("670" in c.text for c in revenue)  # 辉瑞预计今年营收…: guidance (forbid 预计)
    deals = [c for c in pharma_run.claims if c.attribute == "deal_value"]
    assert {c.obj for c in deals} == {"seagen"} and not any("229" in c.text for c in deals)


def test_pharma_evidence_slices_its_article(pharma_run):
    texts = {a.id: a.text for a in pharma_run.articles}
    for finding in pharma_run.findings:
        for evidence in finding.evidence:
            assert texts[evidence.article][evidence.start:evidence.end] == evidence.text


def test_cli_rules_test_and_eval_with_the_pharma_pack():
    runner = CliRunner()
    tested = runner.invoke(app, ["rules", "test", str(PHARMA_RULES)])
    assert tested.exit_code == 0, tested.output
    result = runner.invoke(app, ["eval", str(PHARMA), "--rules", str(PHARMA_RULES), "--min-precision", "1", "--min-recall", "1"])
    assert result.exit_code == 0, result.output
    assert "missed:" not in result.output and "unexpected:" not in result.output and "must not:" not in result.output


def test_pharma_dataset_with_the_ai_pack_finds_nothing_planted():
    """The pack is what makes the domain: the bundled AI pack knows none of its entities."""
    assert evaluate(run([PHARMA]), EXPECTED).overall.recall == 0.0
