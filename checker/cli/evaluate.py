"""`checker eval`: score the tool against a dataset's expected findings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from checker.cli.common import EXIT_ERROR, EXIT_FINDINGS, DateOpt, JobsOpt, RulesOpt, app, err, execute, say


@app.command("eval")
def evaluate_dataset(
    dataset: Annotated[Path, typer.Argument(help="A dataset folder with articles and expected.yaml.", show_default=False)],
    rules: RulesOpt = None,
    min_precision: Annotated[float, typer.Option("--min-precision", min=0.0, max=1.0, help="Fail (exit 1) below this overall finding precision.")] = 0.0,
    min_recall: Annotated[float, typer.Option("--min-recall", min=0.0, max=1.0, help="Fail (exit 1) below this overall finding recall.")] = 0.0,
    date: DateOpt = None,
    jobs: JobsOpt = 1,
) -> None:
    """Score the tool on a dataset: precision, recall and F1 per finding kind and for claims.

    Exits 1 when overall finding precision or recall falls below the thresholds, 2 when
    the dataset has no expected.yaml or no readable article.
    """
    from rich.table import Table

    from checker.evaluate import evaluate, load_expected

    if not (dataset / "expected.yaml").is_file():
        say("error", "bold red", f"{dataset / 'expected.yaml'} not found")
        raise typer.Exit(EXIT_ERROR)
    result = execute([dataset], rules, date, jobs)
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
    if overall.precision < min_precision or overall.recall < min_recall or evaluation.violations:
        err.print(f"[bold red]below thresholds[/]: precision {overall.precision:.3f} (min {min_precision}), recall {overall.recall:.3f} (min {min_recall}), {len(evaluation.violations)} must-not violations", highlight=False)
        raise typer.Exit(EXIT_FINDINGS)
