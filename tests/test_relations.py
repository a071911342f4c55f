"""Relations without a verb: possessives, appositions, co-developers, copulas and anaphoric type nouns."""

from __future__ import annotations

import pytest

from checker.detect import detect
from checker.extract import extract_article
from tests.test_stages import article, claims_of


def _facts(text: str, pack, attribute: str) -> set[tuple[str, str]]:
    return {(c.subject, c.value) for c in claims_of(text, pack) if c.attribute == attribute}


def _kinds(texts: list[str], pack) -> set[tuple[str, str]]:
    articles = [article(text, article_id=f"a{i}") for i, text in enumerate(texts)]
    claims = [c for a in articles for c in extract_article(a, pack).claims]
    findings, _ = detect(claims, articles, pack)
    return {(f.kind, f.subject) for f in findings}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("业内普遍看好腾讯的混元在办公场景的表现。", {("hunyuan", "tencent")}),
        ("京东云旗下的言犀平台本月开放注册。", {("yanxi", "jd-cloud")}),
        ("Meta的开源模型LLaMA在学术界很受欢迎。", {("llama", "meta")}),
        ("Analysts expect Meta's Llama 2 to spread quickly.", {("llama-2", "meta")}),
        ("Baidu, whose ERNIE Bot opened to the public in August, gained 3%.", {("ernie-bot", "baidu")}),
    ],
)
def test_a_possessive_credits_the_developer_without_a_verb(pack, text, expected):
    assert _facts(text, pack, "developer") == expected


def test_a_possessive_on_an_anaphoric_noun_credits_the_product_named_before(pack):
    text = "今年最受关注的应用仍是文心一言。百度旗下的这款聊天机器人上线首日就吸引了大批用户。"
    assert _facts(text, pack, "developer") == {("ernie-bot", "baidu")}


def test_an_apposition_on_an_anaphoric_noun_credits_the_product_named_before(pack):
    text = "Claude can now read long contracts. The chatbot, Anthropic's reply to ChatGPT, now costs less."
    assert _facts(text, pack, "developer") == {("claude", "anthropic")}


@pytest.mark.parametrize(
    "text",
    ["微软投资的OpenAI推出了ChatGPT。", "微软向OpenAI注资后，OpenAI推出了ChatGPT。", "Microsoft's investment in OpenAI's ChatGPT paid off."],
)
def test_an_investor_is_not_a_developer(pack, text):
    assert ("chatgpt", "microsoft") not in _facts(text, pack, "developer")


def test_a_rival_in_the_developers_apposition_is_not_the_developer(pack):
    text = "Cohere, the Toronto company set up by ex-Google researchers, released its Claude rival on Monday."
    text2 = "Anthropic, the lab that ex-OpenAI engineers set up, released Claude 2 this week."
    assert ("claude", "google") not in _facts(text, pack, "developer")
    assert _facts(text2, pack, "developer") == {("claude-2", "anthropic")}


@pytest.mark.parametrize(
    "text",
    ["智谱AI与清华大学联合发布了GLM-130B。", "Zhipu AI and Tsinghua University jointly released GLM-130B."],
)
def test_co_developers_are_both_credited_and_do_not_conflict(pack, text):
    assert _facts(text, pack, "developer") == {("glm-130b", "tsinghua-university,zhipu-ai")}
    assert not _kinds([text, "GLM-130B由智谱AI开发。"], pack)
    assert not _kinds([text, "清华大学推出了GLM-130B。"], pack)


def test_a_possessive_conflicts_with_a_verb_credit_across_articles(pack):
    found = _kinds(["复旦大学于2月发布了MOSS。", "外界熟悉的还有百度的MOSS。"], pack)
    assert ("attribution_conflict", "moss") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The lab will run it on Ascend, Huawei's homegrown AI training chip, from next year.", {("ascend", "chip")}),
        ("Demand for Claude, the chatbot from Anthropic, keeps rising.", {("claude", "product")}),
        ("ChatGLM-6B是一款开源双语大模型。", {("chatglm-6b", "model")}),
        ("Mistral AI is a Paris start-up that builds open models.", {("mistral-ai", "organization")}),
        ("Ascend is the most capable AI chip Huawei has shipped so far.", {("ascend", "chip")}),  # a name opens a relative clause
        ("英伟达是芯片巨头。", set()),
        ("Nvidia is selling its chips to China.", set()),
    ],
)
def test_apposition_and_copula_give_a_type(pack, text, expected):
    assert _facts(text, pack, "entity_type") == expected


