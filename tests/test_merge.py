"""One finding per error: a reference fact folds into the conflict that cites its claims."""

from __future__ import annotations

from checker.api import run


def _articles(tmp_path, bodies: dict[str, str]) -> list:
    paths = []
    for name, body in bodies.items():
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\ntitle: {name}\ndate: 2023-03-01\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_a_conflict_with_a_wrong_side_carries_the_fact_and_no_second_finding(tmp_path, pack):
    paths = _articles(tmp_path, {"a": "论文显示，GPT-3共有1750亿个参数。", "b": "业内常说GPT-3的参数量为1700亿。"})
    result = run(paths, pack)
    kinds = sorted(f.kind for f in result.findings)
    assert kinds == ["numeric_mismatch"]
    [finding] = result.findings
    assert finding.reference is not None and finding.reference.subject == "gpt-3"
    assert "the record says" in finding.message
    assert {c.split(":")[0] for c in finding.claims} == {"a", "b"}


def test_a_wrong_claim_no_other_article_contradicts_stays_a_reference_finding(tmp_path, pack):
    paths = _articles(tmp_path, {"a": "业内常说GPT-3的参数量为1700亿。", "b": "百度发布了文心一言。"})
    result = run(paths, pack)
    assert [(f.kind, f.subject) for f in result.findings] == [("reference_mismatch", "gpt-3")]


def test_every_claim_stating_a_wrong_value_is_cited_by_one_reference_finding(tmp_path, pack):
    paths = _articles(tmp_path, {"a": "业内常说GPT-3的参数量为1700亿。", "b": "一篇博客写道，GPT-3拥有1700亿个参数。"})
    result = run(paths, pack)
    [finding] = result.findings
    assert finding.kind == "reference_mismatch"
    assert {c.split(":")[0] for c in finding.claims} == {"a", "b"}


def _finding(kind: str, claims: list[str], reference=None):
    from checker.models import Evidence, Finding

    evidence = [Evidence(article=c.split(":")[0], start=0, end=1, text="x") for c in claims]
    return Finding(id=f"{kind}-1", code="X", kind=kind, severity="error", subject="s", attribute="a", message="m",
                   claims=claims, evidence=evidence, fingerprint=f"{kind}{claims}", reference=reference)


def test_a_conflict_between_claims_the_record_confirms_is_dropped():
    from checker.detect.merge import without_confirmed_conflicts
    from checker.models import Confirmation, FactRef

    fact = FactRef(subject="s", attribute="a", expected="1..10", source_title="t", source_url="https://example.org/")
    both = _finding("numeric_mismatch", ["a:c1", "b:c1"])
    one = _finding("date_conflict", ["a:c1", "b:c2"])
    confirmations = [Confirmation(claim="a:c1", fact=fact), Confirmation(claim="b:c1", fact=fact)]
    assert without_confirmed_conflicts([both, one], confirmations) == [one]


def test_two_articles_the_record_both_confirms_are_no_conflict(tmp_path, pack):
    paths = _articles(tmp_path, {"a": "微软已向OpenAI投资了数十亿美元。", "b": "微软今年1月向OpenAI投资100亿美元以上。"})
    result = run(paths, pack)
    investments = [c for c in result.claims if c.attribute == "investment"]
    assert len(investments) == 2 and {c.claim for c in result.confirmations} == {c.id for c in investments}
    assert result.findings == []
