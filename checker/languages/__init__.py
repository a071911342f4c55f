"""The language seam: grammar words of each language, as data shipped in the package.

Particles, quotation marks, pronoun-like cues, month names: words that are no domain's (a
domain pack changes its `lexicon`, not these) but that the extractors must know to read a
language. Each language is one table, `<code>.yaml` beside this module, validated like a rules
pack file (a wrong key or value is an error naming the file and the line). Articles mix
languages (English names in Chinese sentences), so the extractors read the words of every
language at once: `grammar()` merges the tables of `LANGUAGES`, in that order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from checker.languages.schema import Grammar, LanguageTable
from checker.rulepack.parse import validate
from checker.rulepack.problems import ProblemsError, RuleProblem
from checker.yaml_lines import YamlProblem, load_yaml_with_lines, read_yaml_text

__all__ = ["LANGUAGES", "Grammar", "LanguageError", "alternation", "char_class", "grammar", "load_grammar", "load_table"]

HERE = Path(__file__).resolve().parent
LANGUAGES = ("zh", "en")  # merge order: it decides which quotation marks are tried first


class LanguageError(ProblemsError):
    """A language table that does not load."""


def load_table(path: Path) -> LanguageTable:
    """One language table, validated; LanguageError names the file and line of every problem."""
    problems: list[RuleProblem] = []
    try:
        data, lines = load_yaml_with_lines(read_yaml_text(path))
    except (OSError, UnicodeDecodeError, YamlProblem) as exc:
        raise LanguageError([RuleProblem(str(path), getattr(exc, "line", None), f"cannot read language table: {exc}", code="RP003")]) from exc
    table = validate(LanguageTable, data if data is not None else {}, (data, lines, str(path)), (), problems)
    if table is None:
        raise LanguageError(problems)
    return table


def load_grammar(directory: Path, languages: tuple[str, ...]) -> Grammar:
    """The merged words of `languages`, each read from `<directory>/<code>.yaml`."""
    return Grammar.merged([load_table(directory / f"{code}.yaml") for code in languages])


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The words of `LANGUAGES`, read from `HERE` once per process."""
    return load_grammar(HERE, LANGUAGES)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first (so 十亿 is tried before 亿); empty for no words."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def char_class(chars: tuple[str, ...]) -> str:
    """A regex character class for single characters (numerals, particles)."""
    return "[" + "".join(re.escape(c) for c in chars) + "]"
