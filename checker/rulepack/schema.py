"""The shapes of the rules files (pydantic models), exported as JSON Schema for editors."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from checker.kinds import FINDING_KINDS
from checker.rulepack.strict import Strict
from checker.languages.schema import CURRENCY_CODES

if TYPE_CHECKING:
    from checker.models import DateSpan

# entity types are the pack's (settings.yaml `entity_types`); these are the default, which
# the extractors' built-in guesses for unknown names (a person, a company, a model) use
DEFAULT_ENTITY_TYPES: tuple[str, ...] = ("organization", "model", "product", "platform", "chip", "person", "region", "regulation")
EntityType = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
FindingKind = Literal[*FINDING_KINDS]  # type: ignore[valid-type]  (from the kinds registry)
UNIT_CLASSES = ("count", "percent", "currency")
CURRENCIES: tuple[str, ...] = CURRENCY_CODES
NAME_ATTRIBUTE = "name"  # the attribute of name_variant findings


def _rule_error(message: str, fix: str) -> PydanticCustomError:
    """A validation error whose message and fix reach the curator unchanged."""
    return PydanticCustomError("rule", message.replace("{", "{{").replace("}", "}}"), {"fix": fix})


# --- test cases carried by rules ----------------------------------------------------


class ClaimExpectation(Strict):
    """A claim the pipeline extracts (want) or must not extract (forbid)."""

    attribute: str = Field(description="Attribute of the claim: a key of attributes.yaml.")
    subject: str | None = Field(default=None, description="Entity id the claim is about; any subject when omitted.")
    object: str | None = Field(default=None, description="Entity id of the claim's object (the company invested in); any when omitted.")
    value: float | dt.date | str | None = Field(
        default=None,
        description="Numbers: a value (in the base unit) the claim's interval must contain. Dates: a day the claim's span must contain. "
        "Developers: one of the credited entity ids. Types: the type label. Features: the feature id. Omit to accept any value.",
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


class Edition(Strict):
    """Which entity another one is an edition of, and which edition."""

    entity: str = Field(min_length=1, description="Id of the base entity (nvidia-h100).")
    edition: str = Field(min_length=1, description="A key of `lexicon.editions` (china).")


class EntityRule(Strict):
    """A canonical entity and every spelling that names it."""

    id: str = Field(min_length=1, description="Stable key used in claims, facts, cases and expected findings (lowercase, hyphens).")
    type: EntityType = Field(description="What the entity is: one of the pack's `entity_types` (settings.yaml); attributes name the types their subject may have.")
    aliases: list[str] = Field(
        min_length=1,
        description="Every exact spelling (Chinese, English). Text is folded to Simplified and half-width before matching, "
        "so write the Simplified form only; typos are found by fuzzy matching.",
    )
    parent: str | None = Field(default=None, description="Id of the entity this one belongs to (达摩院 -> alibaba); a claim about a child does not contradict one about its parent.")
    inherits: list[str] = Field(
        default=[],
        description="Attributes whose value this entity shares with its parent (a Pro edition's launch date is its product line's): "
        "claims about the child and the parent are compared as one subject. Needs `parent`.",
    )
    edition_of: Edition | None = Field(
        default=None,
        description="The entity this one is an edition of, and the market edition it is (`{entity: nvidia-h100, edition: china}`): "
        "its base's name with a `lexicon.editions` word (H100的中国特供版, the China version of the H100) is a mention of this entity.",
    )
    cases: list[Case] = CasesField


AttributeKind = Literal["quantity", "date", "entity", "type", "negation", "feature"]
# the periods lexicon.periods names: a calendar quarter, or one relative to the article date
PeriodLabel = Literal["Q1", "Q2", "Q3", "Q4", "this_quarter", "last_quarter", "next_quarter"]


class AttributeRule(Strict):
    """What a claim can be about, and the words that signal it."""

    kind: AttributeKind = Field(
        description="quantity (a number with a unit), date, entity (who developed it), type (model, chip...), negation (has released no model) "
        "or feature (supports X, 采用Y, 不支持Z: what the subject has or uses, and its denial)."
    )
    label: str = Field(default="", description="Human-readable name used in findings.")
    units: list[str] = Field(
        default=[],
        description="quantity: units a value may have: count, percent, currency, a currency code (USD), or a unit or dimension declared under `units` in settings.yaml. "
        "date: the event is a milestone (first topped $1 trillion): the amount of one of these units nearest the trigger in its clause keys the claim (its object), "
        "and a clause without one gives no claim.",
    )
    subject_types: list[EntityType] = Field(default=[], description="Entity types the subject may have; the nearest fitting entity is taken.")
    object_types: list[EntityType] = Field(
        default=[],
        description="quantity: entity types of the object (investment in X); needs `object_markers`. date: the place of the event "
        "(a region): an entity of these types right before or after the trigger is the claim's object, and a trigger with none is passed over. "
        "negation with `objects`: types of what is denied (model, product), only events about such an entity contradict the denial; "
        "without `objects`: the place the subject is denied in (尚未在欧盟上线), named next to the verb. "
        "feature: entity types that are features (a technology, a standard): such an entity right after the verb is the feature.",
    )
    object_markers: list[str] = Field(default=[], description="quantity: words right before the object (向, in); at most 6 characters, no trailing space.")
    triggers: list[str] = Field(
        default=[],
        description="Words that signal the attribute. quantity: in the value's clause, within 16 characters; date: anywhere in the sentence; "
        "entity: the verb; negation: the verb, within 6 characters after the cue; feature: the verb before the feature (支持, 采用, supports, uses).",
    )
    forbid: list[str] = Field(
        default=[],
        description="quantity and date: words that disqualify the clause (平均单卡 is per device, not a model's size). entity: words of another "
        "relation (投资, 向, invested in, backed by): an organization right after one is no developer, nor is the owner of a possessive with one inside. "
        "negation: words after the object that make the denial about something else (没有公布模型的参数规模 denies a figure). "
        "feature: words in the clause that make it no statement of the feature (是否支持 asks).",
    )
    require: list[str] = Field(
        default=[],
        description="quantity and date: words one of which must be in the clause (the figure's; a date's trigger's), e.g. 全年 or full-year for an annual figure, "
        "so one trigger word serves attributes told apart by a qualifier.",
    )
    change: bool | None = Field(
        default=None,
        description="quantity: true when the trigger describes a change (涨/跌 must sit between trigger and value), false when such words disqualify it; unset: either.",
    )
    tolerance: float = Field(default=0.0, ge=0.0, le=1.0, description="quantity: relative slack added on both sides before two values are called different.")
    variants: dict[str, list[str]] = Field(
        default={},
        description="quantity: kinds of the attribute compared apart (funding rounds: seed, series_a); the variant word nearest the figure in its sentence, "
        "else the last one of the sentences before it in its paragraph, is the claim's object (in place of an object entity: the round, not its lead investor, keys a round); figures with no variant word are compared only with each other. "
        "date with `units`: a threshold said in words (the trillion-dollar club) in the trigger's clause, labelled by its amount as a key (`1000000000000 USD`).",
    )
    per_period: bool = Field(
        default=False,
        description="quantity: a figure of one period (quarterly revenue): the period `lexicon.periods` finds nearest before it in the sentence is compared apart "
        "(it is the claim's object, e.g. 2023-Q2), a period not over at the article date makes it a plan, and a figure whose sentence names no period is no claim.",
    )
    passive: list[str] = Field(default=[], description="entity: passive markers (由, by) that put the developer after the marker.")
    possessive: list[str] = Field(
        default=[],
        description="entity: markers after an organization that credit it with the name that follows (的, 旗下, 's, whose), with no verb.",
    )
    nominal: list[str] = Field(default=[], description="entity: words that make a trigger right before them part of a noun (开源社区, 开源路线), not a verb.")
    joint: list[str] = Field(default=[], description="entity: words of joint work (联合, 共同, jointly): organizations coordinated before the verb are all developers.")
    type_words: dict[EntityType, list[str]] = Field(default={}, description="type: for each type label, the words that say it (芯片 -> chip) right next to a name.")
    negation_cues: list[str] = Field(
        default=[],
        description="negation: words that negate (尚未, has not). feature: words right before the verb (不, 没有, does not) or between the verb and the feature (has no) that deny it.",
    )
    features: dict[str, list[str]] = Field(
        default={},
        description="feature: the features that are words, not entities: feature id -> the words that name it (mrna: [mRNA, 信使RNA]); the id is the claim's value.",
    )
    objects: list[str] = Field(default=[], description="negation: object words (大模型, model) within 12 characters after the verb.")
    contradicted_by: str | None = Field(default=None, description="negation: the entity attribute whose claims contradict a negation (developer).")
    events: list[str] = Field(
        default=[],
        description="negation: date attributes whose claims contradict the denial: an event about an entity of the denied subject "
        "(itself or a child), of one of `object_types`, dated before the denial.",
    )
    announces: bool = Field(
        default=False,
        description="date: the trigger announces an event (宣布); a trigger of another date attribute right after it (宣布开源) names the attribute.",
    )
    cases: list[Case] = CasesField

    @model_validator(mode="after")
    def _complete(self) -> AttributeRule:
        if self.kind == "quantity" and not self.units:
            raise _rule_error("a quantity attribute needs `units` (count, percent, currency or a declared unit)", "add `units:`, e.g. `units: [count]`")
        if self.kind in ("quantity", "date", "entity", "negation", "feature") and not self.triggers:
            raise _rule_error(f"a {self.kind} attribute needs at least one trigger word", "add `triggers:`")
        if self.kind == "negation" and not (self.negation_cues and (self.objects or self.object_types)):
            raise _rule_error("a negation attribute needs `negation_cues`, and `objects` or `object_types`", "add the cues and what is denied")
        if self.kind == "feature" and not (self.negation_cues and (self.features or self.object_types)):
            raise _rule_error("a feature attribute needs `negation_cues`, and `features` or `object_types`", "add the cues that deny it and what the features are")
        if self.kind == "type" and not self.type_words:
            raise _rule_error("a type attribute needs `type_words`", "add `type_words:` mapping type labels to words")
        return self


# Keys each kind of attribute reads; any other key set on it has no effect.
KIND_KEYS: dict[str, tuple[str, ...]] = {
    "quantity": ("units", "subject_types", "object_types", "object_markers", "triggers", "forbid", "require", "change", "tolerance", "per_period", "variants"),
    "date": ("units", "subject_types", "object_types", "triggers", "forbid", "require", "announces", "variants"),
    "entity": ("subject_types", "triggers", "passive", "possessive", "joint", "nominal", "forbid"),
    "type": ("subject_types", "type_words"),
    "negation": ("subject_types", "negation_cues", "triggers", "objects", "forbid", "object_types", "contradicted_by", "events"),
    "feature": ("subject_types", "triggers", "negation_cues", "features", "object_types", "forbid"),
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
        description="A number in the unit's base unit, an ISO date, an entity id (entity attributes), a type label (type attributes) "
        "or a feature the subject has (feature attributes: a `features` id or an entity id).",
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

    def covers(self, when: DateSpan | None) -> bool:
        """Whether a figure the article dates to `when` can be of the state the fact records: one
        dated wholly before the day it became true (`as_of`) is of an earlier state (an
        investment of 2019 is not the one of 2023). `valid_from` and `valid_to` bound the
        articles' dates, not the figure's, so they do not decide this."""
        return when is None or self.as_of is None or when.high >= self.as_of

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
    cjk_homophone: bool = Field(default=True, description="CJK names of 4 or more characters: a variant has the same pinyin and differs in at most half its characters (温馨一言 ~ 文心一言).")


class Lexicon(Strict):
    """Words that qualify a claim, looked up in its clause or at the start of its sentence."""

    planned: list[str] = Field(default=[], description="A plan, never compared with outcomes (将于, plans to).")
    as_planned: list[str] = Field(default=[], description="A plan carried out (按计划, as planned): the plan words inside them make no plan.")
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
    latter: list[str] = Field(
        default=[], description="Words opening a clause that point back to the last of several names before it (两款模型…，后者参数规模…: 后者, the latter)."
    )
    classifiers: list[str] = Field(
        default=[],
        description="Measure words (个, 款, 家): a figure whose measure word is followed by another noun before the trigger counts that noun (两个版本参数量 is two versions, not two parameters).",
    )
    carriers: list[str] = Field(
        default=[],
        description="Words before a figure that stand for an amount named earlier in the sentence (金额, totalled, the figure): a figure whose clause has no trigger but one of these takes the attribute of the nearest trigger before it in the sentence.",
    )
    periods: dict[PeriodLabel, list[str]] = Field(
        default={},
        description="Words naming a quarter (Q2: 第二季度, second quarter) or a quarter relative to the article date (this_quarter: 本季, last_quarter: 上一季), for `per_period` attributes.",
    )
    anaphors: dict[str, list[str]] = Field(
        default={},
        description="Per entity type, nouns that refer back to an entity of that type named earlier, in this sentence or a few before (organization: 该公司, the company).",
    )
    demonstratives: dict[EntityType, list[str]] = Field(
        default={},
        description="Per entity type, the demonstratives whose classifier allows it (这款 for a chip or a model, 这家 for a company): "
        "a demonstrative with a type word (这款AI芯片) points back like an anaphor and says the type.",
    )
    articles: list[str] = Field(default=[], description="Words opening a noun phrase after a name or a copula (一款, a, the): Gaudi, an AI chip.")
    copula: list[str] = Field(default=[], description="Words that say what a name is (是, is): 昇腾是一款推理芯片.")
    phrase_end: list[str] = Field(default=[], description="Words that may follow the head noun of a type phrase (that, founded, 之一): the type word before them is the head.")
    possessive_pronouns: list[str] = Field(
        default=[], description="Pronouns that credit what follows to the organization named before (its, 其): its Claude chatbot."
    )
    coordinators: list[str] = Field(default=[], description="Words joining two names (与, 和, and): co-developers before a `joint` word, the objects of one verb.")
    editions: dict[str, list[str]] = Field(
        default={},
        description="Per market edition, the words that name it after its base (china: 中国特供版, China version): "
        "H100的中国特供版 names the entity whose `edition_of` is that base and edition.",
    )
    model_cues: list[str] = Field(
        default=[], description="Words right after an unknown CJK name that make it a model (大模型): the name is a candidate entity of type model."
    )
    generic_suffixes: list[str] = Field(
        default=[], description="Generic words that end an alias (通义大模型, X公司): such an alias is not compared for variant spellings, its bare name is."
    )


class UnitRule(Strict):
    """A unit the pack declares: its dimension, its size in the base unit, its words."""

    dimension: str = Field(min_length=1, description="What the unit measures (energy, distance, power); values are compared in the dimension's base unit.")
    factor: float = Field(gt=0, description="How many base units one of this unit is; the base unit of a dimension has factor 1 (MWh: 1000 when kWh is the base).")
    words: list[str] = Field(min_length=1, description="What follows a number in text (kWh, 千瓦时, 度); matched case-sensitively, Simplified and half-width.")


class Settings(Strict):
    """settings.yaml: how values are read, how much slack comparisons get, severities, declared units."""

    values: ValuesSettings = Field(default=ValuesSettings(), description="How hedged numbers become intervals.")
    tolerance: ToleranceSettings = Field(default=ToleranceSettings(), description="Slack for comparisons.")
    entity_types: list[EntityType] = Field(
        default=list(DEFAULT_ENTITY_TYPES),
        min_length=1,
        description="The pack's entity types (a research firm, a market, a regulator, a standard...); entities, attributes and "
        "type words may use only these. Default: organization, model, product, platform, chip, person, region, regulation.",
    )
    compatible_types: list[list[EntityType]] = Field(default=[], description="Groups of entity types that may describe the same entity without a type_conflict.")
    severity: dict[str, Literal["error", "warning", "info"]] = Field(default={}, description="Severity per finding kind (default error).")
    modality_downgrade: list[Literal["planned", "reported", "claimed", "denied"]] = Field(
        default=[], description="A finding citing claims of these modalities drops one severity level."
    )
    name_variants: NameVariantSettings = Field(default=NameVariantSettings(), description="When a spelling counts as a variant of a known name.")
    segmenter: Literal["jieba", "char"] = Field(
        default="jieba",
        description="How text is cut into words: jieba (a word dictionary plus the pack's aliases and attribute words; the default) or char (one token per character, no dictionary).",
    )
    lexicon: Lexicon = Field(default=Lexicon(), description="Words that qualify claims.")
    units: dict[str, UnitRule] = Field(
        default={}, description="Units beyond the built-in count, percent and currencies: unit id -> dimension, factor to the base unit, words."
    )
    messages: dict[str, str] = Field(
        default={},
        description="Finding messages in the pack's own words: message name (negation_conflict, negation_event, feature_conflict, "
        "attribution_conflict, type_conflict) -> a template with named placeholders ({subject}, {values}...); a message not given keeps the neutral default.",
    )


SCHEMA_MODELS: dict[str, type[Strict]] = {
    "entities": EntitiesFile,
    "attributes": AttributesFile,
    "facts": FactsFile,
    "settings": Settings,
}
