"""Rules pack tests: the bundled pack loads; every validation error names file, line and fix."""

from __future__ import annotations

import copy
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from checker import yaml_lines
from checker.rulepack import loader as rulepack_loader
from checker.rulepack.problems import PROBLEM_CODES
from checker.rulepack import (
    EntityRule,
    Fact,
    RulePack,
    RuleProblem,
    RulesError,
    Settings,
    Source,
    bundled_rules_dir,
    load_rules,
    unit_allowed,
)
from checker.yaml_lines import YamlProblem, line_of, load_yaml_with_lines

BUNDLED = bundled_rules_dir()
ROOT = Path(__file__).resolve().parents[1]
PACK_NAMES = ("entities.yaml", "attributes.yaml", "facts.yaml", "settings.yaml")


# --- helpers --------------------------------------------------------------------

_PARSED: dict[str, tuple] = {}


@pytest.fixture(autouse=True)
def _reuse_parsed_yaml(monkeypatch):
    """Keep the suite fast: the pure-Python YAML composer costs ~50 ms per bundled file,
    and most tests change one file of four. Identical text parses to identical data, so
    the unchanged files are parsed once; a deep copy keeps every load independent.
    load_yaml_with_lines itself is tested directly below, without this cache."""

    def cached(text: str):
        if text not in _PARSED:
            _PARSED[text] = load_yaml_with_lines(text)
        return copy.deepcopy(_PARSED[text])

    monkeypatch.setattr(rulepack_loader, "load_yaml_with_lines", cached)


@pytest.fixture
def pack(tmp_path) -> Path:
    """A writable copy of the bundled pack."""
    folder = tmp_path / "rules"
    folder.mkdir()
    for name in PACK_NAMES:
        shutil.copy(BUNDLED / name, folder / name)
    return folder


def append(path: Path, text: str) -> None:
    current = path.read_text(encoding="utf-8")
    assert current.endswith("\n")
    path.write_text(current + text, encoding="utf-8")


def replace(path: Path, old: str, new: str) -> None:
    current = path.read_text(encoding="utf-8")
    assert current.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(current.replace(old, new), encoding="utf-8")


def line_with(path: Path, needle: str) -> int:
    """1-based number of the only line containing `needle`."""
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in line]
    assert len(hits) == 1, f"{needle!r} on lines {hits} of {path.name}"
    return hits[0]


def problems_of(folder: Path) -> list[RuleProblem]:
    with pytest.raises(RulesError) as info:
        load_rules(folder)
    problems = info.value.problems
    assert problems
    assert str(info.value) == "\n".join(str(p) for p in problems)
    assert all(p.code in PROBLEM_CODES for p in problems), [str(p) for p in problems if p.code not in PROBLEM_CODES]
    return problems


def in_file(problems: list[RuleProblem], name: str) -> list[RuleProblem]:
    return [p for p in problems if Path(p.file).name == name]


def the_problem(folder: Path, name: str) -> RuleProblem:
    """The one problem reported for file `name` (and no problems in other files)."""
    problems = problems_of(folder)
    assert {Path(p.file).name for p in problems} == {name}, [str(p) for p in problems]
    assert len(problems) == 1, [str(p) for p in problems]
    problem = problems[0]
    assert problem.file == str(folder / name)
    return problem


# --- the bundled pack -----------------------------------------------------------


@pytest.fixture(scope="module")
def bundled() -> RulePack:
    return load_rules()


def test_bundled_pack_loads(bundled):
    assert Path(bundled.directory) == BUNDLED
    assert len(bundled.entities) > 0
    assert len(bundled.attributes) > 0
    assert len(bundled.facts) > 0
    assert all(isinstance(e, EntityRule) for e in bundled.entities.values())
    assert all(isinstance(f, Fact) for f in bundled.facts)
    assert isinstance(bundled.settings, Settings)


def test_bundled_pack_contents(bundled):
    assert bundled.entities["gpt-3"].parent == "openai"
    assert bundled.entities["gpt-3"].type == "model"
    assert "微软" in bundled.entities["microsoft"].aliases
    assert bundled.attributes["parameter_count"].kind == "quantity"
    assert bundled.attributes["parameter_count"].units == ["count"]
    gpt3 = [f for f in bundled.facts if f.subject == "gpt-3" and f.attribute == "parameter_count"]
    assert len(gpt3) == 1
    assert gpt3[0].value == 175_000_000_000
    assert gpt3[0].unit == "count"
    assert gpt3[0].source.url.startswith("https://")
    # every fact refers to known entities and attributes
    for fact in bundled.facts:
        assert fact.subject in bundled.entities
        assert fact.attribute in bundled.attributes


