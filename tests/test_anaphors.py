"""Descriptions that point back: a modified definite noun and an indefinite one opening a relative clause."""

from __future__ import annotations

import pytest

from checker.claims.anaphors import find_anaphor


def _found(pack, text: str) -> tuple[str, str] | None:
    hit = find_anaphor(pack, text, 0, len(text))
    return None if hit is None else (hit.label, text[hit.start:hit.end])


@pytest.mark.parametrize(
    ("text", "label", "phrase"),
    [
        ("By March the Lisbon company had shipped two models.", "organization", "the Lisbon company"),
        ("The Seoul-based start-up, backed by two banks, hired 40 engineers.", "organization", "The Seoul-based start-up"),
        ("Not bad for a firm that raised $20 million last spring.", "organization", "a firm that"),
        ("It is a two-year-old company whose chips sell well.", "organization", "a two-year-old company whose"),
        ("Critics say the open-weights model, trained on public data, is too small.", "model", "the open-weights model"),
        ("这家总部位于杭州的初创公司去年完成了两轮融资。", "organization", "这家总部位于杭州的初创公司"),
        ("业内认为，这款面向金融行业的模型定价偏高。", "model", "这款面向金融行业的模型"),
    ],
)
def test_descriptions_point_back(pack, text: str, label: str, phrase: str) -> None:
    assert _found(pack, text) == (label, phrase)


@pytest.mark.parametrize(
    "text",
    [
        "The parent company raised $350 million.",  # a plain adjective may point elsewhere
        "The Toronto company's rival raised $350 million.",  # a possessor, not the subject
        "A company raised $350 million last year.",  # an indefinite noun without a relative clause is new
        "应该承担责任的公司并未回应。",  # 该 ends 应该 here: one-character demonstratives open no description
        "这款手机的销量不及预期。",  # no listed anaphor ends with 手机
    ],
)
def test_other_descriptions_point_nowhere(pack, text: str) -> None:
    assert _found(pack, text) is None


def test_a_listed_anaphor_comes_first(pack) -> None:
    assert _found(pack, "Analysts said the company, a Lisbon firm that raised money, grew.") == ("organization", "the company")
