"""negation_conflict: an organization said to have no model (product), while another claim shows one out before;
a subject said not to have a feature, while another claim says it has it."""

from __future__ import annotations

import datetime as dt

from checker.detect.base import DetectInput, attribute_label, detector, entity_label, make_finding
from checker.models import Claim, Modality
from checker.rulepack import AttributeRule, RulePack

NOT_EVENTS = (Modality.planned, Modality.denied)  # a plan or a denial shows nothing out yet


@detector("negation_conflict")
def negation_conflict(data: DetectInput) -> list:
    """A claim that an organization has released (open-sourced, launched) no model or product,
    against a claim showing one of its models out before the denial was made.

    Why it matters: "ByteDance has published no large model" and "ByteDance's AML team
    built veGiantModel" cannot both be true; one of the articles misinforms.
    How: a denial is one event of one object class as of a day (its clause's date, else
    its article's): 从未开源大模型 is contradicted by an open-sourcing, 尚未推出产品 by a
    product's launch, never by a plan. Contradicting are credits of the rule's entity
    attribute (developer claims naming the organization or one of its children) in an
    article not dated after the denial or about an entity dated before it; dated events
    of the rule's `events` about an entity of the organization (the pack's parents) of an
    `object_types` type, dated before the denial; for a denial in a place (not available
    in the EU), the subject's launch there. A denial true at its own date (the release
    came later) stands.
    Feature attributes (supports, uses, 采用): a denial of a feature (不支持F, does not
    use F) against a claim that the same subject (or the entity it inherits the attribute
    from) has that same feature, in an article not dated after the denial; a denial of F1
    never meets support of F2, and a plan (计划支持) is no outcome.
    Example: 字节跳动没有公布大模型 vs 字节动态的AML团队开发了veGiantModel; 智谱AI从未开源
    大模型 (August) vs 6月25日，智谱AI开源了GLM-130B.
    """
    findings = _feature_conflicts(data)
    pack = data.pack
    table = data.table
    for name, rule in pack.attributes.items():
        if rule.kind != "negation" or not (rule.contradicted_by or rule.events):
            continue
        negations = table[(table["attribute"] == name) & (table["negated"])]
        for subject, group in negations.groupby("subject", sort=True):
            denying = [data.claims[i] for i in group["id"]]
            credits = _credits(data, rule, subject, denying)
            if credits:
                models = ", ".join(sorted({entity_label(pack, c.subject) for c in credits}))
                # a denial of one named entity (尚未推出H800) is worded as a denied event, not as "no model"
                template = "negation_event" if any(d.obj for d in denying) else "negation_conflict"
                message = pack.message(template, subject=entity_label(pack, subject), denied=_denied(pack, name),
                                       attribute=attribute_label(pack, rule.contradicted_by), values=models)
                findings.append(make_finding("negation_conflict", subject, rule.contradicted_by, denying + credits, message, pack))
                continue
            events = _events(data, rule, subject, denying)
            if events:
                shown = "; ".join(f"{entity_label(pack, c.subject)} {attribute_label(pack, c.attribute)} {c.value}" for c in events)
                message = pack.message("negation_event", subject=entity_label(pack, subject), denied=_denied(pack, name), values=shown)
                findings.append(make_finding("negation_conflict", subject, name, denying + events, message, pack))
    return findings


def _feature_conflicts(data: DetectInput) -> list:
    """One finding per subject and feature that one claim denies and another states."""
    pack = data.pack
    table = data.table
    findings = []
    for name, rule in pack.attributes.items():
        if rule.kind != "feature":
            continue
        rows = table[table["attribute"] == name]
        keys = [(pack.aligned_subject(s, name), v) for s, v in zip(rows["subject"], rows["value"], strict=True)]
        grouped: dict[tuple[str, str], list[Claim]] = {}
        for key, i in zip(keys, rows["id"], strict=True):
            claim = data.claims[i]
            if claim.modality not in NOT_EVENTS:
                grouped.setdefault(key, []).append(claim)
        for (subject, feature), claims in sorted(grouped.items()):
            denying = [c for c in claims if c.negated]
            latest = _latest(data, denying) if denying else None
            having = [c for c in claims if not c.negated and _written_by(data, c, latest)]
            if denying and having:
                message = pack.message("feature_conflict", subject=entity_label(pack, subject), attribute=attribute_label(pack, name),
                                       feature=_feature_label(pack, feature), values=_quoted(having), denials=_quoted(denying))
                findings.append(make_finding("negation_conflict", subject, name, denying + having, message, pack, extra=feature))
    return findings


