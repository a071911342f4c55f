"""The extraction cache: same results warm as cold, and never a failed run because of it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import warnings

import pytest
from typer.testing import CliRunner

from checker.api import run
from checker.cache import CACHE_ENV, FILE_NAME, ExtractionCache, default_cache_dir
from checker.cli import app

runner = CliRunner()

ARTICLES = {
    "a.md": "---\ndate: 2024-03-02\n---\n星尘科技上周发布的盘古大模型有2000亿参数。\n",
    "b.md": "---\ndate: 2024-03-05\n---\n据报道，盘古大模型的参数规模为1800亿。GPT-3有1750亿参数。\n",
    "c.md": "---\ndate: 2024-03-06\n---\nGPT-3 has 175 billion parameters, the lab said on Monday.\n",
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def same_run(left, right) -> bool:
    return (left.claims, left.findings, left.mentions, left.candidates, left.unresolved_dates) == (
        right.claims, right.findings, right.mentions, right.candidates, right.unresolved_dates)


def test_a_warm_run_reads_every_extraction_back_and_finds_the_same(pack, corpus, tmp_path, monkeypatch):
    cold = run([corpus], pack, cache=ExtractionCache(tmp_path / "cache"))
    assert ExtractionCache(tmp_path / "cache").info().entries == len(ARTICLES)
    monkeypatch.setattr("checker.engine.local.extract_article", lambda *_: pytest.fail("a cached article was extracted again"))
    warm = run([corpus], pack, cache=ExtractionCache(tmp_path / "cache"))
    assert same_run(cold, warm) and cold.claims


def test_only_a_changed_article_is_extracted_again(pack, corpus, tmp_path, monkeypatch):
    run([corpus], pack, cache=ExtractionCache(tmp_path / "cache"))
    (corpus / "c.md").write_text(ARTICLES["c.md"].replace("175 billion", "180 billion"), encoding="utf-8")
    from checker.engine import local

    seen = []
    real = local.extract_article
    monkeypatch.setattr(local, "extract_article", lambda article, p: seen.append(article.id) or real(article, p))
    warm = run([corpus], pack, cache=ExtractionCache(tmp_path / "cache"))
    assert seen == ["c"]
    assert same_run(warm, run([corpus], pack))


def test_another_pack_or_article_date_misses(pack, corpus, tmp_path):
    cache = ExtractionCache(tmp_path / "cache")
    run([corpus], pack, cache=cache)
    fewer = dataclasses.replace(pack, entities=dict(list(pack.entities.items())[1:]))
    run([corpus], fewer, cache=cache)
    run([corpus], pack, default_date=dt.date(2020, 1, 1), cache=cache)  # every article has a date: same keys
    assert cache.info().entries == 2 * len(ARTICLES)


def test_a_corrupt_cache_is_rebuilt_not_fatal(pack, corpus, tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(b"this is not a database" * 100)
    with pytest.warns(RuntimeWarning, match="rebuilding"):
        result = run([corpus], pack, cache=ExtractionCache(folder))
    assert same_run(result, run([corpus], pack))
    assert ExtractionCache(folder).info().entries == len(ARTICLES)


def test_a_damaged_entry_is_a_miss(pack, corpus, tmp_path):
    folder = tmp_path / "cache"
    run([corpus], pack, cache=ExtractionCache(folder))
    with sqlite3.connect(folder / FILE_NAME) as db:
        db.execute("UPDATE extractions SET data = ?", (b"\x00garbage",))
    assert same_run(run([corpus], pack, cache=ExtractionCache(folder)), run([corpus], pack))


def test_a_cache_locked_by_another_run_only_skips_the_write(pack, corpus, tmp_path):
    folder = tmp_path / "cache"
    ExtractionCache(folder).put_many([("before", b"x")])
    other = sqlite3.connect(folder / FILE_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a lock is ordinary: no warning, no rebuild
            cache = ExtractionCache(folder)
            cache.put_many([("k", b"v")])
            result = run([corpus], pack, cache=cache)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert same_run(result, run([corpus], pack))
    assert ExtractionCache(folder).get_many(["before"]) == {"before": b"x"}  # waited out, not rebuilt


def test_interleaved_writers_leave_a_consistent_file(tmp_path):
    first, second = ExtractionCache(tmp_path), ExtractionCache(tmp_path)
    for n in range(50):
        (first if n % 2 else second).put_many([(f"k{n}", bytes([n]) * 100), ("shared", bytes([n]))])
    assert first.get_many(["shared", "k0", "k49"]) == {"shared": bytes([49]), "k0": b"\x00" * 100, "k49": bytes([49]) * 100}
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert first.info().entries == 51


def test_the_suite_never_touches_the_user_cache(private_cache, monkeypatch):
    assert default_cache_dir() == private_cache
    monkeypatch.delenv(CACHE_ENV)
    assert default_cache_dir() != private_cache and default_cache_dir().name == "claim-checker"


def test_cli_caches_by_default_and_cache_commands_show_and_clear_it(corpus, tmp_path):
    folder = tmp_path / "cli-cache"
    args = ["report", str(corpus), "-f", "json", "--cache-dir", str(folder)]
    cold = runner.invoke(app, args)
    assert cold.exit_code == 0, cold.output
    assert runner.invoke(app, args).stdout == cold.stdout
    shown = runner.invoke(app, ["cache", "info", "--cache-dir", str(folder)])
    assert shown.exit_code == 0 and f"{len(ARTICLES)} extractions" in shown.stdout
    cleared = runner.invoke(app, ["cache", "clear", "--cache-dir", str(folder)])
    assert cleared.exit_code == 0 and f"({len(ARTICLES)} extractions)" in cleared.output
    assert "empty" in runner.invoke(app, ["cache", "info", "--cache-dir", str(folder)]).stdout
    uncached = runner.invoke(app, [*args, "--no-cache"])
    assert uncached.stdout == cold.stdout and not (folder / FILE_NAME).exists()


WARM_RUN = """
import sys
from checker.api import run
from checker.cache import ExtractionCache
from pathlib import Path
cache = ExtractionCache(Path(sys.argv[2]))
result = run([sys.argv[1]], cache=cache)
cache.close()
print(len(result.findings), " ".join(m for m in ("spacy", "jieba", "pandas") if m in sys.modules))
"""


def test_a_run_the_cache_answers_loads_no_nlp_pipeline(pack, corpus, tmp_path):
    """Warm runs (a CI re-run on an unchanged dataset) skip jieba and, with their findings read back,
    pandas and the detectors; no run imports spaCy."""
    import subprocess
    import sys

    cache_dir = tmp_path / "cache"
    cold = subprocess.run([sys.executable, "-c", WARM_RUN, str(corpus), str(cache_dir)], capture_output=True, text=True, timeout=300)
    warm = subprocess.run([sys.executable, "-c", WARM_RUN, str(corpus), str(cache_dir)], capture_output=True, text=True, timeout=300)
    assert cold.returncode == warm.returncode == 0, cold.stderr + warm.stderr
    assert cold.stdout.split()[1:] == ["jieba", "pandas"]
    assert warm.stdout.split() == cold.stdout.split()[:1]  # the same findings, and nothing of the pipeline loaded