def test_names_joined_before_one_type_word_all_take_it(pack):
    text = "The cluster mixes Nvidia's H100 and A100 chips."
    assert _facts(text, pack, "entity_type") == {("nvidia-h100", "chip"), ("nvidia-a100", "chip")}


def test_a_name_ending_in_a_type_word_and_a_latin_modifier_before_one(pack):
    assert _facts("混元大模型的升级版下月上线。", pack, "entity_type") == {("hunyuan", "model")}
    assert _facts("华为的昇腾AI芯片供不应求。", pack, "entity_type") == {("ascend", "chip")}


def test_a_demonstrative_type_noun_points_back_and_types_its_referent(pack):
    fits = "华为上月发布了昇腾910B，这款推理芯片主要供应国内客户。"
    wrong = "腾讯本周推出了混元大模型：这款AI芯片只面向企业客户。"
    assert _facts(fits, pack, "entity_type") >= {("ascend", "chip")}
    assert ("hunyuan", "chip") in _facts(wrong, pack, "entity_type")
    assert ("type_conflict", "hunyuan") in _kinds([wrong], pack)


def test_a_demonstrative_after_an_unnamed_thing_does_not_reach_a_nearby_name(pack):
    text = "百度证实正在研发一款办公助手。钉钉方面透露，这款办公助手将接入钉钉。"
    assert ("dingtalk", "product") not in _facts(text, pack, "entity_type")


def test_a_classifier_that_counts_companies_does_not_type_a_chip(pack):
    text = "英伟达发布了H100，这家芯片公司的股价随即上涨。"
    assert ("nvidia-h100", "organization") not in _facts(text, pack, "entity_type")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Microsoft said on Tuesday that its Bing search engine would add a chatbot.", {("bing", "microsoft")}),
        ("百度表示，其文心一言的用户已经过亿。", {("ernie-bot", "baidu")}),
        ("Cohere, a company set up by ex-Google staff, said its Claude rival was ready.", set()),
        ("市场尤其ChatGPT的热度很高。", set()),
    ],
)
def test_a_possessive_pronoun_stands_for_the_organization_named_before(pack, text, expected):
    assert _facts(text, pack, "developer") == expected


def test_a_possessive_pronoun_skips_an_organization_inside_an_apposition(pack):
    text = "Anthropic, a lab set up by ex-OpenAI staff, said its Claude chatbot would cost less."
    assert _facts(text, pack, "developer") == {("claude", "anthropic")}


def test_a_kind_of_thing_is_not_a_reference_to_a_name(pack):
    text = "华为推出了盘古大模型，这种芯片加模型的打法很少见。"
    assert ("pangu", "chip") not in _facts(text, pack, "entity_type")


def test_investors_joined_after_backed_by_are_all_investors(pack):
    text = "Inflection AI, backed by Microsoft and Google, launched Pi in May."
    assert _facts(text, pack, "developer") == {("pi", "inflection-ai")}


@pytest.mark.parametrize(
    ("text", "developer", "kind"),
    [
        ("文心一言是百度推出的一款聊天机器人。", {("ernie-bot", "baidu")}, {("ernie-bot", "product")}),
        ("混元是腾讯的大模型。", {("hunyuan", "tencent")}, {("hunyuan", "model")}),
        ("Claude is Anthropic's chatbot for business users.", {("claude", "anthropic")}, {("claude", "product")}),
        ("ChatGPT是微软投资的OpenAI推出的聊天机器人。", set(), set()),
    ],
)
def test_a_copula_credits_and_types_the_name_before_it(pack, text, developer, kind):
    assert _facts(text, pack, "developer") == developer
    assert _facts(text, pack, "entity_type") >= kind
