"""schema.org ClaimReview JSON-LD: one fact check per claim compared with a reference fact.

Fact-checkers publish ClaimReview markup so search engines and fact-check aggregators
can show a verdict next to a claim. Only claims checked against facts.yaml get one:
a claim a finding shows to disagree with the record (a reference mismatch, or a
conflict between articles that the fact was folded into) is rated false, a
confirmation true. A conflict without a fact says that one of two claims is wrong,
not which, so it is no verdict and is left out. The rating scale, the options and the choice of dates are documented in
docs/claimreview.md; tests/schemas/claimreview.schema.json is the output contract.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from checker.api import RunResult
from checker.detect.base import attribute_label, entity_label
from checker.models import Article, Claim, FactRef
from checker.output.outcome import Outcome, ReviewOptions
from checker.untrusted import dumps

CONTEXT = "https://schema.org"
WORST, BEST = 1, 5
# verdict -> (ratingValue, name, alternateName); alternateName is the text search engines show
RATINGS = {False: (WORST, "False", "Incorrect"), True: (BEST, "True", "Correct")}
# "<" ">" "&" as \u escapes: the same JSON data, but article text such as "</script>" cannot
# end the <script type="application/ld+json"> element the output is usually pasted into
HTML_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


@dataclass(frozen=True)
class Verdict:
    anchor: str
    claim: Claim
    fact: FactRef
    agrees: bool


def verdicts(result: RunResult) -> list[Verdict]:
    """Claims the record contradicts first (one per wrong claim of a finding with a fact), then confirmations."""
    claims = {c.id: c for c in result.claims}
    confirmed = {c.claim for c in result.confirmations}
    found = []
    for finding in result.findings:
        if finding.reference is None:
            continue
        # a conflict the fact was folded into cites both sides: only the claims the record does not confirm are wrong
        wrong = [claims[c] for c in finding.claims if c not in confirmed]
        for n, claim in enumerate(wrong, start=1):
            identifier = finding.id if len(wrong) == 1 else f"{finding.id}.{n}"
            found.append(Verdict(identifier, claim, finding.reference, False))
    for confirmation in result.confirmations:
        digest = hashlib.sha256(json.dumps([confirmation.claim, confirmation.fact.model_dump(mode="json")], sort_keys=True).encode("utf-8")).hexdigest()
        found.append(Verdict(f"CONFIRMED-{digest[:10]}", claims[confirmation.claim], confirmation.fact, True))
    return found


def claim_reviews(result: RunResult, options: ReviewOptions = ReviewOptions()) -> dict:
    """The JSON-LD document: a @graph of ClaimReview objects."""
    articles = {a.id: a for a in result.articles}
    published = (options.date or dt.date.today()).isoformat()
    author = _organization(options.publisher, options.publisher_url)
    graph = [_review(v, articles[v.claim.article], result, author, published, options.review_url) for v in verdicts(result)]
    return {"@context": CONTEXT, "@graph": graph}


def render_claimreview(result: RunResult, options: ReviewOptions = ReviewOptions()) -> str:
    text = dumps(claim_reviews(result, options))
    for char, escape in HTML_SAFE.items():
        text = text.replace(char, escape)  # these characters only occur inside JSON strings
    return text + "\n"


def _review(verdict: Verdict, article: Article, result: RunResult, author: dict, published: str, review_url: str | None) -> dict:
    claim, fact = verdict.claim, verdict.fact
    value, name, alternate = RATINGS[verdict.agrees]
    label = f"{entity_label(result.pack, claim.subject)} {attribute_label(result.pack, claim.attribute)}"
    review: dict = {"@type": "ClaimReview"}
    if review_url:
        review["@id"] = review["url"] = f"{review_url}#{verdict.anchor}"
    review |= {
        "identifier": verdict.anchor,
        "name": f"Fact check: {label}",
        "claimReviewed": claim.text,
        "itemReviewed": _claim(claim, article),
        "author": author,
        "datePublished": published,
        "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": BEST, "worstRating": WORST, "name": name, "alternateName": alternate},
        "reviewBody": _body(label, claim, fact, verdict.agrees),
        "citation": [_source(fact)],
    }
    return review


def _claim(claim: Claim, article: Article) -> dict:
    """The claim as it appeared: the sentence, in the article, on the article's date."""
    appearance = _article(article)
    item: dict = {"@type": "Claim", "text": claim.sentence, "appearance": [appearance], "firstAppearance": appearance}
    if article.date:
        item["datePublished"] = article.date.isoformat()
    if article.source:
        item["author"] = _organization(article.source, None)
    return item


def _article(article: Article) -> dict:
    work: dict = {"@type": "NewsArticle", "identifier": article.id}
    if article.url:
        work["url"] = article.url
    if article.title:
        work["headline"] = article.title
    if article.date:
        work["datePublished"] = article.date.isoformat()
    if article.source:
        work["publisher"] = _organization(article.source, None)
    return work


def _organization(name: str, url: str | None) -> dict:
    organization = {"@type": "Organization", "name": name}
    if url:
        organization["url"] = url
    return organization


def _source(fact: FactRef) -> dict:
    work: dict = {"@type": "CreativeWork", "name": fact.source_title, "url": fact.source_url}
    if fact.source_date:
        work["datePublished"] = fact.source_date.isoformat()
    return work


def _body(label: str, claim: Claim, fact: FactRef, agrees: bool) -> str:
    stated = claim.value if claim.unit in (None, "date") else f"{claim.value} {claim.unit}"
    verdict = "agrees with" if agrees else "contradicts"
    return f"{label}: the article states {stated}, which {verdict} the record, {fact.expected} (source: {fact.source_title}, {fact.source_url})."


def render(outcome: Outcome) -> str:
    return render_claimreview(outcome.run, outcome.review)
