"""Denials with an event, an object class and a day; dates of different events kept apart."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.api import extract_all
from checker.detect import detect
from checker.extract import extract_article
from checker.models import Article
from tests.test_stages import article, claims_of


def _findings(pack, *dated: tuple[str, dt.date]):
    items = [article(text, date=day, article_id=f"a{i}") for i, (text, day) in enumerate(dated)]
    claims = [c for e in extract_all(items, pack) for c in e.claims]
    findings, _ = detect(claims, items, pack)
    return [f for f in findings if f.kind != "reference_mismatch"]


def _kinds(findings) -> set[tuple[str, str, str]]:
    return {(f.kind, f.subject, f.attribute) for f in findings}


JUNE, AUGUST = dt.date(2023, 6, 1), dt.date(2023, 8, 20)


def test_a_denial_of_open_sourcing_is_contradicted_by_an_earlier_open_sourcing(pack):
    found = _findings(pack, ("7月2日，智谱AI开源了GLM-130B。", dt.date(2023, 7, 5)), ("分析师称，智谱AI从未开源自家的大模型。", AUGUST))
    assert ("negation_conflict", "zhipu-ai", "open_sourced_model") in _kinds(found)


def test_a_denial_of_open_sourcing_is_not_contradicted_by_a_release(pack):
    found = _findings(pack, ("智谱AI于7月2日推出了GLM-130B。", dt.date(2023, 7, 5)), ("分析师称，智谱AI从未开源自家的大模型。", AUGUST))
    assert not [f for f in found if f.kind == "negation_conflict"]


def test_a_denial_true_at_its_own_date_stands(pack):
    found = _findings(pack, ("百川智能至今还没有推出任何模型。", JUNE), ("8月2日，Baichuan-7B正式上线。", AUGUST))
    assert not [f for f in found if f.kind == "negation_conflict"]


def test_a_denial_after_the_release_conflicts(pack):
    found = _findings(pack, ("5月10日，Baichuan-7B正式上线。", JUNE), ("百川智能至今还没有推出任何模型。", AUGUST))
    assert ("negation_conflict", "baichuan", "released_model") in _kinds(found)


def test_a_credit_written_after_the_denial_does_not_contradict_it(pack):
    found = _findings(pack, ("百川智能至今还没有推出任何模型。", JUNE), ("百川智能开发了Baichuan-13B。", AUGUST))
    assert not [f for f in found if f.kind == "negation_conflict"]


def test_a_date_in_the_denial_clause_is_the_day_it_speaks_of(pack):
    [denial] = [c for c in claims_of("截至2023年4月底，百川智能还没有推出任何模型。", pack, date=AUGUST) if c.negated]
    assert denial.as_of == dt.date(2023, 4, 30)
    found = _findings(pack, ("5月10日，Baichuan-7B正式上线。", JUNE), ("截至2023年4月底，百川智能还没有推出任何模型。", AUGUST))
    assert not [f for f in found if f.kind == "negation_conflict"]


def test_a_plan_does_not_contradict_a_denial(pack):
    found = _findings(pack, ("Baichuan-7B预计于5月10日上线。", dt.date(2023, 4, 1)), ("百川智能至今还没有推出任何模型。", JUNE))
    assert not [f for f in found if f.kind == "negation_conflict"]


@pytest.mark.parametrize("text", ["百度没有公布该模型的参数规模。", "百度尚未公布大模型的参数量。", "OpenAI has not published the model's parameter count."])
def test_a_denied_figure_is_not_a_denied_model(pack, text):
    assert not [c for c in claims_of(text, pack) if c.negated]


def test_the_company_points_back_to_the_organization_that_denies(pack):
    claims = claims_of("百川智能融资顺利，不过该公司迄今仍未拿出可用的大模型。", pack)
    assert [(c.subject, c.attribute) for c in claims if c.negated] == [("baichuan", "released_model")]


def test_a_product_denial_in_english_meets_the_product_launch(pack):
    found = _findings(
        pack,
        ("Inflection AI launched Pi on May 2.", dt.date(2023, 5, 3)),
        ("Inflection AI has raised $225 million, but it has not released any product so far.", dt.date(2023, 6, 20)),
    )
    assert ("negation_conflict", "inflection-ai", "launched_product") in _kinds(found)


def test_a_product_denial_is_not_contradicted_by_a_model(pack):
    found = _findings(pack, ("5月10日，Baichuan-7B正式上线。", JUNE), ("百川智能至今还没有推出任何产品。", AUGUST))
    assert not [f for f in found if f.kind == "negation_conflict"]


def test_an_invitation_test_and_a_public_opening_are_not_one_release(pack):
    text = "4月20日，讯飞星火面向部分企业启动邀测，5月6日正式发布。11月2日，讯飞星火向全体用户开放。"
    claims = {(c.attribute, c.value) for c in claims_of(text, pack, date=dt.date(2023, 11, 20)) if c.subject == "iflytek-spark"}
    assert {("invite_test_date", "2023-04-20"), ("public_date", "2023-11-02")} <= claims
    assert not [f for f in _findings(pack, (text, dt.date(2023, 11, 20))) if f.kind == "date_conflict"]


def test_an_announced_open_sourcing_is_an_open_sourcing(pack):
    claims = claims_of("星辰科技昨天宣布开源了GLM-130B。", pack, date=dt.date(2023, 5, 10))
    assert [(c.attribute, c.value) for c in claims if c.subject == "glm-130b" and c.unit == "date"] == [("open_source_date", "2023-05-09")]


def test_a_pronoun_object_takes_the_model_of_the_sentence_before(pack):
    text = "最早让开发者上手的是GLM-130B。6月25日，智谱AI将它正式发布。"
    claims = [(c.subject, c.attribute, c.value) for c in claims_of(text, pack, date=dt.date(2023, 7, 1))]
    assert ("glm-130b", "release_date", "2023-06-25") in claims


def test_taiwan_time_is_a_time_zone(pack):
    found = _findings(pack, ("OpenAI在台灣時間3月15日發表GPT-4。", dt.date(2023, 4, 1)), ("OpenAI于3月14日发布了GPT-4。", dt.date(2023, 4, 1)))
    assert not [f for f in found if f.kind == "date_conflict"]


def test_a_launch_event_ending_its_clause_dates_the_product_of_the_next_clause(pack):
    text = "科大讯飞6日下午召开发布会，现场演示了新一代大模型讯飞星火。"
    claims = [(c.subject, c.attribute, c.value) for c in claims_of(text, pack, date=dt.date(2023, 5, 7))]
    assert ("iflytek-spark", "release_date", "2023-05-06") in claims


def test_a_denial_in_a_place_meets_the_launch_there_only(pack):
    denial = ("截至目前，Claude仍未在欧盟上线。", dt.date(2023, 12, 1))
    assert ("negation_conflict", "claude", "available_in_region") in _kinds(_findings(pack, ("10月16日，Claude在欧盟上线。", dt.date(2023, 10, 20)), denial))
    assert not _kinds(_findings(pack, ("10月16日，Claude在英国上线。", dt.date(2023, 10, 20)), denial))


def test_launches_in_two_places_are_not_one_date(pack):
    text = "Claude was rolled out to UK users on October 16. Claude was rolled out to EU users on November 2."
    assert not [f for f in _findings(pack, (text, dt.date(2023, 11, 20))) if f.kind == "date_conflict"]


def test_the_country_of_a_company_is_not_the_place_of_a_launch(pack):
    claims = claims_of("2022年11月30日，美国OpenAI推出了ChatGPT。", pack)
    assert [(c.attribute, c.obj) for c in claims if c.subject == "chatgpt" and c.unit == "date"] == [("release_date", None)]


def _timeline(pack, title: str) -> set[tuple[str, str, str]]:
    text = "## 半年盘点\n\n1. **智谱AI GLM-130B（6月25日）**\n这款模型备受关注。\n\n2. **讯飞星火（5月6日）**\n讯飞在合肥推出了它。\n"
    claims = extract_article(Article(id="t", path="t.md", text=text, date=dt.date(2023, 9, 1), title=title), pack).claims
    return {(c.subject, c.attribute, c.value) for c in claims if c.unit == "date"}


def test_a_timeline_list_dates_the_event_its_title_names(pack):
    assert _timeline(pack, "国产大模型发布时间线") == {("glm-130b", "release_date", "2023-06-25"), ("iflytek-spark", "release_date", "2023-05-06")}
    assert _timeline(pack, "国产大模型开源时间线") == {("glm-130b", "open_source_date", "2023-06-25"), ("iflytek-spark", "open_source_date", "2023-05-06")}
    assert _timeline(pack, "国产大模型半年盘点") == set()
