"""Kinds of one attribute that are compared apart: a seed round and a Series A are both funding rounds.

A start-up raises several rounds, so two round sizes conflict only when they are of the same round.
News names the round once (Zhipu AI closed a Series B in March. The round, led by a state fund,
came to $120 million), so the variant word is looked for in the figure's sentence first, nearest the figure, and
then in the sentences before it in its paragraph.
"""

from __future__ import annotations

from checker.claims.context import SentenceContext, find_words
from checker.normalize import normalize
from checker.rulepack import AttributeRule

REACH = 400  # characters of the paragraph before the sentence that may name the round


def variant_of(ctx: SentenceContext, rule: AttributeRule, start: int, end: int) -> str | None:
    """The variant label of a figure at [start, end) of the sentence, or None."""
    best: tuple[int, str] | None = None
    for label, words in rule.variants.items():
        for hit in ctx.words(words):
            distance = start - hit.end() if hit.end() <= start else max(0, hit.start() - end)
            if best is None or distance < best[0]:
                best = (distance, label)
    if best is not None:
        return best[1]
    return _in_paragraph_before(ctx, rule)


def _in_paragraph_before(ctx: SentenceContext, rule: AttributeRule) -> str | None:
    """The last variant word of the sentences before this one in its paragraph (line)."""
    text = ctx.article.text
    start = max(text.rfind("\n", 0, ctx.start) + 1, ctx.start - REACH)
    before = normalize(text[start:ctx.start], ctx.article.language).text
    last: tuple[int, str] | None = None
    for label, words in rule.variants.items():
        for hit in find_words(words, before):
            if last is None or hit.start() > last[0]:
                last = (hit.start(), label)
    return None if last is None else last[1]
