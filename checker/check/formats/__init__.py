"""Output formats of `checker check`, one module each behind one interface.

Every format module has `render(result: CheckResult) -> str`; article text is
untrusted, so each module escapes it the way its format requires.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from checker.check.core import CheckResult
from checker.check.formats import github, gitlab, json, junit, sarif, text


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    gitlab = "gitlab"


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
