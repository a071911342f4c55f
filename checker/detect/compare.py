"""How two claims' values are compared: typed values, plan vs outcome, clusters of agreeing claims.

Shared by the detectors (and kept out of any one of them), so that no detector module
imports another.
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations

from checker.models import Claim, DateSpan, Modality, Quantity
from checker.rulepack import RulePack


def as_quantity(claim: Claim) -> Quantity:
    return Quantity(low=claim.low, high=claim.high, high_open=claim.high_open, unit=claim.unit or "count")


def as_span(claim: Claim) -> DateSpan:
    return DateSpan(low=dt.date.fromisoformat(str(claim.low)), high=dt.date.fromisoformat(str(claim.high)), timezone=claim.timezone)


def quantities_agree(pack: RulePack, a: Claim, b: Claim) -> bool:
    """Two numbers of one attribute can both hold: their intervals meet after the attribute's
    tolerance (or the pack's default, when larger)."""
    tolerance = max(pack.attributes[a.attribute].tolerance, pack.settings.tolerance.default)
    return as_quantity(a).overlaps(as_quantity(b), tolerance)


def dates_agree(pack: RulePack, a: Claim, b: Claim) -> bool:
    """Two dates can both hold: their spans meet, with the pack's slack when either names a time zone."""
    slack = pack.settings.tolerance.timezone_days if (a.timezone or b.timezone) else 0
    return as_span(a).overlaps(as_span(b), slack)


def developers_agree(pack: RulePack, a: str, b: str) -> bool:
    """Co-developer lists agree when any two members are the same or parent and child."""
    return any(pack.related(x, y) for x in a.split(",") for y in b.split(","))


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
    merged = True
    while merged:
        merged = False
        for i, j in combinations(range(len(groups)), 2):
            if comparable(groups[i][0], groups[j][0]) and agree(groups[i][0], groups[j][0]):
                groups[i] = groups[i] + groups.pop(j)
                merged = True
                break
    return groups


def conflicting(left: list[Claim], right: list[Claim], agree) -> bool:
    return any(comparable(a, b) and not agree(a, b) for a in left for b in right)


def in_conflict(values: list[list[Claim]], agree) -> list[list[Claim]]:
    """The clusters of `values` that conflict with at least one other, in their order: one finding
    cites them all, so k disagreeing sources make one finding, not k·(k-1)/2."""
    return [
        cluster for i, cluster in enumerate(values)
        if any(conflicting(cluster, other, agree) for j, other in enumerate(values) if j != i)
    ]
