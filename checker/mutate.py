"""How sensitive a pack is: perturb agreeing figures and dates, and see whether the tool notices.

`checker eval DATASET --mutate` takes every pair of claims the tool aligns and finds
consistent (same subject, attribute and key, no finding citing both), rewrites the
figure or date of one side in its article text, keeping its surface form (1750亿 x10
becomes 17500亿, 2月8日 + 9 days becomes 2月17日), extracts that article again and runs
detection. A perturbation is *caught* when a finding of the right kind cites the
perturbed claim, and *paired* when that finding also cites the untouched counterpart.

The dataset's planted findings say what the tool catches when an author wrote the
error; this says what it would catch of errors nobody planted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from checker.align import claims_table
from checker.api import RunResult
from checker.detect import detect
from checker.detect.base import DetectInput
from checker.detect.compare import comparable, dates_agree, quantities_agree
from checker.extract import extract_article
from checker.models import Article, Claim, Finding
from checker.normalize import normalize
from checker.values import find_dates, find_quantities

NUMBER_FACTORS = {"x10": Decimal(10), "x0.5": Decimal("0.5"), "+30%": Decimal("1.3")}
DATE_SHIFT = dt.timedelta(days=9)
KIND_OF = {"quantity": "numeric_mismatch", "date": "date_conflict"}
DIGITS = re.compile(r"\d+(?:\.\d+)?")
MONTH_DAY = re.compile(r"(\d{1,2})(\s*月\s*)(\d{1,2})(\s*[日号])")
DAY_ONLY = re.compile(r"(?<!\d)(\d{1,2})(\s*[日号])")
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Mutation:
    """One perturbation: which claim, how, and where its article text changed."""

    kind: str  # the finding kind that should notice it
    operator: str  # x10, x0.5, +30%, +9 days
    claim: Claim
    counterpart: Claim
    start: int  # article offsets of the rewritten value
    end: int
    before: str
    after: str


@dataclass
class MutationReport:
    tried: dict[str, int] = field(default_factory=dict)  # operator -> count
    caught: dict[str, int] = field(default_factory=dict)
    paired: dict[str, int] = field(default_factory=dict)
    missed: list[Mutation] = field(default_factory=list)
    skipped: int = 0  # agreeing claims whose value could not be rewritten in place (Chinese numerals, 去年)
    absorbed: int = 0  # perturbed values that still agree with the counterpart (x0.5 of 一成 vs 近一成): no error made

    @property
    def total(self) -> int:
        return sum(self.tried.values())

    @property
    def paired_rate(self) -> float:
        return sum(self.paired.values()) / self.total if self.total else 1.0


def mutation_check(result: RunResult, limit: int | None = None) -> MutationReport:
    """Perturb every consistent pair of the run (up to `limit` perturbations) and score the tool."""
    report = MutationReport()
    articles = {article.id: article for article in result.articles}
    extractions = {article.id: [c for c in result.claims if c.article == article.id] for article in result.articles}
    for mutation in _mutations(result, articles, report):
        if limit is not None and report.total >= limit:
            break
        findings, perturbed = _detect_with(mutation, result, articles, extractions)
        if perturbed is not None and _agree(perturbed, mutation.counterpart, result):
            report.absorbed += 1
            continue
        report.tried[mutation.operator] = report.tried.get(mutation.operator, 0) + 1
        hit = [f for f in findings if f.kind == mutation.kind and _cites(f, mutation.claim.article, mutation.start, mutation.start + len(mutation.after))]
        if hit:
            report.caught[mutation.operator] = report.caught.get(mutation.operator, 0) + 1
        if any(_cites(f, mutation.counterpart.article, *_shifted(mutation, mutation.counterpart)) for f in hit):
            report.paired[mutation.operator] = report.paired.get(mutation.operator, 0) + 1
        else:
            report.missed.append(mutation)
    return report


def _mutations(result: RunResult, articles: dict[str, Article], report: MutationReport) -> Iterator[Mutation]:
    data = DetectInput(result.pack, {c.id: c for c in result.claims}, claims_table(result.claims, shared_strings=True), {})
    cited_together = [set(f.claims) for f in result.findings]
    for attribute_kind, kind in KIND_OF.items():
        for _, claims in data.groups(kind):
            for claim in claims:
                counterpart = _counterpart(claim, claims, cited_together)
                if counterpart is None:
                    continue
                rewrites = list(_rewrites(claim, articles[claim.article], result, attribute_kind))
                if not rewrites:
                    report.skipped += 1
                for operator, start, end, after in rewrites:
                    text = articles[claim.article].text
                    yield Mutation(kind, operator, claim, counterpart, start, end, text[start:end], after)


def _counterpart(claim: Claim, group: list[Claim], cited_together: list[set[str]]) -> Claim | None:
    """An agreeing claim of the group, from another article when there is one."""
    if claim.negated:
        return None
    fitting = [
        other
        for other in group
        if other.id != claim.id and not other.negated and comparable(claim, other)
        and not any({claim.id, other.id} <= cited for cited in cited_together)
    ]
    return next((o for o in fitting if o.article != claim.article), fitting[0] if fitting else None)


def _rewrites(claim: Claim, article: Article, result: RunResult, attribute_kind: str) -> Iterator[tuple[str, int, int, str]]:
    """(operator, start, end, new text) for each perturbation of the claim's value."""
    folded = normalize(claim.text).text
    if attribute_kind == "quantity":
        matches = find_quantities(folded, settings=result.pack.value_settings)
        match = next((m for m in matches if (m.quantity.low, m.quantity.high) == claim.bounds), None)
        match = match or next((m for m in matches if _inside(m.quantity.low, m.quantity.high, claim)), None)
        digits = DIGITS.search(claim.text, match.start, match.end) if match else None
        if digits is None:
            return
        value = Decimal(digits.group())
        for operator, factor in NUMBER_FACTORS.items():
            yield operator, claim.start + digits.start(), claim.start + digits.end(), _decimal_text(value * factor)
    elif attribute_kind == "date" and claim.span is not None and claim.span.low == claim.span.high:
        day = claim.span.low
        for match in find_dates(folded, article.date):
            if match.span is not None and (match.span.low, match.span.high) == (day, day):
                rewritten = _shift_date(claim.text[match.start:match.end], day, day + DATE_SHIFT)
                if rewritten is not None:
                    yield "+9 days", claim.start + match.start, claim.start + match.end, rewritten
                return


