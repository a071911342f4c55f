"""Cross checks of a pack: ids, aliases, units, attributes and facts against each other."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from checker.rulepack.lint import check_attribute_words, check_words
from checker.rulepack.messages import did_you_mean, with_article
from checker.rulepack.pack import base_units, unit_allowed
from checker.rulepack.parse import Entry, problem
from checker.rulepack.problems import RuleProblem
from checker.rulepack.schema import (
    COMMON_KEYS,
    CURRENCIES,
    KIND_KEYS,
    UNIT_CLASSES,
    AttributeRule,
    EntityRule,
    Fact,
    Settings,
    UnitRule,
)
from checker.values.numbers import reserved_unit_word
from checker.yaml_lines import line_of


def check_entities(
    entities: list[tuple[EntityRule, int]], entry: Entry | None, problems: list[RuleProblem], invalid: frozenset[str] = frozenset()
) -> dict[str, EntityRule]:
    """Ids, aliases and parents; `invalid` names entities already reported as invalid."""
    by_id: dict[str, EntityRule] = {}
    alias_owner: dict[str, str] = {}
    for entity, index in entities:
        if entity.id in by_id:
            problems.append(problem(entry, ("entities", index, "id"), f"duplicate entity id `{entity.id}`", "give each entity its own id, or merge the two entries", code="RP020"))
            continue
        by_id[entity.id] = entity
        check_words(entry, ("entities", index, "aliases"), "alias", entity.aliases, problems)
        for alias_index, alias in enumerate(entity.aliases):
            if alias in entity.aliases[:alias_index]:
                problems.append(problem(entry, ("entities", index, "aliases", alias_index), f"alias `{alias}` is listed twice for `{entity.id}`", "remove the second one", code="RP020"))
                continue
            owner = alias_owner.get(alias)
            if owner and owner != entity.id:
                problems.append(problem(entry, ("entities", index, "aliases", alias_index), f"alias `{alias}` is shared by `{owner}` and `{entity.id}`", "keep the alias on one entity only", code="RP020"))
            alias_owner[alias] = entity.id
    for entity, index in entities:
        if entity.parent and entity.parent not in by_id and entity.parent not in invalid:
            problems.append(problem(entry, ("entities", index, "parent"), f"parent `{entity.parent}` of `{entity.id}` is not a known entity", did_you_mean(entity.parent, by_id) or "add that entity or remove `parent`", code="RP021"))
    return by_id


def check_entity_types(
    entities: list[tuple[EntityRule, int]],
    attributes: Mapping[str, AttributeRule],
    settings: Settings,
    raw: Mapping[str, Entry],
    problems: list[RuleProblem],
) -> None:
    """Every type an entity, attribute or settings group names is one of the pack's `entity_types`."""
    declared = settings.entity_types
    fix_all = "declare it under `entity_types:` in settings.yaml, or use one of " + ", ".join(declared)

    def check(file_name: str, loc: tuple, value: str, role: str) -> None:
        if value not in declared and file_name in raw:
            problems.append(problem(raw[file_name], loc, f"{role} `{value}` is not one of the pack's entity types", did_you_mean(value, declared) or fix_all, code="RP021"))

    for entity, index in entities:
        check("entities.yaml", ("entities", index, "type"), entity.type, "type")
    for name, rule in attributes.items():
        for key in ("subject_types", "object_types"):
            for position, value in enumerate(getattr(rule, key)):
                check("attributes.yaml", ("attributes", name, key, position), value, "entity type")
        for label in rule.type_words:
            check("attributes.yaml", ("attributes", name, "type_words", label), label, "type label")
    for group_index, group in enumerate(settings.compatible_types):
        for position, value in enumerate(group):
            check("settings.yaml", ("compatible_types", group_index, position), value, "entity type")
    for label in settings.lexicon.anaphors:
        check("settings.yaml", ("lexicon", "anaphors", label), label, "anaphor type")
    for label in settings.lexicon.demonstratives:
        check("settings.yaml", ("lexicon", "demonstratives", label), label, "demonstrative type")


def check_editions(entities: list[tuple[EntityRule, int]], settings: Settings, entry: Entry | None, problems: list[RuleProblem]) -> None:
    """`edition_of` names a known entity and, when the pack lists editions, one of `lexicon.editions`."""
    ids = {entity.id for entity, _ in entities}
    for entity, index in entities:
        edition = entity.edition_of
        if edition is None:
            continue
        loc = ("entities", index, "edition_of")
        if edition.entity not in ids:
            problems.append(problem(entry, loc + ("entity",), f"`{entity.id}` is an edition of unknown entity `{edition.entity}`", did_you_mean(edition.entity, ids) or "use an id from entities.yaml", code="RP021"))
        if settings.lexicon.editions and edition.edition not in settings.lexicon.editions:
            problems.append(problem(entry, loc + ("edition",), f"edition `{edition.edition}` of `{entity.id}` is not a key of `lexicon.editions`", did_you_mean(edition.edition, settings.lexicon.editions) or "add it to `lexicon.editions` in settings.yaml", code="RP021"))


