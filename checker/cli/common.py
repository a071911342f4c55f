"""What every command shares: the app, common options, running the pipeline, writing output.

Exit codes: 0 the run completed; 1 new findings at or above --fail-on (check only);
2 usage errors, unreadable input or invalid rules.
"""

from __future__ import annotations

import datetime as dt
import sys
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
VerboseOpt = Annotated[bool, typer.Option("--verbose/--no-verbose", "-v", help="Also print notes, such as separate dataset folders left out.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")]


def require_paths(paths: list[Path]) -> None:
    """A path that does not exist is a usage error (exit 2), whatever else could be read:
    a mistyped folder must not pass a CI gate on the folders that were found."""
    missing = [path for path in paths if not path.exists()]
    for path in missing:
        err.print(f"[bold red]error[/]: {path}: no such file or folder", highlight=False)
    if missing:
        raise typer.Exit(EXIT_ERROR)


def execute(articles: list[Path], rules: Path | None, date: dt.datetime | None, jobs: int, verbose: bool = False) -> RunResult:
    """Run the pipeline with a progress bar on a terminal; exit 2 on a missing path, bad rules
    or no readable article. Notes (info-level problems, such as a separate dataset folder left
    out) are printed only when `verbose`."""
    require_paths(articles)
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
        if problem.level != "info" or verbose:
            err.print(f"{problem.level}: {problem.path}: {problem.message}", style="dim" if problem.level == "info" else "yellow", highlight=False, markup=False)
    if result.read_nothing:
        err.print(f"[bold red]error[/]: no article could be read: {nothing_read(articles, result)}", highlight=False)
        raise typer.Exit(EXIT_ERROR)
    return result


def nothing_read(paths: list[Path], result: RunResult) -> str:
    """Why a run read nothing, naming the folders and the file types looked for."""
    from checker.load import ARTICLE_SUFFIXES

    folders = [str(path) for path in paths if path.is_dir()]
    looked = ", ".join(ARTICLE_SUFFIXES)
    failed = [problem for problem in result.problems if problem.level == "error"]
    if failed:
        return f"{len(failed)} file{'s' if len(failed) != 1 else ''} could not be read (see above)"
    skipped = [problem.path for problem in result.problems if problem.level == "info"]
    if skipped:
        return f"only separate datasets were found ({', '.join(skipped)}); pass such a folder explicitly to read it"
    if folders:
        return f"{', '.join(folders)} holds no {looked} file (searched recursively)"
    return f"the files given are not articles ({looked})"


def emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}", highlight=False)
