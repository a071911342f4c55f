"""`checker report` and `checker extract`: reports for people and claim tables for analysis."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from checker.cli.common import ArticlesCommand, config_or_exit, flag_or, ColorMode, ColorOpt, CacheDirOpt, EngineName, EngineOpt, NoCacheOpt, SchedulerOpt, EXIT_ERROR, ArticlesArg, DateOpt, JobsOpt, MaxBytesOpt, OutputOpt, RulesOpt, SelectOpt, IgnoreOpt, QuietOpt, StatisticsOpt, VerboseOpt, app, emit, err, execute, say, selection_or_exit
from checker.limits import MAX_BYTES
from checker.output.registry import choices, formats_for, help_text

ReportFormat = choices("report")
DEFAULT_FORMAT = ReportFormat(formats_for("report")[0].name)


@app.command(cls=ArticlesCommand)
def report(
    ctx: typer.Context,
    articles: ArticlesArg,
    rules: RulesOpt = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help=help_text("report"))] = DEFAULT_FORMAT,
    output: OutputOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    date: DateOpt = None,
    jobs: JobsOpt = 1,
    engine: EngineOpt = EngineName.local,
    scheduler: SchedulerOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    max_bytes: MaxBytesOpt = MAX_BYTES,
    publisher: Annotated[str, typer.Option("--publisher", help="claimreview: the organization publishing the fact checks.")] = "claim-checker",
    publisher_url: Annotated[str | None, typer.Option("--publisher-url", help="claimreview: the publisher's home page.")] = None,
    review_url: Annotated[str | None, typer.Option("--review-url", help="claimreview: the page that will host the fact checks; each review links to an anchor on it (Google requires it).")] = None,
    review_date: Annotated[dt.datetime | None, typer.Option("--review-date", formats=["%Y-%m-%d"], help="claimreview: datePublished of the reviews (default: today).")] = None,
    quiet: QuietOpt = False,
    statistics: StatisticsOpt = False,
    verbose: VerboseOpt = False,
    color: ColorOpt = ColorMode.auto,
) -> None:
    """Extract claims, check them against each other and the reference facts, and write a report.

    The rules pack and --select / --ignore may come from [tool.checker] in pyproject.toml
    or from .checker.toml (see docs/configuration.md); flags win.

    Exits 0 when the run completed (whatever it found), 2 for usage errors, invalid rules,
    a bad configuration file, or when no article could be read.
    """
    from checker.cli.selection import filter_run

    if statistics and format.value != DEFAULT_FORMAT.value:
        say("error", "bold red", f"--statistics prints text; it cannot be combined with --format {format.value}")
        raise typer.Exit(EXIT_ERROR)
    config = config_or_exit()
    rules = flag_or(ctx, "rules", rules, config.rules)
    codes = selection_or_exit(flag_or(ctx, "select", select, config.select), flag_or(ctx, "ignore", ignore, config.ignore))
    result = filter_run(execute(articles, rules, date, jobs, max_bytes, verbose, cache_dir=cache_dir, no_cache=no_cache, engine=engine, scheduler=scheduler, quiet=quiet), codes)
    if statistics:
        from checker.check.statistics import statistics_lines

        emit("".join(f"{line}\n" for line in statistics_lines(result.findings)), output, quiet)
        return
    from checker.output import Outcome, pieces
    from checker.output.outcome import ReviewOptions

    if format.value == "claimreview" and review_url is None and not quiet:
        err.print("note: without --review-url the reviews have no `url`, which Google requires for fact-check results", highlight=False)
    review = ReviewOptions(publisher=publisher, publisher_url=publisher_url, review_url=review_url, date=review_date.date() if review_date else None)
    emit(pieces(Outcome(result, review=review), format.value), output, quiet)


@app.command(cls=ArticlesCommand)
def extract(
    articles: ArticlesArg,
    rules: RulesOpt = None,
    output: Annotated[str, typer.Option("--output", "-o", help="A .csv, .parquet or .jsonl file, or - for CSV on standard output.")] = "-",
    date: DateOpt = None,
    jobs: JobsOpt = 1,
    engine: EngineOpt = EngineName.local,
    scheduler: SchedulerOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    max_bytes: MaxBytesOpt = MAX_BYTES,
    verbose: VerboseOpt = False,
    color: ColorOpt = ColorMode.auto,
) -> None:
    """Write the claims table (one row per claim, with offsets) as CSV, Parquet or JSON Lines.

    Without --output the table goes to standard output as CSV.
    """
    import sys

    from rich.markup import escape

    from checker.report.tables import TABLE_SUFFIXES, parquet_missing, write_claims

    target = None if output == "-" else Path(output)
    if target is not None and target.suffix.lower() not in TABLE_SUFFIXES:
        err.print(f"[bold red]error[/]: --output must end in {', '.join(TABLE_SUFFIXES)} (or be - for standard output)", highlight=False)
        raise typer.Exit(EXIT_ERROR)
    if target is not None and target.suffix.lower() == ".parquet" and (missing := parquet_missing()):
        err.print(f"[bold red]error[/]: {escape(missing)}", highlight=False)
        raise typer.Exit(EXIT_ERROR)
    result = execute(articles, rules, date, jobs, max_bytes, verbose, cache_dir=cache_dir, no_cache=no_cache, engine=engine, scheduler=scheduler)
    if target is None:
        write_claims(result.claims, sys.stdout)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    write_claims(result.claims, target)
    err.print(f"wrote {len(result.claims)} claims from {len(result.articles)} articles to {target}", highlight=False, markup=False)
