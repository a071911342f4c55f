"""What every command shares: the app, common options, running the pipeline, writing output.

Exit codes: 0 the run completed; 1 new findings at or above --fail-on (check only);
2 usage errors, unreadable input or invalid rules; 3 an internal error (a bug in
claim-checker), so that a crash never reads as "new findings" in CI.

File names, paths and messages come from untrusted input: they are printed without
rich markup interpretation and with control characters spelled out.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperArgument, TyperCommand, TyperGroup
from typer.exceptions import TyperException

from checker import __version__
from checker.engine import EngineUnavailable
from checker.limits import MAX_BYTES
from checker.rulepack import RulesError
from checker.untrusted import terminal_lines

if TYPE_CHECKING:
    from checker.api import RunResult
    from checker.models import Article, LoadProblem
    from checker.cli.config import Config
    from checker.engine import Engine

T = TypeVar("T")
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERNAL = 0, 1, 2, 3
DEBUG_ENV = "CHECKER_DEBUG"  # set to 1 to see the traceback of an internal error



class ColorMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class StderrConsole(Console):
    """The console of messages and the progress bar. Every command module holds this one
    object, so `--color` reconfigures it in place rather than replacing it."""

    def __init__(self, force_terminal: bool | None = None, plain: bool = False) -> None:
        super().__init__(stderr=True, soft_wrap=True, force_terminal=force_terminal, color_system=None if plain else "auto")

    def use_color(self, mode: ColorMode, environ: Mapping[str, str] = os.environ) -> None:
        """always / never, or auto: styles on a terminal, none when NO_COLOR is set
        (no-color.org), styles even off a terminal when FORCE_COLOR is (force-color.org)."""
        if mode is ColorMode.always:
            self.__init__(force_terminal=True)
        elif mode is ColorMode.never or environ.get("NO_COLOR"):
            self.__init__(plain=True)
        else:
            self.__init__(force_terminal=True if environ.get("FORCE_COLOR") else None)


err = StderrConsole()


def say(label: str, style: str, message: str) -> None:
    """One line on stderr: a styled label, then untrusted text shown literally."""
    err.print(Text.assemble((label, style), ": ", terminal_lines(message)), highlight=False)


class GuardedGroup(TyperGroup):
    """Turns an unexpected exception in any command into one message and exit code 3."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, TyperException):  # exits, aborts and usage errors: not bugs
            raise
        except Exception as exc:  # noqa: BLE001 - the one place that catches every bug
            if os.environ.get(DEBUG_ENV):
                import traceback

                err.print(Text(terminal_lines(traceback.format_exc())), highlight=False)
            say("internal error", "bold red", f"{type(exc).__name__}: {exc} (a bug in claim-checker; set {DEBUG_ENV}=1 for the traceback)")
            raise typer.Exit(EXIT_INTERNAL) from None


class ArticlesCommand(TyperCommand):
    """A command whose usage line shows an argument's metavar as written (`ARTICLES...`):
    typer 0.29 wraps every required argument in braces (`{articles}...`)."""

    def collect_usage_pieces(self, ctx: typer.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            metavar = param.metavar if isinstance(param, TyperArgument) else None
            pieces.extend([metavar] if metavar else param.get_usage_pieces(ctx))
        return pieces


app = typer.Typer(
    cls=GuardedGroup,
    help="Find contradictions between the factual claims of news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # click's plain help: flags without a <bool> value, nothing cut
)


def _use_color(ctx: typer.Context, param: typer.CallbackParam, mode: ColorMode) -> ColorMode:
    """`checker --color X` (default auto) configures every invocation; a command's own
    --color, when given, overrides it."""
    source = ctx.get_parameter_source(param.name)
    if ctx.parent is None or (source is not None and source.name != "DEFAULT"):
        err.use_color(mode)
    return mode


ColorOpt = Annotated[ColorMode, typer.Option("--color", callback=_use_color, is_eager=True, help="Colour messages: auto (on a terminal; honours NO_COLOR and FORCE_COLOR), always (with the progress bar, even off a terminal) or never.")]


def _print_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"claim-checker {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")] = False,
    color: ColorOpt = ColorMode.auto,
) -> None:
    """Find contradictions between the factual claims of news articles."""


