"""Stage 7: line claims up across and within articles, by the key each finding kind declares.

Every kind's row in checker.kinds names the attribute kind of its claims and the
claims-table columns that make two claims comparable (numeric_mismatch: subject,
attribute, object and unit); `aligned_groups` is the one place that groups them.
"""

from __future__ import annotations

import pandas as pd

from checker.kinds import Kind
from checker.models import FLAT_CLAIM_FIELDS, Claim
from checker.rulepack import NAME_ATTRIBUTE, RulePack


def claims_table(claims: list[Claim], shared_strings: bool = False) -> pd.DataFrame:
    """One row per claim; enums as plain strings, a missing object as "". Built column by column
    from each claim's row: no record per claim is made on the way (a huge article has tens of thousands).

    `shared_strings`: text columns hold the claims' own strings (object dtype) rather than copies in
    the str dtype's buffers (pyarrow's, where installed); alignment and detection read the same values
    at a fraction of the memory."""
    columns: list[list] = [[] for _ in FLAT_CLAIM_FIELDS]
    for claim in claims:
        for column, value in zip(columns, claim.row()):
            column.append(value)
    data = {name: pd.Series(column, dtype=object) if shared_strings and name in TEXT_FIELDS else column for name, column in zip(FLAT_CLAIM_FIELDS, columns)}
    table = pd.DataFrame(data if claims else None, columns=list(FLAT_CLAIM_FIELDS))  # no rows: object columns
    table["object"] = table["object"].fillna("")
    table["version"] = table["version"].fillna("")
    return table


# the claims-table columns of text (or of text and None): the others hold offsets, numbers or flags
TEXT_FIELDS = frozenset(FLAT_CLAIM_FIELDS) - {"start", "end", "low", "high", "negated", "high_open"}


def claims_of_kind(table: pd.DataFrame, pack: RulePack, attribute_kind: str | None) -> pd.DataFrame:
    """The rows whose attribute is of `attribute_kind` (`name`: the name-variant rows; None: all)."""
    if attribute_kind is None:
        return table
    if attribute_kind == NAME_ATTRIBUTE:
        return table[table["attribute"] == NAME_ATTRIBUTE]
    return table[table["attribute"].isin([name for name, rule in pack.attributes.items() if rule.kind == attribute_kind])]


def aligned_groups(table: pd.DataFrame, pack: RulePack, kind: Kind) -> list[tuple[tuple, list[str]]]:
    """The claim ids sharing the kind's key, key by key in a stable (sorted) order; a child
    entity's claims on an attribute it inherits are grouped under its parent."""
    if not kind.group_by:
        raise ValueError(f"{kind.name} declares no group_by: it groups its claims itself")
    rows = claims_of_kind(table, pack, kind.attribute_kind)
    if rows.empty:
        return []
    if "subject" in kind.group_by:
        rows = with_aligned_subjects(rows, pack)
    return [
        (key if isinstance(key, tuple) else (key,), list(group["id"]))
        for key, group in rows.groupby(list(kind.group_by), sort=True)
    ]


def with_aligned_subjects(rows: pd.DataFrame, pack: RulePack) -> pd.DataFrame:
    """`rows` with each subject replaced by the entity it is compared under (a child's inherited attribute: its parent)."""
    aligned = [pack.aligned_subject(s, a) for s, a in zip(rows["subject"], rows["attribute"], strict=True)]
    return rows.assign(subject=pd.Series(aligned, index=rows.index, dtype=rows["subject"].dtype))  # shared strings stay shared
