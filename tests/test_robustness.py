"""The bad-input corpus (tests/bad_inputs.py) through the CLI, and the guarantees behind it.

Every case: one message naming the file (and line), the control article's findings
still reported, the documented exit code, no traceback. Hangs are checked by how cost
grows between two inputs 10x apart (linear: about 10x, quadratic: about 100x), never
by a wall-clock limit.
"""

from __future__ import annotations

import json
import re
import resource
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bad_inputs import ARTICLE_CASES, BASELINE_CASES, CONTROL, CONTROL_CODES, PNG, RULES_CASES, Case, control_findings, table
from checker.rulepack import loader
from checker.engine import local as local_engine
from checker.engine.local import extract_guarded
from checker.check.formats.github import command
from checker.cli import app
from checker.engine import local
from checker.extract import extract_article
from checker.load import boundary_reason, decode_bytes, load_file, make_article
from checker.normalize import FORMAT_CHARACTERS, normalize, remove_format_characters
from checker.rulepack import bundled_rules_dir
from checker.segment import MAX_SENTENCE
from checker.untrusted import dumps

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()
HAS_FIFO = hasattr(os, "mkfifo")


@pytest.fixture(autouse=True)
def bundled_pack_once(pack, monkeypatch):
    """The CLI loads the bundled pack on every run; here it is loaded once (with its
    spaCy pipeline), so the corpus costs what its inputs cost."""
    real = loader.load_rules
    monkeypatch.setattr(loader, "load_rules", lambda rules=None: pack if rules is None else real(rules))


def strict_json(text: str) -> dict:
    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stdout + result.stderr


# A bad input may cost memory in proportion to its size, never more: a case may raise this process's
# peak resident memory by at most MEMORY_FLOOR plus MEMORY_PER_BYTE times the bytes it wrote. The
# peak only grows, so a case under the peak reached before passes; a blow-up (the 24 GB of
# /dev/zero, a billion laughs expanded) lifts it far past the bound.
MEMORY_FLOOR = 400 * 2**20  # the first case in a fresh process also loads the pipeline (about 150 MiB)
MEMORY_PER_BYTE = 40


def _peak_bytes() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux


def _bytes_under(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


# A hang guard, not a speed goal (those live in benchmarks/): no case may take this much CPU time.
CPU_SECONDS_BOUND = 60


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@contextmanager
def memory_bound(case: Case, folder: Path):
    """The case's peak-memory growth and CPU time stay within their bounds."""
    before, started = _peak_bytes(), _cpu_seconds()
    size = _bytes_under(folder)
    yield
    grown, spent = _peak_bytes() - before, _cpu_seconds() - started
    bound = MEMORY_FLOOR + MEMORY_PER_BYTE * size
    assert grown <= bound, f"{case.name}: peak memory grew by {grown / 2**20:.0f} MiB, over the bound of {bound / 2**20:.0f} MiB for {size:,} bytes of input"
    assert spent <= CPU_SECONDS_BOUND, f"{case.name}: {spent:.0f} CPU seconds, over the hang guard of {CPU_SECONDS_BOUND} s"


def control_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "control.md").write_text(CONTROL, encoding="utf-8")
    return folder


def skip_unless_possible(case: Case) -> None:
    if case.needs_fifo and not HAS_FIFO:
        pytest.skip("no FIFOs on this system")


@pytest.mark.parametrize("case", ARTICLE_CASES, ids=lambda c: c.name)
def test_bad_article_beside_the_control(tmp_path, case):
    skip_unless_possible(case)
    folder = control_folder(tmp_path)
    case.build(folder)
    with memory_bound(case, folder):
        result = runner.invoke(app, ["report", str(folder), "--format", "json", "--max-bytes", "2000" if case.name == "over-max-bytes" else "5000000"])
    no_traceback(result)
    assert result.exit_code == case.exit
    report = strict_json(result.stdout)
    assert CONTROL_CODES <= control_findings(report)
    problems = [p for p in report["problems"] if not p["path"].endswith("control.md")]
    if case.may_be_isolated and problems:
        assert [(p["code"], p["message"].split(" (")[0]) for p in problems] == [("LD090", "internal error while extracting claims")]
        return
    if not case.level:
        assert problems == []
        return
    named = [p for p in problems if case.message in p["message"] or case.message in p["path"]]
    assert named and all(p["level"] == case.level and p["code"] == case.code and p["path"].startswith(str(folder)) for p in named), problems
    assert len(named) == len(problems), problems  # one message per file, no noise
    if case.line:
        assert named[0]["path"].endswith(f":{case.line}")
    shown = result.stderr
    assert all(f"{p['level']}: {p['path']}: {case.code} " in shown for p in named)  # literally, markup and all