def test_bundled_settings(bundled):
    assert bundled.severity_of("type_conflict") == "warning"
    assert bundled.severity_of("name_variant") == "info"
    assert bundled.severity_of("numeric_mismatch") == "error"
    assert bundled.severity_of("no_such_kind") == "error"
    assert bundled.settings.tolerance.timezone_days == 1
    assert "reported" in bundled.settings.modality_downgrade


def test_copied_pack_loads_equally(pack, bundled):
    loaded = load_rules(pack)
    assert loaded.directory == str(pack)
    assert loaded.entities == bundled.entities
    assert loaded.attributes == bundled.attributes
    assert loaded.facts == bundled.facts
    assert loaded.settings == bundled.settings


def test_optional_files_may_be_missing(pack):
    (pack / "facts.yaml").unlink()
    (pack / "settings.yaml").unlink()
    loaded = load_rules(pack)
    assert loaded.facts == ()
    assert loaded.settings == Settings()
    assert loaded.severity_of("type_conflict") == "error"


def test_empty_settings_file_is_defaults(pack):
    (pack / "settings.yaml").write_text("# nothing set\n", encoding="utf-8")
    assert load_rules(pack).settings == Settings()


def test_utf8_bom_accepted(pack):
    path = pack / "entities.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert "openai" in load_rules(pack).entities


# --- entities.yaml errors -------------------------------------------------------


def test_unknown_key_in_entity_did_you_mean(pack):
    path = pack / "entities.yaml"
    append(path, "  - id: foo-corp\n    type: organization\n    alias: [Foo]\n")
    problems = problems_of(pack)
    assert in_file(problems, "entities.yaml") == problems
    unknown = [p for p in problems if "unknown key" in p.message]
    assert len(unknown) == 1
    assert unknown[0].file == str(path)
    assert unknown[0].line == line_with(path, "alias: [Foo]")
    assert unknown[0].message == "unknown key `alias`"
    assert unknown[0].fix == "did you mean `aliases`?"
    missing = [p for p in problems if "missing" in p.message]
    assert len(missing) == 1
    assert missing[0].message == "required key `aliases` is missing"
    assert missing[0].line == line_with(path, "id: foo-corp")
    assert missing[0].fix == "add `aliases:`"


def test_unknown_key_without_close_match_lists_allowed_keys(pack):
    path = pack / "entities.yaml"
    append(path, "  - id: foo-corp\n    type: organization\n    aliases: [Foo]\n    colour: red\n")
    problem = the_problem(pack, "entities.yaml")
    assert problem.line == line_with(path, "colour: red")
    assert problem.message == "unknown key `colour`"
    assert problem.fix == "allowed keys: id, type, aliases, parent, inherits, edition_of, cases"


def test_wrong_type_value_suggests(pack):
    path = pack / "entities.yaml"
    append(path, "  - id: foo-chip\n    type: chipp\n    aliases: [FooChip]\n")
    problem = the_problem(pack, "entities.yaml")
    assert problem.line == line_with(path, "type: chipp")
    assert problem.message == "type `chipp` is not one of the pack's entity types"
    assert problem.fix == "did you mean `chip`?"
    assert problem.code == "RP021"
    assert str(problem) == f"{path}:{problem.line}: RP021 {problem.message} (fix: did you mean `chip`?)"


def test_duplicate_entity_id(pack):
    path = pack / "entities.yaml"
    append(path, "  - id: openai\n    type: organization\n    aliases: [OpenAI Inc]\n")
    problem = the_problem(pack, "entities.yaml")
    # the second occurrence is reported: the last line with `id: openai`
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.strip() == "- id: openai"]
    assert len(lines) == 2
    assert problem.line == lines[1]
    assert problem.message == "duplicate entity id `openai`"
    assert problem.fix == "give each entity its own id, or merge the two entries"


def test_alias_shared_by_two_entities(pack):
    path = pack / "entities.yaml"
    append(path, "  - id: foo-corp\n    type: organization\n    aliases:\n      - Foo Corp\n      - 微软\n")
    problem = the_problem(pack, "entities.yaml")
    assert problem.line == line_with(path, "      - 微软")
    assert problem.message == "alias `微软` is shared by `microsoft` and `foo-corp`"
    assert problem.fix == "keep the alias on one entity only"


def test_alias_listed_twice_in_one_entity(pack):
    path = pack / "entities.yaml"
    append(path, "  - id: foo-corp\n    type: organization\n    aliases:\n      - Foo Corp\n      - Foo Corp\n")
    problem = the_problem(pack, "entities.yaml")
    assert problem.line == len(path.read_text(encoding="utf-8").splitlines())
    assert problem.message == "alias `Foo Corp` is listed twice for `foo-corp`"
    assert problem.fix == "remove the second one"


