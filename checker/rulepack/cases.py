"""Test cases carried by rules (`cases:`): collected with their lines and checked against the pack."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from checker.rulepack.checks import value_problems
from checker.rulepack.messages import did_you_mean
from checker.rulepack.pack import CaseRef
from checker.rulepack.parse import Entry, problem
from checker.rulepack.problems import RuleProblem
from checker.rulepack.schema import NAME_ATTRIBUTE, AttributeRule, Case, EntityRule, Expectation, Fact
from checker.yaml_lines import line_of

PERIOD_KEY = re.compile(r"(?:\d{4}-)?Q[1-4]")  # the object of a per_period claim (see checker.claims.periods)


def collect_cases(
    entities: list[tuple[EntityRule, int]],
    attributes: dict[str, AttributeRule],
    facts: list[tuple[Fact, int]],
    raw: Mapping[str, Entry],
) -> list[tuple[CaseRef, Entry, tuple]]:
    """Every case of the pack with its file, line and YAML path, in file order."""
    owners: list[tuple[str, tuple, str, Sequence[Case]]] = [
        *(("entities.yaml", ("entities", index), entity.id, entity.cases) for entity, index in entities),
        *(("attributes.yaml", ("attributes", name), name, rule.cases) for name, rule in attributes.items()),
        *(("facts.yaml", ("facts", index), f"{fact.subject} {fact.attribute}", fact.cases) for fact, index in facts),
    ]
    found = []
    for file_name, loc, owner, cases in owners:
        entry = raw[file_name]
        for index, case in enumerate(cases):
            where = loc + ("cases", index)
            found.append((CaseRef(entry[2], line_of(entry[1], where), owner, case), entry, where))
    return found


def check_cases(
    cases: list[tuple[CaseRef, Entry, tuple]],
    entities: Mapping[str, EntityRule | None] | None,
    attributes: Mapping[str, AttributeRule],
    problems: list[RuleProblem],
    invalid_attributes: frozenset[str] = frozenset(),
) -> None:
    """Every entity, attribute and fact a case names must exist, and values must suit their attribute;
    names of entries already reported as invalid are not reported again."""
    for ref, entry, loc in cases:
        for side in ("want", "forbid"):
            for index, expectation in enumerate(getattr(ref.case, side)):
                where = loc + (side, index)
                for key, message, fix in _expectation_problems(expectation, entities, attributes, invalid_attributes):
                    problems.append(problem(entry, where + key, message, fix, code="RP060"))


def _expectation_problems(
    expectation: Expectation,
    entities: Mapping[str, EntityRule | None] | None,
    attributes: Mapping[str, AttributeRule],
    invalid_attributes: frozenset[str],
) -> list[tuple[tuple, str, str]]:
    found: list[tuple[tuple, str, str]] = []

    def entity(key: tuple, value: str | None) -> None:
        if entities is not None and value is not None and value not in entities:
            found.append((key, f"unknown entity `{value}` in a case", did_you_mean(value, entities) or "use an id from entities.yaml"))

    def attribute(key: tuple, value: str | None, extra: Sequence[str] = ()) -> AttributeRule | None:
        if value is None or value in extra or value in invalid_attributes:
            return None
        if value not in attributes:
            found.append((key, f"unknown attribute `{value}` in a case", did_you_mean(value, [*attributes, *extra]) or "use a key of attributes.yaml"))
        return attributes.get(value)

    if expectation.claim is not None:
        claim = expectation.claim
        rule = attribute(("claim", "attribute"), claim.attribute)
        entity(("claim", "subject"), claim.subject)
        if not (rule is not None and (rule.per_period and PERIOD_KEY.fullmatch(claim.object or "") or claim.object in rule.variants)):
            entity(("claim", "object"), claim.object)  # a per_period attribute's object is its period (2023-Q2), a variant's its label
        if rule is not None:
            values = {"value": claim.value, "low": claim.low, "high": claim.high}
            found.extend((("claim", key), message, fix) for key, message, fix in value_problems(claim.attribute, rule, values, entities, noun="claim"))
    elif expectation.finding is not None:
        entity(("finding", "subject"), expectation.finding.subject)
        attribute(("finding", "attribute"), expectation.finding.attribute, extra=(NAME_ATTRIBUTE,))
    elif expectation.confirmation is not None:
        entity(("confirmation", "subject"), expectation.confirmation.subject)
        attribute(("confirmation", "attribute"), expectation.confirmation.attribute)
    else:
        entity(("mention",), expectation.mention)
    return found
