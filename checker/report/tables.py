"""Claims tables for analysis: CSV, Parquet or JSON Lines, chosen by the file suffix."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from checker.align import claims_table
from checker.models import Claim

TABLE_SUFFIXES = (".csv", ".parquet", ".jsonl")


def write_claims(claims: list[Claim], path: Path | TextIO) -> None:
    """Write to a file, its format chosen by the suffix, or as CSV to an open text stream."""
    table = claims_table(claims)
    if not isinstance(path, Path):
        table.to_csv(path, index=False)
        return
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table.to_csv(path, index=False, encoding="utf-8")
    elif suffix == ".parquet":
        table.astype({"low": "string", "high": "string"}).to_parquet(path, index=False)
    elif suffix == ".jsonl":
        table.to_json(path, orient="records", lines=True, force_ascii=False)
    else:
        raise ValueError(f"unknown claims table format {suffix!r}; use one of {', '.join(TABLE_SUFFIXES)}")