def test_one_invalid_entity_gives_one_message_not_one_per_reference(pack):
    """OpenAI is the parent of GPT-3 and ChatGPT and the subject of facts and cases."""
    replace(pack / "entities.yaml", "  - id: openai\n    type: organization\n", "  - id: openai\n    type: organisation\n")
    problems = problems_of(pack)
    assert [(Path(p.file).name, p.message) for p in problems] == [("entities.yaml", "type `organisation` is not one of the pack's entity types")]


def test_one_entity_that_fails_validation_gives_one_message(pack):
    replace(pack / "entities.yaml", "  - id: openai\n    type: organization\n", "  - id: openai\n    type: [organization]\n")
    problems = problems_of(pack)
    assert [(Path(p.file).name, p.message.split(":")[0]) for p in problems] == [("entities.yaml", "`type`")]


def test_a_pack_declares_its_own_entity_types(pack):
    settings = pack / "settings.yaml"
    append(settings, "entity_types: [organization, model, product, platform, chip, person, region, regulation, research_firm, market]\n")
    append(pack / "entities.yaml", "  - id: idc\n    type: research_firm\n    aliases: [IDC]\n")
    loaded = load_rules(pack)
    assert loaded.entities["idc"].type == "research_firm"
    assert loaded.settings.entity_types[-2:] == ["research_firm", "market"]


def test_types_outside_the_declared_ones_are_named_where_they_are_used(pack):
    append(pack / "settings.yaml", "entity_types: [organization, model, product, platform, person]\n")  # no chip
    problems = problems_of(pack)
    assert "type label `chip` is not one of the pack's entity types" in {p.message for p in problems}
    assert all(p.fix.startswith("declare it under `entity_types:`") or p.fix.startswith("did you mean") for p in problems)


def test_one_invalid_attribute_gives_one_message_not_one_per_fact_and_case(pack):
    path = pack / "attributes.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  parameter_count:")
    kind = text.index("kind: quantity", start)
    path.write_text(text[:kind] + "kind: quantitty" + text[kind + len("kind: quantity"):], encoding="utf-8")
    problems = problems_of(pack)
    assert [(Path(p.file).name, p.message.split(":")[0]) for p in problems] == [("attributes.yaml", "`kind`")]
    assert problems[0].fix == "did you mean `quantity`?"


def test_facts_about_truly_unknown_entities_are_still_reported_beside_an_invalid_one(pack):
    replace(pack / "entities.yaml", "  - id: openai\n    type: organization\n", "  - id: openai\n    type: organisation\n")
    append(pack / "facts.yaml", "  - subject: nobody-corp\n    attribute: employees\n    value: 3\n    unit: count\n    source: {title: A, url: \"https://example.org\"}\n")
    messages = [p.message for p in problems_of(pack)]
    assert "fact about unknown entity `nobody-corp`" in messages
    assert not any("`openai`" in m for m in messages)


def test_unknown_parent_did_you_mean(pack):
    path = pack / "entities.yaml"
    append(path, "  - id: foo-corp\n    type: organization\n    parent: alphabett\n    aliases: [Foo]\n")
    problem = the_problem(pack, "entities.yaml")
    assert problem.line == line_with(path, "parent: alphabett")
    assert problem.message == "parent `alphabett` of `foo-corp` is not a known entity"
    assert problem.fix == "did you mean `alphabet`?"


def test_unknown_parent_without_close_match(pack):
    path = pack / "entities.yaml"
    append(path, "  - id: foo-corp\n    type: organization\n    parent: zzqqxx\n    aliases: [Foo]\n")
    problem = the_problem(pack, "entities.yaml")
    assert problem.line == line_with(path, "parent: zzqqxx")
    assert problem.fix == "add that entity or remove `parent`"


def test_parent_may_be_declared_later(pack):
    append(pack / "entities.yaml", "  - id: child\n    type: organization\n    parent: later\n    aliases: [Child]\n"
           "  - id: later\n    type: organization\n    aliases: [Later]\n")
    loaded = load_rules(pack)
    assert loaded.ancestors("child") == ["child", "later"]


def test_empty_aliases_rejected(pack):
    path = pack / "entities.yaml"
    append(path, "  - id: foo-corp\n    type: organization\n    aliases: []\n")
    problem = the_problem(pack, "entities.yaml")
    assert problem.line == line_with(path, "aliases: []")
    assert problem.message.startswith("`aliases`:")


def test_entities_not_a_list(pack):
    path = pack / "entities.yaml"
    path.write_text("entities:\n  openai: {type: organization}\n", encoding="utf-8")
    problems = in_file(problems_of(pack), "entities.yaml")
    assert len(problems) == 1
    assert problems[0].line == 1
    assert problems[0].message == "`entities` must be a list"


