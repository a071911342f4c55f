"""Parsing rules files section by section, keeping each problem's line."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from checker.rulepack.messages import explain_errors
from checker.rulepack.problems import RuleProblem
from checker.rulepack.strict import Strict
from checker.yaml_lines import line_of

Entry = tuple[Any, dict, str]  # parsed data, path -> line, file path


def section(entry: Entry | None, key: str, want: type, problems: list[RuleProblem]) -> Any:
    if entry is None:
        return None
    data, lines, path = entry
    if not isinstance(data, dict) or key not in data:
        problems.append(RuleProblem(path, 1, f"top-level key `{key}` is missing", f"start the file with `{key}:`", code="RP004"))
        return None
    section = data[key]
    if not isinstance(section, want):
        kind = "a list" if want is list else "a mapping"
        problems.append(RuleProblem(path, line_of(lines, (key,)), f"`{key}` must be {kind}", f"write `{key}` as {kind}", code="RP004"))
        return None
    for extra in sorted(set(data) - {key}):
        problems.append(RuleProblem(path, line_of(lines, (extra,)), f"unknown top-level key `{extra}`", f"remove it; this file holds only `{key}`", code="RP004"))
    return section


def parse_list(entry: Entry | None, key: str, model: type[Strict], problems: list[RuleProblem]) -> list[tuple[Any, int]]:
    items = section(entry, key, list, problems)
    out = []
    for index, item in enumerate(items or []):
        parsed = validate(model, item, entry, (key, index), problems)
        if parsed is not None:
            out.append((parsed, index))
    return out


def parse_map(entry: Entry | None, key: str, model: type[Strict], problems: list[RuleProblem]) -> list[tuple[str, Any]]:
    items = section(entry, key, dict, problems)
    out = []
    for name, item in (items or {}).items():
        parsed = validate(model, item, entry, (key, name), problems)
        if parsed is not None:
            out.append((str(name), parsed))
    return out


def validate(model: type[Strict], item: Any, entry: Entry, loc: tuple, problems: list[RuleProblem]) -> Any:
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        for where, message, fix, code in explain_errors(model, exc.errors()):
            problems.append(problem(entry, loc + where, message, fix, code))
        return None


def problem(entry: Entry, loc: tuple, message: str, fix: str = "", code: str = "") -> RuleProblem:
    _, lines, path = entry
    return RuleProblem(path, line_of(lines, loc), message, fix, code)
