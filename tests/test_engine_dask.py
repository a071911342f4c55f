"""The Dask engine gives the local engine's claims and findings, on a LocalCluster of 2 worker processes."""

from __future__ import annotations

import pytest

from checker.api import run
from checker.engine.cluster import dask_engine
from checker.kinds import KINDS
from checker.align import aligned_groups, claims_table
from tests.conftest import FIXTURES

pytest.importorskip("distributed", reason="the dask extra is not installed")


@pytest.fixture(scope="module")
def engine(fixtures_run):
    """Two worker processes forked from this one, after the local run: they start with the pipeline
    imported and the toolkit built (a spawned worker would import and load the dictionary again)."""
    import dask

    with dask.config.set({"distributed.worker.multiprocessing-method": "fork"}), dask_engine(workers=2) as running:
        yield running


def _toolkit_builds() -> dict:
    from checker.nlp import toolkit_for

    info = toolkit_for.cache_info()
    return {"calls": info.hits + info.misses, "builds": info.misses}


@pytest.fixture(scope="module")
def cluster_run(engine, pack):
    """One run of the fixtures on the cluster (no cache: every article is extracted there), with each
    worker's toolkit counters before and after: the two tests below read the same run."""
    before = engine.client.run(_toolkit_builds)
    result = run([FIXTURES], pack, engine=engine)
    return before, result, engine.client.run(_toolkit_builds)


def test_two_workers_find_what_the_local_engine_finds(cluster_run, fixtures_run):
    _, result, _ = cluster_run
    assert result.claims == fixtures_run.claims
    assert [f.model_dump() for f in result.findings] == [f.model_dump() for f in fixtures_run.findings]
    assert result.confirmations == fixtures_run.confirmations


def test_the_pack_is_shipped_once_per_worker_and_both_workers_extract(cluster_run):
    before, result, after = cluster_run
    calls = {w: after[w]["calls"] - before[w]["calls"] for w in after}
    builds = {w: after[w]["builds"] - before[w]["builds"] for w in after}
    assert len(after) == 2
    assert sum(calls.values()) == len(result.articles)  # every article was extracted on a worker
    assert all(n > 0 for n in calls.values())  # on both workers
    assert all(n <= 1 for n in builds.values())  # one toolkit per worker: the pack arrived once, not per task


@pytest.mark.parametrize("kind", [k for k in KINDS.values() if k.group_by], ids=lambda k: k.name)
def test_the_cluster_groups_claims_as_pandas_does(engine, pack, fixtures_run, kind):
    table = claims_table(fixtures_run.claims)
    assert engine.groups(table, pack, kind) == aligned_groups(table, pack, kind)


def test_a_scheduler_without_the_dask_engine_is_a_usage_error():
    from typer.testing import CliRunner

    from checker.cli import app

    outcome = CliRunner().invoke(app, ["report", str(FIXTURES), "--scheduler", "tcp://127.0.0.1:8786"])
    assert outcome.exit_code == 2
    assert "--scheduler needs --engine dask" in outcome.output
