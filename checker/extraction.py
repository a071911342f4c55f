"""What extracting one article yields: a plain record, importable without the NLP pipeline.

A run whose articles are all in the extraction cache reads these back and never loads jieba
or jionlp (checker.cache, checker.api); checker.extract produces them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.models import Article, Candidate, Claim, Evidence, LoadProblem, Mention


@dataclass(frozen=True)
class Extraction:
    article: Article
    claims: list[Claim]
    mentions: list[Mention] = field(default_factory=list)  # article offsets
    unresolved_dates: list[Evidence] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)  # names the pack does not know, article offsets
    problems: list[LoadProblem] = field(default_factory=list)  # why extraction stopped short (see checker.engine.local.extract_guarded)
