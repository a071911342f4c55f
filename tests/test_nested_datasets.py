"""Folders inside folders: a subfolder that is a dataset or rules pack of its own is a boundary.

`checker report fixtures/` must not read `fixtures/ev/` (another domain, another pack,
another expected.yaml), but says once that it skipped it; passing the subfolder reads it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.evaluate import load_expected
from checker.load import boundary_reason, find_article_files, load_articles
from tests.conftest import FIXTURES


def write(root: Path, name: str, text: str = "正文。\n") -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A parent dataset with an ordinary subfolder, a nested dataset and a nested pack-carrying folder."""
    root = tmp_path / "corpus"
    write(root, "a.md")
    write(root, "expected.yaml", "articles: {a: zh-Hans}\n")
    write(root, "plain/b.md")
    write(root, "ev/c.md")
    write(root, "ev/deeper/d.md")
    write(root, "ev/expected.yaml", "articles: {c: zh-Hans}\n")
    write(root, "ev/rules/entities.yaml", "entities: []\n")
    write(root, "pharma/e.txt")
    write(root, "pharma/rules/entities.yaml", "entities: []\n")
    return root


def test_boundary_reasons(corpus):
    assert boundary_reason(corpus / "ev") == "a separate dataset (has expected.yaml)"
    assert boundary_reason(corpus / "pharma") == "a separate dataset (has its own rules/ pack)"
    assert boundary_reason(corpus / "ev" / "rules") == "a rules pack (has entities.yaml)"
    assert boundary_reason(corpus / "plain") is None


def test_parent_skips_nested_datasets_and_says_so_once(corpus):
    articles, problems = load_articles([corpus])
    assert [a.id for a in articles] == ["a", "plain/b"]
    assert [(p.path, p.level) for p in problems] == [(str(corpus / "ev"), "info"), (str(corpus / "pharma"), "info")]
    assert problems[0].message == "skipped: a separate dataset (has expected.yaml); pass the folder explicitly to read it"
    assert "rules/" in problems[1].message


def test_nested_dataset_passed_explicitly_is_read(corpus):
    articles, problems = load_articles([corpus / "ev"])
    assert problems == []  # its own rules/ folder holds no articles: nothing to mention
    assert [a.id for a in articles] == ["c", "deeper/d"]


def test_both_parent_and_nested_dataset_passed(corpus):
    articles, problems = load_articles([corpus, corpus / "ev"])
    assert [a.id for a in articles] == ["a", "plain/b", "c", "deeper/d"]
    assert [p.path for p in problems] == [str(corpus / "pharma")]


def test_boundary_without_articles_is_skipped_silently(tmp_path):
    root = tmp_path / "corpus"
    write(root, "a.md")
    write(root, "rules/entities.yaml", "entities: []\n")
    write(root, "rules/notes.md", "about the pack\n")  # a pack folder's notes are not news
    write(root, "empty-dataset/expected.yaml", "articles: {}\n")
    found, problems = find_article_files([root])
    assert found == [(root / "a.md", root)]
    assert [p.path for p in problems] == [str(root / "rules")]


def test_root_with_expected_yaml_is_always_read(corpus):
    found, _ = find_article_files([corpus])
    assert (corpus / "a.md", corpus) in found


def test_rules_yaml_is_never_an_article(corpus):
    found, _ = find_article_files([corpus / "ev" / "rules"])
    assert found == []


def test_bundled_fixtures_skip_the_other_domains():
    articles, problems = load_articles([FIXTURES])
    assert {a.id for a in articles} == set(load_expected(FIXTURES)["articles"])  # exactly the listed articles
    assert not any(a.path.startswith((str(FIXTURES / "ev"), str(FIXTURES / "pharma"))) for a in articles)
    assert [(p.path, p.level) for p in problems] == [(str(FIXTURES / "ev"), "info"), (str(FIXTURES / "pharma"), "info")]
