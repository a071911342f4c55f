"""Stage 4: find known entities in a sentence, exactly and as variant spellings.

Exact aliases are token sequences an alias tokenizes to (longest match wins, see checker.nlp). Variant
spellings of known names (字节动态 for 字节跳动, A21 Labs for AI21 Labs, 腾迅
for 腾讯) are found with rapidfuzz over token windows, with thresholds that suit
each script. A CJK spelling that sounds like a known name (the same toneless pinyin:
腾迅 for 腾讯, 温馨一言 for 文心一言, 挥达 for 辉达) is an input-method slip unless it is a
word of the language itself (摆渡 is not a typo of 百度). A Latin spelling is a variant
when it is close by ratio or one swap of neighbouring letters away (ChatGTP); Latin
names never differ only in digits (GPT-3 vs GPT-4 are two models).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pypinyin import lazy_pinyin
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein
from checker.models import Mention
from checker.nlp import Token, Toolkit
from checker.rulepack import RulePack
from checker.rulepack.schema import NameVariantSettings
from checker.segment import Segment

CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
LATIN_NAME = re.compile(r"^[A-Z0-9][A-Za-z0-9.\- ]{3,}$")
DIGITS = re.compile(r"\d+")
SHORT_CODE = re.compile(r"^(?=[^ ]{0,6}$)[A-Za-z]{0,3}\d[A-Za-z0-9\-]*$")  # H200, A100, M6, RTX4090-like model codes
TRANSPOSITION_MIN_LENGTH = 5  # one swapped letter pair in a shorter name is too often another name


@dataclass(frozen=True, eq=False)
class AliasIndex:
    """The pack's aliases, indexed so a window is compared only with the aliases it could vary:
    CJK ones by sound and by (first character, length), Latin ones by length for transpositions."""

    cjk: dict[str, str]  # alias -> entity id
    latin: dict[str, str]
    all_aliases: frozenset[str]
    cjk_by_sound: dict[tuple[str, ...], list[str]] = field(default_factory=dict)  # toneless pinyin -> aliases
    cjk_by_head: dict[tuple[str, int], list[str]] = field(default_factory=dict)  # (first character, length) -> aliases
    latin_by_length: dict[int, list[str]] = field(default_factory=dict)
    memo: dict[str, tuple[str, str, float] | None] = field(default_factory=dict)  # window text -> variant found


@lru_cache(maxsize=8)
def alias_index(pack: RulePack) -> AliasIndex:
    cjk: dict[str, str] = {}
    latin: dict[str, str] = {}
    # 通义大模型 ~ 通用大模型 is a common word plus a suffix, not a typo: fuzzy-match the bare names only
    generic = tuple(pack.settings.lexicon.generic_suffixes)
    for entity in pack.entities.values():
        for alias in entity.aliases:
            if CJK_NAME.match(alias) and not alias.endswith(generic):
                cjk[alias] = entity.id
            elif LATIN_NAME.match(alias) and re.search(r"[A-Za-z]{2}", alias):
                latin[alias] = entity.id
    every = frozenset(a for e in pack.entities.values() for a in e.aliases)
    index = AliasIndex(cjk=cjk, latin=latin, all_aliases=every)
    for alias in cjk:
        index.cjk_by_sound.setdefault(_pinyin(alias), []).append(alias)
        index.cjk_by_head.setdefault((alias[0], len(alias)), []).append(alias)
    for alias in latin:
        index.latin_by_length.setdefault(len(alias), []).append(alias)
    return index


def find_mentions(segment: Segment, toolkit: Toolkit, pack: RulePack) -> list[Mention]:
    """Entity mentions in one sentence, offsets into the article text, in text order."""
    tokens = segment.tokens
    exact = toolkit.matches([t.text for t in tokens])
    mentions = [
        Mention(entity=entity, start=tokens[first].start, end=tokens[end - 1].end, text=segment.between(tokens[first].start, tokens[end - 1].end))
        for entity, first, end in exact
    ]
    taken = {i: entity for entity, first, end in exact for i in range(first, end)}
    variants = _variants(segment, taken, pack, toolkit)
    if variants:
        # a variant that swallows a shorter exact alias of its own entity (字节 in 字节动态) replaces it
        mentions = [m for m in mentions if not any(v.start <= m.start and m.end <= v.end for v in variants)]
    return sorted(mentions + variants, key=lambda m: m.start)


def _variants(segment: Segment, taken: dict[int, str], pack: RulePack, toolkit: Toolkit) -> list[Mention]:
    """Windows of one to three tokens that spell a known name differently, on plain token tuples."""
    index = alias_index(pack)
    settings = pack.settings.name_variants
    tokens = segment.tokens
    found: list[Mention] = []
    used: set[int] = set()
    for width in (3, 2, 1):
        for k in range(len(tokens) - width + 1):
            positions = range(k, k + width)
            if (used and any(p in used for p in positions)) or (taken and all(p in taken for p in positions)):
                continue
            text = segment.between(tokens[k].start, tokens[k + width - 1].end)
            hit = _cached_variant(text, index, settings)
            if hit is None or (CJK_NAME.match(text) and toolkit.is_common_word(text)):
                continue
            alias, entity, score = hit
            if not _swallows_only(tokens, positions, taken, entity, alias) or _contains_alias(text, entity, pack):
                continue
            used.update(positions)
            start = tokens[k].start
            found.append(Mention(entity=entity, start=start, end=start + len(text), text=text, score=score, variant_of=alias))
    return found


MEMO_LIMIT = 200_000  # distinct window texts remembered per pack; the memo starts afresh when full


def _cached_variant(text: str, index: AliasIndex, settings: NameVariantSettings) -> tuple[str, str, float] | None:
    """_match_variant, remembered per pack (a window of no name's shape too): news repeats its words,
    and most windows are no name."""
    try:
        return index.memo[text]
    except KeyError:
        pass
    if len(index.memo) >= MEMO_LIMIT:
        index.memo.clear()
    hit = index.memo[text] = _match_variant(text, index, settings) if CJK_NAME.match(text) or LATIN_NAME.match(text) else None
    return hit


def _contains_alias(text: str, entity: str, pack: RulePack) -> bool:
    """字节跳动的 or 文心一言在 is the real name plus a neighbour, not a variant."""
    return any(len(alias) >= 3 and alias in text for alias in pack.entities[entity].aliases)


def _swallows_only(tokens: tuple[Token, ...], positions: range, taken: dict[int, str], entity: str, alias: str) -> bool:
    """A window may overlap exact matches only if it contains them whole and they name its entity, or
    are part of the name it varies (通义 in 通义千文, a slip for 通义千问)."""
    inside = {taken[i] for i in positions if i in taken}
    if not inside:
        return True
    first, last = positions[0], positions[-1]
    cut_before = first in taken and taken.get(first - 1) == taken[first]
    cut_after = last in taken and taken.get(last + 1) == taken[last]
    if cut_before or cut_after:
        return False
    return inside == {entity} or all(tokens[i].text in alias for i in positions if i in taken)


@lru_cache(maxsize=65536)
def _pinyin(text: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(text))


def _match_variant(text: str, index: AliasIndex, settings: NameVariantSettings) -> tuple[str, str, float] | None:
    if text in index.all_aliases:
        return None
    if CJK_NAME.match(text):
        return _cjk_variant(text, index, settings)
    if LATIN_NAME.match(text) and not text.islower():
        return _latin_variant(text, index, settings.latin_min_score)
    return None


def _latin_variant(text: str, index: AliasIndex, latin_min: float) -> tuple[str, str, float] | None:
    best = process.extractOne(text, index.latin.keys(), scorer=fuzz.ratio, score_cutoff=latin_min)
    if best is None and len(text) >= TRANSPOSITION_MIN_LENGTH:
        best = _transposed(text, index)
    if best is None:
        return None
    alias, score, _ = best
    if DIGITS.sub("", alias) == DIGITS.sub("", text) or len(text) < 4:
        return None  # versions of one family (GPT-3 / GPT-4, ChatGLM-6B / ChatGLM2-6B) are distinct entities
    if SHORT_CODE.match(text):
        return None  # product codes one letter apart are distinct products (H200 / GH200, A800 / H800)
    return alias, index.latin[alias], float(score)


def _transposed(text: str, index: AliasIndex) -> tuple[str, float, int] | None:
    """The alias `text` is one swap of neighbouring letters away from (ChatGTP -> ChatGPT): one edit for
    OSA, two for Levenshtein."""
    for alias in index.latin_by_length.get(len(text), ()):
        if OSA.distance(text, alias) == 1 and Levenshtein.distance(text, alias) == 2:
            return alias, float(fuzz.ratio(text, alias)), 0
    return None


def _cjk_variant(text: str, index: AliasIndex, settings: NameVariantSettings) -> tuple[str, str, float] | None:
    for alias in index.cjk_by_sound.get(_pinyin(text), ()):
        differing = sum(a != b for a, b in zip(alias, text))
        if _homophone(alias, differing, settings):
            return alias, index.cjk[alias], float(fuzz.ratio(text, alias))
    if len(text) >= 4:
        for alias in index.cjk_by_head.get((text[0], len(text)), ()):
            score = fuzz.ratio(text, alias)
            if score >= settings.cjk_min_score:
                return alias, index.cjk[alias], float(score)
    return None


def _homophone(alias: str, differing: int, settings: NameVariantSettings) -> bool:
    """Typed by sound (the caller found the same toneless pinyin): one character off in a two- or
    three-character name, at most half the characters off in a longer one."""
    if len(alias) <= 3:
        return settings.cjk_short_homophone and differing == 1
    return settings.cjk_homophone and 0 < differing <= len(alias) // 2
