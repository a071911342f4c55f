"""Stage 7: line claims up by (subject, attribute, object) across and within articles."""

from __future__ import annotations

import pandas as pd

from checker.models import Claim

COLUMNS = [
    "id", "article", "start", "end", "text", "sentence", "subject", "subject_text", "attribute",
    "value", "unit", "low", "high", "high_open", "qualifier", "modality", "negated", "object", "timezone",
]
KEY = ["subject", "attribute", "object"]


def claims_table(claims: list[Claim]) -> pd.DataFrame:
    """One row per claim; enums as plain strings, a missing object as ""."""
    rows = [claim.model_dump(mode="json", by_alias=True) for claim in claims]
    table = pd.DataFrame(rows, columns=COLUMNS)
    table["object"] = table["object"].fillna("")
    return table


def aligned_groups(table: pd.DataFrame) -> list[tuple[tuple[str, str, str], pd.DataFrame]]:
    """Claim groups sharing subject, attribute and object, in a stable order."""
    if table.empty:
        return []
    return [(key, group) for key, group in table.groupby(KEY, sort=True, dropna=False)]
