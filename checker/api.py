"""The whole pipeline as one function: load -> extract (per article) -> align -> detect.

The CLI parses arguments, calls `run`, renders and maps the result to an exit
code; tests and other programs call `run` directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from checker.cache import ExtractionCache, RunKeys, cached_extractions, run_keys, store_extractions
from checker.engine import Engine
from checker.engine.local import LocalEngine
from checker.extraction import Extraction
from checker.load import MAX_BYTES, load_articles
from checker.models import Article, Candidate, Claim, Confirmation, Evidence, Finding, LoadProblem
from checker.rulepack import RulePack

if TYPE_CHECKING:
    from checker.detect.base import Aligner


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
    return _extract_cached(articles, run_keys(articles, pack).articles, pack, engine, progress, cache)


def _extract_cached(
    articles: list[Article], keys: list[str], pack: RulePack, engine: Engine, progress: Callable[[Article], None] | None, cache: ExtractionCache,
) -> list[Extraction]:
    done: list[Extraction | None] = cached_extractions(cache, articles, keys)
    if progress:
        for article, extraction in zip(articles, done):
            if extraction is not None:
                progress(article)
    missing = [index for index, extraction in enumerate(done) if extraction is None]
    fresh = list(engine.extract([articles[index] for index in missing], pack, progress)) if missing else []
    stored = [(keys[index], extraction) for index, extraction in zip(missing, fresh) if not extraction.problems]  # a crashed extraction is retried next run
    store_extractions(cache, [extraction for _, extraction in stored], [key for key, _ in stored])
    for index, extraction in zip(missing, fresh):
        done[index] = extraction
    return done  # type: ignore[return-value]  # every slot is filled


def detect_all(
    extractions: list[Extraction], articles: list[Article], pack: RulePack, aligner: Aligner | None = None,
    cache: ExtractionCache | None = None, keys: RunKeys | None = None,
) -> tuple[list[Finding], list[Confirmation]]:
    """checker.detect.detect over every claim; with a cache (and the run's `keys`), the
    findings of a set of articles run before are read back. A run where an extraction crashed
    neither reads nor stores them: its claims are not those the key stands for."""
    claims = [claim for extraction in extractions for claim in extraction.claims]
    if cache is None or keys is None or any(extraction.problems for extraction in extractions):
        return _detect(claims, articles, pack, aligner)
    from checker.cache_detections import cached_detection, detection_key, store_detection

    key = detection_key(keys)
    if (found := cached_detection(cache, key)) is not None:
        return found
    findings, confirmations = _detect(claims, articles, pack, aligner)
    store_detection(cache, key, findings, confirmations)
    return findings, confirmations


def _load_detection() -> None:
    """Import pandas and every detector (about half a second) while extraction workers run, not after them."""
    from checker.align import claims_table  # noqa: F401 - pandas
    from checker.detect import detectors

    detectors()


def _detect(claims: list[Claim], articles: list[Article], pack: RulePack, aligner: Aligner | None) -> tuple[list[Finding], list[Confirmation]]:
    from checker.detect import detect  # pandas and the detectors load only when detection runs

    return detect(claims, articles, pack, aligner)


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
    if isinstance(rules, RulePack):
        pack = rules
    elif cache is not None:
        from checker.cache_packs import cached_rules

        pack = cached_rules(cache, rules)
    else:
        from checker.rulepack import loader  # the YAML reader and the pack's checks load only when a pack is read

        pack = loader.load_rules(rules)
    articles, problems = load_articles(paths, default_date=default_date, max_bytes=max_bytes)
    articles = [*preloaded, *articles]
    if started:
        started(len(articles))
    engine = engine or LocalEngine(jobs, idle=_load_detection)
    keys = None
    if cache is None:
        extractions = extract_all(articles, pack, engine, progress)
    else:
        keys = run_keys(articles, pack)
        extractions = _extract_cached(articles, keys.articles, pack, engine, progress, cache)
    problems = problems + [problem for extraction in extractions for problem in extraction.problems]
    claims = [claim for extraction in extractions for claim in extraction.claims]
    findings, confirmations = detect_all(extractions, articles, pack, engine.aligner, cache, keys)
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
