"""Load a rules pack from its folder: read each file, validate, cross-check, collect cases."""

from __future__ import annotations

from pathlib import Path

from checker.rulepack.cases import check_cases, collect_cases
from checker.rulepack.checks import (
    check_attributes,
    check_entities,
    check_editions,
    check_entity_types,
    check_facts,
    check_inheritance,
    check_units,
)
from checker.rulepack.lint import check_words
from checker.rulepack.messages import did_you_mean
from checker.rulepack.pack import PACK_FILES, RulePack, bundled_rules_dir
from checker.rulepack.parse import Entry, parse_list, parse_map, problem, validate
from checker.rulepack.problems import RuleProblem, RulesError
from checker.rulepack.schema import FINDING_KINDS, AttributeRule, EntityRule, Fact, Settings
from checker.rulepack.templates import MESSAGE_FIELDS, template_problems
from checker.yaml_lines import YamlProblem, load_yaml_with_lines, read_yaml_text



def load_rules(directory: str | Path | None = None) -> RulePack:
    """Load and validate a rules pack; raise RulesError listing every problem."""
    folder = Path(directory) if directory else bundled_rules_dir()
    if not folder.is_dir():
        raise RulesError([RuleProblem(str(folder), None, "rules directory not found", "pass --rules DIR pointing at a folder with entities.yaml", code="RP001")])
    problems: list[RuleProblem] = []
    raw: dict[str, Entry] = {}
    for name in PACK_FILES:
        path = folder / name
        if not path.exists() and not path.is_symlink():
            if name in ("entities.yaml", "attributes.yaml"):
                problems.append(RuleProblem(str(path), None, "required file is missing", f"create {name} (see docs/rules.md)", code="RP001"))
            continue
        try:
            text = read_yaml_text(path)
        except UnicodeDecodeError:
            problems.append(RuleProblem(str(path), None, "file is not UTF-8", "save it as UTF-8", code="RP002"))
            continue
        except YamlProblem as exc:
            problems.append(RuleProblem(str(path), None, f"file {exc}", f"make {name} a UTF-8 text file (see docs/rules.md)", code="RP002"))
            continue
        except OSError as exc:
            problems.append(RuleProblem(str(path), None, f"cannot read file: {exc.strerror or exc}", f"make {name} a readable file", code="RP002"))
            continue
        try:
            data, lines = load_yaml_with_lines(text)
        except YamlProblem as exc:
            problems.append(RuleProblem(str(path), exc.line, str(exc), "correct the YAML syntax", code="RP003"))
            continue
        raw[name] = (data if data is not None else {}, lines, str(path))
    entities = parse_list(raw.get("entities.yaml"), "entities", EntityRule, problems)
    attributes = dict(parse_map(raw.get("attributes.yaml"), "attributes", AttributeRule, problems))
    facts = parse_list(raw.get("facts.yaml"), "facts", Fact, problems)
    settings = parse_settings(raw.get("settings.yaml"), problems)
    # an entry that failed validation is still known by its name, so that references to it
    # are not reported again: one wrong `type` gives one message, not one per fact and case
    invalid_entities = _invalid_names(raw.get("entities.yaml"), "entities", {entity.id for entity, _ in entities})
    invalid_attributes = _invalid_names(raw.get("attributes.yaml"), "attributes", set(attributes))
    entity_map = check_entities(entities, raw.get("entities.yaml"), problems, invalid_entities)
    entities_read = isinstance(_raw_section(raw.get("entities.yaml"), "entities"), list)
    # with an unreadable entities.yaml every entity would look unknown: skip those checks
    known = {**dict.fromkeys(invalid_entities), **entity_map} if entities_read else None
    check_attributes(attributes, settings, raw.get("attributes.yaml"), problems)
    check_entity_types(entities, attributes, settings, raw, problems)
    check_inheritance(entities, attributes, raw.get("entities.yaml"), problems)
    check_editions(entities, settings, raw.get("entities.yaml"), problems)
    check_facts(facts, known, attributes, settings, raw.get("facts.yaml"), problems, invalid_attributes)
    cases = collect_cases(entities, attributes, facts, raw)
    check_cases(cases, known, attributes, problems, invalid_attributes)
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


def _raw_section(entry: Entry | None, key: str) -> object:
    """The parsed YAML under top-level `key`, before validation (None when absent)."""
    return entry[0].get(key) if entry is not None and isinstance(entry[0], dict) else None


def _invalid_names(entry: Entry | None, key: str, valid: set[str]) -> frozenset[str]:
    """Ids (list items) or keys (mappings) of the entries of `key` that failed validation."""
    section = _raw_section(entry, key)
    if isinstance(section, dict):
        names = {str(name) for name in section}
    elif isinstance(section, list):
        names = {str(item["id"]) for item in section if isinstance(item, dict) and isinstance(item.get("id"), str)}
    else:
        names = set()
    return frozenset(names - valid)


def parse_settings(entry: Entry | None, problems: list[RuleProblem]) -> Settings:
    if entry is None:
        return Settings()
    parsed = validate(Settings, entry[0], entry, (), problems)
    if parsed is None:
        return Settings()
    for kind in parsed.severity:
        if kind not in FINDING_KINDS:
            problems.append(problem(entry, ("severity", kind), f"unknown finding kind `{kind}`", did_you_mean(kind, FINDING_KINDS), code="RP021"))
    check_units(parsed, entry, problems)
    for name, template in parsed.messages.items():
        if name not in MESSAGE_FIELDS:
            problems.append(problem(entry, ("messages", name), f"unknown message `{name}`", did_you_mean(name, MESSAGE_FIELDS) or f"use one of: {', '.join(MESSAGE_FIELDS)}", code="RP070"))
            continue
        for message in template_problems(name, template):
            problems.append(problem(entry, ("messages", name), f"message `{name}`: {message}", f"use only {', '.join('{' + f + '}' for f in MESSAGE_FIELDS[name])}", code="RP070"))
    for name, words in parsed.lexicon:
        check_words(entry, ("lexicon", name), "lexicon word", words, problems)
    return parsed
