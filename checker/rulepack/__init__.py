"""The rules pack: entities, attributes, reference facts and settings, loaded from YAML.

A pack is a folder with entities.yaml, attributes.yaml, facts.yaml and settings.yaml.
Everything is validated on load; every problem names the file, the line and the fix,
and all problems of a pack are reported together. The package keeps one job per module:

- `schema`: the shapes of the rules files (pydantic models);
- `json_schema`: their JSON Schema export for editors;
- `problems`: the problem and error types, shared with the baseline reader;
- `pack`: the runtime `RulePack` the pipeline reads;
- `loader`: reading a pack folder (`load_rules`);
- `parse`, `messages`: validation with line numbers, and errors a curator can act on;
- `lint`, `checks`: the pack checked against the pipeline that will read it, because a
  mistake there fails silently (a word the matcher can never see, a unit without a
  conversion, a fact that can never apply);
- `cases`: the test cases rules carry (`cases:`).
"""

from checker.rulepack.json_schema import json_schemas, schema_text, write_schemas
from checker.rulepack.loader import bundled_rules_dir, load_rules
from checker.rulepack.pack import CaseRef, RulePack, unit_allowed
from checker.rulepack.problems import ProblemsError, RuleProblem, RulesError
from checker.rulepack.schema import (
    CURRENCIES,
    DEFAULT_ENTITY_TYPES,
    FINDING_KINDS,
    NAME_ATTRIBUTE,
    SCHEMA_MODELS,
    UNIT_CLASSES,
    AttributeRule,
    Case,
    ClaimExpectation,
    EntityRule,
    EntityType,
    Expectation,
    Fact,
    FindingKind,
    Settings,
    Source,
)

__all__ = [
    "CURRENCIES",
    "DEFAULT_ENTITY_TYPES",
    "FINDING_KINDS",
    "NAME_ATTRIBUTE",
    "SCHEMA_MODELS",
    "UNIT_CLASSES",
    "AttributeRule",
    "Case",
    "CaseRef",
    "ClaimExpectation",
    "EntityRule",
    "EntityType",
    "Expectation",
    "Fact",
    "FindingKind",
    "ProblemsError",
    "RulePack",
    "RuleProblem",
    "RulesError",
    "Settings",
    "Source",
    "bundled_rules_dir",
    "json_schemas",
    "load_rules",
    "schema_text",
    "unit_allowed",
    "write_schemas",
]