def test_entities_top_level_key_missing_and_unknown(pack):
    path = pack / "entities.yaml"
    path.write_text("entitys: []\n", encoding="utf-8")
    problems = in_file(problems_of(pack), "entities.yaml")
    assert len(problems) == 1
    assert problems[0].line == 1
    assert problems[0].message == "top-level key `entities` is missing"
    assert problems[0].fix == "start the file with `entities:`"


def test_unknown_top_level_key(pack):
    path = pack / "entities.yaml"
    append(path, "extras:\n  - 1\n")
    problem = the_problem(pack, "entities.yaml")
    assert problem.line == line_with(path, "extras:")
    assert problem.message == "unknown top-level key `extras`"


# --- attributes.yaml errors -----------------------------------------------------


def test_quantity_attribute_without_units(pack):
    path = pack / "attributes.yaml"
    append(path, "  widget_count:\n    kind: quantity\n    triggers: [widgets]\n")
    problem = the_problem(pack, "attributes.yaml")
    assert problem.line == line_with(path, "widget_count:")
    assert "a quantity attribute needs `units`" in problem.message


def test_attribute_with_unknown_unit(pack):
    path = pack / "attributes.yaml"
    append(path, "  widget_count:\n    kind: quantity\n    units: [count, bananas]\n    triggers: [widgets]\n")
    problem = the_problem(pack, "attributes.yaml")
    assert problem.line == line_with(path, "units: [count, bananas]")
    assert problem.message == "unit `bananas` has no conversion"
    assert problem.fix == "declare it under `units:` in settings.yaml (dimension, factor, words), or use one of count, percent, currency or a currency code"


def test_attribute_without_triggers(pack):
    path = pack / "attributes.yaml"
    append(path, "  launch_day:\n    kind: date\n")
    problem = the_problem(pack, "attributes.yaml")
    assert problem.line == line_with(path, "launch_day:")
    assert "a date attribute needs at least one trigger word" in problem.message


def test_attribute_unknown_kind(pack):
    path = pack / "attributes.yaml"
    append(path, "  widget_count:\n    kind: quantty\n    units: [count]\n    triggers: [widgets]\n")
    problem = the_problem(pack, "attributes.yaml")
    assert problem.line == line_with(path, "kind: quantty")
    assert problem.fix == "did you mean `quantity`?"


# --- facts.yaml errors ----------------------------------------------------------

SOURCE = "    source: {title: Test source, url: 'https://example.com/s'}\n"


def test_fact_about_unknown_entity(pack):
    path = pack / "facts.yaml"
    append(path, "  - subject: gpt-33\n    attribute: parameter_count\n    value: 1\n    unit: count\n" + SOURCE)
    problem = the_problem(pack, "facts.yaml")
    assert problem.line == line_with(path, "subject: gpt-33")
    assert problem.message == "fact about unknown entity `gpt-33`"
    assert problem.fix == "did you mean `gpt-3`?"


def test_fact_about_unknown_entity_without_close_match(pack):
    path = pack / "facts.yaml"
    append(path, "  - subject: qqzzxx\n    attribute: parameter_count\n    value: 1\n    unit: count\n" + SOURCE)
    problem = the_problem(pack, "facts.yaml")
    assert problem.line == line_with(path, "subject: qqzzxx")
    assert problem.fix == "add the entity to entities.yaml"


def test_fact_about_unknown_attribute(pack):
    path = pack / "facts.yaml"
    append(path, "  - subject: gpt-3\n    attribute: parameter_cont\n    value: 1\n    unit: count\n" + SOURCE)
    problem = the_problem(pack, "facts.yaml")
    assert problem.line == line_with(path, "attribute: parameter_cont")
    assert problem.message == "fact about unknown attribute `parameter_cont`"
    assert problem.fix == "did you mean `parameter_count`?"


def test_fact_with_unit_not_allowed(pack):
    path = pack / "facts.yaml"
    append(path, "  - subject: gpt-2\n    attribute: parameter_count\n    value: 1\n    unit: USD  # wrong\n" + SOURCE)
    problem = the_problem(pack, "facts.yaml")
    assert problem.line == line_with(path, "unit: USD  # wrong")
    assert problem.message == "unit `USD` does not fit attribute `parameter_count` (count)"
    assert problem.fix == "use a unit the attribute allows"


def test_currency_unit_fits_currency_class(pack):
    append(pack / "facts.yaml", "  - subject: openai\n    attribute: valuation\n    value: 29000000000\n    unit: EUR\n" + SOURCE)
    loaded = load_rules(pack)
    assert loaded.facts[-1].unit == "EUR"


