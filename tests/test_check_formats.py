"""The output formats of `checker check`: schemas, locations and escaping of untrusted text."""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest
import xmlschema
from typer.testing import CliRunner

from checker.check import Status, check_paths
from checker.check.core import CheckedFinding
from checker.check.formats.github import LIMIT, command, escape_data, escape_property
from checker.check.formats.junit import xml_text
from checker.check.formats.sarif import escape as sarif_escape
from checker.check.formats.text import one_line
from checker.check.locations import Location
from checker.cli import app
from checker.models import Severity
from checker.output import Outcome, render
from checker.output.registry import formats_for
from tests.conftest import ROOT
from tests.test_check import A_CLAIM, ARTICLE_A, ARTICLE_B, B_CLAIM, expected_region, write_dataset

runner = CliRunner()
SCHEMAS = ROOT / "tests" / "schemas"
SARIF_SCHEMA = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CHECK_SCHEMA = json.loads((ROOT / "docs" / "check.schema.json").read_text(encoding="utf-8"))
JUNIT_SCHEMA = xmlschema.XMLSchema(str(SCHEMAS / "junit-10.xsd"))


@pytest.fixture(scope="module")
def contradiction(tmp_path_factory, pack):
    """One new NUM001 finding between a.md and b.md, checked without a baseline."""
    folder = write_dataset(tmp_path_factory.mktemp("formats") / "dataset")
    return check_paths([folder], pack)


def test_schemas_shipped_with_the_tests_are_intact():
    assert SARIF_SCHEMA["id"].endswith("/sarif-schema-2.1.0.json")
    jsonschema.Draft4Validator.check_schema(SARIF_SCHEMA)
    jsonschema.Draft202012Validator.check_schema(CHECK_SCHEMA)
    assert JUNIT_SCHEMA.is_valid('<testsuites><testsuite name="s" tests="1" failures="0" errors="0"><testcase name="t"/></testsuite></testsuites>')
    assert not JUNIT_SCHEMA.is_valid('<testsuites><testsuite name="s" failures="0" errors="0"><testcase name="t"/></testsuite></testsuites>')


# --- JSON -------------------------------------------------------------------------------


def test_json_validates_and_lists_locations(contradiction):
    document = json.loads(render(Outcome.of_check(contradiction), "json"))
    jsonschema.Draft202012Validator(CHECK_SCHEMA).validate(document)
    assert document["passed"] is False and document["summary"]["failing"] == 1
    [finding] = document["findings"]
    assert finding["status"] == "new" and finding["fails"] and finding["reason"] is None
    spots = {(loc["article"], loc["start_line"], loc["start_column"], loc["end_column"]) for loc in finding["locations"]}
    a, b = expected_region(ARTICLE_A, A_CLAIM), expected_region(ARTICLE_B, B_CLAIM)
    assert spots == {("a", a["startLine"], a["startColumn"], a["endColumn"]), ("b", b["startLine"], b["startColumn"], b["endColumn"])}


def test_json_rejects_what_the_schema_forbids(contradiction):
    """The schema is a real contract: a missing status or an unknown key fails validation."""
    document = json.loads(render(Outcome.of_check(contradiction), "json"))
    del document["findings"][0]["status"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, CHECK_SCHEMA)


# --- JUnit ------------------------------------------------------------------------------


def test_junit_validates_with_one_testcase_per_article_and_failures_on_both(tmp_path, pack):
    folder = write_dataset(tmp_path / "d")
    (folder / "b.md").rename(folder / "b<&>\".md")
    xml = render(Outcome.of_check(check_paths([folder], pack)), "junit")
    JUNIT_SCHEMA.validate(xml)
    root = ET.fromstring(xml)
    cases = {case.get("name").rsplit("/", 1)[-1]: case for case in root.iter("testcase") if case.get("classname") == "claim-checker.articles"}
    assert cases.keys() == {"a.md", "b<&>\".md"}
    for case in cases.values():
        [failure] = case.findall("failure")
        assert failure.get("type") == "NUM001" and A_CLAIM in failure.text and B_CLAIM in failure.text
    assert [case.get("classname") for case in root.iter("testcase")][-1] == "claim-checker.rules"
    assert root.get("tests") == "3" and root.get("failures") == "2"
    assert "b&lt;&amp;&gt;&quot;.md" in xml and "b<&>" not in xml


def test_xml_text_drops_characters_xml_cannot_carry():
    assert xml_text("a\x00b\x1bc\ud800d\tok\n\u202e") == "a\\u0000b\\u001bc\ufffdd\tok\n\\u202e"
    ET.fromstring(f"<x a='{xml_text(chr(7))}'>{xml_text('bell' + chr(7))}</x>")


# --- SARIF ------------------------------------------------------------------------------


