"""The rules pack: entities, attributes, reference facts and settings, loaded from YAML.

A pack is a folder with entities.yaml, attributes.yaml, facts.yaml and settings.yaml.
Everything is validated on load; every problem names the file, the line and the fix,
and all problems of a pack are reported together. The shapes are pydantic models
(exported as JSON Schema for editors, see `json_schemas`); beyond the shapes, the
pack is checked against the pipeline that will read it, because a mistake there
fails silently: a word the matcher can never see, a unit without a conversion, a
fact that can never apply, a test case that asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from checker.values.numbers import CURRENCY_CODES, reserved_unit_word
from checker.values.settings import DeclaredUnit, ValueSettings
from checker.yaml_lines import YamlProblem, line_of, load_yaml_with_lines

EntityType = Literal["organization", "model", "product", "platform", "chip", "person"]
FindingKind = Literal[
    "numeric_mismatch",
    "date_conflict",
    "attribution_conflict",
    "type_conflict",
    "negation_conflict",
    "name_variant",
    "reference_mismatch",
]
ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
FINDING_KINDS: tuple[str, ...] = get_args(FindingKind)
UNIT_CLASSES = ("count", "percent", "currency")
CURRENCIES: tuple[str, ...] = CURRENCY_CODES
NAME_ATTRIBUTE = "name"  # the attribute of name_variant findings
SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def _rule_error(message: str, fix: str) -> PydanticCustomError:
    """A validation error whose message and fix reach the curator unchanged."""
    return PydanticCustomError("rule", message.replace("{", "{{").replace("}", "}}"), {"fix": fix})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- test cases carried by rules ----------------------------------------------------


class ClaimExpectation(Strict):
    """A claim the pipeline extracts (want) or must not extract (forbid)."""

    attribute: str = Field(description="Attribute of the claim: a key of attributes.yaml.")
    subject: str | None = Field(default=None, description="Entity id the claim is about; any subject when omitted.")
    object: str | None = Field(default=None, description="Entity id of the claim's object (the company invested in); any when omitted.")
    value: float | dt.date | str | None = Field(
        default=None,
        description="Numbers: a value (in the base unit) the claim's interval must contain. Dates: a day the claim's span must contain. "
        "Developers: one of the credited entity ids. Types: the type label. Omit to accept any value.",
    )
    low: float | dt.date | None = Field(default=None, description="The claim's lower bound exactly: a number in the base unit or an ISO date.")
    high: float | dt.date | None = Field(default=None, description="The claim's upper bound exactly: a number in the base unit or an ISO date.")
    unit: str | None = Field(default=None, description="The claim's base unit (count, percent, USD, or a unit declared in settings.yaml).")
    negated: bool | None = Field(default=None, description="true: the claim must be a negation (X has released no model); false: it must not be.")
    modality: Literal["asserted", "planned", "reported", "claimed", "denied"] | None = Field(
        default=None, description="How the article commits to the claim: asserted, planned (将于), reported (据报道), claimed (宣称) or denied."
    )


class FindingExpectation(Strict):
    """A finding the cases' articles produce (want) or must not produce (forbid)."""

    kind: FindingKind = Field(description="Finding kind, e.g. numeric_mismatch or reference_mismatch.")
    subject: str | None = Field(default=None, description="Entity id the finding is about; any when omitted.")
    attribute: str | None = Field(default=None, description="Attribute of the finding (`name` for name_variant); any when omitted.")


class ConfirmationExpectation(Strict):
    """A claim that agrees with a reference fact of the pack."""

    subject: str = Field(description="Entity id of the confirmed fact.")
    attribute: str = Field(description="Attribute of the confirmed fact.")


class Expectation(Strict):
    """Exactly one of claim, finding, mention or confirmation."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra={"minProperties": 1, "maxProperties": 1})

    claim: ClaimExpectation | None = Field(default=None, description="A claim, matched on the keys given.")
    finding: FindingExpectation | None = Field(default=None, description="A finding, matched on the keys given.")
    mention: str | None = Field(default=None, description="An entity id that must be (or must not be) recognized in the text.")
    confirmation: ConfirmationExpectation | None = Field(default=None, description="A claim confirmed by the reference fact about this subject and attribute.")

    @model_validator(mode="after")
    def _exactly_one(self) -> Expectation:
        given = [key for key in type(self).model_fields if getattr(self, key) is not None]
        if len(given) != 1:
            raise _rule_error(
                "an expectation is exactly one of `claim`, `finding`, `mention` or `confirmation`",
                "write one of them per list item, e.g. `- mention: openai`",
            )
        return self


class Case(Strict):
    """A test case: text run through the whole pipeline, then expectations checked."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        json_schema_extra={
            "allOf": [
                {"oneOf": [{"required": ["text"]}, {"required": ["texts"]}]},
                {"anyOf": [{"required": ["want"], "properties": {"want": {"minItems": 1}}}, {"required": ["forbid"], "properties": {"forbid": {"minItems": 1}}}]},
            ]
        },
    )

    text: str | None = Field(default=None, description="One sentence or a short article body, read as one article. Write your own sentences.")
    texts: list[str] | None = Field(default=None, min_length=1, description="Several article bodies read together, for findings across articles.")
    date: dt.date | None = Field(default=None, description="Publication date of the case's articles: resolves 去年11月 and decides which facts hold.")
    want: list[Expectation] = Field(default=[], description="What the pipeline must produce.")
    forbid: list[Expectation] = Field(default=[], description="What the pipeline must not produce.")

    @model_validator(mode="after")
    def _asserts_something(self) -> Case:
        if (self.text is None) == (self.texts is None):
            raise _rule_error("a case needs exactly one of `text` and `texts`", "give `text` for one article or `texts` for several")
        if not self.want and not self.forbid:
            raise _rule_error("this case wants nothing and forbids nothing, so it tests nothing", "add `want:` or `forbid:` expectations")
        return self

    @property
    def bodies(self) -> list[str]:
        return [self.text] if self.text is not None else list(self.texts or [])


