"""`checker check` and `checker baseline`: gate a curated dataset in CI against a baseline.

`check_paths` (or `check_run` on a finished pipeline run) computes the result; the
formatters in `checker.check.formats` render it; the CLI maps it to an exit code.
Names are imported from their modules on first use (PEP 562), so the command line can
name the output formats without loading the gate (`checker --help`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.check.baseline import Baseline, BaselineEntry, BaselineError, load_baseline, render_baseline, update_baseline
    from checker.check.core import CheckedFinding, CheckResult, Status, check_paths, check_run
    from checker.check.coverage import RuleWarning

_EXPORTS = {
    **dict.fromkeys(["Baseline", "BaselineEntry", "BaselineError", "load_baseline", "render_baseline", "update_baseline"], "checker.check.baseline"),
    **dict.fromkeys(["CheckedFinding", "CheckResult", "Status", "check_paths", "check_run"], "checker.check.core"),
    "RuleWarning": "checker.check.coverage",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_EXPORTS[name]), name)
