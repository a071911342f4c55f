"""Stage 8: run every registered detector over the aligned claims."""

from __future__ import annotations

from checker.align import claims_table
from checker.detect import attribution, dates, names, negation, numeric, reference, types  # noqa: F401  (registration)
from checker.detect.base import REGISTRY, DetectInput, Detector
from checker.models import Article, Claim, Confirmation, Finding
from checker.rulepack import RulePack

__all__ = ["REGISTRY", "Detector", "detect"]


def detect(claims: list[Claim], articles: list[Article], pack: RulePack) -> tuple[list[Finding], list[Confirmation]]:
    """All findings (sorted by subject, attribute, code) and the claims confirmed by facts."""
    data = DetectInput(
        pack=pack,
        claims={c.id: c for c in claims},
        table=claims_table(claims),
        article_dates={a.id: a.date for a in articles},
    )
    findings: list[Finding] = []
    if not claims:
        return findings, []
    for detector in REGISTRY.values():
        findings.extend(detector.run(data))
    unique = {f.fingerprint: f for f in findings}
    ordered = sorted(unique.values(), key=lambda f: (f.subject, f.attribute, f.code, f.fingerprint))
    return ordered, reference.confirmations(data)
