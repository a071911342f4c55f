"""The outputs of `checker report` and `checker check` on the curated dataset, pinned.

Golden files in tests/golden/ hold every format's output on fixtures/ (check: with
fixtures/baseline.yaml), as the command line writes it. The JSON report and check JSON
are contracts, and the other formats are read by tools (SARIF viewers, CI annotation
parsers), so a refactor of the renderers must leave every byte as it was. A change that
is meant (a new field, with its schema_version bump) regenerates them:
CHECKER_WRITE_GOLDEN=1 python -m pytest tests/test_output_golden.py, then review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
WRITE = os.environ.get("CHECKER_WRITE_GOLDEN") == "1"
ROOT_URI = "file:///checkout/"  # SARIF names the working folder; the goldens hold this instead
CLAIMREVIEW = ["--review-url", "https://factcheck.example/reviews", "--review-date", "2024-05-01", "--publisher", "Example Desk"]
CASES = {
    "report.md": ["report", "fixtures", "--format", "md"],
    "report.json": ["report", "fixtures", "--format", "json"],
    "report.html": ["report", "fixtures", "--format", "html"],
    "report.claimreview.json": ["report", "fixtures", "--format", "claimreview", *CLAIMREVIEW],
    **{f"check.{name}": ["check", "fixtures", "--baseline", "fixtures/baseline.yaml", "--format", name] for name in ("text", "json", "sarif", "junit", "github", "gitlab")},
    # without the baseline every finding is new, so the annotation formats have lines to write
    **{f"check-new.{name}": ["check", "fixtures", "--format", name] for name in ("text", "json", "github", "gitlab")},
}
EXIT = {name: 1 if name.startswith("check-new.") else 0 for name in CASES}  # new findings fail the gate


@pytest.mark.parametrize("name", sorted(CASES))
def test_output_matches_golden(name, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # relative paths in the outputs, as a CI checkout has them
    out = tmp_path / name
    result = CliRunner().invoke(app, [*CASES[name], "--output", str(out)])
    assert result.exit_code == EXIT[name], result.output
    text = out.read_text(encoding="utf-8").replace(ROOT.as_uri().rstrip("/") + "/", ROOT_URI)
    golden = GOLDEN / name
    if WRITE:
        golden.write_text(text, encoding="utf-8", newline="")
    assert text == golden.read_text(encoding="utf-8"), f"{name} differs from tests/golden/{name}"
