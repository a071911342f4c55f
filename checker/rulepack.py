"""The rules pack: entities, attributes, reference facts and settings, loaded from YAML.

A pack is a folder with entities.yaml, attributes.yaml, facts.yaml and settings.yaml.
Everything is validated on load; every problem names the file, the line and the fix,
and all problems of a pack are reported together.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from checker.yaml_lines import YamlProblem, line_of, load_yaml_with_lines

ENTITY_TYPES = ("organization", "model", "product", "platform", "chip", "person")
FINDING_KINDS = (
    "numeric_mismatch",
    "date_conflict",
    "attribution_conflict",
    "type_conflict",
    "negation_conflict",
    "name_variant",
    "reference_mismatch",
)
UNIT_CLASSES = ("count", "percent", "currency")
CURRENCIES = ("USD", "CNY", "HKD", "EUR", "TWD", "JPY", "GBP")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class EntityRule(Strict):
    id: str = Field(min_length=1)
    type: Literal["organization", "model", "product", "platform", "chip", "person"]
    aliases: list[str] = Field(min_length=1)
    parent: str | None = None


class AttributeRule(Strict):
    kind: Literal["quantity", "date", "entity", "type", "negation"]
    label: str = ""
    units: list[str] = []
    subject_types: list[Literal["organization", "model", "product", "platform", "chip", "person"]] = []
    object_types: list[str] = []
    object_markers: list[str] = []
    triggers: list[str] = []
    forbid: list[str] = []
    change: bool | None = None
    tolerance: float = Field(default=0.0, ge=0.0, le=1.0)
    passive: list[str] = []
    type_words: dict[str, list[str]] = {}
    negation_cues: list[str] = []
    objects: list[str] = []
    contradicted_by: str | None = None

    @model_validator(mode="after")
    def _units_known(self) -> AttributeRule:
        for unit in self.units:
            if unit not in UNIT_CLASSES and unit not in CURRENCIES:
                raise ValueError(f"unknown unit {unit!r}; use one of {', '.join(UNIT_CLASSES + CURRENCIES)}")
        if self.kind == "quantity" and not self.units:
            raise ValueError("a quantity attribute needs `units` (count, percent or currency)")
        if self.kind in ("quantity", "date", "entity", "negation") and not self.triggers:
            raise ValueError(f"a {self.kind} attribute needs at least one trigger word")
        return self


class Source(Strict):
    title: str
    url: str
    date: dt.date | None = None


class Fact(Strict):
    subject: str
    attribute: str
    object: str | None = None
    value: float | dt.date | str | None = None
    low: float | dt.date | None = None
    high: float | dt.date | None = None
    unit: str | None = None
    tolerance: float = Field(default=0.0, ge=0.0, le=1.0)
    as_of: dt.date | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    source: Source

    @model_validator(mode="after")
    def _value_given(self) -> Fact:
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("a fact needs `value`, or both `low` and `high`")
        return self

    def holds_on(self, day: dt.date | None) -> bool:
        """Whether the fact applies to an article published on `day` (unknown: yes)."""
        if day is None:
            return True
        start = self.valid_from or self.as_of
        if start and day < start:
            return False
        return not (self.valid_to and day > self.valid_to)


class ValuesSettings(Strict):
    near_fraction: float = Field(default=0.1, ge=0.0, lt=1.0)
    approx_fraction: float = Field(default=0.1, ge=0.0, lt=1.0)


class ToleranceSettings(Strict):
    default: float = Field(default=0.0, ge=0.0, le=1.0)
    timezone_days: int = Field(default=1, ge=0, le=3)


class NameVariantSettings(Strict):
    latin_min_score: float = Field(default=88, ge=50, le=100)
    cjk_min_score: float = Field(default=74, ge=50, le=100)
    cjk_short_homophone: bool = True


class Lexicon(Strict):
    planned: list[str] = []
    reported: list[str] = []
    claimed: list[str] = []
    denied: list[str] = []
    increase: list[str] = []
    decrease: list[str] = []
    level: list[str] = []
    comparison_before: list[str] = []
    comparison_after: list[str] = []


class Settings(Strict):
    values: ValuesSettings = ValuesSettings()
    tolerance: ToleranceSettings = ToleranceSettings()
    compatible_types: list[list[str]] = []
    severity: dict[str, Literal["error", "warning", "info"]] = {}
    modality_downgrade: list[Literal["planned", "reported", "claimed", "denied"]] = []
    name_variants: NameVariantSettings = NameVariantSettings()
    lexicon: Lexicon = Lexicon()


@dataclass(frozen=True)
class RuleProblem:
    file: str
    line: int | None
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}" + (f" (fix: {self.fix})" if self.fix else "")


class RulesError(Exception):
    """One or more problems in a rules pack; str() lists them all."""

    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True, eq=False)
class RulePack:
    directory: str
    entities: dict[str, EntityRule]
    attributes: dict[str, AttributeRule]
    facts: tuple[Fact, ...]
    settings: Settings

    @cached_property
    def negation_cues(self) -> tuple[str, ...]:
        """Every negation cue of the pack's negation attributes (没有, 尚未, has not)."""
        return tuple(cue for rule in self.attributes.values() if rule.kind == "negation" for cue in rule.negation_cues)

    def severity_of(self, kind: str) -> str:
        return self.settings.severity.get(kind, "error")

    def ancestors(self, entity_id: str) -> list[str]:
        """The entity itself and its parents, nearest first."""
        chain: list[str] = []
        current: str | None = entity_id
        while current and current not in chain:
            chain.append(current)
            entity = self.entities.get(current)
            current = entity.parent if entity else None
        return chain

    def related(self, a: str, b: str) -> bool:
        """True when one entity is the other or contains it (Google within Alphabet)."""
        return a in self.ancestors(b) or b in self.ancestors(a)

    def types_compatible(self, a: str, b: str) -> bool:
        return a == b or any(a in group and b in group for group in self.settings.compatible_types)


