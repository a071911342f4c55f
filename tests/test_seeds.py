"""The two seed articles the project started from (../shared/seeds, present in CI)."""

from __future__ import annotations


def _findings(run, kind, subject, attribute):
    return [f for f in run.findings if (f.kind, f.subject, f.attribute) == (kind, subject, attribute)]


def test_gpt3_1750_vs_1700_is_flagged_with_offsets(seeds_run):
    [finding] = _findings(seeds_run, "numeric_mismatch", "gpt-3", "parameter_count")
    texts = {a.id: a.text for a in seeds_run.articles}
    quoted = [e.text for e in finding.evidence]
    assert any("1750亿" in q for q in quoted) and any("1700亿" in q for q in quoted)
    for evidence in finding.evidence:
        assert texts[evidence.article][evidence.start:evidence.end] == evidence.text


def test_bytedance_vegiantmodel_conflict(seeds_run):
    [finding] = _findings(seeds_run, "negation_conflict", "bytedance", "developer")
    claims = {c.id: c for c in seeds_run.claims}
    cited = [claims[i] for i in finding.claims]
    assert any(c.subject == "vegiantmodel" and c.value == "bytedance" for c in cited)
    assert any(c.negated for c in cited)
    assert len({c.article for c in cited}) == 2
    [variant] = _findings(seeds_run, "name_variant", "bytedance", "name")
    assert {e.text for e in variant.evidence} == {"字节动态"}


def test_m6_chip_vs_model(seeds_run):
    [finding] = _findings(seeds_run, "type_conflict", "m6", "entity_type")
    claims = {c.id: c for c in seeds_run.claims}
    assert {claims[i].value for i in finding.claims} >= {"chip", "model"}


def test_market_cap_drop_is_not_a_parameter_count(seeds_run):
    gpt3 = [c for c in seeds_run.claims if c.subject == "gpt-3" and c.attribute == "parameter_count"]
    assert all(c.unit == "count" for c in gpt3)
    assert not any("美元" in c.text for c in gpt3)
    drop = [c for c in seeds_run.claims if c.attribute == "market_cap_change" and "1700" in c.text]
    assert drop and drop[0].subject == "google" and drop[0].quantity.high < 0


def test_2600_not_flagged_against_order_of_magnitude(seeds_run):
    ernie = [c for c in seeds_run.claims if c.subject == "ernie" and c.attribute == "parameter_count"]
    assert any(c.value == "260000000000" for c in ernie)
    assert not _findings(seeds_run, "numeric_mismatch", "ernie", "parameter_count")
