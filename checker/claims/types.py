"""Entity-type claims: a type word written right against a name (M6芯片, 预训练模型M6, the M6 chip).

Also a short Latin modifier between them (昇腾AI芯片, 910B芯片), names joined before one type word
(the Gaudi and Habana chips: both are chips), and a name that ends in a type word itself (混元大模型
says it is a model). Only entities that are not organizations or people get type claims: 英伟达芯片
means Nvidia's chips, not that Nvidia is a chip. Appositions, copulas and anaphoric type nouns are
read in checker.claims.relations.
"""

from __future__ import annotations

import re

from checker.claims.context import SentenceContext, word_pattern
from checker.models import Claim, Mention
from checker.versions import without_version

QUOTES_AND_SPACE = " “”\"「」『』'"
# a version or a Latin modifier between a name and its type word (昇腾910B芯片, 盘古AI晶片)
LATIN_MODIFIER = re.compile(r"[A-Za-z0-9.]{1,5} ?")


def type_claims(ctx: SentenceContext) -> list[Claim]:
    claims = []
    for name, rule in ctx.pack.attributes.items():
        if rule.kind != "type":
            continue
        for mention in ctx.mentions:
            if ctx.entity_type(mention) not in rule.subject_types or ctx.entity_type(mention) in ("organization", "person"):
                continue
            found = _adjacent_type(ctx, rule.type_words, mention.start, mention.end) or _coordinated_type(ctx, rule.type_words, mention)
            if found is None:
                found = _own_type(rule.type_words, mention)
            if found is None:
                continue
            label, start, end = found
            a, b = min(start, mention.start), max(end, mention.end)
            claims.append(ctx.claim(a, b, mention, name, label, modality=ctx.modality_at(a, b)))
    return claims


def _adjacent_type(ctx: SentenceContext, type_words: dict[str, list[str]], start: int, end: int) -> tuple[str, int, int] | None:
    after = end
    while after < ctx.end and ctx.at(after, after + 1) in QUOTES_AND_SPACE:
        after += 1
    before = start
    while before > ctx.start and ctx.at(before - 1, before) in QUOTES_AND_SPACE:
        before -= 1
    for label, words in type_words.items():
        pattern = word_pattern(tuple(words))
        if pattern is None:
            continue
        hit = ctx.match(pattern, after)
        modifier = ctx.match(LATIN_MODIFIER, after) if after == end else None
        if hit is None and modifier is not None:
            hit = ctx.match(pattern, modifier.end())
        if hit:
            return label, hit.start(), hit.end()
        for candidate in ctx.scan(pattern, max(ctx.start, before - 12), before):
            if candidate.end() == before:
                return label, candidate.start(), candidate.end()
    return None


def _coordinated_type(ctx: SentenceContext, type_words: dict[str, list[str]], mention: Mention) -> tuple[str, int, int] | None:
    """Gaudi and Habana chips, 昇腾和寒武纪芯片: the type word after the last name covers each."""
    coordinators = word_pattern(tuple(ctx.pack.settings.lexicon.coordinators))
    joined = ctx.match(coordinators, mention.end + (ctx.at(mention.end, mention.end + 1) == " ")) if coordinators else None
    if joined is None:
        return None
    start = joined.end() + (ctx.at(joined.end(), joined.end() + 1) == " ")
    following = [m for m in ctx.mentions if m.start == start and ctx.entity_type(m) == ctx.entity_type(mention)]
    if not following:
        return None
    found = _adjacent_type(ctx, type_words, following[0].start, following[0].end)
    return None if found is None or found[1] < following[0].end else found


def _own_type(type_words: dict[str, list[str]], mention: Mention) -> tuple[str, int, int] | None:
    """A name that ends in a type word says its type (混元大模型 is a model)."""
    name, end = without_version(mention)  # 混元大模型2.0 is a model too
    for label, words in type_words.items():
        for word in sorted(words, key=len, reverse=True):
            if len(name) > len(word) and not word.isascii() and name.endswith(word):
                return label, end - len(word), end
    return None
