"""The local pool: the same extractions as one process, in article order, and the main process's
own work (`idle`) done while the workers extract."""

from __future__ import annotations

import multiprocessing

import pytest

from checker.api import extract_all
from checker.engine import local
from checker.engine.local import LocalEngine
from tests.test_stages import article


def texts(count: int) -> list:
    return [article(f"文曲科技的星河模型有{100 + n}亿参数。", article_id=f"n{n}") for n in range(count)]


def test_workers_return_every_extraction_in_order_with_its_article(pack):
    items = texts(5)
    calls = []
    parallel = extract_all(items, pack, LocalEngine(jobs=2, idle=lambda: calls.append("idle")))
    assert parallel == extract_all(items, pack)
    assert [e.article for e in parallel] == items
    assert calls == ["idle"]


def test_one_process_has_nothing_to_do_beside_extraction(pack):
    extract_all(texts(2), pack, LocalEngine(jobs=1, idle=lambda: pytest.fail("idle ran without workers")))


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers are forked on Linux only")
def test_forked_workers_leave_the_first_article_to_the_main_process(pack, monkeypatch):
    items = texts(4)
    seen = []
    real = local.extract_guarded
    monkeypatch.setattr(local, "extract_guarded", lambda a, p: seen.append(a.id) or real(a, p))
    assert [e.article.id for e in extract_all(items, pack, LocalEngine(jobs=2))] == ["n0", "n1", "n2", "n3"]
    assert seen == ["n0"]  # the workers record theirs in their own processes

