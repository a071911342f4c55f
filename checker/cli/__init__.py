"""The `checker` command line: one module per command group, all registered on one typer app.

Each command parses its arguments, calls a plain function that does the work, renders,
and maps the outcome to an exit code: 0 clean, 1 new findings (check) or scores below
thresholds (eval), 2 usage errors, unreadable input or invalid rules, 3 an internal error.
"""

from checker.cli.common import app

# Importing a command module registers its commands; the order is the order of `--help`.
from checker.cli import report  # noqa: E402, F401, I001
from checker.cli import check  # noqa: E402, F401
from checker.cli import evaluate, explain  # noqa: E402, F401
from checker.cli import entities, rules  # noqa: E402, F401
from checker.cli import cache  # noqa: E402, F401

__all__ = ["app"]
