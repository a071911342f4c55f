"""`checker check` and `checker baseline` end to end: exit codes, the baseline life cycle,
locations in both articles, and the committed fixtures baseline that CI gates on."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.check import Status, check_paths, check_run, load_baseline
from checker.check.formats.sarif import sarif_log
from checker.cli import app
from checker.evaluate import evaluate, load_expected
from tests.conftest import FIXTURES, ROOT

runner = CliRunner()
SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

INTRO = "这一段介绍本周的行业动态，与融资无关。"
A_CLAIM = "Anthropic本轮融资规模为3亿美元"
B_CLAIM = "Anthropic raised $500 million"
ARTICLE_A = f"""---
title: 融资简讯
source: 测试社
date: 2023-02-10
---
{INTRO}

{A_CLAIM}，投资方包括多家基金。
"""
ARTICLE_B = f"""---
title: Funding brief
source: Test Wire
date: 2023-02-11
---
The week in brief.

{B_CLAIM} in its latest funding round, the company said.
"""
REASON = "checked with the company: the two articles describe different tranches"


def write_dataset(folder: Path, a: str = ARTICLE_A, b: str = ARTICLE_B) -> Path:
    """Two tiny articles whose funding-round figures for Anthropic contradict each other."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.md").write_text(a, encoding="utf-8")
    (folder / "b.md").write_text(b, encoding="utf-8")
    return folder


def expected_region(text: str, claim: str) -> dict:
    """Line and column of `claim` in `text`, counted independently of the tool."""
    start = text.index(claim)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    return {"startLine": line, "startColumn": column, "endLine": line, "endColumn": column + len(claim)}


def accept(baseline: Path, reason: str = REASON) -> None:
    """What a curator does: write a reason into every entry that has none."""
    text = baseline.read_text(encoding="utf-8")
    marker = "reason: ''  # not accepted: write why this finding is acceptable"
    assert marker in text, "the baseline has no entry to accept"
    baseline.write_text(text.replace(marker, f"reason: {json.dumps(reason)}"), encoding="utf-8")


def entry_line(baseline_text: str) -> int:
    """The line of the first baseline entry."""
    return next(n for n, line in enumerate(baseline_text.splitlines(), start=1) if line.startswith("- fingerprint:"))


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "dataset")


def sarif_regions(location: dict) -> tuple[str, dict]:
    physical = location["physicalLocation"]
    region = {k: v for k, v in physical["region"].items() if k != "snippet"}
    return physical["artifactLocation"]["uri"], region


# --- exit codes --------------------------------------------------------------------


def test_new_contradiction_exits_1_and_sarif_points_at_both_articles(dataset, tmp_path):
    out = tmp_path / "check.sarif"
    result = runner.invoke(app, ["check", str(dataset), "--format", "sarif", "--output", str(out)])
    assert result.exit_code == 1, result.output
    log = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    [finding] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "NUM001"]
    assert finding["level"] == "error" and finding["baselineState"] == "new"
    assert len(finding["relatedLocations"]) == 1
    located = dict(sarif_regions(location) for location in finding["locations"] + finding["relatedLocations"])
    a, b = dataset / "a.md", dataset / "b.md"
    assert located == {
        a.as_uri(): expected_region(a.read_text(encoding="utf-8"), A_CLAIM),
        b.as_uri(): expected_region(b.read_text(encoding="utf-8"), B_CLAIM),
    }
    assert "[" in finding["message"]["text"] and "](1)" in finding["message"]["text"]
    rule_ids = [rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]]
    assert rule_ids[finding["ruleIndex"]] == "NUM001"


def test_text_output_names_file_line_and_column(dataset):
    result = runner.invoke(app, ["check", str(dataset)])
    assert result.exit_code == 1
    region = expected_region(ARTICLE_A, A_CLAIM)
    assert f"a.md:{region['startLine']}:{region['startColumn']}: NUM001 error Anthropic funding round" in result.stdout
    region_b = expected_region(ARTICLE_B, B_CLAIM)
    assert f"b.md:{region_b['startLine']}:{region_b['startColumn']}: {B_CLAIM}" in result.stdout
    assert "new: 1 (1 at or above error), baselined: 0, stale: 0" in result.stdout
    assert "failed: 1 new finding at or above error" in result.stdout


