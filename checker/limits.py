"""Limits the command line shows as defaults, kept apart so `checker --help` imports nothing heavy."""

MAX_BYTES = 5_000_000  # article files larger than this are skipped with a message (--max-bytes)
