"""A figure that describes a class of things rather than a named one: 几十亿参数的模型, a 7-billion-parameter model.

不少百亿参数的模型已能在手机上运行 says something about models of that size in general; taking
the sentence's topic (GPT-3, named a clause before) as its subject would pair a figure no one
wrote about GPT-3. The figure is generic when its trigger is followed by 的 (or nothing, in
English) and a type word of the attribute's subject types that no name follows, unless a copula
or level word before the figure says it is the subject's (GPT-3是一个1750亿参数的模型).
"""

from __future__ import annotations

from checker.claims.context import SentenceContext
from checker.languages import grammar
from checker.rulepack import AttributeRule

NAME_GAP = 2  # a name this close after the type word is what the figure describes (…的大模型LLaMA)


def describes_a_class(ctx: SentenceContext, rule: AttributeRule, figure_start: int, trigger_end: int) -> bool:
    """True when the figure and its trigger (ending at `trigger_end`) modify a bare type word."""
    tail = ctx.at(trigger_end, trigger_end + 1)
    if tail not in grammar().modifier_markers + ("-", " "):  # 百亿参数的模型, a 7-billion-parameter model
        return False
    after = trigger_end + 1
    word = _type_word_at(ctx, rule, after)
    if word is None:
        return False
    if any(0 <= m.start - word <= NAME_GAP for m in ctx.mentions) or any(0 <= c.start - word <= NAME_GAP for c in ctx.candidates):
        return False
    clause_start = ctx.clause_of(figure_start)[0]
    return not ctx.words(ctx.pack.settings.lexicon.level, clause_start, figure_start)


def _type_word_at(ctx: SentenceContext, rule: AttributeRule, pos: int) -> int | None:
    """The end of a type word of one of the rule's subject types starting at `pos`."""
    for other in ctx.pack.attributes.values():
        for label, words in other.type_words.items():
            if label not in rule.subject_types:
                continue
            hit = next((m for m in ctx.words(words, pos, min(ctx.end, pos + 12)) if m.start() == pos), None)
            if hit is not None:
                return hit.end()
    return None