@pytest.mark.parametrize("case", RULES_CASES, ids=lambda c: c.name)
def test_broken_rules_pack(tmp_path, case):
    skip_unless_possible(case)
    pack = tmp_path / "pack"
    shutil.copytree(bundled_rules_dir(), pack)
    case.build(pack)
    with memory_bound(case, pack):
        result = runner.invoke(app, ["rules", "validate", str(pack)])
    no_traceback(result)
    assert result.exit_code == case.exit
    assert f"{case.code} " in result.stdout and case.message in result.stdout
    assert str(pack) in result.stdout or "pack" in result.stdout


@pytest.mark.parametrize("case", BASELINE_CASES, ids=lambda c: c.name)
def test_broken_baseline(tmp_path, case):
    skip_unless_possible(case)
    folder = control_folder(tmp_path)
    case.build(tmp_path)
    baseline = tmp_path / "baseline.yaml"
    with memory_bound(case, folder):
        result = runner.invoke(app, ["check", str(folder), "--baseline", str(baseline)])
    no_traceback(result)
    assert result.exit_code == case.exit
    where = re.escape(f"{baseline}:{case.line}" if case.line else str(baseline)) + ("" if case.line else r"(:\d+)?")
    assert re.search(f"{where}: {case.code} ", result.stderr) and case.message in result.stderr, result.stderr


def test_docs_table_is_the_corpus():
    """docs/robustness.md lists exactly the cases above, with the outcomes they assert."""
    doc = (ROOT / "docs" / "robustness.md").read_text(encoding="utf-8")
    assert table() in doc, "regenerate the table: python -c 'import sys; sys.path.insert(0, \"tests\"); import bad_inputs; print(bad_inputs.table())'"


# --- what the corpus relies on, one guarantee each -------------------------------------


def test_zero_width_space_inside_a_number_is_one_figure_with_original_offsets(pack):
    text = "OpenAI的GPT-3模型有17\u200b50亿个参数。\n"
    claims = extract_article(make_article("a", "a.md", text, {}, 0, None), pack).claims
    counts = [c for c in claims if c.attribute == "parameter_count"]
    assert [c.quantity.low for c in counts] == [174_950_000_000]
    assert all(text[c.start:c.end] == c.text for c in claims)
    assert "17\u200b50亿" in counts[0].text


def test_format_characters_are_unicode_format_characters():
    found = remove_format_characters("a\u200bb\u200dc\u202ed\u2066e\ufeff\u00adf")
    assert found.text == "abcdef"
    assert all(ord(char) < 0x10000 and FORMAT_CHARACTERS.match(char) for char in "\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2060\u2066\u2069\ufeff")
    assert remove_format_characters("plain 1750亿") is None


def test_a_crash_in_one_article_is_a_problem_for_that_article(tmp_path, monkeypatch):
    folder = control_folder(tmp_path)
    (folder / "bomb.md").write_text("GPT-3模型有1750亿个参数。\n", encoding="utf-8")
    real = local_engine.extract_article

    def bomb(article, pack):
        if article.id == "bomb":
            raise RuntimeError("boom")
        return real(article, pack)

    monkeypatch.setattr(local_engine, "extract_article", bomb)
    result = runner.invoke(app, ["report", str(folder), "--format", "json"])
    no_traceback(result)
    assert result.exit_code == 0
    report = strict_json(result.stdout)
    assert CONTROL_CODES <= control_findings(report)
    assert [p["message"] for p in report["problems"]] == ["internal error while extracting claims (RuntimeError: boom); this article's claims are left out"]


@pytest.mark.parametrize("command_line", [["report"], ["check"]])
def test_an_internal_error_exits_3_not_1(tmp_path, monkeypatch, command_line):
    folder = control_folder(tmp_path)

    def broken(*args, **kwargs):
        raise KeyError("unexpected")

    monkeypatch.setattr("checker.api.run", broken)  # the CLI imports the pipeline when a command runs it
    result = runner.invoke(app, [*command_line, str(folder)])
    assert result.exit_code == 3
    assert "internal error: KeyError: 'unexpected'" in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_folder_is_an_ordinary_folder(tmp_path, monkeypatch):
    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "is_file", denied)
    assert boundary_reason(tmp_path) is None


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_subfolder_is_reported(tmp_path):
    folder = control_folder(tmp_path)
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        report = strict_json(runner.invoke(app, ["report", str(folder), "--format", "json"]).stdout)
    finally:
        locked.chmod(0o755)
    assert [p["message"] for p in report["problems"]] == ["skipped: cannot read folder: Permission denied"]