PACK_FILES = {
    "entities.yaml": "entities",
    "attributes.yaml": "attributes",
    "facts.yaml": "facts",
    "settings.yaml": None,
}


def bundled_rules_dir() -> Path:
    """The pack shipped with the package (wheel) or beside it (source checkout)."""
    here = Path(__file__).resolve().parent
    installed = here / "bundled_rules"
    return installed if installed.is_dir() else here.parent / "rules"


def load_rules(directory: str | Path | None = None) -> RulePack:
    """Load and validate a rules pack; raise RulesError listing every problem."""
    folder = Path(directory) if directory else bundled_rules_dir()
    if not folder.is_dir():
        raise RulesError([RuleProblem(str(folder), None, "rules directory not found", "pass --rules DIR pointing at a folder with entities.yaml")])
    problems: list[RuleProblem] = []
    raw: dict[str, tuple[Any, dict, str]] = {}
    for name in PACK_FILES:
        path = folder / name
        if not path.exists():
            if name in ("entities.yaml", "attributes.yaml"):
                problems.append(RuleProblem(str(path), None, "required file is missing", f"create {name} (see docs/rules.md)"))
            continue
        try:
            data, lines = load_yaml_with_lines(path.read_text(encoding="utf-8-sig"))
        except UnicodeDecodeError:
            problems.append(RuleProblem(str(path), None, "file is not UTF-8", "save it as UTF-8"))
            continue
        except YamlProblem as exc:
            problems.append(RuleProblem(str(path), exc.line, str(exc), "correct the YAML syntax"))
            continue
        raw[name] = (data if data is not None else {}, lines, str(path))
    entities = _parse_list(raw.get("entities.yaml"), "entities", EntityRule, problems)
    attributes = _parse_map(raw.get("attributes.yaml"), "attributes", AttributeRule, problems)
    facts = _parse_list(raw.get("facts.yaml"), "facts", Fact, problems)
    settings = _parse_settings(raw.get("settings.yaml"), problems)
    entities_ok = not any(p.file.endswith("entities.yaml") for p in problems) and "entities.yaml" in raw
    entity_map = _check_entities(entities, raw.get("entities.yaml"), problems)
    _check_facts(facts, entity_map if entities_ok else None, dict(attributes), raw.get("facts.yaml"), problems)
    if problems:
        raise RulesError(problems)
    return RulePack(
        directory=str(folder),
        entities=entity_map,
        attributes=dict(attributes),
        facts=tuple(fact for fact, _ in facts),
        settings=settings,
    )


