"""The HTML report: one self-contained page (no external loads) for people to browse.

Findings are grouped by entity and attribute, each with its evidence side by side and,
for numeric and date conflicts, an inline SVG chart of the values per source. Filters,
search, sorting and deep links (#finding-id) run in a small inline script.

Article text, titles, URLs and rules are untrusted. Jinja2 autoescapes every value; only
http(s) URLs become links; and the Content-Security-Policy allows no external load and
only the page's own script and style, by hash, so even markup that slipped through
escaping could not run.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

import jinja2

from checker import __version__
from checker.api import RunResult
from checker.detect.base import attribute_label, entity_label
from checker.models import Article, Claim, Finding
from checker.output.outcome import Outcome
from checker.report.locate import line_col
from checker.values.format import normalized, readable_number

CHARTED_KINDS = ("numeric_mismatch", "date_conflict", "reference_mismatch")
SEVERITIES = ("error", "warning", "info")
CHART_WIDTH, ROW_HEIGHT, LABEL_WIDTH = 640, 26, 200
LOG_SPAN = 100.0  # values spanning more than this factor are charted on a log scale


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) link, else None: only web links become clickable."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


@dataclass
class EvidenceView:
    claim: Claim
    article: Article
    url: str | None
    location: str
    before: str
    highlight: str
    after: str
    normalized: str


@dataclass
class Bar:
    label: str
    x: float
    width: float
    y: float
    text: str


@dataclass
class Chart:
    bars: list[Bar]
    ticks: list[tuple[float, str]]
    log: bool
    height: int
    unit: str


@dataclass
class FindingView:
    finding: Finding
    entity: str
    attribute: str
    evidence: list[EvidenceView]
    reference_url: str | None
    chart: Chart | None


@dataclass
class Group:
    entity: str
    subject: str
    attribute: str
    findings: list[FindingView] = field(default_factory=list)


def _evidence(claim: Claim, article: Article) -> EvidenceView:
    line, col = line_col(article, claim.start)
    sentence = claim.sentence
    at = sentence.find(claim.text)
    before, highlight, after = (sentence, "", "") if at < 0 else (sentence[:at], claim.text, sentence[at + len(claim.text):])
    return EvidenceView(claim, article, safe_url(article.url), f"{article.path}:{line}:{col}", before, highlight, after, normalized(claim))


def _bounds(claim: Claim) -> tuple[float, float] | None:
    """The claim's interval as numbers (dates as ordinal days); None when it has no finite end."""
    if claim.bounds is None:
        return None
    low, high = (float(end.toordinal()) if isinstance(end, dt.date) else end for end in claim.bounds)
    if low is None and high is None:
        return None
    return (low if low is not None else high, high if high is not None else low)


def _chart(claims: list[tuple[Claim, Article]]) -> Chart | None:
    """Bars from each claim's low to high bound, one row per source, on a shared axis."""
    spans = [(claim, article, bounds) for claim, article in claims if (bounds := _bounds(claim))]
    if len(spans) < 2:
        return None
    is_date = all(claim.unit == "date" for claim, _, _ in spans)
    values = [v for _, _, bounds in spans for v in bounds]
    log = not is_date and min(values) > 0 and max(values) / min(values) > LOG_SPAN
    scale = math.log10 if log else (lambda v: v)
    lo, hi = scale(min(values)), scale(max(values))
    pad = (hi - lo) * 0.08 or (abs(hi) * 0.05 or 1.0)
    lo, hi = lo - pad, hi + pad
    plot = CHART_WIDTH - LABEL_WIDTH - 10

    def x(value: float) -> float:
        return LABEL_WIDTH + (scale(value) - lo) / (hi - lo) * plot

    bars = []
    for row, (claim, article, (low, high)) in enumerate(spans):
        left, right = x(low), x(high)
        bars.append(Bar((article.source or article.title or article.id)[:28], round(left, 1), round(max(right - left, 3.0), 1), row * ROW_HEIGHT + 4, claim.text))
    ticks = []
    for i in range(5):
        value = lo + (hi - lo) * i / 4
        real = 10**value if log else value
        if is_date:
            label = dt.date.fromordinal(int(round(real))).isoformat()
        else:
            label = readable_number(real)
        ticks.append((round(LABEL_WIDTH + plot * i / 4, 1), label))
    unit = "date" if is_date else (spans[0][0].unit or "")
    return Chart(bars, ticks, log, len(spans) * ROW_HEIGHT + 30, unit)


def build(result: RunResult) -> dict:
    """Everything the template shows, already grouped and sorted."""
    pack = result.pack
    articles = {a.id: a for a in result.articles}
    claims = {c.id: c for c in result.claims}
    groups: dict[tuple[str, str], Group] = {}
    for finding in result.findings:
        key = (finding.subject, finding.attribute)
        entity = entity_label(pack, finding.subject)
        group = groups.setdefault(key, Group(entity, finding.subject, attribute_label(pack, finding.attribute)))
        cited = [(claims[c], articles[claims[c].article]) for c in finding.claims if c in claims]
        group.findings.append(
            FindingView(
                finding,
                entity,
                group.attribute,
                [_evidence(claim, article) for claim, article in cited],
                safe_url(finding.reference.source_url) if finding.reference else None,
                _chart(cited) if finding.kind in CHARTED_KINDS else None,
            )
        )
    by_severity = Counter(f.severity.value for f in result.findings)
    return {
        "version": __version__,
        "articles": result.articles,
        "article_urls": {a.id: safe_url(a.url) for a in result.articles},
        "claims": [(c, articles[c.article], normalized(c), entity_label(pack, c.subject)) for c in result.claims],
        "findings": result.findings,
        "groups": sorted(groups.values(), key=lambda g: (g.entity.lower(), g.attribute)),
        "by_severity": [(s, by_severity.get(s, 0)) for s in SEVERITIES],
        "by_kind": sorted(Counter(f.kind for f in result.findings).items()),
        "entities": sorted({g.entity for g in groups.values()}, key=str.lower),
        "confirmations": len(result.confirmations),
        "problems": result.problems,
        "kinds": sorted({f.kind for f in result.findings}),
    }


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("checker.report", "templates"),
        autoescape=True,  # every value, whatever the template file is called
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(result: RunResult) -> str:
    env = _environment()
    style = env.get_template("report.css").render()
    script = env.get_template("report.js").render()
    policy = f"default-src 'none'; script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; img-src data:; base-uri 'none'; form-action 'none'"
    page = env.get_template("report.html.j2").render(data=build(result), style=style, script=script, policy=policy)
    return page


def render(outcome: Outcome) -> str:
    return render_html(outcome.run)
