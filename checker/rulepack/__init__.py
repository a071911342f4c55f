"""The rules pack: entities, attributes, reference facts and settings, loaded from YAML.

A pack is a folder with entities.yaml, attributes.yaml, facts.yaml and settings.yaml.
Everything is validated on load; every problem names the file, the line and the fix,
and all problems of a pack are reported together. The package keeps one job per module:

- `strict`: the base of every validated file model, below the schemas (the language tables use it);
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

Names are imported from their modules on first use (PEP 562), so a command that needs
only the problem types (`checker --help`, `checker explain`) does not build the
validation models.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.rulepack.json_schema import json_schemas, schema_text, write_schemas
    from checker.rulepack.loader import load_rules
    from checker.rulepack.pack import CaseRef, RulePack, bundled_rules_dir, unit_allowed
    from checker.rulepack.problems import ProblemsError, RuleProblem, RulesError
    from checker.rulepack.schema import AttributeRule, CURRENCIES, Case, ClaimExpectation, DEFAULT_ENTITY_TYPES, EntityRule, EntityType, Expectation, FINDING_KINDS, Fact, FindingKind, NAME_ATTRIBUTE, SCHEMA_MODELS, Settings, Source, UNIT_CLASSES

_EXPORTS = {
    "json_schemas": "checker.rulepack.json_schema",
    "schema_text": "checker.rulepack.json_schema",
    "write_schemas": "checker.rulepack.json_schema",
    "bundled_rules_dir": "checker.rulepack.pack",
    "load_rules": "checker.rulepack.loader",
    "CaseRef": "checker.rulepack.pack",
    "RulePack": "checker.rulepack.pack",
    "unit_allowed": "checker.rulepack.pack",
    "ProblemsError": "checker.rulepack.problems",
    "RuleProblem": "checker.rulepack.problems",
    "RulesError": "checker.rulepack.problems",
    "AttributeRule": "checker.rulepack.schema",
    "CURRENCIES": "checker.rulepack.schema",
    "Case": "checker.rulepack.schema",
    "ClaimExpectation": "checker.rulepack.schema",
    "DEFAULT_ENTITY_TYPES": "checker.rulepack.schema",
    "EntityRule": "checker.rulepack.schema",
    "EntityType": "checker.rulepack.schema",
    "Expectation": "checker.rulepack.schema",
    "FINDING_KINDS": "checker.rulepack.schema",
    "Fact": "checker.rulepack.schema",
    "FindingKind": "checker.rulepack.schema",
    "NAME_ATTRIBUTE": "checker.rulepack.schema",
    "SCHEMA_MODELS": "checker.rulepack.schema",
    "Settings": "checker.rulepack.schema",
    "Source": "checker.rulepack.schema",
    "UNIT_CLASSES": "checker.rulepack.schema",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
