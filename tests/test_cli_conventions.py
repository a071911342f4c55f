"""The conventions of ruff, sqlfluff and Vale: usage lines, --select/--ignore, --quiet,
--statistics, discovered configuration, standard input, GitLab output, colour, progress."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from checker.cli import app

runner = CliRunner()


@pytest.mark.parametrize("command", [["check"], ["baseline"], ["report"], ["extract"], ["entities", "suggest"]])
def test_usage_line_names_the_articles_argument(command):
    result = runner.invoke(app, [*command, "--help"], prog_name="checker")
    assert result.exit_code == 0
    usage = result.output.splitlines()[0]
    assert usage == f"Usage: checker {' '.join(command)} [OPTIONS] ARTICLES..."
    assert "{" not in result.output.split("Arguments:")[1].splitlines()[1]
