"""`checker rules validate`, `checker rules schema` and the checks behind them.

Every check is exercised on a copy of the bundled pack with one mistake added, and the
test asserts the exact message, fix and line, so a curator reading `file:line: message
(fix: ...)` can trust all three.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from checker.cli import app
from checker.cli.rules import summary, validate_rules
from checker.rulepack import (
    SCHEMA_MODELS,
    bundled_rules_dir,
    json_schemas,
    load_rules,
    schema_text,
)
from checker.yaml_lines import load_yaml_with_lines
from tests.conftest import ROOT
from tests.test_rulepack import (
    BOMB,
    _reuse_parsed_yaml,  # noqa: F401  (autouse: parse each unchanged file once)
    append,
    line_with,
    the_problem,
)

runner = CliRunner()
SCHEMAS = ROOT / "docs" / "schemas"
SOURCE = "    source: {title: Test source, url: 'https://example.com/s'}\n"


@pytest.fixture
def pack(tmp_path) -> Path:
    """A writable copy of the bundled pack (its files only)."""
    folder = tmp_path / "rules"
    folder.mkdir()
    for name in ("entities.yaml", "attributes.yaml", "facts.yaml", "settings.yaml"):
        (folder / name).write_bytes((bundled_rules_dir() / name).read_bytes())
    return folder


def check(pack: Path, name: str, needle: str, message: str, fix: str) -> None:
    """The pack has exactly one problem: in `name`, on the line holding `needle`."""
    problem = the_problem(pack, name)
    assert (problem.message, problem.fix) == (message, fix)
    assert problem.line == line_with(pack / name, needle)


def add_entity(pack: Path, aliases: str, extra: str = "") -> None:
    append(pack / "entities.yaml", f"  - id: foo-corp\n    type: organization\n    aliases: {aliases}\n{extra}")


def add_attribute(pack: Path, body: str) -> None:
    append(pack / "attributes.yaml", "  widget_count:\n" + body)


QUANTITY = "    kind: quantity\n    units: [count]\n"


# --- words the matcher can never see --------------------------------------------------------


def test_alias_in_traditional_already_listed(pack):
    add_entity(pack, "[Foo Corp, 福酷電子, 福酷电子]")
    check(pack, "entities.yaml", "福酷電子", "alias `福酷電子` can never match: text is folded to `福酷电子` before matching", "remove it; `福酷电子` is listed and matches both forms")


def test_alias_in_traditional_not_listed(pack):
    add_entity(pack, "[Foo Corp, 輝煌科技]")
    check(pack, "entities.yaml", "輝煌科技", "alias `輝煌科技` can never match: text is folded to `辉煌科技` before matching", "write `辉煌科技` instead; it matches both forms")


def test_alias_in_full_width(pack):
    add_entity(pack, "[Foo Corp, ＦＯＯ]")
    check(pack, "entities.yaml", "ＦＯＯ", "alias `ＦＯＯ` can never match: text is folded to `FOO` before matching", "write `FOO` instead; it matches both forms")


def test_empty_alias(pack):
    add_entity(pack, "[Foo Corp, '  ']")
    check(pack, "entities.yaml", "Foo Corp, '  '", "empty alias", "remove it: an empty word would match everywhere")


def test_alias_only_punctuation(pack):
    add_entity(pack, "[Foo Corp, '·']")
    check(pack, "entities.yaml", "'·'", "alias `·` is only punctuation", "write a word: an alias needs a letter, a digit or a CJK character")


def test_trigger_in_traditional(pack):
    add_attribute(pack, QUANTITY + "    triggers: [零件, 零件數量]\n")
    check(pack, "attributes.yaml", "零件數量", "trigger `零件數量` can never match: text is folded to `零件数量` before matching", "write `零件数量` instead; it matches both forms")


def test_empty_trigger(pack):
    add_attribute(pack, QUANTITY + "    triggers: [零件, '']\n")
    check(pack, "attributes.yaml", "triggers: [零件, '']", "empty trigger", "remove it: an empty word would match everywhere")


def test_trigger_only_punctuation(pack):
    add_attribute(pack, QUANTITY + "    triggers: [零件, '%']\n")
    check(pack, "attributes.yaml", "triggers: [零件, '%']", "trigger `%` is only punctuation", "write a word: a trigger needs a letter, a digit or a CJK character")


def test_quantity_trigger_across_a_clause_break(pack):
    add_attribute(pack, QUANTITY + "    triggers: [零件, '零件,数量']\n")
    check(pack, "attributes.yaml", "零件,数量", "trigger `零件,数量` spans a clause break `,` but is matched within one clause", "split it at `,` or drop what follows")


def test_full_width_punctuation_is_folded_before_matching(pack):
    add_attribute(pack, QUANTITY + "    triggers: [零件, '零件，数量']\n")
    check(pack, "attributes.yaml", "零件，数量", "trigger `零件，数量` can never match: text is folded to `零件,数量` before matching", "write `零件,数量` instead; it matches both forms")


def test_clause_break_at_the_end_of_a_trigger_can_match(pack):
    add_attribute(pack, QUANTITY + "    triggers: [零件, '零件:']\n")
    assert "widget_count" in load_rules(pack).attributes


def test_date_trigger_may_span_a_clause(pack):
    append(pack / "attributes.yaml", "  opening_day:\n    kind: date\n    triggers: [开业, '开业,正式']\n")
    assert "opening_day" in load_rules(pack).attributes


def test_trigger_containing_a_forbid_word(pack):
    add_attribute(pack, QUANTITY + "    triggers: [零件, 单个零件]\n    forbid: [单个]\n")
    check(pack, "attributes.yaml", "triggers: [零件, 单个零件]", "trigger `单个零件` contains the forbid word `单个` of its attribute, so it can never match", "remove the trigger, or narrow the forbid word")


def test_english_trigger_equal_to_forbid_word_ignoring_case(pack):
    add_attribute(pack, QUANTITY + "    triggers: [parts, Per Unit]\n    forbid: [per unit]\n")
    check(pack, "attributes.yaml", "triggers: [parts, Per Unit]", "trigger `Per Unit` contains the forbid word `Per Unit` of its attribute, so it can never match", "remove the trigger, or narrow the forbid word")


def test_forbid_word_in_traditional(pack):
    add_attribute(pack, QUANTITY + "    triggers: [零件]\n    forbid: [單個]\n")
    check(pack, "attributes.yaml", "forbid: [單個]", "forbid word `單個` can never match: text is folded to `单个` before matching", "write `单个` instead; it matches both forms")


NEGATION = "  no_widgets:\n    kind: negation\n    subject_types: [organization]\n    negation_cues: [没有]\n"


def test_object_marker_longer_than_the_reach(pack):
    add_attribute(pack, QUANTITY + "    triggers: [零件]\n    object_types: [organization]\n    object_markers: [向, invested into]\n")
    check(pack, "attributes.yaml", "object_markers: [向, invested into]", "object marker `invested into` has 13 characters and can never match: it is looked for within 6 characters before the object's name", "use a word of at most 6 characters")


def test_object_marker_with_a_trailing_space(pack):
    add_attribute(pack, QUANTITY + "    triggers: [零件]\n    object_types: [organization]\n    object_markers: [向, 'in ']\n")
    check(pack, "attributes.yaml", "object_markers: [向, 'in ']", "object marker `in ` ends with a space, but the text before a name is compared without trailing spaces", "remove the trailing space")


def test_type_word_in_traditional(pack):
    append(pack / "attributes.yaml", "  widget_type:\n    kind: type\n    type_words:\n      chip: [晶片, 處理器]\n")
    check(pack, "attributes.yaml", "chip: [晶片, 處理器]", "type word `處理器` can never match: text is folded to `处理器` before matching", "write `处理器` instead; it matches both forms")


# --- keys, kinds and cross references of attributes -------------------------------------------


def test_key_without_effect_on_the_kind(pack):
    append(pack / "attributes.yaml", "  maker:\n    kind: entity\n    triggers: [制造]\n    object_types: [organization]  # here\n")
    check(pack, "attributes.yaml", "# here", "`object_types` has no effect on an entity attribute", "remove it; entity attributes read subject_types, triggers, passive, possessive, joint, nominal, forbid")


def test_object_types_without_markers(pack):
    add_attribute(pack, QUANTITY + "    triggers: [零件]\n    object_types: [organization]  # no markers\n")
    check(pack, "attributes.yaml", "# no markers", "`object_types` without `object_markers` never finds an object", "add `object_markers:` (向, in ...)")


def test_contradicted_by_must_be_an_entity_attribute(pack):
    append(pack / "attributes.yaml", NEGATION + "    triggers: [发布]\n    objects: [零件]\n    contradicted_by: developr\n")
    check(pack, "attributes.yaml", "contradicted_by: developr", "`contradicted_by` must name an entity attribute, not `developr`", "did you mean `developer`?")


def test_negation_needs_cues_and_objects(pack):
    append(pack / "attributes.yaml", "  no_widgets:\n    kind: negation\n    triggers: [发布]\n")
    check(pack, "attributes.yaml", "no_widgets:", "a negation attribute needs `negation_cues`, and `objects` or `object_types`", "add the cues and what is denied")


def test_type_needs_type_words(pack):
    append(pack / "attributes.yaml", "  widget_type:\n    kind: type\n")
    check(pack, "attributes.yaml", "widget_type:", "a type attribute needs `type_words`", "add `type_words:` mapping type labels to words")


def test_unit_without_conversion_suggests_a_declared_unit(pack):
    append(pack / "settings.yaml", "units:\n  kWh: {dimension: energy, factor: 1, words: [kWh]}\n")
    add_attribute(pack, "    kind: quantity\n    units: [kwh]\n    triggers: [电池]\n")
    check(pack, "attributes.yaml", "units: [kwh]", "unit `kwh` has no conversion", "did you mean `kWh`?")


def test_declared_unit_and_dimension_are_units(pack):
    append(pack / "settings.yaml", "units:\n  kWh: {dimension: energy, factor: 1, words: [kWh]}\n")
    add_attribute(pack, "    kind: quantity\n    units: [kWh, energy]\n    triggers: [电池]\n")
    assert load_rules(pack).attributes["widget_count"].units == ["kWh", "energy"]


def test_wrong_type_of_value(pack):
    add_attribute(pack, "    kind: quantity\n    units: count\n    triggers: [零件]\n")
    check(pack, "attributes.yaml", "units: count", "`units`: Input should be a valid list", "write a list, e.g. `[first, second]`")


def test_number_where_text_is_expected(pack):
    append(pack / "entities.yaml", "  - id: 360\n    type: organization\n    aliases: [Foo Corp]\n")
    check(pack, "entities.yaml", "id: 360", "`id`: Input should be a valid string", "write text; quote what YAML reads as a number or date, e.g. '360'")


# --- declared units -------------------------------------------------------------------------------

UNITS = "units:\n  kWh: {dimension: energy, factor: 1, words: [kWh, 千瓦时]}\n"


@pytest.mark.parametrize(
    ("declared", "needle", "message", "fix"),
    [
        ("  USD: {dimension: money, factor: 1, words: [bucks]}\n", "USD: {", "unit `USD` is built in", "remove it; built-in units need no declaration"),
        ("  pct: {dimension: percent, factor: 1, words: [pct]}\n", "pct: {", "dimension `percent` is a built-in unit", "name the dimension after what it measures, e.g. energy"),
        ("  mi: {dimension: distance, factor: 1.6, words: [mi]}\n", "mi: {", "dimension `distance` has no base unit", "give one of its units `factor: 1`; the others are multiples of it"),
        ("  Wh: {dimension: energy, factor: 1, words: [Wh]}\n", "  Wh: {", "dimension `energy` has two base units, `kWh` and `Wh`", "keep `factor: 1` on one of them"),
        ("  MWh: {dimension: energy, factor: 1000, words: [MWh, 美元]}\n", "MWh: {", "unit word `美元` can never match: the number reader already reads it as USD", "remove it"),
        ("  MWh: {dimension: energy, factor: 1000, words: [MWh, 万]}\n", "MWh: {", "unit word `万` can never match: the number reader already reads it as a scale word", "remove it"),
        ("  MWh: {dimension: energy, factor: 1000, words: [MWh, kWh]}\n", "MWh: {", "unit word `kWh` is declared by `kWh` and `MWh`", "keep the word on one unit only"),
        ("  MWh: {dimension: energy, factor: 1000, words: [MWh, 兆瓦時]}\n", "MWh: {", "unit word `兆瓦時` can never match: text is folded to `兆瓦时` before matching", "write `兆瓦时` instead; it matches both forms"),
        ("  MWh: {dimension: energy, factor: 0, words: [MWh]}\n", "MWh: {", "`units.MWh.factor`: Input should be greater than 0", "see docs/rules.md for the expected form"),
        ("  MWh: {dimension: energy, factor: 1000, words: []}\n", "MWh: {", "`units.MWh.words`: List should have at least 1 item after validation, not 0", "give at least one item"),
    ],
)
def test_declared_unit_problems(pack, declared, needle, message, fix):
    append(pack / "settings.yaml", UNITS + declared)
    check(pack, "settings.yaml", needle, message, fix)


# --- facts ------------------------------------------------------------------------------------------


def add_fact(pack: Path, body: str) -> None:
    append(pack / "facts.yaml", body + SOURCE)


@pytest.mark.parametrize(
    ("body", "needle", "message", "fix"),
    [
        ("  - subject: gpt-2\n    attribute: parameter_count\n    value: 5\n    low: 1\n    high: 3\n    unit: count\n", "value: 5", "value 5.0 lies outside its own interval 1.0..3.0", "correct the value or the interval"),
        ("  - subject: gpt-2\n    attribute: parameter_count\n    low: 3  # here\n    high: 1\n    unit: count\n", "# here", "`low` 3.0 is above `high` 1.0", "swap them"),
        ("  - subject: gpt-2\n    attribute: release_date\n    low: 2019-03-01\n    high: 2019-02-01\n", "low: 2019-03-01", "`low` 2019-03-01 is above `high` 2019-02-01", "swap them"),
        ("  - subject: gpt-2\n    attribute: parameter_count\n    value: 1500000000\n    unit: count\n    valid_from: 2020-01-01\n    valid_to: 2019-01-01\n", "valid_from: 2020-01-01", "`valid_from` 2020-01-01 is after `valid_to` 2019-01-01", "correct the dates; the fact holds from the first to the second"),
        ("  - subject: gpt-2\n    attribute: parameter_count\n    value: 1500000000\n    unit: count\n    as_of: 2020-01-01\n    valid_to: 2019-01-01\n", "as_of: 2020-01-01", "`as_of` 2020-01-01 is after `valid_to` 2019-01-01", "correct the dates; the fact holds from the first to the second"),
        ("  - subject: openai\n    attribute: valuation\n    value: 1\n    unit: currency\n", "unit: currency", "unit `currency` is a class of units, not a unit", "name the unit, e.g. USD or a declared base unit"),
        ("  - subject: openai\n    attribute: valuation\n    value: 1\n    unit: dollar\n", "unit: dollar", "unit `dollar` has no conversion", "use count, percent, a currency code or a unit declared in settings.yaml"),
        ("  - subject: openai\n    attribute: valuation\n    object: microsoft\n    value: 1\n    unit: USD\n", "object: microsoft", "attribute `valuation` has no objects, so a fact with `object` never applies", "remove `object`, or give the attribute `object_types` and `object_markers`"),
        ("  - subject: bytedance\n    attribute: released_model\n    value: 'no'\n", "attribute: released_model", "facts about negation attribute `released_model` are never checked", "remove the fact; state what was released with a developer fact instead"),
        ("  - subject: gpt-2\n    attribute: entity_type\n    value: modle\n", "value: modle", "`modle` is not a type of attribute `entity_type` (chip, model, organization, product, platform)", "did you mean `model`?"),
        ("  - subject: gpt-2\n    attribute: release_date\n    value: 2019-02-14\n    unit: count  # here\n", "# here", "`unit` has no effect on a date fact", "remove it"),
        ("  - subject: gpt-2\n    attribute: parameter_count\n    value: [1, 2]\n    unit: count\n", "value: [1, 2]", "`value`: expected a number, a date or text", "see docs/rules.md for the expected form"),
        ("  - subject: gpt-3\n    attribute: parameter_count\n    value: 175000000000\n    unit: count  # again\n", "unit: count  # again", None, None),
    ],
)
def test_fact_problems(pack, body, needle, message, fix):
    add_fact(pack, body)
    if message is None:  # the duplicate: reported on the new entry, naming the first one's line
        problem = the_problem(pack, "facts.yaml")
        lines = (pack / "facts.yaml").read_text(encoding="utf-8").splitlines()
        starts = [n for n, line in enumerate(lines, 1) if line == "  - subject: gpt-3"]
        assert problem.line == starts[-1]
        assert problem.message == f"fact duplicates the one on line {starts[0]} (same subject, attribute and object, overlapping validity)"
        assert problem.fix == "merge them, or give them `valid_from`/`valid_to` that do not overlap"
        return
    check(pack, "facts.yaml", needle, message, fix)


def test_facts_with_disjoint_validity_are_not_duplicates(pack):
    add_fact(pack, "  - subject: stability-ai\n    attribute: valuation\n    value: 500000000\n    unit: USD\n    valid_from: 2021-01-01\n    valid_to: 2022-10-16\n")
    assert len([f for f in load_rules(pack).facts if f.subject == "stability-ai" and f.attribute == "valuation"]) == 2


def test_fact_unit_must_be_the_base_unit(pack):
    append(pack / "settings.yaml", UNITS + "  MWh: {dimension: energy, factor: 1000, words: [MWh]}\n")
    append(pack / "attributes.yaml", "  battery_capacity:\n    kind: quantity\n    units: [energy]\n    triggers: [电池]\n")
    add_fact(pack, "  - subject: gpt-2\n    attribute: battery_capacity\n    value: 0.075\n    unit: MWh\n")
    check(pack, "facts.yaml", "unit: MWh", "unit `MWh` is not the base unit of energy", "write the value in `kWh` (1 MWh = 1000 kWh)")


# --- cases ---------------------------------------------------------------------------------------------


def add_case(pack: Path, case: str) -> None:
    add_entity(pack, "[Foo Corp]", "    cases:\n" + case)


@pytest.mark.parametrize(
    ("case", "needle", "message", "fix"),
    [
        ("      - text: Foo Corp开发了新模型。\n", "- text: Foo Corp", "this case wants nothing and forbids nothing, so it tests nothing", "add `want:` or `forbid:` expectations"),
        ("      - text: Foo Corp开发了新模型。  # empty lists\n        want: []\n        forbid: []\n", "# empty lists", "this case wants nothing and forbids nothing, so it tests nothing", "add `want:` or `forbid:` expectations"),
        ("      - want: [{mention: foo-corp}]\n", "- want: [{mention: foo-corp}]", "a case needs exactly one of `text` and `texts`", "give `text` for one article or `texts` for several"),
        ("      - text: a\n        texts: [b]\n        want: [{mention: foo-corp}]\n", "- text: a", "a case needs exactly one of `text` and `texts`", "give `text` for one article or `texts` for several"),
        ("      - text: Foo Corp。\n        want: [{mention: foo-corp, claim: {attribute: users}}]  # here\n", "# here", "an expectation is exactly one of `claim`, `finding`, `mention` or `confirmation`", "write one of them per list item, e.g. `- mention: openai`"),
        ("      - text: Foo Corp。\n        want: [{clam: {attribute: users}}]\n", "want: [{clam", "unknown key `clam`", "did you mean `claim`?"),
        ("      - text: Foo Corp。\n        want: [{claim: {attribute: user}}]\n", "want: [{claim", "unknown attribute `user` in a case", "did you mean `users`?"),
        ("      - text: Foo Corp。\n        want: [{claim: {attribute: users, subject: foo-crop}}]\n", "want: [{claim", "unknown entity `foo-crop` in a case", "did you mean `foo-corp`?"),
        ("      - text: Foo Corp。\n        want: [{claim: {attribute: users, value: many}}]\n", "want: [{claim", "`value` of a users claim must be a number, not 'many'", "write digits, e.g. 175000000000 or 1.75e+11"),
        ("      - text: Foo Corp。\n        forbid: [{mention: fooo-corp}]  # here\n", "# here", "unknown entity `fooo-corp` in a case", "did you mean `foo-corp`?"),
        ("      - text: Foo Corp。\n        forbid: [{finding: {kind: name_varient}}]  # here\n", "# here", "`cases.0.forbid.0.finding.kind`: Input should be 'numeric_mismatch', 'date_conflict', 'attribution_conflict', 'type_conflict', 'negation_conflict', 'name_variant' or 'reference_mismatch'", "did you mean `name_variant`?"),
        ("      - text: Foo Corp。\n        want: [{confirmation: {subject: foo-corp, attribute: valuaton}}]\n", "want: [{confirmation", "unknown attribute `valuaton` in a case", "did you mean `valuation`?"),
    ],
)
def test_case_problems(pack, case, needle, message, fix):
    add_case(pack, case)
    check(pack, "entities.yaml", needle, message, fix)


def test_finding_on_names_is_a_known_attribute(pack):
    add_case(pack, "      - text: 字节动态的团队。\n        want: [{finding: {kind: name_variant, subject: bytedance, attribute: name}}]\n")
    assert any(ref.owner == "foo-corp" for ref in load_rules(pack).cases)


def test_cases_keep_file_and_line(pack):
    add_case(pack, "      - text: Foo Corp开发了新模型。\n        want: [{mention: foo-corp}]\n")
    (ref,) = [ref for ref in load_rules(pack).cases if ref.owner == "foo-corp"]
    assert (ref.file, ref.line) == (str(pack / "entities.yaml"), line_with(pack / "entities.yaml", "- text: Foo Corp"))
    assert ref.id == f"entities.yaml:{ref.line} foo-corp"


# --- the command --------------------------------------------------------------------------------------


def test_validate_bundled_pack_prints_a_summary():
    result = runner.invoke(app, ["rules", "validate"])
    assert result.exit_code == 0, result.output
    pack = load_rules()
    assert result.stdout.startswith("OK ") and result.stdout.endswith(f": {summary(pack)}\n")
    assert re.fullmatch(r"\d+ entities, \d+ aliases, \d+ attributes, \d+ facts, \d+ cases", summary(pack))


def test_validate_prints_every_problem_and_exits_2(pack):
    add_entity(pack, "[Foo Corp, 輝煌科技]")
    add_fact(pack, "  - subject: gpt-2\n    attribute: parameter_count\n    low: 3  # here\n    high: 1\n    unit: count\n")
    result = runner.invoke(app, ["rules", "validate", str(pack)])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == [
        f"{pack / 'entities.yaml'}:{line_with(pack / 'entities.yaml', '輝煌科技')}: RP030 alias `輝煌科技` can never match: text is folded to `辉煌科技` before matching (fix: write `辉煌科技` instead; it matches both forms)",
        f"{pack / 'facts.yaml'}:{line_with(pack / 'facts.yaml', '# here')}: RP050 `low` 3.0 is above `high` 1.0 (fix: swap them)",
    ]
    assert "2 problems" in result.stderr


def test_validate_missing_folder(tmp_path):
    result = runner.invoke(app, ["rules", "validate", str(tmp_path / "nothing")])
    assert result.exit_code == 2
    assert "rules directory not found" in result.stdout


def test_validate_rejects_an_alias_bomb(pack):
    (pack / "settings.yaml").write_text(BOMB, encoding="utf-8")
    result = runner.invoke(app, ["rules", "validate", str(pack)])
    assert result.exit_code == 2
    assert re.search(r"settings\.yaml:\d+: RP003 document expands to more than \d+ nodes", result.stdout)


def test_validate_rules_function_returns_problems(pack):
    add_entity(pack, "[Foo Corp, ＦＯＯ]")
    loaded, problems = validate_rules(pack)
    assert loaded is None and [p.message for p in problems] == ["alias `ＦＯＯ` can never match: text is folded to `FOO` before matching"]
    assert validate_rules(bundled_rules_dir())[1] == []


# --- JSON Schema ----------------------------------------------------------------------------------------


def test_committed_schemas_match_the_models():
    """Regenerate with `checker rules schema` when this fails."""
    for stem, schema in json_schemas().items():
        committed = SCHEMAS / f"{stem}.schema.json"
        assert committed.read_text(encoding="utf-8") == schema_text(schema), f"{committed} is stale: run `checker rules schema`"


def test_schema_command_writes_the_committed_files(tmp_path):
    result = runner.invoke(app, ["rules", "schema", "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for stem in SCHEMA_MODELS:
        assert (tmp_path / f"{stem}.schema.json").read_bytes() == (SCHEMAS / f"{stem}.schema.json").read_bytes()


def _every_field(model, seen=None):
    from checker.rulepack.messages import _inner_model

    seen = seen if seen is not None else set()
    if model in seen:
        return
    seen.add(model)
    for name, field in model.model_fields.items():
        yield model, name, field
        inner = _inner_model(field.annotation)
        if inner is not None:
            yield from _every_field(inner, seen)


def test_every_field_is_described():
    undescribed = [f"{model.__name__}.{name}" for root in SCHEMA_MODELS.values() for model, name, field in _every_field(root) if not field.description]
    assert undescribed == []


def _json_ready(data):
    if isinstance(data, dict):
        return {str(key): _json_ready(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_json_ready(value) for value in data]
    return data.isoformat() if isinstance(data, dt.date) else data


@pytest.mark.parametrize("stem", list(SCHEMA_MODELS))
def test_bundled_files_validate_against_their_schema(stem):
    path = bundled_rules_dir() / f"{stem}.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../docs/schemas/{stem}.schema.json"
    data, _ = load_yaml_with_lines(text)
    schema = json.loads((SCHEMAS / f"{stem}.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(_json_ready(data))] == []


def test_schema_rejects_what_validation_rejects():
    schema = json.loads((SCHEMAS / "facts.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    fact = {"subject": "gpt-3", "attribute": "parameter_count", "unit": "count", "source": {"title": "t", "url": "u"}}
    assert not validator.is_valid({"facts": [fact]})  # neither value nor low/high
    assert validator.is_valid({"facts": [{**fact, "value": 1}]})
    assert not validator.is_valid({"facts": [{**fact, "value": 1, "cases": [{"text": "x"}]}]})  # asserts nothing
    assert not validator.is_valid({"facts": [{**fact, "value": 1, "cases": [{"text": "x", "want": [{"mention": "a", "claim": {"attribute": "b"}}]}]}]})
    assert validator.is_valid({"facts": [{**fact, "value": 1, "cases": [{"text": "x", "want": [{"mention": "a"}]}]}]})


def test_lexicon_word_in_traditional_script(pack):
    settings = pack / "settings.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("rumoured, 据报导]", "rumoured, 據報導]"), encoding="utf-8")
    check(pack, "settings.yaml", "據報導]", "lexicon word `據報導` can never match: text is folded to `据报导` before matching", "write `据报导` instead; it matches both forms")