CasesField = Field(default=[], description="Test cases: text and the claims, findings, mentions or confirmations it must (not) produce.")


# --- entities.yaml, attributes.yaml, facts.yaml -----------------------------------


class EntityRule(Strict):
    """A canonical entity and every spelling that names it."""

    id: str = Field(min_length=1, description="Stable key used in claims, facts, cases and expected findings (lowercase, hyphens).")
    type: EntityType = Field(description="What the entity is; attributes name the types their subject may have.")
    aliases: list[str] = Field(
        min_length=1,
        description="Every exact spelling (Chinese, English). Text is folded to Simplified and half-width before matching, "
        "so write the Simplified form only; typos are found by fuzzy matching.",
    )
    parent: str | None = Field(default=None, description="Id of the entity this one belongs to (达摩院 -> alibaba); a claim about a child does not contradict one about its parent.")
    cases: list[Case] = CasesField


AttributeKind = Literal["quantity", "date", "entity", "type", "negation"]


class AttributeRule(Strict):
    """What a claim can be about, and the words that signal it."""

    kind: AttributeKind = Field(
        description="quantity (a number with a unit), date, entity (who developed it), type (model, chip...) or negation (has released no model)."
    )
    label: str = Field(default="", description="Human-readable name used in findings.")
    units: list[str] = Field(
        default=[],
        description="quantity: units a value may have: count, percent, currency, a currency code (USD), or a unit or dimension declared under `units` in settings.yaml.",
    )
    subject_types: list[EntityType] = Field(default=[], description="Entity types the subject may have; the nearest fitting entity is taken.")
    object_types: list[EntityType] = Field(default=[], description="quantity: entity types of the object (investment in X); needs `object_markers`.")
    object_markers: list[str] = Field(default=[], description="quantity: words right before the object (向, in); at most 6 characters, no trailing space.")
    triggers: list[str] = Field(
        default=[],
        description="Words that signal the attribute. quantity: in the value's clause, within 16 characters; date: anywhere in the sentence; "
        "entity: the verb; negation: the verb, within 6 characters after the cue.",
    )
    forbid: list[str] = Field(default=[], description="quantity and date: words that disqualify the clause (平均单卡 is per device, not a model's size).")
    change: bool | None = Field(
        default=None,
        description="quantity: true when the trigger describes a change (涨/跌 must sit between trigger and value), false when such words disqualify it; unset: either.",
    )
    tolerance: float = Field(default=0.0, ge=0.0, le=1.0, description="quantity: relative slack added on both sides before two values are called different.")
    passive: list[str] = Field(default=[], description="entity: passive markers (由, by) that put the developer after the marker.")
    type_words: dict[EntityType, list[str]] = Field(default={}, description="type: for each type label, the words that say it (芯片 -> chip) right next to a name.")
    negation_cues: list[str] = Field(default=[], description="negation: words that negate (尚未, has not).")
    objects: list[str] = Field(default=[], description="negation: object words (大模型, model) within 12 characters after the verb.")
    contradicted_by: str | None = Field(default=None, description="negation: the entity attribute whose claims contradict a negation (developer).")
    cases: list[Case] = CasesField

    @model_validator(mode="after")
    def _complete(self) -> AttributeRule:
        if self.kind == "quantity" and not self.units:
            raise _rule_error("a quantity attribute needs `units` (count, percent, currency or a declared unit)", "add `units:`, e.g. `units: [count]`")
        if self.kind in ("quantity", "date", "entity", "negation") and not self.triggers:
            raise _rule_error(f"a {self.kind} attribute needs at least one trigger word", "add `triggers:`")
        if self.kind == "negation" and not (self.negation_cues and self.objects):
            raise _rule_error("a negation attribute needs `negation_cues` and `objects`", "add both lists")
        if self.kind == "type" and not self.type_words:
            raise _rule_error("a type attribute needs `type_words`", "add `type_words:` mapping type labels to words")
        return self


# Keys each kind of attribute reads; any other key set on it has no effect.
KIND_KEYS: dict[str, tuple[str, ...]] = {
    "quantity": ("units", "subject_types", "object_types", "object_markers", "triggers", "forbid", "change", "tolerance"),
    "date": ("subject_types", "triggers", "forbid"),
    "entity": ("subject_types", "triggers", "passive"),
    "type": ("subject_types", "type_words"),
    "negation": ("subject_types", "negation_cues", "triggers", "objects", "contradicted_by"),
}
COMMON_KEYS = ("kind", "label", "cases")


class Source(Strict):
    """Where the public record says so."""

    title: str = Field(description="Title of the source (article, paper, press release), with the publisher.")
    url: str = Field(description="Address of the source.")
    date: dt.date | None = Field(default=None, description="Publication date of the source.")


