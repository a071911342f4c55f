"""The output formats, one row each: what `--format` offers, its help, and how to render it.

Rows are data; each render function is named by "module:function" and imported on first
use (`Lazy`), so listing the formats (the CLI's choices and help) loads no renderer. A
name is unique within a command; two commands may each have a format of the same name
(`json`: the report's contract and the check result's, each with its own schema).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.output.outcome import Outcome

Renderer = Callable[["Outcome"], str]
Pieces = Callable[["Outcome"], Iterable[str]]
COMMANDS = ("report", "check")


@dataclass(frozen=True)
class OutputFormat:
    name: str
    suffix: str  # of a file holding this output, as tools expect it (SARIF viewers look for .sarif)
    media_type: str
    commands: tuple[str, ...]
    help: str  # a fragment of the --format help: "sarif (code scanning)"
    render: Renderer
    stream: Pieces | None = None  # the same text in pieces, written as made (a report too large to hold as one string)

    def pieces(self, outcome: Outcome) -> Iterable[str]:
        """The output in the pieces it is written in: `render`'s text whole, or `stream`'s pieces."""
        return self.stream(outcome) if self.stream is not None else (self.render(outcome),)


@dataclass(frozen=True)
class Lazy:
    """A renderer named "module:function", imported when first called."""

    target: str

    def __call__(self, outcome: Outcome) -> str | Iterable[str]:
        module, _, function = self.target.partition(":")
        return getattr(importlib.import_module(module), function)(outcome)


FORMATS: list[OutputFormat] = [
    OutputFormat("md", ".md", "text/markdown", ("report",), "md for people", Lazy("checker.report.markdown:render")),
    OutputFormat("json", ".json", "application/json", ("report",), "json for machines (docs/report.schema.json)", Lazy("checker.report.json_report:render"), Lazy("checker.report.json_report:pieces")),
    OutputFormat("claimreview", ".jsonld", "application/ld+json", ("report",), "claimreview for schema.org ClaimReview JSON-LD", Lazy("checker.report.claimreview:render")),
    OutputFormat("html", ".html", "text/html", ("report",), "html (one self-contained page with filters and charts)", Lazy("checker.report.html:render")),
    OutputFormat("text", ".txt", "text/plain", ("check",), "text for people", Lazy("checker.check.formats.text:render")),
    OutputFormat("json", ".json", "application/json", ("check",), "json (docs/check.schema.json)", Lazy("checker.check.formats.json:render")),
    OutputFormat("sarif", ".sarif", "application/sarif+json", ("check",), "sarif (code scanning)", Lazy("checker.check.formats.sarif:render")),
    OutputFormat("junit", ".xml", "application/xml", ("check",), "junit (test reports)", Lazy("checker.check.formats.junit:render")),
    OutputFormat("github", ".txt", "text/plain", ("check",), "github (workflow annotations)", Lazy("checker.check.formats.github:render")),
    OutputFormat("gitlab", ".json", "application/json", ("check",), "gitlab (Code Quality report)", Lazy("checker.check.formats.gitlab:render")),
]


def register(row: OutputFormat) -> None:
    """Add a format (a plug-in, or a test); the CLI built afterwards offers it."""
    unknown = set(row.commands) - set(COMMANDS)
    if unknown or not row.commands:
        raise ValueError(f"format {row.name!r}: commands must be some of {', '.join(COMMANDS)}, not {sorted(unknown) or 'none'}")
    taken = [command for command in row.commands if any(other.name == row.name for other in formats_for(command))]
    if taken:
        raise ValueError(f"format {row.name!r} is already offered by {', '.join(taken)}")
    FORMATS.append(row)
    choices.cache_clear()


def formats_for(command: str) -> list[OutputFormat]:
    """The formats `command` offers, in registry order; the first is its default."""
    return [row for row in FORMATS if command in row.commands]


def find(command: str, name: str) -> OutputFormat:
    for row in formats_for(command):
        if row.name == name:
            return row
    raise KeyError(f"`checker {command}` has no format {name!r}; use one of {', '.join(row.name for row in formats_for(command))}")


@lru_cache(maxsize=None)
def choices(command: str) -> type[Enum]:
    """The --format option type of `command` (a str Enum, as typer wants), one member per format."""
    return Enum(f"{command.title()}Format", [(row.name, row.name) for row in formats_for(command)], type=str)


def help_text(command: str) -> str:
    """The --format help of `command`, from each format's fragment."""
    return ", ".join(row.help for row in formats_for(command)) + "."
