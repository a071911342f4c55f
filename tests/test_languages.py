"""The language seam: grammar words are per-language tables in checker/languages, validated on load."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

import checker.languages as languages
from checker.claims.context import mask_quoted_names
from checker.extract import extract_article
from checker.languages import LANGUAGES, LanguageError, grammar, load_grammar, load_table
from checker.models import Article, Qualifier
from checker.values import find_dates, find_quantities

HERE = languages.HERE


def test_every_shipped_table_loads_and_is_merged_in_order():
    for code in LANGUAGES:
        load_table(HERE / f"{code}.yaml")
    words = grammar()
    assert words.quotes[0] == ("「", "」") and words.quotes[-1] == ('"', '"')  # zh before en
    assert "dubbed" in words.naming_words and "名为" in words.naming_words
    assert sorted(p.stem for p in HERE.glob("*.yaml")) == sorted(LANGUAGES)  # no table left unread


@pytest.mark.parametrize(
    ("body", "line", "says"),
    [
        ("quotes: [[「, 」]]\nnaming_word: [dubbed]\n", 2, "naming_word"),
        ("particles: [的, 了了]\n", 1, "particles"),
        ("function_words: [a, on]\nspeech_verbs: said\n", 2, "speech_verbs"),
    ],
)
def test_a_wrong_table_names_its_file_and_line(tmp_path, body, line, says):
    path = tmp_path / "xx.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(LanguageError) as caught:
        load_table(path)
    assert f"xx.yaml:{line}:" in str(caught.value) and says in str(caught.value)


@pytest.mark.parametrize(("data", "says"), [(b"- [a, b]\n", "xx.yaml"), (b"quotes: [\xff\xfe]\n", "cannot read"), (b"quotes: [[a, b\n", "xx.yaml:")])
def test_a_table_that_is_no_mapping_or_no_yaml_is_an_error(tmp_path, data, says):
    path = tmp_path / "xx.yaml"
    path.write_bytes(data)
    with pytest.raises(LanguageError, match=says):
        load_table(path)


def test_yaml_booleans_are_no_words(tmp_path):
    path = tmp_path / "xx.yaml"
    path.write_text("function_words: [a, on]\n", encoding="utf-8")  # `on` reads as true: quote it
    with pytest.raises(LanguageError, match="xx.yaml:1"):
        load_table(path)


@pytest.fixture
def toy_language(tmp_path, monkeypatch):
    """The recipe of docs/architecture.md: a table beside the others and its code in LANGUAGES."""
    for code in LANGUAGES:
        shutil.copy(HERE / f"{code}.yaml", tmp_path / f"{code}.yaml")
    (tmp_path / "es.yaml").write_text("person_roles: [directora, portavoz]\nfunction_words: [la, el, según]\n", encoding="utf-8")
    monkeypatch.setattr(languages, "HERE", tmp_path)
    monkeypatch.setattr(languages, "LANGUAGES", LANGUAGES + ("es",))
    grammar.cache_clear()
    yield
    grammar.cache_clear()


def _guessed_types(pack) -> dict[str, str | None]:
    text = "El informe, según la directora Marta Quiroga, llegó el martes."
    found = extract_article(Article(id="t", path="t.md", text=text, date=dt.date(2023, 5, 2), language="en"), pack).candidates
    return {c.text: c.type for c in found}


def test_a_toy_language_table_is_read_by_the_extractors(pack, toy_language):
    assert "directora" in grammar().person_roles
    assert _guessed_types(pack)["Marta Quiroga"] == "person"  # a name after a role word of the table


def test_without_the_toy_table_the_role_word_is_unknown(pack):
    assert _guessed_types(pack)["Marta Quiroga"] is None  # found as a name, of no guessed type
    assert load_grammar(HERE, ("en",)).quotes == (('"', '"'),)


@pytest.fixture
def tables(tmp_path, monkeypatch):
    """Copies of the shipped tables to edit, read in place of them."""
    for code in LANGUAGES:
        shutil.copy(HERE / f"{code}.yaml", tmp_path / f"{code}.yaml")
    monkeypatch.setattr(languages, "HERE", tmp_path)
    grammar.cache_clear()
    yield tmp_path
    grammar.cache_clear()


SPANISH = """\
months: [[enero], [febrero], [marzo], [abril], [mayo], [junio], [julio], [agosto], [septiembre], [octubre], [noviembre], [diciembre]]
number_words: {siete: 7, veinte: 20}
scale_words: {mil: 1000}
number_joiners: ["y"]
"""


def test_month_and_number_words_are_the_tables(tables, monkeypatch):
    (tables / "es.yaml").write_text(SPANISH, encoding="utf-8")
    monkeypatch.setattr(languages, "LANGUAGES", LANGUAGES + ("es",))
    grammar.cache_clear()
    [date] = find_dates("Lanzado enero 5, 2023.", None)
    assert (date.text, date.span.low) == ("enero 5, 2023", dt.date(2023, 1, 5))
    [figure] = find_quantities("Contrató veinte y siete mil técnicos.")
    assert (figure.text, figure.quantity.value) == ("veinte y siete mil", 27000)
    assert find_dates("Launched January 5, 2023.", None)[0].span.low == dt.date(2023, 1, 5)  # en still read


def test_without_the_month_words_no_english_date_is_read(tables):
    en = (tables / "en.yaml").read_text(encoding="utf-8")
    (tables / "en.yaml").write_text(en.split("\nmonths:")[0] + "\nweekdays:" + en.split("\nweekdays:")[1], encoding="utf-8")
    assert find_dates("Launched January 5, 2023.", None) == []
    assert "january" not in grammar().calendar_words


def test_a_date_frame_of_the_table_dates_the_clause_after_it(tables, pack):
    text = "截至2023年4月底为止，腾讯尚未发布任何大模型。"

    def as_of():
        article = Article(id="t", path="t.md", text=text, date=dt.date(2023, 6, 1), language="zh")
        return [c.as_of for c in extract_article(article, pack).claims if c.negated]

    assert as_of() == [dt.date(2023, 4, 30)]
    zh = (tables / "zh.yaml").read_text(encoding="utf-8")
    (tables / "zh.yaml").write_text(zh.replace("date_frames: [截至, 到, 在, 于]\n", ""), encoding="utf-8")
    grammar.cache_clear()
    assert as_of() == [dt.date(2023, 6, 1)]  # 截至…为止 is more than a date: the article's date holds


@pytest.mark.parametrize(("key", "count"), [("months", 12), ("weekdays", 7)])
def test_a_calendar_of_the_wrong_length_names_its_line(tmp_path, key, count):
    path = tmp_path / "xx.yaml"
    path.write_text(f"quotes: [['\"', '\"']]\n{key}: [[one], [two]]\n", encoding="utf-8")
    with pytest.raises(LanguageError) as caught:
        load_table(path)
    assert "xx.yaml:2:" in str(caught.value) and f"not {count}" in str(caught.value)


def test_the_quotation_marks_that_fence_a_name_are_the_tables(tables, monkeypatch):
    text = "El programa «Plan Norte» prevé dos fases."
    assert mask_quoted_names(text) == text
    (tables / "es.yaml").write_text("quotes: [[«, »]]\n", encoding="utf-8")
    monkeypatch.setattr(languages, "LANGUAGES", LANGUAGES + ("es",))
    grammar.cache_clear()
    assert mask_quoted_names(text) == "El programa «" + " " * len("Plan Norte") + "» prevé dos fases."


def test_the_currency_words_are_the_tables(tables, monkeypatch):
    assert find_quantities("Pagó 20 libras.")[0].quantity.unit == "count"
    (tables / "es.yaml").write_text("currencies: {GBP: [libras]}\n", encoding="utf-8")
    monkeypatch.setattr(languages, "LANGUAGES", LANGUAGES + ("es",))
    grammar.cache_clear()
    [paid] = find_quantities("Pagó 20 libras.")
    assert (paid.text, paid.quantity.unit, paid.quantity.value) == ("20 libras", "GBP", 20)


def test_a_currency_the_readers_do_not_know_names_its_line(tmp_path):
    path = tmp_path / "xx.yaml"
    path.write_text("quotes: [['\"', '\"']]\ncurrencies:\n  MXN: [pesos]\n", encoding="utf-8")
    with pytest.raises(LanguageError) as caught:
        load_table(path)
    assert "xx.yaml:2:" in str(caught.value) and "MXN" in str(caught.value)


def test_hedges_and_the_words_that_only_hold_one_are_the_tables(tables, monkeypatch):
    assert find_quantities("Contrató unos 40 técnicos.")[0].quantity.qualifier is Qualifier.exact
    (tables / "es.yaml").write_text("hedges_before: {approx: [unos]}\n", encoding="utf-8")
    monkeypatch.setattr(languages, "LANGUAGES", LANGUAGES + ("es",))
    grammar.cache_clear()
    [hired] = find_quantities("Contrató unos 40 técnicos.")
    assert (hired.text, hired.quantity.qualifier) == ("unos 40", Qualifier.approx)
    assert find_quantities("商场附近3家门店")[0].quantity.qualifier is Qualifier.exact  # 附近 holds 近 but is none
    zh = (tables / "zh.yaml").read_text(encoding="utf-8")
    (tables / "zh.yaml").write_text(zh.replace("not_hedges: [最近, 附近,", "not_hedges: [最近,"), encoding="utf-8")
    grammar.cache_clear()
    assert find_quantities("商场附近3家门店")[0].quantity.qualifier is not Qualifier.exact


def test_time_zones_and_open_periods_are_the_tables(tables, monkeypatch):
    assert find_dates("Abrió desde May 2021.", dt.date(2023, 5, 10))[0].span.qualifier is Qualifier.exact
    (tables / "es.yaml").write_text("time_zones: {local: [hora local]}\nopen_periods_before: {since: [desde]}\n", encoding="utf-8")
    monkeypatch.setattr(languages, "LANGUAGES", LANGUAGES + ("es",))
    grammar.cache_clear()
    [opened] = find_dates("Abrió desde May 2021.", dt.date(2023, 5, 10))
    assert (opened.span.low, opened.span.high, opened.span.qualifier) == (dt.date(2021, 5, 1), dt.date(2023, 5, 10), Qualifier.at_least)
    [zoned] = find_dates("Abrió hora local May 3, 2021.", None)
    assert (zoned.text, zoned.span.timezone) == ("hora local May 3, 2021", "local")


def test_duration_units_of_the_tables_make_a_number_no_figure(tables, monkeypatch):
    assert [m.text for m in find_quantities("Tardó 5 años en salir.")] == ["5"]
    (tables / "es.yaml").write_text("duration_units: [años, meses]\n", encoding="utf-8")
    monkeypatch.setattr(languages, "LANGUAGES", LANGUAGES + ("es",))
    grammar.cache_clear()
    assert find_quantities("Tardó 5 años en salir.") == []


def test_relative_days_and_steps_are_the_tables(tables, monkeypatch):
    base = dt.date(2023, 5, 10)  # a Wednesday
    assert find_dates("Lo dijo ayer.", base) == []
    (tables / "es.yaml").write_text("relative_days: {ayer: -1}\nrelative_steps: {pasado: -1}\n", encoding="utf-8")
    monkeypatch.setattr(languages, "LANGUAGES", LANGUAGES + ("es",))
    grammar.cache_clear()
    assert find_dates("Lo dijo ayer.", base)[0].span.low == dt.date(2023, 5, 9)
    assert find_dates("Abrió pasado month.", base)[0].span.low == dt.date(2023, 4, 1)


def test_ordinals_quarters_and_thirds_are_the_tables(tables, monkeypatch):
    base = dt.date(2023, 5, 10)
    assert find_dates("Cerró el segundo trimestre y principios 2021.", base) == []
    (tables / "es.yaml").write_text(
        "ordinals: {segundo: 2}\nperiod_words: {quarter: [trimestre], half: [semestre]}\nperiod_thirds: {early: [principios]}\n", encoding="utf-8"
    )
    monkeypatch.setattr(languages, "LANGUAGES", LANGUAGES + ("es",))
    grammar.cache_clear()
    quarter, third = find_dates("Cerró el segundo trimestre y principios 2021.", base)
    assert (quarter.text, quarter.span.low, quarter.span.high) == ("segundo trimestre", dt.date(2023, 4, 1), dt.date(2023, 6, 30))
    assert (third.text, third.span.low, third.span.high) == ("principios 2021", dt.date(2021, 1, 1), dt.date(2021, 4, 30))
    assert find_dates("el segundo semestre", base)[0].span.high == dt.date(2023, 12, 31)


def test_an_ordinal_past_the_fourth_names_its_line(tmp_path):
    path = tmp_path / "xx.yaml"
    path.write_text("quotes: [['\"', '\"']]\nordinals: {quinto: 5}\n", encoding="utf-8")
    with pytest.raises(LanguageError) as caught:
        load_table(path)
    assert "xx.yaml:2:" in str(caught.value)


def test_sign_and_from_words_are_the_tables(tables, monkeypatch):
    assert find_quantities("Bajó menos 3%.")[0].quantity.low > 0
    assert [m.text for m in find_quantities("Pasó desde 3 to 5.")] == ["3 to 5"]
    (tables / "es.yaml").write_text("sign_words: [menos]\nfrom_words: [desde]\n", encoding="utf-8")
    monkeypatch.setattr(languages, "LANGUAGES", LANGUAGES + ("es",))
    grammar.cache_clear()
    [fell] = find_quantities("Bajó menos 3%.")
    assert (fell.text, fell.quantity.high) == ("menos 3%", -2.5)
    assert find_quantities("Bajó menos 3 puntos.")[0].quantity.low > 0  # a Latin sign word: percentages only
    assert [m.text for m in find_quantities("Pasó desde 3 to 5.")] == ["3", "5"]


def test_percent_point_and_tenth_words_are_the_tables(tables, monkeypatch):
    assert [m.quantity.unit for m in find_quantities("Subió 3 por ciento, 2 puntos porcentuales.")] == ["count", "count"]
    (tables / "es.yaml").write_text("percent_words: [por ciento]\npoint_words: [puntos porcentuales]\n", encoding="utf-8")
    monkeypatch.setattr(languages, "LANGUAGES", LANGUAGES + ("es",))
    grammar.cache_clear()
    assert [m.quantity.unit for m in find_quantities("Subió 3 por ciento, 2 puntos porcentuales.")] == ["percent", "percentage_point"]
    assert find_quantities("市场份额达三成")[0].quantity.unit == "percent"
    zh = (tables / "zh.yaml").read_text(encoding="utf-8")
    (tables / "zh.yaml").write_text(zh.replace("tenth_words: [成]", "tenth_words: []").replace("percent_prefixes: [百分之]", "percent_prefixes: []"), encoding="utf-8")
    grammar.cache_clear()
    assert find_quantities("市场份额达三成，增长百分之五") == []  # no tenth, no percent: 三 runs into a word, 五 follows none


def test_relative_days_in_cjk_need_no_word_edges(tables, monkeypatch):
    base = dt.date(2023, 5, 10)
    assert find_dates("昨晚AI大会开幕", base)[0].span.low == dt.date(2023, 5, 9)  # a Latin letter after it
    assert [m.text for m in find_dates("一昨日に発表", base)] == ["昨日"]
    (tables / "ja.yaml").write_text("relative_days: {一昨日: -2}\n", encoding="utf-8")
    monkeypatch.setattr(languages, "LANGUAGES", LANGUAGES + ("ja",))
    grammar.cache_clear()
    [said] = find_dates("一昨日に発表", base)
    assert (said.text, said.span.low) == ("一昨日", dt.date(2023, 5, 8))


def test_relative_years_and_months_are_the_tables(tables, monkeypatch):
    base = dt.date(2023, 5, 10)
    assert [m.text for m in find_dates("大后年上线，上个月底签约", base)] == ["大后年", "上个月底"]
    assert find_dates("大后年上线", base)[0].span.low == dt.date(2026, 1, 1)  # three years on (jionlp read two)
    (tables / "ja.yaml").write_text("relative_years: {来年: 1}\nrelative_months: {先月: -1}\n", encoding="utf-8")
    monkeypatch.setattr(languages, "LANGUAGES", LANGUAGES + ("ja",))
    grammar.cache_clear()
    next_year, last_month = find_dates("来年3月、先月末", base)
    assert (next_year.text, next_year.span.low) == ("来年3月", dt.date(2024, 3, 1))
    assert (last_month.text, last_month.span.low, last_month.span.high) == ("先月末", dt.date(2023, 4, 21), dt.date(2023, 4, 30))
