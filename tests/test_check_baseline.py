"""The baseline file: safe loading with file and line in every error, and faithful rewriting."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.check.baseline import BaselineEntry, BaselineError, load_baseline, render_baseline

FP = "0123456789abcdef0123"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "baseline.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "where", "code", "message"),
    [
        ("- fingerprint: x\n", ":1", "BL004", "a baseline is a mapping"),
        (f"findings:\n  - fingerprint: {FP}\n    reason: a\n  - fingerprint: {FP}\n    reason: b\n", ":4", "BL020", "listed twice (first at line 2)"),
        ("findings:\n  - fingerprint: NOT-HEX\n", ":2", "BL012", "`findings.0.fingerprint`: not a fingerprint"),
        (f"findings:\n  - fingerprint: {FP}\n    reason: 42\n", ":3", "BL012", "`findings.0.reason`"),
        ("version: 2\nfindings: []\n", ":1", "BL012", "`version`"),
        ("findings:\n  - code: NUM001\n", ":2", "BL011", "required key `findings.0.fingerprint` is missing"),
        ("version: 1\nentries: []\n", ":2", "BL010", "unknown key `entries`"),
        (f"findings:\n  - fingerprint: !!python/object:os.system {FP}\n", ":2", "BL003", "unsupported value"),
    ],
)
def test_malformed_baseline_names_file_and_line(tmp_path, text, where, code, message):
    path = write(tmp_path, text)
    with pytest.raises(BaselineError) as caught:
        load_baseline(path)
    rendered = str(caught.value)
    assert f"{path}{where}: {code} " in rendered and message in rendered
    assert [p.code for p in caught.value.problems] == [code]


def test_empty_baseline_accepts_nothing(tmp_path):
    assert load_baseline(write(tmp_path, "# nothing accepted yet\n")).entries == ()


@pytest.mark.parametrize(("reason", "accepted"), [(None, False), ("", False), ("   ", False), ("planted finding 1", True)])
def test_only_a_non_empty_reason_accepts(reason, accepted):
    assert BaselineEntry(fingerprint=FP, reason=reason).accepted is accepted


def test_rendered_baseline_loads_back_identically(tmp_path):
    entries = [
        BaselineEntry(fingerprint=FP, code="NUM001", subject="gpt-3", attribute="parameter_count", articles=["zh-02"], message="“1750亿” vs: [1700亿] # not a comment", reason="two lines:\nfirst, then second"),
        BaselineEntry(fingerprint="f" * 20, code="NAME001", subject="tencent", attribute="name", articles=["zh-07"], message="“腾迅” looks like 腾讯", reason=None),
    ]
    text = render_baseline(entries)
    assert "reason: |-\n    two lines:\n    first, then second\n" in text
    assert "  reason: ''  # not accepted: write why this finding is acceptable" in text
    loaded = load_baseline(write(tmp_path, text))
    assert list(loaded.entries) == [entries[0], entries[1].model_copy(update={"reason": ""})]
    assert loaded.lines == {FP: text.splitlines().index(f"- fingerprint: {FP}") + 1, "f" * 20: text.splitlines().index(f"- fingerprint: {'f' * 20}") + 1}