def test_numeric_fact_without_unit(pack):
    path = pack / "facts.yaml"
    append(path, "  - subject: gpt-2\n    attribute: parameter_count\n    value: 1500000000\n" + SOURCE)
    problem = the_problem(pack, "facts.yaml")
    assert problem.line == line_with(path, "- subject: gpt-2")
    assert problem.message == "a numeric fact needs `unit`"
    assert problem.fix == "add `unit:` (one of count)"


def test_fact_object_unknown(pack):
    path = pack / "facts.yaml"
    append(path, "  - subject: microsoft\n    attribute: investment\n    object: opnai\n    value: 1\n    unit: USD\n" + SOURCE)
    problem = the_problem(pack, "facts.yaml")
    assert problem.line == line_with(path, "object: opnai")
    assert problem.message == "fact object `opnai` is not a known entity"
    assert problem.fix == "did you mean `openai`?"


def test_entity_valued_fact_with_unknown_entity(pack):
    path = pack / "facts.yaml"
    append(path, "  - subject: gpt-2\n    attribute: developer\n    value: open-ai-lab\n" + SOURCE)
    problem = the_problem(pack, "facts.yaml")
    assert problem.line == line_with(path, "value: open-ai-lab")
    assert problem.message == "`open-ai-lab` is not a known entity"


def test_fact_without_value(pack):
    path = pack / "facts.yaml"
    append(path, "  - subject: gpt-2\n    attribute: parameter_count\n    low: 1\n    unit: count\n" + SOURCE)
    problem = the_problem(pack, "facts.yaml")
    assert problem.line == line_with(path, "- subject: gpt-2")
    assert "a fact needs `value`, or both `low` and `high`" in problem.message


def test_fact_without_source(pack):
    path = pack / "facts.yaml"
    append(path, "  - subject: gpt-2\n    attribute: parameter_count\n    value: 1\n    unit: count\n")
    problem = the_problem(pack, "facts.yaml")
    assert problem.line == line_with(path, "- subject: gpt-2")
    assert problem.message == "required key `source` is missing"
    assert problem.fix == "add `source:`"


def test_fact_source_missing_url(pack):
    path = pack / "facts.yaml"
    append(path, "  - subject: gpt-2\n    attribute: parameter_count\n    value: 1\n    unit: count\n    source:\n      title: no url here\n")
    problem = the_problem(pack, "facts.yaml")
    assert problem.line == line_with(path, "title: no url here") - 1  # the `source:` line
    assert problem.message == "required key `source.url` is missing"


# --- YAML-level errors ----------------------------------------------------------


def test_yaml_syntax_error_line(pack):
    path = pack / "entities.yaml"
    append(path, "  - id: foo-corp\n    type: organization: broken\n    aliases: [Foo]\n")
    problems = in_file(problems_of(pack), "entities.yaml")
    assert len(problems) == 1
    assert problems[0].line == line_with(path, "organization: broken")
    assert problems[0].message.startswith("YAML syntax error:")
    assert "mapping values are not allowed" in problems[0].message
    assert problems[0].fix == "correct the YAML syntax"


def test_yaml_syntax_error_in_settings_only(pack):
    path = pack / "settings.yaml"
    replace(path, "  timezone_days: 1", "  timezone_days: [1")
    problem = the_problem(pack, "settings.yaml")
    assert problem.message.startswith("YAML syntax error:")
    assert problem.line is not None and problem.line >= line_with(path, "timezone_days: [1")


def test_duplicate_key_in_mapping(pack):
    path = pack / "entities.yaml"
    append(path, "  - id: foo-corp\n    type: organization\n    aliases: [Foo]\n    id: bar-corp\n")
    problems = in_file(problems_of(pack), "entities.yaml")
    assert len(problems) == 1
    assert problems[0].line == line_with(path, "id: bar-corp")
    assert problems[0].message == "duplicate key 'id'"


def test_duplicate_key_in_settings(pack):
    path = pack / "settings.yaml"
    replace(path, "  name_variant: info\n", "  name_variant: info\n  name_variant: error  # again\n")
    problem = the_problem(pack, "settings.yaml")
    assert problem.line == line_with(path, "name_variant: error  # again")
    assert problem.message == "duplicate key 'name_variant'"


def test_missing_entities_yaml(pack):
    (pack / "entities.yaml").unlink()
    problems = in_file(problems_of(pack), "entities.yaml")
    assert problems == [
        RuleProblem(str(pack / "entities.yaml"), None, "required file is missing", "create entities.yaml (see docs/rules.md)", "RP001")
    ]
    assert str(problems[0]) == f"{pack / 'entities.yaml'}: RP001 required file is missing (fix: create entities.yaml (see docs/rules.md))"


