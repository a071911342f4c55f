"""Typed records passed between pipeline stages.

Every stage takes and returns these models, so a stage can be tested, replaced or
run in another process on its own. Offsets are always character offsets into
`Article.text`, the decoded original text (front matter included).
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.load_codes import LOAD_CODES
from checker.severity import Severity  # noqa: F401  (re-exported: findings carry one)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(Frozen):
    id: str
    path: str
    text: str
    body_start: int = 0
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str = "zh-Hans"
    encoding: str = "utf-8"  # how the file was decoded; a guess comes with a LoadProblem warning


class LoadProblem(Frozen):
    """A file (or one line of a .jsonl file) that could not be read, or was read with caveats.

    level "error": nothing was loaded from it; "warning": the article was loaded anyway
    (broken front matter is kept as body text, so no words are lost, or its date could not
    be read); "info": a note, such as a subfolder skipped because it is a separate dataset
    or rules pack (the CLI prints notes only with --verbose).
    """

    path: str
    message: str
    level: str = "error"
    code: str  # a key of checker.load_codes.LOAD_CODES

    @field_validator("code")
    @classmethod
    def _known_code(cls, code: str) -> str:
        if code not in LOAD_CODES:
            raise ValueError(f"unknown load problem code {code!r}")
        return code

    def __str__(self) -> str:
        return f"{self.path}: {self.code} {self.message}"


class Sentence(Frozen):
    index: int
    start: int
    end: int
    text: str


class Qualifier(str, Enum):
    """How precisely a value was stated."""

    exact = "exact"
    approx = "approx"
    at_least = "at_least"
    at_most = "at_most"
    range = "range"
    order_of_magnitude = "order_of_magnitude"


class Modality(str, Enum):
    """How the article commits to a claim."""

    asserted = "asserted"
    planned = "planned"
    reported = "reported"
    claimed = "claimed"
    denied = "denied"


class Quantity(Frozen):
    """A number as an interval in a base unit.

    `low` is inclusive; `high` is exclusive when `high_open` (the upper end of a
    rounding interval or of 近4亿), inclusive otherwise. `None` means unbounded.
    `unit` is a base unit: "count", "percent", an ISO currency code (USD, CNY, ...), or
    the base unit of a dimension the rules pack declares (kWh, km).
    """

    low: float | None
    high: float | None
    high_open: bool = False
    unit: str = "count"
    qualifier: Qualifier = Qualifier.exact
    value: float | None = None  # the number as written, scaled to the base unit

    def overlaps(self, other: Quantity, rel_tol: float = 0.0) -> bool:
        lo_a, hi_a = _widen(self.low, self.high, rel_tol)
        lo_b, hi_b = _widen(other.low, other.high, rel_tol)
        if hi_a is not None and lo_b is not None:
            if hi_a < lo_b or (hi_a == lo_b and self.high_open and lo_a != hi_a):
                return False
        if hi_b is not None and lo_a is not None:
            if hi_b < lo_a or (hi_b == lo_a and other.high_open and lo_b != hi_b):
                return False
        return True


def _widen(low: float | None, high: float | None, rel: float) -> tuple[float | None, float | None]:
    if not rel:
        return low, high
    return (
        None if low is None else low - abs(low) * rel,
        None if high is None else high + abs(high) * rel,
    )


class DateSpan(Frozen):
    """A date as an inclusive interval of days."""

    low: dt.date
    high: dt.date
    qualifier: Qualifier = Qualifier.exact
    timezone: str | None = None  # "local" or "beijing" when the text says so

    def iso(self) -> str:
        """The span as ISO days: one day, or first..last."""
        return self.low.isoformat() if self.low == self.high else f"{self.low.isoformat()}..{self.high.isoformat()}"

    def overlaps(self, other: DateSpan, slack_days: int = 0) -> bool:
        slack = dt.timedelta(days=slack_days)
        return self.low - slack <= other.high and other.low - slack <= self.high


class QuantityMatch(Frozen):
    """A quantity found in normalized text, with offsets into that text."""

    start: int
    end: int
    text: str
    quantity: Quantity


class DateMatch(Frozen):
    start: int
    end: int
    text: str
    span: DateSpan | None  # None: a relative date with no article date to resolve it


class Mention(Frozen):
    """An entity found in a sentence; `variant_of` is set for a fuzzy match."""

    entity: str
    start: int
    end: int
    text: str
    score: float = 100.0
    variant_of: str | None = None
    version: str | None = None  # ERNIE 3.0 when the pack knows only ERNIE (checker.versions)


class Candidate(Frozen):
    """A name-like span no entity of the rules pack covers: a possible new entity.

    `cue` says what made it look like a name (its Latin-script shape, the 模型 or
    公司 word after it, quotation marks); `type` is a guess from the words around it
    (None: no evidence). `name` is the key that joins occurrences: Simplified,
    casefolded, whitespace collapsed.
    """

    article: str
    start: int
    end: int
    text: str
    name: str
    cue: Literal["latin", "before_model", "before_company", "quoted"]
    type: str | None = None
    sentence: str = ""

    @property
    def subject(self) -> str:
        """The subject id of claims about this name."""
        return f"{CANDIDATE_PREFIX}{self.name}"


CANDIDATE_PREFIX = "candidate:"


class Claim(Frozen):
    """One factual statement an article makes, with its evidence span.

    The value is typed by the attribute's kind: a quantity claim carries its interval in
    a base unit (`quantity`), a date claim its interval of days (`span`), a denial the day
    it speaks of (`as_of`); `value` is the readable form and, for entity and type claims,
    the entity id or the type label. Detectors compare the typed values and never parse
    `value` back. `flat()` is the report's view: the same data as plain JSON fields.
    """

    id: str
    article: str
    start: int
    end: int
    text: str
    sentence: str
    subject: str
    subject_text: str
    attribute: str
    value: str
    quantity: Quantity | None = None
    span: DateSpan | None = None
    as_of: dt.date | None = None
    modality: Modality = Modality.asserted
    negated: bool = False
    obj: str | None = Field(default=None, alias="object")
    version: str | None = None  # the subject's version, when the article names one the pack does not know (3.0 of ERNIE)
    when: DateSpan | None = None  # a figure's time as its clause states it (2019年 in 2019年首度注资10亿美元)

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    @property
    def unit(self) -> str | None:
        """A quantity's base unit, "date" for a date claim, None for any other claim."""
        if self.quantity is not None:
            return self.quantity.unit
        return "date" if self.span is not None else None

    @property
    def values(self) -> tuple[str, ...]:
        """The value's parts: the entity ids a developer claim credits (co-developers), or the one
        value of any other claim (a type label, a feature)."""
        return tuple(self.value.split(","))

    @property
    def qualifier(self) -> Qualifier:
        measure = self.quantity or self.span
        return measure.qualifier if measure is not None else Qualifier.exact

    @property
    def bounds(self) -> tuple[float | None, float | None] | tuple[dt.date, dt.date] | None:
        """The typed interval: a quantity's ends in its base unit (None: unbounded), a date's or
        a denial's days; None for a claim without one."""
        if self.quantity is not None:
            return self.quantity.low, self.quantity.high
        if self.span is not None:
            return self.span.low, self.span.high
        return (self.as_of, self.as_of) if self.as_of else None

    def flat(self) -> dict:
        """The claim as the JSON report's flat record (report schema `claims` items): the
        interval as `low`/`high` (numbers, or ISO days for dates and denials)."""
        return dict(zip(FLAT_CLAIM_FIELDS, self.row(), strict=True))

    def row(self) -> tuple:
        """The values of `flat()`, in the order of FLAT_CLAIM_FIELDS (a claims-table row, without a dict per claim)."""
        quantity, span = self.quantity, self.span
        low, high = (end.isoformat() if isinstance(end, dt.date) else end for end in self.bounds or (None, None))
        return (
            self.id, self.article, self.start, self.end, self.text, self.sentence, self.subject, self.subject_text,
            self.attribute, self.value, self.unit, low, high, self.qualifier.value, self.modality.value, self.negated,
            self.obj, bool(quantity and quantity.high_open), span.timezone if span is not None else None, self.version,
            self.when.iso() if self.when is not None else None,
        )


# the fields of a claim in the JSON report (report schema `claims` items), in order
FLAT_CLAIM_FIELDS = (
    "id", "article", "start", "end", "text", "sentence", "subject", "subject_text", "attribute", "value",
    "unit", "low", "high", "qualifier", "modality", "negated", "object", "high_open", "timezone", "version", "when",
)


class Evidence(Frozen):
    article: str
    start: int
    end: int
    text: str


class FactRef(Frozen):
    """The reference fact a claim was checked against, with its source."""

    subject: str
    attribute: str
    expected: str
    source_title: str
    source_url: str
    source_date: dt.date | None = None


class Confirmation(Frozen):
    """A claim that agrees with a reference fact."""

    claim: str
    fact: FactRef


class Finding(Frozen):
    id: str
    code: str
    kind: str
    severity: Severity
    subject: str
    attribute: str
    message: str
    claims: list[str]
    evidence: list[Evidence]
    fingerprint: str
    reference: FactRef | None = None
