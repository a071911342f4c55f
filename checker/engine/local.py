"""Extraction in this process or in a pool of local worker processes.

A worker receives the rules pack once, through the pool's initializer, and keeps it
in a module global: the pack is not pickled with every task, and the per-pack
toolkit (jieba dictionary, alias matcher) is built once per worker.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from checker.extraction import Extraction
from checker.models import Article, LoadProblem
from checker.rulepack import RulePack

TASKS_PER_WORKER = 4  # chunks per worker: large enough to amortize a round trip, small enough to balance uneven articles
MAX_CHUNK = 32  # keeps progress moving and the memory of one result batch bounded

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


def extract_local(articles: list[Article], pack: RulePack, jobs: int = 1, progress: Callable[[Article], None] | None = None) -> Iterator[Extraction]:
    """Yield the extraction of each article in order, in `jobs` processes (0: one per core)."""
    workers = min(worker_count(jobs), len(articles))
    if workers <= 1:
        for article in articles:
            extraction = extract_guarded(article, pack)
            if progress:
                progress(article)
            yield extraction
        return
    from concurrent.futures import ProcessPoolExecutor  # loads for parallel runs only

    _warm_before_fork(pack)
    with ProcessPoolExecutor(max_workers=workers, initializer=_receive_pack, initargs=(pack,)) as pool:
        for extraction in pool.map(_extract_with_worker_pack, articles, chunksize=chunk_size(len(articles), workers)):
            if progress:
                progress(extraction.article)
            yield extraction


@dataclass(frozen=True)
class LocalEngine:
    """The default engine: `jobs` processes of this machine (0: one per core), pandas for the grouping."""

    jobs: int = 1
    aligner: None = None

    def extract(self, articles: list[Article], pack: RulePack, progress: Callable[[Article], None] | None = None) -> Iterator[Extraction]:
        return extract_local(articles, pack, self.jobs, progress)


def _warm_before_fork(pack: RulePack) -> None:
    """Where workers are forked, import the extractors and build the pack's toolkit here first: every
    worker then inherits them, and the jieba dictionary is loaded once, not once per worker."""
    import multiprocessing

    if multiprocessing.get_start_method() == "fork":
        import checker.extract  # noqa: F401 - the extractors and the date and number readers
        from checker.nlp import toolkit_for

        toolkit_for(pack)


def _receive_pack(pack: RulePack) -> None:
    global _worker_pack
    _worker_pack = pack


def _extract_with_worker_pack(article: Article) -> Extraction:
    if _worker_pack is None:
        raise RuntimeError("extraction worker started without its rules pack (the pool initializer did not run)")
    return extract_guarded(article, _worker_pack)
