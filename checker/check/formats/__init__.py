"""Output formats of `checker check`, one module each.

Each module has `render(outcome) -> str` and is one row of the output registry
(`checker.output.registry`), which names it for the CLI and imports it on first use.
Article text is untrusted, so each module escapes it the way its format requires.
"""
