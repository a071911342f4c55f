"""SARIF 2.1.0 for code-scanning dashboards (GitHub code scanning, SARIF viewers).

One result per finding: its first cited claim is the location, the other cited claims
are related locations (linked from the message), so every article involved is pointed
at. Rules metadata comes from the detector registry. Baselined findings carry
`baselineState: unchanged` and an accepted external suppression with the curator's
reason. Rule warnings and stale baseline entries are tool configuration notifications;
files that could not be read are tool execution notifications, identified by their load
problem code (LD0xx). Columns count Unicode
code points (`columnKind`), the unit line_col uses.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePath

from checker import __version__
from checker.check.core import CheckedFinding, CheckResult, Status
from checker.check.locations import Location, artifact_uri, display_path
from checker.detect import detectors
from checker.output.outcome import Outcome
from checker.untrusted import dumps, visible_controls

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "claimChecker/v1"
NOTIFICATIONS = {
    "zero-match-entity": "An entity of the rules pack none of whose aliases occurs in any article.",
    "zero-match-trigger": "Trigger words of an attribute that occur in no article.",
    "zero-match-fact": "A reference fact whose subject and attribute no claim has.",
    "stale-baseline-entry": "A baseline entry that matches no finding any more.",
}
BRACKET = re.compile(r"(\\*)([\[\]])")
NOTIFICATION_INDEX = {name: index for index, name in enumerate(NOTIFICATIONS)}


def escape(text: str) -> str:
    """SARIF reads [text](n) in a message as a link to related location n (§3.11.6), so a
    literal bracket is escaped with a backslash, and backslashes just before it doubled.
    Control and bidirectional characters are spelled out: viewers render the text."""
    return BRACKET.sub(lambda m: m.group(1) * 2 + "\\" + m.group(2), visible_controls(text))


def _artifact(path: str) -> dict:
    artifact = {"uri": artifact_uri(path)}
    if not PurePath(path).is_absolute():
        artifact["uriBaseId"] = SRCROOT
    return artifact


def _physical(path: str, region: dict) -> dict:
    return {"physicalLocation": {"artifactLocation": _artifact(path), "region": region}}


def _region(location: Location) -> dict:
    if location.start_column is None:
        return {"startLine": location.start_line, "endLine": location.end_line}
    return {
        "startLine": location.start_line,
        "startColumn": location.start_column,
        "endLine": location.end_line,
        "endColumn": location.end_column,
        "snippet": {"text": location.text},
    }


def _rules(result: CheckResult) -> list[dict]:
    pack = result.run.pack
    return [
        {
            "id": detector.code,
            "name": detector.kind,
            "shortDescription": {"text": detector.summary},
            "fullDescription": {"text": detector.doc or detector.summary},
            "help": {"text": f"{detector.doc}\n\nRun `checker explain {detector.code}` for this text."},
            "defaultConfiguration": {"level": LEVEL[pack.severity_of(detector.kind)]},
            "properties": {"kind": detector.kind, "lifecycle": detector.row.lifecycle, "tags": ["claim-checker", detector.kind]},
        }
        for detector in detectors()
    ]


def _result(checked: CheckedFinding, rule_index: dict[str, int], result: CheckResult) -> dict:
    finding = checked.finding
    related = [
        {"id": number, **_physical(location.path, _region(location)), "message": {"text": escape(location.text)}}
        for number, location in enumerate(checked.locations[1:], start=1)
    ]
    message = escape(finding.message)
    if related:
        links = ", ".join(f"[{escape(location.label)}]({number})" for number, location in enumerate(checked.locations[1:], start=1))
        message += f" Also cited: {links}."
    if checked.status is Status.unaccepted:
        message += " Listed in the baseline without a reason, so not accepted."
    sarif = {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": LEVEL[finding.severity.value],
        "message": {"text": message},
        "locations": [_physical(checked.primary.path, _region(checked.primary))],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "baselineState": "unchanged" if checked.status is Status.baselined else "new",
        "properties": {
            "status": checked.status.value,
            "fails": checked.fails,
            "kind": finding.kind,
            "subject": finding.subject,
            "attribute": finding.attribute,
            "findingId": finding.id,
        },
    }
    if related:
        sarif["relatedLocations"] = related
    if checked.status is Status.baselined and result.baseline:
        sarif["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": checked.entry.reason,
                "location": _physical(display_path(result.baseline.path), {"startLine": checked.entry_line or 1}),
            }
        ]
    return sarif


def _notification(descriptor: str, level: str, text: str, path: str, line: int | None) -> dict:
    return {
        "descriptor": {"id": descriptor, "index": NOTIFICATION_INDEX[descriptor]},
        "level": level,
        "message": {"text": escape(text)},
        "locations": [_physical(display_path(path), {"startLine": line or 1})],
    }


def _invocation(result: CheckResult) -> dict:
    configuration = [_notification(f"zero-match-{w.kind}", "warning", w.message, w.file, w.line) for w in result.rule_warnings]
    if result.baseline:
        configuration += [
            _notification("stale-baseline-entry", "note", f"{entry.code} {entry.subject} {entry.attribute} ({entry.fingerprint}) matches no finding", result.baseline.path, result.stale_line(entry))
            for entry in result.stale
        ]
    execution = [
        {"descriptor": {"id": problem.code}, "level": "error" if problem.level == "error" else "warning", "message": {"text": escape(str(problem))}}
        for problem in result.run.problems
    ]
    invocation: dict = {"executionSuccessful": True}
    if configuration:
        invocation["toolConfigurationNotifications"] = configuration
    if execution:
        invocation["toolExecutionNotifications"] = execution
    return invocation


def sarif_log(result: CheckResult) -> dict:
    rules = _rules(result)
    rule_index = {rule["id"]: index for index, rule in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claim-checker",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": rules,
                        "notifications": [{"id": name, "shortDescription": {"text": text}} for name, text in NOTIFICATIONS.items()],
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "invocations": [_invocation(result)],
                "results": [_result(checked, rule_index, result) for checked in result.findings],
            }
        ],
    }


def render(outcome: Outcome) -> str:
    return dumps(sarif_log(outcome.gate)) + "\n"
