"""One registry of output formats for `checker report` and `checker check` (checker/output/)."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
import textwrap

import pytest
from typer.testing import CliRunner

from checker.api import run
from checker.check import check_run
from checker.cli import app
from checker.output import Outcome, registry, render
from checker.output.registry import COMMANDS, Lazy, OutputFormat, find, formats_for, help_text, register
from tests.conftest import ROOT
from tests.test_check import write_dataset

runner = CliRunner()
ROW = re.compile(r"^\| `(?P<name>[a-z]+)` \| `(?P<suffix>\.[a-z]+)` \| `(?P<media>[a-z+./-]+)` \| (?P<commands>[a-z, ]+) \|$", re.MULTILINE)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory, pack) -> tuple[Outcome, Outcome]:
    """A report outcome and a check outcome of one run with one new NUM001 finding."""
    result = run([write_dataset(tmp_path_factory.mktemp("registry") / "dataset")], pack)
    return Outcome(result), Outcome.of_check(check_run(result))


@pytest.fixture
def private_registry(monkeypatch):
    """Rows registered by a test leave the registry as it was."""
    monkeypatch.setattr(registry, "FORMATS", list(registry.FORMATS))
    registry.choices.cache_clear()
    yield
    registry.choices.cache_clear()


def test_names_are_unique_per_command_and_every_renderer_exists():
    for command in COMMANDS:
        names = [row.name for row in formats_for(command)]
        assert len(names) == len(set(names)), command
    for row in registry.FORMATS:
        assert row.suffix.startswith(".") and "/" in row.media_type, row
        assert isinstance(row.render, Lazy), row.name  # built-in renderers load on use
        module, _, function = row.render.target.partition(":")
        assert callable(getattr(importlib.import_module(module), function)), row.render.target


def test_the_cli_offers_exactly_the_registry():
    for command in COMMANDS:
        help_output = " ".join(runner.invoke(app, [command, "--help"], terminal_width=400).output.split())
        assert "<" + "|".join(row.name for row in formats_for(command)) + ">" in help_output
        for row in formats_for(command):
            assert row.help in help_output, (command, row.name)
    assert help_text("check").startswith("text for people, json")


def test_the_architecture_table_is_the_registry():
    documented = [(m["name"], m["suffix"], m["media"], tuple(m["commands"].split(", "))) for m in ROW.finditer((ROOT / "docs" / "architecture.md").read_text(encoding="utf-8"))]
    assert documented == [(row.name, row.suffix, row.media_type, row.commands) for row in registry.FORMATS]


def test_listing_formats_imports_no_renderer():
    code = "import sys, checker.output.registry as r; r.help_text('report'); r.choices('check'); print(sorted(m for m in sys.modules if m.startswith(('checker.report', 'checker.check', 'checker.api'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_each_command_renders_only_its_own_formats(outcomes):
    report, check = outcomes
    with pytest.raises(KeyError, match="has no format 'sarif'"):
        render(report, "sarif")
    with pytest.raises(ValueError, match="result of `checker check`"):
        find("check", "sarif").render(report)  # a gate format given a report outcome
    assert render(report, "json").startswith('{\n  "schema_version"')
    assert render(check, "json").startswith('{\n  "schema_version"')


def test_register_refuses_a_taken_name_or_an_unknown_command(private_registry):
    with pytest.raises(ValueError, match="already offered by check"):
        register(OutputFormat("sarif", ".sarif", "application/sarif+json", ("check",), "sarif again", lambda outcome: ""))
    with pytest.raises(ValueError, match="commands must be some of"):
        register(OutputFormat("toy", ".toy", "text/plain", ("extract",), "toy", lambda outcome: ""))


def toy(outcome: Outcome) -> str:
    """A toy format: one line per finding, and the verdict when the command is check."""
    lines = [f"{finding.code} {finding.subject}" for finding in outcome.run.findings]
    if outcome.check is not None:
        lines.append("passed" if outcome.gate.passed else f"failed: {len(outcome.gate.failing)}")
    return "\n".join(lines) + "\n"


TOY = OutputFormat("toy", ".toy", "text/plain", ("report", "check"), "toy (one line per finding)", toy)


def test_a_toy_format_is_one_function_plus_one_row(outcomes, private_registry, tmp_path):
    """docs/architecture.md, "Add an output format": a function and a registered row."""
    register(TOY)
    report, check = outcomes
    assert render(report, "toy") == "NUM001 anthropic\n"
    assert render(check, "toy") == "NUM001 anthropic\nfailed: 1\n"
    assert registry.choices("report")("toy").value == "toy"
    # a CLI built after the row is registered offers the format and writes it
    folder = write_dataset(tmp_path / "dataset")
    assert runner.invoke(app, ["report", str(folder)]).exit_code == 0  # its extractions cached: the run below loads no NLP pipeline
    script = textwrap.dedent(
        f"""
        import sys
        from checker.output.registry import OutputFormat, register
        register(OutputFormat("toy", ".toy", "text/plain", ("report",), "toy (one line per finding)", lambda outcome: "".join(f"{{f.code}}\\n" for f in outcome.run.findings)))
        from checker.cli import app
        app(sys.argv[1:], prog_name="checker")
        """
    )
    shown = subprocess.run([sys.executable, "-c", script, "report", "--help"], capture_output=True, text=True, cwd=ROOT, timeout=120, env={**os.environ, "COLUMNS": "300"})
    assert "md|json|claimreview|html|toy" in shown.stdout and "toy (one line per finding)" in shown.stdout, shown.stdout + shown.stderr
    done = subprocess.run([sys.executable, "-c", script, "report", str(folder), "--format", "toy"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert (done.returncode, done.stdout) == (0, "NUM001\n"), done.stderr
