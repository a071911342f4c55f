"""Short, stable text forms of values for claim tables and fingerprints."""

from __future__ import annotations

from checker.models import DateSpan, Qualifier, Quantity


def number(value: float | None) -> str:
    if value is None:
        return "?"
    if float(value).is_integer() and abs(value) < 1e21:
        return str(int(value))
    return f"{value:.6g}"


def format_quantity(quantity: Quantity) -> str:
    """1.75e11 as "175000000000"; bounds as ">=10000", "<=400000000", "1e11..1e12"."""
    q = quantity.qualifier
    if q == Qualifier.at_least or (quantity.high is None and quantity.low is not None):
        return f">={number(quantity.low)}"
    if q == Qualifier.at_most or (quantity.low is None and quantity.high is not None):
        return f"<={number(quantity.high)}"
    if q in (Qualifier.range, Qualifier.order_of_magnitude) or quantity.value is None:
        return f"{number(quantity.low)}..{number(quantity.high)}"
    prefix = "~" if q == Qualifier.approx else ""
    return f"{prefix}{number(quantity.value)}"


def format_date(span: DateSpan) -> str:
    if span.low == span.high:
        return span.low.isoformat()
    return f"{span.low.isoformat()}..{span.high.isoformat()}"
