"""Subjects that are not named in their sentence: anaphoric nouns, pronouns, omission under a title."""

from __future__ import annotations

import pytest

from checker.discourse import Discourse
from checker.models import Mention
from checker.structure import structure
from tests.test_stages import claims_of


def _params(text: str, pack) -> set[tuple[str, str]]:
    return {(c.subject, c.value) for c in claims_of(text, pack) if c.attribute == "parameter_count"}


def test_an_anaphoric_noun_reaches_the_model_of_an_earlier_sentence(pack):
    text = "智谱AI周二开源了ChatGLM-6B。业内反响热烈。该模型拥有62亿参数。"
    assert _params(text, pack) == {("chatglm-6b", "6200000000")}


def test_an_anaphoric_noun_takes_an_entity_of_its_own_type(pack):
    text = "OpenAI推出的ChatGPT热度不减。据一家投行估算，该产品的月活跃用户已达1亿。"
    users = [(c.subject, c.value) for c in claims_of(text, pack) if c.attribute == "users"]
    assert users == [("chatgpt", "100000000")]


def test_the_company_in_english_points_back_to_an_organization(pack):
    text = "Nvidia unveiled a new chip on Monday. The company said it had 25,000 employees."
    employees = [c.subject for c in claims_of(text, pack) if c.attribute == "employees"]
    assert employees == ["nvidia"]


def test_a_list_item_body_takes_the_model_of_its_title_line(pack):
    text = "## 今年的开源模型\n\n1. **MOSS（2月）**\n复旦团队推出的对话模型，参数量160亿。\n\n2. **ChatGLM-6B（3月）**\n清华团队参与研发，参数规模62亿。\n"
    assert _params(text, pack) == {("moss", "16000000000"), ("chatglm-6b", "6200000000")}


def test_a_left_out_subject_does_not_cross_a_paragraph(pack):
    text = "百度发布了文心一言。\n\n另一家公司的新模型则有700亿参数。"
    assert _params(text, pack) == set()


def test_an_artifact_introduced_as_an_object_is_the_subject_of_the_next_clause(pack):
    text = "上个月团队先放出Baichuan-7B，上周又推出了Baichuan-13B，参数翻到130亿。"
    assert _params(text, pack) == {("baichuan-13b", "13000000000")}


@pytest.mark.parametrize("text", ["百度发布了文心一言。该公司的员工超过4万人。", "百度发布了文心一言。这家公司有4万名员工。"])
def test_the_company_skips_the_model_and_takes_the_organization(pack, text):
    employees = {c.subject for c in claims_of(text, pack) if c.attribute == "employees"}
    assert employees == {"baidu"}


def test_the_discourse_reads_paragraphs_and_titles_from_the_blocks():
    """A bare omission reaches a title block above it and the sentence before in its paragraph, not
    one before a blank line; an anaphoric noun reaches across it."""
    text = "## 混元\n正文一句。盘古也是。\n\n新段落。"
    heading, body, later = structure(text, 0).blocks
    model = Mention(entity="hunyuan", start=3, end=5, text="混元")
    other = Mention(entity="pangu", start=11, end=13, text="盘古")

    def models(antecedent):
        return antecedent.type == "model"

    discourse = Discourse()
    assert discourse.opens(heading) and discourse.new_paragraph(heading)
    discourse.add(0, [(model, "model")], heading)
    assert discourse.opens(body) and not discourse.new_paragraph(body)  # no blank line after a heading
    assert discourse.resolve(models, anaphoric=False, block=body).mention == model  # the title heads it
    discourse.add(1, [], body)
    assert not discourse.opens(body)  # the second sentence of the paragraph
    assert discourse.resolve(models, anaphoric=False, block=body).mention == model
    discourse.add(2, [(other, "model")], body)
    assert discourse.resolve(models, anaphoric=False, block=body).mention == other  # the same paragraph
    assert discourse.new_paragraph(later)
    assert discourse.resolve(models, anaphoric=False, block=later) is None  # the blank line ends it
    assert discourse.resolve(models, anaphoric=True, block=later).mention == other