class Fact(Strict):
    """A reference fact: what the public record says about one attribute of one entity."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra={"anyOf": [{"required": ["value"]}, {"required": ["low", "high"]}]})

    subject: str = Field(description="Entity id the fact is about.")
    attribute: str = Field(description="Attribute (a key of attributes.yaml).")
    object: str | None = Field(default=None, description="Entity id of the object (Microsoft's investment *in OpenAI*); only for attributes with `object_types`.")
    value: float | dt.date | str | None = Field(
        default=None,
        description="A number in the unit's base unit, an ISO date, an entity id (entity attributes) or a type label (type attributes).",
    )
    low: float | dt.date | None = Field(default=None, description="Lower end of the interval the record allows (with `high`, instead of `value`).")
    high: float | dt.date | None = Field(default=None, description="Upper end of the interval the record allows.")
    unit: str | None = Field(default=None, description="Numbers: count, percent, a currency code, or the base unit of a declared dimension.")
    tolerance: float = Field(default=0.0, ge=0.0, le=1.0, description="Numbers: relative slack around `value` (0.01 = 1%).")
    as_of: dt.date | None = Field(default=None, description="The fact holds from this day on (for articles published then or later).")
    valid_from: dt.date | None = Field(default=None, description="First day the fact holds (takes precedence over `as_of`).")
    valid_to: dt.date | None = Field(default=None, description="Last day the fact holds (valuations, prices, counts that change).")
    source: Source = Field(description="The public source: title, URL and date.")
    cases: list[Case] = CasesField

    @model_validator(mode="after")
    def _value_given(self) -> Fact:
        if self.value is None and (self.low is None or self.high is None):
            raise _rule_error("a fact needs `value`, or both `low` and `high`", "add `value:` or `low:` and `high:`")
        return self

    def holds_on(self, day: dt.date | None) -> bool:
        """Whether the fact applies to an article published on `day` (unknown: yes)."""
        if day is None:
            return True
        start = self.valid_from or self.as_of
        if start and day < start:
            return False
        return not (self.valid_to and day > self.valid_to)


class EntitiesFile(Strict):
    """entities.yaml: the canonical entities of the domain."""

    entities: list[EntityRule] = Field(description="Every entity the pipeline recognizes.")


class AttributesFile(Strict):
    """attributes.yaml: what a claim can be about."""

    attributes: dict[str, AttributeRule] = Field(description="Attribute name -> rule; the name is used in claims, facts and findings.")


class FactsFile(Strict):
    """facts.yaml: reference facts with their sources."""

    facts: list[Fact] = Field(default=[], description="Facts claims are checked against (finding kind reference_mismatch).")


# --- settings.yaml --------------------------------------------------------------------


class ValuesSettings(Strict):
    """How hedged numbers become intervals."""

    near_fraction: float = Field(default=0.1, ge=0.0, lt=1.0, description="近4亿 covers [4亿 x (1 - near_fraction), 4亿).")
    approx_fraction: float = Field(default=0.1, ge=0.0, lt=1.0, description="约5亿 widens the rounding interval by approx_fraction x 5亿 on each side.")


class ToleranceSettings(Strict):
    """Slack for comparisons."""

    default: float = Field(default=0.0, ge=0.0, le=1.0, description="Relative slack added to every quantity comparison (an attribute's own tolerance wins when larger).")
    timezone_days: int = Field(default=1, ge=0, le=3, description="Days of slack when a date names a time zone (当地时间 vs 北京时间).")


class NameVariantSettings(Strict):
    """When a spelling counts as a variant of a known name."""

    latin_min_score: float = Field(default=88, ge=50, le=100, description="rapidfuzz ratio for Latin-script names (A21 Labs ~ AI21 Labs).")
    cjk_min_score: float = Field(default=74, ge=50, le=100, description="rapidfuzz ratio for CJK names of 4 or more characters (字节动态 ~ 字节跳动).")
    cjk_short_homophone: bool = Field(default=True, description="2-3 character CJK names: a variant has the same pinyin and differs in one character (腾迅 ~ 腾讯).")


class Lexicon(Strict):
    """Words that qualify a claim, looked up in its clause or at the start of its sentence."""

    planned: list[str] = Field(default=[], description="A plan, never compared with outcomes (将于, plans to).")
    reported: list[str] = Field(default=[], description="Hearsay (据报道, reportedly); lowers severity when listed in modality_downgrade.")
    claimed: list[str] = Field(default=[], description="A party's own claim (宣称, claims).")
    denied: list[str] = Field(default=[], description="A denial (否认, denied); denied claims are not checked against facts.")
    increase: list[str] = Field(default=[], description="Change words that raise a value (涨, rose).")
    decrease: list[str] = Field(default=[], description="Change words that lower a value (跌, fell); the change becomes negative.")
    level: list[str] = Field(default=[], description="Words before a level after a change (市值暴涨…至1.99万亿美元), right before the number.")
    comparison_before: list[str] = Field(default=[], description="Words before a name used as a yardstick (对标ChatGPT), right against it.")
    comparison_after: list[str] = Field(default=[], description="Words after a name used as a yardstick (ChatGPT的竞争对手), right against it.")
    not_names: list[str] = Field(default=[], description="Words never taken for unknown names (candidate entities): generic words, acronyms, units.")
    anaphora: list[str] = Field(default=[], description="Words opening a clause that point back to the name just before it (ChatJD，其参数量…; 其, its).")


class UnitRule(Strict):
    """A unit the pack declares: its dimension, its size in the base unit, its words."""

    dimension: str = Field(min_length=1, description="What the unit measures (energy, distance, power); values are compared in the dimension's base unit.")
    factor: float = Field(gt=0, description="How many base units one of this unit is; the base unit of a dimension has factor 1 (MWh: 1000 when kWh is the base).")
    words: list[str] = Field(min_length=1, description="What follows a number in text (kWh, 千瓦时, 度); matched case-sensitively, Simplified and half-width.")


class Settings(Strict):
    """settings.yaml: how values are read, how much slack comparisons get, severities, declared units."""

    values: ValuesSettings = Field(default=ValuesSettings(), description="How hedged numbers become intervals.")
    tolerance: ToleranceSettings = Field(default=ToleranceSettings(), description="Slack for comparisons.")
    compatible_types: list[list[EntityType]] = Field(default=[], description="Groups of entity types that may describe the same entity without a type_conflict.")
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default={}, description="Severity per finding kind (default error).")
    modality_downgrade: list[Literal["planned", "reported", "claimed", "denied"]] = Field(
        default=[], description="A finding citing claims of these modalities drops one severity level."
    )
    name_variants: NameVariantSettings = Field(default=NameVariantSettings(), description="When a spelling counts as a variant of a known name.")
    lexicon: Lexicon = Field(default=Lexicon(), description="Words that qualify claims.")
    units: dict[str, UnitRule] = Field(
        default={}, description="Units beyond the built-in count, percent and currencies: unit id -> dimension, factor to the base unit, words."
    )


SCHEMA_MODELS: dict[str, type[Strict]] = {
    "entities": EntitiesFile,
    "attributes": AttributesFile,
    "facts": FactsFile,
    "settings": Settings,
}


def json_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schema of each rules file, keyed by file stem, generated from the models."""
    schemas = {}
    for stem, model in SCHEMA_MODELS.items():
        schema = model.model_json_schema()
        schemas[stem] = {"$schema": SCHEMA_URL, "$id": f"{stem}.schema.json", **schema}
    return schemas


