"""Render a check result in the chosen format: one renderer per format module."""

from __future__ import annotations

from collections.abc import Callable

from checker.check.core import CheckResult
from checker.check.formats import github, gitlab, json, junit, sarif, text
from checker.check.formats.names import Format

Renderer = Callable[[CheckResult], str]

RENDERERS: dict[Format, Renderer] = {
    Format.text: text.render,
    Format.json: json.render,
    Format.sarif: sarif.render,
    Format.junit: junit.render,
    Format.github: github.render,
    Format.gitlab: gitlab.render,
}


def render(result: CheckResult, format: Format = Format.text) -> str:
    return RENDERERS[Format(format)](result)
