"""Stage 2 tests: folding keeps every offset, full-width and Traditional forms fold."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.normalize import NormalizedText, detect_language, normalize, traditional_share


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalize_keeps_length(text):
    assert len(normalize(text).text) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF)))
def test_normalize_keeps_length_cjk(text):
    assert len(normalize(text).text) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["https://x.cn/a", "![图](a.png)", " ", "参數", "１２", "www.e.com", "[a](http://b)", ")", "\n"])).map("".join))
def test_normalize_keeps_length_with_links(text):
    assert len(normalize(text).text) == len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_ascii_without_links_is_unchanged(text):
    if "http" in text or "www." in text or "](" in text:
        return
    assert normalize(text).text == text


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("１７５０億", "1750亿"),
        ("１７５０亿", "1750亿"),
        ("ＧＰＴ－３", "GPT-3"),
        ("ＯｐｅｎＡＩ", "OpenAI"),
        ("（约）", "(约)"),
        ("１２．５％", "12.5%"),
        ("！？：；", "!?:;"),
        ("＄３", "$3"),
    ],
)
def test_full_width_folds(raw, folded):
    assert normalize(raw).text == folded


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("參數", "参数"),
        ("億", "亿"),
        ("騰訊", "腾讯"),
        ("華為", "华为"),
        ("語言模型", "语言模型"),
        ("騰訊發佈了１７５０億個參數的模型", "腾讯发布了1750亿个参数的模型"),
    ],
)
def test_traditional_folds_to_simplified(raw, folded):
    assert normalize(raw).text == folded


def test_simplified_text_untouched_except_full_width_forms():
    text = "腾讯发布了新模型，参数达到1750亿。“引号”与《书名》、"
    result = normalize(text)
    # only the full-width comma (U+FF0C) folds; CJK punctuation such as 。、《》 stays
    assert result.text == text.replace("，", ",")
    assert result.traditional is False


def test_characters_expanding_under_nfkc_are_kept():
    # NFKC would turn these into two or more characters; they must stay as they are
    for char in ("ﬁ", "㎏", "…", "½", "㍻"):
        assert normalize(char).text == char


def test_normalize_returns_normalized_text():
    result = normalize("騰訊")
    assert isinstance(result, NormalizedText)
    assert result.traditional is True


def test_traditional_flag_follows_language_argument():
    assert normalize("騰訊發佈", language="zh-Hans").traditional is False
    assert normalize("腾讯发布", language="zh-Hant").traditional is True
    assert normalize("腾讯发布").traditional is False
    assert normalize("騰訊發佈").traditional is True


def _check_blanked(text: str, masked: str) -> None:
    result = normalize(text).text
    assert len(result) == len(text)
    start = text.index(masked)
    assert result[start:start + len(masked)] == " " * len(masked)
    # outside the blanked span everything is kept
    assert result[:start] == text[:start]
    assert result[start + len(masked):] == text[start + len(masked):]


@pytest.mark.parametrize(
    "text, masked",
    [
        ("详见 https://example.com/a/b?c=1&d=2 的说明", "https://example.com/a/b?c=1&d=2"),
        ("see http://example.org/x for 175 billion", "http://example.org/x"),
        ("访问 www.example.cn/path 查看", "www.example.cn/path"),
        ("前文 ![配图 175B](https://img.example.com/1750.png) 后文", "![配图 175B](https://img.example.com/1750.png)"),
        ("前文 ![alt](images/local-2023.png) 后文", "![alt](images/local-2023.png)"),
        ("数据 [来源](https://example.com/gpt3-175b) 显示", "](https://example.com/gpt3-175b)"),
    ],
)
def test_urls_and_images_blanked(text, masked):
    _check_blanked(text, masked)


def test_blanked_urls_leave_no_digits():
    text = "GPT-3 https://arxiv.org/abs/2005.14165 有1750亿个参数"
    result = normalize(text).text
    assert re.findall(r"\d+", result) == ["3", "1750"]


def test_full_width_url_is_folded_then_blanked():
    text = "见ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ／１７５ 完"
    result = normalize(text).text
    assert result == "见" + " " * (len(text) - 3) + " 完"


def test_offsets_line_up_with_original():
    text = "騰訊 https://e.com/x 發佈１７５０億參數"
    result = normalize(text).text
    start = text.index("１７５０")
    assert result[start:start + 4] == "1750"
    start = text.index("參數")
    assert result[start:start + 2] == "参数"


# --- language detection ---------------------------------------------------------

SIMPLIFIED = [
    "百度今天发布了新的语言模型，参数规模达到一千亿。",
    "这家公司计划明年推出一款聊天机器人。",
    "OpenAI 发布了 ChatGPT，引发了国内科技公司的广泛关注和讨论。",
]
TRADITIONAL = [
    "百度今天發佈了新的語言模型，參數規模達到一千億。",
    "這家公司計劃明年推出一款聊天機器人。",
    "騰訊與華為都宣佈將投入更多資金研發人工智慧。",
]
ENGLISH = [
    "Baidu released a new language model with one hundred billion parameters.",
    "The company plans to launch a chatbot next year.",
    "Shares rose 5% after the announcement, adding $10 billion in value.",
    "",
    "12345 67890",
]
MIXED = [
    "百度 released 新的 model with many parameters 参数",
    "这个 model 的 benchmark 和 performance 都很好",
]


@pytest.mark.parametrize("text", SIMPLIFIED)
def test_detect_simplified(text):
    assert detect_language(text) == "zh-Hans"


@pytest.mark.parametrize("text", TRADITIONAL)
def test_detect_traditional(text):
    assert detect_language(text) == "zh-Hant"


@pytest.mark.parametrize("text", ENGLISH)
def test_detect_english(text):
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", MIXED)
def test_detect_mixed(text):
    assert detect_language(text) == "mixed"


def test_traditional_share():
    assert traditional_share("") == 0.0
    assert traditional_share("English only") == 0.0
    assert traditional_share("腾讯参数") == 0.0
    assert traditional_share("騰訊參數") == 1.0
    assert traditional_share("騰讯参数") == pytest.approx(0.25)
