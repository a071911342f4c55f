"""What keeps the tool fast: one jieba dictionary per process, workers that get the pack once."""

from __future__ import annotations

import subprocess
import sys

import jieba
import pytest

from checker.api import run
from checker.engine.local import available_cores, chunk_size, worker_count
from checker.nlp import toolkit_for
from tests.conftest import FIXTURES, ROOT


def test_the_toolkit_segments_with_the_pack_and_never_loads_the_global_dictionary(pack, fixtures_run):
    toolkit = toolkit_for(pack)
    alias = next(a for e in pack.entities.values() for a in e.aliases if not a.isascii() and len(a) > 2)
    assert alias in [t.text for t in toolkit.tokens(f"据报道{alias}发布了新版本。")]
    assert toolkit.segmenter._jieba is not jieba.dt
    assert not jieba.dt.initialized


def test_one_worker_per_core_finds_exactly_what_one_process_finds(pack, fixtures_run):
    parallel = run([FIXTURES], pack, jobs=0)
    assert [a.id for a in parallel.articles] == [a.id for a in fixtures_run.articles]
    assert parallel.claims == fixtures_run.claims
    assert parallel.findings == fixtures_run.findings


@pytest.mark.parametrize(
    ("articles", "workers", "expected"),
    [(1, 2, 1), (7, 2, 1), (20, 2, 3), (170, 2, 8), (1000, 2, 8), (1000, 16, 8)],
)
def test_chunks_give_each_worker_several_tasks_and_stay_bounded(articles, workers, expected):
    assert chunk_size(articles, workers) == expected


def test_jobs_zero_means_one_worker_per_available_core():
    assert worker_count(0) == available_cores() >= 1
    assert worker_count(3) == 3


LIGHT_COMMAND = """
import sys
from checker.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    sys.stderr.write("\\nloaded: " + " ".join(m for m in ("spacy", "pandas", "jieba", "pyarrow") if m in sys.modules))
"""


@pytest.mark.parametrize("args", [["--help"], ["explain", "NUM001"], ["rules", "validate"]])
def test_commands_that_read_no_article_do_not_load_the_nlp_pipeline(args):
    done = subprocess.run([sys.executable, "-c", LIGHT_COMMAND, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    assert done.stderr.splitlines()[-1] == "loaded: ", done.stderr


HELP_ONLY = """
import sys
from checker.cli import app
try:
    app(["--help"], standalone_mode=False)
finally:
    sys.stderr.write("\\nloaded: " + " ".join(m for m in ("pydantic", "checker.models", "checker.rulepack.schema", "checker.check.core", "checker.values") if m in sys.modules))
"""


def test_help_loads_neither_the_data_models_nor_the_gate():
    """`checker --help` names option types (severities, formats) without building what runs them."""
    done = subprocess.run([sys.executable, "-c", HELP_ONLY], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1] == "loaded: ", done.stderr
