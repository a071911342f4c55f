"""The finding kinds: one row each, the only place a kind's code and name are written.

The row says which module holds the kind (its detector, whose docstring is the
`checker explain` text), which attribute kind its claims have, and its lifecycle, the
way ruff's registry does. Everything else that lists kinds (the rules-file schema,
`checker explain`, the SARIF rule list, `settings.yaml` severities, the evaluation
tables) reads this table; the JSON report schema and the README table are tested
against it. This module imports nothing heavy, so `--help` and `explain` stay fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lifecycle = Literal["stable", "preview"]


@dataclass(frozen=True)
class Kind:
    code: str  # stable, searchable: NUM001
    name: str  # the report's `kind`: numeric_mismatch
    attribute_kind: str | None  # the kind of attribute whose claims it compares; None: any
    lifecycle: Lifecycle
    module: str  # the module that registers its detector and keeps its explain text
    group_by: tuple[str, ...] = ()  # claims-table columns the aligner groups its claims by; (): it groups itself


KINDS: dict[str, Kind] = {
    row.name: row
    for row in (
        Kind("NUM001", "numeric_mismatch", "quantity", "stable", "checker.detect.numeric", ("subject", "attribute", "version", "object", "unit")),
        Kind("DATE001", "date_conflict", "date", "stable", "checker.detect.dates", ("subject", "attribute", "version", "object")),
        Kind("ATTR001", "attribution_conflict", "entity", "stable", "checker.detect.attribution", ("subject", "attribute")),
        Kind("TYPE001", "type_conflict", "type", "stable", "checker.detect.types", ("subject", "attribute")),
        # a denial is compared with the credits of another attribute, so it groups itself
        Kind("NEG001", "negation_conflict", "negation", "stable", "checker.detect.negation"),
        Kind("NAME001", "name_variant", "name", "stable", "checker.detect.names", ("subject", "value")),
        # every claim against the reference facts of its subject and attribute
        Kind("REF001", "reference_mismatch", None, "stable", "checker.detect.reference"),
    )
}

# the kinds known when the rules-file schemas are built (a kind added later, by a plugin
# or a test, is still detected and reported, but a pack cannot name it in `cases:`)
FINDING_KINDS: tuple[str, ...] = tuple(KINDS)


def kind_by_code(code: str) -> Kind | None:
    return next((row for row in KINDS.values() if row.code == code), None)


def lookup(code_or_name: str) -> Kind | None:
    """A kind by its code (NUM001, any case) or its name (numeric_mismatch)."""
    wanted = code_or_name.strip()
    return kind_by_code(wanted.upper()) or KINDS.get(wanted.lower())


def schema_drift(schema: dict) -> list[str]:
    """Kind names the registry has and the JSON report schema's enum lacks, or the other
    way round: a new kind changes the report contract (new schema_version)."""
    enum = schema["properties"]["findings"]["items"]["properties"]["kind"]["enum"]
    return sorted(set(KINDS) ^ set(enum))