def write_schemas(folder: str | Path) -> list[Path]:
    """Write <stem>.schema.json for every rules file into `folder`; return the paths."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, schema in json_schemas().items():
        path = target / f"{stem}.schema.json"
        path.write_text(schema_text(schema), encoding="utf-8")
        written.append(path)
    return written


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


# --- problems and the pack ---------------------------------------------------------


@dataclass(frozen=True)
class RuleProblem:
    file: str
    line: int | None
    message: str
    fix: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}" + (f" (fix: {self.fix})" if self.fix else "")


class ProblemsError(Exception):
    """Problems in a curated YAML file, each with file, line and fix; str() lists them all."""

    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class RulesError(ProblemsError):
    """One or more problems in a rules pack."""


@dataclass(frozen=True)
class CaseRef:
    """A test case and where it is written: file, line and the rule that carries it."""

    file: str
    line: int | None
    owner: str
    case: Case

    @property
    def id(self) -> str:
        return f"{Path(self.file).name}:{self.line} {self.owner}"


@dataclass(frozen=True, eq=False)
class RulePack:
    directory: str
    entities: dict[str, EntityRule]
    attributes: dict[str, AttributeRule]
    facts: tuple[Fact, ...]
    settings: Settings
    cases: tuple[CaseRef, ...] = ()
    lines: dict[str, dict] = field(default_factory=dict)  # file name -> YAML path -> line, for messages after loading

    def line_of(self, name: str, loc: tuple) -> int | None:
        """The line of `loc` (("entities", 3)) in the pack file `name`, when the pack was read from files."""
        return line_of(self.lines.get(name, {}), loc)

    @cached_property
    def negation_cues(self) -> tuple[str, ...]:
        """Every negation cue of the pack's negation attributes (没有, 尚未, has not)."""
        return tuple(cue for rule in self.attributes.values() if rule.kind == "negation" for cue in rule.negation_cues)

    @cached_property
    def dimensions(self) -> dict[str, str]:
        """Declared unit id -> its dimension."""
        return {unit_id: rule.dimension for unit_id, rule in self.settings.units.items()}

    @cached_property
    def value_settings(self) -> ValueSettings:
        """What the number reader needs from the pack: hedge fractions and declared unit words."""
        bases = _base_units(self.settings.units)
        words = tuple(
            DeclaredUnit(word=word, base=bases[rule.dimension], factor=Decimal(str(rule.factor)))
            for rule in self.settings.units.values()
            for word in rule.words
        )
        values = self.settings.values
        return ValueSettings(near_fraction=values.near_fraction, approx_fraction=values.approx_fraction, units=words)

    def unit_allowed(self, unit: str, allowed: Sequence[str]) -> bool:
        return unit_allowed(unit, allowed, self.dimensions)

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


def unit_allowed(unit: str, allowed: Sequence[str], dimensions: Mapping[str, str] | None = None) -> bool:
    """Whether a claim's base unit fits an attribute's `units`: the unit itself, its class
    (USD is a currency) or, for declared units, any unit of its dimension or the dimension."""
    if unit in allowed or (unit in CURRENCIES and "currency" in allowed):
        return True
    dimension = (dimensions or {}).get(unit)
    return dimension is not None and any(a == dimension or (dimensions or {}).get(a) == dimension for a in allowed)


def _base_units(units: Mapping[str, UnitRule]) -> dict[str, str]:
    """Dimension -> its base unit (the unit with factor 1)."""
    return {rule.dimension: unit_id for unit_id, rule in units.items() if rule.factor == 1}


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


Entry = tuple[Any, dict, str]  # parsed data, path -> line, file path


