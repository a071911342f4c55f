"""Legacy encodings are guessed right (checker/legacy.py) and the guess is said.

Texts are generated from short news-style sentences of our own in five Western European
languages and in Simplified and Traditional Chinese, at lengths from a few words to
several kilobytes, and encoded as a Windows or pre-Unicode editor would save them.
"""

from __future__ import annotations

import codecs
import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.legacy import PLAUSIBLE, candidates
from checker.load import decode_bytes, load_data

WESTERN = {
    "fr": ["La société lyonnaise a réalisé un chiffre d'affaires de 38 millions d'euros.", "Le maire a présenté à Orléans un projet évalué à 4,2 millions.", "Les élèves du lycée ont été accueillis dès la rentrée."],
    "de": ["Die Brauerei aus Görlitz steigerte ihren Umsatz um 12 Prozent.", "Der Stadtrat beschloss größere Zuschüsse für die Grundschulen.", "Über 3.000 Besucher kamen zur Eröffnung der Brücke."],
    "es": ["La cooperativa de Jaén exportó 14.000 toneladas de aceite.", "El alcalde inauguró la biblioteca pública el miércoles.", "La compañía ferroviaria ampliará su red en Galicia."],
    "pt": ["A cooperativa de Braga anunciou a contratação de 120 técnicos.", "A exportação de cortiça cresceu 9% no último trimestre.", "O município aprovou a construção de uma nova estação."],
    "it": ["Il comune di Cesena ha stanziato 6 milioni per la viabilità.", "L'azienda tessile è cresciuta del 5% in un anno.", "La città ospiterà più di 200 espositori."],
}
# cp1252 punctuation a Windows editor writes (0x80-0x9F), Latin-1 has none of it
TYPOGRAPHIC = ["Il a déclaré : « c’est un début » – et rien de plus…", "„Wir rechnen mit 5 € pro Kopf“, sagte die Sprecherin — vorsichtig.", "The board called it “a modest step” and raised the dividend to 40¢."]
SIMPLIFIED = ["市交通局周二表示，新线路将于明年六月开通，全长二十三公里。", "该公司去年营业收入为四十二亿元，同比增长百分之八。", "据统计，本届展会共吸引一万两千名观众入场参观。", "省气象台发布通知，预计本周末将出现大范围降雨天气。"]
TRADITIONAL = ["市交通局週二表示，新路線將於明年六月通車，全長二十三公里。", "該公司去年營業收入為四十二億元，年增百分之八。", "據統計，本屆展覽共吸引一萬兩千名觀眾入場參觀。", "氣象局發布通知，預計本週末將出現大範圍降雨。"]
LENGTHS = (1, 3, 40)  # sentences: a headline, a paragraph, an article of several KB
C1_BYTES = re.compile(rb"[\x80-\x9f]")


def article(sentences: list[str], count: int) -> str:
    return " ".join(itertools.islice(itertools.cycle(sentences), count)) + "\n"


def western_cases():
    for (language, sentences), count in itertools.product(WESTERN.items(), LENGTHS):
        yield pytest.param(article(sentences, count), "latin-1", id=f"{language}-latin1-{count}")
        yield pytest.param(article(sentences, count), "cp1252", id=f"{language}-cp1252-{count}")
    for count in LENGTHS:
        yield pytest.param(article(TYPOGRAPHIC, count), "cp1252", id=f"typographic-cp1252-{count}")


@pytest.mark.parametrize("text, saved_as", western_cases())
def test_western_european_text_decodes_to_the_original(text, saved_as):
    data = text.encode(saved_as)
    decoded = decode_bytes(data)
    assert decoded.text == text
    # without bytes 0x80-0x9F Latin-1 and cp1252 read the same: the guess names Latin-1
    expected = "cp1252" if C1_BYTES.search(data) else "latin-1"
    assert decoded.encoding == expected
    assert f"guessed {expected};" in decoded.warning


def chinese_cases():
    for count in LENGTHS:
        for saved_as in ("gbk", "gb18030"):
            yield pytest.param(article(SIMPLIFIED, count), saved_as, "gb18030", id=f"hans-{saved_as}-{count}")
        yield pytest.param(article(TRADITIONAL, count), "big5", "big5", id=f"hant-big5-{count}")
    yield pytest.param("2024年3月\n", "gbk", "gb18030", id="hans-date-only")
    yield pytest.param("2024年3月\n", "big5", "big5", id="hant-date-only")
    yield pytest.param("该款iPhone手机售价为5999元，比上一代贵300元。\n", "gbk", "gb18030", id="hans-with-latin-name")


@pytest.mark.parametrize("text, saved_as, expected", chinese_cases())
def test_chinese_legacy_text_decodes_to_the_original(text, saved_as, expected):
    decoded = decode_bytes(text.encode(saved_as))
    assert decoded.text == text
    assert decoded.encoding == expected
    assert f"guessed {expected};" in decoded.warning


def test_the_guess_is_a_warning_naming_the_file():
    _, problems = load_data("Le député a voté contre.\n".encode("latin-1"), "votes.md", "votes")
    assert [(p.path, p.level) for p in problems] == [("votes.md", "warning")]
    assert "guessed latin-1" in problems[0].message


def test_a_single_accented_word_is_not_read_as_chinese():
    """The old failure: a Latin-1 pair of bytes is a valid (rare) GB18030 character."""
    for word in ("informação", "Ärger über Öl", "Grüße"):
        assert decode_bytes(word.encode("latin-1")).text == word


def test_latin1_read_as_chinese_scores_low_and_chinese_read_as_cp1252_too():
    western = {guess.encoding: guess.score for guess in candidates(article(WESTERN["pt"], 3).encode("latin-1"))}
    assert western["latin-1"] >= PLAUSIBLE > western.get("gb18030", 0.0)
    chinese = {guess.encoding: guess.score for guess in candidates(article(SIMPLIFIED, 3).encode("gbk"))}
    assert chinese["gb18030"] >= PLAUSIBLE > chinese["latin-1"]


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")))
def test_any_utf8_text_round_trips_unchanged(text):
    """UTF-8 is tried before any guess: valid UTF-8 is never re-read (a leading U+FEFF is
    a byte-order mark, and dropped)."""
    decoded = decode_bytes(text.encode("utf-8"))
    assert decoded.text == text.removeprefix("\ufeff")
    assert decoded.encoding == "utf-8"
    assert decoded.warning is None


def test_a_bom_is_never_guessed_away():
    decoded = decode_bytes(codecs.BOM_UTF8 + "Grüße".encode("utf-8"))
    assert (decoded.text, decoded.encoding, decoded.warning) == ("Grüße", "utf-8", None)
