"""Extraction in this process or in a pool of local worker processes.

A worker receives the rules pack once, through the pool's initializer, and keeps it
in a module global: the pack is not pickled with every task. Where workers are forked,
the main process extracts the first article before starting them, so the toolkit (jieba
dictionary, alias matcher), jionlp and every pattern compiled on first use are built once
and inherited. Results come back without their article (the main process has it).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from checker.extraction import Extraction
from checker.models import Article, Candidate, Claim, Evidence, LoadProblem, Mention
from checker.rulepack import RulePack

TASKS_PER_WORKER = 4  # chunks per worker: large enough to amortize a round trip, small enough to balance uneven articles
MAX_CHUNK = 8  # keeps progress moving, the last tasks short (no worker idles long at the end) and one result batch small

_worker_pack: RulePack | None = None


def available_cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS and Windows have no affinity call
        return os.cpu_count() or 1


def worker_count(jobs: int) -> int:
    """--jobs as a number of processes: 0 means one per available core."""
    return available_cores() if jobs == 0 else jobs


def chunk_size(articles: int, workers: int) -> int:
    """Articles per task so that each worker gets about TASKS_PER_WORKER tasks."""
    return max(1, min(MAX_CHUNK, math.ceil(articles / (workers * TASKS_PER_WORKER))))


def extract_article(article: Article, pack: RulePack) -> Extraction:
    """checker.extract.extract_article, imported on first use: the NLP pipeline (jieba, jionlp) loads
    when an article is extracted, not for a run the extraction cache answers."""
    from checker.extract import extract_article as extract

    return extract(article, pack)


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
        return Extraction(article=article, claims=[], problems=[LoadProblem(path=article.path, message=message, code="LD090")])


def extract_local(
    articles: list[Article], pack: RulePack, jobs: int = 1, progress: Callable[[Article], None] | None = None, idle: Callable[[], None] | None = None,
) -> Iterator[Extraction]:
    """Yield the extraction of each article in order, in `jobs` processes (0: one per core). With
    workers, `idle` runs in this process once their tasks are queued, while they extract."""
    workers = min(worker_count(jobs), len(articles))
    if workers <= 1:
        for article in articles:
            extraction = extract_guarded(article, pack)
            if progress:
                progress(article)
            yield extraction
        return
    from concurrent.futures import ProcessPoolExecutor  # loads for parallel runs only

    done = _warm_before_fork(pack, articles[0])
    if done is not None:
        if progress:
            progress(articles[0])
        yield done
    rest = articles[1:] if done is not None else articles
    with ProcessPoolExecutor(max_workers=min(workers, len(rest)), initializer=_receive_pack, initargs=(pack,)) as pool:
        found = pool.map(_extract_with_worker_pack, rest, chunksize=chunk_size(len(rest), workers))
        if idle:
            idle()
        for article, result in zip(rest, found, strict=True):
            if progress:
                progress(article)
            yield Extraction(article, *result)


@dataclass(frozen=True)
class LocalEngine:
    """The default engine: `jobs` processes of this machine (0: one per core), pandas for the grouping."""

    jobs: int = 1
    aligner: None = None
    idle: Callable[[], None] | None = None  # work for this process while its workers extract (checker.api: load the detectors)

    def extract(self, articles: list[Article], pack: RulePack, progress: Callable[[Article], None] | None = None) -> Iterator[Extraction]:
        return extract_local(articles, pack, self.jobs, progress, self.idle)


def _warm_before_fork(pack: RulePack, first: Article) -> Extraction | None:
    """Where workers are forked, import the extractors, build the pack's toolkit and extract the
    first article here: every worker then inherits the jieba dictionary, jionlp and the patterns
    compiled on first use, loaded once instead of once per worker. The first article's extraction,
    or None where workers are not forked (they start from nothing whatever is done here)."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        return None
    return extract_guarded(first, pack)


def _receive_pack(pack: RulePack) -> None:
    global _worker_pack
    _worker_pack = pack


Found = tuple[list[Claim], list[Mention], list[Evidence], list[Candidate], list[LoadProblem]]


def _extract_with_worker_pack(article: Article) -> Found:
    """An extraction without its article, which the main process holds already: the article's text
    does not cross the process boundary twice."""
    if _worker_pack is None:
        raise RuntimeError("extraction worker started without its rules pack (the pool initializer did not run)")
    extraction = extract_guarded(article, _worker_pack)
    return extraction.claims, extraction.mentions, extraction.unresolved_dates, extraction.candidates, extraction.problems
