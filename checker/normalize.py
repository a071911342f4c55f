"""Stage 2: fold text for matching without moving any character.

Full-width forms become half-width (NFKC, one character at a time), Traditional
Chinese becomes Simplified (OpenCC t2s, one character at a time) and URLs and
Markdown image links are blanked out. Every step maps one character to exactly
one character, so an offset in the normalized text is the same offset in the
original: no offset map can drift.

The one exception is format characters (zero-width spaces and joiners, bidi marks and
overrides, soft hyphens): invisible, yet inside `17\u200b50亿` they would split one
figure into two. `remove_format_characters` deletes them before anything is read and
returns the map that takes every offset back into the original text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Bounded repeats: with `*`, a line of 100k unclosed `![` rescans to its end from every
# start (quadratic); no image alt text or link target is longer than these.
MASKED = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)|\]\((?:https?://|www\.)[^)\s]{0,2000}\)|https?://\S+|www\.\S+")
# Unicode's format characters (category Cf): invisible, and never part of a word or number.
FORMAT_CHARACTERS = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)
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


@dataclass(frozen=True)
class FormatFree:
    """`text` without format characters; `removed` their offsets in the original, sorted."""

    text: str
    removed: tuple[int, ...]

    def to_original(self, offset: int) -> int:
        """The original offset of the character at `offset` of `text` (or of its end)."""
        # the k-th kept character moved left by the number of removed ones before it
        low, high = offset, offset + len(self.removed)
        while low < high:  # smallest o with o - removed_before(o) == offset and o not removed
            middle = (low + high) // 2
            if middle - bisect.bisect_left(self.removed, middle) < offset:
                low = middle + 1
            else:
                high = middle
        while bisect.bisect_left(self.removed, low) < len(self.removed) and self.removed[bisect.bisect_left(self.removed, low)] == low:
            low += 1
        return low

    def end_to_original(self, end: int) -> int:
        """The original offset just after the character before `end` (a span's end)."""
        return 0 if end == 0 else self.to_original(end - 1) + 1

    def to_cleaned(self, offset: int) -> int:
        """The offset in `text` of the original offset `offset`."""
        return offset - bisect.bisect_left(self.removed, offset)


def remove_format_characters(text: str) -> FormatFree | None:
    """`text` without its format characters, or None when it has none (the usual case)."""
    removed = tuple(m.start() for m in FORMAT_CHARACTERS.finditer(text))
    if not removed:
        return None
    return FormatFree(text=FORMAT_CHARACTERS.sub("", text), removed=removed)


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def normalize(text: str, language: str | None = None) -> NormalizedText:
    """Fold `text` character by character; the result has the same length."""
    folded = "".join(_fold_char(char) for char in text)
    folded = MASKED.sub(_blank, folded)
    traditional = language == "zh-Hant" if language else traditional_share(text) >= TRADITIONAL_SHARE
    return NormalizedText(text=folded, traditional=traditional)
