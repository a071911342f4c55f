"""How two claims' values are compared: typed values, plan vs outcome, clusters of agreeing claims.

Shared by the detectors (and kept out of any one of them), so that no detector module
imports another.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from checker.models import Claim, DateSpan, Modality, Quantity

M = TypeVar("M", Quantity, DateSpan)
from checker.rulepack import RulePack


def quantities_agree(pack: RulePack, a: Claim, b: Claim) -> bool:
    """Two numbers of one attribute can both hold: their intervals meet after the attribute's
    tolerance (or the pack's default, when larger)."""
    tolerance = max(pack.attributes[a.attribute].tolerance, pack.settings.tolerance.default)
    return _measure(a.quantity).overlaps(_measure(b.quantity), tolerance)


def dates_agree(pack: RulePack, a: Claim, b: Claim) -> bool:
    """Two dates can both hold: their spans meet, with the pack's slack when either names a time zone."""
    span_a, span_b = _measure(a.span), _measure(b.span)
    slack = pack.settings.tolerance.timezone_days if (span_a.timezone or span_b.timezone) else 0
    return span_a.overlaps(span_b, slack)


def _measure(value: M | None) -> M:
    """A claim's typed value where its attribute kind guarantees one (alignment groups by kind)."""
    if value is None:
        raise ValueError("a claim of a quantity or date attribute without its typed value")
    return value


def developers_agree(pack: RulePack, a: Sequence[str], b: Sequence[str]) -> bool:
    """Co-developer lists agree when any two members are the same or parent and child."""
    return any(pack.related(x, y) for x in a for y in b)


def comparable(a: Claim, b: Claim) -> bool:
    """A plan and an outcome are not in conflict; a denial is checked by negation_conflict."""
    if Modality.denied in (a.modality, b.modality):
        return False
    return (a.modality == Modality.planned) == (b.modality == Modality.planned)


def clusters(claims: list[Claim], key, agree=None) -> list[list[Claim]]:
    """Claims with equal keys form a cluster; with `agree`, clusters that agree are merged,
    so 178 billion and 1780亿 stand together against 17.8 billion in one finding."""
    grouped: dict[object, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(key(claim), []).append(claim)
    groups = list(grouped.values())
    if agree is None:
        return groups
    # Each cluster is compared through its first claim, which a merge never changes, so one pass
    # suffices: the first cluster absorbs, in order, every later one it agrees with, then the next
    # cluster left does the same (what repeating "merge the first agreeing pair" gives, in n² tests, not n³).
    merged: list[list[Claim]] = []
    while groups:
        head, *rest = groups
        cluster, groups = list(head), []
        for other in rest:
            if comparable(head[0], other[0]) and agree(head[0], other[0]):
                cluster.extend(other)
            else:
                groups.append(other)
        merged.append(cluster)
    return merged


def conflicting(left: list[Claim], right: list[Claim], agree) -> bool:
    return any(comparable(a, b) and not agree(a, b) for a in left for b in right)


def in_conflict(values: list[list[Claim]], agree) -> list[list[Claim]]:
    """The clusters of `values` that conflict with at least one other, in their order: one finding
    cites them all, so k disagreeing sources make one finding, not k·(k-1)/2."""
    return [
        cluster for i, cluster in enumerate(values)
        if any(conflicting(cluster, other, agree) for j, other in enumerate(values) if j != i)
    ]