def _inside(low: float | None, high: float | None, claim: Claim) -> bool:
    quantity = claim.quantity
    if low is None or quantity is None or quantity.low is None or quantity.high is None:
        return False
    return quantity.low <= low <= quantity.high


def _decimal_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _shift_date(text: str, old: dt.date, new: dt.date) -> str | None:
    """The date written as in `text`, moved to `new`; None for a form it cannot rewrite."""
    if (iso := ISO_DAY.search(text)) is not None:
        return text[: iso.start()] + new.isoformat() + text[iso.end():]
    if (month_day := MONTH_DAY.search(text)) is not None:
        rewritten = f"{new.month}{month_day.group(2)}{new.day}{month_day.group(4)}"
        year_changed = new.year != old.year and str(old.year) in text
        out = text[: month_day.start()] + rewritten + text[month_day.end():]
        return out.replace(str(old.year), str(new.year), 1) if year_changed else out
    if (day_only := DAY_ONLY.search(text)) is not None and new.month == old.month:
        return text[: day_only.start()] + str(new.day) + day_only.group(2) + text[day_only.end():]
    return None


def _detect_with(
    mutation: Mutation, result: RunResult, articles: dict[str, Article], extractions: dict[str, list[Claim]]
) -> tuple[list[Finding], Claim | None]:
    """The findings on the dataset with the mutated article, and the perturbed claim as re-read."""
    article = articles[mutation.claim.article]
    text = article.text[: mutation.start] + mutation.after + article.text[mutation.end:]
    changed = article.model_copy(update={"text": text})
    reread = extract_article(changed, result.pack).claims
    claims = [c for aid, found in extractions.items() if aid != article.id for c in found] + reread
    findings, _ = detect(claims, [changed if a.id == article.id else a for a in result.articles], result.pack)
    end = mutation.start + len(mutation.after)
    perturbed = next(
        (c for c in reread if (c.subject, c.attribute) == (mutation.claim.subject, mutation.claim.attribute) and c.start < end and mutation.start < c.end),
        None,
    )
    return findings, perturbed


def _agree(claim: Claim, counterpart: Claim, result: RunResult) -> bool:
    """Whether the perturbed value still holds together with its counterpart, by the value rules."""
    if claim.unit == "date":
        return dates_agree(result.pack, claim, counterpart)
    return claim.unit == counterpart.unit and quantities_agree(result.pack, claim, counterpart)


def _shifted(mutation: Mutation, claim: Claim) -> tuple[int, int]:
    """The counterpart's offsets in the mutated text (it moves when it follows the rewrite)."""
    if claim.article != mutation.claim.article or claim.start < mutation.end:
        return claim.start, claim.end
    delta = len(mutation.after) - (mutation.end - mutation.start)
    return claim.start + delta, claim.end + delta


def _cites(finding: Finding, article: str, start: int, end: int) -> bool:
    return any(e.article == article and e.start < end and start < e.end for e in finding.evidence)

