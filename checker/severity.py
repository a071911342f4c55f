"""Finding severities: a plain enum, importable without the data models (the CLI's option types)."""

from __future__ import annotations

from enum import Enum


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]