def test_sarif_rules_come_from_the_detector_registry(contradiction):
    from checker.detect import REGISTRY

    log = json.loads(render(Outcome.of_check(contradiction), "sarif"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules.keys() == REGISTRY.keys()
    assert rules["NUM001"]["name"] == "numeric_mismatch"
    assert rules["NUM001"]["fullDescription"]["text"] == REGISTRY["NUM001"].doc
    assert rules["NUM001"]["shortDescription"]["text"] == REGISTRY["NUM001"].summary
    [result] = run["results"]
    assert result["partialFingerprints"]["claimChecker/v1"] == contradiction.findings[0].finding.fingerprint
    notifications = run["invocations"][0]["toolConfigurationNotifications"]
    assert len(notifications) == len(contradiction.rule_warnings) > 0


def test_sarif_names_each_unreadable_file_by_its_load_problem_code(tmp_path, pack):
    folder = write_dataset(tmp_path / "d")
    (folder / "blob.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    log = json.loads(render(Outcome.of_check(check_paths([folder], pack)), "sarif"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    [notification] = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notification["descriptor"] == {"id": "LD030"} and notification["level"] == "error"
    assert notification["message"]["text"].endswith("blob.md: LD030 binary file (contains NUL bytes), not an article")


def test_sarif_points_at_the_record_line_of_a_jsonl_file(tmp_path, pack):
    feed = tmp_path / "feed.jsonl"
    records = [{"date": "2023-02-10", "text": f"{A_CLAIM}。"}, {"date": "2023-02-11", "text": f"{B_CLAIM} in a new round."}]
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    log = json.loads(render(Outcome.of_check(check_paths([feed], pack)), "sarif"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    [result] = log["runs"][0]["results"]
    spots = [loc["physicalLocation"] for loc in result["locations"] + result["relatedLocations"]]
    assert [(spot["artifactLocation"]["uri"], spot["region"]) for spot in spots] == [
        (feed.as_uri(), {"startLine": 1, "endLine": 1}),
        (feed.as_uri(), {"startLine": 2, "endLine": 2}),
    ]


def test_sarif_escapes_brackets_so_article_text_cannot_forge_links():
    assert sarif_escape("see [here](1) and \\[x]") == "see \\[here\\](1) and \\\\\\[x\\]"


# --- GitHub workflow commands -------------------------------------------------------------


def test_github_escapes_data_and_properties():
    assert escape_data("50%\r\n::warning::x") == "50%25%0D%0A::warning::x"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    location = Location("a", "dir,x/a:b.md", 3, 5, 3, 9, "text")
    line = command("error", "bad\n::set-env name=X::1", "NUM001", location.path, location=location)
    assert line == "::error file=dir%2Cx/a%3Ab.md,line=3,col=5,endLine=3,endColumn=9,title=NUM001::bad%0A::set-env name=X::1"
    assert "\n" not in line


def test_github_annotates_the_claim_and_escapes_percent_signs(tmp_path, pack):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.md").write_text("---\ndate: 2023-02-09\n---\n2月8日，Alphabet股价当天下跌7.7%。\n", encoding="utf-8")
    (folder / "b.md").write_text("---\ndate: 2023-02-09\n---\n2月8日，Alphabet股价大跌12%。\n", encoding="utf-8")
    output = render(Outcome.of_check(check_paths([folder], pack)), "github")
    [annotation] = [line for line in output.splitlines() if "title=NUM001" in line]
    column = len("2月8日，") + 1
    assert annotation.startswith(f"::error file={folder.as_posix()}/a.md,line=4,col={column},endLine=4,")
    assert "7.7%25" in annotation and "12%25" in annotation
    assert re.search(r"%(?![0-9A-F]{2})", annotation) is None


def _many(result, count: int, severity: Severity) -> list[CheckedFinding]:
    base = result.findings[0]
    return [
        dataclasses.replace(base, finding=base.finding.model_copy(update={"fingerprint": f"{i:020x}", "severity": severity}))
        for i in range(count)
    ]


def test_github_stops_at_ten_per_level_and_says_how_many_more(contradiction):
    crowded = dataclasses.replace(
        contradiction,
        findings=_many(contradiction, 13, Severity.error) + _many(contradiction, 3, Severity.warning) + _many(contradiction, 12, Severity.info),
        rule_warnings=[],
    )
    lines = render(Outcome.of_check(crowded), "github").splitlines()
    levels = [line.split(" ", 1)[0].split("::")[1] for line in lines if line.startswith("::")]
    assert levels.count("error") == LIMIT and levels.count("warning") == 3
    assert levels.count("notice") == LIMIT  # nine findings and the summary notice
    summary = [line for line in lines if line.startswith("::notice::")]
    assert summary == [f"::notice::6 more findings and warnings than GitHub annotates (at most {LIMIT} per level and step); see the SARIF or text report"]


def test_github_under_the_limit_has_no_summary_notice(contradiction):
    lines = render(Outcome.of_check(dataclasses.replace(contradiction, rule_warnings=contradiction.rule_warnings[:LIMIT])), "github").splitlines()
    assert not any(line.startswith("::notice::") for line in lines)
    assert sum(line.startswith("::error ") for line in lines) == 1
    assert sum(line.startswith("::warning ") for line in lines) == LIMIT


# --- text ---------------------------------------------------------------------------------


def test_text_keeps_untrusted_text_on_one_line_without_control_characters():
    assert one_line("a\nb\r\n::error::x\x1b[31m\u202e") == "a b ::error::x\\u001b[31m\\u202e"


def test_text_lists_baselined_findings_only_in_the_counts(contradiction):
    accepted = dataclasses.replace(contradiction, findings=[dataclasses.replace(contradiction.findings[0], status=Status.baselined, fails=False)])
    text = render(Outcome.of_check(accepted), "text")
    assert "NUM001" not in text and "rule warning" in text
    assert "baselined: 1" in text and "passed: no new finding at or above error" in text


def test_cli_writes_every_format(tmp_path):
    folder = write_dataset(tmp_path / "d")
    for name in (row.name for row in formats_for("check")):
        out = tmp_path / f"check.{name}"
        result = runner.invoke(app, ["check", str(folder), "-f", name, "-o", str(out)])
        assert result.exit_code == 1, (name, result.output)
        assert out.read_text(encoding="utf-8").strip(), name
