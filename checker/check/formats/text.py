"""Text for people and CI logs, like a compiler: `path:line:col: CODE severity message`.

Each new finding is one line at its first cited claim, followed by the other cited
claims, indented. Stale baseline entries and rule warnings follow, then a summary.
Article text is untrusted: it is kept on one line and control characters (terminal
escapes, bidirectional overrides) are shown as \\uXXXX, so it cannot forge a line of
the log or a GitHub workflow command.
"""

from __future__ import annotations

from checker.check.core import CheckedFinding, CheckResult, Status
from checker.output.outcome import Outcome
from checker.untrusted import one_line


def why_not_accepted(checked: CheckedFinding, result: CheckResult) -> str:
    where = f"{one_line(result.baseline.path)}:{checked.entry_line}" if result.baseline else "the baseline"
    return f"not accepted: {where} lists this finding without a reason"


def summary_lines(result: CheckResult) -> list[str]:
    details = [f"{len(result.failing)} at or above {result.fail_on.value}"]
    if result.unaccepted:
        details.append(f"{len(result.unaccepted)} listed in the baseline without a reason")
    counts = (
        f"new: {len(result.new)} ({', '.join(details)}), baselined: {len(result.baselined)}, "
        f"stale: {len(result.stale)}, rule warnings: {len(result.rule_warnings) + result.hidden_rule_warnings}"
        + (" (not listed: --rule-warnings lists them)" if result.hidden_rule_warnings else "")
        + (" (failing: --strict-rules)" if result.rules_fail else "")
    )
    if result.passed:
        verdict = f"passed: no new finding at or above {result.fail_on.value}"
    elif result.failing:
        verdict = f"failed: {len(result.failing)} new finding{'s' if len(result.failing) != 1 else ''} at or above {result.fail_on.value}"
    else:
        verdict = f"failed: {len(result.rule_warnings)} rule warnings with --strict-rules"
    return [counts, verdict]


def render(outcome: Outcome) -> str:
    """The findings, stale entries and rule warnings, then the summary; `quiet`: the new findings
    and the verdict only."""
    result, quiet = outcome.gate, outcome.quiet
    lines: list[str] = []
    for checked in result.new:
        finding = checked.finding
        lines.append(f"{one_line(checked.primary.label)}: {finding.code} {finding.severity.value} {one_line(finding.message)}")
        lines.extend(f"    {one_line(location.label)}: {one_line(location.text)}" for location in checked.locations[1:])
        if checked.status is Status.unaccepted:
            lines.append(f"    {why_not_accepted(checked, result)}")
    if quiet:
        return "\n".join([*lines, summary_lines(result)[-1]]) + "\n"
    for entry in result.stale:
        where = f"{one_line(result.baseline.path)}:{result.stale_line(entry)}" if result.baseline else "baseline"
        lines.append(
            f"{where}: stale baseline entry {one_line(entry.code)} {one_line(entry.subject)} {one_line(entry.attribute)} "
            f"({entry.fingerprint}) matches no finding; `checker baseline --prune` drops it"
        )
    lines.extend(f"{one_line(w.label)}: rule warning: {one_line(w.message)}" for w in result.rule_warnings)
    if lines:
        lines.append("")
    lines.extend(summary_lines(result))
    return "\n".join(lines) + "\n"
