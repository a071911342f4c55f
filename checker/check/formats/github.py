"""GitHub Actions workflow commands: annotations on the article lines of a pull request.

Each new finding is an `::error`, `::warning` or `::notice` (by severity) at its first
cited claim, naming the other cited claims in the message; stale baseline entries are
notices and rule warnings warnings on their files. GitHub shows at most 10 annotations
of each level per step, so past that the first ones are kept and one notice says how
many more there are. Data is escaped as the Actions toolkit does (%, CR, LF) and
properties also escape `:` and `,`, so untrusted article text cannot end a command or
start another. The summary lines follow as plain log text.
"""

from __future__ import annotations

from checker.check.core import CheckResult, Status
from checker.check.formats.text import summary_lines, why_not_accepted
from checker.check.locations import Location, display_path
from checker.output.outcome import Outcome
from checker.untrusted import one_line, visible_controls

LIMIT = 10
LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """The toolkit's escapes, after spelling out controls (ESC would colour the log)."""
    return visible_controls(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, title: str, file: str, line: int | None = None, location: Location | None = None) -> str:
    properties = {"file": file}
    if location is not None:
        properties["line"] = str(location.start_line)
        if location.start_column is not None:
            properties["col"] = str(location.start_column)
        properties["endLine"] = str(location.end_line)
        if location.end_column is not None:
            properties["endColumn"] = str(location.end_column)
    elif line is not None:
        properties["line"] = str(line)
    properties["title"] = title
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::{level} {rendered}::{escape_data(message)}"


def annotations(result: CheckResult) -> list[tuple[str, str]]:
    """(level, command) for everything worth a line annotation, most important first."""
    out = []
    for checked in sorted(result.new, key=lambda c: not c.fails):
        finding = checked.finding
        message = finding.message
        if len(checked.locations) > 1:
            message += " Also cited: " + ", ".join(location.label for location in checked.locations[1:]) + "."
        if checked.status is Status.unaccepted:
            message += f" ({why_not_accepted(checked, result)})"
        level = LEVEL[finding.severity.value]
        out.append((level, command(level, message, finding.code, checked.primary.path, location=checked.primary)))
    if result.baseline:
        for entry in result.stale:
            message = f"stale baseline entry {entry.code} {entry.subject} {entry.attribute} ({entry.fingerprint}) matches no finding; `checker baseline --prune` drops it"
            out.append(("notice", command("notice", message, "stale baseline entry", display_path(result.baseline.path), result.stale_line(entry))))
    for warning in result.rule_warnings:
        out.append(("warning", command("warning", warning.message, "rule matches nothing", warning.file, warning.line)))
    return out


def _summary(result: CheckResult) -> list[str]:
    """Summary lines as plain log text; a line starting with :: would be a command."""
    return [one_line(line) for line in summary_lines(result)]


def render(outcome: Outcome) -> str:
    result = outcome.gate
    found = annotations(result)
    counts = {level: sum(1 for lvl, _ in found if lvl == level) for level in ("error", "warning", "notice")}
    over = any(count > LIMIT for count in counts.values())
    limit = {level: LIMIT - (1 if over and level == "notice" else 0) for level in counts}
    shown: dict[str, int] = dict.fromkeys(counts, 0)
    lines = []
    for level, line in found:
        if shown[level] < limit[level]:
            shown[level] += 1
            lines.append(line)
    hidden = len(found) - len(lines)
    if hidden:
        lines.append(f"::notice::{hidden} more findings and warnings than GitHub annotates (at most {LIMIT} per level and step); see the SARIF or text report")
    lines.extend(_summary(result))
    return "\n".join(lines) + "\n"
