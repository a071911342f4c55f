"""The Markdown report for people: findings grouped by entity, each quoting its evidence."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from markdown_it import MarkdownIt

from checker.api import RunResult
from checker.detect.base import attribute_label, entity_label
from checker.detect.reference import readable_ref
from checker.models import Article, Claim, Confirmation, FactRef, Finding
from checker.output.outcome import Outcome
from checker.report.locate import line_col
from checker.values.format import readable_value
from checker.untrusted import one_line

BACKTICKS = re.compile(r"`+")

SEVERITY_MARK = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 info"}


def _escape(text: str) -> str:
    """Article text is untrusted: keep it from opening Markdown or HTML constructs, and
    from reaching a terminal (`checker report` writes to stdout) as control characters."""
    out = one_line(text).replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "`*_[]|#!~":
        out = out.replace(char, "\\" + char)
    # one line, but a space at either end stays: the piece is glued to its neighbours
    return (" " if text[:1].isspace() else "") + out + (" " if text[-1:].isspace() and text.strip() else "")


def _code(text: str) -> str:
    """A code span around untrusted text: fenced by more backticks than any run inside
    (CommonMark), on one line, padded where it starts or ends with a backtick. Pipes are
    escaped because code spans sit in table rows too."""
    inner = one_line(text).replace("|", "\\|")
    longest = max((len(run) for run in BACKTICKS.findall(inner)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if inner.startswith("`") or inner.endswith("`") else ""
    return f"{fence}{pad}{inner}{pad}{fence}"


def _link(title: str, url: str) -> str:
    """[title](<url>): the URL may not hold <, > or a line break, and must be a web link."""
    target = one_line(url).replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    if not target.lower().startswith(("http://", "https://")):
        return _escape(title) + (f" ({_escape(url)})" if url else "")
    return f"[{_escape(title)}](<{target}>)"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


def _strong(before: str, middle: str, after: str) -> str:
    """`middle` in bold between two escaped pieces of text.

    CommonMark closes ** only on a "flanking" boundary, so `7.7%**on` or `”**说` stay
    literal asterisks. Rather than re-implement the flanking rules, ask the parser;
    where ** does not hold, fall back to inline HTML (<strong>, which every renderer of
    CommonMark and GitHub's Markdown keeps; the text itself has < and > escaped).
    """
    candidate = f"{before}**{middle}**{after}"
    tokens = _inline(candidate)
    kinds = [token.type for token in tokens]
    if kinds.count("strong_open") == 1 and kinds.count("strong_close") == 1:
        inside = tokens[kinds.index("strong_open") + 1 : kinds.index("strong_close")]
        if "".join(token.content for token in inside) == "".join(token.content for token in _inline(middle)):
            return candidate
    return f"{before}<strong>{middle}</strong>{after}"


def _inline(text: str) -> list:
    return (_parser().parseInline(text)[0].children or []) if text else []


CONTEXT_CHARS = 40  # characters of the sentence kept on each side of the claim: the quote, not the paragraph


def _highlight(claim: Claim) -> str:
    sentence = claim.sentence
    position = sentence.find(claim.text)
    if position < 0 or not claim.text.strip():
        return _escape(_clipped(sentence, CONTEXT_CHARS * 2, left=False)).strip()
    before, after = sentence[:position], sentence[position + len(claim.text):]
    before, after = _clipped(before, CONTEXT_CHARS, left=True), _clipped(after, CONTEXT_CHARS, left=False)
    return _strong(_escape(before).lstrip(), _escape(claim.text).strip(), _escape(after).rstrip())


def _clipped(text: str, keep: int, left: bool) -> str:
    """At most `keep` characters of `text` next to the claim, an ellipsis marking the cut."""
    if len(text) <= keep:
        return text
    return "…" + text[-keep:] if left else text[:keep] + "…"


def _article_label(article: Article) -> str:
    """Title (linked to the article's url), source and date: who said it, where and when."""
    parts = [_link(article.title or article.id, article.url or "")]
    if article.source:
        parts.append(_escape(article.source).strip())
    if article.date:
        parts.append(article.date.isoformat())
    return ", ".join(parts)


def _by_fact(confirmations: list[Confirmation], claims: dict[str, Claim]) -> list[tuple[FactRef, list[Claim]]]:
    """Confirmed claims per fact, in fact order: one table row per fact, not one per claim."""
    rows: dict[tuple[str, str, str], tuple[FactRef, list[Claim]]] = {}
    for confirmation in confirmations:
        fact = confirmation.fact
        rows.setdefault((fact.subject, fact.attribute, fact.expected), (fact, []))[1].append(claims[confirmation.claim])
    return [rows[key] for key in sorted(rows)]


def render_markdown(result: RunResult) -> str:
    pack = result.pack
    articles = {a.id: a for a in result.articles}
    claims = {c.id: c for c in result.claims}
    counts = defaultdict(int)
    for finding in result.findings:
        counts[finding.severity.value] += 1
    lines = [
        "# Claim check report",
        "",
        f"{len(result.articles)} articles, {len(result.claims)} claims, {len(result.findings)} findings "
        f"({', '.join(f'{counts[s]} {s}' for s in ('error', 'warning', 'info'))}), "
        f"{len(result.confirmations)} claims confirmed by reference facts.",
        "",
    ]
    by_subject: dict[str, list[Finding]] = defaultdict(list)
    for finding in result.findings:
        by_subject[finding.subject].append(finding)
    if by_subject:
        lines += ["## Findings", ""]
    for subject in sorted(by_subject, key=lambda s: entity_label(pack, s).lower()):
        lines += [f"### {_escape(entity_label(pack, subject))} ({_code(subject)})", ""]
        for finding in by_subject[subject]:
            lines.append(f"- **{SEVERITY_MARK[finding.severity.value]} {finding.code} {finding.kind}** · {_escape(finding.attribute)} · {_code(finding.id)}")
            lines.append(f"  {_escape(finding.message)}")
            if finding.reference:
                ref = finding.reference
                lines.append(f"  Record: {_escape(readable_ref(ref, pack))}, source: {_link(ref.source_title, ref.source_url)}")
            for claim_id in finding.claims:
                claim = claims[claim_id]
                article = articles[claim.article]
                line, col = line_col(article, claim.start)
                side = _code(readable_value(claim.value, claim.unit))  # which value this quote stands for
                lines.append(f"  - {side} {_article_label(article)} ({_code(f'{article.path}:{line}:{col}')}, {claim.modality.value}): {_highlight(claim)}")
            lines.append("")
    if result.confirmations:
        lines += ["## Confirmed by reference facts", "", "| claim | value as written | articles | source |", "|---|---|---|---|"]
        for fact, confirmed in _by_fact(result.confirmations, claims):
            subject, attribute = fact.subject, fact.attribute
            written = " · ".join(sorted({_escape(c.text) for c in confirmed}))
            cited = ", ".join(sorted({_escape(c.article) for c in confirmed}))
            lines.append(f"| {_escape(entity_label(pack, subject))} {_escape(attribute_label(pack, attribute))} | {written} | {cited} | {_link(fact.source_title, fact.source_url)} |")
        lines.append("")
    if result.unresolved_dates:
        lines += ["## Relative dates that could not be resolved", "", "These articles have no date; pass `--date YYYY-MM-DD` or add `date:` to their front matter.", ""]
        for evidence in result.unresolved_dates:
            line, col = line_col(articles[evidence.article], evidence.start)
            lines.append(f"- {_code(f'{articles[evidence.article].path}:{line}:{col}')} {_escape(evidence.text)}")
        lines.append("")
    if result.problems:
        lines += ["## Files and folders not read, or read with caveats", ""]
        lines += [f"- {p.level}: {_code(p.path)}: {p.code} {_escape(p.message)}" for p in result.problems]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render(outcome: Outcome) -> str:
    return render_markdown(outcome.run)