def test_missing_attributes_yaml(pack):
    (pack / "attributes.yaml").unlink()
    problems = in_file(problems_of(pack), "attributes.yaml")
    assert [(p.line, p.message) for p in problems] == [(None, "required file is missing")]


def test_missing_rules_directory(tmp_path):
    missing = tmp_path / "no-rules"
    problems = problems_of(missing)
    assert problems == [
        RuleProblem(str(missing), None, "rules directory not found", "pass --rules DIR pointing at a folder with entities.yaml", "RP001")
    ]


def test_non_utf8_file(pack):
    path = pack / "settings.yaml"
    path.write_bytes(path.read_bytes() + "# café\n".encode("latin-1"))
    problem = the_problem(pack, "settings.yaml")
    assert problem.line is None
    assert problem.message == "file is not UTF-8"
    assert problem.fix == "save it as UTF-8"


def test_unknown_severity_kind(pack):
    path = pack / "settings.yaml"
    replace(path, "  name_variant: info\n", "  name_variant: info\n  name_varient: info\n")
    problem = the_problem(pack, "settings.yaml")
    assert problem.line == line_with(path, "name_varient: info")
    assert problem.message == "unknown finding kind `name_varient`"
    assert problem.fix == "did you mean `name_variant`?"


def test_unknown_severity_level(pack):
    path = pack / "settings.yaml"
    replace(path, "  name_variant: info\n", "  name_variant: loud\n")
    problem = the_problem(pack, "settings.yaml")
    assert problem.line == line_with(path, "name_variant: loud")
    assert "severity.name_variant" in problem.message
    assert problem.fix == "use 'error', 'warning' or 'info'"


def test_settings_value_out_of_range(pack):
    path = pack / "settings.yaml"
    replace(path, "  timezone_days: 1 ", "  timezone_days: 9 ")
    problem = the_problem(pack, "settings.yaml")
    assert problem.line == line_with(path, "timezone_days: 9")
    assert "tolerance.timezone_days" in problem.message


BOMB = "".join(
    f"{name}: &{name} [{', '.join([prev] * 10)}]\n"
    for name, prev in zip("bcdefghi", ["x"] + [f"*{c}" for c in "bcdefgh"])
)


def test_alias_bomb_rejected(pack):
    path = pack / "settings.yaml"
    path.write_text(BOMB, encoding="utf-8")
    problem = the_problem(pack, "settings.yaml")
    assert f"more than {yaml_lines.MAX_NODES} nodes" in problem.message
    assert problem.line is not None


def test_alias_bomb_stops_at_budget(monkeypatch):
    monkeypatch.setattr(yaml_lines, "MAX_NODES", 500)
    with pytest.raises(YamlProblem, match="more than 500 nodes"):
        load_yaml_with_lines(BOMB)


def test_aliases_below_budget_are_expanded():
    data, _ = load_yaml_with_lines("a: &a [1, 2]\nb: [*a, *a]\n")
    assert data == {"a": [1, 2], "b": [[1, 2], [1, 2]]}


def test_python_tag_is_an_error(pack):
    path = pack / "entities.yaml"
    append(path, "  - id: foo-corp\n    type: !!python/name:os.system\n    aliases: [Foo]\n")
    problems = in_file(problems_of(pack), "entities.yaml")
    assert len(problems) == 1
    assert problems[0].line == line_with(path, "!!python/name:os.system")
    assert problems[0].message.startswith("unsupported value:")
    assert "python/name:os.system" in problems[0].message


def test_python_object_scalar_tag_is_an_error():
    with pytest.raises(YamlProblem, match="unsupported value") as info:
        load_yaml_with_lines("ok: 1\nbad: !!python/object:builtins.object ''\n")
    assert info.value.line == 2


def test_python_apply_tag_not_executed(pack, tmp_path):
    marker = tmp_path / "executed"
    path = pack / "settings.yaml"
    replace(path, "values:\n", f"values: !!python/object/apply:os.system ['touch {marker}']\n")
    replace(path, "  near_fraction: 0.1", "#")
    replace(path, "  approx_fraction: 0.1", "#")
    with pytest.raises(RulesError):
        load_rules(pack)
    assert not marker.exists()


# --- all problems together ------------------------------------------------------


def test_all_problems_reported_together(pack):
    entities = pack / "entities.yaml"
    facts = pack / "facts.yaml"
    append(entities, "  - id: foo-chip\n    type: chipp\n    aliases: [FooChip]\n")
    append(facts, "  - subject: gpt-3\n    attribute: parameter_cont\n    value: 1\n    unit: count\n" + SOURCE)
    problems = problems_of(pack)
    assert [(Path(p.file).name, p.line) for p in problems] == [
        ("entities.yaml", line_with(entities, "type: chipp")),
        ("facts.yaml", line_with(facts, "attribute: parameter_cont")),
    ]


