"""The conventions of ruff, sqlfluff and Vale: usage lines, --select/--ignore, --quiet,
--statistics, discovered configuration, standard input, GitLab output, colour, progress."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.cli import app
from tests.test_check import A_CLAIM, ARTICLE_A, accept, write_dataset

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


# --- --quiet / --statistics -------------------------------------------------------------


@pytest.fixture(scope="module")
def noisy(tmp_path_factory: pytest.TempPathFactory, two_kinds: Path) -> Path:
    """The two kinds plus an article whose front-matter date cannot be read (a warning)."""
    folder = tmp_path_factory.mktemp("noisy") / "dataset"
    shutil.copytree(two_kinds, folder)
    (folder / "c.md").write_text("---\ntitle: 短讯\ndate: someday\n---\n本周没有新的融资消息。\n", encoding="utf-8")
    return folder


def test_check_quiet_prints_only_the_findings_and_the_verdict(noisy, tmp_path):
    loud = runner.invoke(app, ["check", str(noisy)])
    assert "front matter: `date`" in loud.stderr and "new: 2 (1 at or above error)" in loud.stdout
    quiet = runner.invoke(app, ["check", str(noisy), "--quiet"])
    assert quiet.exit_code == 1
    assert quiet.stderr == ""
    lines = quiet.stdout.splitlines()
    assert [line.split(": ")[1].split()[0] for line in lines if not line.startswith(" ")][:2] == ["NUM001", "NAME001"]
    assert lines[-1] == "failed: 1 new finding at or above error"
    assert not any(line.startswith("new:") or not line.strip() for line in lines)
    written = runner.invoke(app, ["check", str(noisy), "-q", "-f", "json", "-o", str(tmp_path / "c.json")])
    assert written.exit_code == 1 and written.output == ""  # no "wrote", no summary on stderr


def test_report_quiet_writes_the_report_and_nothing_else(noisy):
    result = runner.invoke(app, ["report", str(noisy), "-q", "-f", "claimreview"])
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout)


def parse_statistics(text: str) -> list[tuple[int, str, str]]:
    rows = [line.split() for line in text.splitlines()]
    return [(int(row[0]), row[1], row[2]) for row in rows if len(row) == 3 and row[0].isdigit()]


def test_statistics_count_findings_per_code(noisy, tmp_path):
    misspelt = "谷歌旗下的DeepMnd也在扩充团队，Nvidai则公布了新的芯片。\n"  # misspelt names: more NAME001 findings
    (noisy / "d.md").write_text(f"---\ntitle: 四\ndate: 2023-02-12\n---\n{misspelt}", encoding="utf-8")
    try:
        report = runner.invoke(app, ["report", str(noisy), "--statistics"])
        check = runner.invoke(app, ["check", str(noisy), "--statistics", "--quiet"])
    finally:
        (noisy / "d.md").unlink()
    assert report.exit_code == 0, report.output
    rows = parse_statistics(report.stdout)
    assert [code for _, code, _ in rows] == ["NAME001", "NUM001"]  # most frequent first
    assert rows[0][0] > rows[1][0] == 1 and rows[0][2] == "name_variant" and rows[1][2] == "numeric_mismatch"
    assert check.exit_code == 1 and parse_statistics(check.stdout) == rows
    assert check.stdout.splitlines()[-1] == "failed: 1 new finding at or above error"


@pytest.mark.parametrize("command", [["report", "-f", "json"], ["check", "-f", "sarif"]])
def test_statistics_with_a_machine_format_is_a_usage_error(noisy, command):
    result = runner.invoke(app, [command[0], str(noisy), *command[1:], "--statistics"])
    assert result.exit_code == 2 and "--statistics prints text" in result.output


# --- GitLab Code Quality ------------------------------------------------------------------

# the fields GitLab reads from a Code Quality report (docs.gitlab.com, "Code Quality report format")
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},
                    "lines": {"type": "object", "required": ["begin"], "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def test_gitlab_code_quality_report(two_kinds, tmp_path, monkeypatch):
    work = tmp_path / "checkout"
    shutil.copytree(two_kinds, work / "articles")
    monkeypatch.chdir(work)
    out = work / "gl-code-quality-report.json"
    result = runner.invoke(app, ["check", str(work / "articles"), "--format", "gitlab", "-o", str(out)])
    assert result.exit_code == 1, result.output
    issues = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(issues, GITLAB_SCHEMA)
    by_code = {issue["check_name"]: issue for issue in issues}
    assert set(by_code) == {"NUM001", "NAME001"}
    numeric = by_code["NUM001"]
    text = (work / "articles" / "a.md").read_text(encoding="utf-8")
    line = text[: text.index(A_CLAIM)].count("\n") + 1
    assert numeric["location"] == {"path": "articles/a.md", "lines": {"begin": line}}
    assert (numeric["severity"], by_code["NAME001"]["severity"]) == ("major", "info")
    assert "articles/b.md:" in numeric["description"]
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


# --- colour and progress ------------------------------------------------------------------

ESCAPE = "\x1b["


@pytest.mark.parametrize(
    ("flags", "env", "coloured"),
    [
        (["--color", "always"], {}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        ([], {"FORCE_COLOR": "1"}, True),
        ([], {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ([], {}, False),  # auto, and the test runner is no terminal
    ],
)
def test_color_flag_and_environment(tmp_path, flags, env, coloured):
    result = runner.invoke(app, ["check", str(tmp_path / "missing"), *flags], env={"NO_COLOR": None, "FORCE_COLOR": None, **env})
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr
    assert (ESCAPE in result.stderr) is coloured


def test_global_color_flag_and_reset_between_runs(tmp_path):
    missing = str(tmp_path / "missing")
    assert ESCAPE in runner.invoke(app, ["--color", "always", "report", missing]).stderr
    assert ESCAPE not in runner.invoke(app, ["--color", "always", "report", missing, "--color", "never"]).stderr
    assert ESCAPE not in runner.invoke(app, ["report", missing], env={"NO_COLOR": None, "FORCE_COLOR": None}).stderr


def test_progress_bar_counts_against_the_number_of_articles(two_kinds):
    result = runner.invoke(app, ["report", str(two_kinds), "-f", "json", "--color", "always", "--no-cache"])
    assert result.exit_code == 0, result.output
    shown = {match for match in re.findall(r"(\d+)/(\d+|\?)", result.stderr)}
    assert ("2", "2") in shown  # two articles: the bar ends at 2/2, not at an open count
    quiet = runner.invoke(app, ["report", str(two_kinds), "-f", "json", "--color", "always", "--quiet", "--no-cache"])
    assert quiet.stderr == ""


# --- standard input -----------------------------------------------------------------------


def test_report_reads_an_article_from_standard_input(two_kinds):
    result = runner.invoke(app, ["report", "-", str(two_kinds / "b.md"), "-f", "json"], input=ARTICLE_A)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    [piped] = [article for article in report["articles"] if article["id"] == "stdin"]
    assert piped["title"] == "融资简讯" and piped["date"] == "2023-02-10"  # the front matter is read
    [conflict] = [finding for finding in report["findings"] if finding["code"] == "NUM001"]
    assert {evidence["article"] for evidence in conflict["evidence"]} == {"stdin", "b"}


def test_check_locates_findings_on_standard_input(two_kinds):
    result = runner.invoke(app, ["check", "-", str(two_kinds / "b.md")], input=ARTICLE_A)
    assert result.exit_code == 1, result.output
    line = ARTICLE_A[: ARTICLE_A.index(A_CLAIM)].count("\n") + 1
    assert "NUM001 error" in result.stdout
    assert f"-:{line}:1: " in result.stdout  # standard input is the path `-`, as compilers name it


def test_empty_standard_input_is_an_error(tmp_path):
    result = runner.invoke(app, ["report", "-"], input="")
    assert result.exit_code == 2
    assert "-: LD020 file is empty" in result.stderr


# --- discovered configuration ---------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, two_kinds: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git checkout holding the two-kinds dataset; the tests run from a folder inside it."""
    root = tmp_path / "project"
    (root / ".git").mkdir(parents=True)
    shutil.copytree(two_kinds, root / "articles")
    (root / "sub").mkdir()
    monkeypatch.chdir(root / "sub")
    return root


