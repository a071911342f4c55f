"""The whole pipeline as one function: load -> extract (per article) -> align -> detect.

The CLI parses arguments, calls `run`, renders and maps the result to an exit
code; tests and other programs call `run` directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checker.cache import ExtractionCache, cached_extractions, store_extractions
from checker.detect import detect
from checker.engine import Engine
from checker.engine.local import LocalEngine
from checker.extraction import Extraction
from checker.load import MAX_BYTES, load_articles
from checker.models import Article, Candidate, Claim, Confirmation, Evidence, Finding, LoadProblem
from checker.rulepack import RulePack, load_rules


@dataclass(frozen=True)
class RunResult:
    pack: RulePack
    articles: list[Article]
    problems: list[LoadProblem]
    claims: list[Claim]
    findings: list[Finding]
    confirmations: list[Confirmation] = field(default_factory=list)
    unresolved_dates: list[Evidence] = field(default_factory=list)
    mentions: dict[str, list] = field(default_factory=dict)
    candidates: list[Candidate] = field(default_factory=list)  # names the pack does not know

    @property
    def read_nothing(self) -> bool:
        return not self.articles


def extract_all(
    articles: list[Article],
    pack: RulePack,
    engine: Engine = LocalEngine(),
    progress: Callable[[Article], None] | None = None,
    cache: ExtractionCache | None = None,
) -> list[Extraction]:
    """Extract every article on `engine`; order follows `articles`.

    With a cache, unchanged articles are read back and only the rest are extracted (and stored)."""
    if cache is None:
        return list(engine.extract(articles, pack, progress))
    done: list[Extraction | None] = cached_extractions(cache, articles, pack)
    if progress:
        for article, extraction in zip(articles, done):
            if extraction is not None:
                progress(article)
    missing = [index for index, extraction in enumerate(done) if extraction is None]
    fresh = list(engine.extract([articles[index] for index in missing], pack, progress)) if missing else []
    store_extractions(cache, [extraction for extraction in fresh if not extraction.problems], pack)  # a crashed extraction is retried next run
    for index, extraction in zip(missing, fresh):
        done[index] = extraction
    return done  # type: ignore[return-value]  # every slot is filled


def run(
    paths: Iterable[str | Path],
    rules: str | Path | RulePack | None = None,
    default_date: dt.date | None = None,
    jobs: int = 1,
    progress: Callable[[Article], None] | None = None,
    max_bytes: int = MAX_BYTES,
    cache: ExtractionCache | None = None,
    engine: Engine | None = None,
    started: Callable[[int], None] | None = None,
    preloaded: Sequence[Article] = (),
) -> RunResult:
    """Load articles, extract claims, align and detect, on `engine` (default: `jobs` local
    processes, 0: one per core). `started` is told the number of articles once they are
    loaded (a progress bar's total), `progress` each article extracted. `preloaded`
    articles (read from standard input) come first. Raises RulesError for a bad pack."""
    pack = rules if isinstance(rules, RulePack) else load_rules(rules)
    articles, problems = load_articles(paths, default_date=default_date, max_bytes=max_bytes)
    articles = [*preloaded, *articles]
    if started:
        started(len(articles))
    engine = engine or LocalEngine(jobs)
    extractions = extract_all(articles, pack, engine, progress, cache)
    problems = problems + [problem for extraction in extractions for problem in extraction.problems]
    claims = [claim for extraction in extractions for claim in extraction.claims]
    findings, confirmations = detect(claims, articles, pack, engine.aligner)
    return RunResult(
        pack=pack,
        articles=articles,
        problems=problems,
        claims=claims,
        findings=findings,
        confirmations=confirmations,
        unresolved_dates=[e for extraction in extractions for e in extraction.unresolved_dates],
        mentions={extraction.article.id: extraction.mentions for extraction in extractions},
        candidates=[c for extraction in extractions for c in extraction.candidates],
    )
