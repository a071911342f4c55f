"""`checker eval --mutate`: perturbations of agreeing claims, caught and paired."""

from __future__ import annotations

import datetime as dt

import pytest
from typer.testing import CliRunner

from checker.api import run
from checker.cli import app
from checker.detect import REGISTRY
from checker.detect.base import Detector
from checker.mutate import _decimal_text, _shift_date, mutation_check

runner = CliRunner()

ARTICLES = {
    "a.md": "---\ndate: 2023-03-01\n---\nGPT-3拥有1750亿个参数。2022年11月30日，OpenAI推出了ChatGPT。\n",
    "b.md": "---\ndate: 2023-03-02\n---\n据介绍，GPT-3的参数量为1750亿。ChatGPT于2022年11月30日上线。\n",
}


@pytest.fixture
def dataset(tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "expected.yaml").write_text("findings: []\nmust_not: []\n", encoding="utf-8")
    return tmp_path


def test_agreeing_figures_and_dates_are_perturbed_and_caught(dataset):
    report = mutation_check(run([dataset]))
    assert report.tried == {"x10": 2, "x0.5": 2, "+30%": 2, "+9 days": 2}
    assert report.paired == report.tried and report.paired_rate == 1.0
    assert report.missed == []


def test_a_blind_detector_misses_every_figure(dataset, monkeypatch):
    blind = Detector(row=REGISTRY["NUM001"].row, run=lambda data: [])
    monkeypatch.setitem(REGISTRY, "NUM001", blind)
    report = mutation_check(run([dataset]))
    assert report.paired == {"+9 days": 2}
    assert sorted((m.operator, m.before, m.after) for m in report.missed) == [
        ("+30%", "1750", "2275"), ("+30%", "1750", "2275"), ("x0.5", "1750", "875"),
        ("x0.5", "1750", "875"), ("x10", "1750", "17500"), ("x10", "1750", "17500"),
    ]
    result = runner.invoke(app, ["eval", str(dataset), "--mutate", "--min-mutation-score", "0.9"])
    assert result.exit_code == 1, result.output
    assert "mutation missed: x10 gpt-3 parameter_count" in result.output
    assert "mutation score 0.250" in result.output


def test_cli_reports_the_table_and_passes_the_threshold(dataset):
    result = runner.invoke(app, ["eval", str(dataset), "--mutate", "--min-mutation-score", "0.9"])
    assert result.exit_code == 0, result.output
    assert "mutations:" in result.output and "overall" in result.output


def test_limit_caps_the_perturbations(dataset):
    assert mutation_check(run([dataset]), limit=3).total == 3


@pytest.mark.parametrize(
    ("text", "old", "new", "expected"),
    [
        ("2022年11月30日", dt.date(2022, 11, 30), dt.date(2022, 12, 9), "2022年12月9日"),
        ("2022年12月30日", dt.date(2022, 12, 30), dt.date(2023, 1, 8), "2023年1月8日"),
        ("2月8日", dt.date(2023, 2, 8), dt.date(2023, 2, 17), "2月17日"),
        ("8日", dt.date(2023, 2, 8), dt.date(2023, 2, 17), "17日"),
        ("8日", dt.date(2023, 2, 25), dt.date(2023, 3, 6), None),  # a bare day cannot cross a month
        ("2023-02-08", dt.date(2023, 2, 8), dt.date(2023, 2, 17), "2023-02-17"),
        ("去年", dt.date(2022, 1, 1), dt.date(2022, 1, 10), None),
    ],
)
def test_dates_are_rewritten_in_their_own_form(text, old, new, expected):
    assert _shift_date(text, old, new) == expected


def test_numbers_keep_their_notation():
    from decimal import Decimal

    assert [_decimal_text(Decimal(v)) for v in ("17500", "875.0", "2275.0", "0.50", "1.30")] == ["17500", "875", "2275", "0.5", "1.3"]
