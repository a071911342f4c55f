"""Run the test cases that rules carry (`cases:` of entities, attributes and facts).

Every case of the bundled pack and of every pack under fixtures/**/rules/ becomes one
test, named after the file, line and rule that carry it (`attributes.yaml:123
parameter_count`). The case's text goes through the whole pipeline (extract, then
detect) and each `want` must be met, each `forbid` must not. A case that wants nothing
and forbids nothing is a load error of its pack, so it fails here as well.
"""

from __future__ import annotations

import datetime as dt
import math
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from checker.detect import detect
from checker.extract import extract_article
from checker.load import make_article
from checker.models import Claim, Confirmation, Finding
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


@dataclass(frozen=True)
class Outcome:
    """What the pipeline made of a case's text."""

    claims: list[Claim]
    findings: list[Finding]
    confirmations: list[Confirmation]
    mentions: set[str]


def run_case(pack: RulePack, case: Case) -> Outcome:
    articles = [make_article(f"case-{n}", f"<case {n}>", body, {}, 0, case.date) for n, body in enumerate(case.bodies, start=1)]
    extractions = [extract_article(article, pack) for article in articles]
    claims = [claim for extraction in extractions for claim in extraction.claims]
    findings, confirmations = detect(claims, articles, pack)
    mentions = {mention.entity for extraction in extractions for mention in extraction.mentions}
    return Outcome(claims, findings, confirmations, mentions)


def claim_matches(want: ClaimExpectation, claim: Claim) -> bool:
    fields = (
        (want.attribute, claim.attribute),
        (want.subject, claim.subject),
        (want.object, claim.obj),
        (want.unit, claim.unit),
        (want.negated, claim.negated),
        (want.modality, claim.modality.value),
    )
    if any(wanted is not None and wanted != got for wanted, got in fields):
        return False
    return _value_fits(want.value, claim) and _bound_is(want.low, claim.low) and _bound_is(want.high, claim.high)


def _value_fits(value: object, claim: Claim) -> bool:
    """A number or day inside the claim's interval; a text among the claim's comma-separated values."""
    if value is None:
        return True
    if isinstance(value, str):
        return value in claim.value.split(",")
    low, high = claim.low, claim.high
    if hasattr(value, "isoformat"):
        value = value.isoformat()  # date claims carry ISO bounds, which compare as text
    elif isinstance(low, str) or isinstance(high, str):
        return False
    above = low is None or low <= value
    below = high is None or (value < high if claim.high_open else value <= high)
    return above and below


def _bound_is(wanted: object, got: float | str | None) -> bool:
    if wanted is None:
        return True
    if hasattr(wanted, "isoformat"):
        return got == wanted.isoformat()
    return isinstance(got, float) and math.isclose(got, wanted, rel_tol=1e-9)


def satisfied(expectation: Expectation, outcome: Outcome) -> bool:
    if expectation.claim is not None:
        return any(claim_matches(expectation.claim, claim) for claim in outcome.claims)
    if expectation.finding is not None:
        want = expectation.finding
        return any(
            f.kind == want.kind and want.subject in (None, f.subject) and want.attribute in (None, f.attribute) for f in outcome.findings
        )
    if expectation.confirmation is not None:
        want = expectation.confirmation
        return any(c.fact.subject == want.subject and c.fact.attribute == want.attribute for c in outcome.confirmations)
    return expectation.mention in outcome.mentions


def failures(pack: RulePack, case: Case) -> list[str]:
    """Each unmet `want` and each `forbid` that happened, with what the pipeline produced."""
    outcome = run_case(pack, case)
    problems = [f"wanted, not found: {_shown(e)}" for e in case.want if not satisfied(e, outcome)]
    problems += [f"forbidden, found: {_shown(e)}" for e in case.forbid if satisfied(e, outcome)]
    if problems:
        problems += [f"  claim: {c.subject} {c.attribute} = {c.value} {c.unit or ''} [{c.modality.value}{', negated' if c.negated else ''}]" for c in outcome.claims]
        problems += [f"  finding: {f.kind} {f.subject} {f.attribute}: {f.message}" for f in outcome.findings]
        problems += [f"  confirmation: {c.fact.subject} {c.fact.attribute} by {c.claim}" for c in outcome.confirmations]
        problems += [f"  mentions: {', '.join(sorted(outcome.mentions)) or 'none'}"]
    return problems


def _shown(expectation: Expectation) -> str:
    return str(expectation.model_dump(exclude_none=True))


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
        f"{path}:{line}: this case wants nothing and forbids nothing, so it tests nothing (fix: add `want:` or `forbid:` expectations)"
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