def test_several_problems_in_one_file(pack):
    path = pack / "entities.yaml"
    append(path, "  - id: openai\n    type: organization\n    aliases: [OpenAI LP]\n"
                 "  - id: foo-corp\n    type: organization\n    parent: nobody-at-all\n    aliases: [Foo]\n")
    problems = problems_of(pack)
    assert sorted(p.message for p in problems) == [
        "duplicate entity id `openai`",
        "parent `nobody-at-all` of `foo-corp` is not a known entity",
    ]


# --- yaml_lines -----------------------------------------------------------------


def test_load_yaml_with_lines_map():
    data, lines = load_yaml_with_lines("top:\n  - id: a\n    names: [x, y]\n  - id: b\n")
    assert data == {"top": [{"id": "a", "names": ["x", "y"]}, {"id": "b"}]}
    assert lines[("top",)] == 1
    assert lines[("top", 0)] == 2
    assert lines[("top", 0, "names")] == 3
    assert lines[("top", 1, "id")] == 4
    assert line_of(lines, ("top", 1, "id", "deeper")) == 4
    assert line_of(lines, ("nothing",)) == 1
    assert line_of({}, ("x",)) is None


def test_load_yaml_empty_document():
    assert load_yaml_with_lines("") == (None, {})
    assert load_yaml_with_lines("# only a comment\n") == (None, {})


def test_load_yaml_safe_scalars():
    data, _ = load_yaml_with_lines("d: 2023-02-03\nn: 12\nf: 0.5\nb: true\ns: '007'\n")
    assert data == {"d": dt.date(2023, 2, 3), "n": 12, "f": 0.5, "b": True, "s": "007"}


def test_load_yaml_syntax_error_line():
    with pytest.raises(YamlProblem) as info:
        load_yaml_with_lines("a: 1\nb: [2\nc: 3\n")
    assert info.value.line is not None
    assert str(info.value).startswith("YAML syntax error")


def test_load_yaml_duplicate_key_line():
    with pytest.raises(YamlProblem) as info:
        load_yaml_with_lines("a: 1\nb: 2\na: 3\n")
    assert info.value.line == 3
    assert str(info.value) == "duplicate key 'a'"


def test_load_yaml_multiple_documents_rejected():
    with pytest.raises(YamlProblem):
        load_yaml_with_lines("a: 1\n---\nb: 2\n")


# --- RulePack helpers and Fact.holds_on ----------------------------------------


def test_ancestors(bundled):
    assert bundled.ancestors("m6") == ["m6", "damo-academy", "alibaba"]
    assert bundled.ancestors("google") == ["google", "alphabet"]
    assert bundled.ancestors("openai") == ["openai"]
    assert bundled.ancestors("not-an-entity") == ["not-an-entity"]


def test_ancestors_stops_on_cycle():
    rule = lambda i, parent: EntityRule(id=i, type="organization", aliases=[i.upper()], parent=parent)  # noqa: E731
    pack = RulePack("x", {"a": rule("a", "b"), "b": rule("b", "a")}, {}, (), Settings())
    assert pack.ancestors("a") == ["a", "b"]
    assert pack.ancestors("b") == ["b", "a"]
    assert pack.related("a", "b")


def test_related(bundled):
    assert bundled.related("google", "alphabet")
    assert bundled.related("alphabet", "google")
    assert bundled.related("m6", "alibaba")
    assert bundled.related("alibaba", "m6")
    assert bundled.related("openai", "openai")
    assert not bundled.related("google", "microsoft")
    assert not bundled.related("damo-academy", "alibaba-cloud")  # siblings
    assert not bundled.related("m6", "alibaba-cloud")


def test_types_compatible(bundled):
    assert bundled.types_compatible("model", "product")
    assert bundled.types_compatible("product", "platform")
    assert bundled.types_compatible("chip", "chip")
    assert not bundled.types_compatible("model", "chip")
    assert not bundled.types_compatible("organization", "person")
    assert not RulePack("x", {}, {}, (), Settings()).types_compatible("model", "product")


def test_unit_allowed():
    assert unit_allowed("count", ["count"])
    assert unit_allowed("USD", ["currency"])
    assert unit_allowed("percent", ["currency", "percent"])
    assert not unit_allowed("USD", ["count"])
    assert not unit_allowed("percent", ["currency"])


def _fact(**dates) -> Fact:
    return Fact(subject="s", attribute="a", value=1, unit="count", source=Source(title="t", url="u"), **dates)


def test_holds_on_without_dates():
    fact = _fact()
    assert fact.holds_on(None)
    assert fact.holds_on(dt.date(1990, 1, 1))
    assert fact.holds_on(dt.date(2100, 1, 1))


