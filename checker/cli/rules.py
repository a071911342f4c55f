"""`checker rules validate|test|schema`: check a rules pack, run its cases, export its JSON Schema."""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checker.cli.common import EXIT_ERROR, EXIT_FINDINGS, app, err, say
from checker.rulepack.problems import RuleProblem, RulesError

if TYPE_CHECKING:
    from checker.rulepack import RulePack  # the pack's models load when a rules command runs
from checker.untrusted import terminal_lines

rules_app = typer.Typer(help="Check a rules pack, run the test cases its rules carry, export the JSON Schema of its files.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


def validate_rules(directory: Path | None = None) -> tuple[RulePack | None, list[RuleProblem]]:
    """Load a pack (default: the bundled one); the pack, or None and every problem found."""
    try:
        from checker.rulepack import load_rules  # the validation models load only when a pack is read

        return load_rules(directory), []
    except RulesError as exc:
        return None, exc.problems


def summary(pack: RulePack) -> str:
    """One line of counts: what the pack holds."""
    aliases = sum(len(entity.aliases) for entity in pack.entities.values())
    units = f", {len(pack.settings.units)} units" if pack.settings.units else ""
    return (
        f"{len(pack.entities)} entities, {aliases} aliases, {len(pack.attributes)} attributes, "
        f"{len(pack.facts)} facts, {len(pack.cases)} cases{units}"
    )


def _shown(path: str) -> str:
    """A path relative to the working folder when it lies inside it, so terminals can link it."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def _valid_pack(folder: Path) -> RulePack:
    """The pack in `folder`; when it is invalid, every problem on stdout and exit 2."""
    pack, problems = validate_rules(folder)
    if pack is None:
        for problem in problems:
            sys.stdout.write(terminal_lines(f"{replace(problem, file=_shown(problem.file))}") + "\n")
        say("invalid", "bold red", f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {_shown(str(folder))}")
        raise typer.Exit(EXIT_ERROR)
    return pack


@rules_app.command()
def validate(
    directory: Annotated[Path | None, typer.Argument(help="Rules pack folder (default: the bundled pack).", show_default=False)] = None,
) -> None:
    """Check every file of a rules pack; print each problem as file:line: message (fix: ...).

    Exits 0 when the pack is valid (with a one-line summary), 2 when it has problems.
    """
    folder = directory or _bundled_rules_dir()
    pack = _valid_pack(folder)
    sys.stdout.write(f"OK {_shown(str(folder))}: {summary(pack)}\n")


@rules_app.command("test")
def test_cases(
    directory: Annotated[Path | None, typer.Argument(help="Rules pack folder (default: the bundled pack).", show_default=False)] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List passing cases too.")] = False,
) -> None:
    """Run the test cases the pack's rules carry (`cases:`) through the whole pipeline.

    Prints one line per failing case (file:line rule) with what was wanted or forbidden
    and what the pipeline produced, then a pass/fail count. Exits 0 when every case
    passes, 1 when one fails, 2 when the pack does not load.
    """
    from checker.rule_cases import run_pack_cases

    folder = directory or _bundled_rules_dir()
    pack = _valid_pack(folder)
    results = run_pack_cases(pack)
    failed = [result for result in results if not result.passed]
    for result in results:
        where = f"{_shown(result.ref.file)}:{result.ref.line} {result.ref.owner}"
        if not result.passed:
            sys.stdout.write(f"FAIL {where}\n" + "".join(f"     {line}\n" for line in result.problems))
        elif verbose:
            sys.stdout.write(f"pass {where}\n")
    sys.stdout.write(f"{len(results) - len(failed)} passed, {len(failed)} failed: {_shown(str(folder))}\n")
    if failed:
        raise typer.Exit(EXIT_FINDINGS)


@rules_app.command()
def schema(
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for entities/attributes/facts/settings.schema.json (created if missing).", show_default=False)],
) -> None:
    """Write the JSON Schema of each rules file, generated from the validation models.

    Editors validate rules files while typing through the `# yaml-language-server: $schema=...`
    line at the top of each file.
    """
    from checker.rulepack import write_schemas

    for path in write_schemas(output):
        err.print(f"wrote {path}", highlight=False, markup=False)


def _bundled_rules_dir() -> Path:
    from checker.rulepack import bundled_rules_dir

    return bundled_rules_dir()
