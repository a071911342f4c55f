"""Shared fixtures: the bundled rules pack (loaded once for the whole session, CLI calls included)
and one pipeline run over the curated dataset."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.rulepack import loader
from checker.api import RunResult, run
from checker.cache import CACHE_ENV
from checker.rulepack import RulePack, load_rules

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory):
    """The suite never reads or writes the user's real extraction cache: every run
    (and every subprocess) caches into a temporary folder of the session."""
    folder = tmp_path_factory.mktemp("extraction-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv(CACHE_ENV, str(folder))
    yield folder
    patch.undo()


@pytest.fixture(scope="session")
def bundled_pack() -> RulePack:
    return load_rules()


@pytest.fixture(scope="session")
def pack(bundled_pack: RulePack) -> RulePack:
    """The pack most tests read; a module may override it with its own."""
    return bundled_pack


@pytest.fixture(scope="session", autouse=True)
def bundled_pack_once(bundled_pack: RulePack):
    """A run without --rules reads the bundled pack: in the suite that is the session's `pack`, not a
    new load per CLI call (a few hundred calls, 0.1-0.2 s each). Runs given a rules folder load it."""
    patch = pytest.MonkeyPatch()
    real = loader.load_rules
    patch.setattr(loader, "load_rules", lambda rules=None: bundled_pack if rules is None else real(rules))
    yield
    patch.undo()


@pytest.fixture(scope="session")
def fixtures_run(pack: RulePack) -> RunResult:
    return run([FIXTURES], pack)


@pytest.fixture(scope="session")
def seeds_run(pack: RulePack) -> RunResult:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the project (it is in CI)")
    return run([SEEDS], pack)
