"""Text forms of values: short and stable for claim tables and fingerprints, readable for people."""

from __future__ import annotations

import math

from checker.models import Claim, Qualifier, Quantity

SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


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


def readable_number(value: float) -> str:
    """1.75e11 as "1.75×10¹¹": plain below a million, else mantissa×10ⁿ."""
    if value == 0 or abs(value) < 1e6:
        return f"{value:,.6g}"
    exponent = int(math.floor(math.log10(abs(value))))
    mantissa = value / 10**exponent
    return f"{mantissa:.4g}×10{str(exponent).translate(SUPERSCRIPT)}"


def normalized(claim: Claim) -> str:
    """The claim's interval in its base unit, readable: 1.745×10¹¹ – 1.755×10¹¹ count."""
    if claim.span is not None:
        low, high = claim.span.low, claim.span.high
        return str(low) if low == high else f"{low} – {high}"
    quantity = claim.quantity
    if quantity is not None and (quantity.low is not None or quantity.high is not None):
        shown_low = readable_number(quantity.low) if quantity.low is not None else "−∞"
        shown_high = readable_number(quantity.high) if quantity.high is not None else "∞"
        span = shown_low if quantity.low == quantity.high else f"{shown_low} – {shown_high}"
        return f"{span} {quantity.unit}".strip()
    return claim.value


def readable_value(value: str, unit: str | None) -> str:
    """A claim's stated value (its `value` field) for a message: ">=-9" as "≥ -9 %",
    "175000000000" as "1.75×10¹¹", "1e9..1e10" as "1×10⁹ – 1×10¹⁰"; a count has no unit word."""
    shown_unit = {"count": "", "percent": " %", None: ""}.get(unit, f" {unit}")
    for prefix, sign in ((">=", "≥ "), ("<=", "≤ "), ("~", "≈ ")):
        if value.startswith(prefix):
            return f"{sign}{readable_value(value[len(prefix):], None)}{shown_unit}"
    low, dots, high = value.partition("..")
    try:
        if dots:
            return f"{readable_number(float(low))} – {readable_number(float(high))}{shown_unit}"
        return f"{readable_number(float(value))}{shown_unit}"
    except ValueError:
        return value  # not a number: an entity, a type label