def check_inheritance(entities: list[tuple[EntityRule, int]], attributes: Mapping[str, AttributeRule], entry: Entry | None, problems: list[RuleProblem]) -> None:
    """`inherits` needs a parent and names attributes of the pack."""
    for entity, index in entities:
        loc = ("entities", index, "inherits")
        if entity.inherits and not entity.parent:
            problems.append(problem(entry, loc, f"`{entity.id}` inherits attributes but has no `parent`", "add `parent:` or remove `inherits`", code="RP031"))
        for position, name in enumerate(entity.inherits):
            if name not in attributes:
                problems.append(problem(entry, loc + (position,), f"`{entity.id}` inherits unknown attribute `{name}`", did_you_mean(name, attributes) or "use a key of attributes.yaml", code="RP021"))


def check_units(settings: Settings, entry: Entry, problems: list[RuleProblem]) -> None:
    """Declared units: not built in, one base unit per dimension, words the reader can reach."""
    word_owner: dict[str, str] = {}
    bases: dict[str, list[str]] = {}
    for unit_id, rule in settings.units.items():
        loc = ("units", unit_id)
        if unit_id in UNIT_CLASSES or unit_id in CURRENCIES:
            problems.append(problem(entry, loc, f"unit `{unit_id}` is built in", "remove it; built-in units need no declaration", code="RP040"))
        if rule.dimension in UNIT_CLASSES or rule.dimension in CURRENCIES:
            problems.append(problem(entry, loc + ("dimension",), f"dimension `{rule.dimension}` is a built-in unit", "name the dimension after what it measures, e.g. energy", code="RP040"))
        if rule.factor == 1:
            bases.setdefault(rule.dimension, []).append(unit_id)
        check_words(entry, loc + ("words",), "unit word", rule.words, problems)
        for index, word in enumerate(rule.words):
            where = loc + ("words", index)
            builtin = reserved_unit_word(word)
            if builtin:
                problems.append(problem(entry, where, f"unit word `{word}` can never match: the number reader already reads it as {builtin}", "remove it", code="RP040"))
            owner = word_owner.setdefault(word, unit_id)
            if owner != unit_id:
                problems.append(problem(entry, where, f"unit word `{word}` is declared by `{owner}` and `{unit_id}`", "keep the word on one unit only", code="RP020"))
    for unit_id, rule in settings.units.items():
        found = bases.get(rule.dimension, [])
        if not found:
            problems.append(problem(entry, ("units", unit_id, "factor"), f"dimension `{rule.dimension}` has no base unit", "give one of its units `factor: 1`; the others are multiples of it", code="RP040"))
            bases[rule.dimension] = [unit_id]  # report once per dimension
        elif len(found) > 1 and unit_id == found[1]:
            problems.append(problem(entry, ("units", unit_id, "factor"), f"dimension `{rule.dimension}` has two base units, `{found[0]}` and `{unit_id}`", "keep `factor: 1` on one of them", code="RP040"))


def check_attributes(attributes: dict[str, AttributeRule], settings: Settings, entry: Entry | None, problems: list[RuleProblem]) -> None:
    known_units = list(UNIT_CLASSES + CURRENCIES) + list(settings.units) + sorted({u.dimension for u in settings.units.values()})
    for name, rule in attributes.items():
        loc = ("attributes", name)
        for key in sorted(rule.model_fields_set - set(KIND_KEYS[rule.kind]) - set(COMMON_KEYS)):
            problems.append(problem(entry, loc + (key,), f"`{key}` has no effect on {with_article(rule.kind)} attribute", f"remove it; {rule.kind} attributes read {', '.join(KIND_KEYS[rule.kind])}", code="RP031"))
        for index, unit in enumerate(rule.units):
            if unit not in known_units:
                fix = did_you_mean(unit, known_units) or f"declare it under `units:` in settings.yaml (dimension, factor, words), or use one of {', '.join(UNIT_CLASSES)} or a currency code"
                problems.append(problem(entry, loc + ("units", index), f"unit `{unit}` has no conversion", fix, code="RP040"))
        if rule.kind == "quantity" and rule.object_types and not rule.object_markers:
            problems.append(problem(entry, loc + ("object_types",), "`object_types` without `object_markers` never finds an object", "add `object_markers:` (向, in ...)", code="RP031"))
        if rule.contradicted_by is not None and (attributes.get(rule.contradicted_by) is None or attributes[rule.contradicted_by].kind != "entity"):
            entity_attributes = [n for n, r in attributes.items() if r.kind == "entity"]
            problems.append(problem(entry, loc + ("contradicted_by",), f"`contradicted_by` must name an entity attribute, not `{rule.contradicted_by}`", did_you_mean(rule.contradicted_by, entity_attributes) or f"use one of: {', '.join(entity_attributes) or 'none defined'}", code="RP021"))
        date_attributes = [n for n, r in attributes.items() if r.kind == "date"]
        for index, other in enumerate(rule.events):
            if other not in date_attributes:
                problems.append(problem(entry, loc + ("events", index), f"`events` must name date attributes, not `{other}`", did_you_mean(other, date_attributes) or f"use one of: {', '.join(date_attributes) or 'none defined'}", code="RP021"))
        check_attribute_words(name, rule, entry, problems)


