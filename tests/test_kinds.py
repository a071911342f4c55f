"""The kinds registry is the one place kind names live; everything else agrees with it.

Also the recipe of docs/architecture.md for a new kind, followed by a toy kind: one
module plus one row, and it shows up in `checker explain`, the SARIF rule list and a
report, while the JSON report contract flags it until its schema is updated.
"""

from __future__ import annotations

import ast
import json
import re
import sys
import textwrap

import pytest
from typer.testing import CliRunner

from checker import kinds
from checker.cli import app
from checker.detect import REGISTRY, detectors
from checker.kinds import KINDS, Kind, lookup, schema_drift
from checker.rulepack import FINDING_KINDS
from checker.rulepack.schema import FindingExpectation
from tests.conftest import ROOT

runner = CliRunner()
REPORT_SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))


def test_every_row_has_a_detector_and_every_detector_a_row():
    assert [d.code for d in detectors()] == [row.code for row in KINDS.values()]
    assert set(REGISTRY) == {row.code for row in KINDS.values()}


def test_codes_and_names_are_unique_and_well_formed():
    codes = [row.code for row in KINDS.values()]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[A-Z]+[0-9]{3}", code) for code in codes)
    assert all(re.fullmatch(r"[a-z_]+", name) for name in KINDS)


def test_rules_schema_and_report_schema_agree_with_the_registry():
    assert FINDING_KINDS == tuple(KINDS)
    assert FindingExpectation.model_json_schema()["properties"]["kind"]["enum"] == list(KINDS)
    assert schema_drift(REPORT_SCHEMA) == []


def test_readme_table_lists_every_kind_with_its_code():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| ([A-Z]+[0-9]{3}) \| ([a-z_]+) \|", readme, flags=re.M))
    assert rows == {row.code: row.name for row in KINDS.values()}


def test_lookup_by_code_or_name():
    assert lookup("num001") == lookup("numeric_mismatch") == KINDS["numeric_mismatch"]
    assert lookup("nothing") is None


def test_a_kind_without_a_detector_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(KINDS, "ghost_kind", Kind("GHOST001", "ghost_kind", None, "preview", "checker.kinds"))
    with pytest.raises(LookupError, match="registers no detector for ghost_kind"):
        detectors()


def test_the_package_has_no_import_cycle():
    """Imports inside functions count too: they are how a cycle hides."""
    package = ROOT / "checker"
    modules = {".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): path for path in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = graph.setdefault(name, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    target = f"{node.module}.{alias.name}"
                    edges.add(target if target in modules else node.module)
            elif isinstance(node, ast.Import):
                edges.update(alias.name for alias in node.names)
        graph[name] = {target for target in edges if target in modules and target != name}
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert cycles == []


TOY_MODULE = '''
"""toy_kind: a claim that states a number above a million, to show how kinds plug in.

A toy for the registry test; it reports every such quantity claim.
"""

from checker.detect.base import DetectInput, detector, make_finding


@detector("toy_kind")
def toy_kind(data: DetectInput) -> list:
    """Quantity claims above one million (toy kind for the registry test)."""
    big = [c for c in data.claims.values() if c.unit == "count" and c.quantity.low is not None and c.quantity.low > 1e6]
    return [make_finding("toy_kind", c.subject, c.attribute, [c], "a big number", data.pack) for c in big[:1]]
'''


@pytest.fixture
def toy_kind(tmp_path, monkeypatch):
    (tmp_path / "toy_kind_module.py").write_text(textwrap.dedent(TOY_MODULE), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(KINDS, "toy_kind", Kind("TOY001", "toy_kind", "quantity", "preview", "toy_kind_module"))
    yield KINDS["toy_kind"]
    REGISTRY.pop("TOY001", None)
    sys.modules.pop("toy_kind_module", None)


def test_a_toy_kind_is_one_module_plus_one_row(toy_kind, tmp_path):
    explained = runner.invoke(app, ["explain", "TOY001"])
    assert explained.exit_code == 0, explained.output
    assert explained.output.startswith("TOY001 toy_kind (preview)")
    assert "toy kind for the registry test" in explained.output

    article = tmp_path / "a.md"
    article.write_text("GPT-3 拥有1750亿个参数。\n", encoding="utf-8")
    out = tmp_path / "report.json"
    reported = runner.invoke(app, ["report", str(article), "--format", "json", "--output", str(out)])
    assert reported.exit_code == 0, reported.output
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert [(f["code"], f["kind"]) for f in findings] == [("TOY001", "toy_kind")]

    sarif_out = tmp_path / "check.sarif"
    checked = runner.invoke(app, ["check", str(article), "--format", "sarif", "--output", str(sarif_out)])
    assert checked.exit_code == 1, checked.output
    rules = json.loads(sarif_out.read_text(encoding="utf-8"))["runs"][0]["tool"]["driver"]["rules"]
    assert {"TOY001": "preview"}.items() <= {r["id"]: r["properties"]["lifecycle"] for r in rules}.items()

    # the report is a contract: a new kind needs the schema's enum (and a new schema_version)
    assert schema_drift(REPORT_SCHEMA) == ["toy_kind"]
    assert kinds.lookup("toy_kind") is toy_kind
