"""Run the test cases that rules carry (`cases:` of entities, attributes and facts).

Every case of the bundled pack and of every pack under fixtures/**/rules/ becomes one
test, named after the file, line and rule that carry it (`attributes.yaml:123
parameter_count`), run by the same runner as `checker rules test` (checker.rule_cases).
A case that wants nothing and forbids nothing is a load error of its pack, so it fails
here as well.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.cli.rules import _shown as shown
from checker.rule_cases import claim_matches, failures, run_case, run_pack_cases
from checker.rulepack import (
    Case,
    ClaimExpectation,
    Expectation,
    RulePack,
    RulesError,
    bundled_rules_dir,
    load_rules,
)

ROOT = Path(__file__).resolve().parents[1]


# --- collection -----------------------------------------------------------------------


def pack_folders() -> list[tuple[Path, str]]:
    """The bundled pack and every pack under fixtures/, with the prefix of their test ids."""
    found = [(bundled_rules_dir(), "")]
    for marker in sorted((ROOT / "fixtures").glob("**/rules/entities.yaml")):
        found.append((marker.parent, f"{marker.parent.relative_to(ROOT)}/"))
    return found


LOADED: dict[str, RulePack | RulesError] = {}


def collect(folder: Path, prefix: str = "") -> list:
    """One param (pack label, case) per case of the pack; one (label, None) when it does not load.

    Packs are kept in LOADED by label so that test parameters (and failure reports) stay short.
    """
    label = prefix or "bundled pack "
    try:
        pack: RulePack | RulesError = load_rules(folder)
    except RulesError as exc:
        pack = exc
    LOADED[label] = pack
    if isinstance(pack, RulesError):
        return [pytest.param(label, None, id=f"{label}does not load")]
    return [pytest.param(label, ref.case, id=f"{prefix}{ref.id}") for ref in pack.cases]


CASES = [param for folder, prefix in pack_folders() for param in collect(folder, prefix)]


@pytest.mark.parametrize(("label", "case"), CASES)
def test_rule_case(label: str, case: Case | None):
    pack = LOADED[label]
    if isinstance(pack, RulesError):
        pytest.fail(f"the rules pack does not load:\n{pack}")
    problems = failures(pack, case)
    assert not problems, "\n".join(problems)


# --- the collector and the runner themselves ---------------------------------------


@pytest.fixture(scope="module")
def bundled() -> RulePack:
    return load_rules()


def test_every_bundled_attribute_carries_a_case(bundled):
    carried = {ref.owner for ref in bundled.cases}
    assert set(bundled.attributes) <= carried, sorted(set(bundled.attributes) - carried)


def test_case_ids_name_file_line_and_rule(bundled):
    path = bundled_rules_dir() / "attributes.yaml"
    ref = next(ref for ref in bundled.cases if ref.owner == "parameter_count")
    assert ref.file == str(path)
    assert path.read_text(encoding="utf-8").splitlines()[ref.line - 1].lstrip().startswith("- text")
    assert ref.id == f"attributes.yaml:{ref.line} parameter_count"


def test_collector_rejects_a_case_that_asserts_nothing(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(bundled_rules_dir(), folder)
    path = folder / "entities.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - id: foo-corp\n    type: organization\n    aliases: [Foo]\n    cases:\n      - text: Foo开发了新模型。\n", encoding="utf-8")
    (param,) = collect(folder, "copy/")
    assert param.values == ("copy/", None) and param.id == "copy/does not load"
    error = LOADED["copy/"]
    line = len(path.read_text(encoding="utf-8").splitlines())
    assert [str(p) for p in error.problems] == [
        f"{path}:{line}: RP013 this case wants nothing and forbids nothing, so it tests nothing (fix: add `want:` or `forbid:` expectations)"
    ]


def test_runner_reports_unmet_wants_and_forbids_that_happen(bundled):
    case = Case(
        text="GPT-3拥有1750亿个参数。",
        want=[Expectation(claim=ClaimExpectation(attribute="parameter_count", subject="gpt-3", value=1.7e11))],
        forbid=[Expectation(mention="gpt-3")],
    )
    problems = failures(bundled, case)
    assert problems[:2] == [
        "wanted, not found: {'claim': {'attribute': 'parameter_count', 'subject': 'gpt-3', 'value': 170000000000.0}}",
        "forbidden, found: {'mention': 'gpt-3'}",
    ]
    assert any(p.startswith("  claim: gpt-3 parameter_count = 175000000000 count") for p in problems)


def test_claim_matching_reads_intervals_dates_and_lists(bundled):
    outcome = run_case(bundled, Case(text="2022年11月30日，OpenAI推出了ChatGPT。京东自研的K-PLUG参数量约为10亿。", want=[Expectation(mention="chatgpt")]))
    release = next(c for c in outcome.claims if c.attribute == "release_date")
    size = next(c for c in outcome.claims if c.attribute == "parameter_count")
    developer = next(c for c in outcome.claims if c.attribute == "developer" and c.subject == "k-plug")
    assert claim_matches(ClaimExpectation(attribute="release_date", value=dt.date(2022, 11, 30)), release)
    assert not claim_matches(ClaimExpectation(attribute="release_date", value=dt.date(2022, 12, 1)), release)
    assert claim_matches(ClaimExpectation(attribute="release_date", low=dt.date(2022, 11, 30), high=dt.date(2022, 11, 30)), release)
    assert claim_matches(ClaimExpectation(attribute="parameter_count", value=1.05e9), size)  # 约 widens the interval
    assert not claim_matches(ClaimExpectation(attribute="parameter_count", value=2e9), size)
    assert not claim_matches(ClaimExpectation(attribute="parameter_count", value=1e9, unit="USD"), size)
    assert claim_matches(ClaimExpectation(attribute="developer", value="jd"), developer)
    assert not claim_matches(ClaimExpectation(attribute="developer", value="alibaba"), developer)


# --- checker rules test: the same runner for a pack's author ------------------------

runner = CliRunner()


def test_rules_test_command_passes_the_ev_pack():
    folder = ROOT / "fixtures" / "ev" / "rules"
    result = runner.invoke(app, ["rules", "test", str(folder), "--verbose"])
    assert result.exit_code == 0, result.output
    pack = load_rules(folder)
    assert result.output.count("pass ") == len(pack.cases) == len(run_pack_cases(pack))
    assert result.output.rstrip().endswith(f"{len(pack.cases)} passed, 0 failed: {shown(str(folder))}")


def test_rules_test_command_fails_a_broken_case_and_names_it(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "fixtures" / "ev" / "rules", folder)
    path = folder / "entities.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "  - id: foo-motors\n    type: organization\n    aliases: [Foo Motors]\n"
        "    cases:\n      - text: 今天天气很好。\n        want:\n          - mention: foo-motors\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["rules", "test", str(folder)])
    assert result.exit_code == 1, result.output
    line = len(path.read_text(encoding="utf-8").splitlines()) - 2
    assert f"FAIL {path}:{line} foo-motors" in result.output  # outside the working folder: absolute
    assert "wanted, not found: {'mention': 'foo-motors'}" in result.output
    assert "1 failed" in result.output


def test_rules_test_command_exits_2_for_a_pack_that_does_not_load(tmp_path):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "entities.yaml").write_text("entities: [\n", encoding="utf-8")
    result = runner.invoke(app, ["rules", "test", str(folder)])
    assert result.exit_code == 2
    assert "entities.yaml" in result.output
