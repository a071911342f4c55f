"""End to end through typer's test runner: commands, formats, exit codes."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import jsonschema
import yaml
import pandas as pd
import pytest
from typer.testing import CliRunner

from checker.cli import app
from tests.conftest import FIXTURES, ROOT

runner = CliRunner()
SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
ARTICLE = """---
title: 测试
date: 2023-02-14
---
据报道，GPT-3拥有1750亿参数。几段之后，另一句话写道GPT-3的参数为1700亿。
"""


@pytest.fixture
def one_article(tmp_path: Path) -> Path:
    path = tmp_path / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_report_json_validates_against_schema(tmp_path):
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["report", str(FIXTURES), "--format", "json", "--output", str(out)])
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(report, SCHEMA)
    assert report["summary"]["findings"] == len(report["findings"]) > 0
    listed = yaml.safe_load((FIXTURES / "expected.yaml").read_text(encoding="utf-8"))["articles"]
    assert sorted(a["id"] for a in report["articles"]) == sorted(listed)


def test_report_markdown_quotes_evidence(one_article):
    result = runner.invoke(app, ["report", str(one_article)])
    assert result.exit_code == 0, result.output
    assert "numeric_mismatch" in result.stdout
    assert "**GPT-3拥有1750亿参数**" in result.stdout or "1750亿" in result.stdout
    assert "a.md:5:" in result.stdout


def test_report_severity_drops_for_reported_claims(one_article, tmp_path):
    out = tmp_path / "r.json"
    runner.invoke(app, ["report", str(one_article), "-f", "json", "-o", str(out)])
    [finding] = [f for f in json.loads(out.read_text(encoding="utf-8"))["findings"] if f["kind"] == "numeric_mismatch"]
    assert finding["severity"] == "warning"


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_extract_writes_claims_table(one_article, tmp_path, suffix):
    out = tmp_path / f"claims{suffix}"
    result = runner.invoke(app, ["extract", str(one_article), "--output", str(out)])
    assert result.exit_code == 0, result.output
    table = {".csv": pd.read_csv, ".parquet": pd.read_parquet, ".jsonl": lambda p: pd.read_json(p, lines=True)}[suffix](out)
    params = table[table["attribute"] == "parameter_count"]
    assert sorted(params["value"].astype(str)) == ["170000000000", "175000000000"]
    text = one_article.read_text(encoding="utf-8")
    for _, row in params.iterrows():
        assert text[int(row["start"]):int(row["end"])] == row["text"]


def test_extract_rejects_unknown_table_format(one_article, tmp_path):
    result = runner.invoke(app, ["extract", str(one_article), "--output", str(tmp_path / "claims.xlsx")])
    assert result.exit_code == 2


def test_no_readable_article_exits_2(tmp_path):
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 2
    assert "file is empty" in result.output and "no article could be read" in result.output


def test_bad_input_is_reported_and_the_run_goes_on(one_article):
    (one_article.parent / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = runner.invoke(app, ["report", str(one_article.parent)])
    assert result.exit_code == 0
    assert "binary" in result.output and "numeric_mismatch" in result.stdout


def test_invalid_rules_exit_2_naming_file_and_line(one_article, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    for name in ("entities.yaml", "attributes.yaml", "facts.yaml", "settings.yaml"):
        (rules / name).write_text((ROOT / "rules" / name).read_text(encoding="utf-8"), encoding="utf-8")
    (rules / "entities.yaml").write_text("entities:\n  - id: x\n    type: chipp\n    aliases: [X]\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(one_article), "--rules", str(rules)])
    assert result.exit_code == 2
    assert "entities.yaml:3" in result.output


def test_missing_path_is_usage_error():
    result = runner.invoke(app, ["report", "does-not-exist"])
    assert result.exit_code == 2


def test_relative_dates_without_article_date_are_listed(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Bard于去年11月推出。", encoding="utf-8")
    result = runner.invoke(app, ["report", str(path)])
    assert result.exit_code == 0
    assert "could not be resolved" in result.stdout
    dated = runner.invoke(app, ["report", str(path), "--date", "2023-02-14", "-f", "json"])
    claims = json.loads(dated.stdout)["claims"]
    assert any(c["attribute"] == "release_date" and c["low"] == "2022-11-01" for c in claims)


def test_article_text_is_escaped_in_markdown(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("GPT-3<script>alert(1)</script>拥有1750亿参数。GPT-3拥有1700亿参数。", encoding="utf-8")
    result = runner.invoke(app, ["report", str(path)])
    assert "<script>" not in result.stdout and "&lt;script&gt;" in result.stdout


def test_eval_prints_scores_and_passes_thresholds():
    result = runner.invoke(app, ["eval", str(FIXTURES), "--min-precision", "0.9", "--min-recall", "0.9"])
    assert result.exit_code == 0, result.output
    assert "numeric_mismatch" in result.stdout and "overall" in result.stdout
    assert "findings per language" in result.stdout
    for language in ("en", "mixed", "zh-Hans", "zh-Hant"):
        assert re.search(rf"│ {language} +│ +[1-9]\d* │ +0 │ +0 │ +1\.000 │", result.stdout), language


def test_eval_fails_below_threshold(tmp_path, one_article):
    (tmp_path / "expected.yaml").write_text(
        "findings:\n  - kind: date_conflict\n    subject: gpt-3\n    attribute: release_date\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["eval", str(tmp_path), "--min-recall", "0.5"])
    assert result.exit_code == 1
    assert "missed: date_conflict gpt-3 release_date" in result.stdout


def test_eval_without_expected_is_an_error(tmp_path, one_article):
    assert runner.invoke(app, ["eval", str(tmp_path)]).exit_code == 2


@pytest.mark.parametrize("code", ["NUM001", "numeric_mismatch", "ref001"])
def test_explain_prints_the_detector_documentation(code):
    result = runner.invoke(app, ["explain", code])
    assert result.exit_code == 0
    assert "Why it matters" in result.stdout and "Example" in result.stdout


def test_explain_unknown_code():
    result = runner.invoke(app, ["explain", "XYZ999"])
    assert result.exit_code == 2 and "NUM001" in result.output


def test_extract_to_parquet_without_pyarrow_names_the_extra(one_article, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    result = runner.invoke(app, ["extract", str(one_article), "--output", str(tmp_path / "claims.parquet")])
    assert result.exit_code == 2
    assert 'pip install "claim-checker[parquet]"' in result.output
    assert not (tmp_path / "claims.parquet").exists()