def load_rules(directory: str | Path | None = None) -> RulePack:
    """Load and validate a rules pack; raise RulesError listing every problem."""
    folder = Path(directory) if directory else bundled_rules_dir()
    if not folder.is_dir():
        raise RulesError([RuleProblem(str(folder), None, "rules directory not found", "pass --rules DIR pointing at a folder with entities.yaml")])
    problems: list[RuleProblem] = []
    raw: dict[str, Entry] = {}
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
    attributes = dict(_parse_map(raw.get("attributes.yaml"), "attributes", AttributeRule, problems))
    facts = _parse_list(raw.get("facts.yaml"), "facts", Fact, problems)
    settings = _parse_settings(raw.get("settings.yaml"), problems)
    entities_ok = not any(p.file.endswith("entities.yaml") for p in problems) and "entities.yaml" in raw
    entity_map = _check_entities(entities, raw.get("entities.yaml"), problems)
    known = entity_map if entities_ok else None
    _check_attributes(attributes, settings, raw.get("attributes.yaml"), problems)
    _check_facts(facts, known, attributes, settings, raw.get("facts.yaml"), problems)
    cases = _collect_cases(entities, attributes, facts, raw)
    _check_cases(cases, known, attributes, problems)
    if problems:
        raise RulesError(problems)
    return RulePack(
        directory=str(folder),
        entities=entity_map,
        attributes=attributes,
        facts=tuple(fact for fact, _ in facts),
        settings=settings,
        cases=tuple(ref for ref, _, _ in cases),
        lines={name: lines for name, (_, lines, _) in raw.items()},
    )


# --- parsing with line numbers ------------------------------------------------------


def _section(entry: Entry | None, key: str, want: type, problems: list[RuleProblem]) -> Any:
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


def _parse_list(entry: Entry | None, key: str, model: type[Strict], problems: list[RuleProblem]) -> list[tuple[Any, int]]:
    items = _section(entry, key, list, problems)
    out = []
    for index, item in enumerate(items or []):
        parsed = _validate(model, item, entry, (key, index), problems)
        if parsed is not None:
            out.append((parsed, index))
    return out


def _parse_map(entry: Entry | None, key: str, model: type[Strict], problems: list[RuleProblem]) -> list[tuple[str, Any]]:
    items = _section(entry, key, dict, problems)
    out = []
    for name, item in (items or {}).items():
        parsed = _validate(model, item, entry, (key, name), problems)
        if parsed is not None:
            out.append((str(name), parsed))
    return out


def _parse_settings(entry: Entry | None, problems: list[RuleProblem]) -> Settings:
    if entry is None:
        return Settings()
    parsed = _validate(Settings, entry[0], entry, (), problems)
    if parsed is None:
        return Settings()
    for kind in parsed.severity:
        if kind not in FINDING_KINDS:
            problems.append(_problem(entry, ("severity", kind), f"unknown finding kind `{kind}`", _did_you_mean(kind, FINDING_KINDS)))
    _check_units(parsed, entry, problems)
    for name, words in parsed.lexicon:
        _check_words(entry, ("lexicon", name), "lexicon word", words, problems)
    return parsed


def _validate(model: type[Strict], item: Any, entry: Entry, loc: tuple, problems: list[RuleProblem]) -> Any:
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        for where, message, fix in _explain_all(model, exc.errors()):
            problems.append(_problem(entry, loc + where, message, fix))
        return None


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


def _explain_all(model: type[Strict], errors: list[dict]) -> list[tuple[tuple, str, str]]:
    """(loc, message, fix) per error; the per-member errors of a union field become one."""
    out: list[tuple[tuple, tuple[str, str] | None]] = []
    members: dict[tuple, list[str]] = {}  # union field -> what each member expected
    for err in errors:
        loc = tuple(err["loc"])
        if len(loc) >= 2 and loc[-1] in _UNION_MEMBERS and isinstance(loc[-2], str):
            if loc[:-1] not in members:
                members[loc[:-1]] = []
                out.append((loc[:-1], None))
            members[loc[:-1]].append(_UNION_MEMBERS[loc[-1]])
        else:
            out.append((loc, _explain(model, err)))
    union_fix = "see docs/rules.md for the expected form"
    return [(loc, *(explained or (f"`{_dotted(loc)}`: expected {_or(members[loc])}", union_fix))) for loc, explained in out]


def _dotted(loc: tuple) -> str:
    return ".".join(str(p) for p in loc) or "entry"


def _a(word: str) -> str:
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
        return f"unknown key `{key}`", _did_you_mean(key, known) or f"allowed keys: {', '.join(known)}"
    if err["type"] == "missing":
        return f"required key `{field}` is missing", f"add `{err['loc'][-1]}:`"
    if err["type"] == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return f"`{field}`: {err['msg']}", _did_you_mean(str(err.get("input")), [e.strip(" '") for e in expected.replace(" or ", ",").split(",")]) or f"use {expected}"
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


def _did_you_mean(word: str, choices) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


def _problem(entry: Entry, loc: tuple, message: str, fix: str = "") -> RuleProblem:
    _, lines, path = entry
    return RuleProblem(path, line_of(lines, loc), message, fix)


# --- words the matcher can never see ------------------------------------------------


def _unmatchable(
    role: str,
    word: str,
    siblings: Sequence[str],
    *,
    clause_bound: bool = False,
    reach: tuple[int, str] | None = None,
    forbid: Sequence[str] = (),
) -> tuple[str, str] | None:
    """Why `word` can never match in the pipeline, as (message, fix); None if it can.

    Text is folded (Traditional -> Simplified, full width -> half width) before any
    matching, clause-bound words are searched inside one clause, and some extractors
    look only a few characters away.
    """
    from checker.claims.context import CLAUSE_BREAK, find_words
    from checker.normalize import normalize

    if not word.strip():
        return f"empty {role}", "remove it: an empty word would match everywhere"
    if not any(char.isalnum() for char in word):
        return f"{role} `{word}` is only punctuation", f"write a word: {_a(role)} needs a letter, a digit or a CJK character"
    folded = normalize(word).text
    if folded != word:
        listed = folded in siblings
        fix = f"remove it; `{folded}` is listed and matches both forms" if listed else f"write `{folded}` instead; it matches both forms"
        return f"{role} `{word}` can never match: text is folded to `{folded}` before matching", fix
    if clause_bound:
        cut = next((m for m in CLAUSE_BREAK.finditer(word) if m.end() < len(word)), None)
        if cut:
            return f"{role} `{word}` spans a clause break `{cut.group()}` but is matched within one clause", f"split it at `{cut.group()}` or drop what follows"
    if reach and len(word) > reach[0]:
        limit, where = reach
        return f"{role} `{word}` has {len(word)} characters and can never match: it is looked for within {limit} characters {where}", f"use a word of at most {limit} characters"
    hit = find_words(forbid, word) if forbid else []
    if hit:
        return f"trigger `{word}` contains the forbid word `{hit[0].group()}` of its attribute, so it can never match", "remove the trigger, or narrow the forbid word"
    return None