def check_facts(
    facts: list[tuple[Fact, int]],
    entities: Mapping[str, EntityRule | None] | None,
    attributes: dict[str, AttributeRule],
    settings: Settings,
    entry: Entry | None,
    problems: list[RuleProblem],
    invalid_attributes: frozenset[str] = frozenset(),
) -> None:
    """Check facts against the pack; `entities` is None when entities.yaml itself is broken,
    and names invalid entities (value None) next to the valid ones."""
    seen: dict[tuple, list[tuple[Fact, int]]] = {}
    for fact, index in facts:
        loc = ("facts", index)
        # with a broken entities.yaml every fact's entity would look unknown: skip that check
        if entities is not None and fact.subject not in entities:
            problems.append(problem(entry, loc + ("subject",), f"fact about unknown entity `{fact.subject}`", did_you_mean(fact.subject, entities) or "add the entity to entities.yaml", code="RP021"))
        if entities is not None and fact.object and fact.object not in entities:
            problems.append(problem(entry, loc + ("object",), f"fact object `{fact.object}` is not a known entity", did_you_mean(fact.object, entities) or "add the entity to entities.yaml", code="RP021"))
        _check_validity(fact, entry, loc, problems)
        attribute = attributes.get(fact.attribute)
        if attribute is None and fact.attribute in invalid_attributes:
            continue  # the attribute's own problem is reported already
        if attribute is None:
            problems.append(problem(entry, loc + ("attribute",), f"fact about unknown attribute `{fact.attribute}`", did_you_mean(fact.attribute, attributes) or "add it to attributes.yaml", code="RP021"))
            continue
        values = {key: getattr(fact, key) for key in ("value", "low", "high")}
        for key, message, fix in value_problems(fact.attribute, attribute, values, entities):
            problems.append(problem(entry, loc + (key,), message, fix, code="RP050"))
        if attribute.kind == "quantity":
            _check_fact_unit(fact, attribute, settings.units, entry, loc, problems)
        else:
            for key in sorted({"unit", "tolerance"} & fact.model_fields_set):
                problems.append(problem(entry, loc + (key,), f"`{key}` has no effect on {with_article(attribute.kind)} fact", "remove it", code="RP031"))
        if attribute.kind == "negation":
            problems.append(problem(entry, loc + ("attribute",), f"facts about negation attribute `{fact.attribute}` are never checked", "remove the fact; state what was released with a developer fact instead", code="RP031"))
        if fact.object and not attribute.object_types:
            problems.append(problem(entry, loc + ("object",), f"attribute `{fact.attribute}` has no objects, so a fact with `object` never applies", "remove `object`, or give the attribute `object_types` and `object_markers`", code="RP031"))
        _check_interval(fact, entry, loc, problems)
        # a subject has many features: facts about different ones are no duplicates
        key = (fact.subject, fact.attribute, fact.object, fact.value if attribute.kind == "feature" else None)
        for other, other_index in seen.get(key, []):
            if _periods_overlap(fact, other):
                other_line = line_of(entry[1], ("facts", other_index))
                problems.append(problem(entry, loc, f"fact duplicates the one on line {other_line} (same subject, attribute and object, overlapping validity)", "merge them, or give them `valid_from`/`valid_to` that do not overlap", code="RP020"))
                break
        seen.setdefault(key, []).append((fact, index))


