"""`checker explain`: the documentation kept next to each detector."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from checker.cli.common import EXIT_ERROR, app, say
from checker.kinds import KINDS, lookup


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A finding code (NUM001) or kind (numeric_mismatch).", show_default=False)]) -> None:
    """Print what a finding kind detects, why it matters, and an example."""
    from checker.detect import detectors

    by_code = {detector.code: detector for detector in detectors()}
    row = lookup(code)
    if row is None:
        known = ", ".join(f"{kind.code} ({kind.name})" for kind in KINDS.values())
        say("error", "bold red", f"unknown code {code!r}; known: {known}")
        raise typer.Exit(EXIT_ERROR)
    preview = " (preview)" if row.lifecycle == "preview" else ""
    sys.stdout.write(f"{row.code} {row.name}{preview}\n\n{by_code[row.code].doc}\n")