def _check_words(entry: Entry, loc: tuple, role: str, words: Sequence[str], problems: list[RuleProblem], **how: Any) -> None:
    for index, word in enumerate(words):
        issue = _unmatchable(role, word, words, **how)
        if issue:
            problems.append(_problem(entry, loc + (index,), *issue))


# --- cross checks -------------------------------------------------------------------


def _check_entities(entities: list[tuple[EntityRule, int]], entry: Entry | None, problems: list[RuleProblem]) -> dict[str, EntityRule]:
    by_id: dict[str, EntityRule] = {}
    alias_owner: dict[str, str] = {}
    for entity, index in entities:
        if entity.id in by_id:
            problems.append(_problem(entry, ("entities", index, "id"), f"duplicate entity id `{entity.id}`", "give each entity its own id, or merge the two entries"))
            continue
        by_id[entity.id] = entity
        _check_words(entry, ("entities", index, "aliases"), "alias", entity.aliases, problems)
        for alias_index, alias in enumerate(entity.aliases):
            owner = alias_owner.get(alias)
            if owner and owner != entity.id:
                problems.append(_problem(entry, ("entities", index, "aliases", alias_index), f"alias `{alias}` is shared by `{owner}` and `{entity.id}`", "keep the alias on one entity only"))
            alias_owner[alias] = entity.id
    for entity, index in entities:
        if entity.parent and entity.parent not in by_id:
            problems.append(_problem(entry, ("entities", index, "parent"), f"parent `{entity.parent}` of `{entity.id}` is not a known entity", _did_you_mean(entity.parent, by_id) or "add that entity or remove `parent`"))
    return by_id


def _check_units(settings: Settings, entry: Entry, problems: list[RuleProblem]) -> None:
    """Declared units: not built in, one base unit per dimension, words the reader can reach."""
    word_owner: dict[str, str] = {}
    bases: dict[str, list[str]] = {}
    for unit_id, rule in settings.units.items():
        loc = ("units", unit_id)
        if unit_id in UNIT_CLASSES or unit_id in CURRENCIES:
            problems.append(_problem(entry, loc, f"unit `{unit_id}` is built in", "remove it; built-in units need no declaration"))
        if rule.dimension in UNIT_CLASSES or rule.dimension in CURRENCIES:
            problems.append(_problem(entry, loc + ("dimension",), f"dimension `{rule.dimension}` is a built-in unit", "name the dimension after what it measures, e.g. energy"))
        if rule.factor == 1:
            bases.setdefault(rule.dimension, []).append(unit_id)
        _check_words(entry, loc + ("words",), "unit word", rule.words, problems)
        for index, word in enumerate(rule.words):
            where = loc + ("words", index)
            builtin = reserved_unit_word(word)
            if builtin:
                problems.append(_problem(entry, where, f"unit word `{word}` can never match: the number reader already reads it as {builtin}", "remove it"))
            owner = word_owner.setdefault(word, unit_id)
            if owner != unit_id:
                problems.append(_problem(entry, where, f"unit word `{word}` is declared by `{owner}` and `{unit_id}`", "keep the word on one unit only"))
    for unit_id, rule in settings.units.items():
        found = bases.get(rule.dimension, [])
        if not found:
            problems.append(_problem(entry, ("units", unit_id, "factor"), f"dimension `{rule.dimension}` has no base unit", "give one of its units `factor: 1`; the others are multiples of it"))
            bases[rule.dimension] = [unit_id]  # report once per dimension
        elif len(found) > 1 and unit_id == found[1]:
            problems.append(_problem(entry, ("units", unit_id, "factor"), f"dimension `{rule.dimension}` has two base units, `{found[0]}` and `{unit_id}`", "keep `factor: 1` on one of them"))


def _check_attributes(attributes: dict[str, AttributeRule], settings: Settings, entry: Entry | None, problems: list[RuleProblem]) -> None:
    known_units = list(UNIT_CLASSES + CURRENCIES) + list(settings.units) + sorted({u.dimension for u in settings.units.values()})
    for name, rule in attributes.items():
        loc = ("attributes", name)
        for key in sorted(rule.model_fields_set - set(KIND_KEYS[rule.kind]) - set(COMMON_KEYS)):
            problems.append(_problem(entry, loc + (key,), f"`{key}` has no effect on {_a(rule.kind)} attribute", f"remove it; {rule.kind} attributes read {', '.join(KIND_KEYS[rule.kind])}"))
        for index, unit in enumerate(rule.units):
            if unit not in known_units:
                fix = _did_you_mean(unit, known_units) or f"declare it under `units:` in settings.yaml (dimension, factor, words), or use one of {', '.join(UNIT_CLASSES)} or a currency code"
                problems.append(_problem(entry, loc + ("units", index), f"unit `{unit}` has no conversion", fix))
        if rule.kind == "quantity" and rule.object_types and not rule.object_markers:
            problems.append(_problem(entry, loc + ("object_types",), "`object_types` without `object_markers` never finds an object", "add `object_markers:` (向, in ...)"))
        if rule.contradicted_by is not None and (attributes.get(rule.contradicted_by) is None or attributes[rule.contradicted_by].kind != "entity"):
            entity_attributes = [n for n, r in attributes.items() if r.kind == "entity"]
            problems.append(_problem(entry, loc + ("contradicted_by",), f"`contradicted_by` must name an entity attribute, not `{rule.contradicted_by}`", _did_you_mean(rule.contradicted_by, entity_attributes) or f"use one of: {', '.join(entity_attributes) or 'none defined'}"))
        _check_attribute_words(name, rule, entry, problems)


