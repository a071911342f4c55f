"""The check result as JSON: its own contract, docs/check.schema.json (not the report's).

Every finding is listed with its status (new, unaccepted, baselined), whether it fails
the gate, its baseline reason and the file locations of all cited claims.
"""

from __future__ import annotations

from checker.check.core import CheckedFinding, CheckResult
from checker.check.locations import Location
from checker.output.envelope import envelope
from checker.output.outcome import Outcome
from checker.untrusted import dumps

SCHEMA_VERSION = "1.2"  # 1.1: problems may be level "info", summary counts hidden rule warnings; 1.2: problems carry `code`


def _location(location: Location) -> dict:
    return {
        "article": location.article,
        "path": location.path,
        "start_line": location.start_line,
        "start_column": location.start_column,
        "end_line": location.end_line,
        "end_column": location.end_column,
        "text": location.text,
    }


def _finding(checked: CheckedFinding) -> dict:
    finding = checked.finding
    return {
        "id": finding.id,
        "code": finding.code,
        "kind": finding.kind,
        "severity": finding.severity.value,
        "subject": finding.subject,
        "attribute": finding.attribute,
        "message": finding.message,
        "fingerprint": finding.fingerprint,
        "status": checked.status.value,
        "fails": checked.fails,
        "reason": checked.entry.reason if checked.entry and checked.entry.accepted else None,
        "baseline_line": checked.entry_line,
        "locations": [_location(location) for location in checked.locations],
    }


def check_dict(result: CheckResult) -> dict:
    return envelope(SCHEMA_VERSION, {
        "passed": result.passed,
        "fail_on": result.fail_on.value,
        "strict_rules": result.strict_rules,
        "baseline": result.baseline.path if result.baseline else None,
        "summary": {
            "articles": len(result.run.articles),
            "findings": len(result.findings),
            "new": len(result.new),
            "unaccepted": len(result.unaccepted),
            "failing": len(result.failing),
            "baselined": len(result.baselined),
            "stale": len(result.stale),
            "rule_warnings": len(result.rule_warnings) + result.hidden_rule_warnings,
            "problems": len(result.run.problems),
        },
        "findings": [_finding(checked) for checked in result.findings],
        "stale": [{**entry.model_dump(mode="json"), "line": result.stale_line(entry)} for entry in result.stale],
        "rule_warnings": [{"kind": w.kind, "name": w.name, "message": w.message, "file": w.file, "line": w.line} for w in result.rule_warnings],
        "problems": [problem.model_dump(mode="json") for problem in result.run.problems],
    })


def render(outcome: Outcome) -> str:
    return dumps(check_dict(outcome.gate)) + "\n"
