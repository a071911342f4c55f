"""attribution_conflict: one model or product credited to unrelated developers."""

from __future__ import annotations

from itertools import combinations

from checker.detect.base import DetectInput, attribute_label, detector, entity_label, make_finding
from checker.detect.compare import clusters, conflicting, developers_agree


@detector("attribution_conflict")
def attribution_conflict(data: DetectInput) -> list:
    """The same model or product credited to developers that are neither the same nor related.

    Why it matters: crediting JD's K-PLUG to Alibaba, or veGiantModel to the wrong
    company, is the kind of error that spreads from one article to the next.
    How: developer claims (X开发了Y, Y由X开发, Y was built by X) are compared per
    subject. Parents and children agree (Google and Alphabet, 达摩院 and Alibaba), and a
    claim naming several co-developers agrees with a claim naming any one of them.
    Example: 京东自研的K-PLUG vs 阿里巴巴开发的K-PLUG.
    """
    findings = []
    pack = data.pack
    for (subject, attribute), claims in data.groups("attribution_conflict"):
        def agree(a, b) -> bool:
            return developers_agree(pack, a.values, b.values)

        for left, right in combinations(clusters(claims, lambda c: c.value, agree), 2):
            if not conflicting(left, right, agree):
                continue
            names = " / ".join(entity_label(pack, v) for v in (left[0].value, right[0].value))
            message = pack.message("attribution_conflict", subject=entity_label(pack, subject), attribute=attribute_label(pack, attribute), values=names)
            findings.append(make_finding("attribution_conflict", subject, attribute, left + right, message, pack))
    return findings
