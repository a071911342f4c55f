"""What every command shares: the app, common options, running the pipeline, writing output.

Exit codes: 0 the run completed; 1 new findings at or above --fail-on (check only);
2 usage errors, unreadable input or invalid rules.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from checker.rulepack import RulesError

if TYPE_CHECKING:
    from checker.api import RunResult

app = typer.Typer(help="Find contradictions between the factual claims of news articles.", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
err = Console(stderr=True, soft_wrap=True)

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

ArticlesArg = Annotated[list[Path], typer.Argument(help="Article files or folders (.md, .txt, .jsonl, searched recursively).", show_default=False)]
RulesOpt = Annotated[Path | None, typer.Option("--rules", help="Rules pack folder (default: the bundled AI-industry pack).")]
DateOpt = Annotated[dt.datetime | None, typer.Option("--date", formats=["%Y-%m-%d"], help="Date for articles without one (resolves 去年11月, last week).")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes for extraction; 0: one per core.")]
CacheDirOpt = Annotated[Path | None, typer.Option("--cache-dir", help="Folder of the extraction cache (default: the user cache folder, or $CHECKER_CACHE_DIR).", show_default=False)]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Extract every article afresh; neither read nor write the cache.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")]


def execute(
    articles: list[Path],
    rules: Path | None,
    date: dt.datetime | None,
    jobs: int,
    cache_dir: Path | None = None,
    no_cache: bool = False,
) -> RunResult:
    """Run the pipeline with a progress bar on a terminal; exit 2 on bad rules or no readable article.

    Extractions are cached (in `cache_dir`, default the user cache folder) unless `no_cache`."""
    from checker.api import run  # the pipeline (spaCy, pandas) loads only for commands that run it
    from checker.cache import ExtractionCache

    cache = None if no_cache else ExtractionCache(cache_dir)
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("extracting claims", total=None)
            result = run(articles, rules, date.date() if date else None, jobs, progress=lambda _: bar.advance(task), cache=cache)
    except RulesError as exc:
        err.print(f"[bold red]rules error[/] in {rules or 'bundled rules'}:", highlight=False)
        for problem in exc.problems:
            err.print(f"  {problem}", highlight=False, markup=False)
        raise typer.Exit(EXIT_ERROR) from None
    finally:
        if cache is not None:
            cache.close()
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
