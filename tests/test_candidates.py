"""Names the rules pack does not know: finding them, and claims about them."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import extract_all
from checker.detect import detect
from checker.extract import extract_article
from checker.models import Article
from checker.normalize import detect_language

DATE = dt.date(2023, 2, 21)


def article(text: str, article_id: str = "t") -> Article:
    return Article(id=article_id, path=f"{article_id}.md", text=text, date=DATE, language=detect_language(text))


def candidates(text: str, pack) -> list[tuple[str, str, str | None]]:
    """(surface, cue, type) of every candidate, in text order."""
    return [(c.text, c.cue, c.type) for c in extract_article(article(text), pack).candidates]


def names(text: str, pack) -> set[str]:
    return {c.text for c in extract_article(article(text), pack).candidates}


def claims(text: str, pack) -> set[tuple[str, str, str, str]]:
    return {(c.subject, c.subject_text, c.attribute, c.value) for c in extract_article(article(text), pack).claims}


# --- the finder, one cue at a time -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meta的OPT-175B与谷歌的PaLM-E都在比拼规模。", {"OPT-175B", "PaLM-E"}),
        ("BLOOM和LaMDA之外，还有GitHub推出的Copilot。", {"BLOOM", "LaMDA", "GitHub", "Copilot"}),
        ("据Semafor报道，DeepMind也在测试新产品。", {"Semafor", "DeepMind"}),
        ("Adept AI与Coatue Management都参与了本轮。", {"Adept AI", "Coatue Management"}),
        ("DeepMind推出了Gopher 2，参数规模未公开。", {"DeepMind", "Gopher 2"}),
    ],
)
def test_latin_names(pack, text, expected):
    assert names(text, pack) == expected
    assert {cue for _, cue, _ in candidates(text, pack)} == {"latin"}


def test_type_guesses_from_the_words_around_a_latin_name(pack):
    found = {surface: kind for surface, _, kind in candidates("DeepMind执行长Demis Hassabis表示，对话模型Sparrow和Adept AI都在测试。", pack)}
    assert found == {"DeepMind": "organization", "Demis Hassabis": "person", "Sparrow": "model", "Adept AI": "organization"}
    assert candidates("Alphabet董事长约翰·亨尼斯(John Hennessy)表示，竞争才刚开始。", pack) == [("John Hennessy", "latin", "person")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("中科院发布了紫东太初大模型。", [("紫东太初", "before_model", "model")]),
        ("紫东太初AI大模型支持多种模态。", [("紫东太初", "before_model", "model")]),  # a modifier between name and 大模型
        ("智源研究院的悟道2.0大模型很受关注。", [("智源", "before_company", "organization"), ("悟道2.0", "before_model", "model")]),
        ("深报集团旗下的客户端也接入了服务。", [("深报", "before_company", "organization")]),
        ("澜舟智能公司正在招聘。", [("澜舟智能", "before_company", "organization")]),
    ],
)
def test_cjk_names_before_model_and_company_words(pack, text, expected):
    assert candidates(text, pack) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("科大讯飞准备推出名为“星火”的认知大模型。", [("星火", "quoted", None)]),
        ("业内把它称作“悟空”大模型。", [("悟空", "quoted", "model")]),
        ("一篇名为《智能涌现》的报告引发讨论。", [("智能涌现", "quoted", "product")]),
        ("这款名为「Midjourney」的工具很受欢迎。", [("Midjourney", "quoted", None)]),
    ],
)
def test_quoted_names(pack, text, expected):
    assert candidates(text, pack) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ChatGPT、Bard和“文心一言”都是聊天机器人，Stability AI开发了Stable Diffusion。",  # known aliases
        "这个模型和该公司都提到了预训练模型、人工智能公司和大语言模型。",  # generic words before 模型 / 公司
        "训练用了10000个GPU，耗资460万USD，数据达40TB，参数为175B。",  # units, currencies, acronyms
        "AI和AIGC、NLP、LLM都是热词，CEO和CTO也在场。",
        "一家初创公司和这家公司都在研发视频生成模型，华为称其大模型布局较早。",
        "他说这只是“聊天”而已，算不上“突破”。",  # scare quotes
        "Chat GPT is how some writers spell the chatbot.",  # a known name spelled apart
    ],
)
def test_no_candidates_in_known_or_generic_words(pack, text):
    assert names(text, pack) == set()


def test_english_sentence_starts_months_and_common_words_are_not_names(pack):
    text = "Investors cheered on Monday. In February, shares rose after Google showed Sparrow to investors. Sparrow has 70 billion parameters."
    assert names(text, pack) == {"Sparrow"}
    # the sentence-initial Sparrow counts too, because the article introduced it mid-sentence
    found = extract_article(article(text), pack).candidates
    assert [text[c.start:c.end] for c in found] == ["Sparrow", "Sparrow"]


def test_a_name_found_once_is_recognized_elsewhere_in_the_article(pack):
    text = "中科院发布了紫东太初大模型。紫东太初拥有千亿参数。"
    found = extract_article(article(text), pack).candidates
    assert [(c.text, c.type) for c in found] == [("紫东太初", "model"), ("紫东太初", "model")]


def test_offsets_point_into_the_original_traditional_text(pack):
    text = "---\ntitle: 測試\n---\n中科院的紫東太初大模型擁有千億參數。DeepMind的對話模型Sparrow擁有1,370億個參數。"
    extraction = extract_article(article(text), pack)
    found = {(c.text, c.name) for c in extraction.candidates}
    assert found == {("紫東太初", "紫东太初"), ("DeepMind", "deepmind"), ("Sparrow", "sparrow")}
    for candidate in extraction.candidates:
        assert text[candidate.start:candidate.end] == candidate.text
        assert candidate.text in candidate.sentence


# --- claims about unknown names ------------------------------------------------------


def test_a_quantity_goes_to_the_unknown_name_in_its_clause_not_to_the_topic(pack):
    # without candidates the number went to the sentence topic, ChatGPT
    assert ("candidate:sparrow", "Sparrow", "parameter_count", "70000000000") in claims("与ChatGPT相比，Sparrow拥有700亿参数。", pack)
    assert not [c for c in claims("与ChatGPT相比，Sparrow拥有700亿参数。", pack) if c[0] == "chatgpt"]


def test_traditional_thousands_separator_keeps_number_and_trigger_in_one_clause(pack):
    assert claims("DeepMind的對話模型Sparrow擁有1,370億個參數。", pack) == {("candidate:sparrow", "Sparrow", "parameter_count", "137000000000")}


def test_a_known_entity_in_the_clause_still_wins(pack):
    assert {c[0] for c in claims("Sparrow之外，GPT-3拥有1750亿参数。", pack)} == {"gpt-3"}


def test_an_unknown_name_of_unknown_type_must_stand_right_before_the_value(pack):
    assert claims("DeepMind的研究人员训练了一个700亿参数的模型。", pack) == set()


def test_dates_and_developers_of_unknown_models(pack):
    found = claims("2月24日，Meta发布了Vicuna。Vicuna由Meta开发。", pack)
    assert ("candidate:vicuna", "Vicuna", "release_date", "2023-02-24") in found
    assert ("candidate:vicuna", "Vicuna", "developer", "meta") in found
    # an unknown organization is never a developer: the pack cannot tell how it relates to others
    assert not [c for c in claims("DeepMind推出了对话模型Sparrow。", pack) if c[2] == "developer"]


def test_a_date_before_the_verb_needs_a_typed_unknown_name(pack):
    assert claims("DeepMind于去年9月发布了新的研究成果。", pack) == set()
    assert claims("对话模型Sparrow于去年9月发布。", pack) == {("candidate:sparrow", "Sparrow", "release_date", "2022-09-01..2022-09-30")}


def test_no_negation_or_type_claims_about_unknown_names(pack):
    assert claims("DeepMind尚未发布任何大模型。对话模型Sparrow很强。Sparrow芯片很贵。", pack) == set()


def test_two_articles_disagreeing_about_an_unknown_model_are_flagged(pack):
    items = [article("DeepMind的对话模型Sparrow拥有700亿参数。", "a"), article("DeepMind的對話模型Sparrow擁有1,370億個參數。", "b")]
    found = [c for e in extract_all(items, pack) for c in e.claims]
    findings, _ = detect(found, items, pack)
    assert [(f.kind, f.subject, f.attribute, sorted({e.article for e in f.evidence})) for f in findings] == [
        ("numeric_mismatch", "candidate:sparrow", "parameter_count", ["a", "b"])
    ]
