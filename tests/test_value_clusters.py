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
