"""Rule warnings: an entity, trigger word or reference fact that matches nothing is listed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.check import check_paths
from checker.cli import app
from checker.rulepack import load_rules
from tests.conftest import ROOT
from tests.test_check import ARTICLE_B, write_dataset

runner = CliRunner()
GHOST_ENTITY = """
  - id: ghost-lab
    type: organization
    aliases: [幽灵实验室, Ghost Lab]
"""
GHOST_ATTRIBUTE = """
  ghost_metric:
    kind: quantity
    label: ghost metric
    units: [count]
    subject_types: [organization]
    triggers: [RAISED, 幽灵指标]
"""
GHOST_FACT = """
  - subject: anthropic
    attribute: valuation
    value: 4100000000
    unit: USD
    source: {title: "A valuation no article states", url: "https://example.com/ghost"}
"""


def line_of(path: Path, text: str) -> int:
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


@pytest.fixture(scope="module")
def ghost_rules(tmp_path_factory) -> Path:
    """The bundled pack plus an entity, a trigger and a fact that no article matches."""
    rules = tmp_path_factory.mktemp("pack") / "rules"
    shutil.copytree(ROOT / "rules", rules)
    for name, addition in (("entities.yaml", GHOST_ENTITY), ("attributes.yaml", GHOST_ATTRIBUTE), ("facts.yaml", GHOST_FACT)):
        with (rules / name).open("a", encoding="utf-8") as handle:
            handle.write(addition)
    return rules


@pytest.fixture(scope="module")
def agreeing(tmp_path_factory) -> Path:
    """Articles that agree: no finding."""
    return write_dataset(tmp_path_factory.mktemp("agree") / "d", b=ARTICLE_B.replace("$500 million", "$300 million"))


def test_unmatched_entity_trigger_and_fact_are_listed_with_file_and_line(ghost_rules, agreeing):
    result = check_paths([agreeing], load_rules(ghost_rules))
    warnings = {(w.kind, w.name): w for w in result.rule_warnings}
    entity = warnings["entity", "ghost-lab"]
    assert entity.file.endswith("entities.yaml") and entity.line == line_of(ghost_rules / "entities.yaml", "  - id: ghost-lab")
    assert "幽灵实验室, Ghost Lab" in entity.message
    trigger = warnings["trigger", "ghost_metric"]
    assert trigger.line == line_of(ghost_rules / "attributes.yaml", "    triggers: [RAISED, 幽灵指标]")
    # RAISED matches "raised" in b.md: Latin triggers match case-insensitively, as the extractors match them
    assert trigger.message == "attribute `ghost_metric`: trigger word 幽灵指标 occurs in no article"
    fact = warnings["fact", "anthropic valuation"]
    assert fact.line == line_of(ghost_rules / "facts.yaml", "  - subject: anthropic")
    assert ("entity", "anthropic") not in warnings
    funding = warnings.get(("trigger", "funding_round"))
    assert funding is None or "融资" not in funding.message  # a.md says 融资规模


def test_rule_warnings_do_not_fail_the_gate_unless_strict(ghost_rules, agreeing):
    relaxed = runner.invoke(app, ["check", str(agreeing), "--rules", str(ghost_rules), "--rule-warnings"])
    assert relaxed.exit_code == 0, relaxed.output
    assert "rule warning: entity `ghost-lab`" in relaxed.stdout
    assert "passed: no new finding at or above error" in relaxed.stdout
    strict = runner.invoke(app, ["check", str(agreeing), "--rules", str(ghost_rules), "--strict-rules"])
    assert strict.exit_code == 1
    assert "rule warnings with --strict-rules" in strict.stdout



def test_rule_warnings_are_one_summary_line_unless_asked_for(ghost_rules, agreeing):
    quiet = runner.invoke(app, ["check", str(agreeing), "--rules", str(ghost_rules)])
    assert quiet.exit_code == 0, quiet.output
    assert "rule warning:" not in quiet.stdout
    [counts] = [line for line in quiet.stdout.splitlines() if "rule warnings:" in line]
    assert re.search(r"rule warnings: [1-9]\d* \(not listed: --rule-warnings lists them\)", counts)


def test_no_rule_warnings_about_a_pack_the_user_did_not_pass(agreeing):
    """The bundled pack is not the user's to change: no warnings about it, not even counted."""
    result = runner.invoke(app, ["check", str(agreeing), "--rule-warnings"])
    assert result.exit_code == 0, result.output
    assert "rule warning:" not in result.stdout and "rule warnings: 0" in result.stdout
    assert "bundled_rules" not in result.stdout and "rules/entities.yaml" not in result.stdout
