"""Definite descriptions ("OpenAI's chatbot", 百度的聊天机器人) as mentions of the one entity they can name."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.extract import extract_article
from checker.load import make_article


def _extract(text: str, pack):
    return extract_article(make_article("a", "a.md", text, {}, 0, dt.date(2023, 6, 1)), pack)


@pytest.mark.parametrize(
    ("text", "entity", "quoted"),
    [
        ("By March, OpenAI's chatbot counted some 30 million monthly users.", "chatgpt", "OpenAI's chatbot"),
        ("Google's experimental chatbot opened to 180 countries in May.", "bard", "Google's experimental chatbot"),
        ("百度的聊天机器人上线首日用户破百万。", "ernie-bot", "百度的聊天机器人"),
    ],
)
def test_an_owner_and_a_kind_name_the_owners_one_entity_of_that_kind(pack, text, entity, quoted):
    extraction = _extract(text, pack)
    assert [(m.entity, m.text) for m in extraction.mentions] == [(entity, quoted)]


def test_a_figure_after_a_description_belongs_to_the_described_product(pack):
    claims = _extract("By March, OpenAI's chatbot counted some 30 million monthly users.", pack).claims
    assert [(c.subject, c.attribute, c.value) for c in claims] == [("chatgpt", "users", "30000000")]


def test_an_owner_with_several_entities_of_that_kind_names_none(pack):
    mentions = _extract("Microsoft's chatbot drew 5 million users.", pack).mentions
    assert [(m.entity, m.text) for m in mentions] == [("microsoft", "Microsoft")]


@pytest.mark.parametrize(
    "text",
    ["谷歌的聊天机器人Bard在2月6日亮相。", "Bard, Google's experimental chatbot, runs on the company's own servers."],
)
def test_a_description_beside_the_name_is_no_second_mention(pack, text):
    mentions = _extract(text, pack).mentions
    assert {m.entity for m in mentions} == {"google", "bard"}


@pytest.mark.parametrize("text", ["字节跳动的研究团队正在训练聊天机器人。", "今年最火的应用是文心一言。百度旗下的这款聊天机器人很受欢迎。"])
def test_a_clause_or_a_demonstrative_between_owner_and_kind_is_no_description(pack, text):
    mentions = _extract(text, pack).mentions
    assert all(m.text in ("字节跳动", "百度", "文心一言") for m in mentions)