def test_baselined_with_reason_exits_0(dataset, tmp_path):
    baseline = tmp_path / "baseline.yaml"
    written = runner.invoke(app, ["baseline", str(dataset), "--output", str(baseline)])
    assert written.exit_code == 0, written.output
    accept(baseline)
    result = runner.invoke(app, ["check", str(dataset), "--baseline", str(baseline)])
    assert result.exit_code == 0, result.output
    assert "new: 0 (0 at or above error), baselined: 1, stale: 0" in result.stdout
    assert "passed: no new finding at or above error" in result.stdout


def test_baseline_entry_without_reason_is_not_accepted(dataset, tmp_path):
    baseline = tmp_path / "baseline.yaml"
    runner.invoke(app, ["baseline", str(dataset), "--output", str(baseline)])
    text = baseline.read_text(encoding="utf-8")
    assert "reason: ''  # not accepted" in text and "fingerprint:" in text
    result = runner.invoke(app, ["check", str(dataset), "--baseline", str(baseline)])
    assert result.exit_code == 1
    assert f"not accepted: {baseline}:{entry_line(text)} lists this finding without a reason" in result.stdout
    assert "1 listed in the baseline without a reason" in result.stdout


def test_malformed_baseline_exits_2_naming_file_and_line(dataset, tmp_path):
    baseline = tmp_path / "baseline.yaml"
    baseline.write_text("version: 1\nfindings:\n  - fingerprint: 0123456789abcdef0123\n    reson: typo\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(dataset), "--baseline", str(baseline)])
    assert result.exit_code == 2
    assert f"{baseline}:4: BL010 unknown key `reson`" in result.output and "did you mean `reason`?" in result.output


def test_baseline_yaml_syntax_error_exits_2_naming_the_line(dataset, tmp_path):
    baseline = tmp_path / "baseline.yaml"
    baseline.write_text("version: 1\nfindings:\n  - fingerprint: [unclosed\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(dataset), "--baseline", str(baseline)])
    assert result.exit_code == 2
    assert f"{baseline}:4" in result.output and "YAML syntax error" in result.output


def test_missing_baseline_file_exits_2(dataset, tmp_path):
    result = runner.invoke(app, ["check", str(dataset), "--baseline", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2 and "baseline file not found" in result.output


def test_bad_fail_on_is_a_usage_error(dataset):
    result = runner.invoke(app, ["check", str(dataset), "--fail-on", "critical"])
    assert result.exit_code == 2 and "--fail-on" in result.output


def test_fail_on_sets_the_failing_severity(tmp_path, pack):
    """A reported figure (据报道) drops the finding to a warning: it fails only with --fail-on warning."""
    folder = write_dataset(
        tmp_path / "d",
        a=ARTICLE_A.replace(A_CLAIM, "据报道，" + A_CLAIM),
    )
    errors_only = check_paths([folder], pack)
    [checked] = [c for c in errors_only.findings if c.finding.code == "NUM001"]
    assert checked.finding.severity.value == "warning"
    assert errors_only.passed and checked.status is Status.new and not checked.fails
    warnings_too = check_paths([folder], pack, fail_on=checked.finding.severity)
    assert not warnings_too.passed and [c.finding.code for c in warnings_too.failing] == ["NUM001"]


# --- the baseline life cycle ---------------------------------------------------------


def test_unrelated_edits_and_file_order_keep_the_finding_baselined(dataset, tmp_path):
    baseline = tmp_path / "baseline.yaml"
    runner.invoke(app, ["baseline", str(dataset), "--output", str(baseline)])
    accept(baseline)
    edited = ARTICLE_A.replace(INTRO, "编者按：本文为每周简报的一部分。\n\n" + INTRO)
    (dataset / "a.md").write_text(edited, encoding="utf-8")
    out = tmp_path / "check.sarif"
    result = runner.invoke(app, ["check", str(dataset / "b.md"), str(dataset / "a.md"), "--baseline", str(baseline), "-f", "sarif", "-o", str(out)])
    assert result.exit_code == 0, result.output
    [finding] = json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert finding["baselineState"] == "unchanged"
    assert finding["suppressions"][0]["justification"] == REASON
    located = dict(sarif_regions(location) for location in finding["locations"] + finding["relatedLocations"])
    assert located[(dataset / "a.md").as_uri()] == expected_region(edited, A_CLAIM)
    assert expected_region(edited, A_CLAIM)["startLine"] == expected_region(ARTICLE_A, A_CLAIM)["startLine"] + 2


def test_fixed_cause_shows_stale_entry_and_prune_drops_it(dataset, tmp_path):
    baseline = tmp_path / "baseline.yaml"
    runner.invoke(app, ["baseline", str(dataset), "--output", str(baseline)])
    accept(baseline)
    (dataset / "b.md").write_text(ARTICLE_B.replace("$500 million", "$300 million"), encoding="utf-8")
    out = tmp_path / "check.json"
    result = runner.invoke(app, ["check", str(dataset), "--baseline", str(baseline), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["stale"] == 1 and report["findings"] == []
    [stale] = report["stale"]
    assert stale["reason"] == REASON and stale["code"] == "NUM001" and stale["line"] == entry_line(baseline.read_text(encoding="utf-8"))

    kept = runner.invoke(app, ["baseline", str(dataset), "--output", str(baseline)])
    assert kept.exit_code == 0 and "1 stale kept" in kept.output
    assert [e.reason for e in load_baseline(baseline).entries] == [REASON]
    pruned = runner.invoke(app, ["baseline", str(dataset), "--output", str(baseline), "--prune"])
    assert pruned.exit_code == 0 and "1 stale pruned" in pruned.output
    assert load_baseline(baseline).entries == ()


def test_baseline_update_keeps_reasons_and_adds_new_findings_unaccepted(dataset, tmp_path, pack):
    """A third source joining a dispute changes the finding (one finding cites every value cluster):
    the accepted entry goes stale, keeping its reason, and the wider dispute waits for a reason."""
    baseline = tmp_path / "baseline.yaml"
    runner.invoke(app, ["baseline", str(dataset), "--output", str(baseline)])
    accept(baseline)
    [accepted] = load_baseline(baseline).entries
    (dataset / "c.md").write_text("---\ndate: 2023-02-12\n---\nAnthropic的本轮融资金额为8亿美元。\n", encoding="utf-8")
    updated = runner.invoke(app, ["baseline", str(dataset), "--output", str(baseline)])
    assert updated.exit_code == 0, updated.output
    assert "2 entries: 1 added, 0 kept, 1 stale kept" in updated.output and "1 without a reason" in updated.output
    entries = {tuple(e.articles): e for e in load_baseline(baseline).entries}
    assert entries.keys() == {("a", "b"), ("a", "b", "c")}
    assert entries[("a", "b")].fingerprint == accepted.fingerprint and entries[("a", "b")].reason == REASON
    assert entries[("a", "b", "c")].reason == ""
    result = check_paths([dataset], pack, baseline)
    assert result.baselined == [] and len(result.unaccepted) == 1 and not result.passed
    assert [e.fingerprint for e in result.stale] == [accepted.fingerprint]


# --- the core without the CLI ---------------------------------------------------------


def test_check_paths_reports_statuses(dataset, tmp_path, pack):
    result = check_paths([dataset], pack)
    [checked] = result.findings
    assert checked.status is Status.new and checked.fails and not result.passed
    assert {location.article for location in checked.locations} == {"a", "b"}
    assert checked.primary.start_line == expected_region(ARTICLE_A, A_CLAIM)["startLine"]


def test_fixtures_gate_passes_with_the_committed_baseline(fixtures_run):
    """The CI gate of .ci/run: each deliberate finding of fixtures/ is accepted once, none stale."""
    baseline = load_baseline(FIXTURES / "baseline.yaml")
    result = check_run(fixtures_run, baseline)
    assert result.new == [] and result.stale == [] and result.passed
    assert len(result.baselined) == len(baseline.entries) == len(fixtures_run.findings)
    evaluation = evaluate(fixtures_run, load_expected(FIXTURES))  # every finding is a planted one, and each is found
    assert not evaluation.missed and not evaluation.unexpected
    assert all(entry.reason.startswith("planted finding") for entry in baseline.entries)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif_log(result))


def test_fixtures_without_baseline_fail(fixtures_run):
    result = check_run(fixtures_run)
    assert not result.passed and len(result.new) == len(fixtures_run.findings) > 0
    assert {c.finding.severity.value for c in result.failing} == {"error"}
