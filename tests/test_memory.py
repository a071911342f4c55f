"""Memory on huge single articles (issues 13 and 15): a report is written in pieces, and what
a run holds grows with its claims, not with everything made on the way.

Bounds are ratios between two inputs 10x apart, never absolute sizes: what the pipeline
costs at rest differs between machines, how it grows does not.
"""

from __future__ import annotations

import json
import math

import pytest

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
