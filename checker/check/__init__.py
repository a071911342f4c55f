"""`checker check` and `checker baseline`: gate a curated dataset in CI against a baseline.

`check_paths` (or `check_run` on a finished pipeline run) computes the result; the
formatters in `checker.check.formats` render it; the CLI maps it to an exit code.
"""

from checker.check.baseline import Baseline, BaselineEntry, BaselineError, load_baseline, render_baseline, update_baseline
from checker.check.core import CheckedFinding, CheckResult, Status, check_paths, check_run
from checker.check.coverage import RuleWarning

__all__ = [
    "Baseline",
    "BaselineEntry",
    "BaselineError",
    "CheckResult",
    "CheckedFinding",
    "RuleWarning",
    "Status",
    "check_paths",
    "check_run",
    "load_baseline",
    "render_baseline",
    "update_baseline",
]
