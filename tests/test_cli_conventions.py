"""The conventions of ruff, sqlfluff and Vale: usage lines, --select/--ignore, --quiet,
--statistics, discovered configuration, standard input, GitLab output, colour, progress."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from tests.test_check import ARTICLE_A, accept, write_dataset

runner = CliRunner()


@pytest.mark.parametrize("command", [["check"], ["baseline"], ["report"], ["extract"], ["entities", "suggest"]])
def test_usage_line_names_the_articles_argument(command):
    result = runner.invoke(app, [*command, "--help"], prog_name="checker")
    assert result.exit_code == 0
    usage = result.output.splitlines()[0]
    assert usage == f"Usage: checker {' '.join(command)} [OPTIONS] ARTICLES..."
    assert "{" not in result.output.split("Arguments:")[1].splitlines()[1]


# --- --select / --ignore ----------------------------------------------------------------


@pytest.fixture(scope="module")
def two_kinds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A numeric conflict (NUM001, error) and a misspelt name (NAME001, info)."""
    extra = "\n另一家公司Anthropc也在招聘研究员。\n"
    return write_dataset(tmp_path_factory.mktemp("kinds") / "dataset", a=ARTICLE_A + extra)


def report_codes(dataset: Path, *flags: str) -> list[str]:
    result = runner.invoke(app, ["report", str(dataset), "-f", "json", *flags])
    assert result.exit_code == 0, result.output
    return sorted(finding["code"] for finding in json.loads(result.stdout)["findings"])


def test_report_selects_and_ignores_by_code_or_prefix(two_kinds):
    assert report_codes(two_kinds) == ["NAME001", "NUM001"]
    assert report_codes(two_kinds, "--select", "NAME") == ["NAME001"]
    assert report_codes(two_kinds, "--ignore", "NAME001") == ["NUM001"]
    assert report_codes(two_kinds, "--select", "num001,NAME") == ["NAME001", "NUM001"]
    assert report_codes(two_kinds, "--select", "ALL", "--ignore", "N") == []


def test_check_gate_follows_the_selection(two_kinds, tmp_path):
    assert runner.invoke(app, ["check", str(two_kinds)]).exit_code == 1
    ignored = runner.invoke(app, ["check", str(two_kinds), "--ignore", "NUM"])
    assert ignored.exit_code == 0, ignored.output
    assert "NUM001" not in ignored.stdout and "NAME001 info" in ignored.stdout
    baseline = tmp_path / "baseline.yaml"
    assert runner.invoke(app, ["baseline", str(two_kinds), "-o", str(baseline)]).exit_code == 0
    accept(baseline)
    selected = runner.invoke(app, ["check", str(two_kinds), "--baseline", str(baseline), "--select", "NAME001"])
    assert selected.exit_code == 0, selected.output
    assert "stale: 0" in selected.stdout  # the accepted NUM001 entry is not selected, not stale


@pytest.mark.parametrize("command", ["report", "check"])
def test_unknown_code_is_a_usage_error_naming_the_valid_codes(two_kinds, command):
    result = runner.invoke(app, [command, str(two_kinds), "--select", "NUM001,XYZ9"])
    assert result.exit_code == 2
    assert "unknown finding code 'XYZ9'" in result.output
    assert all(code in result.output for code in ("NUM001", "DATE001", "REF001", "NAME001"))
