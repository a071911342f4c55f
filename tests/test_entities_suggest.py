"""`checker entities suggest`: entities.yaml entries for names the rules pack does not know."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from checker.api import extract_all
from checker.candidates import (
    Context,
    Suggestion,
    render_markdown,
    render_yaml,
    slug,
    suggest_entities,
)
from checker.cli import app
from checker.load import load_articles
from checker.models import Article, Candidate
from checker.normalize import detect_language
from checker.rulepack import bundled_rules_dir, load_rules
from tests.conftest import SEEDS

runner = CliRunner()

ARTICLES = {
    "a.md": "---\ntitle: 一\ndate: 2023-02-21\n---\nDeepMind的对话模型Sparrow拥有700亿参数。\n中科院发布了紫东太初大模型，ChatGPT则来自OpenAI。\n",
    "b.md": "---\ntitle: 二\ndate: 2023-02-23\n---\nDeepMind的對話模型Sparrow擁有1,370億個參數。\n另一家媒體把它寫成Sparow，還提到了Zidong Taichu。\n",
    "c.md": "---\ntitle: 三\ndate: 2023-02-24\n---\nMeta的PaLM-E对手名单里还有Palm-E的传闻和Sparrow。\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def suggestions_for(texts: dict[str, str], pack, min_count: int = 1) -> list[Suggestion]:
    articles = [Article(id=name, path=name, text=text, language=detect_language(text)) for name, text in texts.items()]
    return suggest_entities(articles, [c for e in extract_all(articles, pack) for c in e.candidates], pack, min_count)


def test_groups_spellings_across_articles_and_ranks_by_occurrences(pack):
    found = suggestions_for(ARTICLES, pack)
    by_id = {s.id: s for s in found}
    sparrow = by_id["sparrow"]
    assert (sparrow.type, sparrow.occurrences, sparrow.articles) == ("model", 4, 3)
    assert set(sparrow.aliases) == {"Sparrow", "Sparow"}  # a near-identical spelling folds in
    assert found[0] is sparrow  # most occurrences first
    assert set(by_id["palm-e"].aliases) == {"PaLM-E", "Palm-E"}
    taichu = by_id["zidong-taichu"]  # the Latin spelling names the entry, the CJK name joins it by pinyin
    assert set(taichu.aliases) == {"紫东太初", "Zidong Taichu"}


def test_contexts_name_article_and_line(pack):
    [sparrow] = [s for s in suggestions_for(ARTICLES, pack) if s.id == "sparrow"]
    assert [(c.article, c.line) for c in sparrow.contexts] == [("a.md", 5), ("b.md", 5), ("c.md", 5)]
    assert "Sparrow擁有1,370億個參數" in sparrow.contexts[1].text


def test_known_names_are_never_suggested(pack):
    found = suggestions_for(ARTICLES, pack)
    aliases = {a.casefold() for s in found for a in s.aliases}
    assert not aliases & {"chatgpt", "openai", "meta", "deepmind的"}
    known = {a.casefold() for e in pack.entities.values() for a in e.aliases}
    assert not aliases & known


def test_min_count(pack):
    assert {s.id for s in suggestions_for(ARTICLES, pack, min_count=3)} == {"sparrow"}
    assert {s.id for s in suggestions_for(ARTICLES, pack, min_count=2)} == {"sparrow", "deepmind", "palm-e", "zidong-taichu"}


def test_slugs():
    assert slug("紫东太初") == "zidongtaichu"
    assert slug("PaLM-E") == "palm-e"
    assert slug("Coatue Management") == "coatue-management"
    assert slug("悟道2.0") == "wudao-2-0"


def test_ids_never_clash_with_the_pack(pack):
    texts = {"x.md": "推出了名为“Bard”的产品。对话模型BARD-X和“巴德”聊天机器人都在测试，OpenAI之外还有Open AI Labs。"}
    ids = [s.id for s in suggestions_for(texts, pack)]
    assert len(ids) == len(set(ids)) and not set(ids) & set(pack.entities)


def test_yaml_appended_to_entities_yaml_loads(pack, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(bundled_rules_dir(), rules)
    text = render_yaml(suggestions_for(ARTICLES, pack), indent="  ")
    with (rules / "entities.yaml").open("a", encoding="utf-8") as handle:
        handle.write(text)
    grown = load_rules(rules)
    assert grown.entities["sparrow"].type == "model"
    assert set(grown.entities["zidong-taichu"].aliases) == {"紫东太初", "Zidong Taichu"}
    assert len(grown.entities) == len(pack.entities) + len(suggestions_for(ARTICLES, pack))


def test_yaml_quotes_what_yaml_would_misread():
    tricky = Suggestion(
        id="yes", type="product", aliases=("Yes", "360", "a: b", "# x", "[y]"), occurrences=1, articles=1,
        cues=("quoted",), contexts=(Context("a", 1, "text: with # and ]"),), typed=False,
    )
    [entry] = yaml.safe_load("entities:\n" + render_yaml([tricky]))["entities"]
    assert entry == {"id": "yes", "type": "product", "aliases": ["Yes", "360", "a: b", "# x", "[y]"]}


def test_markdown_table_escapes_article_text():
    row = Suggestion(id="x", type="model", aliases=("A|B",), occurrences=2, articles=1, cues=("latin",), contexts=(Context("a", 3, "<script> | x"),), typed=True)
    table = render_markdown([row])
    assert "A\\|B" in table and "&lt;script> \\| x" in table and "<script>" not in table


# --- the command -------------------------------------------------------------------


def test_cli_yaml_and_markdown(corpus, tmp_path):
    out = tmp_path / "suggested.yaml"
    result = runner.invoke(app, ["entities", "suggest", str(corpus), "--min-count", "2", "--output", str(out)])
    assert result.exit_code == 0, result.output
    entries = yaml.safe_load("entities:\n" + out.read_text(encoding="utf-8"))["entities"]
    # 4 occurrences, then 2 in two articles, then 2 in one article
    assert [e["id"] for e in entries] == ["sparrow", "deepmind", "zidong-taichu", "palm-e"]
    assert "  # a:5: DeepMind的对话模型Sparrow拥有700亿参数。\n" in out.read_text(encoding="utf-8")
    md = runner.invoke(app, ["entities", "suggest", str(corpus), "--format", "md"])
    assert md.exit_code == 0 and "| Sparrow / Sparow | `sparrow` | model | 4 | 3 |" in md.output


def test_cli_exits_2_on_bad_rules_or_no_articles(corpus, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "entities.yaml").write_text("entities: [", encoding="utf-8")
    assert runner.invoke(app, ["entities", "suggest", str(corpus), "--rules", str(broken)]).exit_code == 2
    assert runner.invoke(app, ["entities", "suggest", str(tmp_path / "missing")]).exit_code == 2


# --- the seed articles -----------------------------------------------------------------


def test_seeds_suggest_real_unknown_names_and_no_known_ones(pack):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the project (it is in CI)")
    articles, _ = load_articles([SEEDS])
    found = suggest_entities(articles, [c for e in extract_all(articles, pack) for c in e.candidates], pack)
    aliases = {a for s in found for a in s.aliases}
    assert {"Coatue Management", "Lightspeed Venture Partners", "Azure", "Semafor", "深报"} <= aliases
    types = {a: s.type for s in found for a in s.aliases}
    assert types["Coatue Management"] == "organization" and types["Timothy Arcuri"] == "person"
    # known names, their Traditional forms and their misspellings (字节动态, A21 Labs) are found as entities instead
    assert not aliases & {"ChatGPT", "Bard", "Stability AI", "Claude", "文心一言", "字节动态", "A21 Labs", "AltpaceVR", "Jurassic-1 Jumbo"}
    assert not aliases & {"AI", "GPU", "NLP", "CEO", "LLM", "AIGC", "自然语言", "Transformer"}


# --- people and places ------------------------------------------------------------------

PEOPLE_AND_PLACES = {
    "en.md": (
        "---\ntitle: Funding\ndate: 2023-03-02\n---\n"
        "The chatbot maker Veltrix was co-founded by Priya Raman, a former university researcher.\n"
        "The company opened a second office based in Lisbon this spring.\n"
    ),
    "zh.md": (
        "---\ntitle: 融资\ndate: 2023-03-03\n---\n"
        "据悉，首席执行官 Lena Novak 在发布会上宣布了新计划。\n"
        "该公司执行长Tomas Reyes称，总部位于Porto的团队正在扩招。\n"
    ),
}


def test_people_after_a_cue_are_persons_and_places_are_not_suggested(tmp_path):
    for name, text in PEOPLE_AND_PLACES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["entities", "suggest", str(tmp_path)])
    assert result.exit_code == 0, result.output
    entries = {e["id"]: e for e in yaml.safe_load("entities:\n" + result.stdout)["entities"]}
    assert {entries[id_]["type"] for id_ in ("priya-raman", "lena-novak", "tomas-reyes")} == {"person"}
    assert not {"lisbon", "porto"} & set(entries)
    assert entries["veltrix"]["type"] == "product"  # a one-word name after no cue keeps the default guess


def typed_as(text: str, name: str, pack) -> str | None:
    """The type suggested for `name` when the candidate finder saw it untyped in `text`."""
    start = text.index(name)
    candidate = Candidate(article="x", start=start, end=start + len(name), text=name, name=name.casefold(), cue="latin", type=None)
    article = Article(id="x", path="x.md", text=text, language=detect_language(text))
    found = suggest_entities([article], [candidate], pack)
    return found[0].type if found else None


def test_person_name_shapes_and_cues(pack):
    assert typed_as("Analysts quoted Nadia K. Brooks at length.", "Nadia K. Brooks", pack) == "person"  # an initial
    assert typed_as("Omar Haddad, the firm's founder, declined to comment.", "Omar Haddad", pack) == "person"
    assert typed_as("Founder and CEO Marcus Ellison spoke first.", "Marcus Ellison", pack) == "person"
    assert typed_as("The app was founded by Iris Calloway in 2019.", "Iris Calloway", pack) == "person"
    assert typed_as("The Rivet Studio app topped the charts.", "Rivet Studio", pack) == "product"  # no cue
    assert typed_as("The startup, founded by Veltrix Labs alumni, grew.", "Veltrix Labs alumni", pack) == "product"  # not a name shape


def test_places_are_not_suggested(pack):
    assert typed_as("The Brightwater-based startup hired 40 engineers.", "Brightwater", pack) is None
    assert typed_as("A Denver, Colorado-based rival raised money.", "Denver", pack) is None
    assert typed_as("The lab is based in Lisbon and Porto.", "Lisbon", pack) is None
    assert typed_as("Lisbon is the name of its new model line.", "Lisbon", pack) == "product"
