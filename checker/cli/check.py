"""`checker check` and `checker baseline`: the CI gate on a curated dataset and its baseline."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.cli.common import ArticlesCommand, config_or_exit, flag_or, ColorMode, ColorOpt, CacheDirOpt, EngineName, EngineOpt, NoCacheOpt, SchedulerOpt, EXIT_ERROR, EXIT_FINDINGS, ArticlesArg, DateOpt, JobsOpt, MaxBytesOpt, OutputOpt, RulesOpt, SelectOpt, IgnoreOpt, QuietOpt, StatisticsOpt, VerboseOpt, app, emit, err, execute, print_problems, require_paths, say, selection_or_exit
from checker.limits import MAX_BYTES
from checker.output.registry import choices, formats_for, help_text
from checker.severity import Severity

if TYPE_CHECKING:  # the gate's machinery loads when a command runs, not for `checker --help`
    from checker.check.baseline import Baseline
    from checker.check.core import CheckResult

CheckFormat = choices("check")
DEFAULT_FORMAT = CheckFormat(formats_for("check")[0].name)


def _baseline_or_exit(path: Path) -> Baseline:
    from checker.check.baseline import BaselineError, load_baseline

    try:
        return load_baseline(path)
    except BaselineError as exc:
        print_problems("baseline error", path, exc.problems)
        raise typer.Exit(EXIT_ERROR) from None


@app.command(cls=ArticlesCommand)
def check(
    ctx: typer.Context,
    articles: ArticlesArg,
    rules: RulesOpt = None,
    baseline: Annotated[Path | None, typer.Option("--baseline", help="Accepted findings (YAML, written by `checker baseline`); an entry needs a non-empty reason.")] = None,
    fail_on: Annotated[Severity, typer.Option("--fail-on", help="Fail on new findings of this severity or higher.")] = Severity.error,
    format: Annotated[CheckFormat, typer.Option("--format", "-f", help=help_text("check"))] = DEFAULT_FORMAT,
    output: OutputOpt = None,
    select: SelectOpt = None,
    ignore: IgnoreOpt = None,
    rule_warnings: Annotated[bool, typer.Option("--rule-warnings/--no-rule-warnings", help="List the rules of the --rules pack that match nothing in the dataset (a curator's check; counted in the summary otherwise).")] = False,
    strict_rules: Annotated[bool, typer.Option("--strict-rules/--no-strict-rules", help="Also fail when a rule of the --rules pack matches nothing in the dataset (lists them).")] = False,
    date: DateOpt = None,
    jobs: JobsOpt = 1,
    engine: EngineOpt = EngineName.local,
    scheduler: SchedulerOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when new findings fail the gate (usage and input errors still exit 2).")] = False,
    max_bytes: MaxBytesOpt = MAX_BYTES,
    quiet: QuietOpt = False,
    statistics: StatisticsOpt = False,
    verbose: VerboseOpt = False,
    color: ColorOpt = ColorMode.auto,
) -> None:
    """Gate a dataset in CI: fail on findings the baseline does not accept.

    A finding is accepted when the baseline lists its fingerprint with a
    non-empty reason. Entries that match no finding are reported as stale.
    For a pack passed with --rules, rules that match nothing in the dataset
    (an entity, a trigger word, a reference fact) are counted as rule
    warnings and listed with --rule-warnings; neither changes the exit code
    (rule warnings do with --strict-rules).

    Settings may come from [tool.checker] in pyproject.toml or from
    .checker.toml (see docs/configuration.md); flags win.

    Exit codes: 0 no new finding at or above --fail-on; 1 new findings at
    or above --fail-on; 2 usage errors, unreadable input, invalid rules or
    a malformed baseline; 3 an internal error.
    """
    from checker.check.core import check_run
    from checker.check.formats.text import summary_lines

    from checker.cli.selection import filter_baseline, filter_run

    require_paths(articles)
    config = config_or_exit()
    rules, baseline = flag_or(ctx, "rules", rules, config.rules), flag_or(ctx, "baseline", baseline, config.baseline)
    fail_on, format = flag_or(ctx, "fail_on", fail_on, config.fail_on), flag_or(ctx, "format", format, config.format)
    select, ignore = flag_or(ctx, "select", select, config.select), flag_or(ctx, "ignore", ignore, config.ignore)
    if statistics and format.value != DEFAULT_FORMAT.value:
        say("error", "bold red", f"--statistics prints text; it cannot be combined with --format {format.value}")
        raise typer.Exit(EXIT_ERROR)
    codes = selection_or_exit(select, ignore)
    accepted = filter_baseline(_baseline_or_exit(baseline) if baseline is not None else None, codes)
    run = filter_run(execute(articles, rules, date, jobs, max_bytes, verbose, cache_dir=cache_dir, no_cache=no_cache, engine=engine, scheduler=scheduler, quiet=quiet), codes)
    result = check_run(run, accepted, fail_on, strict_rules, lint_rules=rules is not None, show_rule_warnings=rule_warnings)
    emit(_rendered(result, format.value, quiet, statistics), output, quiet)
    if output is not None and not quiet:
        for line in summary_lines(result):
            err.print(line, highlight=False, markup=False)
    if not result.passed and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def _rendered(result: CheckResult, format: str, quiet: bool, statistics: bool) -> str:
    """The output: the chosen format, or the statistics of the new findings, ending with
    the verdict (and the counts unless quiet)."""
    from checker.check.formats.text import summary_lines
    from checker.check.statistics import statistics_lines
    from checker.output import Outcome, render

    if statistics:
        summary = summary_lines(result)[-1:] if quiet else summary_lines(result)
        return "\n".join([*statistics_lines(checked.finding for checked in result.new), *summary]) + "\n"
    return render(Outcome.of_check(result, quiet), format)


@app.command("baseline", cls=ArticlesCommand)
def write_baseline(
    ctx: typer.Context,
    articles: ArticlesArg,
    output: Annotated[Path, typer.Option("--output", "-o", help="The baseline file to write or update.", show_default=False)],
    rules: RulesOpt = None,
    prune: Annotated[bool, typer.Option("--prune/--keep-stale", help="Drop entries that match no finding any more.")] = False,
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
    """Write or update a baseline of accepted findings.

    Existing entries keep their reasons. New findings are added with
    reason: "" and stay new for `checker check` until a curator writes
    why they are acceptable. Stale entries are kept unless --prune.

    Exit codes: 0 written; 2 usage errors, unreadable input, invalid rules
    or a malformed existing baseline.
    """
    from checker.check.baseline import render_baseline, update_baseline

    require_paths(articles)
    rules = flag_or(ctx, "rules", rules, config_or_exit().rules)
    existing = _baseline_or_exit(output) if output.exists() and (not output.is_file() or output.read_bytes().strip()) else None
    result = execute(articles, rules, date, jobs, max_bytes, verbose, cache_dir=cache_dir, no_cache=no_cache, engine=engine, scheduler=scheduler)
    update = update_baseline(existing, result.findings, prune)
    emit(render_baseline(update.entries), output)
    unaccepted = sum(1 for entry in update.entries if not entry.accepted)
    stale = f"{update.pruned} stale pruned" if prune else f"{update.stale} stale kept (--prune drops them)"
    err.print(f"{len(update.entries)} entries: {update.added} added, {update.kept} kept, {stale}; {unaccepted} without a reason (not accepted)", highlight=False)
