"""JUnit XML for CI systems that show test reports (Jenkins, GitLab, Azure DevOps).

One testcase per article, with one failure per failing new finding that cites it (a
contradiction between two articles fails both). New findings below --fail-on and
baselined ones are listed in the testcase's system-out. One more testcase stands for
the rules pack (rule warnings; failures only with --strict-rules) and one for the
baseline (stale entries). ElementTree escapes markup; characters XML 1.0 cannot carry
at all (most control characters) are replaced, since article text is untrusted.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from checker.check.core import CheckedFinding, CheckResult, Status
from checker.check.locations import display_path
from checker.output.outcome import Outcome
from checker.untrusted import terminal_lines

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
SUITE = "claim-checker"


def xml_text(text: str) -> str:
    """Controls and bidirectional characters spelled out, then what XML cannot carry replaced."""
    return NOT_XML.sub("\ufffd", terminal_lines(text))


def _describe(checked: CheckedFinding, article: str) -> str:
    """The finding at the cited claim of `article` first, then its other cited claims."""
    finding = checked.finding
    ordered = sorted(checked.locations, key=lambda location: location.article != article)
    lines = [f"{ordered[0].label}: {finding.code} {finding.severity.value} {finding.message}"]
    lines += [f"    {location.label}: {location.text}" for location in ordered[1:]]
    return "\n".join(lines)


def _testcase(suite: ET.Element, name: str, classname: str, failures: list[tuple[str, str, str]], output: list[str]) -> None:
    case = ET.SubElement(suite, "testcase", name=xml_text(name), classname=classname)
    for kind, message, text in failures:
        failure = ET.SubElement(case, "failure", type=kind, message=xml_text(message))
        failure.text = xml_text(text)
    if output:
        ET.SubElement(case, "system-out").text = xml_text("\n".join(output) + "\n")


def junit_tree(result: CheckResult) -> ET.Element:
    cited: dict[str, list[CheckedFinding]] = defaultdict(list)
    for checked in result.findings:
        for article in dict.fromkeys(location.article for location in checked.locations):
            cited[article].append(checked)
    root = ET.Element("testsuites", name=SUITE)
    suite = ET.SubElement(root, "testsuite", name=f"{SUITE} check")
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="fail_on", value=result.fail_on.value)
    if result.baseline:
        ET.SubElement(properties, "property", name="baseline", value=xml_text(result.baseline.path))
    for article in result.run.articles:
        failures, output = [], []
        for checked in cited[article.id]:
            text = _describe(checked, article.id)
            if checked.fails:
                failures.append((checked.finding.code, f"{checked.finding.code} {checked.finding.message}", text))
            elif checked.status is Status.baselined:
                output.append(f"baselined ({checked.entry.reason}): {text}")
            else:
                output.append(f"new, below --fail-on {result.fail_on.value}: {text}")
        _testcase(suite, display_path(article.path), f"{SUITE}.articles", failures, output)
    warnings = [f"{w.label}: {w.message}" for w in result.rule_warnings]
    rule_failures = [("rule-warning", warning, warning) for warning in warnings] if result.rules_fail else []
    _testcase(suite, display_path(result.run.pack.directory), f"{SUITE}.rules", rule_failures, [] if result.rules_fail else warnings)
    if result.baseline:
        stale = [f"{result.baseline.path}:{result.stale_line(e)}: stale entry {e.code} {e.subject} {e.attribute} ({e.fingerprint}) matches no finding" for e in result.stale]
        _testcase(suite, result.baseline.path, f"{SUITE}.baseline", [], stale)
    cases = suite.findall("testcase")
    failed = sum(1 for case in cases if case.find("failure") is not None)
    for element in (root, suite):
        element.set("tests", str(len(cases)))
        element.set("failures", str(failed))
        element.set("errors", "0")
    suite.set("skipped", "0")
    return root


def render(outcome: Outcome) -> str:
    root = junit_tree(outcome.gate)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
