"""pydantic validation errors turned into messages a curator can act on, each with a fix."""

from __future__ import annotations

import difflib
from typing import Any, get_args

from pydantic import BaseModel

from checker.rulepack.strict import Strict

_UNION_MEMBERS = {"float": "a number", "int": "a whole number", "date": "a date", "str": "text", "bool": "true or false"}
_FIX_BY_TYPE = {
    "list_type": "write a list, e.g. `[first, second]`",
    "string_type": "write text; quote what YAML reads as a number or date, e.g. '360'",
    "float_type": "write a number",
    "float_parsing": "write a number",
    "int_type": "write a whole number",
    "int_parsing": "write a whole number",
    "bool_type": "write true or false",
    "bool_parsing": "write true or false",
    "date_type": "write an ISO date, e.g. 2023-02-06",
    "date_parsing": "write an ISO date, e.g. 2023-02-06",
    "dict_type": "write a mapping of `key: value` lines",
    "model_type": "write a mapping of `key: value` lines",
    "too_short": "give at least one item",
}


# pydantic error type -> problem code (checker.rulepack.problems.PROBLEM_CODES); others: RP012
_CODE_BY_TYPE = {"rule": "RP013", "extra_forbidden": "RP010", "missing": "RP011"}


def explain_errors(model: type[Strict], errors: list[dict]) -> list[tuple[tuple, str, str, str]]:
    """(loc, message, fix, code) per error; the per-member errors of a union field become one."""
    out: list[tuple[tuple, tuple[str, str, str] | None]] = []
    members: dict[tuple, list[str]] = {}  # union field -> what each member expected
    for err in errors:
        loc = tuple(err["loc"])
        if len(loc) >= 2 and loc[-1] in _UNION_MEMBERS and isinstance(loc[-2], str):
            if loc[:-1] not in members:
                members[loc[:-1]] = []
                out.append((loc[:-1], None))
            members[loc[:-1]].append(_UNION_MEMBERS[loc[-1]])
        else:
            out.append((loc, (*_explain(model, err), _CODE_BY_TYPE.get(err["type"], "RP012"))))
    union_fix = "see docs/rules.md for the expected form"
    return [(loc, *(explained or (f"`{_dotted(loc)}`: expected {_or(members[loc])}", union_fix, "RP012"))) for loc, explained in out]


def _dotted(loc: tuple) -> str:
    return ".".join(str(p) for p in loc) or "entry"


def with_article(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def _or(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _explain(model: type[Strict], err: dict) -> tuple[str, str]:
    field = _dotted(err["loc"])
    if err["type"] == "rule":
        return err["msg"], err["ctx"]["fix"]
    if err["type"] == "extra_forbidden":
        key = str(err["loc"][-1])
        owner = _model_at(model, err["loc"][:-1])
        known = list(owner.model_fields) if owner else []
        return f"unknown key `{key}`", did_you_mean(key, known) or f"allowed keys: {', '.join(known)}"
    if err["type"] == "missing":
        return f"required key `{field}` is missing", f"add `{err['loc'][-1]}:`"
    if err["type"] == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"`{field}`: {err['msg']}", did_you_mean(str(err.get("input")), [e.strip(" '") for e in expected.replace(" or ", ",").split(",")]) or f"use {expected}"
    return f"`{field}`: {err['msg']}", _FIX_BY_TYPE.get(err["type"], "see docs/rules.md for the expected form")


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model that owns the key at `loc` (through nested models, lists and mappings)."""
    current: Any = model
    for part in loc:
        if current is None:
            return None
        field = current.model_fields.get(str(part)) if isinstance(part, str) else None
        if field is None:
            continue  # a list index or mapping key: the item model stays the same
        current = _inner_model(field.annotation)
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside Optional[...], list[...] or dict[..., ...], if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""
