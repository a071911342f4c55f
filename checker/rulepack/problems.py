"""Problems in curated YAML files (rules packs and baselines): file, line, message and fix."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleProblem:
    file: str
    line: int | None
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}" + (f" (fix: {self.fix})" if self.fix else "")


class ProblemsError(Exception):
    """Problems in a curated YAML file, each with file, line and fix; str() lists them all."""

    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class RulesError(ProblemsError):
    """One or more problems in a rules pack."""
