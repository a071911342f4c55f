"""The `checker` command line. Each command parses, calls the api, renders, and picks an exit code.

Exit codes: 0 the run completed; 1 new findings at or above --fail-on (check only);
2 usage errors, unreadable input or invalid rules.
"""

from __future__ import annotations

import datetime as dt
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from checker.api import RunResult, run
from checker.rulepack import RulesError

app = typer.Typer(help="Find contradictions between the factual claims of news articles.", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, soft_wrap=True)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

ArticlesArg = Annotated[list[Path], typer.Argument(help="Article files or folders (.md, .txt, .jsonl, searched recursively).", show_default=False)]
RulesOpt = Annotated[Path | None, typer.Option("--rules", help="Rules pack folder (default: the bundled AI-industry pack).")]
DateOpt = Annotated[dt.datetime | None, typer.Option("--date", formats=["%Y-%m-%d"], help="Date for articles without one (resolves 去年11月, last week).")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for extraction.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")]


class ReportFormat(str, Enum):
    md = "md"
    json = "json"


def execute(articles: list[Path], rules: Path | None, date: dt.datetime | None, jobs: int) -> RunResult:
    """Run the pipeline with a progress bar on a terminal; exit 2 on bad rules or no readable article."""
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("extracting claims", total=None)
            result = run(articles, rules, date.date() if date else None, jobs, progress=lambda _: bar.advance(task))
    except RulesError as exc:
        err.print(f"[bold red]rules error[/] in {rules or 'bundled rules'}:", highlight=False)
        for problem in exc.problems:
            err.print(f"  {problem}", highlight=False, markup=False)
        raise typer.Exit(EXIT_ERROR) from None
    for problem in result.problems:
        err.print(f"[yellow]{problem.level}[/]: {problem.path}: {problem.message}", highlight=False)
    if result.read_nothing:
        err.print("[bold red]error[/]: no article could be read", highlight=False)
        raise typer.Exit(EXIT_ERROR)
    return result


def emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}", highlight=False)


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


def main() -> None:  # pragma: no cover - console entry point
    app()