def _section(entry: tuple[Any, dict, str] | None, key: str, want: type, problems: list[RuleProblem]) -> Any:
    if entry is None:
        return None
    data, lines, path = entry
    if not isinstance(data, dict) or key not in data:
        problems.append(RuleProblem(path, 1, f"top-level key `{key}` is missing", f"start the file with `{key}:`"))
        return None
    section = data[key]
    if not isinstance(section, want):
        kind = "a list" if want is list else "a mapping"
        problems.append(RuleProblem(path, line_of(lines, (key,)), f"`{key}` must be {kind}", f"write `{key}` as {kind}"))
        return None
    for extra in sorted(set(data) - {key}):
        problems.append(RuleProblem(path, line_of(lines, (extra,)), f"unknown top-level key `{extra}`", f"remove it; this file holds only `{key}`"))
    return section


def _parse_list(entry, key: str, model: type[Strict], problems: list[RuleProblem]) -> list[tuple[Any, int]]:
    items = _section(entry, key, list, problems)
    out = []
    for index, item in enumerate(items or []):
        parsed = _validate(model, item, entry, (key, index), problems)
        if parsed is not None:
            out.append((parsed, index))
    return out


def _parse_map(entry, key: str, model: type[Strict], problems: list[RuleProblem]) -> list[tuple[str, Any]]:
    items = _section(entry, key, dict, problems)
    out = []
    for name, item in (items or {}).items():
        parsed = _validate(model, item, entry, (key, name), problems)
        if parsed is not None:
            out.append((str(name), parsed))
    return out


def _parse_settings(entry, problems: list[RuleProblem]) -> Settings:
    if entry is None:
        return Settings()
    parsed = _validate(Settings, entry[0], entry, (), problems)
    if parsed is None:
        return Settings()
    for kind in parsed.severity:
        if kind not in FINDING_KINDS:
            problems.append(_problem(entry, ("severity", kind), f"unknown finding kind `{kind}`", _did_you_mean(kind, FINDING_KINDS)))
    return parsed


def _validate(model: type[Strict], item: Any, entry, loc: tuple, problems: list[RuleProblem]):
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        for err in exc.errors():
            where = loc + tuple(err["loc"])
            problems.append(_problem(entry, where, *_explain(model, err)))
        return None


def _explain(model: type[Strict], err: dict) -> tuple[str, str]:
    field = ".".join(str(p) for p in err["loc"]) or "entry"
    if err["type"] == "extra_forbidden":
        key = str(err["loc"][-1])
        owner = _model_at(model, err["loc"][:-1])
        known = list(owner.model_fields) if owner else []
        return f"unknown key `{key}`", _did_you_mean(key, known) or f"allowed keys: {', '.join(known)}"
    if err["type"] == "missing":
        return f"required key `{field}` is missing", f"add `{err['loc'][-1]}:`"
    if err["type"] == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"`{field}`: {err['msg']}", _did_you_mean(str(err.get("input")), [e.strip(" '") for e in expected.replace(" or ", ",").split(",")]) or f"use {expected}"
    return f"`{field}`: {err['msg']}", "see docs/rules.md for the expected form"


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            return None
        annotation = field.annotation
        current = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    return current


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


def _problem(entry, loc: tuple, message: str, fix: str = "") -> RuleProblem:
    _, lines, path = entry
    return RuleProblem(path, line_of(lines, loc), message, fix)


