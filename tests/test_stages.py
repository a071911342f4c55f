"""Each middle stage on its own: segment, entities, claim extraction, alignment, detection."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from checker.align import aligned_groups, claims_table
from checker.kinds import KINDS
from checker.api import extract_all
from checker.claims.context import SentenceContext
from checker.detect import detect
from checker.engine.local import LocalEngine
from checker.entities import find_mentions
from checker.extract import extract_article
from checker.models import Article
from checker.nlp import toolkit_for
from checker.normalize import normalize
from checker.segment import segment

DATE = dt.date(2023, 2, 14)


def article(text: str, date: dt.date | None = DATE, article_id: str = "t") -> Article:
    return Article(id=article_id, path=f"{article_id}.md", text=text, date=date, language=normalize(text).traditional and "zh-Hant" or "zh-Hans")


def claims_of(text: str, pack, **kwargs):
    return extract_article(article(text, **kwargs), pack).claims


def test_segment_splits_chinese_and_english_sentences_but_not_abbreviations(pack):
    text = "第一句。第二句！Shares fell on Feb. 8 after the demo. 1.扎堆入局\n新的一段"
    sentences = [s.sentence.text for s in segment(normalize(text).text, text, 0, toolkit_for(pack))]
    assert sentences == ["第一句。", "第二句！", "Shares fell on Feb. 8 after the demo.", "1.扎堆入局", "新的一段"]


def test_segment_keeps_a_dot_inside_a_name(pack):
    text = "Character.AI的估值为10亿美元。Google released Bard. It came first."
    sentences = [s.sentence.text for s in segment(normalize(text).text, text, 0, toolkit_for(pack))]
    assert sentences == ["Character.AI的估值为10亿美元。", "Google released Bard.", "It came first."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("字节动态的AML团队开发了veGiantModel。", [("bytedance", "字节动态", "字节跳动"), ("vegiantmodel", "veGiantModel", None)]),
        ("腾迅推出了新产品。", [("tencent", "腾迅", "腾讯")]),
        ("GPT-3、GPT-3.5和GPT-4。", [("gpt-3", "GPT-3", None), ("gpt-3.5", "GPT-3.5", None), ("gpt-4", "GPT-4", None)]),
        ("谷歌母公司Alphabet。", [("google", "谷歌", None), ("alphabet", "Alphabet", None)]),
        ("通用大模型和字节跳动的团队。", [("bytedance", "字节跳动", None)]),
        # typed by sound: four characters, two off, same pinyin
        ("分析师看好文新一眼的前景。", [("ernie-bot", "文新一眼", "文心一言")]),
        # a homophone need not share the first character; a word of the language is never a typo
        ("挥达的新卡供不应求。", [("nvidia", "挥达", "辉达")]),
        ("游客坐摆渡车去百度大厦。", [("baidu", "百度", None)]),
        # part of the name it varies: 通义 is an exact alias of the family, 通义千闻 a slip for 通义千问
        ("券商点评通义千闻。", [("tongyi-qianwen", "通义千闻", "通义千问")]),
        # one swap of neighbouring letters
        ("Reviewers compared ChatPGT with rivals.", [("chatgpt", "ChatPGT", "ChatGPT")]),
        # another version of a family is another model, not a typo
        ("ChatGLM3-6B and ChatGLM-6B.", [("chatglm-6b", "ChatGLM-6B", None)]),
        # product codes one letter apart are distinct products
        ("The G200 follows the GH200.", [("nvidia-gh200", "GH200", None)]),
    ],
)
def test_entities_exact_and_variant(pack, text, expected):
    [seg] = segment(normalize(text).text, text, 0, toolkit_for(pack))
    found = [(m.entity, m.text, m.variant_of) for m in find_mentions(seg, toolkit_for(pack), pack)]
    assert found == expected


def test_number_attaches_to_the_right_subject(pack):
    claims = claims_of("百度的文心模型有2600亿参数，高于GPT-3的1700亿参数。", pack)
    params = {(c.subject, c.value) for c in claims if c.attribute == "parameter_count"}
    assert params == {("ernie", "260000000000"), ("gpt-3", "170000000000")}


def test_market_cap_change_is_not_a_parameter_count(pack):
    claims = claims_of("谷歌股价大跌，目前市值已经下降了1700亿美元。", pack)
    assert [(c.subject, c.attribute, c.unit, c.value) for c in claims] == [("google", "market_cap_change", "USD", "-170000000000")]


def test_a_fall_mirrors_the_interval_and_its_bound(pack):
    [claim] = claims_of("Alphabet股价当天大跌近9%。", pack)
    assert (claim.attribute, *claim.bounds, claim.qualifier.value, claim.value) == ("share_price_change", -9.0, -8.1, "at_least", ">=-9")


def test_investment_keeps_investor_and_investee(pack):
    [claim] = [c for c in claims_of("谷歌2月6日向Anthropic投资了近4亿美元。", pack) if c.attribute == "investment"]
    assert (claim.subject, claim.obj, claim.qualifier.value, claim.quantity.high) == ("google", "anthropic", "at_most", 4e8)


def test_planned_dates_and_timezones(pack):
    claims = claims_of("百度宣布文心一言将于3月初上线。", pack)
    [release] = [c for c in claims if c.attribute == "release_date"]
    assert (release.subject, release.modality.value, *release.bounds) == ("ernie-bot", "planned", dt.date(2023, 3, 1), dt.date(2023, 3, 10))
    [bing] = [c for c in claims_of("当地时间2月7日，微软推出了新版必应。", pack) if c.attribute == "release_date"]
    assert (bing.subject, bing.span.timezone, bing.span.low) == ("new-bing", "local", dt.date(2023, 2, 7))


def test_attribution_active_passive_and_negation(pack):
    active = claims_of("京东自研的K-PLUG参数量约为10亿。", pack)
    assert ("k-plug", "developer", "jd") in {(c.subject, c.attribute, c.value) for c in active}
    passive = claims_of("盘古大模型由华为云和鹏城实验室联合开发。", pack)
    assert ("pangu", "huawei-cloud,pengcheng-lab") in {(c.subject, c.value) for c in passive if c.attribute == "developer"}
    english = claims_of("Bard was built by Google.", pack)
    assert ("bard", "google") in {(c.subject, c.value) for c in english if c.attribute == "developer"}
    negated = claims_of("字节跳动尚未公布任何大模型。", pack)
    assert [(c.subject, c.attribute, c.negated) for c in negated] == [("bytedance", "released_model", True)]


def test_type_words_next_to_names(pack):
    claims = claims_of("阿里推出了M6芯片。多模态预训练模型M6很强。英伟达芯片很贵。", pack)
    assert sorted((c.subject, c.value) for c in claims if c.attribute == "entity_type") == [("m6", "chip"), ("m6", "model")]


def test_extraction_is_a_pure_function_and_parallel_matches_serial(pack):
    items = [article("GPT-3有1750亿参数。谷歌在2月8日推出了Bard。", article_id=f"a{i}") for i in range(3)]
    first = extract_article(items[0], pack)
    assert extract_article(items[0], pack) == first
    serial = [e.claims for e in extract_all(items, pack)]
    parallel = [e.claims for e in extract_all(items, pack, LocalEngine(jobs=2))]
    assert serial == parallel and serial[0] == first.claims


def test_alignment_groups_by_subject_attribute_object(pack):
    claims = claims_of("GPT-3有1750亿参数。GPT-3有1700亿参数。谷歌向Anthropic投资了3亿美元。", pack)
    groups = dict(aligned_groups(claims_table(claims), pack, KINDS["numeric_mismatch"]))
    assert ("gpt-3", "parameter_count", "", "", "count") in groups and ("google", "investment", "", "anthropic", "USD") in groups
    assert [claim.text for claim in claims if claim.id in groups[("gpt-3", "parameter_count", "", "", "count")]] == ["GPT-3有1750亿参数", "GPT-3有1700亿参数"]


def test_detection_respects_intervals_plans_and_timezones(pack):
    text = (
        "GPT-3有1750亿参数。GPT-3有1700亿参数。文心有2600亿参数。文心是千亿级参数的模型。"
        "文心一言将于3月上线。文心一言于3月16日上线。当地时间2月7日，微软推出了新版必应。北京时间2月8日，微软推出了新版必应。"
    )
    items = [article(text)]
    claims = [c for e in extract_all(items, pack) for c in e.claims]
    findings, _ = detect(claims, items, pack)
    kinds = {(f.kind, f.subject) for f in findings if f.kind != "reference_mismatch"}
    assert kinds == {("numeric_mismatch", "gpt-3")}
    [finding] = [f for f in findings if f.kind == "numeric_mismatch"]
    again, _ = detect(list(reversed(claims)), items, pack)
    assert finding.fingerprint in {f.fingerprint for f in again}


def test_a_sentence_context_reads_and_gives_article_offsets(pack):
    """The recipe of docs/architecture.md: on a second sentence, where a sentence frame would differ,
    the context's clauses, words, dates and mentions are article offsets."""
    text = "业内关注度持续升高。智谱AI称，其模型于2023年6月15日开源，参数规模为130亿。"
    article = Article(id="t", path="t.md", text=text, date=dt.date(2023, 7, 1), language="zh")
    normalized = normalize(text, "zh").text
    toolkit = toolkit_for(pack)
    second = segment(normalized, text, 0, toolkit)[1]
    sentence = second.sentence
    ctx = SentenceContext(
        article=article, pack=pack, index=sentence.index, start=sentence.start, text=normalized[sentence.start:sentence.end],
        original=sentence.text, mentions=find_mentions(second, toolkit, pack), traditional=False,
    )
    assert (ctx.start, ctx.end) == (text.index("智谱"), len(text))
    assert ctx.clauses[0] == (ctx.start, text.index("称") + 2) and ctx.clauses[-1][1] == ctx.end
    [hit] = ctx.words(["参数规模"])
    assert (hit.start(), ctx.at(hit.start(), hit.end())) == (text.index("参数规模"), "参数规模")
    assert ctx.match(re.compile("智谱"), ctx.start).end() == ctx.start + 2
    [date] = ctx.dates
    assert text[date.start:date.end] == date.text == "2023年6月15日"
    [company] = [m for m in ctx.mentions if m.entity == "zhipu-ai"]
    assert text[company.start:company.end] == "智谱AI"