def test_holds_on_as_of():
    fact = _fact(as_of=dt.date(2023, 1, 23))
    assert fact.holds_on(None)
    assert not fact.holds_on(dt.date(2023, 1, 22))
    assert fact.holds_on(dt.date(2023, 1, 23))
    assert fact.holds_on(dt.date(2030, 1, 1))


def test_holds_on_validity_window_inclusive():
    fact = _fact(valid_from=dt.date(2022, 10, 17), valid_to=dt.date(2023, 12, 31))
    assert not fact.holds_on(dt.date(2022, 10, 16))
    assert fact.holds_on(dt.date(2022, 10, 17))
    assert fact.holds_on(dt.date(2023, 6, 1))
    assert fact.holds_on(dt.date(2023, 12, 31))
    assert not fact.holds_on(dt.date(2024, 1, 1))
    assert fact.holds_on(None)


def test_holds_on_valid_from_takes_precedence_over_as_of():
    fact = _fact(as_of=dt.date(2023, 1, 1), valid_from=dt.date(2022, 1, 1))
    assert fact.holds_on(dt.date(2022, 6, 1))
    only_to = _fact(valid_to=dt.date(2020, 1, 1))
    assert only_to.holds_on(dt.date(2019, 1, 1))
    assert not only_to.holds_on(dt.date(2020, 1, 2))


def test_bundled_facts_with_windows(bundled):
    windowed = [f for f in bundled.facts if f.valid_from and f.valid_to]
    assert windowed
    for fact in windowed:
        assert fact.holds_on(fact.valid_from)
        assert fact.holds_on(fact.valid_to)
        assert not fact.holds_on(fact.valid_from - dt.timedelta(days=1))
        assert not fact.holds_on(fact.valid_to + dt.timedelta(days=1))


# --- inheritance: a child entity compared with its parent on the attributes it inherits ---


def _phones(pack: Path, inherits: str) -> None:
    append(
        pack / "entities.yaml",
        "  - id: foo-phone\n    type: product\n    aliases: [Foo Phone]\n"
        f"  - id: foo-phone-pro\n    type: product\n    parent: foo-phone\n{inherits}    aliases: [Foo Phone Pro]\n",
    )


@pytest.mark.parametrize(("inherits", "conflicts"), [("    inherits: [release_date]\n", True), ("", False)])
def test_a_child_is_compared_with_its_parent_only_on_what_it_inherits(pack, inherits, conflicts):
    from checker.detect import detect
    from checker.extract import extract_article
    from checker.load import make_article

    _phones(pack, inherits)
    loaded = load_rules(pack)
    texts = ["Foo Phone于2023年3月1日发布。", "Foo Phone Pro于2023年4月5日发布，售价999美元。", "Foo Phone售价699美元。"]
    articles = [make_article(f"a{n}", f"a{n}.md", text, {}, 0, dt.date(2023, 5, 1)) for n, text in enumerate(texts)]
    claims = [c for a in articles for c in extract_article(a, loaded).claims]
    findings, _ = detect(claims, articles, loaded)
    dates = [f for f in findings if f.kind == "date_conflict"]
    assert [(f.subject, sorted(e.article for e in f.evidence)) for f in dates] == ([("foo-phone", ["a0", "a1"])] if conflicts else [])
    assert not [f for f in findings if f.kind == "numeric_mismatch"]  # the price is not inherited


def test_inherits_needs_a_parent_and_known_attributes(pack):
    append(pack / "entities.yaml", "  - id: foo-phone\n    type: product\n    aliases: [Foo Phone]\n    inherits: [release_dat]\n")
    messages = {(p.message, p.fix) for p in problems_of(pack)}
    assert ("`foo-phone` inherits attributes but has no `parent`", "add `parent:` or remove `inherits`") in messages
    assert ("`foo-phone` inherits unknown attribute `release_dat`", "did you mean `release_date`?") in messages


def test_an_edition_names_a_known_base_and_edition(pack):
    append(pack / "entities.yaml", "  - id: foo-chip-cn\n    type: chip\n    aliases: [Foo CN]\n    edition_of: {entity: nvidia-a10, edition: chna}\n")
    messages = {(p.message, p.fix) for p in problems_of(pack)}
    assert ("`foo-chip-cn` is an edition of unknown entity `nvidia-a10`", "did you mean `nvidia-a100`?") in messages
    assert ("edition `chna` of `foo-chip-cn` is not a key of `lexicon.editions`", "did you mean `china`?") in messages


def test_problem_codes_are_documented_one_to_one():
    docs = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    documented = dict(re.findall(r"^\| `((?:RP|BL)\d{3})` \| (.+) \|$", docs, flags=re.M))
    assert documented == PROBLEM_CODES
