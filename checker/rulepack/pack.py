"""The runtime rules pack: what the pipeline reads once a pack has validated."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from checker.rulepack.schema import CURRENCIES, AttributeRule, Case, EntityRule, Fact, Settings, UnitRule
from checker.rulepack.templates import DEFAULT_MESSAGES, render
from checker.yaml_lines import line_of

if TYPE_CHECKING:
    from checker.values.settings import ValueSettings

PACK_FILES = {  # the files of a pack folder -> the top-level key each holds
    "entities.yaml": "entities",
    "attributes.yaml": "attributes",
    "facts.yaml": "facts",
    "settings.yaml": None,
}


def bundled_rules_dir() -> Path:
    """The pack shipped with the package (wheel) or beside it (source checkout)."""
    package = Path(__file__).resolve().parents[1]
    installed = package / "bundled_rules"
    return installed if installed.is_dir() else package.parent / "rules"

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
        from checker.values.settings import DeclaredUnit, ValueSettings  # the value readers load with the extractors, not with every pack

        bases = base_units(self.settings.units)
        words = tuple(
            DeclaredUnit(word=word, base=bases[rule.dimension], factor=Decimal(str(rule.factor)))
            for rule in self.settings.units.values()
            for word in rule.words
        )
        values = self.settings.values
        return ValueSettings(near_fraction=values.near_fraction, approx_fraction=values.approx_fraction, units=words)

    def unit_allowed(self, unit: str, allowed: Sequence[str]) -> bool:
        return unit_allowed(unit, allowed, self.dimensions)

    def message(self, name: str, **fields: str) -> str:
        """The finding message `name` (a key of MESSAGE_FIELDS) in the pack's words, else the default's."""
        return render(self.settings.messages.get(name, DEFAULT_MESSAGES[name]), fields)

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

    def aligned_subject(self, subject: str, attribute: str) -> str:
        """The subject a claim is compared under: an entity that inherits the attribute from
        its parent (`inherits`) is compared as the parent, up the chain."""
        current, seen = subject, set()
        while current not in seen and (entity := self.entities.get(current)) is not None and entity.parent and attribute in entity.inherits:
            seen.add(current)
            current = entity.parent
        return current

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


def base_units(units: Mapping[str, UnitRule]) -> dict[str, str]:
    """Dimension -> its base unit (the unit with factor 1)."""
    return {rule.dimension: unit_id for unit_id, rule in units.items() if rule.factor == 1}