def _denied(pack: RulePack, name: str) -> str:
    """What a negation attribute denies, after "is said not to have": its label without "has "."""
    return attribute_label(pack, name).removeprefix("has ")


def _feature_label(pack: RulePack, feature: str) -> str:
    return entity_label(pack, feature) if feature in pack.entities else feature


def _quoted(claims: list[Claim]) -> str:
    return ", ".join(f"“{c.text}”" for c in sorted(claims, key=lambda c: (c.article, c.start)))


def _written_by(data: DetectInput, claim: Claim, day: dt.date | None) -> bool:
    """The claim's article is not dated after `day` (None: the denial holds always)."""
    written = data.article_dates.get(claim.article)
    return day is None or written is None or written <= day


def _as_of(data: DetectInput, denial: Claim) -> dt.date | None:
    return denial.as_of or data.article_dates.get(denial.article)


def _latest(data: DetectInput, denying: list[Claim]) -> dt.date | None:
    """The latest day any of the denials speaks of; None when one is undated (it holds always)."""
    days = [_as_of(data, d) for d in denying]
    return None if None in days else max(days)


def _credits(data: DetectInput, rule: AttributeRule, subject: str, denying: list[Claim]) -> list[Claim]:
    """Developer claims crediting the subject or a child (for a denial of one named entity, credits of
    that entity), in articles not dated after the denial or about an entity some claim dates before it."""
    if not rule.contradicted_by:
        return []
    pack = data.pack
    latest = _latest(data, denying)
    table = data.table
    credits = table[table["attribute"] == rule.contradicted_by]
    named = {d.obj for d in denying if d.obj}  # 英伟达尚未推出H800: only a credit of the H800 contradicts it
    found = []
    for i in credits["id"]:
        claim = data.claims[i]
        if claim.modality in NOT_EVENTS or not any(subject in pack.ancestors(dev) for dev in claim.values):
            continue
        if named and claim.subject not in named:
            continue
        written = data.article_dates.get(claim.article)
        if latest is None or written is None or written <= latest or _dated_before(data, claim.subject, latest):
            found.append(claim)
    return found


def _dated_before(data: DetectInput, entity: str, day: dt.date) -> bool:
    """Some article dates an event of the entity (a release, an approval) before `day`."""
    return any(
        c.subject == entity and c.span is not None and c.modality not in NOT_EVENTS and c.span.high < day
        for c in data.claims.values()
    )


def _events(data: DetectInput, rule: AttributeRule, subject: str, denying: list[Claim]) -> list[Claim]:
    """Asserted events of the rule's date attributes dated before the latest denial: about the
    subject's entities of the denied class, or, for a denial in a place, about the subject there."""
    latest = _latest(data, denying)
    if not rule.events or latest is None:
        return []
    pack = data.pack
    places = {d.obj for d in denying if d.obj}
    return [
        claim
        for claim in data.claims.values()
        if claim.attribute in rule.events
        and not claim.negated
        and claim.modality not in NOT_EVENTS
        and (claim.obj in places and pack.related(claim.subject, subject) if places else _belongs(pack, claim.subject, subject, rule.object_types))
        and claim.span is not None
        and claim.span.high < latest
    ]


def _belongs(pack: RulePack, entity_id: str, organization: str, types: list[str]) -> bool:
    """The entity is the organization's (itself or a child, per the pack) and of one of `types`."""
    entity = pack.entities.get(entity_id)
    return entity is not None and organization in pack.ancestors(entity_id)[1:] and (not types or entity.type in types)
