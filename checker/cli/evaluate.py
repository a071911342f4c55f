"""`checker eval`: score the tool against a dataset's expected findings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from checker.cli.common import CacheDirOpt, EngineName, EngineOpt, NoCacheOpt, SchedulerOpt, EXIT_ERROR, EXIT_FINDINGS, DateOpt, JobsOpt, RulesOpt, app, err, execute, say


@app.command("eval")
def evaluate_dataset(
    dataset: Annotated[Path, typer.Argument(help="A dataset folder with articles and expected.yaml.", show_default=False)],
    rules: RulesOpt = None,
    min_precision: Annotated[float, typer.Option("--min-precision", min=0.0, max=1.0, help="Fail (exit 1) below this overall finding precision.")] = 0.0,
    min_recall: Annotated[float, typer.Option("--min-recall", min=0.0, max=1.0, help="Fail (exit 1) below this overall finding recall.")] = 0.0,
    date: DateOpt = None,
    jobs: JobsOpt = 1,
    engine: EngineOpt = EngineName.local,
    scheduler: SchedulerOpt = None,
    cache_dir: CacheDirOpt = None,
    no_cache: NoCacheOpt = False,
    mutate: Annotated[bool, typer.Option("--mutate", help="Also perturb every agreeing pair of figures and dates (x10, x0.5, +30%, +9 days) and count how many the tool catches.")] = False,
    min_mutation_score: Annotated[float, typer.Option("--min-mutation-score", min=0.0, max=1.0, help="With --mutate: fail (exit 1) when fewer perturbations are caught and paired.")] = 0.0,
    mutate_limit: Annotated[int | None, typer.Option("--mutate-limit", min=1, help="With --mutate: at most this many perturbations.")] = None,
) -> None:
    """Score the tool on a dataset: precision, recall and F1 per finding kind and for claims.

    With --mutate, also rewrite one side of every pair of claims the tool finds consistent
    (keeping the surface form: 1750亿 x10 is 17500亿) and report how many perturbations a
    finding catches and pairs with the untouched counterpart.

    Exits 1 when overall finding precision or recall (or the mutation score) falls below
    the thresholds, 2 when the dataset has no expected.yaml or no readable article.
    """
    from rich.table import Table

    from checker.evaluate import evaluate, load_expected

    if not (dataset / "expected.yaml").is_file():
        say("error", "bold red", f"{dataset / 'expected.yaml'} not found")
        raise typer.Exit(EXIT_ERROR)
    result = execute([dataset], rules, date, jobs, cache_dir=cache_dir, no_cache=no_cache, engine=engine, scheduler=scheduler)
    evaluation = evaluate(result, load_expected(dataset))
    out = Console(soft_wrap=True)
    for title, label, scores, overall in (
        ("findings", "finding kind", evaluation.findings, evaluation.overall),
        ("findings per language", "language", evaluation.languages, None),
        ("claims", "attribute", evaluation.claims, evaluation.overall_claims),
    ):
        table = Table(title=f"{title}: {dataset}", show_lines=False)
        for column in (label, "tp", "fp", "fn", "precision", "recall", "F1"):
            table.add_column(column, justify="left" if column == label else "right")
        for name, score in [*scores.items(), *([("overall", overall)] if overall else [])]:
            table.add_row(name, str(score.tp), str(score.fp), str(score.fn), f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}")
        out.print(table)
    for wanted in evaluation.missed:
        out.print(f"missed: {wanted['kind']} {wanted['subject']} {wanted['attribute']} {wanted.get('articles', '')}", highlight=False, markup=False)
    for finding in evaluation.unexpected:
        out.print(f"unexpected: {finding.kind} {finding.subject} {finding.attribute}: {finding.message}", highlight=False, markup=False)
    for rule, finding in evaluation.violations:
        out.print(f"must not: {rule['kind']} {rule['subject']} {rule['attribute']}: {finding.message}", highlight=False, markup=False)
    overall = evaluation.overall
    failed = overall.precision < min_precision or overall.recall < min_recall or bool(evaluation.violations)
    if failed:
        err.print(f"[bold red]below thresholds[/]: precision {overall.precision:.3f} (min {min_precision}), recall {overall.recall:.3f} (min {min_recall}), {len(evaluation.violations)} must-not violations", highlight=False)
    if mutate:
        from checker.mutate import mutation_check

        report = mutation_check(result, mutate_limit)
        table = Table(title=f"mutations: {dataset}")
        for column in ("perturbation", "tried", "caught", "caught and paired", "rate"):
            table.add_column(column, justify="left" if column == "perturbation" else "right")
        for operator, tried in report.tried.items():
            paired = report.paired.get(operator, 0)
            table.add_row(operator, str(tried), str(report.caught.get(operator, 0)), str(paired), f"{paired / tried:.3f}")
        table.add_row("overall", str(report.total), str(sum(report.caught.values())), str(sum(report.paired.values())), f"{report.paired_rate:.3f}")
        out.print(table)
        out.print(f"not counted: {report.absorbed} perturbed values still agree with their counterpart by the value rules; {report.skipped} values cannot be rewritten in place", highlight=False)
        for missed in report.missed:
            claim = missed.claim
            out.print(f"mutation missed: {missed.operator} {claim.subject} {claim.attribute} in {claim.article}: {missed.before} -> {missed.after} (counterpart in {missed.counterpart.article})", highlight=False, markup=False)
        if report.paired_rate < min_mutation_score:
            err.print(f"[bold red]below threshold[/]: mutation score {report.paired_rate:.3f} (min {min_mutation_score})", highlight=False)
            failed = True
    if failed:
        raise typer.Exit(EXIT_FINDINGS)
