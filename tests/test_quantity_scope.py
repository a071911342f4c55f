"""Where a quantity claim's attribute and extent come from: lists of sizes, ranges, figures that
describe a class of things, period qualifiers. Sentences are our own."""

from __future__ import annotations

import datetime as dt

from checker.api import extract_all
from checker.detect import detect
from checker.extract import extract_article
from checker.models import Article, Qualifier
from checker.normalize import normalize

DATE = dt.date(2023, 9, 20)


def _article(text: str, article_id: str = "t", date: dt.date = DATE) -> Article:
    return Article(id=article_id, path=f"{article_id}.md", text=text, date=date, language=normalize(text).traditional and "zh-Hant" or "zh-Hans")


def _claims(text: str, pack, attribute: str | None = None):
    return [c for c in extract_article(_article(text), pack).claims if attribute is None or c.attribute == attribute]


def _numeric_findings(texts: list[str], pack):
    items = [_article(text, f"a{n}") for n, text in enumerate(texts)]
    claims = [c for e in extract_all(items, pack) for c in e.claims]
    findings, _ = detect(claims, items, pack)
    return [f for f in findings if f.kind == "numeric_mismatch"]


def test_a_list_of_sizes_is_one_interval(pack):
    [claim] = _claims("Jurassic-1 comes in 7B, 17B and 178B parameters.", pack, "parameter_count")
    assert (claim.quantity.low, claim.qualifier) == (6.5e9, Qualifier.range) and 178e9 < claim.quantity.high <= 178.5e9
    [claim] = _claims("混元大模型提供70亿、130亿和1000亿参数三档规模。", pack, "parameter_count")
    assert claim.bounds == (6.95e9, 1000.5e8)


def test_sizes_of_one_family_do_not_conflict_but_a_size_outside_does(pack):
    assert not _numeric_findings(["Jurassic-1 comes in 7B, 17B and 178B parameters.", "Jurassic-1 tops out at 178 billion parameters."], pack)
    assert _numeric_findings(["Jurassic-1 comes in 7B, 17B and 178B parameters.", "Jurassic-1 has 250 billion parameters."], pack)


def test_a_range_from_a_to_b_is_one_interval_whose_ends_do_not_conflict(pack):
    [claim] = _claims("盘古大模型的参数规模从50亿到2000亿不等。", pack, "parameter_count")
    assert claim.qualifier == Qualifier.range and claim.bounds == (49.5e8, 2000.5e8)
    assert not _numeric_findings(["盘古大模型的参数规模从50亿到2000亿不等。"], pack)


def test_a_figure_describing_a_class_of_models_is_no_claim_about_the_topic(pack):
    text = "GPT-4发布时外界十分震撼；如今几百亿参数的模型也能追上它当年的表现。"
    assert not _claims(text, pack, "parameter_count")
    # a copula makes the figure the subject's own
    [claim] = _claims("混元是一个千亿参数的模型。", pack, "parameter_count")
    assert claim.subject == "hunyuan"


def test_weekly_users_are_another_measure_than_monthly_users(pack):
    texts = ["Bard reached 30 million monthly users in June.", "Google said Bard has 30 million weekly users."]
    attributes = {c.attribute for text in texts for c in _claims(text, pack)}
    assert attributes == {"users", "weekly_users"}
    assert not _numeric_findings(["Bard had 20 million monthly users.", "Bard had 30 million weekly users."], pack)


def test_tokens_trained_on_and_a_context_window_are_two_attributes(pack):
    text = "Anthropic shipped Claude 2 last week. The model was trained on 3 trillion tokens, and it accepts 100,000 tokens in one prompt."
    found = {(c.attribute, c.value) for c in _claims(text, pack) if c.subject == "claude-2"}
    assert ("training_tokens", "3000000000000") in found and ("context_window", "100000") in found
    [claim] = _claims("星火认知大模型的训练语料超过3万亿token。", pack, "training_tokens")
    assert claim.quantity.low == 3e12  # a Latin unit word after 万亿 is read


def test_the_subject_named_in_an_earlier_clause_by_an_anaphoric_noun(pack):
    text = "Meta released Llama 2 on Tuesday.\n\nThe models ship in two sizes: 7 billion and 70 billion parameters."
    [claim] = _claims(text, pack, "parameter_count")
    assert claim.subject == "llama-2"


