"""What detectors share: the registry, the finding builder and severity rules.

A detector is a function over aligned claims, registered under its kind's name; the
code, lifecycle and module come from the kinds table (checker.kinds), and the
detector's docstring is the `checker explain` text, kept next to the code.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from typing import TYPE_CHECKING

from checker.kinds import KINDS, Kind
from checker.models import CANDIDATE_PREFIX, Claim, Evidence, FactRef, Finding, Modality, Severity
from checker.rulepack import RulePack

if TYPE_CHECKING:
    import pandas as pd


# claim ids by the kind's key, key by key in sorted order: checker.align.aligned_groups, or an engine's
Aligner = Callable[["pd.DataFrame", RulePack, Kind], list[tuple[tuple, list[str]]]]


@dataclass(frozen=True)
class DetectInput:
    pack: RulePack
    claims: dict[str, Claim]
    table: pd.DataFrame
    article_dates: dict[str, dt.date | None]
    aligner: Aligner | None = None  # None: pandas in this process

    def groups(self, kind: str) -> list[tuple[tuple, list[Claim]]]:
        """The claims of `kind`'s attribute kind, grouped by its declared key (checker.align)."""
        from checker.align import aligned_groups  # pandas loads only when detection runs, not for `checker explain`

        align = self.aligner or aligned_groups
        return [(key, [self.claims[i] for i in ids]) for key, ids in align(self.table, self.pack, KINDS[kind])]


@dataclass(frozen=True)
class Detector:
    row: Kind
    run: Callable[[DetectInput], list[Finding]]

    @property
    def code(self) -> str:
        return self.row.code

    @property
    def kind(self) -> str:
        return self.row.name

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.run) or ""

    @property
    def summary(self) -> str:
        return self.doc.splitlines()[0] if self.doc else self.kind


REGISTRY: dict[str, Detector] = {}  # code -> detector, filled as the kinds' modules are imported


def detector(kind: str) -> Callable[[Callable[[DetectInput], list[Finding]]], Callable[[DetectInput], list[Finding]]]:
    """Register the decorated function as the detector of `kind`, a row of checker.kinds."""
    row = KINDS.get(kind)
    if row is None:
        raise KeyError(f"finding kind {kind!r} has no row in checker.kinds.KINDS; add one")

    def register(run: Callable[[DetectInput], list[Finding]]) -> Callable[[DetectInput], list[Finding]]:
        REGISTRY[row.code] = Detector(row=row, run=run)
        return run

    return register


def code_for(kind: str) -> str:
    return KINDS[kind].code


DOWN = {Severity.error: Severity.warning, Severity.warning: Severity.info, Severity.info: Severity.info}


def severity_for(kind: str, claims: Iterable[Claim], pack: RulePack) -> Severity:
    """The kind's severity, one level lower when a cited claim is only reported or claimed."""
    severity = Severity(pack.severity_of(kind))
    downgrade = {Modality(m) for m in pack.settings.modality_downgrade}
    if any(c.modality in downgrade for c in claims):
        severity = DOWN[severity]
    return severity


def fingerprint(code: str, subject: str, attribute: str, claims: Iterable[Claim], extra: str = "") -> str:
    """Content-based: survives edits elsewhere in the articles and reordering of files."""
    values = sorted({(c.article, c.obj or "", c.value, c.modality.value, c.negated) for c in claims})
    blob = json.dumps([code, subject, attribute, values, extra], ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:20]


def make_finding(kind: str, subject: str, attribute: str, claims: list[Claim], message: str, pack: RulePack, extra: str = "", reference: FactRef | None = None) -> Finding:
    code = code_for(kind)
    ordered = sorted(claims, key=lambda c: (c.article, c.start))
    print_ = fingerprint(code, subject, attribute, ordered, extra)
    return Finding(
        id=f"{code}-{print_[:10]}",
        code=code,
        kind=kind,
        severity=severity_for(kind, ordered, pack),
        subject=subject,
        attribute=attribute,
        message=message,
        claims=[c.id for c in ordered],
        evidence=[Evidence(article=c.article, start=c.start, end=c.end, text=c.text) for c in ordered],
        fingerprint=print_,
        reference=reference,
    )


def entity_label(pack: RulePack, entity_id: str) -> str:
    """The entity's first alias; an unknown name found in the text is marked as such."""
    entity = pack.entities.get(entity_id)
    if entity:
        return entity.aliases[0]
    if entity_id.startswith(CANDIDATE_PREFIX):
        return f"{entity_id.removeprefix(CANDIDATE_PREFIX)} (not in the rules)"
    return entity_id


def subject_label(pack: RulePack, entity_id: str, version: str = "") -> str:
    """entity_label, with the version a claim key carries (ERNIE 3.0)."""
    return f"{entity_label(pack, entity_id)} {version}" if version else entity_label(pack, entity_id)


def attribute_label(pack: RulePack, attribute: str) -> str:
    rule = pack.attributes.get(attribute)
    return rule.label if rule and rule.label else attribute


def quote(claims: Iterable[Claim]) -> str:
    return " vs ".join(sorted({f"“{c.text}”" for c in claims}))
