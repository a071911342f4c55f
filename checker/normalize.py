"""Stage 2: fold text for matching without moving any character.

Full-width forms become half-width (NFKC, one character at a time), Traditional
Chinese becomes Simplified (OpenCC t2s, one character at a time) and URLs and
Markdown image links are blanked out. Every step maps one character to exactly
one character, so an offset in the normalized text is the same offset in the
original: no offset map can drift.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
MASKED = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|\]\((?:https?://|www\.)[^)\s]*\)|https?://\S+|www\.\S+")
# characters opencc maps differently only inside phrases are rare; t2s per character is safe
TRADITIONAL_SHARE = 0.03


@dataclass(frozen=True)
class NormalizedText:
    text: str
    traditional: bool


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _fold_char(char: str) -> str:
    if char.isascii():
        return char
    folded = unicodedata.normalize("NFKC", char)
    if len(folded) != 1:
        return char
    simplified = _t2s().convert(folded)
    return simplified if len(simplified) == 1 else folded


def traditional_share(text: str) -> float:
    """Share of CJK characters that OpenCC would change into Simplified."""
    cjk = CJK.findall(text)
    if not cjk:
        return 0.0
    changed = sum(1 for char in cjk if _fold_char(char) != char)
    return changed / len(cjk)


def detect_language(text: str) -> str:
    """zh-Hans, zh-Hant, en or mixed, from the share of CJK characters and Latin words."""
    cjk = len(CJK.findall(text))
    latin_words = len(LATIN_WORD.findall(text))
    if cjk == 0 or latin_words > cjk:
        return "en"
    if traditional_share(text) >= TRADITIONAL_SHARE:
        return "zh-Hant"
    if latin_words * 4 > cjk:
        return "mixed"
    return "zh-Hans"


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def normalize(text: str, language: str | None = None) -> NormalizedText:
    """Fold `text` character by character; the result has the same length."""
    folded = "".join(_fold_char(char) for char in text)
    folded = MASKED.sub(_blank, folded)
    traditional = language == "zh-Hant" if language else traditional_share(text) >= TRADITIONAL_SHARE
    return NormalizedText(text=folded, traditional=traditional)
