"""A second domain with no code of its own: the EV dataset (fixtures/ev) and its rules pack.

Everything the pipeline knows about electric-vehicle makers comes from
fixtures/ev/rules; the dataset must score perfectly with it, through the API and
through `checker eval --rules`, and stay out of the AI dataset's runs.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from checker.api import RunResult, run
from checker.cli import app
from checker.evaluate import evaluate, load_expected
from checker.rulepack import load_rules
from tests.conftest import FIXTURES

EV = FIXTURES / "ev"
EV_RULES = EV / "rules"
EXPECTED = load_expected(EV)


@pytest.fixture(scope="module")
def ev_run() -> RunResult:
    return run([EV], EV_RULES)


def test_ev_pack_is_a_separate_domain():
    pack = load_rules(EV_RULES)
    assert {"byd", "tesla", "nio", "xpeng", "li-auto"} <= set(pack.entities)
    assert pack.entities["nio-et5"].type == "product"
    assert set(pack.entities) & set(load_rules().entities) == {"nvidia"}


def test_ev_dataset_scores_perfectly(ev_run):
    evaluation = evaluate(ev_run, EXPECTED)
    assert [w["kind"] + " " + w["subject"] for w in evaluation.missed] == []
    assert [f.message for f in evaluation.unexpected] == []
    assert [(rule["subject"], f.message) for rule, f in evaluation.violations] == []
    assert (evaluation.overall.precision, evaluation.overall.recall) == (1.0, 1.0)
    assert evaluation.overall_claims.recall == 1.0, evaluation.missed_claims
    assert evaluation.overall_claims.precision == 1.0


def test_ev_dataset_lists_every_article_and_language(ev_run):
    assert {a.id: a.language for a in ev_run.articles} == EXPECTED["articles"]
    assert {"zh-Hans", "zh-Hant", "en", "mixed"} <= set(EXPECTED["articles"].values())
    assert ev_run.problems == []  # the rules/ folder holds no articles


def test_declared_units_are_read_and_converted(ev_run):
    ranges = [c for c in ev_run.claims if c.attribute == "range"]
    assert {c.unit for c in ranges} == {"km"}
    miles = next(c for c in ranges if "miles" in c.text)
    assert miles.quantity.low < 556 < miles.quantity.high  # 345 miles in km
    assert {c.unit for c in ev_run.claims if c.attribute == "battery_capacity"} == {"kWh"}


def test_ev_dataset_plants_every_kind_of_contradiction():
    kinds = {f["kind"] for f in EXPECTED["findings"]}
    assert kinds == {"numeric_mismatch", "date_conflict", "attribution_conflict", "type_conflict", "negation_conflict", "name_variant", "reference_mismatch"}
    assert len(EXPECTED["must_not"]) >= 10


def test_ev_evidence_slices_its_article(ev_run):
    texts = {a.id: a.text for a in ev_run.articles}
    for finding in ev_run.findings:
        for evidence in finding.evidence:
            assert texts[evidence.article][evidence.start:evidence.end] == evidence.text


def test_cli_eval_with_ev_rules():
    result = CliRunner().invoke(app, ["eval", str(EV), "--rules", str(EV_RULES), "--min-precision", "1", "--min-recall", "1"])
    assert result.exit_code == 0, result.output
    assert "missed:" not in result.output and "unexpected:" not in result.output and "must not:" not in result.output


def test_ev_dataset_with_the_ai_pack_is_not_what_eval_expects():
    """The pack matters: the bundled AI pack knows none of the EV entities, so nothing planted is found."""
    evaluation = evaluate(run([EV]), EXPECTED)
    assert evaluation.overall.recall == 0.0


def test_ai_fixtures_run_reads_no_ev_article(fixtures_run):
    assert {a.id for a in fixtures_run.articles} == set(load_expected(FIXTURES)["articles"])
    ev_ids = {path.stem for path in EV.glob("*.md")}
    assert not ev_ids & {a.id for a in fixtures_run.articles}
    assert not any("/ev/" in a.path.replace("\\", "/") for a in fixtures_run.articles)
    assert str(EV) in [p.path for p in fixtures_run.problems]  # skipped with a warning
