"""The whole pipeline as one function: load -> extract (per article) -> align -> detect.

The CLI parses arguments, calls `run`, renders and maps the result to an exit
code; tests and other programs call `run` directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from checker.detect import detect
from checker.extract import Extraction, extract_article
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


def extract_guarded(article: Article, pack: RulePack) -> Extraction:
    """Extract one article; a crash inside becomes a problem for that article alone.

    Input is untrusted and the extractors are many: one article that trips a bug must
    not cost the run every other article's findings. The article stays listed, with
    no claims and the problem saying why.
    """
    try:
        return extract_article(article, pack)
    except Exception as exc:  # noqa: BLE001 - isolation boundary of one article
        message = f"internal error while extracting claims ({type(exc).__name__}: {exc}); this article's claims are left out"
        return Extraction(article=article, claims=[], problems=[LoadProblem(path=article.path, message=message)])


def extract_all(articles: list[Article], pack: RulePack, jobs: int = 1, progress: Callable[[Article], None] | None = None) -> list[Extraction]:
    """Extract every article, in worker processes when jobs > 1; order follows `articles`."""
    if jobs > 1 and len(articles) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = []
            for extraction in pool.map(partial(extract_guarded, pack=pack), articles, chunksize=4):
                results.append(extraction)
                if progress:
                    progress(extraction.article)
            return results
    results = []
    for article in articles:
        results.append(extract_guarded(article, pack))
        if progress:
            progress(article)
    return results


def run(
    paths: Iterable[str | Path],
    rules: str | Path | RulePack | None = None,
    default_date: dt.date | None = None,
    jobs: int = 1,
    progress: Callable[[Article], None] | None = None,
    max_bytes: int = MAX_BYTES,
) -> RunResult:
    """Load articles, extract claims, align and detect. Raises RulesError for a bad pack."""
    pack = rules if isinstance(rules, RulePack) else load_rules(rules)
    articles, problems = load_articles(paths, default_date=default_date, max_bytes=max_bytes)
    extractions = extract_all(articles, pack, jobs, progress)
    problems = problems + [problem for extraction in extractions for problem in extraction.problems]
    claims = [claim for extraction in extractions for claim in extraction.claims]
    findings, confirmations = detect(claims, articles, pack)
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
