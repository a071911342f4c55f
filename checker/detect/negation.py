"""negation_conflict: an organization said to have no large model, while another claim credits it with one."""

from __future__ import annotations

from checker.detect.base import DetectInput, detector, entity_label, make_finding


@detector("negation_conflict")
def negation_conflict(data: DetectInput) -> list:
    """A claim that an organization has released no model, against a claim crediting it (or a part of it) with one.

    Why it matters: "ByteDance has published no large model" and "ByteDance's AML team
    built veGiantModel" cannot both be true; one of the articles misinforms.
    How: negation claims (X尚未公布任何大模型, X has not released any model) are checked
    against developer claims whose developer is X or one of X's children, in any article.
    Example: 字节跳动没有公布大模型 vs 字节动态的AML团队开发了veGiantModel.
    """
    findings = []
    pack = data.pack
    table = data.table
    for name, rule in pack.attributes.items():
        if rule.kind != "negation" or not rule.contradicted_by:
            continue
        negations = table[(table["attribute"] == name) & (table["negated"])]
        credits = table[table["attribute"] == rule.contradicted_by]
        for subject, group in negations.groupby("subject", sort=True):
            denying = [data.claims[i] for i in group["id"]]
            crediting = [
                data.claims[i]
                for i, value in zip(credits["id"], credits["value"])
                if any(subject in pack.ancestors(dev) for dev in str(value).split(","))
            ]
            if not crediting:
                continue
            models = ", ".join(sorted({entity_label(pack, c.subject) for c in crediting}))
            message = f"{entity_label(pack, subject)} is said to have released no model, but is credited with {models}"
            findings.append(make_finding("negation_conflict", subject, rule.contradicted_by, denying + crediting, message, pack))
    return findings
