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
        err.print(f"[bold red]error[/]: {dataset / 'expected.yaml'} not found", highlight=False)
        raise typer.Exit(EXIT_ERROR)
    result = execute([dataset], rules, date, jobs)
    evaluation = evaluate(result, load_expected(dataset))
    out = Console(soft_wrap=True)
    for title, scores, overall in (
        ("findings", evaluation.findings, evaluation.overall),
        ("claims", evaluation.claims, evaluation.overall_claims),
    ):
        table = Table(title=f"{title}: {dataset}", show_lines=False)
        for column in (title[:-1] + " kind" if title == "findings" else "attribute", "tp", "fp", "fn", "precision", "recall", "F1"):
            table.add_column(column, justify="left" if column in ("finding kind", "attribute") else "right")
        for name, score in [*scores.items(), ("overall", overall)]:
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


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A finding code (NUM001) or kind (numeric_mismatch).", show_default=False)]) -> None:
    """Print what a finding kind detects, why it matters, and an example."""
    from checker.detect import REGISTRY

    wanted = code.strip()
    detector = REGISTRY.get(wanted.upper()) or next((d for d in REGISTRY.values() if d.kind == wanted.lower()), None)
    if detector is None:
        err.print(f"[bold red]error[/]: unknown code {code!r}; known: {', '.join(f'{c} ({d.kind})' for c, d in REGISTRY.items())}", highlight=False)
        raise typer.Exit(EXIT_ERROR)
    sys.stdout.write(f"{detector.code} {detector.kind}\n\n{detector.doc}\n")
