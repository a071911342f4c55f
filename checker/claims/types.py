"""Entity-type claims: a type word written right against a name (M6芯片, 预训练模型M6, the M6 chip).

Only entities that are not organizations or people get type claims: 英伟达芯片
means Nvidia's chips, not that Nvidia is a chip.
"""

from __future__ import annotations

from checker.claims.context import SentenceContext, word_pattern
from checker.models import Claim

QUOTES_AND_SPACE = " “”\"「」『』'"


def type_claims(ctx: SentenceContext) -> list[Claim]:
    claims = []
    for name, rule in ctx.pack.attributes.items():
        if rule.kind != "type":
            continue
        for mention in ctx.mentions:
            if ctx.entity_type(mention) not in rule.subject_types or ctx.entity_type(mention) in ("organization", "person"):
                continue
            found = _adjacent_type(ctx, rule.type_words, mention.start, mention.end)
            if found is None:
                continue
            label, start, end = found
            a, b = min(start, mention.start), max(end, mention.end)
            claims.append(ctx.claim(a, b, mention, name, label, modality=ctx.modality_at(a, b)))
    return claims


def _adjacent_type(ctx: SentenceContext, type_words: dict[str, list[str]], start: int, end: int) -> tuple[str, int, int] | None:
    after = end
    while after < len(ctx.text) and ctx.text[after] in QUOTES_AND_SPACE:
        after += 1
    before = start
    while before > 0 and ctx.text[before - 1] in QUOTES_AND_SPACE:
        before -= 1
    for label, words in type_words.items():
        pattern = word_pattern(tuple(words))
        if pattern is None:
            continue
        hit = pattern.match(ctx.text, after)
        if hit:
            return label, hit.start(), hit.end()
        for candidate in pattern.finditer(ctx.text, max(0, before - 12), before):
            if candidate.end() == before:
                return label, candidate.start(), candidate.end()
    return None
