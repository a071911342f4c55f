"""`checker report --format claimreview`: schema.org ClaimReview JSON-LD for every claim checked
against a reference fact, validated against tests/schemas/claimreview.schema.json."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.api import run
from checker.cli import app
from checker.report.claimreview import ReviewOptions, claim_reviews, render_claimreview
from tests.conftest import FIXTURES, ROOT

runner = CliRunner()
SCHEMA = json.loads((ROOT / "tests" / "schemas" / "claimreview.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
REVIEW_URL = "https://factcheck.example.org/2023/ai-race"
HOSTILE_TITLE = 'Bard </script><script>alert("x")</script> & "quotes" \\ 反斜杠'
HOSTILE = f"""---
title: '{HOSTILE_TITLE}'
source: <b>Outlet</b> & Co
date: 2023-02-14
url: https://example.com/a?x=1&y=</script>
---
据报道，GPT-3拥有1700亿参数</script><img src=x onerror=alert(1)>，比“原版”少。
"""


def report(tmp_path: Path, *args: str) -> dict:
    out = tmp_path / "reviews.jsonld"
    result = runner.invoke(app, ["report", *args, "--format", "claimreview", "--output", str(out)])
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def fixtures_reviews(tmp_path_factory) -> dict:
    return report(
        tmp_path_factory.mktemp("claimreview"), str(FIXTURES),
        "--review-url", REVIEW_URL, "--review-date", "2023-03-01",
        "--publisher", "Example Fact Desk", "--publisher-url", "https://factcheck.example.org/",
    )


def test_fixtures_output_validates_against_schema(fixtures_reviews):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(fixtures_reviews)]
    assert errors == []
    assert fixtures_reviews["@context"] == "https://schema.org"


def test_one_review_per_reference_finding_and_confirmation(fixtures_reviews, fixtures_run):
    graph = fixtures_reviews["@graph"]
    confirmed = {c.claim for c in fixtures_run.confirmations}
    with_fact = [f for f in fixtures_run.findings if f.reference is not None]
    wrong = {(f.id, c) for f in with_fact for c in f.claims if c not in confirmed}
    assert wrong and fixtures_run.confirmations
    assert len(graph) == len(wrong) + len(fixtures_run.confirmations)
    incorrect = [r for r in graph if r["reviewRating"]["alternateName"] == "Incorrect"]
    assert {r["identifier"].split(".")[0] for r in incorrect} == {f.id for f in with_fact}
    confirmed = [r for r in graph if r["reviewRating"]["alternateName"] == "Correct"]
    assert len(confirmed) == len({r["identifier"] for r in confirmed}) == len(fixtures_run.confirmations)


def test_ratings_and_claims_match_the_run(fixtures_reviews, fixtures_run):
    findings = {f.id: f for f in fixtures_run.findings}
    by_id = {c.id: c for c in fixtures_run.claims}
    confirmed = {c.claim for c in fixtures_run.confirmations}
    for review in fixtures_reviews["@graph"]:
        rating = review["reviewRating"]
        if not review["identifier"].startswith("CONFIRMED-"):
            finding = findings[review["identifier"].split(".")[0]]
            wrong = [by_id[c] for c in finding.claims if c not in confirmed]
            claim = next(c for c in wrong if c.text == review["claimReviewed"])
            assert (rating["ratingValue"], rating["name"]) == (1, "False")
            assert finding.reference.source_url in review["reviewBody"]
            assert "contradicts the record" in review["reviewBody"]
            assert review["citation"][0]["url"] == finding.reference.source_url
            assert review["claimReviewed"] == claim.text
            assert review["itemReviewed"]["text"] == claim.sentence
        else:
            assert (rating["ratingValue"], rating["name"]) == (5, "True")
            assert "agrees with the record" in review["reviewBody"]
        assert review["url"] == review["@id"] == f"{REVIEW_URL}#{review['identifier']}"
        assert review["datePublished"] == "2023-03-01"
        assert review["author"] == {"@type": "Organization", "name": "Example Fact Desk", "url": "https://factcheck.example.org/"}


def test_reviews_point_at_the_articles(fixtures_reviews, fixtures_run):
    articles = {a.id: a for a in fixtures_run.articles}
    for review in fixtures_reviews["@graph"]:
        item = review["itemReviewed"]
        [appearance] = item["appearance"]
        article = articles[appearance["identifier"]]
        assert appearance["url"] == article.url and article.url.startswith("https://")
        assert appearance["headline"] == article.title
        assert appearance["datePublished"] == item["datePublished"] == article.date.isoformat()
        assert appearance["publisher"] == item["author"] == {"@type": "Organization", "name": article.source}
        assert item["firstAppearance"] == appearance


def test_untrusted_text_is_kept_as_data(tmp_path):
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE, encoding="utf-8")
    result = run([path])
    text = render_claimreview(result, ReviewOptions(review_url=REVIEW_URL, date=dt.date(2023, 3, 1)))
    assert "<" not in text and ">" not in text and "&" not in text  # cannot close a <script> element
    data = json.loads(text)
    [review] = data["@graph"]
    article = review["itemReviewed"]["appearance"][0]
    assert article["headline"] == HOSTILE_TITLE
    assert article["publisher"]["name"] == "<b>Outlet</b> & Co"
    assert article["url"] == "https://example.com/a?x=1&y=</script>"
    assert review["itemReviewed"]["text"] == "据报道，GPT-3拥有1700亿参数</script><img src=x onerror=alert(1)>，比“原版”少。"
    assert review["reviewRating"]["alternateName"] == "Incorrect"
    assert data == claim_reviews(result, ReviewOptions(review_url=REVIEW_URL, date=dt.date(2023, 3, 1)))


def test_without_review_url_only_url_is_missing(tmp_path):
    data = report(tmp_path, str(FIXTURES / "zh-02-model-scale.md"))
    assert data["@graph"]
    assert all("url" not in r and "@id" not in r for r in data["@graph"])
    errors = list(VALIDATOR.iter_errors(data))
    assert errors and {e.message for e in errors} == {"'url' is a required property"}


def test_defaults_author_and_today(fixtures_run):
    data = claim_reviews(fixtures_run)
    review = data["@graph"][0]
    assert review["author"] == {"@type": "Organization", "name": "claim-checker"}
    assert review["datePublished"] == dt.date.today().isoformat()


def test_no_reference_checks_gives_an_empty_graph(tmp_path):
    path = tmp_path / "plain.md"
    path.write_text("今天天气很好。\n", encoding="utf-8")
    data = report(tmp_path, str(path), "--review-url", REVIEW_URL)
    assert data == {"@context": "https://schema.org", "@graph": []}
    VALIDATOR.validate(data)


def test_ev_dataset_with_its_own_pack(tmp_path):
    ev = FIXTURES / "ev"
    data = report(tmp_path, str(ev), "--rules", str(ev / "rules"), "--review-url", REVIEW_URL, "--review-date", "2023-03-01")
    VALIDATOR.validate(data)
    incorrect = {r["claimReviewed"] for r in data["@graph"] if r["reviewRating"]["alternateName"] == "Incorrect"}
    assert "电池容量为 44.5kWh" in incorrect and "Model Y 起售价为 26.99万元" in incorrect
    assert any("42.3 kWh" in r["reviewBody"] for r in data["@graph"])