def test_markdown_report_escapes_names_and_text(tmp_path):
    folder = control_folder(tmp_path)
    (folder / "a`b\nc.md").write_bytes(PNG)
    (folder / "esc.md").write_text("OpenAI的GPT-3\x1b]0;pwned\x07模型\x1b[31m有1750亿\u202e个参数。\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(folder)])
    no_traceback(result)
    out = result.stdout
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "\\u001b" in out
    line = next(line for line in out.splitlines() if "binary file" in line)
    assert "``" in line and "a`b c.md``:" in line  # a longer fence; the newline is no line break
    assert "\x1b" not in result.stderr


def test_github_annotations_carry_no_controls():
    line = command("error", "bad \x1b[31m%\r\nthing \u202e", "NUM001", "a\x1b.md")
    assert "\x1b" not in line and "\u202e" not in line and "\n" not in line
    assert line.endswith("bad \\u001b[31m%25%0D%0Athing \\u202e")


def test_non_finite_numbers_never_reach_json():
    assert strict_json(dumps({"low": float("inf"), "high": [float("nan"), 1.5]})) == {"low": None, "high": [None, 1.5]}


# --- linear behaviour: cost at 10x the input is about 10x, not 100x ---------------------


def cost(function, argument) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        function(argument)
        best = min(best, time.process_time() - start)
    return best


def ratio(function, make, small: int) -> float:
    function(make(small))  # warm caches
    return cost(function, make(small * 10)) / max(cost(function, make(small)), 1e-3)


LINEAR = 30  # linear work measures about 10; quadratic about 100


@pytest.mark.parametrize(
    ("name", "make", "small"),
    [
        ("numbered-heading-dots", lambda n: "1." * n, 1_000),
        ("no-punctuation", lambda n: "模型参数训练数据" * (n // 8), 2_000),
        ("short-lines", lambda n: "GPT-3有1750亿参数\n" * n, 100),
    ],
)
def test_extraction_is_linear(pack, name, make, small):
    assert ratio(lambda text: extract_article(make_article("x", "x", text, {}, 0, None), pack), make, small) < LINEAR


@pytest.mark.parametrize("make", [lambda n: "![" * n, lambda n: "](http://a" * n, lambda n: "![a](" * n])
def test_normalize_mask_is_linear(make):
    assert ratio(normalize, make, 2_000) < LINEAR


def test_sentences_are_bounded(pack):
    text = "模型参数训练数据" * 2_000
    extraction = extract_article(make_article("x", "x", text, {}, 0, None), pack)
    assert extraction.claims == [] or all(c.end - c.start <= MAX_SENTENCE for c in extraction.claims)


# --- hypothesis: the loader never fails, offsets always slice the original -------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".md", ".txt", ".jsonl"]))
def test_loader_never_raises_and_keeps_offsets_in_range(tmp_path, data, suffix):
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    articles, problems = load_file(path, tmp_path)
    assert articles or problems
    for article in articles:
        assert 0 <= article.body_start <= len(article.text)
        assert article.encoding


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200), encoding=st.sampled_from(["utf-8-sig", "utf-16", "utf-32", "utf-8"]))
def test_decoding_text_with_a_bom_or_utf8_round_trips(text, encoding):
    text = "".join(char for char in text if not 0xD800 <= ord(char) <= 0xDFFF and char != "\x00") or "x"
    assert decode_bytes(text.encode(encoding)).text == text


PIECES = ["GPT-3", "OpenAI", "模型", "有", "1750亿", "17\u200b50亿", "个参数", "。", "，", "\n", " ", "\u202e", "2020年", "11月", "发布", "ChatGPT", "1.", "参数量为", "约"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.sampled_from(PIECES), max_size=40))
def test_whole_article_offsets_slice_the_original(pack, parts):
    text = "".join(parts)
    extraction = extract_guarded(make_article("x", "x.md", text, {}, 0, None), pack)
    assert extraction.problems == []
    for item in [*extraction.claims, *extraction.mentions, *extraction.candidates]:
        assert text[item.start:item.end] == item.text