def _check_attribute_words(name: str, rule: AttributeRule, entry: Entry | None, problems: list[RuleProblem]) -> None:
    """The words of one attribute, against how far its extractor (checker/claims/) looks."""
    from checker.claims.quantities import MARKER_REACH

    loc = ("attributes", name)
    clause_bound = rule.kind == "quantity"
    forbid = rule.forbid if rule.kind in ("quantity", "date") else ()
    _check_words(entry, loc + ("triggers",), "trigger", rule.triggers, problems, clause_bound=clause_bound, forbid=forbid)
    _check_words(entry, loc + ("forbid",), "forbid word", rule.forbid, problems, clause_bound=True)
    _check_words(entry, loc + ("passive",), "passive marker", rule.passive, problems)
    _check_words(entry, loc + ("negation_cues",), "negation cue", rule.negation_cues, problems)
    _check_words(entry, loc + ("objects",), "object word", rule.objects, problems)
    _check_words(entry, loc + ("object_markers",), "object marker", rule.object_markers, problems, reach=(MARKER_REACH, "before the object's name"))
    for index, marker in enumerate(rule.object_markers):
        if marker.strip() and marker != marker.rstrip():
            problems.append(_problem(entry, loc + ("object_markers", index), f"object marker `{marker}` ends with a space, but the text before a name is compared without trailing spaces", "remove the trailing space"))
    for label, words in rule.type_words.items():
        _check_words(entry, loc + ("type_words", label), "type word", words, problems)


def _check_facts(
    facts: list[tuple[Fact, int]],
    entities: dict[str, EntityRule] | None,
    attributes: dict[str, AttributeRule],
    settings: Settings,
    entry: Entry | None,
    problems: list[RuleProblem],
) -> None:
    """Check facts against the pack; `entities` is None when entities.yaml itself is broken."""
    seen: dict[tuple, list[tuple[Fact, int]]] = {}
    for fact, index in facts:
        loc = ("facts", index)
        # with a broken entities.yaml every fact's entity would look unknown: skip that check
        if entities is not None and fact.subject not in entities:
            problems.append(_problem(entry, loc + ("subject",), f"fact about unknown entity `{fact.subject}`", _did_you_mean(fact.subject, entities) or "add the entity to entities.yaml"))
        if entities is not None and fact.object and fact.object not in entities:
            problems.append(_problem(entry, loc + ("object",), f"fact object `{fact.object}` is not a known entity", _did_you_mean(fact.object, entities) or "add the entity to entities.yaml"))
        _check_validity(fact, entry, loc, problems)
        attribute = attributes.get(fact.attribute)
        if attribute is None:
            problems.append(_problem(entry, loc + ("attribute",), f"fact about unknown attribute `{fact.attribute}`", _did_you_mean(fact.attribute, attributes) or "add it to attributes.yaml"))
            continue
        values = {key: getattr(fact, key) for key in ("value", "low", "high")}
        for key, message, fix in _value_problems(fact.attribute, attribute, values, entities):
            problems.append(_problem(entry, loc + (key,), message, fix))
        if attribute.kind == "quantity":
            _check_fact_unit(fact, attribute, settings.units, entry, loc, problems)
        else:
            for key in sorted({"unit", "tolerance"} & fact.model_fields_set):
                problems.append(_problem(entry, loc + (key,), f"`{key}` has no effect on {_a(attribute.kind)} fact", "remove it"))
        if attribute.kind == "negation":
            problems.append(_problem(entry, loc + ("attribute",), f"facts about negation attribute `{fact.attribute}` are never checked", "remove the fact; state what was released with a developer fact instead"))
        if fact.object and not attribute.object_types:
            problems.append(_problem(entry, loc + ("object",), f"attribute `{fact.attribute}` has no objects, so a fact with `object` never applies", "remove `object`, or give the attribute `object_types` and `object_markers`"))
        _check_interval(fact, entry, loc, problems)
        for other, other_index in seen.get((fact.subject, fact.attribute, fact.object), []):
            if _periods_overlap(fact, other):
                other_line = line_of(entry[1], ("facts", other_index))
                problems.append(_problem(entry, loc, f"fact duplicates the one on line {other_line} (same subject, attribute and object, overlapping validity)", "merge them, or give them `valid_from`/`valid_to` that do not overlap"))
                break
        seen.setdefault((fact.subject, fact.attribute, fact.object), []).append((fact, index))


