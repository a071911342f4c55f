"""`checker report` and `checker extract`: reports for people and claim tables for analysis."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from checker.cli.common import EXIT_ERROR, ArticlesArg, DateOpt, JobsOpt, OutputOpt, RulesOpt, app, emit, err, execute


class ReportFormat(str, Enum):
    md = "md"
    json = "json"


@app.command()
def report(
    articles: ArticlesArg,
    rules: RulesOpt = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="md for people, json for machines.")] = ReportFormat.md,
    output: OutputOpt = None,
    date: DateOpt = None,
    jobs: JobsOpt = 1,
) -> None:
    """Extract claims, check them against each other and the reference facts, and write a report.

    Exits 0 when the run completed (whatever it found), 2 for usage errors, invalid rules,
    or when no article could be read.
    """
    from checker.report.json_report import render_json
    from checker.report.markdown import render_markdown

    result = execute(articles, rules, date, jobs)
    emit(render_json(result) if format == ReportFormat.json else render_markdown(result), output)


@app.command()
def extract(
    articles: ArticlesArg,
    rules: RulesOpt = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="claims.csv, claims.parquet or claims.jsonl.")] = Path("claims.csv"),
    date: DateOpt = None,
    jobs: JobsOpt = 1,
) -> None:
    """Write the claims table (one row per claim, with offsets) as CSV, Parquet or JSON Lines."""
    from checker.report.tables import TABLE_SUFFIXES, write_claims

    if output.suffix.lower() not in TABLE_SUFFIXES:
        err.print(f"[bold red]error[/]: --output must end in {', '.join(TABLE_SUFFIXES)}", highlight=False)
        raise typer.Exit(EXIT_ERROR)
    result = execute(articles, rules, date, jobs)
    output.parent.mkdir(parents=True, exist_ok=True)
    write_claims(result.claims, output)
    err.print(f"wrote {len(result.claims)} claims from {len(result.articles)} articles to {output}", highlight=False)
