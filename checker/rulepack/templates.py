"""Finding messages as templates a pack may reword (settings.yaml `messages`), with neutral defaults.

A detector fills a message by its name with named fields; a pack that declares no template
for a name gets the default here, written for any domain. Templates are checked on load:
only the placeholders their message fills may appear, as plain `{name}`.
"""

from __future__ import annotations

import string

# message name -> the placeholders its detector fills
MESSAGE_FIELDS: dict[str, tuple[str, ...]] = {
    "negation_conflict": ("subject", "denied", "attribute", "values"),
    "negation_event": ("subject", "denied", "values"),
    "feature_conflict": ("subject", "attribute", "feature", "values", "denials"),
    "attribution_conflict": ("subject", "attribute", "values"),
    "type_conflict": ("subject", "values", "expected"),
}

DEFAULT_MESSAGES: dict[str, str] = {
    "negation_conflict": "{subject} is said not to have {denied}, but is credited with {values}",
    "negation_event": "{subject} is said not to have {denied}, but: {values}",
    "feature_conflict": "{subject} {attribute}: {feature} is denied ({denials}) and stated ({values})",
    "attribution_conflict": "{subject} {attribute}: credited to unrelated organizations ({values})",
    "type_conflict": "{subject} is described as {values}; the rules say {expected}",
}


def template_problems(name: str, template: str) -> list[str]:
    """What is wrong with a template for message `name`: an unknown placeholder, a field with a
    conversion or format spec, or unbalanced braces; [] when it is sound."""
    allowed = MESSAGE_FIELDS[name]
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        return [f"braces do not pair up ({exc})"]
    found = []
    for _, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in allowed:
            found.append(f"unknown placeholder `{{{field}}}`")
        elif spec or conversion:
            found.append(f"placeholder `{{{field}}}` takes no conversion or format")
    return found


def render(template: str, fields: dict[str, str]) -> str:
    return template.format_map(fields)
