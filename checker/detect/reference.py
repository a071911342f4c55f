"""reference_mismatch: a claim that disagrees with a curated reference fact."""

from __future__ import annotations

import datetime as dt

from checker.detect.base import DetectInput, attribute_label, detector, entity_label, make_finding
from checker.detect.compare import developers_agree
from checker.kinds import KINDS
from checker.models import Claim, Confirmation, DateSpan, FactRef, Modality, Quantity
from checker.rulepack import Fact, RulePack
from checker.values.format import number, readable_value


# attribute kinds whose values differ by version: the kinds that key their claims by it
BY_VERSION = frozenset(kind.attribute_kind for kind in KINDS.values() if "version" in kind.group_by)


def expected_text(fact: Fact) -> str:
    if fact.value is not None:
        shown = number(fact.value) if isinstance(fact.value, float | int) else str(fact.value)
        return f"{shown} {fact.unit or ''}".strip() + (f" (±{fact.tolerance:.1%})" if fact.tolerance else "")
    return f"{fact.low}..{fact.high} {fact.unit or ''}".strip()


def readable_fact(fact: Fact, pack: RulePack) -> str:
    """What the record holds, for people: 1.75×10¹¹ (±0.5%), 2022-11-30, 京东 (not `jd`)."""
    if fact.value is not None and pack.attributes[fact.attribute].kind == "entity":
        return " / ".join(entity_label(pack, e) for e in str(fact.value).split(","))
    if isinstance(fact.value, float | int) and not isinstance(fact.value, bool):
        shown = readable_value(number(fact.value), fact.unit)
        return shown + (f" (±{fact.tolerance:.1%})" if fact.tolerance else "")
    if fact.value is None and isinstance(fact.low, float | int):
        return readable_value(f"{number(fact.low)}..{number(fact.high)}", fact.unit)
    return expected_text(fact)


def readable_ref(ref: FactRef, pack: RulePack) -> str:
    """readable_fact for the fact a finding cites (its FactRef keeps the stable, raw form)."""
    for fact in pack.facts:
        if (fact.subject, fact.attribute, expected_text(fact)) == (ref.subject, ref.attribute, ref.expected):
            return readable_fact(fact, pack)
    return ref.expected


def fact_ref(fact: Fact) -> FactRef:
    return FactRef(
        subject=fact.subject,
        attribute=fact.attribute,
        expected=expected_text(fact),
        source_title=fact.source.title,
        source_url=fact.source.url,
        source_date=fact.source.date,
    )


def verdict(pack: RulePack, fact: Fact, claim: Claim) -> bool | None:
    """True if the claim agrees with the fact, False if not, None if they cannot be compared."""
    kind = pack.attributes[fact.attribute].kind
    if kind == "quantity":
        if claim.quantity is None or claim.quantity.unit != fact.unit:
            return None
        if fact.value is not None:
            value = float(fact.value)
            margin = abs(value) * fact.tolerance
            expected = Quantity(low=value - margin, high=value + margin, unit=fact.unit)
        else:
            expected = Quantity(low=float(fact.low), high=float(fact.high), unit=fact.unit)
        return claim.quantity.overlaps(expected)
    if kind == "date":
        if claim.span is None or claim.modality == Modality.planned:
            return None
        low = fact.value if isinstance(fact.value, dt.date) else fact.low
        high = fact.value if isinstance(fact.value, dt.date) else fact.high
        slack = pack.settings.tolerance.timezone_days if claim.span.timezone else 0
        return claim.span.overlaps(DateSpan(low=low, high=high), slack)
    if kind == "entity":
        return developers_agree(pack, claim.values, str(fact.value).split(","))
    if kind == "type":
        return pack.types_compatible(claim.value, str(fact.value))
    if kind == "feature":
        # a fact says the subject has one feature: a denial of it disagrees, other features are not compared
        return (not claim.negated) if claim.value == str(fact.value) and claim.modality != Modality.planned else None
    return None


def checks(data: DetectInput):
    """Every (claim, fact, verdict) where a fact applies to a claim."""
    by_key: dict[tuple[str, str], list[Fact]] = {}
    for fact in data.pack.facts:
        by_key.setdefault((fact.subject, fact.attribute), []).append(fact)
    for claim in data.claims.values():
        if claim.modality == Modality.denied or (claim.negated and data.pack.attributes[claim.attribute].kind != "feature"):
            continue
        if claim.version and data.pack.attributes[claim.attribute].kind in BY_VERSION:
            continue  # a version's figures and dates are not its family's (ERNIE 3.0 against ERNIE's record)
        for fact in by_key.get((claim.subject, claim.attribute), []):
            if fact.object and claim.obj != fact.object:
                continue
            if not fact.holds_on(data.article_dates.get(claim.article)) or not fact.covers(claim.when):
                continue
            result = verdict(data.pack, fact, claim)
            if result is not None:
                yield claim, fact, result


def confirmations(data: DetectInput) -> list[Confirmation]:
    """The claims the record confirms; the confirmations of one fact share its FactRef (a huge article
    repeating a confirmed figure holds one record of the fact, not one per claim)."""
    refs: dict[int, FactRef] = {}  # by the identity of the pack's fact
    confirmed = []
    for claim, fact, ok in checks(data):
        if ok:
            if id(fact) not in refs:
                refs[id(fact)] = fact_ref(fact)
            confirmed.append(Confirmation(claim=claim.id, fact=refs[id(fact)]))
    return confirmed


@detector("reference_mismatch")
def reference_mismatch(data: DetectInput) -> list:
    """A claim that disagrees with a reference fact in facts.yaml, shown with the fact's source.

    Why it matters: two articles may agree with each other and both be wrong; the
    curated record catches what cross-checking cannot.
    How: each fact names subject, attribute, value (with tolerance, or an interval),
    unit, source and when it holds (as_of, valid_from, valid_to, compared with the
    article's date). Numbers and dates are compared as intervals, developers allow
    parents and children, types allow compatible types. Claims that agree are listed
    as confirmations in the report. Every claim that states a wrong value for one
    fact is cited by one finding; when a conflict between articles already cites
    those claims, the fact joins that finding instead (checker.detect.merge).
    Example: an article giving Stability AI a 100亿美元 valuation, against the record of
    US$1 billion (October 2022).
    """
    pack = data.pack
    wrong: dict[int, tuple[Fact, list[Claim]]] = {}
    for claim, fact, ok in checks(data):
        if not ok:
            wrong.setdefault(id(fact), (fact, []))[1].append(claim)
    findings = []
    for fact, claims in wrong.values():
        subject = claims[0].subject
        stated = ", ".join(f"“{c.text}” ({'not ' if c.negated else ''}{readable_value(c.value, c.unit)})" for c in sorted(claims, key=lambda c: (c.article, c.start)))
        message = f"{entity_label(pack, subject)} {attribute_label(pack, fact.attribute)}: {stated} but the record says {readable_fact(fact, pack)} ({fact.source.title})"
        findings.append(make_finding("reference_mismatch", subject, fact.attribute, claims, message, pack, extra=expected_text(fact), reference=fact_ref(fact)))
    return findings
