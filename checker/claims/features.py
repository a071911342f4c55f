"""Feature claims: what a subject has, supports or uses (支持5G, 采用mRNA技术, supports USB-C), and its denial.

A feature attribute's verb (its trigger) is followed, in the same clause, by one feature
or a list of them: a word of the rule's `features` or an entity of its `object_types`.
A negation cue right before the verb (不支持, 没有采用, does not support) or right after
it (has no) makes the claim a denial of exactly those features, read as the negation
attributes read theirs: it holds as of its clause's date, else the article's. The claim's
value is the feature's id, so a denial of one feature never meets support of another,
and a plan (计划支持) keeps its modality and is no outcome.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.claims.context import SentenceContext
from checker.claims.negation import as_of
from checker.models import Claim, Mention
from checker.rulepack import AttributeRule

CUE_BEFORE = 3  # characters between a cue and the verb (并不支持, does not support)
CUE_AFTER = 1  # characters between the verb and a cue after it (has no)
FEATURE_REACH = 12  # characters between the verb (or the cue after it) and the first feature
LIST_GAP = 5  # characters between two listed features (A、B和C, A and B)


@dataclass(frozen=True)
class Feature:
    start: int
    end: int
    value: str  # a `features` id or an entity id
    mention: Mention | None  # the entity, when the feature is one


def feature_claims(ctx: SentenceContext) -> list[Claim]:
    claims = []
    for name, rule in ctx.pack.attributes.items():
        if rule.kind != "feature":
            continue
        found = _features(ctx, rule)
        for verb in ctx.words(rule.triggers):
            clause = ctx.clause_of(verb.start())
            if rule.forbid and ctx.words(rule.forbid, clause[0], clause[1]):
                continue
            before = [c for c in ctx.words(rule.negation_cues, clause[0], verb.start()) if verb.start() - c.end() <= CUE_BEFORE]
            after = [c for c in ctx.words(rule.negation_cues, verb.end(), clause[1]) if c.start() - verb.end() <= CUE_AFTER]
            listed = _listed(found, after[0].end() if after else verb.end(), clause[1])
            if not listed:
                continue
            end = listed[-1].end
            features = [f.mention for f in listed if f.mention is not None]
            subject = ctx.subject_near(verb.start(), end, rule.subject_types, exclude=features)
            if subject is None or ctx.start <= verb.start() <= subject.start:
                continue
            cue = before[-1] if before else after[0] if after else None
            start = subject.start if ctx.same_clause(subject.start, verb.start()) else (cue.start() if before and cue else verb.start())
            day = as_of(ctx, verb.start()) if cue else None
            modality = ctx.modality_at(verb.start(), end)
            for feature in listed:
                claims.append(ctx.claim(
                    start, end, subject, name, feature.value, negated=cue is not None, modality=modality,
                    as_of=day,
                ))
    return claims


def _features(ctx: SentenceContext, rule: AttributeRule) -> list[Feature]:
    """Every feature of the rule in the sentence, in text order, entities before words they overlap."""
    entities = [Feature(m.start, m.end, m.entity, m) for m in ctx.mentions if m.start >= ctx.start and ctx.entity_type(m) in rule.object_types]
    words = [
        Feature(match.start(), match.end(), feature_id, None)
        for feature_id, spellings in rule.features.items()
        for match in ctx.words(spellings)
        if not any(e.start < match.end() and match.start() < e.end for e in entities)
    ]
    return sorted(entities + words, key=lambda f: (f.start, -f.end))


def _listed(found: list[Feature], after: int, clause_end: int) -> list[Feature]:
    """The feature starting within reach after `after` and the ones listed right after it."""
    listed: list[Feature] = []
    edge, gap = after, FEATURE_REACH
    for feature in found:
        if feature.start < edge or feature.start >= clause_end:
            continue
        if feature.start - edge > gap:
            break
        listed.append(feature)
        edge, gap = feature.end, LIST_GAP
    return listed
