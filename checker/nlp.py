"""The tokenizer and alias matcher a rules pack needs, built once per pack and cached.

Chinese segmentation sits behind one small interface, `Segmenter`, chosen by the pack's
`settings.yaml` (`segmenter: jieba | char`), the way spaCy's Chinese class picks char,
jieba or pkuseg. Tokens are what spaCy's Chinese tokenizer makes of the segmenter's
words (a single space after a word belongs to it, other whitespace is a token of its
own), and the alias matcher finds what spaCy's PhraseMatcher would (every token sequence
an alias tokenizes to), but both work on plain tuples of offsets: building a spaCy Doc,
its Token objects and Spans cost more than jieba itself, and importing spaCy took longer
than the rest of startup.

The jieba segmenter is a `jieba.Tokenizer` of the pack's own, with the pack's aliases
added as words (so known names stay whole) and its attribute words; the global jieba
dictionary is never loaded.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Protocol

from checker.rulepack import RulePack

ALIAS_FREQ = 500_000
# jieba frequency from which a word is a common word of the language, not a name (通义 33, 文心 6; 机器人 384)
COMMON_FREQ = 50


class Segmenter(Protocol):
    """Cuts text into words; the words, joined, give the text back (whitespace included)."""

    def cut(self, text: str) -> list[str]: ...

    def frequencies(self) -> Mapping[str, int]:
        """How common each word of its dictionary is (empty for a segmenter without one)."""
        ...


class JiebaSegmenter:
    """jieba's accurate mode with its HMM for unknown words, on a dictionary of the pack's own."""

    def __init__(self, words: Sequence[tuple[str, int | None]]):
        import jieba  # only a pack that segments with jieba pays for its import and dictionary

        jieba.setLogLevel(logging.WARNING)
        self._jieba = jieba.Tokenizer()
        for word, freq in words:  # in order: a word without a frequency gets one suggested from the words before it
            self._jieba.add_word(word, freq=freq)

    def cut(self, text: str) -> list[str]:
        return [word for word in self._jieba.cut(text, cut_all=False) if word]

    def frequencies(self) -> Mapping[str, int]:
        self._jieba.check_initialized()
        return self._jieba.FREQ


class CharSegmenter:
    """One token per character: no dictionary to load, for texts a word dictionary does not fit."""

    def __init__(self, words: Sequence[tuple[str, int | None]]):
        del words  # characters need no word list

    def cut(self, text: str) -> list[str]:
        return list(text)

    def frequencies(self) -> Mapping[str, int]:
        return {}


SEGMENTERS: dict[str, Callable[[Sequence[tuple[str, int | None]]], Segmenter]] = {"jieba": JiebaSegmenter, "char": CharSegmenter}


class Token(NamedTuple):
    """A token of a text: character offsets into that text, and whether one space follows it."""

    start: int
    end: int
    text: str
    space: bool


@dataclass(frozen=True, eq=False)
class Toolkit:
    segmenter: Segmenter
    aliases: dict[tuple[str, ...], tuple[str, ...]]  # an alias's token texts -> entity ids, in pack order
    alias_heads: frozenset[str]  # first token text of every alias
    longest_alias: int  # in tokens

    def tokens(self, text: str) -> list[Token]:
        """`text` as tokens: the segmenter's words aligned to the text (spaCy's get_words_and_spaces, in linear time)."""
        tokens: list[Token] = []
        position = 0
        for word in self.segmenter.cut(text):
            if word.isspace():
                continue
            start = text.index(word, position)
            if start > position:
                tokens.append(Token(position, start, text[position:start], False))
            end = start + len(word)
            space = end < len(text) and text[end] == " "
            tokens.append(Token(start, end, word, space))
            position = end + space
        if position < len(text):
            tokens.append(Token(position, len(text), text[position:], False))
        return tokens

    def matches(self, texts: list[str]) -> list[tuple[str, int, int]]:
        """(entity, first, end) of the aliases among token texts, longest first and never overlapping
        (spaCy's PhraseMatcher followed by filter_spans), in text order."""
        found = []
        for first, head in enumerate(texts):
            if head not in self.alias_heads:
                continue
            for end in range(first + 1, min(len(texts), first + self.longest_alias) + 1):
                for entity in self.aliases.get(tuple(texts[first:end]), ()):
                    found.append((entity, first, end))
        found.sort(key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
        kept, seen = [], set()
        for match in found:
            _, first, end = match
            if first not in seen and end - 1 not in seen:
                kept.append(match)
            seen.update(range(first, end))
        return sorted(kept, key=lambda m: m[1])

    def word_frequencies(self) -> Mapping[str, int]:
        """Word frequencies of the pack's segmenter dictionary (jieba's default one plus the pack's words)."""
        return self.segmenter.frequencies()

    def is_common_word(self, word: str) -> bool:
        """A word of the language (机器人, 摆渡), as opposed to a name or a typo of one."""
        return self.word_frequencies().get(word, 0) >= COMMON_FREQ


@lru_cache(maxsize=4096)
def is_punct(text: str) -> bool:
    """Every character is Unicode punctuation (spaCy's is_punct lexical attribute)."""
    return all(unicodedata.category(char).startswith("P") for char in text)


@lru_cache(maxsize=8)
def toolkit_for(pack: RulePack) -> Toolkit:
    """The toolkit of a pack object (a dictionary lookup per article), shared by every pack with the
    same words: a pack loaded again (each CLI call, each test) does not load another dictionary."""
    words = [(alias, ALIAS_FREQ) for entity in pack.entities.values() for alias in entity.aliases]
    for attribute in pack.attributes.values():
        words.extend((word, None) for word in [*attribute.triggers, *attribute.negation_cues, *attribute.objects] if not word.isascii())
    aliases = tuple((entity.id, tuple(entity.aliases)) for entity in pack.entities.values())
    return _build(pack.settings.segmenter, tuple(words), aliases)


@lru_cache(maxsize=4)
def _build(segmenter_name: str, words: tuple[tuple[str, int | None], ...], entities: tuple[tuple[str, tuple[str, ...]], ...]) -> Toolkit:
    """The segmenter with the pack's words, and the alias matcher."""
    segmenter = SEGMENTERS[segmenter_name](words)
    probe = Toolkit(segmenter=segmenter, aliases={}, alias_heads=frozenset(), longest_alias=0)
    aliases: dict[tuple[str, ...], tuple[str, ...]] = {}
    for entity, names in entities:
        for alias in names:
            key = tuple(token.text for token in probe.tokens(alias))
            if key and entity not in aliases.get(key, ()):
                aliases[key] = (*aliases.get(key, ()), entity)
    return Toolkit(
        segmenter=segmenter,
        aliases=aliases,
        alias_heads=frozenset(key[0] for key in aliases),
        longest_alias=max((len(key) for key in aliases), default=0),
    )
