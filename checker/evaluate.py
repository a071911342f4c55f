"""Score a run against a dataset's expected.yaml: findings and claims, per kind.

Matching (documented in fixtures/README.md):
- an expected finding is found when a reported finding has the same kind, subject and
  attribute and cites at least the expected articles; an expected reference_mismatch is
  also found in a conflict finding that carries the fact (checker.detect.merge);
- a must_not entry is violated when a reported finding has its kind, subject and
  attribute (and, if it lists articles, cites exactly those);
- an expected claim is found when a claim in that article has the subject and attribute
  and its value holds the expected value (a number inside the interval, a date inside
  the date span, the same entity id or type label).
Finding precision counts every reported finding that matches no expected finding as a
false positive. Claim precision is measured where the dataset is exhaustive: among
claims of an (article, attribute) pair that the expected claims cover.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from checker.api import RunResult
from checker.detect.merge import REFERENCE_KIND
from checker.models import Claim, Finding


@dataclass(frozen=True)
class Score:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    findings: dict[str, Score]
    claims: dict[str, Score]
    missed: list[dict] = field(default_factory=list)
    unexpected: list[Finding] = field(default_factory=list)
    violations: list[tuple[dict, Finding]] = field(default_factory=list)
    missed_claims: list[dict] = field(default_factory=list)
    languages: dict[str, Score] = field(default_factory=dict)  # findings per article language

    @property
    def overall(self) -> Score:
        return _total(self.findings.values())

    @property
    def overall_claims(self) -> Score:
        return _total(self.claims.values())


def _total(scores) -> Score:
    scores = list(scores)
    return Score(sum(s.tp for s in scores), sum(s.fp for s in scores), sum(s.fn for s in scores))


def load_expected(directory: Path) -> dict:
    path = directory / "expected.yaml"
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    for key in ("findings", "must_not", "claims"):
        data.setdefault(key, [])
    return data


def finding_articles(finding: Finding) -> set[str]:
    return {e.article for e in finding.evidence}


def finding_matches(expected: dict, finding: Finding, exact_articles: bool = False) -> bool:
    if (finding.subject, finding.attribute) != (expected["subject"], expected["attribute"]):
        return False
    # a conflict that carries the fact it contradicts answers the reference finding folded into it
    folded = expected["kind"] == REFERENCE_KIND and finding.reference is not None
    if finding.kind != expected["kind"] and not folded:
        return False
    wanted = set(expected.get("articles") or [])
    if not wanted:
        return True
    return finding_articles(finding) == wanted if exact_articles else wanted <= finding_articles(finding)


def claim_holds(expected: dict, claim: Claim) -> bool:
    if (claim.article, claim.subject, claim.attribute) != (expected["article"], expected["subject"], expected["attribute"]):
        return False
    if "negated" in expected and claim.negated != bool(expected["negated"]):
        return False  # a denial of a feature is not the feature
    value = expected["value"]
    if isinstance(value, dt.date) or claim.unit == "date":
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
        return claim.span is not None and claim.span.low <= day <= claim.span.high
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        quantity = claim.quantity
        if quantity is None:
            return False
        low = float("-inf") if quantity.low is None else quantity.low
        high = float("inf") if quantity.high is None else quantity.high
        return low <= value <= high
    return str(value) in claim.values


def evaluate(result: RunResult, expected: dict) -> Evaluation:
    kinds = sorted({f.kind for f in result.findings} | {e["kind"] for e in expected["findings"]})
    tp: Counter = Counter()
    fn: Counter = Counter()
    missed = []
    matched_ids: set[str] = set()
    for wanted in expected["findings"]:
        hits = [f for f in result.findings if finding_matches(wanted, f)]
        if hits:
            tp[wanted["kind"]] += 1
            matched_ids.update(f.id for f in hits)
        else:
            fn[wanted["kind"]] += 1
            missed.append(wanted)
    unexpected = [f for f in result.findings if f.id not in matched_ids]
    fp = Counter(f.kind for f in unexpected)
    violations = [(rule, f) for rule in expected["must_not"] for f in result.findings if finding_matches(rule, f, exact_articles=True)]
    findings = {kind: Score(tp[kind], fp[kind], fn[kind]) for kind in kinds}
    claims, missed_claims = _claim_scores(result, expected["claims"])
    languages = _by_language(result, expected, findings)
    return Evaluation(findings, claims, missed, unexpected, violations, missed_claims, languages)


def _claim_scores(result: RunResult, wanted: list[dict]) -> tuple[dict[str, Score], list[dict]]:
    tp: Counter = Counter()
    fn: Counter = Counter()
    fp: Counter = Counter()
    missed = []
    used: set[str] = set()
    for item in wanted:
        hit = next((c for c in result.claims if claim_holds(item, c)), None)
        if hit:
            tp[item["attribute"]] += 1
            used.add(hit.id)
        else:
            fn[item["attribute"]] += 1
            missed.append(item)
    covered = {(item["article"], item["attribute"]) for item in wanted}
    for claim in result.claims:
        if (claim.article, claim.attribute) in covered and claim.id not in used and not any(claim_holds(i, claim) for i in wanted):
            fp[claim.attribute] += 1
    attributes = sorted(set(tp) | set(fn) | set(fp))
    return {a: Score(tp[a], fp[a], fn[a]) for a in attributes}, missed


def _by_language(result: RunResult, expected: dict, findings: dict[str, Score]) -> dict[str, Score]:
    """Finding recall and precision per article language (a finding counts for each language it cites)."""
    language_of = {a.id: a.language for a in result.articles}
    language_of.update(expected.get("articles") or {})
    out: dict[str, Counter] = {}
    for wanted in expected["findings"]:
        hit = any(finding_matches(wanted, f) for f in result.findings)
        for language in {language_of.get(a, "?") for a in wanted.get("articles") or []}:
            out.setdefault(language, Counter())["tp" if hit else "fn"] += 1
    for finding in result.findings:
        if any(finding_matches(w, finding) for w in expected["findings"]):
            continue
        for language in {language_of.get(a, "?") for a in finding_articles(finding)}:
            out.setdefault(language, Counter())["fp"] += 1
    return {lang: Score(c["tp"], c["fp"], c["fn"]) for lang, c in sorted(out.items())}
