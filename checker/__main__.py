"""`python -m checker` runs the same CLI as the `checker` command."""

from checker.cli import app

app(prog_name="checker")