def _check_entities(entities: list[tuple[EntityRule, int]], entry, problems: list[RuleProblem]) -> dict[str, EntityRule]:
    by_id: dict[str, EntityRule] = {}
    alias_owner: dict[str, str] = {}
    for entity, index in entities:
        if entity.id in by_id:
            problems.append(_problem(entry, ("entities", index, "id"), f"duplicate entity id `{entity.id}`", "give each entity its own id, or merge the two entries"))
            continue
        by_id[entity.id] = entity
        for alias_index, alias in enumerate(entity.aliases):
            owner = alias_owner.get(alias)
            if owner and owner != entity.id:
                problems.append(_problem(entry, ("entities", index, "aliases", alias_index), f"alias `{alias}` is shared by `{owner}` and `{entity.id}`", "keep the alias on one entity only"))
            alias_owner[alias] = entity.id
    for entity, index in entities:
        if entity.parent and entity.parent not in by_id:
            problems.append(_problem(entry, ("entities", index, "parent"), f"parent `{entity.parent}` of `{entity.id}` is not a known entity", _did_you_mean(entity.parent, by_id) or "add that entity or remove `parent`"))
    return by_id


def _check_facts(facts: list[tuple[Fact, int]], entities: dict[str, EntityRule] | None, attributes: dict[str, AttributeRule], entry, problems: list[RuleProblem]) -> None:
    """Check facts against the pack; `entities` is None when entities.yaml itself is broken."""
    for fact, index in facts:
        loc = ("facts", index)
        # with a broken entities.yaml every fact's entity would look unknown: skip that check
        if entities is not None and fact.subject not in entities:
            problems.append(_problem(entry, loc + ("subject",), f"fact about unknown entity `{fact.subject}`", _did_you_mean(fact.subject, entities) or "add the entity to entities.yaml"))
        if entities is not None and fact.object and fact.object not in entities:
            problems.append(_problem(entry, loc + ("object",), f"fact object `{fact.object}` is not a known entity", _did_you_mean(fact.object, entities) or "add the entity to entities.yaml"))
        attribute = attributes.get(fact.attribute)
        if attribute is None:
            problems.append(_problem(entry, loc + ("attribute",), f"fact about unknown attribute `{fact.attribute}`", _did_you_mean(fact.attribute, attributes) or "add it to attributes.yaml"))
            continue
        if attribute.kind == "quantity":
            for key in ("value", "low", "high"):
                given = getattr(fact, key)
                if given is not None and not isinstance(given, float):
                    problems.append(_problem(entry, loc + (key,), f"`{key}` of a {fact.attribute} fact must be a number, not {given!r}", "write digits, e.g. 175000000000 or 1.75e+11"))
            if fact.unit is None:
                problems.append(_problem(entry, loc, "a numeric fact needs `unit`", f"add `unit:` (one of {', '.join(attribute.units)})"))
            elif not unit_allowed(fact.unit, attribute.units):
                problems.append(_problem(entry, loc + ("unit",), f"unit `{fact.unit}` does not fit attribute `{fact.attribute}` ({', '.join(attribute.units)})", "use a unit the attribute allows"))
        if attribute.kind == "date":
            for key in ("value", "low", "high"):
                given = getattr(fact, key)
                if given is not None and not isinstance(given, dt.date):
                    problems.append(_problem(entry, loc + (key,), f"`{key}` of a {fact.attribute} fact must be a date, not {given!r}", "write an ISO date, e.g. 2023-02-06"))
        if attribute.kind == "entity" and entities is not None and isinstance(fact.value, str) and fact.value not in entities:
            problems.append(_problem(entry, loc + ("value",), f"`{fact.value}` is not a known entity", _did_you_mean(fact.value, entities) or "use an entity id"))


def unit_allowed(unit: str, allowed: list[str]) -> bool:
    """Whether a base unit (count, percent, USD...) fits an attribute's unit classes."""
    return unit in allowed or (unit in CURRENCIES and "currency" in allowed)