ArticlesArg = Annotated[list[Path], typer.Argument(metavar="ARTICLES...", help="Article files or folders (.md, .txt, .jsonl, searched recursively).", show_default=False)]
RulesOpt = Annotated[Path | None, typer.Option("--rules", help="Rules pack folder (default: the bundled AI-industry pack).")]
DateOpt = Annotated[dt.datetime | None, typer.Option("--date", formats=["%Y-%m-%d"], help="Date for articles without one (resolves 去年11月, last week).")]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes for extraction; 0: one per core.")]


class EngineName(str, Enum):
    local = "local"
    dask = "dask"


EngineOpt = Annotated[EngineName, typer.Option("--engine", help="Where extraction and the grouping of claims run: local processes, or Dask (pip install 'claim-checker[dask]'; see docs/scale.md).")]
SchedulerOpt = Annotated[str | None, typer.Option("--scheduler", help="--engine dask: address of a Dask scheduler (tcp://host:8786); default: a local cluster of --jobs workers.", show_default=False)]
CacheDirOpt = Annotated[Path | None, typer.Option("--cache-dir", help="Folder of the extraction cache (default: the user cache folder, or $CHECKER_CACHE_DIR).", show_default=False)]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Extract every article afresh; neither read nor write the cache.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose/--no-verbose", "-v", help="Also print notes, such as separate dataset folders left out.")]
OutputOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of standard output.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print only the findings (and the verdict): no progress bar, warnings, notes or summary lines.")]
StatisticsOpt = Annotated[bool, typer.Option("--statistics", help="Print one line per finding code (count, code, kind) instead of the findings.")]
SelectOpt = Annotated[list[str] | None, typer.Option("--select", help="Report only findings of these codes or prefixes (NUM001, NUM, ALL); repeat or comma-separate.", show_default=False)]
IgnoreOpt = Annotated[list[str] | None, typer.Option("--ignore", help="Leave out findings of these codes or prefixes (NAME001, REF); applied after --select.", show_default=False)]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", min=1, help="Skip, with a message, article files larger than this.")]


STDIN = Path("-")  # the article path that means standard input, as in `cat a.md | checker report -`
STDIN_ID = "stdin"


def read_stdin(max_bytes: int, date: dt.date | None) -> tuple[list[Article], list[LoadProblem]]:
    """The article on standard input (front matter allowed), id `stdin`, path `-`."""
    from checker.load import load_data
    from checker.models import LoadProblem

    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        return [], [LoadProblem(path=str(STDIN), message=f"standard input is over the {max_bytes:,}-byte limit (--max-bytes)", code="LD021")]
    articles, problems = load_data(data, str(STDIN), STDIN_ID, default_date=date)
    return [article.model_copy(update={"id": STDIN_ID}) for article in articles], problems


def require_paths(paths: list[Path]) -> None:
    """A path that does not exist is a usage error (exit 2), whatever else could be read:
    a mistyped folder must not pass a CI gate on the folders that were found."""
    missing = [path for path in paths if path != STDIN and not path.exists()]
    for path in missing:
        say("error", "bold red", f"{path}: no such file or folder")
    if missing:
        raise typer.Exit(EXIT_ERROR)


def config_or_exit() -> Config:
    """The configuration discovered from the current folder; a bad file exits 2."""
    from checker.cli.config import ConfigError, load_config

    try:
        return load_config()
    except ConfigError as exc:
        say("config error", "bold red", str(exc))
        raise typer.Exit(EXIT_ERROR) from None


def flag_or(ctx: typer.Context, name: str, value: T, configured: T | None) -> T:
    """A flag given on the command line wins; otherwise the configured value, then the default."""
    source = ctx.get_parameter_source(name)
    return configured if configured is not None and (source is None or source.name == "DEFAULT") else value


def selection_or_exit(select: list[str] | None, ignore: list[str] | None) -> set[str] | None:
    """The finding codes to report (None: all); an unknown code is a usage error (exit 2)."""
    from checker.cli.selection import SelectionError, selected_codes

    try:
        return selected_codes(select, ignore)
    except SelectionError as exc:
        say("error", "bold red", str(exc))
        raise typer.Exit(EXIT_ERROR) from None


