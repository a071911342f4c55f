"""The JSON report: the machine-readable contract (docs/report.schema.json)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from checker.api import RunResult
from checker.output.envelope import envelope
from checker.output.outcome import Outcome
from checker.untrusted import dumps_pieces

SCHEMA_VERSION = "1.3"  # 1.1: articles carry `encoding`; 1.2: articles carry `url`, problems may be level "info"; 1.3: claims carry `version` and `when`, problems carry `code`


def report_dict(result: RunResult) -> dict:
    """The report document; its lists of records are iterators, each record made as it is written
    (a huge article's claims never exist as records all at once)."""
    return envelope(SCHEMA_VERSION, {
        "articles": (
            {"id": a.id, "path": a.path, "title": a.title, "date": a.date.isoformat() if a.date else None, "source": a.source, "url": a.url, "language": a.language, "encoding": a.encoding}
            for a in result.articles
        ),
        "claims": (c.flat() for c in result.claims),
        "findings": (f.model_dump(mode="json") for f in result.findings),
        "confirmations": (c.model_dump(mode="json") for c in result.confirmations),
        "unresolved_dates": (e.model_dump(mode="json") for e in result.unresolved_dates),
        "problems": (p.model_dump(mode="json") for p in result.problems),
        "summary": {
            "articles": len(result.articles),
            "claims": len(result.claims),
            "findings": len(result.findings),
            "confirmations": len(result.confirmations),
            "problems": len(result.problems),
            "by_kind": dict(sorted(Counter(f.kind for f in result.findings).items())),
            "by_severity": dict(sorted(Counter(f.severity.value for f in result.findings).items())),
        },
    })


def pieces(outcome: Outcome) -> Iterator[str]:
    """The report in pieces, as `checker report --format json` writes it."""
    return dumps_pieces(report_dict(outcome.run))


def render(outcome: Outcome) -> str:
    return "".join(pieces(outcome))