def test_the_latter_is_the_last_name_and_later_clauses_keep_it(pack):
    text = "百川智能接连开源Baichuan-7B与Baichuan-13B。外界更关注后者，后者参数规模130亿，训练语料1.4万亿token。"
    subjects = {(c.attribute, c.subject) for c in _claims(text, pack)}
    assert ("parameter_count", "baichuan-13b") in subjects and ("training_tokens", "baichuan-13b") in subjects
    assert not any(s == "baichuan-7b" for a, s in subjects if a in ("parameter_count", "training_tokens"))


def test_a_list_item_figure_belongs_to_the_model_its_heading_names(pack):
    text = "3. **Baichuan-13B（7月）**\n百川智能与北大PKU实验室合作推出的商用模型（参数量130亿，支持本地部署），下载量居前。"
    [claim] = _claims(text, pack, "parameter_count")
    assert claim.subject == "baichuan-13b"


def test_quarterly_figures_are_compared_quarter_by_quarter(pack):
    q1 = "腾讯上一季营收为1500亿元。"  # dated 2023-09-20: 上一季 is 2023-Q2
    q2 = "腾讯第二季度总营收为1490亿元。"
    q3 = "腾讯第三季度营收为1600亿元。"
    [a], [b] = _claims(q1, pack, "revenue"), _claims(q2, pack, "revenue")
    assert a.obj == b.obj == "2023-Q2"
    assert _numeric_findings([q1, q2], pack)
    assert not _numeric_findings([q2.replace("1490", "1500"), "腾讯第一季度营收为1200亿元。"], pack)
    [c] = _claims(q3, pack, "revenue")
    assert c.obj == "2023-Q3" and c.modality.value == "planned"  # the quarter is not over on 2023-09-20
    assert not _claims("腾讯营收为1500亿元。", pack, "revenue")  # which quarter? no claim


def test_a_forecast_is_not_compared_with_the_outcome(pack):
    guidance = "英伟达对第二季度给出的营收指引约为110亿美元。"
    outcome = "英伟达第二季度营收达到135亿美元。"
    assert [c.modality.value for c in _claims(guidance, pack, "revenue")] == ["planned"]
    assert not _numeric_findings([guidance, outcome], pack)
    assert _numeric_findings([guidance, "英伟达第二季度的营收目标约为11亿美元。"], pack)


def test_periods_resolve_against_the_article_date():
    from checker.claims.periods import resolve

    assert resolve("Q4", dt.date(2024, 1, 20)).key == "2023-Q4"  # not begun in 2024: last year's
    assert resolve("last_quarter", dt.date(2024, 2, 1)).key == "2023-Q4"
    assert resolve("this_quarter", dt.date(2023, 5, 26)) == resolve("Q2", dt.date(2023, 5, 26))
    assert resolve("Q2", dt.date(2023, 5, 26)).open and not resolve("Q1", dt.date(2023, 5, 26)).open
    assert resolve("this_quarter", None) is None and resolve("Q3", None).key == "Q3"


TABLE = """以下为腾讯今年前两个季度的主要数据：

| 季度 | 营收（亿元） | 广告收入（亿元） |
|---|---|---|
| 第一季度 | 1500 | 250 |
| 第二季度 | 1490 | 260 |
"""


def test_table_cells_are_read_under_their_column_header(pack):
    claims = _claims(TABLE, pack, "revenue")
    assert [(c.text, c.obj, c.value, c.unit, c.subject) for c in claims] == [
        ("1500", "2023-Q1", "150000000000", "CNY", "tencent"),
        ("1490", "2023-Q2", "149000000000", "CNY", "tencent"),
    ]  # the advertising column is a segment: no revenue claim
    assert _numeric_findings([TABLE, "腾讯第二季度营收为1590亿元。"], pack)
    assert not _numeric_findings([TABLE, "腾讯第二季度营收为1490亿元。"], pack)


def test_a_row_names_its_subject_and_the_header_its_attribute(pack):
    table = "| Model | Context window (tokens) |\n|---|---|\n| Claude 2 | 100,000 |\n| GPT-4 | 32,000 |\n"
    found = {(c.subject, c.attribute, c.value) for c in _claims(table, pack)}
    assert {("claude-2", "context_window", "100000"), ("gpt-4", "context_window", "32000")} <= found


def test_a_carrier_word_hands_a_figure_the_attribute_of_the_clause_before(pack):
    [claim] = _claims("谷歌宣布向Anthropic追加投资，金额约20亿美元。", pack, "investment")
    assert (claim.subject, claim.obj, claim.value) == ("google", "anthropic", "~2000000000")
    # the governing clause measures its own figure: the carrier restates it and is no second claim
    claims = _claims("谷歌宣布一项数十亿美元级别的投资，据悉金额约20亿美元。", pack, "investment")
    assert [c.value for c in claims] == ["1000000000..10000000000"]


