"""Where extraction runs: in this process, in a pool of worker processes, or on a Dask cluster.

Every engine maps the pure function `extract_article(article, pack)` over the articles
and returns the extractions in the order of the articles, so the findings do not depend
on the engine or on the number of workers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from checker.detect.base import Aligner
    from checker.extraction import Extraction
    from checker.models import Article
    from checker.rulepack import RulePack


class EngineUnavailable(RuntimeError):
    """The engine asked for cannot run here (a missing optional dependency, an unreachable scheduler)."""


class Engine(Protocol):
    """Runs the two stages that grow with the archive: extraction, and the grouping of claims."""

    @property
    def aligner(self) -> Aligner | None:
        """How claims are grouped for detection; None: pandas in this process."""

    def extract(self, articles: list[Article], pack: RulePack, progress: Callable[[Article], None] | None = None) -> Iterable[Extraction]:
        """The extraction of every article, in the order of `articles`."""
