"""Finding messages from the pack's templates (settings.yaml `messages`): the bundled pack keeps
its AI wording, a pack that declares none gets neutral text, and a template is checked on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.rulepack import load_rules
from checker.rulepack.templates import DEFAULT_MESSAGES, MESSAGE_FIELDS
from tests.conftest import FIXTURES
from tests.test_rulepack import append, line_with, the_problem

EV_RULES = FIXTURES / "ev" / "rules"
FIELDS = {"subject": "S", "denied": "D", "attribute": "A", "values": "V", "feature": "F", "denials": "N", "expected": "E"}


@pytest.fixture
def pack(tmp_path) -> Path:
    """A writable copy of the EV pack, which declares no messages."""
    folder = tmp_path / "rules"
    folder.mkdir()
    for name in ("entities.yaml", "attributes.yaml", "facts.yaml", "settings.yaml"):
        (folder / name).write_bytes((EV_RULES / name).read_bytes())
    return folder


def _fill(pack, name: str) -> str:
    return pack.message(name, **{k: FIELDS[k] for k in MESSAGE_FIELDS[name]})


def test_every_message_has_a_default_using_only_its_placeholders():
    assert set(DEFAULT_MESSAGES) == set(MESSAGE_FIELDS)
    neutral = load_rules(EV_RULES)
    assert neutral.settings.messages == {}
    for name in MESSAGE_FIELDS:
        assert "model" not in _fill(neutral, name)


def test_the_bundled_pack_keeps_its_wording():
    assert _fill(load_rules(), "negation_conflict") == "S is said to have released no model, but is credited with V"


def test_the_pharma_pack_speaks_of_drugs():
    pharma = load_rules(FIXTURES / "pharma" / "rules")
    assert _fill(pharma, "negation_conflict") == "S is said to have brought no drug to market, but is credited with V"
    assert "model" not in " ".join(_fill(pharma, name) for name in MESSAGE_FIELDS)


@pytest.mark.parametrize(("template", "message"), [
    ('"{subject} denies {product}"', "message `negation_event`: unknown placeholder `{product}`"),
    ('"{subject!r} denies {values}"', "message `negation_event`: placeholder `{subject}` takes no conversion or format"),
    ('"{subject} denies {values"', "message `negation_event`: braces do not pair up (expected '}' before end of string)"),
])
def test_a_wrong_template_is_an_error_on_its_line(pack, template, message):
    append(pack / "settings.yaml", f"messages:\n  negation_event: {template}\n")
    problem = the_problem(pack, "settings.yaml")
    assert (problem.code, problem.message) == ("RP070", message)
    assert problem.line == line_with(pack / "settings.yaml", "negation_event:")
    assert problem.fix == "use only {subject}, {denied}, {values}"


def test_an_unknown_message_name_is_an_error(pack):
    append(pack / "settings.yaml", 'messages:\n  negation_conflicts: "{subject}"\n')
    problem = the_problem(pack, "settings.yaml")
    assert (problem.code, problem.message, problem.fix) == ("RP070", "unknown message `negation_conflicts`", "did you mean `negation_conflict`?")


def test_the_documented_messages_are_the_code_s():
    text = (FIXTURES.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    section = text.split("### Message templates", 1)[1].split("\n## ", 1)[0]
    documented = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 4:
            documented[cells[0].strip("`")] = cells[3].strip("`")
    assert documented == DEFAULT_MESSAGES
