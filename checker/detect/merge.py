"""One finding per error: a reference fact joins the cross-article conflict that already cites its claims.

An article that gives GPT-3 1700亿 parameters conflicts with the article that says 1750亿 and
with the record; reporting both a numeric_mismatch and a reference_mismatch would count one
error twice. The conflict findings that cite a wrong claim are the ones kept: they cite the
claims on both sides, and now carry the fact (`reference`) and say what the record holds.
A reference finding some of whose wrong claims no conflict cites stays as it is.

The other way round, a conflict every claim of which the record confirms is no error: the
two values differ only within the record's own precision (数十亿美元 and 100亿美元以上 against
a fact of "billions"), and reporting it next to two confirmations would contradict itself.
"""

from __future__ import annotations

from checker.detect.reference import readable_ref
from checker.models import Confirmation, Finding, Severity
from checker.rulepack import RulePack

REFERENCE_KIND = "reference_mismatch"


def fold_references(findings: list[Finding], pack: RulePack) -> list[Finding]:
    """`findings` with the fact of every reference finding attached to the conflicts that cite its
    wrong claims; the reference finding goes when those conflicts cite all of them."""
    folded: dict[str, Finding] = {f.fingerprint: f for f in findings if f.kind != REFERENCE_KIND and len({e.article for e in f.evidence}) > 1}
    kept: list[Finding] = []
    for finding in findings:
        if finding.kind != REFERENCE_KIND:
            continue
        wrong = set(finding.claims)
        hosts = [c for c in folded.values() if _hosts(c, finding)]
        for host in hosts:
            folded[host.fingerprint] = _with_fact(host, finding, pack)
        if not hosts or not wrong <= {claim for host in hosts for claim in host.claims}:
            kept.append(finding)
    return [folded.get(f.fingerprint, f) for f in findings if f.kind != REFERENCE_KIND] + kept


def _hosts(conflict: Finding, reference: Finding) -> bool:
    """A conflict about the same subject and attribute that cites a claim `reference` shows wrong."""
    same_topic = (conflict.subject, conflict.attribute) == (reference.subject, reference.attribute)
    return same_topic and conflict.reference is None and bool(set(reference.claims) & set(conflict.claims))
def _with_fact(conflict: Finding, reference: Finding, pack: RulePack) -> Finding:
    fact = reference.reference
    assert fact is not None  # a reference finding always names its fact
    severity = max(conflict.severity, reference.severity, key=lambda s: s.rank)
    message = f"{conflict.message}; the record says {readable_ref(fact, pack)} ({fact.source_title})"
    return conflict.model_copy(update={"reference": fact, "message": message, "severity": Severity(severity)})


def without_confirmed_conflicts(findings: list[Finding], confirmations: list[Confirmation]) -> list[Finding]:
    """`findings` less the conflicts between articles whose every claim a reference fact confirms."""
    confirmed = {c.claim for c in confirmations}
    return [f for f in findings if not _is_conflict(f) or f.reference is not None or not set(f.claims) <= confirmed]


def _is_conflict(finding: Finding) -> bool:
    """A finding that sets claims against each other (two or more), as opposed to one about a single claim."""
    return finding.kind != REFERENCE_KIND and len(finding.claims) > 1
