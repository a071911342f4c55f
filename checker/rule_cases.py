"""Run the test cases that rules carry (`cases:` of entities, attributes and facts).

A case's text goes through the whole pipeline (extract, then detect); each `want` must
be met and each `forbid` must not. One runner serves pytest (tests/test_rule_cases.py),
`checker rules test DIR` for a pack's author, and anything else that wants the verdict.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from checker.detect import detect
from checker.extract import extract_article
from checker.load import make_article
from checker.models import Claim, Confirmation, Finding
from checker.rulepack import Case, CaseRef, ClaimExpectation, Expectation, RulePack


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
    low, high = claim.bounds or (None, None)
    return _value_fits(want.value, claim) and _bound_is(want.low, low) and _bound_is(want.high, high)


def _value_fits(value: object, claim: Claim) -> bool:
    """A number or day inside the claim's interval; a text among the claim's comma-separated values."""
    if value is None:
        return True
    if isinstance(value, str):
        return value in claim.values
    if isinstance(value, dt.date):
        span = claim.span
        return span is not None and span.low <= value <= span.high
    quantity = claim.quantity
    if quantity is None:
        return False
    above = quantity.low is None or quantity.low <= value
    below = quantity.high is None or (value < quantity.high if quantity.high_open else value <= quantity.high)
    return above and below


def _bound_is(wanted: object, got: float | dt.date | None) -> bool:
    if wanted is None:
        return True
    if isinstance(wanted, dt.date):
        return got == wanted
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


@dataclass(frozen=True)
class CaseResult:
    """One case of a pack and what went wrong with it (nothing: it passed)."""

    ref: CaseRef
    problems: list[str]

    @property
    def passed(self) -> bool:
        return not self.problems


def run_pack_cases(pack: RulePack) -> list[CaseResult]:
    """Every case of the pack, in file order, with its failures."""
    return [CaseResult(ref, failures(pack, ref.case)) for ref in pack.cases]
