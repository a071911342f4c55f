"""Definite descriptions: "OpenAI's chatbot", 百度的聊天机器人 name the one entity of that kind its owner has.

News names a product once and, elsewhere, only by its owner and its kind ("by March, OpenAI's
chatbot counted some 30 million users"). When the pack knows exactly one entity of that type below the organization
(by `parent`), the description is a mention of that entity; when it knows none or several
("Microsoft's chatbot": Bing or Copilot?) it names nothing and the organization stays the
mention. The words are the pack's: the developer attribute's `possessive` markers and the type
attribute's `type_words`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.models import Mention
from checker.rulepack import RulePack
from checker.words import word_pattern

# modifiers between the possessive and the kind: up to two English words (OpenAI's popular new chatbot) or
# four CJK characters (百度的新一代聊天机器人); anything longer holds a verb or a clause (字节跳动的AI Lab正在研究对话机器人)
MODIFIERS = r"(?:[a-z][a-z\-]*\s){0,2}|[\u4e00-\u9fff]{0,4}?"
NAME_GAP = 2  # a name this close after the kind is the entity itself (谷歌的聊天机器人Bard): no description


@lru_cache(maxsize=8)
def _patterns(pack: RulePack) -> tuple[re.Pattern[str], dict[str, str]] | None:
    markers = sorted({m for rule in pack.attributes.values() if rule.kind == "entity" for m in rule.possessive}, key=len, reverse=True)
    kinds = {word.lower(): label for rule in pack.attributes.values() if rule.kind == "type" for label, words in rule.type_words.items() for word in words}
    if not markers or not kinds:
        return None
    marker = "|".join(re.escape(m) for m in markers)
    kind = word_pattern(tuple(sorted(kinds, key=len, reverse=True))).pattern
    # marker, then a few modifier characters within the clause, then the kind word
    pattern = re.compile(rf"\s?(?:{marker})\s?(?P<modifiers>{MODIFIERS})(?P<kind>{kind})")
    return pattern, kinds


def _owned(pack: RulePack, owner: str, label: str) -> str | None:
    """The one entity of type `label` below `owner`, or None when there is none or several."""
    found = [e.id for e in pack.entities.values() if e.type == label and owner in pack.ancestors(e.id)[1:]]
    return found[0] if len(found) == 1 else None


def with_descriptions(text: str, mentions: list[Mention], pack: RulePack) -> list[Mention]:
    """`mentions` (offsets into `text`) with each "owner's kind" description in place of its owner's mention."""
    compiled = _patterns(pack)
    if compiled is None:
        return mentions
    pattern, kinds = compiled
    demonstratives = {d for words in pack.settings.lexicon.demonstratives.values() for d in words}
    starts = sorted(m.start for m in mentions)
    out = []
    for mention in mentions:
        hit = pattern.match(text, mention.end)
        entity = _owned(pack, mention.entity, kinds[hit.group("kind").lower()]) if hit else None
        named_next = hit is not None and any(hit.end() <= s <= hit.end() + NAME_GAP or mention.end < s < hit.end() for s in starts)
        # the sentence names the entity itself (Bard, Google's experimental chatbot,): the relation is an apposition
        named_here = any(m.entity == entity for m in mentions)
        # 百度旗下的这款聊天机器人 points back to a name (checker.claims.relations), it does not describe one
        pointing = hit is not None and any(hit.group("modifiers").startswith(d) for d in demonstratives)
        if hit is None or entity is None or named_next or named_here or pointing:
            out.append(mention)
            continue
        out.append(Mention(entity=entity, start=mention.start, end=hit.end(), text=text[mention.start:hit.end()]))
    return out
