"""Offsets to (line, column) in an article's file, for people and for CI annotations."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from checker.models import Article


@lru_cache(maxsize=256)
def _line_starts(text: str) -> tuple[int, ...]:
    return (0,) + tuple(i + 1 for i, ch in enumerate(text) if ch == "\n")


def line_col(article: Article, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of `offset` in the article text."""
    starts = _line_starts(article.text)
    line = bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1
