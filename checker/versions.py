"""Versions of a named family: ERNIE 4.0, 混元大模型2.0, Llama 3 where the pack knows only the family.

News names a model family and its versions with the same words plus a number, and a
version's release date or size is not the family's: a family's first version and its fourth
came out years apart, and the two dates do not conflict. A known name followed by a version number that
no alias of the pack covers is a mention of that version: it keeps the family's entity (so a
version's developer and type are the family's) and carries the version, which keys the
claims whose values differ by version (dates, quantities: checker.kinds `group_by`). The
family named right before its version (混元大模型Hunyuan 2.0) is that version too.
Hand-written because no library reads product versions out of Chinese and English names.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checker.models import Mention
from checker.rulepack import RulePack

# a version right after a name: " 3.0", "-2", "V2.5", "3.5"; at most two digits per part (a year or a size is longer)
VERSION = re.compile(r"[ \-]?(?P<v>[vV])?(?P<number>\d{1,2}(?:\.\d{1,2})?)")
# what may not follow the number: more digits or a decimal point, a letter (70B, 4K: a size or a code), a unit,
# a counter or a date word (文心一言3月, 腾讯2023年, GPT 4倍, 6%): then the number is a value, not a version
NOT_AFTER = re.compile(r"[\d.A-Za-z%‰]|\s?[年月日号时点分秒亿万千百十个家款名位倍元美港台度代期轮季]")
TRAILING_VERSION = re.compile(r"[ \-]?[vV]?\d{1,2}(?:\.\d{1,2})?$")
APPOSITION_GAP = 1  # 混元大模型Hunyuan 2.0, 混元大模型 Hunyuan 2.0: the family right before its version


@lru_cache(maxsize=8)
def _aliases(pack: RulePack) -> dict[str, str]:
    """Every alias, folded (case, spaces, hyphens), to its entity: 'Llama-3' finds an alias 'Llama 3'."""
    return {_folded(alias): entity.id for entity in pack.entities.values() for alias in entity.aliases}


def _folded(name: str) -> str:
    return re.sub(r"[\s\-_]", "", name.casefold())


def _canonical(number: str) -> str:
    """3.0 and 3 are one version (Llama 2 and Llama 2.0)."""
    return number[:-2] if number.endswith(".0") else number


def with_versions(text: str, mentions: list[Mention], pack: RulePack) -> list[Mention]:
    """`mentions` (offsets into `text`) with each known name that a version number follows
    extended over it and carrying the version; a name the longer spelling makes another
    entity of the pack (an alias spelled with other spacing) becomes that entity."""
    aliases = _aliases(pack)
    versioned = [_versioned(text, m, aliases) for m in mentions]
    return [_apposed(m, versioned) for m in versioned]


def _versioned(text: str, mention: Mention, aliases: dict[str, str]) -> Mention:
    if mention.version is not None:
        return mention
    hit = VERSION.match(text, mention.end)
    if hit is None or NOT_AFTER.match(text, hit.end()):
        return mention
    latin = mention.text[-1:].isascii() and mention.text[-1:].isalnum()
    if not latin and not (hit.group("v") or "." in hit.group("number")):
        return mention  # after a CJK name a bare integer is too often a figure: 混元2.0 yes, 文心一言2 no
    if latin and mention.text[-1:].isdigit() and not hit.group(0)[:1].isspace() and hit.group(0)[:1] != "-":
        return mention  # GPT-3 followed by 5 would be one number (GPT-35): not a version
    spelled = text[mention.start:hit.end()]
    other = aliases.get(_folded(spelled))
    if other is not None:
        return mention.model_copy(update={"entity": other, "end": hit.end(), "text": spelled})
    return mention.model_copy(update={"end": hit.end(), "text": spelled, "version": _canonical(hit.group("number"))})


def without_version(mention: Mention) -> tuple[str, int]:
    """The name as written without its version, and where it ends: 混元大模型 of 混元大模型2.0."""
    if mention.version is None:
        return mention.text, mention.end
    trailing = TRAILING_VERSION.search(mention.text)
    cut = trailing.start() if trailing else len(mention.text)
    return mention.text[:cut], mention.start + cut


def _apposed(mention: Mention, mentions: list[Mention]) -> Mention:
    if mention.version is not None:
        return mention
    follower = next(
        (m for m in mentions if m.version is not None and m.entity == mention.entity and 0 <= m.start - mention.end <= APPOSITION_GAP),
        None,
    )
    return mention if follower is None else mention.model_copy(update={"version": follower.version})
