"""Where a sentence points back to an entity named before, and which type it points to.

The pack lists anaphoric nouns per entity type (该公司, the company). News also points back with a
description built on one of them: a definite one with a place or a modifier (the Lisbon company, the
Seoul-based start-up) and an indefinite one that opens a relative clause (a firm that raised…,
a firm whose…): `Not bad for a start-up that raised $40 million` is about the start-up named before.
Both are read from the listed anaphors that open with a definite article of the language tables:
their head noun (company) is what the description ends with. Chinese puts the modifier between the
demonstrative and the noun, closed by 的 (这家总部位于里斯本的公司, 这款面向企业的模型), with the noun of
a listed anaphor that opens with one of the type's demonstratives (这家公司 -> 公司). Modifiers of a definite description
must be capitalized or hyphenated (a place, X-based): a plain adjective (the parent company, the
rival company, the other firm) may well point elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from checker.languages import Grammar, grammar
from checker.rulepack import RulePack
from checker.words import find_words, word_pattern

DEFINITE_MODIFIERS = 3  # capitalized or hyphenated words between the article and the noun: the San Francisco-based company
INDEFINITE_MODIFIERS = 2  # any words between the article and the noun: a two-year-old company that…
CJK_MODIFIER = 16  # characters of the modifier between a demonstrative and 的: 这家成立不到两年的公司
WORD = r"[A-Za-z][\w.&'-]{0,30}"


@dataclass(frozen=True)
class Anaphor:
    label: str  # the entity type it points to
    start: int
    end: int


def find_anaphor(pack: RulePack, text: str, start: int, end: int) -> Anaphor | None:
    """The first anaphor in text[start:end] (positions index `text`): a listed anaphoric noun (the
    first type whose word is found wins), else the first description built on one."""
    for label, words in pack.settings.lexicon.anaphors.items():
        hits = find_words(words, text, start, end)
        if hits:
            return Anaphor(label, hits[0].start(), hits[0].end())
    found = [
        Anaphor(label, hit.start(), hit.end())
        for label, pattern in _descriptions(pack, grammar())
        for hit in pattern.finditer(text, start, end)
        if not text.startswith(grammar().possessive_endings, hit.end())  # the Lisbon company's rival: it owns the subject
    ]
    return min(found, key=lambda a: a.start, default=None)


@lru_cache(maxsize=8)
def _descriptions(pack: RulePack, language: Grammar) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Per entity type, one pattern for the descriptions built on its listed anaphors."""
    out = []
    for label, words in pack.settings.lexicon.anaphors.items():
        forms = _article_forms(words, language) + [form for form in [_demonstrative_form(pack, label, words, language)] if form]
        if forms:
            out.append((label, re.compile("|".join(forms))))
    return tuple(out)


def _article_forms(words: list[str], language: Grammar) -> list[str]:
    """the Lisbon company; a company that…: built on the listed anaphors that open with a definite article."""
    definite = word_pattern(language.definite_articles)
    noun = word_pattern(tuple(rest for word in words if (rest := _head(word, definite)))) if definite else None
    if definite is None or noun is None:
        return []
    modifier = r"(?:[A-Z][\w.&'-]{0,30}|[a-z][a-z]{0,20}-[\w-]{1,30})"
    forms = [rf"(?:{definite.pattern})\s(?:{modifier}\s){{1,{DEFINITE_MODIFIERS}}}(?:{noun.pattern})(?![\w-])"]
    indefinite, relative = word_pattern(language.indefinite_articles), word_pattern(language.relative_pronouns)
    if indefinite is not None and relative is not None:
        forms.append(rf"(?:{indefinite.pattern})\s(?:{WORD}\s){{0,{INDEFINITE_MODIFIERS}}}(?:{noun.pattern}),?\s(?:{relative.pattern})")
    return forms


def _demonstrative_form(pack: RulePack, label: str, words: list[str], language: Grammar) -> str | None:
    """这家总部位于里斯本的公司: a demonstrative of two or more characters (该 and 此 also end other words:
    应该, 因此), a modifier closed by 的, and the noun of a listed anaphor that opens with a demonstrative."""
    demonstratives = pack.settings.lexicon.demonstratives.get(label, [])
    heads = tuple(word[len(d):] for word in words for d in demonstratives if word.startswith(d) and len(word) > len(d))
    openers = word_pattern(tuple(d for d in demonstratives if len(d) >= 2))
    noun, marker = word_pattern(heads), word_pattern(language.modifier_markers)
    if openers is None or noun is None or marker is None:
        return None
    return rf"(?:{openers.pattern})[^\s，。；、,;:：]{{1,{CJK_MODIFIER}}}?(?:{marker.pattern})(?:{noun.pattern})"


def _head(word: str, definite: re.Pattern[str]) -> str | None:
    """The noun of a listed anaphor that opens with a definite article (the company -> company)."""
    hit = definite.match(word)
    if hit is None or not word[hit.end():hit.end() + 1].isspace():
        return None
    return word[hit.end():].strip() or None
