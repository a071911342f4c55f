"""GitLab Code Quality: the subset of the Code Climate JSON that GitLab reads.

A JSON array, one issue per new finding at its first cited claim: `description`,
`check_name` (the finding code), `fingerprint` (the finding's, stable across edits, so
GitLab tracks an issue between pipelines), `severity` and `location.path` (relative to
the working folder, the checkout root) with `location.lines.begin`. Findings the
baseline accepts are left out, as the merge request widget shows what is new.
"""

from __future__ import annotations

from checker.check.core import CheckResult
from checker.output.outcome import Outcome
from checker.untrusted import dumps

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def issues(result: CheckResult) -> list[dict]:
    out = []
    for checked in result.new:
        finding = checked.finding
        description = finding.message
        if len(checked.locations) > 1:
            description += " Also cited: " + ", ".join(location.label for location in checked.locations[1:]) + "."
        out.append(
            {
                "description": description,
                "check_name": finding.code,
                "fingerprint": finding.fingerprint,
                "severity": SEVERITY[finding.severity.value],
                "location": {"path": checked.primary.path, "lines": {"begin": checked.primary.start_line}},
            }
        )
    return out


def render(outcome: Outcome) -> str:
    return dumps(issues(outcome.gate)) + "\n"
