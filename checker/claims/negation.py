"""Negation claims: an organization said to have released no large model.

A cue (尚未, 没有, has not, has yet to), then a release verb, then a model word,
all close together: 字节跳动尚未公布任何大模型 / ByteDance has not released any model.
"""

from __future__ import annotations

import re

from checker.claims.context import SentenceContext, find_words
from checker.models import Claim

VERB_REACH = 6  # characters between the cue and the start of the verb
OBJECT_REACH = 12  # characters between the verb and the start of the object word


def negation_claims(ctx: SentenceContext) -> list[Claim]:
    claims = []
    for name, rule in ctx.pack.attributes.items():
        if rule.kind != "negation":
            continue
        for cue in find_words(rule.negation_cues, ctx.text):
            verbs = _starting_within(find_words(rule.triggers, ctx.text, cue.end()), cue.end(), VERB_REACH)
            if not verbs:
                continue
            objects = _starting_within(find_words(rule.objects, ctx.text, verbs[0].end()), verbs[0].end(), OBJECT_REACH)
            if not objects or not ctx.same_clause(cue.start(), objects[0].start()):
                continue
            # only known organizations: a denial is checked against credits, which name known developers
            subject = ctx.subject_near(cue.start(), objects[0].end(), rule.subject_types, unknown=False)
            if subject is None or subject.start >= cue.start():
                continue
            start = subject.start if ctx.same_clause(subject.start, cue.start()) else cue.start()
            end = objects[0].end()
            claims.append(ctx.claim(start, end, subject, name, "no", negated=True, modality=ctx.modality_at(cue.start(), end)))
    return claims


def _starting_within(matches: list[re.Match[str]], after: int, reach: int) -> list[re.Match[str]]:
    """Matches that start at most `reach` characters after `after`, however long the word
    (has not *released*: the gap counts, not the verb's length)."""
    return [m for m in matches if m.start() - after <= reach]
