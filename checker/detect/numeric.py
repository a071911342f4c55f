"""numeric_mismatch: two values of one attribute of one subject that cannot both hold."""

from __future__ import annotations

from functools import partial

from checker.detect.base import DetectInput, attribute_label, detector, entity_label, make_finding
from checker.detect.compare import clusters, in_conflict, quantities_agree
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
    Example: 百度的文心模型有2600亿参数 does not conflict with 千亿级 (2600亿 lies inside),
    but GPT-3 的 1750亿参数 conflicts with GPT-3 的 1700亿参数.
    """
    findings = []
    pack = data.pack
    agree = partial(quantities_agree, pack)
    for (subject, attribute, obj, unit), claims in data.groups("numeric_mismatch"):
        values = clusters(claims, lambda c: (c.low, c.high, c.high_open, c.modality == Modality.planned), agree)
        disputed = in_conflict(values, agree)
        if not disputed:
            continue
        message = (
            f"{entity_label(pack, subject)} {attribute_label(pack, attribute)}"
            f"{' (' + entity_label(pack, obj) + ')' if obj else ''}: "
            f"{' vs '.join(_describe(cluster) for cluster in disputed)} cannot all hold"
        )
        cited = [claim for cluster in disputed for claim in cluster]
        findings.append(make_finding("numeric_mismatch", subject, attribute, cited, message, pack))
    return findings


def _describe(claims: list[Claim]) -> str:
    """One side of the conflict: the figure as written, what it means, and who wrote it."""
    claim = claims[0]
    articles = ", ".join(sorted({c.article for c in claims}))
    return f"“{claim.text}” ({readable_value(claim.value, claim.unit)}) in {articles}"
