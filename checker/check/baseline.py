"""The baseline: findings the curators accepted, each with the reason they gave.

A baseline is YAML written by `checker baseline` and edited by people. An entry is keyed
by the finding's fingerprint, which depends on the cited claims' content and not on
offsets, so edits elsewhere in an article and a new file order keep it matching. The
code, subject, attribute, articles and message are context for the reader; `reason` is
what accepts the finding: an entry without a non-empty reason accepts nothing, so a
finding that `checker baseline` added stays visibly new until someone writes why it
is acceptable. Loading is safe (no tags) and every mistake names the file and line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from checker.models import Finding
from checker.rulepack import ProblemsError, RuleProblem
from checker.yaml_lines import YamlProblem, line_of, load_yaml_with_lines, read_yaml_text

UNACCEPTED_NOTE = "# not accepted: write why this finding is acceptable"
HEADER = """\
# claim-checker baseline: findings the curators accepted (see docs/ci.md).
# `checker check --baseline FILE` passes a finding listed here only when its entry has a
# non-empty `reason`. `checker baseline` keeps every reason, adds new findings with
# reason: "" (not accepted until someone writes why), and drops stale entries only
# with --prune. Comments other than these are not kept: put explanations in `reason`.
"""


class BaselineEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fingerprint: str = Field(pattern=r"^[0-9a-f]{20}$")
    code: str = ""
    subject: str = ""
    attribute: str = ""
    articles: list[str] = []
    message: str = ""
    reason: str | None = None

    @property
    def accepted(self) -> bool:
        return bool(self.reason and self.reason.strip())


class BaselineDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    findings: list[BaselineEntry] | None = None


class BaselineError(ProblemsError):
    """A baseline that cannot be used."""


@dataclass(frozen=True)
class Baseline:
    path: str
    entries: tuple[BaselineEntry, ...]
    lines: dict[str, int]  # fingerprint -> line of its entry

    def by_fingerprint(self) -> dict[str, BaselineEntry]:
        return {entry.fingerprint: entry for entry in self.entries}

    def line_of(self, entry: BaselineEntry) -> int | None:
        return self.lines.get(entry.fingerprint)


def load_baseline(path: str | Path) -> Baseline:
    """Read and validate a baseline file; raise BaselineError naming file and line."""
    name = str(path)
    try:
        text = read_yaml_text(Path(path))
    except FileNotFoundError:
        raise BaselineError([RuleProblem(name, None, "baseline file not found", "create it with `checker baseline ARTICLES --output FILE`", code="BL001")]) from None
    except UnicodeDecodeError:
        raise BaselineError([RuleProblem(name, None, "file is not UTF-8", "save it as UTF-8", code="BL002")]) from None
    except YamlProblem as exc:
        raise BaselineError([RuleProblem(name, None, f"baseline file {exc}", "point --baseline at the YAML file `checker baseline` wrote", code="BL002")]) from None
    except OSError as exc:
        raise BaselineError([RuleProblem(name, None, f"cannot read file: {exc.strerror or exc}", code="BL002")]) from None
    if not text.strip():
        # an empty file is more likely a truncated write than a decision to accept nothing
        raise BaselineError([RuleProblem(name, 1, "baseline file is empty", "write it with `checker baseline ARTICLES --output FILE`, or `version: 1` and `findings: []` to accept nothing", code="BL004")])
    try:
        data, lines = load_yaml_with_lines(text)
    except YamlProblem as exc:
        raise BaselineError([RuleProblem(name, exc.line, str(exc), "correct the YAML syntax", code="BL003")]) from None
    if data is None:  # only comments: written on purpose
        return Baseline(name, (), {})
    if not isinstance(data, dict):
        raise BaselineError([RuleProblem(name, 1, "a baseline is a mapping with `version` and `findings`", "start the file with `version: 1` and `findings:`", code="BL004")])
    try:
        document = BaselineDocument.model_validate(data)
    except ValidationError as exc:
        raise BaselineError([_problem(name, lines, error) for error in exc.errors()]) from None
    entries = tuple(document.findings or ())
    problems: list[RuleProblem] = []
    entry_lines: dict[str, int] = {}
    for index, entry in enumerate(entries):
        line = line_of(lines, ("findings", index)) or 1
        if entry.fingerprint in entry_lines:
            problems.append(RuleProblem(name, line, f"fingerprint {entry.fingerprint} is listed twice (first at line {entry_lines[entry.fingerprint]})", "keep one entry", code="BL020"))
        entry_lines.setdefault(entry.fingerprint, line)
    if problems:
        raise BaselineError(problems)
    return Baseline(name, entries, entry_lines)


def _problem(name: str, lines: dict, error: dict) -> RuleProblem:
    where = tuple(error["loc"])
    field = ".".join(str(part) for part in where) or "file"
    if error["type"] == "extra_forbidden":
        known = BaselineEntry.model_fields if len(where) > 1 else BaselineDocument.model_fields
        close = difflib.get_close_matches(str(where[-1]), list(known), n=1, cutoff=0.6)
        fix = f"did you mean `{close[0]}`?" if close else f"allowed keys: {', '.join(known)}"
        return RuleProblem(name, line_of(lines, where), f"unknown key `{where[-1]}`", fix, code="BL010")
    if error["type"] == "missing":
        return RuleProblem(name, line_of(lines, where), f"required key `{field}` is missing", f"add `{where[-1]}:`", code="BL011")
    if where[-1:] == ("fingerprint",):
        return RuleProblem(name, line_of(lines, where), f"`{field}`: not a fingerprint", "copy the 20-character fingerprint from `checker check --format json`", code="BL012")
    return RuleProblem(name, line_of(lines, where), f"`{field}`: {error['msg']}", code="BL012")


def entry_for(finding: Finding, reason: str | None = "") -> BaselineEntry:
    return BaselineEntry(
        fingerprint=finding.fingerprint,
        code=finding.code,
        subject=finding.subject,
        attribute=finding.attribute,
        articles=sorted({evidence.article for evidence in finding.evidence}),
        message=finding.message,
        reason=reason,
    )


@dataclass(frozen=True)
class BaselineUpdate:
    entries: list[BaselineEntry]
    added: int
    kept: int
    stale: int
    pruned: int


def update_baseline(existing: Baseline | None, findings: Iterable[Finding], prune: bool = False) -> BaselineUpdate:
    """Entries for `findings`: known ones keep their reason and get fresh context, new ones
    get an empty reason; entries matching no finding stay unless `prune`."""
    previous = existing.by_fingerprint() if existing else {}
    current = {finding.fingerprint: finding for finding in findings}
    entries = [entry_for(finding, previous[fp].reason if fp in previous else "") for fp, finding in current.items()]
    stale = [entry for fp, entry in previous.items() if fp not in current]
    if not prune:
        entries.extend(stale)
    entries.sort(key=lambda e: (e.subject, e.attribute, e.code, e.fingerprint))
    kept = sum(1 for fp in current if fp in previous)
    return BaselineUpdate(entries, added=len(current) - kept, kept=kept, stale=len(stale), pruned=len(stale) if prune else 0)


class _Dumper(yaml.SafeDumper):
    """Block style; multi-line reasons as literal blocks, the way people write them."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_str)


def render_baseline(entries: Iterable[BaselineEntry]) -> str:
    """The baseline file: a header, then one entry per finding; an empty reason is marked."""
    document = {"version": 1, "findings": [{**entry.model_dump(mode="json"), "reason": entry.reason or ""} for entry in entries]}
    body = yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10**9)
    marked = [f"{line}  {UNACCEPTED_NOTE}" if line == "  reason: ''" else line for line in body.splitlines()]
    return HEADER + "\n".join(marked) + "\n"
