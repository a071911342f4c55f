"""The Dask engine: extraction as Dask tasks, the grouping of claims as a Dask dataframe groupby.

For archives that outgrow one machine. The rules pack is scattered to every worker once
(`broadcast=True`): each task receives the worker's copy, so the pack is not pickled per
task and the per-pack toolkit (jieba dictionary, alias matcher) is built once per
worker, as in the local pool. Extraction stays the pure function `extract_guarded`, so the
findings are those of the local engine. The claims table is split into partitions and each
finding kind's groups are computed by `groupby(...).apply(list)` on the cluster; detection
then runs over the groups, which are small.

Dask is an optional dependency (`pip install 'claim-checker[dask]'`): the local engine needs
nothing beyond the base install. docs/scale.md says how to run it on a real cluster.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checker.align import claims_of_kind, with_aligned_subjects
from checker.engine import EngineUnavailable
from checker.engine.local import extract_guarded
from checker.extraction import Extraction
from checker.kinds import Kind
from checker.models import Article
from checker.rulepack import RulePack

if TYPE_CHECKING:
    import pandas as pd

ROWS_PER_PARTITION = 50_000  # claims per dataframe partition: big enough to amortize a task, small enough to spread
INSTALL_HINT = "the dask engine needs Dask: pip install 'claim-checker[dask]'"


def _distributed() -> Any:
    try:
        import dask.dataframe  # noqa: F401  (the groupby runs on it)
        import distributed
    except ImportError as exc:
        raise EngineUnavailable(INSTALL_HINT) from exc
    return distributed


@dataclass(frozen=True)
class DaskEngine:
    client: Any  # distributed.Client

    def extract(self, articles: list[Article], pack: RulePack, progress: Callable[[Article], None] | None = None) -> Iterator[Extraction]:
        """Yield the extractions in the order of `articles`, reporting progress as tasks finish."""
        distributed = _distributed()
        if not articles:
            return
        shipped = self.client.scatter(pack, broadcast=True, hash=False)
        futures = self.client.map(extract_guarded, articles, pack=shipped, pure=False)
        if progress:
            for future in distributed.as_completed(futures):
                progress(future.result().article)
        yield from self.client.gather(futures)

    @property
    def aligner(self) -> Callable[[pd.DataFrame, RulePack, Kind], list[tuple[tuple, list[str]]]]:
        return self.groups

    def groups(self, table: pd.DataFrame, pack: RulePack, kind: Kind) -> list[tuple[tuple, list[str]]]:
        """checker.align.aligned_groups on the cluster: the same keys, in sorted order, with the
        claim ids of each key in table order."""
        import dask.dataframe as dd

        if not kind.group_by:
            raise ValueError(f"{kind.name} declares no group_by: it groups its claims itself")
        rows = claims_of_kind(table, pack, kind.attribute_kind)
        if rows.empty:
            return []
        rows = rows.assign(position=range(len(rows)))
        frame = dd.from_pandas(rows, npartitions=max(1, math.ceil(len(rows) / ROWS_PER_PARTITION)))
        if "subject" in kind.group_by:
            frame = frame.map_partitions(with_aligned_subjects, pack, meta=frame._meta)
        # a tree reduction of row positions (no shuffle); positions become ids here, in table order
        collect = dd.Aggregation("positions", chunk=lambda s: s.apply(list), agg=lambda s: s.apply(_concatenated))
        positions = self.client.compute(frame.groupby(list(kind.group_by))["position"].agg(collect)).result()
        ids = rows["id"].tolist()
        return [
            (key if isinstance(key, tuple) else (key,), [ids[p] for p in sorted(found)])
            for key, found in sorted(positions.items())
        ]


def _concatenated(chunks: pd.Series) -> list[int]:
    return [position for chunk in chunks for position in chunk]


@contextmanager
def dask_engine(scheduler: str | None = None, workers: int = 2) -> Iterator[DaskEngine]:
    """A DaskEngine on the scheduler at `scheduler`, or on a local cluster of `workers` processes."""
    distributed = _distributed()
    if scheduler:
        try:
            client = distributed.Client(scheduler, timeout="20s")
        except OSError as exc:
            raise EngineUnavailable(f"no Dask scheduler answers at {scheduler} ({exc})") from exc
        try:
            yield DaskEngine(client)
        finally:
            client.close()
        return
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        yield DaskEngine(client)
