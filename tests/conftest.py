"""Shared fixtures: the bundled rules pack and one pipeline run over the curated dataset."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.api import RunResult, run
from checker.rulepack import RulePack, load_rules

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def pack() -> RulePack:
    return load_rules()


@pytest.fixture(scope="session")
def fixtures_run(pack: RulePack) -> RunResult:
    return run([FIXTURES], pack)


@pytest.fixture(scope="session")
def seeds_run(pack: RulePack) -> RunResult:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the project (it is in CI)")
    return run([SEEDS], pack)
