"""Defects a new user hits, each pinned by the outcome the user sees (issue: reports people read)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from checker.cli import app
from checker.load import load_articles, parse_date
from tests.conftest import FIXTURES

runner = CliRunner()
CONFLICT = """---
title: GPT-3 的参数
date: {date}
source: 测试日报
url: https://example.com/a
---
据报道，GPT-3拥有1750亿参数。几段之后，另一句话写道GPT-3的参数为1700亿。
"""


@pytest.fixture
def good_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "good"
    folder.mkdir()
    (folder / "a.md").write_text(CONFLICT.format(date="2023-02-14"), encoding="utf-8")
    return folder


# 1. a path that does not exist is a usage error in every command
@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["check", "--baseline", "{baseline}"],
        ["report"],
        ["report", "--format", "json"],
        ["extract", "-o", "{out}/claims.csv"],
        ["baseline", "-o", "{out}/b.yaml"],
        ["entities", "suggest"],
    ],
)
def test_a_missing_path_is_exit_2_whatever_else_was_read(command, good_dir, tmp_path):
    baseline = tmp_path / "baseline.yaml"
    baseline.write_text("entries: []\n", encoding="utf-8")
    args = [part.format(baseline=baseline, out=tmp_path) for part in command]
    result = runner.invoke(app, [*args, str(good_dir), str(tmp_path / "nosuch")])
    assert result.exit_code == 2, result.output
    assert "nosuch: no such file or folder" in result.stderr
    assert "passed" not in result.stdout


# 9. an empty folder names the folder and the file types looked for
def test_an_empty_folder_names_itself_and_the_file_types(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_bytes(b"%PDF")
    result = runner.invoke(app, ["report", str(empty)])
    assert result.exit_code == 2
    assert f"{empty} holds no .md, .markdown, .txt, .jsonl file" in " ".join(result.stderr.split())


def test_a_separate_dataset_folder_is_a_note_shown_with_verbose(tmp_path):
    result = runner.invoke(app, ["report", str(FIXTURES / "zh-01-google-bard-selloff.md")])
    assert result.exit_code == 0
    quiet = runner.invoke(app, ["extract", str(FIXTURES), "-o", str(tmp_path / "c.csv")])
    assert quiet.exit_code == 0 and "fixtures/ev" not in quiet.stderr.replace("\\", "/")
    verbose = runner.invoke(app, ["extract", str(FIXTURES), "-o", str(tmp_path / "c.csv"), "--verbose"])
    assert "skipped: a separate dataset" in verbose.stderr


# 3. Markdown: parsed by a real Markdown parser, bold holds and words keep their spaces
def test_markdown_bold_keeps_spaces_and_closes_after_punctuation(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ntitle: Shares\ndate: 2023-02-09\n---\nAlphabet shares fell 7.7%on Wednesday. Israel's A21 Labs is pitching a model. AI21 Labs sells it.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text("---\ntitle: Shares 2\ndate: 2023-02-09\n---\nAlphabet shares fell 9% on Wednesday.\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 0, result.output
    html = MarkdownIt("commonmark").render(result.stdout)
    assert "Israel's <strong>A21 Labs</strong> is pitching a model." in html
    assert "<strong>Alphabet shares fell 7.7%</strong>on Wednesday" in html  # ** cannot close after % before a letter
    assert "<strong>Alphabet shares fell 9%</strong> on Wednesday" in html
    assert "**" not in html  # no literal asterisks left


def test_markdown_links_only_http_urls(tmp_path):
    for name, url in (("a.md", "javascript:alert(1)"), ("b.md", "https://example.com/b <x>")):
        (tmp_path / name).write_text(CONFLICT.format(date="2023-02-14").replace("https://example.com/a", url), encoding="utf-8")
    html = MarkdownIt("commonmark").render(runner.invoke(app, ["report", str(tmp_path)]).stdout)
    assert 'href="javascript' not in html
    assert 'href="https://example.com/b%20%3Cx%3E"' in html


# 4. front-matter dates in common forms are read; others warn naming the file
@pytest.mark.parametrize("written", ["2023年2月14日", "2023/02/14", "2023.2.14", "Feb 14, 2023", "14 February 2023", "2023-02-14T08:00:00+08:00"])
def test_common_front_matter_date_forms_are_read(written):
    assert parse_date(written) == dt.date(2023, 2, 14)


def test_an_unreadable_front_matter_date_warns_naming_the_file(tmp_path):
    (tmp_path / "a.md").write_text(CONFLICT.format(date="上周二"), encoding="utf-8")
    articles, problems = load_articles([tmp_path])
    assert articles[0].date is None
    [problem] = problems
    assert problem.path.endswith("a.md:3") and problem.level == "warning" and "上周二" in problem.message  # file and line


def test_a_chinese_front_matter_date_resolves_relative_dates(tmp_path):
    (tmp_path / "a.md").write_text(CONFLICT.format(date="2023年2月14日") + "\nChatGPT于去年11月上线。\n", encoding="utf-8")
    out = tmp_path / "r.json"
    runner.invoke(app, ["report", str(tmp_path / "a.md"), "-f", "json", "-o", str(out)])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["articles"][0]["date"] == "2023-02-14" and report["unresolved_dates"] == []


# 6. url, title and source reach the JSON and the reports
def test_url_title_and_source_are_in_json_and_markdown(good_dir, tmp_path):
    out = tmp_path / "r.json"
    assert runner.invoke(app, ["report", str(good_dir), "-f", "json", "-o", str(out)]).exit_code == 0
    [article] = json.loads(out.read_text(encoding="utf-8"))["articles"]
    assert (article["url"], article["title"], article["source"]) == ("https://example.com/a", "GPT-3 的参数", "测试日报")
    html = MarkdownIt("commonmark").render(runner.invoke(app, ["report", str(good_dir)]).stdout)
    assert '<a href="https://example.com/a">GPT-3 的参数</a>, 测试日报, 2023-02-14' in html


# 8. help and flags
def test_flags_take_no_value_and_usage_names_the_arguments():
    result = runner.invoke(app, ["check", "--help"], env={"COLUMNS": "100"})
    assert "<bool>" not in result.stdout and "…" not in result.stdout
    assert "--strict-rules / --no-strict-rules" in result.stdout and "去年11月, last week" in " ".join(result.stdout.split())


def test_extract_writes_csv_to_standard_output_and_never_a_file_it_was_not_given(good_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in ([], ["-o", "-"]):
        result = runner.invoke(app, ["extract", str(good_dir), *args])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[0].startswith("id,article,start,end")
        assert "1750亿" in result.stdout
    assert not (tmp_path / "claims.csv").exists()


def test_rules_schema_needs_an_output_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["rules", "schema"])
    assert result.exit_code == 2 and not any(tmp_path.iterdir())


# CLI conventions (ruff, sqlfluff)
def test_version_prints_the_package_version():
    from checker import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"claim-checker {__version__}\n"


def test_exit_zero_reports_failing_findings_but_exits_0(good_dir, tmp_path):
    failing = runner.invoke(app, ["check", str(good_dir), "--fail-on", "warning"])
    assert failing.exit_code == 1, failing.output
    relaxed = runner.invoke(app, ["check", str(good_dir), "--fail-on", "warning", "--exit-zero"])
    assert relaxed.exit_code == 0 and "failed:" in relaxed.stdout
    assert runner.invoke(app, ["check", str(good_dir), str(tmp_path / "nosuch"), "--exit-zero"]).exit_code == 2


def test_markdown_marks_each_quote_with_its_value_and_lists_each_fact_once(fixtures_run):
    """Defect 7: which side a quote is on, no paragraph-long quotes, one confirmed row per fact."""
    from checker.report.markdown import render_markdown

    text = render_markdown(fixtures_run)
    findings, confirmed = text.split("## Confirmed by reference facts")
    gpt3 = findings[findings.index("GPT-3 parameter count"):].split("\n- **")[0]
    assert "  - `1.75×10¹¹` " in gpt3 and "  - `1.7×10¹¹` " in gpt3
    assert "Record: 1.75×10¹¹ (±0.5%)" in gpt3 and "175000000000" not in gpt3
    quotes = [line.split("): ", 1)[1] for line in findings.splitlines() if line.startswith("  - `")]
    assert quotes and max(len(q) for q in quotes) < 40 * 2 + 80 + 20
    rows = [line for line in confirmed.split("\n## ")[0].splitlines() if line.startswith("| ") and not line.startswith("| claim")]
    facts = {(c.fact.subject, c.fact.attribute, c.fact.expected) for c in fixtures_run.confirmations}
    assert len(rows) == len(facts) < len(fixtures_run.confirmations)


def test_work_in_progress_is_no_release_that_contradicts_a_denial(tmp_path):
    """Defect 5: 正在研发 (being developed) credited the organization with a release."""
    (tmp_path / "a.md").write_text("---\ntitle: a\ndate: 2023-02-10\n---\n字节跳动尚未发布任何大模型。\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: b\ndate: 2023-02-12\n---\n据悉，字节跳动正在研发类似ChatGPT的对话产品。\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [c["attribute"] for c in report["claims"]] == ["released_model"]
    assert report["findings"] == []
