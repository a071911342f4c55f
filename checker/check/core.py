"""The CI gate without the CLI: which findings are new, which the baseline accepts, what is stale.

A finding is *baselined* when the baseline lists its fingerprint with a reason,
*unaccepted* when it is listed without one (it counts as new, and the outputs say why),
and *new* otherwise. A new finding *fails* the gate when its severity is at or above
`fail_on`. Baseline entries that match no finding are *stale*: the cause was fixed or
the cited claims changed. Rule warnings (rules that matched nothing) are a curator's
tool: computed only for a pack the caller names (`lint_rules`), listed only when asked
(`show_rule_warnings`, otherwise counted in `hidden_rule_warnings`), and failing the gate
only with `strict_rules` (which shows them).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from checker.check.baseline import Baseline, BaselineEntry, load_baseline
from checker.check.coverage import RuleWarning, zero_match_warnings
from checker.check.locations import Location, locate
from checker.models import Finding, Severity
from checker.rulepack import RulePack

if TYPE_CHECKING:
    from checker.api import RunResult  # the pipeline loads only when a check runs, not for `checker --help`


class Status(str, Enum):
    new = "new"
    unaccepted = "unaccepted"
    baselined = "baselined"


@dataclass(frozen=True)
class CheckedFinding:
    finding: Finding
    status: Status
    fails: bool
    locations: tuple[Location, ...]  # one per evidence, in the finding's order; the first is primary
    entry: BaselineEntry | None = None
    entry_line: int | None = None

    @property
    def primary(self) -> Location:
        return self.locations[0]


@dataclass(frozen=True)
class CheckResult:
    run: RunResult
    findings: list[CheckedFinding]
    stale: list[BaselineEntry]
    rule_warnings: list[RuleWarning]
    fail_on: Severity
    baseline: Baseline | None = None
    strict_rules: bool = False
    hidden_rule_warnings: int = 0  # computed but not listed: the summary counts them

    @property
    def new(self) -> list[CheckedFinding]:
        """Findings the baseline does not accept (unaccepted ones included)."""
        return [f for f in self.findings if f.status is not Status.baselined]

    @property
    def baselined(self) -> list[CheckedFinding]:
        return [f for f in self.findings if f.status is Status.baselined]

    @property
    def unaccepted(self) -> list[CheckedFinding]:
        return [f for f in self.findings if f.status is Status.unaccepted]

    @property
    def failing(self) -> list[CheckedFinding]:
        return [f for f in self.findings if f.fails]

    @property
    def rules_fail(self) -> bool:
        return self.strict_rules and bool(self.rule_warnings or self.hidden_rule_warnings)

    @property
    def passed(self) -> bool:
        return not self.failing and not self.rules_fail

    def stale_line(self, entry: BaselineEntry) -> int | None:
        return self.baseline.line_of(entry) if self.baseline else None


def check_run(
    result: RunResult,
    baseline: Baseline | None = None,
    fail_on: Severity = Severity.error,
    strict_rules: bool = False,
    lint_rules: bool = True,
    show_rule_warnings: bool = True,
) -> CheckResult:
    """Compare a pipeline run with a baseline; rule warnings only with `lint_rules`."""
    accepted = baseline.by_fingerprint() if baseline else {}
    articles = {article.id: article for article in result.articles}
    checked = []
    for finding in result.findings:
        entry = accepted.get(finding.fingerprint)
        status = Status.new if entry is None else Status.baselined if entry.accepted else Status.unaccepted
        checked.append(
            CheckedFinding(
                finding=finding,
                status=status,
                fails=status is not Status.baselined and finding.severity.rank >= fail_on.rank,
                locations=tuple(locate(articles[e.article], e) for e in finding.evidence),
                entry=entry,
                entry_line=baseline.line_of(entry) if baseline and entry else None,
            )
        )
    found = {finding.fingerprint for finding in result.findings}
    stale = [entry for entry in (baseline.entries if baseline else ()) if entry.fingerprint not in found]
    warnings = zero_match_warnings(result) if lint_rules or strict_rules else []
    shown = show_rule_warnings or strict_rules
    return CheckResult(result, checked, stale, warnings if shown else [], fail_on, baseline, strict_rules, 0 if shown else len(warnings))


def check_paths(
    paths: Iterable[str | Path],
    rules: str | Path | RulePack | None = None,
    baseline: str | Path | None = None,
    fail_on: Severity = Severity.error,
    default_date: dt.date | None = None,
    jobs: int = 1,
    strict_rules: bool = False,
) -> CheckResult:
    """Run the pipeline on `paths` and gate it. The baseline is read first, so a broken one
    fails before the slow part. Raises BaselineError or RulesError."""
    from checker.api import run

    accepted = load_baseline(baseline) if baseline is not None else None
    return check_run(run(paths, rules, default_date, jobs), accepted, fail_on, strict_rules)
