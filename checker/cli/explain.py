"""`checker explain`: the documentation kept next to each detector."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from checker.cli.common import EXIT_ERROR, app, say


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A finding code (NUM001) or kind (numeric_mismatch).", show_default=False)]) -> None:
    """Print what a finding kind detects, why it matters, and an example."""
    from checker.detect import REGISTRY

    wanted = code.strip()
    detector = REGISTRY.get(wanted.upper()) or next((d for d in REGISTRY.values() if d.kind == wanted.lower()), None)
    if detector is None:
        say("error", "bold red", f"unknown code {code!r}; known: {', '.join(f'{c} ({d.kind})' for c, d in REGISTRY.items())}")
        raise typer.Exit(EXIT_ERROR)
    sys.stdout.write(f"{detector.code} {detector.kind}\n\n{detector.doc}\n")
