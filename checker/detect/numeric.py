"""numeric_mismatch: two values of one attribute of one subject that cannot both hold."""

from __future__ import annotations

from functools import partial
from itertools import combinations

from checker.detect.base import DetectInput, attribute_label, detector, entity_label, make_finding, subject_label
from checker.detect.compare import clusters, comparable, in_conflict, quantities_agree
from checker.models import Claim, Modality
from checker.values.format import readable_value


@detector("numeric_mismatch")
def numeric_mismatch(data: DetectInput) -> list:
    """Numbers for the same subject and attribute whose intervals cannot both hold.

    Why it matters: 1750亿 and 1700亿 parameters for GPT-3 cannot both be right; a reader
    cannot tell which, and a dataset that keeps both teaches a model both.
    How: each number is an interval in a base unit (its stated precision bounds the
    rounding; 近, 约, 超过, 千亿级 widen or open it). Two claims conflict only when the
    intervals are disjoint after the attribute's tolerance, and only within one attribute:
    an investment, a valuation and a market cap are different attributes.
    Claims that agree form one value cluster; one finding per subject and attribute cites
    every cluster that conflicts with another, however many sources disagree.
    The same written amount in two currencies (斥资近900亿元 vs 斥资近900亿美元) is one figure
    whose currency is wrong on one side: it is reported too.
    Example: 百度的文心模型有2600亿参数 does not conflict with 千亿级 (2600亿 lies inside),
    but GPT-3 的 1750亿参数 conflicts with GPT-3 的 1700亿参数.
    """
    findings = []
    pack = data.pack
    agree = partial(quantities_agree, pack)
    groups = data.groups("numeric_mismatch")
    for (subject, attribute, version, obj, _unit), claims in groups:
        values = clusters(claims, lambda c: (_interval(c), c.modality == Modality.planned), agree)
        disputed = in_conflict(values, agree)
        if not disputed:
            continue
        message = (
            f"{subject_label(pack, subject, version)} {attribute_label(pack, attribute)}"
            f"{' (' + entity_label(pack, obj) + ')' if obj else ''}: "
            f"{' vs '.join(_describe(cluster) for cluster in disputed)} cannot all hold"
        )
        cited = [claim for cluster in disputed for claim in cluster]
        findings.append(make_finding("numeric_mismatch", subject, attribute, cited, message, pack))
    return findings + _currency_swaps(data, groups)


def _currency_swaps(data: DetectInput, groups: list[tuple[tuple, list[Claim]]]) -> list:
    """One amount, as written, in two currencies for one subject and attribute: 900亿元 vs 900亿美元.
    Different amounts in two currencies (341亿元, 约合47.2亿美元) are a conversion, never compared."""
    pack = data.pack
    money: dict[tuple, list[tuple[tuple, list[Claim]]]] = {}
    for key, claims in groups:
        if pack.unit_allowed(key[4], ["currency"]):
            money.setdefault(key[:4], []).append((key, claims))  # one subject, attribute, version and object, by currency
    findings = []
    for (key_a, left), (key_b, right) in (pair for currencies in money.values() for pair in combinations(currencies, 2)):
        pairs = [(a, b) for a in left for b in right if comparable(a, b) and _interval(a) == _interval(b)]
        if not pairs:
            continue
        a, b = pairs[0]
        subject, attribute, version, obj = key_a[:4]
        message = (
            f"{subject_label(pack, subject, version)} {attribute_label(pack, attribute)}"
            f"{' (' + entity_label(pack, obj) + ')' if obj else ''}: “{a.text}” ({key_a[4]}) in {a.article} vs "
            f"“{b.text}” ({key_b[4]}) in {b.article}: the same amount in two currencies"
        )
        findings.append(make_finding("numeric_mismatch", subject, attribute, [a, b], message, pack))
    return findings


def _describe(claims: list[Claim]) -> str:
    """One side of the conflict: the figure as written, what it means, and who wrote it."""
    claim = claims[0]
    articles = ", ".join(sorted({c.article for c in claims}))
    return f"“{claim.text}” ({readable_value(claim.value, claim.unit)}) in {articles}"


def _interval(claim: Claim) -> tuple:
    """What makes two figures the same figure: their interval, whatever the wording."""
    quantity = claim.quantity
    return (quantity.low, quantity.high, quantity.high_open) if quantity else ()