def test_funding_rounds_are_compared_round_by_round(pack):
    seed = "Cohere raised $40 million in seed funding."
    series_a = "Cohere closed a $125 million Series A."
    assert [c.obj for c in _claims(seed, pack, "funding_round")] == ["seed"]
    assert not _numeric_findings([seed, series_a], pack)
    # the round is named a sentence before the figure
    later = "Cohere closed a Series A in June. The round totalled $152 million."
    assert [c.obj for c in _claims(later, pack, "funding_round")] == ["series_a"]
    assert _numeric_findings([series_a, later], pack)


def test_the_lead_investor_of_a_round_is_never_its_subject(pack):
    text = "Cohere closed a Series B last year. The round, led by Tiger Global, totalled $125 million."
    [claim] = _claims(text, pack, "funding_round")
    assert (claim.subject, claim.obj) == ("cohere", "series_b")


def test_a_written_calendar_year_keys_the_quarter_but_a_fiscal_year_does_not(pack):
    this_year, last_year = "腾讯第二季度营收为1490亿元。", "腾讯2022年第二季度营收为1340亿元。"
    assert [c.obj for c in _claims(last_year, pack, "revenue")] == ["2022-Q2"]
    assert not _numeric_findings([this_year, last_year], pack)
    assert [c.obj for c in _claims("Tencent's Q2 2022 revenue was $19 billion.", pack, "revenue")] == ["2022-Q2"]
    # Nvidia's fiscal 2024 began in early 2023: the article date decides the calendar quarter
    assert [c.obj for c in _claims("英伟达2024财年第二季度营收为135亿美元。", pack, "revenue")] == ["2023-Q2"]


def test_the_same_amount_in_two_currencies_is_reported_a_conversion_is_not(pack):
    yuan, dollars = "台积电宣布斥资近800亿元扩建先进封装厂。", "台积电宣布斥资近800亿美元扩建先进封装厂。"
    [finding] = _numeric_findings([yuan, dollars], pack)
    assert finding.subject == "tsmc" and "two currencies" in finding.message
    assert not _numeric_findings([yuan, "台积电宣布斥资近110亿美元扩建先进封装厂。"], pack)


def test_british_money_and_hyphenated_scales_are_read(pack):
    from checker.values import find_quantities

    def read(text: str):
        return [(m.text, m.quantity.unit, m.quantity.low) for m in find_quantities(text, traditional=False, settings=pack.value_settings)]

    assert read("closed a £12m seed round") == [("£12m", "GBP", 11.5e6)]
    assert read("a 40-billion-parameter model") == [("40-billion", "count", 39.5e9)]
    assert read("the 100m sprint") == []  # without a currency sign, m is no million


def test_a_respectively_list_pairs_each_figure_with_its_name(pack):
    found = {(c.subject, c.value) for c in _claims("Baichuan-7B和Baichuan-13B的参数量分别为70亿和130亿。", pack, "parameter_count")}
    assert found == {("baichuan-7b", "7000000000"), ("baichuan-13b", "13000000000")}
    # names and figures that do not pair up one to one give no claim rather than a wrong one
    assert not _claims("Baichuan-13B的参数量分别为70亿和130亿。", pack, "parameter_count")


def test_a_table_row_names_its_round(pack):
    table = "| 公司 | 融资额 | 轮次 |\n|---|---|---|\n| 智谱AI | 25亿元 | B轮 |\n"
    [claim] = _claims(table, pack, "funding_round")
    assert (claim.subject, claim.obj, claim.unit) == ("zhipu-ai", "series_b", "CNY")


def test_rows_far_down_a_table_keep_the_subject_its_introduction_names(pack):
    rows = "\n".join(f"| 第{n % 4 + 1}季度 | {1200 + n} |" for n in range(8))
    claims = _claims("以下为腾讯近两年的季度数据：\n\n| 季度 | 营收（亿元） |\n|---|---|\n" + rows, pack, "revenue")
    assert len(claims) == 8 and {c.subject for c in claims} == {"tencent"}
    assert {c.subject_text for c in claims} == {"腾讯"}


def test_a_measure_word_before_another_noun_counts_that_noun(pack):
    assert not _claims("Baichuan-13B的两个版本参数量相同。", pack, "parameter_count")
    assert [c.value for c in _claims("训练GPT-4用到了约2万块GPU。", pack, "gpu_count")] == ["~20000"]
