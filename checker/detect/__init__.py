"""Stage 8: run the detector of every finding kind over the aligned claims."""

from __future__ import annotations

import importlib

from checker.detect import reference
from checker.detect.base import REGISTRY, Aligner, DetectInput, Detector
from checker.detect.merge import fold_references, without_confirmed_conflicts
from checker.kinds import KINDS
from checker.models import Article, Claim, Confirmation, Finding
from checker.rulepack import RulePack

__all__ = ["REGISTRY", "Detector", "detect", "detectors"]


def detectors() -> list[Detector]:
    """The detector of every row of the kinds table, in table order; importing a kind's
    module registers it. A row whose module registers nothing is a programming error."""
    found = []
    for row in KINDS.values():
        if row.code not in REGISTRY:
            importlib.import_module(row.module)
        if row.code not in REGISTRY:
            raise LookupError(f"module {row.module} registers no detector for {row.name}; decorate it with @detector({row.name!r})")
        found.append(REGISTRY[row.code])
    return found


def detect(claims: list[Claim], articles: list[Article], pack: RulePack, aligner: Aligner | None = None) -> tuple[list[Finding], list[Confirmation]]:
    """All findings (sorted by subject, attribute, code) and the claims confirmed by facts; a fact a
    conflict between articles already covers is folded into that conflict, and a conflict between
    claims the record confirms all of is dropped (checker.detect.merge)."""
    from checker.align import claims_table  # pandas loads when detection runs, not when a command lists detectors

    data = DetectInput(
        pack=pack,
        claims={c.id: c for c in claims},
        table=claims_table(claims, shared_strings=True),
        article_dates={a.id: a.date for a in articles},
        aligner=aligner,
    )
    findings: list[Finding] = []
    if not claims:
        return findings, []
    for detector in detectors():
        findings.extend(detector.run(data))
    confirmations = reference.confirmations(data)
    unique = {f.fingerprint: f for f in without_confirmed_conflicts(fold_references(findings, pack), confirmations)}
    ordered = sorted(unique.values(), key=lambda f: (f.subject, f.attribute, f.code, f.fingerprint))
    return ordered, confirmations
