"""The segmenter seam: tokens, sentences and alias matches as spaCy's Chinese pipeline makes them,
and a pack that picks the char segmenter."""

from __future__ import annotations

import shutil

import pytest
import spacy
from spacy.lang.zh import ChineseTokenizer, Segmenter
from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from checker.extract import extract_article
from checker.load import make_article
from checker.nlp import CharSegmenter, toolkit_for
from checker.rulepack import RulePack, load_rules
from checker.segment import SENTENCE_PUNCT, _sentences
from tests.conftest import ROOT

SENTENCES = [
    "据报道，字节跳动于3月发布了  新模型“云雀”。该公司称，其参数量达到1300亿！",
    "Anthropic said on Feb. 3 that Claude 2 had 100k  tokens of context... It is  available in the U.S.",
    "华为称其盘古大模型（Pangu）已有3.5万家客户使用?。。接下来 呢",
    "\tAI21 Labs和  OpenAI 的模型：GPT-4、Jurassic-2……",
]


def _spacy_pipeline(toolkit):
    nlp = spacy.blank("zh")
    tokenizer = ChineseTokenizer(nlp.vocab, segmenter=Segmenter.char)
    tokenizer.segmenter, tokenizer.jieba_seg = Segmenter.jieba, toolkit.segmenter._jieba
    nlp.tokenizer = tokenizer
    nlp.add_pipe("sentencizer", config={"punct_chars": sorted(SENTENCE_PUNCT)})
    return nlp


@pytest.mark.parametrize("text", SENTENCES)
def test_tokens_sentences_and_alias_matches_are_spacys(pack: RulePack, text: str):
    toolkit = toolkit_for(pack)
    nlp = _spacy_pipeline(toolkit)
    matcher = PhraseMatcher(nlp.vocab)
    for entity in pack.entities.values():
        matcher.add(entity.id, [nlp.make_doc(alias) for alias in entity.aliases])
    doc = nlp(text)
    tokens = toolkit.tokens(text)
    assert [(t.start, t.end, t.text, t.space) for t in tokens] == [(t.idx, t.idx + len(t), t.text, bool(t.whitespace_)) for t in doc]
    assert [(s.start, s.end) for s in _sentences(tokens)] == [(s.start, s.end) for s in doc.sents]
    expected = [(m.label_, m.start, m.end) for m in filter_spans(matcher(doc, as_spans=True))]
    assert toolkit.matches([t.text for t in tokens]) == expected
    assert expected  # each sentence names a known entity


def test_a_pack_may_segment_by_character(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    settings = folder / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nsegmenter: char\n", encoding="utf-8")
    chars = load_rules(folder)
    toolkit = toolkit_for(chars)
    assert isinstance(toolkit.segmenter, CharSegmenter)
    assert [t.text for t in toolkit.tokens("百度 发布")] == ["百", "度", "发", "布"]
    article = make_article("zh-char", "zh-char.md", "据百度介绍，文心一言的用户数已达到1亿。", {"date": "2023-09-01"}, 0, None)
    extraction = extract_article(article, chars)
    assert {m.entity for m in extraction.mentions} == {"baidu", "ernie-bot"}
    [users] = [c for c in extraction.claims if c.subject == "ernie-bot" and c.quantity is not None]
    assert users.quantity.low < 100_000_000 < users.quantity.high
