"""Versions of a family the pack knows only as a family: keyed apart for dates and figures,
never checked against the family's record; a figure dated before a fact became true."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import extract_all
from checker.detect import detect
from checker.models import Mention
from checker.versions import with_versions, without_version
from tests.test_stages import article

DAY = dt.date(2024, 6, 1)


def _run(pack, *texts: str):
    items = [article(text, date=DAY, article_id=f"a{i}") for i, text in enumerate(texts)]
    claims = [c for e in extract_all(items, pack) for c in e.claims]
    findings, _ = detect(claims, items, pack)
    return claims, findings


def _mention(text: str, name: str, entity: str) -> Mention:
    start = text.index(name)
    return Mention(entity=entity, start=start, end=start + len(name), text=name)


@pytest.mark.parametrize(
    ("text", "name", "entity", "spelled", "version"),
    [
        ("Anthropic shipped Claude 3 in March.", "Claude", "claude", "Claude 3", "3"),
        ("混元大模型V2.5上线。", "混元大模型", "hunyuan", "混元大模型V2.5", "2.5"),
        ("腾讯推出混元大模型2.0。", "混元大模型", "hunyuan", "混元大模型2.0", "2"),
        ("The lab tested PanGu-5.0 on weather data.", "PanGu", "pangu", "PanGu-5.0", "5"),
    ],
)
def test_a_number_after_a_known_name_is_its_version(pack, text, name, entity, spelled, version):
    [found] = with_versions(text, [_mention(text, name, entity)], pack)
    assert (found.entity, found.text, found.version) == (entity, spelled, version)
    assert without_version(found) == (name, found.start + len(name))


@pytest.mark.parametrize(
    ("text", "name", "entity"),
    [
        ("文心一言3月16日发布。", "文心一言", "ernie-bot"),  # a date after a CJK name
        ("混元大模型2号机房", "混元大模型", "hunyuan"),  # a bare integer after a CJK name
        ("Claude 70B is not a thing.", "Claude", "claude"),  # a size
        ("Claude 2024 roadmap", "Claude", "claude"),  # a year
        ("Claude 3倍的速度", "Claude", "claude"),  # a multiple
        ("GPT-3 175B", "GPT-3", "gpt-3"),
    ],
)
def test_a_figure_after_a_name_is_no_version(pack, text, name, entity):
    [found] = with_versions(text, [_mention(text, name, entity)], pack)
    assert found.version is None and found.text == name


def test_a_longer_spelling_of_another_alias_is_that_entity(pack):
    text = "Meta的LLaMA-2模型"
    [found] = with_versions(text, [_mention(text, "LLaMA", "llama")], pack)
    assert (found.entity, found.text, found.version) == ("llama-2", "LLaMA-2", None)


def test_the_family_named_before_its_version_is_that_version(pack):
    text = "腾讯发布新一代混元大模型Hunyuan 2.0。"
    mentions = [_mention(text, "混元大模型", "hunyuan"), _mention(text, "Hunyuan", "hunyuan")]
    assert [m.version for m in with_versions(text, mentions, pack)] == ["2", "2"]


def test_release_dates_of_two_versions_do_not_conflict(pack):
    claims, findings = _run(pack, "Claude was launched in March 2023.", "Claude 3 was launched in March 2024.")
    dated = sorted((c.version or "", c.span.low) for c in claims if c.attribute == "release_date")
    assert dated == [("", dt.date(2023, 3, 1)), ("3", dt.date(2024, 3, 1))]
    assert not [f for f in findings if f.kind == "date_conflict"]


def test_release_dates_of_one_version_conflict_and_the_message_names_it(pack):
    _, findings = _run(pack, "Claude 3 was launched in March 2024.", "Claude 3 was launched in May 2024.")
    [conflict] = [f for f in findings if f.kind == "date_conflict"]
    assert conflict.subject == "claude" and conflict.message.startswith("Claude 3 ")


def test_a_version_shares_its_family_type(pack):
    _, findings = _run(pack, "Claude is a chatbot model made by Anthropic.", "Claude 3 is a new AI chip.")
    assert [f.subject for f in findings if f.kind == "type_conflict"] == ["claude"]


def test_a_version_figure_is_not_checked_against_the_family_record(pack):
    claims, findings = _run(pack, "盘古大模型5.0的参数规模为1万亿。", "据称盘古大模型参数规模为1万亿。")
    counts = sorted((c.version or "", c.quantity.low) for c in claims if c.attribute == "parameter_count")
    assert [version for version, _ in counts] == ["", "5"]
    wrong = [f for f in findings if f.kind == "reference_mismatch" and f.attribute == "parameter_count"]
    assert len(wrong) == 1 and wrong[0].claims == [c.id for c in claims if c.attribute == "parameter_count" and not c.version]


def test_a_figure_dated_before_the_fact_became_true_is_of_an_earlier_state(pack):
    dated, findings = _run(pack, "2020年，谷歌向Anthropic投资了1亿美元。")
    [claim] = [c for c in dated if c.attribute == "investment"]
    assert claim.when is not None and claim.flat()["when"] == "2020-01-01..2020-12-31"
    assert not [f for f in findings if f.kind == "reference_mismatch"]
    undated, findings = _run(pack, "谷歌向Anthropic投资了1亿美元。")
    assert [c.when for c in undated if c.attribute == "investment"] == [None]
    assert [f.attribute for f in findings if f.kind == "reference_mismatch"] == ["investment"]
