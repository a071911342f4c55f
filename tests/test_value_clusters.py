"""One finding per subject and attribute, citing every value cluster in conflict (not one per pair)."""

from __future__ import annotations

from checker.api import run


def test_three_disagreeing_sources_make_one_finding_with_three_clusters(tmp_path, pack):
    bodies = {
        "a": "据报道，Claude 2的上下文窗口可以容纳10万个token，参数量为520亿。",
        "b": "有博客称Claude 2的参数量为5200亿。",
        "c": "另一篇文章写道，Claude 2的参数量为52亿。",
        "d": "一位研究者表示，Claude 2的参数量为520亿左右。",
    }
    paths = []
    for name, body in bodies.items():
        path = tmp_path / f"{name}.md"
        path.write_text(f"---\ntitle: {name}\ndate: 2023-08-01\n---\n{body}\n", encoding="utf-8")
        paths.append(path)
    result = run(paths, pack)
    numeric = [f for f in result.findings if f.kind == "numeric_mismatch"]
    assert len(numeric) == 1
    [finding] = numeric
    assert {e.article for e in finding.evidence} == {"a", "b", "c", "d"}
    assert finding.message.count(" vs ") == 2 and finding.message.endswith("cannot all hold")


def test_messages_show_values_as_written_and_readable(tmp_path, pack):
    for name, body in {"a": "OpenAI的GPT-3拥有1750亿个参数。", "b": "有文章称GPT-3的参数量为175亿。"}.items():
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {name}\ndate: 2023-03-01\n---\n{body}\n", encoding="utf-8")
    [finding] = run([tmp_path], pack).findings
    assert "“1750亿个参数” (1.75×10¹¹) in a" in finding.message or "(1.75×10¹¹) in a" in finding.message
    assert "(1.75×10¹⁰) in b" in finding.message
    assert "the record says 1.75×10¹¹ (±0.5%)" in finding.message
    assert "[" not in finding.message and "175000000000" not in finding.message


def test_readable_value_forms():
    from checker.values.format import readable_value

    assert readable_value("175000000000", "count") == "1.75×10¹¹"
    assert readable_value(">=-9", "percent") == "≥ -9 %"
    assert readable_value("<=500000000", "USD") == "≤ 5×10⁸ USD"
    assert readable_value("1000000000..10000000000", "count") == "1×10⁹ – 1×10¹⁰"
    assert readable_value("30", "USD") == "30 USD"
    assert readable_value("openai", None) == "openai"


def test_three_disagreeing_dates_make_one_date_finding(tmp_path, pack):
    bodies = {"a": "Cohere于2023年3月2日推出了Command。", "b": "Cohere在2023年4月9日推出了Command。", "c": "2023年5月20日，Cohere推出了Command。"}
    for name, body in bodies.items():
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {name}\ndate: 2023-06-01\n---\n{body}\n", encoding="utf-8")
    dated = [f for f in run([tmp_path], pack).findings if f.kind == "date_conflict"]
    assert len(dated) == 1 and {e.article for e in dated[0].evidence} == {"a", "b", "c"}


def _clusters_by_repeated_first_pair(claims, key, agree):
    """The merge as first written: merge the first agreeing pair of clusters, start over (n³ tests)."""
    from itertools import combinations

    from checker.detect.compare import comparable

    grouped: dict = {}
    for claim in claims:
        grouped.setdefault(key(claim), []).append(claim)
    groups = list(grouped.values())
    merged = True
    while merged:
        merged = False
        for i, j in combinations(range(len(groups)), 2):
            if comparable(groups[i][0], groups[j][0]) and agree(groups[i][0], groups[j][0]):
                groups[i] = groups[i] + groups.pop(j)
                merged = True
                break
    return groups


def test_one_pass_merges_the_clusters_the_repeated_first_pair_merge_gives():
    import random
    from dataclasses import dataclass

    from checker.detect.compare import clusters
    from checker.models import Modality

    @dataclass(frozen=True)
    class Value:
        number: int
        modality: Modality
        serial: int

    rng = random.Random(13)
    modalities = [Modality.asserted, Modality.asserted, Modality.planned, Modality.denied]
    for _ in range(300):
        claims = [Value(rng.randint(0, 12), rng.choice(modalities), n) for n in range(rng.randint(0, 25))]
        close = rng.randint(0, 4)
        agree = lambda a, b, close=close: abs(a.number - b.number) <= close and (a.number + b.number) % 3 != 1  # noqa: E731 - not transitive, on purpose
        assert clusters(claims, lambda c: c.number, agree) == _clusters_by_repeated_first_pair(claims, lambda c: c.number, agree)