def test_pyproject_table_configures_report_and_flags_win(project):
    (project / "pyproject.toml").write_text('[project]\nname = "news"\n\n[tool.checker]\nselect = ["NAME"]\n', encoding="utf-8")
    assert report_codes(project / "articles") == ["NAME001"]
    assert report_codes(project / "articles", "--select", "NUM") == ["NUM001"]


def test_checker_toml_configures_the_gate(project, tmp_path):
    baseline = project / "baseline.yaml"
    assert runner.invoke(app, ["baseline", str(project / "articles"), "-o", str(baseline)]).exit_code == 0
    accept(baseline)
    (project / ".checker.toml").write_text('baseline = "baseline.yaml"\nformat = "json"\nfail-on = "info"\nignore = ["NAME001"]\n', encoding="utf-8")
    result = runner.invoke(app, ["check", str(project / "articles")])
    assert result.exit_code == 0, result.output  # the baseline (relative to the file) accepts NUM001
    checked = json.loads(result.stdout)
    assert checked["fail_on"] == "info" and checked["baseline"].endswith("baseline.yaml")
    assert [finding["code"] for finding in checked["findings"]] == ["NUM001"]
    flags = runner.invoke(app, ["check", str(project / "articles"), "--ignore", "NUM", "--format", "text"])
    assert flags.exit_code == 0, flags.output  # the flag's ignore replaces the file's: NAME001 (baselined) is back
    assert "NUM001" not in flags.stdout and "new: 0 (0 at or above info), baselined: 1" in flags.stdout


def test_search_stops_at_the_git_root(project):
    (project.parent / ".checker.toml").write_text('select = ["NAME"]\n', encoding="utf-8")
    assert report_codes(project / "articles") == ["NAME001", "NUM001"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('fail_on = "error"\n', "fail_on"),
        ('fail-on = "fatal"\n', "fail-on"),
        ('select = "NUM"\n', "select"),
        ('ignore = ["NUMX"]\n', "ignore"),
        ("rules = 3\n", "rules"),
    ],
)
def test_a_bad_key_or_value_is_one_error_naming_file_and_key(project, text, key):
    (project / ".checker.toml").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(project / "articles")])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert str(project / ".checker.toml") in line and f"`{key}`" in line


def test_broken_toml_is_an_error_naming_the_file(project):
    (project / "pyproject.toml").write_text("[tool.checker\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(project / "articles")])
    assert result.exit_code == 2 and "pyproject.toml: not readable TOML" in result.stderr
