"""Negation claims: an organization said to have released (open-sourced, launched) no model or product.

A cue (尚未, 没有, has not, has yet to), then the rule's verb, then an object word of
the rule's class, all close together: 字节跳动尚未公布任何大模型 / ByteDance has not
released any model. Each negation attribute is one event (a release, an open-sourcing)
of one object class (a model, a product), so 从未开源大模型 denies an open-sourcing, not a
release, and 没有公布模型的参数规模 (a `forbid` word after the object) denies a figure.

A rule without object words denies the subject itself in a place of its `object_types`
(Claude is still not available in the EU), or its launch of one named entity of them (英伟达尚未
推出H800): that entity is the claim's object.

A denial holds as of a day: a date in its own clause (截至2023年4月，X尚未…), else the
article's date (至今, still and yet say the same). The claim's low and high carry it, so
negation_conflict counts only events dated before.
"""

from __future__ import annotations

import datetime as dt

from checker.claims.context import Hit, SentenceContext
from checker.languages import grammar
from checker.models import Claim, Mention

VERB_REACH = 6  # characters between the cue and the start of the verb
OBJECT_REACH = 12  # characters between the verb and the start of the object word
PLACE_AFTER = 6  # characters between the verb and the place after it (launched in the EU)
FORBID_REACH = 24  # characters after the object word where a figure word (的参数规模) makes it a figure's denial


def negation_claims(ctx: SentenceContext) -> list[Claim]:
    claims = []
    for name, rule in ctx.pack.attributes.items():
        if rule.kind != "negation":
            continue
        for cue in ctx.words(rule.negation_cues):
            verbs = _starting_within(ctx.words(rule.triggers, cue.end()), cue.end(), VERB_REACH)
            if not verbs:
                continue
            place = None if rule.objects else _place(ctx, rule.object_types, cue.end(), verbs[0])
            objects = _starting_within(ctx.words(rule.objects, verbs[0].end()), verbs[0].end(), OBJECT_REACH)
            if place is not None:
                end = max(place.end, verbs[0].end())
            elif objects and ctx.same_clause(cue.start(), objects[0].start()):
                end = objects[0].end()
            else:
                continue
            if rule.forbid and ctx.words(rule.forbid, verbs[0].end(), min(ctx.clause_of(end)[1], end + FORBID_REACH)):
                continue
            # only known organizations: a denial is checked against credits, which name known developers
            subject = ctx.subject_near(cue.start(), end, rule.subject_types, unknown=False)
            if subject is None or subject.start >= cue.start():
                continue
            start = subject.start if ctx.same_clause(subject.start, cue.start()) else cue.start()
            as_of_day = as_of(ctx, cue.start())
            claims.append(ctx.claim(
                start, end, subject, name, "no", negated=True, modality=ctx.modality_at(cue.start(), end),
                as_of=as_of_day, object=place.entity if place else None,
            ))
    return claims


def as_of(ctx: SentenceContext, cue: int) -> dt.date | None:
    """The day a denial speaks of: the last day of the date that frames the cue, else the article's date."""
    stated = ctx.stated_date(cue)
    return stated.span.high if stated is not None and stated.span is not None else ctx.article.date


def _place(ctx: SentenceContext, types: list[str], after: int, verb: Hit) -> Mention | None:
    """The place a denial is about, an entity of `types` in the cue's clause: between the cue and
    the verb (尚未在欧盟上线) or right after the verb (not available in the EU, 尚未推出H800); one after the
    verb that modifies the next noun (尚未推出H100的新版本) is not what is denied."""
    clause_end = ctx.clause_of(after)[1]
    markers = grammar().modifier_markers
    return next((
        m for m in ctx.mentions
        if m.start < clause_end and ctx.entity_type(m) in types
        and (after <= m.start and m.end <= verb.start() or 0 <= m.start - verb.end() <= PLACE_AFTER and not ctx.startswith(markers, m.end))
    ), None)


def _starting_within(matches: list[Hit], after: int, reach: int) -> list[Hit]:
    """Matches that start at most `reach` characters after `after`, however long the word
    (has not *released*: the gap counts, not the verb's length)."""
    return [m for m in matches if m.start() - after <= reach]
