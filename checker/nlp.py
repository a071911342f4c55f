"""The spaCy pipeline a rules pack needs, built once per pack and cached.

spaCy's Chinese language class with the jieba segmenter (no model download).
Each pack gets its own jieba.Tokenizer with the pack's aliases added as words,
so segmentation keeps known names whole and the PhraseMatcher sees them as
whole tokens; the global jieba dictionary is never touched, and never loaded:
`spacy.blank("zh", segmenter="jieba")` would initialize it (about a second and
70 MiB) only for us to replace it, so the tokenizer is built around the pack's
segmenter instead.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache

import jieba
import spacy
from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from checker.rulepack import RulePack

jieba.setLogLevel(logging.WARNING)

SENTENCE_PUNCT = ["。", "！", "？", "!", "?", ".", "…", "……", "｡"]
ALIAS_FREQ = 500_000


# jieba frequency from which a word is a common word of the language, not a name (通义 33, 文心 6; 机器人 384)
COMMON_FREQ = 50


@dataclass(frozen=True, eq=False)
class Toolkit:
    nlp: Language
    matcher: PhraseMatcher

    def word_frequencies(self) -> dict[str, int]:
        """Word frequencies of the pack's segmenter dictionary (jieba's default one plus the pack's words):
        the one place that reads the segmenter's internals."""
        segmenter = self.nlp.tokenizer.jieba_seg
        segmenter.check_initialized()
        return segmenter.FREQ

    def is_common_word(self, word: str) -> bool:
        """A word of the language (机器人, 摆渡), as opposed to a name or a typo of one."""
        return self.word_frequencies().get(word, 0) >= COMMON_FREQ


@lru_cache(maxsize=8)
def toolkit_for(pack: RulePack) -> Toolkit:
    """Build (once per pack object) the tokenizer, sentencizer and alias matcher."""
    segmenter = jieba.Tokenizer()
    for entity in pack.entities.values():
        for alias in entity.aliases:
            segmenter.add_word(alias, freq=ALIAS_FREQ)
    for attribute in pack.attributes.values():
        for word in [*attribute.triggers, *attribute.negation_cues, *attribute.objects]:
            if not word.isascii():
                segmenter.add_word(word)
    nlp = spacy.blank("zh")
    nlp.tokenizer = _jieba_tokenizer(nlp, segmenter)
    nlp.add_pipe("sentencizer", config={"punct_chars": SENTENCE_PUNCT})
    matcher = PhraseMatcher(nlp.vocab)
    for entity in pack.entities.values():
        matcher.add(entity.id, [nlp.make_doc(alias) for alias in entity.aliases])
    return Toolkit(nlp=nlp, matcher=matcher)


def _jieba_tokenizer(nlp: Language, segmenter: jieba.Tokenizer) -> ChineseTokenizer:
    """spaCy's Chinese tokenizer segmenting with `segmenter`, without touching the global jieba.

    ChineseTokenizer(segmenter="jieba") calls its own jieba import, which warms the
    global dictionary; a "char" tokenizer switched to jieba afterwards behaves the
    same (the mode is read on every call and saved in the config) and loads nothing.
    """
    tokenizer = ChineseTokenizer(nlp.vocab, segmenter=Segmenter.char)
    tokenizer.segmenter = Segmenter.jieba
    tokenizer.jieba_seg = segmenter
    return tokenizer
