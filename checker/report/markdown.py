"""The Markdown report for people: findings grouped by entity, each quoting its evidence."""

from __future__ import annotations

from collections import defaultdict

from checker.api import RunResult
from checker.detect.base import entity_label
from checker.models import Claim, Finding
from checker.report.locate import line_col

SEVERITY_MARK = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 info"}


def _escape(text: str) -> str:
    """Article text is untrusted: keep it from opening Markdown or HTML constructs."""
    out = text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    for char in "`*_[]|#":
        out = out.replace(char, "\\" + char)
    return " ".join(out.split())


def _highlight(claim: Claim) -> str:
    sentence = claim.sentence
    position = sentence.find(claim.text)
    if position < 0:
        return _escape(sentence)
    return _escape(sentence[:position]) + "**" + _escape(claim.text) + "**" + _escape(sentence[position + len(claim.text):])


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
        lines += [f"### {_escape(entity_label(pack, subject))} (`{subject}`)", ""]
        for finding in by_subject[subject]:
            lines.append(f"- **{SEVERITY_MARK[finding.severity.value]} {finding.code} {finding.kind}** · {finding.attribute} · `{finding.id}`")
            lines.append(f"  {_escape(finding.message)}")
            if finding.reference:
                ref = finding.reference
                lines.append(f"  Expected {_escape(ref.expected)}, source: [{_escape(ref.source_title)}](<{ref.source_url}>)")
            for claim_id in finding.claims:
                claim = claims[claim_id]
                article = articles[claim.article]
                line, col = line_col(article, claim.start)
                lines.append(f"  - `{article.path}:{line}:{col}` ({claim.modality.value}): {_highlight(claim)}")
            lines.append("")
    if result.confirmations:
        lines += ["## Confirmed by reference facts", "", "| claim | article | value | source |", "|---|---|---|---|"]
        for confirmation in result.confirmations:
            claim = claims[confirmation.claim]
            lines.append(f"| {_escape(entity_label(pack, claim.subject))} {claim.attribute} | {claim.article} | {_escape(claim.text)} | [{_escape(confirmation.fact.source_title)}](<{confirmation.fact.source_url}>) |")
        lines.append("")
    if result.unresolved_dates:
        lines += ["## Relative dates that could not be resolved", "", "These articles have no date; pass `--date YYYY-MM-DD` or add `date:` to their front matter.", ""]
        for evidence in result.unresolved_dates:
            line, col = line_col(articles[evidence.article], evidence.start)
            lines.append(f"- `{articles[evidence.article].path}:{line}:{col}` {_escape(evidence.text)}")
        lines.append("")
    if result.problems:
        lines += ["## Files and folders not read, or read with caveats", ""]
        lines += [f"- {p.level}: `{p.path}`: {_escape(p.message)}" for p in result.problems]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