def value_problems(
    attribute_name: str, attribute: AttributeRule, values: Mapping[str, Any], entities: Mapping[str, EntityRule | None] | None, noun: str = "fact"
) -> list[tuple[str, str, str]]:
    """(key, message, fix) for values that do not suit the attribute's kind (facts and case claims)."""
    found = []
    for key, given in values.items():
        if given is None:
            continue
        if attribute.kind == "quantity" and not isinstance(given, float):
            found.append((key, f"`{key}` of a {attribute_name} {noun} must be a number, not {given!r}", "write digits, e.g. 175000000000 or 1.75e+11"))
        elif attribute.kind == "date" and not isinstance(given, dt.date):
            found.append((key, f"`{key}` of a {attribute_name} {noun} must be a date, not {given!r}", "write an ISO date, e.g. 2023-02-06"))
        elif attribute.kind == "entity" and key == "value" and entities is not None and given not in entities:
            found.append((key, f"`{given}` is not a known entity", did_you_mean(str(given), entities) or "use an entity id"))
        elif attribute.kind == "type" and key == "value" and given not in attribute.type_words:
            labels = list(attribute.type_words)
            found.append((key, f"`{given}` is not a type of attribute `{attribute_name}` ({', '.join(labels)})", did_you_mean(str(given), labels) or "use one of the type_words labels"))
        elif attribute.kind == "feature" and key == "value" and given not in attribute.features and (entities is None or given not in entities):
            features = list(attribute.features)
            found.append((key, f"`{given}` is not a feature of attribute `{attribute_name}` ({', '.join(features) or 'no feature words'})", did_you_mean(str(given), features) or "use a `features` id or an entity id"))
    return found


def _check_fact_unit(fact: Fact, attribute: AttributeRule, units: Mapping[str, UnitRule], entry: Entry | None, loc: tuple, problems: list[RuleProblem]) -> None:
    if fact.unit is None:
        problems.append(problem(entry, loc, "a numeric fact needs `unit`", f"add `unit:` (one of {', '.join(attribute.units)})", code="RP050"))
        return
    unit, bases = fact.unit, base_units(units)
    dimensions = {unit_id: rule.dimension for unit_id, rule in units.items()}
    declared = units.get(unit)
    if declared is not None and declared.factor != 1 and declared.dimension in bases:
        base = bases[declared.dimension]
        problems.append(problem(entry, loc + ("unit",), f"unit `{unit}` is not the base unit of {declared.dimension}", f"write the value in `{base}` (1 {unit} = {declared.factor:g} {base})", code="RP040"))
    elif unit == "currency" or unit in set(dimensions.values()) - set(units) - {"count", "percent"}:
        problems.append(problem(entry, loc + ("unit",), f"unit `{unit}` is a class of units, not a unit", "name the unit, e.g. USD or a declared base unit", code="RP040"))
    elif unit not in ("count", "percent", *CURRENCIES) and declared is None:
        known = ["count", "percent", *CURRENCIES, *bases.values()]
        problems.append(problem(entry, loc + ("unit",), f"unit `{unit}` has no conversion", did_you_mean(unit, known) or "use count, percent, a currency code or a unit declared in settings.yaml", code="RP040"))
    elif not unit_allowed(unit, attribute.units, dimensions):
        problems.append(problem(entry, loc + ("unit",), f"unit `{unit}` does not fit attribute `{fact.attribute}` ({', '.join(attribute.units)})", "use a unit the attribute allows", code="RP040"))


def _check_interval(fact: Fact, entry: Entry | None, loc: tuple, problems: list[RuleProblem]) -> None:
    low, high, value = fact.low, fact.high, fact.value
    comparable = low is not None and high is not None and type(low) is type(high)
    if comparable and low > high:
        problems.append(problem(entry, loc + ("low",), f"`low` {low} is above `high` {high}", "swap them", code="RP050"))
    elif comparable and type(value) is type(low) and not low <= value <= high:
        problems.append(problem(entry, loc + ("value",), f"value {value} lies outside its own interval {low}..{high}", "correct the value or the interval", code="RP050"))


def _check_validity(fact: Fact, entry: Entry | None, loc: tuple, problems: list[RuleProblem]) -> None:
    key = "valid_from" if fact.valid_from else "as_of"
    start = fact.valid_from or fact.as_of
    if start and fact.valid_to and start > fact.valid_to:
        problems.append(problem(entry, loc + (key,), f"`{key}` {start} is after `valid_to` {fact.valid_to}", "correct the dates; the fact holds from the first to the second", code="RP050"))


def _periods_overlap(a: Fact, b: Fact) -> bool:
    a_start, b_start = a.valid_from or a.as_of or dt.date.min, b.valid_from or b.as_of or dt.date.min
    a_end, b_end = a.valid_to or dt.date.max, b.valid_to or dt.date.max
    return a_start <= b_end and b_start <= a_end
