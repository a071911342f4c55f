"""Market editions named by their base: H100的中国特供版 is the edition the pack records for China.

A chip or a model is often sold in an edition cut for one market, and news names that edition by
its base and the market (X的中国特供版, X中国版). When
the pack records the edition (`edition_of: {entity: X, edition: china}`), the description is a
mention of that entity; when it records none, the base's mention stays, and the words after it
(的中国版) keep it from being read as the object of a verb (checker.claims.negation).
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.languages import grammar
from checker.models import Mention
from checker.rulepack import RulePack
from checker.words import word_pattern



@lru_cache(maxsize=8)
def _editions(pack: RulePack) -> tuple[dict[tuple[str, str], str], list[tuple[str, re.Pattern[str]]]]:
    """The entity of each (base, edition), and per edition the pattern of its words right after a base
    or after its modifier marker (H100的中国特供版, H100中国版); nothing else may stand between
    (H100在中国版图上 names the H100)."""
    owned = {(e.edition_of.entity, e.edition_of.edition): e.id for e in pack.entities.values() if e.edition_of is not None}
    marker = word_pattern(grammar().modifier_markers)
    lead = rf"\s?(?:{marker.pattern})?\s?" if marker else r"\s?"
    patterns = []
    for label, words in pack.settings.lexicon.editions.items():
        word = word_pattern(tuple(words))
        if word is not None:
            patterns.append((label, re.compile(f"{lead}(?:{word.pattern})")))
    return owned, patterns


def with_editions(text: str, mentions: list[Mention], pack: RulePack) -> list[Mention]:
    """`mentions` (offsets into `text`) with each recorded edition's description in place of its base's mention."""
    owned, patterns = _editions(pack)
    if not owned:
        return mentions
    return [_edition(text, mention, owned, patterns) or mention for mention in mentions]


def _edition(text: str, mention: Mention, owned: dict[tuple[str, str], str], patterns: list[tuple[str, re.Pattern[str]]]) -> Mention | None:
    """The mention of the recorded edition that `mention`'s base and an edition word after it name, or None."""
    for label, after in patterns:
        entity = owned.get((mention.entity, label))
        found = after.match(text, mention.end) if entity is not None else None
        if found is not None:
            return Mention(entity=entity, start=mention.start, end=found.end(), text=text[mention.start:found.end()])
    return None
