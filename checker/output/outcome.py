"""The one object every renderer takes: a finished run, and the gate's verdict for `check`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # types only: building an Outcome happens after the run, naming formats before it
    from checker.api import RunResult
    from checker.check.core import CheckResult


@dataclass(frozen=True)
class ReviewOptions:
    """Who publishes the ClaimReview fact checks, where, and when.

    `review_url` is the page that will host the reviews; each review's url is that page
    plus an anchor, which Google requires (same domain as the page with the markup).
    `date` is the review's datePublished; None means today.
    """

    publisher: str = "claim-checker"
    publisher_url: str | None = None
    review_url: str | None = None
    date: dt.date | None = None


@dataclass(frozen=True)
class Outcome:
    """What a command hands its renderer.

    `check` is set by `checker check` (the gate's result, whose `run` is `run`); `quiet`
    asks the text format for the new findings and the verdict only; `review` holds the
    claimreview options.
    """

    run: RunResult
    check: CheckResult | None = None
    quiet: bool = False
    review: ReviewOptions = field(default_factory=ReviewOptions)

    @classmethod
    def of_check(cls, result: CheckResult, quiet: bool = False) -> Outcome:
        return cls(result.run, result, quiet)

    @property
    def command(self) -> str:
        return "report" if self.check is None else "check"

    @property
    def gate(self) -> CheckResult:
        """The check result, for the formats only `checker check` offers."""
        if self.check is None:
            raise ValueError("this format renders the result of `checker check`, and this outcome has none")
        return self.check

