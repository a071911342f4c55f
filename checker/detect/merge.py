"""One finding per error: a reference fact joins the cross-article conflict that already cites its claims.

An article that gives GPT-3 1700亿 parameters conflicts with the article that says 1750亿 and
with the record; reporting both a numeric_mismatch and a reference_mismatch would count one
error twice. The conflict finding is the one kept: it cites the claims on both sides, and
it now carries the fact (`reference`) and says what the record holds. A reference finding
some of whose claims no conflict cites stays as it is.
"""

from __future__ import annotations

from checker.models import Finding, Severity

REFERENCE_KIND = "reference_mismatch"


def fold_references(findings: list[Finding]) -> list[Finding]:
    """`findings` with every reference finding whose claims one conflict finding covers folded into it."""
    conflicts = [f for f in findings if f.kind != REFERENCE_KIND and len({e.article for e in f.evidence}) > 1]
    folded: dict[str, Finding] = {}  # conflict fingerprint -> the conflict with its fact
    kept: list[Finding] = []
    for finding in findings:
        if finding.kind != REFERENCE_KIND:
            continue
        host = _host(finding, [folded.get(c.fingerprint, c) for c in conflicts])
        if host is None:
            kept.append(finding)
        else:
            folded[host.fingerprint] = _with_fact(host, finding)
    return [folded.get(f.fingerprint, f) for f in findings if f.kind != REFERENCE_KIND] + kept


def _host(reference: Finding, conflicts: list[Finding]) -> Finding | None:
    """The conflict about the same subject and attribute that cites every claim of `reference`."""
    wrong = set(reference.claims)
    for conflict in conflicts:
        same_topic = (conflict.subject, conflict.attribute) == (reference.subject, reference.attribute)
        if same_topic and conflict.reference is None and wrong <= set(conflict.claims):
            return conflict
    return None


def _with_fact(conflict: Finding, reference: Finding) -> Finding:
    fact = reference.reference
    assert fact is not None  # a reference finding always names its fact
    severity = max(conflict.severity, reference.severity, key=lambda s: s.rank)
    message = f"{conflict.message}; the record says {fact.expected} ({fact.source_title})"
    return conflict.model_copy(update={"reference": fact, "message": message, "severity": Severity(severity)})
