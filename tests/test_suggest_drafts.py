"""`checker entities suggest` proposes types from the pack's own type words, and draft attributes
for words that recur next to figures no attribute reads; the drafts load as a pack's attributes.
Sentences are our own, on the drug-approval pack."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.api import run
from checker.attribute_candidates import attributes_yaml, suggest_attributes
from checker.candidates import suggest_entities
from checker.cli import app
from checker.rulepack import load_rules
from tests.conftest import FIXTURES

PHARMA_RULES = FIXTURES / "pharma" / "rules"
ARTICLES = {
    "a.md": "---\ndate: 2023-03-01\n---\n新冠疫苗Veltriva进入三期试验。\n\n渤健去年的研发投入为23亿美元。\n\n辉瑞的员工人数为8.3万人。\n",
    "b.md": "---\ndate: 2023-03-02\n---\nThe vaccine Veltriva is in a late-stage trial.\n\n卫材的研发投入约为15亿美元。\n\n礼来员工人数约为3.9万人。\n",
    "c.md": "---\ndate: 2023-03-03\n---\nQuorix完成了新一轮融资。\n\n辉瑞全年营收为1003亿美元。\n\n辉瑞的营收为1003亿美元。\n",
}
runner = CliRunner()


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def result(folder):
    return run([folder], PHARMA_RULES)


def test_the_pack_s_type_words_type_a_name(result):
    found = {s.id: s for s in suggest_entities(result.articles, result.candidates, result.pack)}
    assert (found["veltriva"].type, found["veltriva"].typed) == ("vaccine", True)


def test_a_guess_the_pack_does_not_declare_falls_back_to_its_first_type(result):
    found = {s.id: s for s in suggest_entities(result.articles, result.candidates, result.pack)}
    assert (found["quorix"].type, found["quorix"].typed) == ("organization", False)


def test_recurring_words_before_unread_figures_become_draft_attributes(result):
    drafts = {d.word: d for d in suggest_attributes(result.articles, result.claims, result.pack)}
    assert set(drafts) == {"投入", "人数"}  # 营收 is read by `revenue`, so its figures propose nothing
    spend, staff = drafts["投入"], drafts["人数"]
    assert (spend.kind, spend.units, spend.subject_types, spend.occurrences, spend.articles) == ("quantity", ("currency",), ("organization",), 2, 2)
    assert (staff.name, staff.units) == ("renshu", ("count",))


def test_a_word_seen_once_is_no_draft(result):
    assert suggest_attributes(result.articles[:1], result.claims, result.pack) == []


def _with_attributes(tmp_path: Path, entries: str) -> Path:
    pack = tmp_path / "rules"
    pack.mkdir()
    for name in ("entities.yaml", "attributes.yaml", "facts.yaml", "settings.yaml"):
        (pack / name).write_bytes((PHARMA_RULES / name).read_bytes())
    with (pack / "attributes.yaml").open("a", encoding="utf-8") as out:
        out.write(entries)
    return pack


def test_the_yaml_output_s_draft_loads_once_uncommented(folder, tmp_path):
    out = runner.invoke(app, ["entities", "suggest", str(folder), "--rules", str(PHARMA_RULES)])
    assert out.exit_code == 0, out.output
    draft = out.output.split("# --- attributes.yaml:", 1)[1]
    entries = "\n".join(line[2:] for line in draft.splitlines() if line.startswith("#   "))
    assert "renshu:" in entries and "touru:" in entries
    pack = load_rules(_with_attributes(tmp_path, entries + "\n"))
    assert pack.attributes["touru"].triggers == ["投入"]


def test_the_markdown_output_ends_with_a_draft_that_loads(folder, tmp_path):
    out = runner.invoke(app, ["entities", "suggest", str(folder), "--rules", str(PHARMA_RULES), "--format", "md"])
    assert out.exit_code == 0, out.output
    assert "| 投入 | quantity | currency | organization | 2 | 2 |" in out.output
    block = re.search(r"```yaml\nattributes:\n(.*?)```", out.output, re.DOTALL).group(1)
    pack = load_rules(_with_attributes(tmp_path, block))
    assert pack.attributes["renshu"].units == ["count"]


def test_the_draft_lines_name_their_evidence(result):
    lines = attributes_yaml(suggest_attributes(result.articles, result.claims, result.pack))
    assert any(line.strip().startswith("# 投入: 2× next to a currency figure in 2 article(s)") for line in lines)
