"""Memory on huge single articles (issues 13 and 15): a report is written in pieces, and what
a run holds grows with its claims, not with everything made on the way.

Bounds are ratios between two inputs 10x apart, never absolute sizes: what the pipeline
costs at rest differs between machines, how it grows does not.
"""

from __future__ import annotations

import json
import math
import tracemalloc
from dataclasses import replace

import pytest

from checker.extract import extract_article
from checker.load import make_article
from checker.output import Outcome, pieces
from checker.untrusted import dumps, dumps_pieces

DOCUMENTS = [
    {},
    {"a": []},
    {"a": [], "b": {}, "c": None, "d": "x"},
    {"schema_version": "1.3", "tool": {"name": "t", "version": "1"}, "claims": [{"text": "第一行\n第二行", "low": math.inf, "high": 2.5}], "summary": {"n": 1}},
    {"nested": [[1, [2, {"k": [3, {}]}]], {"deep": {"deeper": ["\u2028", "\"quoted\""]}}], "empty": [[], {}]},
]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_pieces_are_the_document_byte_for_byte(document):
    whole = dumps(document) + "\n"
    assert "".join(dumps_pieces(document)) == whole
    streamed = {key: iter(value) if isinstance(value, list) else value for key, value in document.items()}
    assert "".join(dumps_pieces(streamed)) == whole  # a list given as an iterator, item by item
    assert json.loads(whole) is not None


def test_an_iterator_is_written_item_by_item():
    made = []

    def records():
        for n in range(3):
            made.append(n)
            yield {"n": n}

    pieces = dumps_pieces({"claims": records(), "summary": {"claims": 3}})
    assert next(pieces) == '{\n  "claims": ' and made == []
    assert next(pieces) == '[\n    {\n      "n": 0\n    }' and made == [0]


# --- extraction: per-sentence state does not pile up --------------------------------------


def _article_text(lines: int) -> str:
    """News-style lines, each with figures, dates and names, and a sentence of prose without a claim."""
    return "".join(
        f"第{n}季度，阿里巴巴的通义千问模型参数达到{n + 100}亿，百度则在{2000 + n % 20}年发布了文心一言。"
        "分析人士认为，这一领域的竞争仍在加剧，各家公司都在加快产品迭代的节奏，并希望在明年吸引更多企业客户。\n"
        for n in range(lines)
    )


def _traced(function, *args):
    """(result, bytes it still holds, peak bytes while it ran), by tracemalloc."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        result = function(*args)
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, held - before, peak - before


@pytest.fixture(scope="module")
def extractions(pack):
    """Extraction of 12 and 120 lines, with what each result holds and the peak on the way."""
    extract_article(make_article("warm", "warm", _article_text(3), {}, 0, None), pack)  # the toolkit and caches
    return {lines: _traced(extract_article, make_article("x", "x", _article_text(lines), {}, 0, None), pack) for lines in (12, 120)}


def test_extraction_memory_grows_linearly(extractions):
    (small, _, small_peak), (large, _, large_peak) = extractions[12], extractions[120]
    assert len(large.claims) == 10 * len(small.claims)
    assert large_peak / small_peak < 15  # linear measures about 10


def test_extraction_peak_is_what_its_result_holds(extractions):
    """A sentence's tokens, mentions and names are let go once its claims are out: the peak is about
    the claims, mentions and names the extraction returns (it was 2.3x them with every sentence's
    tokens held to the end)."""
    for lines, (_, held, peak) in extractions.items():
        assert peak < 1.3 * held, f"{lines} lines: peak {peak:,} bytes for a result of {held:,}"


# --- the JSON report is written in pieces ------------------------------------------------


def _written(outcome: Outcome) -> int:
    """Characters of the JSON report, written to nowhere piece by piece."""
    return sum(len(piece) for piece in pieces(outcome, "json"))


def test_writing_the_json_report_holds_no_whole_document(fixtures_run):
    """Writing a report of 10x the claims takes about the same memory: one record at a time."""
    many = [claim.model_copy(update={"id": f"{claim.id}-{n}"}) for n in range(10) for claim in fixtures_run.claims]
    small, large = Outcome(fixtures_run), Outcome(replace(fixtures_run, claims=many))
    _written(small)  # renderer imported, caches warm
    (small_size, _, small_peak), (large_size, _, large_peak) = _traced(_written, small), _traced(_written, large)
    assert large_size > 5 * small_size
    assert large_peak < 3 * small_peak, f"peak {large_peak:,} bytes for 10x the claims, {small_peak:,} for 1x"
