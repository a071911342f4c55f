"""The threshold a milestone date is keyed by: the day a company's market value first topped $1 trillion.

A date attribute with `units` dates a milestone, a figure first reached. The figure is part of the
event: two claims of one subject are compared only when they speak of the same threshold (first topped
$1 trillion in May vs first topped $2 trillion in February never conflict). The threshold is the amount of
a fitting unit nearest the trigger in its clause, written as a key (`1000000000000 USD`), or, for an
amount said in words (joined the so-called trillion-dollar club), the label of the rule's `variants` word in the
clause, written the same way. A clause that names no threshold gives no claim.
"""

from __future__ import annotations

from checker.claims.context import SentenceContext
from checker.models import Quantity
from checker.rulepack import AttributeRule
from checker.values import find_quantities
from checker.values.format import number


def threshold_key(quantity: Quantity) -> str:
    """A threshold as a claim's object: the amount as written, in its base unit."""
    return f"{number(quantity.value)} {quantity.unit}"


def threshold_of(ctx: SentenceContext, rule: AttributeRule, trigger_start: int, trigger_end: int) -> str | None:
    """The threshold of the milestone whose trigger is at [trigger_start, trigger_end), or None."""
    a, b = ctx.clause_of(trigger_start)
    original = ctx.original[a - ctx.start:b - ctx.start]
    found = [
        m for m in find_quantities(ctx.at(a, b), traditional=ctx.traditional, settings=ctx.pack.value_settings, original=original, offset=a)
        if m.quantity.value is not None and ctx.pack.unit_allowed(m.quantity.unit, rule.units)
    ]
    if found:
        nearest = min(found, key=lambda m: max(m.start - trigger_end, trigger_start - m.end))
        return threshold_key(nearest.quantity)
    worded = [(hit.start(), label) for label, words in rule.variants.items() for hit in ctx.words(words, a, b)]
    return min(worded)[1] if worded else None