def _value_problems(
    attribute_name: str, attribute: AttributeRule, values: Mapping[str, Any], entities: Mapping[str, EntityRule] | None, noun: str = "fact"
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
            found.append((key, f"`{given}` is not a known entity", _did_you_mean(str(given), entities) or "use an entity id"))
        elif attribute.kind == "type" and key == "value" and given not in attribute.type_words:
            labels = list(attribute.type_words)
            found.append((key, f"`{given}` is not a type of attribute `{attribute_name}` ({', '.join(labels)})", _did_you_mean(str(given), labels) or "use one of the type_words labels"))
    return found


def _check_fact_unit(fact: Fact, attribute: AttributeRule, units: Mapping[str, UnitRule], entry: Entry | None, loc: tuple, problems: list[RuleProblem]) -> None:
    if fact.unit is None:
        problems.append(_problem(entry, loc, "a numeric fact needs `unit`", f"add `unit:` (one of {', '.join(attribute.units)})"))
        return
    unit, bases = fact.unit, _base_units(units)
    dimensions = {unit_id: rule.dimension for unit_id, rule in units.items()}
    declared = units.get(unit)
    if declared is not None and declared.factor != 1 and declared.dimension in bases:
        base = bases[declared.dimension]
        problems.append(_problem(entry, loc + ("unit",), f"unit `{unit}` is not the base unit of {declared.dimension}", f"write the value in `{base}` (1 {unit} = {declared.factor:g} {base})"))
    elif unit == "currency" or unit in set(dimensions.values()) - set(units) - {"count", "percent"}:
        problems.append(_problem(entry, loc + ("unit",), f"unit `{unit}` is a class of units, not a unit", "name the unit, e.g. USD or a declared base unit"))
    elif unit not in ("count", "percent", *CURRENCIES) and declared is None:
        known = ["count", "percent", *CURRENCIES, *bases.values()]
        problems.append(_problem(entry, loc + ("unit",), f"unit `{unit}` has no conversion", _did_you_mean(unit, known) or "use count, percent, a currency code or a unit declared in settings.yaml"))
    elif not unit_allowed(unit, attribute.units, dimensions):
        problems.append(_problem(entry, loc + ("unit",), f"unit `{unit}` does not fit attribute `{fact.attribute}` ({', '.join(attribute.units)})", "use a unit the attribute allows"))


def _check_interval(fact: Fact, entry: Entry | None, loc: tuple, problems: list[RuleProblem]) -> None:
    low, high, value = fact.low, fact.high, fact.value
    comparable = low is not None and high is not None and type(low) is type(high)
    if comparable and low > high:
        problems.append(_problem(entry, loc + ("low",), f"`low` {low} is above `high` {high}", "swap them"))
    elif comparable and type(value) is type(low) and not low <= value <= high:
        problems.append(_problem(entry, loc + ("value",), f"value {value} lies outside its own interval {low}..{high}", "correct the value or the interval"))


def _check_validity(fact: Fact, entry: Entry | None, loc: tuple, problems: list[RuleProblem]) -> None:
    key = "valid_from" if fact.valid_from else "as_of"
    start = fact.valid_from or fact.as_of
    if start and fact.valid_to and start > fact.valid_to:
        problems.append(_problem(entry, loc + (key,), f"`{key}` {start} is after `valid_to` {fact.valid_to}", "correct the dates; the fact holds from the first to the second"))


def _periods_overlap(a: Fact, b: Fact) -> bool:
    a_start, b_start = a.valid_from or a.as_of or dt.date.min, b.valid_from or b.as_of or dt.date.min
    a_end, b_end = a.valid_to or dt.date.max, b.valid_to or dt.date.max
    return a_start <= b_end and b_start <= a_end


# --- test cases ---------------------------------------------------------------------


def _collect_cases(
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


def _check_cases(
    cases: list[tuple[CaseRef, Entry, tuple]],
    entities: Mapping[str, EntityRule] | None,
    attributes: Mapping[str, AttributeRule],
    problems: list[RuleProblem],
) -> None:
    """Every entity, attribute and fact a case names must exist, and values must suit their attribute."""
    for ref, entry, loc in cases:
        for side in ("want", "forbid"):
            for index, expectation in enumerate(getattr(ref.case, side)):
                where = loc + (side, index)
                for key, message, fix in _expectation_problems(expectation, entities, attributes):
                    problems.append(_problem(entry, where + key, message, fix))


def _expectation_problems(
    expectation: Expectation, entities: Mapping[str, EntityRule] | None, attributes: Mapping[str, AttributeRule]
) -> list[tuple[tuple, str, str]]:
    found: list[tuple[tuple, str, str]] = []

    def entity(key: tuple, value: str | None) -> None:
        if entities is not None and value is not None and value not in entities:
            found.append((key, f"unknown entity `{value}` in a case", _did_you_mean(value, entities) or "use an id from entities.yaml"))

    def attribute(key: tuple, value: str | None, extra: Sequence[str] = ()) -> AttributeRule | None:
        if value is None or value in extra:
            return None
        if value not in attributes:
            found.append((key, f"unknown attribute `{value}` in a case", _did_you_mean(value, [*attributes, *extra]) or "use a key of attributes.yaml"))
        return attributes.get(value)

    if expectation.claim is not None:
        claim = expectation.claim
        rule = attribute(("claim", "attribute"), claim.attribute)
        entity(("claim", "subject"), claim.subject)
        entity(("claim", "object"), claim.object)
        if rule is not None:
            values = {"value": claim.value, "low": claim.low, "high": claim.high}
            found.extend((("claim", key), message, fix) for key, message, fix in _value_problems(claim.attribute, rule, values, entities, noun="claim"))
    elif expectation.finding is not None:
        entity(("finding", "subject"), expectation.finding.subject)
        attribute(("finding", "attribute"), expectation.finding.attribute, extra=(NAME_ATTRIBUTE,))
    elif expectation.confirmation is not None:
        entity(("confirmation", "subject"), expectation.confirmation.subject)
        attribute(("confirmation", "attribute"), expectation.confirmation.attribute)
    else:
        entity(("mention",), expectation.mention)
    return found