def print_problems(label: str, where: object, problems: list) -> None:
    """`label in where:` then one indented line per problem, all shown literally."""
    say(label, "bold red", f"in {where}:")
    for problem in problems:
        err.print(Text("  " + terminal_lines(str(problem))), highlight=False)


def execute(
    articles: list[Path],
    rules: Path | None,
    date: dt.datetime | None,
    jobs: int,
    max_bytes: int = MAX_BYTES,
    verbose: bool = False,
    cache_dir: Path | None = None,
    no_cache: bool = False,
    engine: EngineName = EngineName.local,
    scheduler: str | None = None,
    quiet: bool = False,
) -> RunResult:
    """Run the pipeline with a progress bar on a terminal; exit 2 on a missing path, bad rules
    or no readable article. Notes (info-level problems, such as a separate dataset folder left
    out) are printed only when `verbose`; `quiet` shows neither the bar nor warnings, only errors. Extractions are cached (in `cache_dir`, default the
    user cache folder) unless `no_cache`. `engine` dask runs on the scheduler at `scheduler`, or on
    a local Dask cluster of `jobs` workers; a missing Dask or an unreachable scheduler exits 2."""
    from checker.api import run  # the pipeline (jieba, pandas) loads only for commands that run it
    from checker.cache import ExtractionCache

    require_paths(articles)
    if scheduler and engine is not EngineName.dask:
        say("error", "bold red", "--scheduler needs --engine dask")
        raise typer.Exit(EXIT_ERROR)
    cache = None if no_cache else ExtractionCache(cache_dir)
    piped, piped_problems = read_stdin(max_bytes, date.date() if date else None) if STDIN in articles else ([], [])
    paths = [path for path in articles if path != STDIN]
    try:
        with _progress_bar(shown=not quiet and err.is_terminal) as bar, _engine(engine, scheduler, jobs) as chosen:
            task = bar.add_task("extracting claims", total=None)
            result = run(
                paths, rules, date.date() if date else None, jobs, progress=lambda _: bar.advance(task), max_bytes=max_bytes,
                cache=cache, engine=chosen, started=lambda total: bar.update(task, total=total), preloaded=piped,
            )
    except RulesError as exc:
        print_problems("rules error", rules or "bundled rules", exc.problems)
        raise typer.Exit(EXIT_ERROR) from None
    except EngineUnavailable as exc:
        say("error", "bold red", str(exc))
        raise typer.Exit(EXIT_ERROR) from None
    finally:
        if cache is not None:
            cache.close()
    if piped_problems:
        result = replace(result, problems=[*piped_problems, *result.problems])
    for problem in result.problems:
        if problem.level == "error" or (not quiet and (problem.level != "info" or verbose)):
            say(problem.level, "dim" if problem.level == "info" else "yellow", str(problem))
    if result.read_nothing:
        say("error", "bold red", f"no article could be read: {nothing_read(articles, result)}")
        raise typer.Exit(EXIT_ERROR)
    return result


class _NoBar:
    """The progress bar where none is shown (off a terminal, --quiet): rich.progress is not even loaded."""

    def __enter__(self) -> _NoBar:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, description: str, total: float | None = None) -> int:
        return 0

    def advance(self, task: int) -> None:
        return None

    def update(self, task: int, total: float | None = None) -> None:
        return None


def _progress_bar(shown: bool) -> AbstractContextManager:
    if not shown:
        return _NoBar()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True)


@contextmanager
def _engine(engine: EngineName, scheduler: str | None, jobs: int) -> Iterator[Engine | None]:
    """The engine to run on, for the duration of the run (a local Dask cluster is shut down after)."""
    if engine is EngineName.local:
        yield None
        return
    from checker.engine.cluster import dask_engine
    from checker.engine.local import worker_count

    with dask_engine(scheduler, max(1, worker_count(jobs))) as running:
        yield running


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


def emit(text: str | Iterable[str], output: Path | None, quiet: bool = False) -> None:
    """Write `text` (or its pieces, each written as it is made) to `output` or standard output."""
    pieces = (text,) if isinstance(text, str) else text
    if output is None:
        sys.stdout.writelines(pieces)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("w", encoding="utf-8") as file:
            file.writelines(pieces)
        if not quiet:
            err.print(Text(f"wrote {terminal_lines(str(output))}"), highlight=False)
