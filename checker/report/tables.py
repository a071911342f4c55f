"""Claims tables for analysis: CSV, Parquet or JSON Lines, chosen by the file suffix."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from checker.align import claims_table
from checker.models import Claim

TABLE_SUFFIXES = (".csv", ".parquet", ".jsonl")
PARQUET_MISSING = 'Parquet output needs pyarrow (about 170 MB, so it is optional): pip install "claim-checker[parquet]"'


def parquet_missing() -> str | None:
    """Why a .parquet table cannot be written here, or None when it can."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return PARQUET_MISSING
    return None


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
