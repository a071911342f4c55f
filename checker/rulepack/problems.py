"""Problems in curated YAML files (rules packs and baselines): file, line, code, message and fix.

Every problem carries a stable code (the way spaCy's errors.py numbers its errors), so
tests assert codes, curators search for them, and messages can be reworded without
breaking anything that reads them. `PROBLEM_CODES` is the one list; docs/rules.md shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

PROBLEM_CODES: dict[str, str] = {
    "RP001": "the rules folder or a required file is missing",
    "RP002": "a rules file cannot be read (not UTF-8, not a regular file, no permission)",
    "RP003": "YAML syntax, or YAML the safe loader refuses (tags, merges, too deep or too large)",
    "RP004": "a file's top-level structure (its one top-level key)",
    "RP010": "an unknown key",
    "RP011": "a required key is missing",
    "RP012": "a value of the wrong type, or outside its allowed set",
    "RP013": "a rule that is incomplete for its kind (a quantity without units, a case without text)",
    "RP020": "a duplicate: id, alias, fact, unit word",
    "RP021": "a name that is not defined: entity, parent, attribute, entity type, finding kind",
    "RP030": "a word the matcher can never see",
    "RP031": "a key that has no effect where it is written",
    "RP040": "a unit: not declared, built in, or not fitting the attribute",
    "RP050": "a fact's value, interval or validity",
    "RP060": "a test case names something unknown or a value that does not suit its attribute",
    "RP070": "a message template: an unknown message name or placeholder, or malformed braces",
    "BL001": "the baseline file is missing",
    "BL002": "the baseline file cannot be read",
    "BL003": "baseline YAML syntax, or YAML the safe loader refuses",
    "BL004": "the baseline's structure (empty, not a mapping of version and findings)",
    "BL010": "an unknown key in a baseline entry",
    "BL011": "a required key of a baseline entry is missing",
    "BL012": "a baseline value of the wrong form",
    "BL020": "a fingerprint listed twice",
}


@dataclass(frozen=True)
class RuleProblem:
    file: str
    line: int | None
    message: str
    fix: str = ""
    code: str = ""  # a key of PROBLEM_CODES

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        code = f"{self.code} " if self.code else ""
        return f"{where}: {code}{self.message}" + (f" (fix: {self.fix})" if self.fix else "")


class ProblemsError(Exception):
    """Problems in a curated YAML file, each with file, line and fix; str() lists them all."""

    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class RulesError(ProblemsError):
    """One or more problems in a rules pack."""
