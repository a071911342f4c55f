"""The bad-input corpus: what an attacker or a careless curator feeds the tool, and what must happen.

Each case writes its input beside one good control article (large inputs are generated
here, never committed). `tests/test_robustness.py` runs every case through the CLI and
asserts the outcome; `docs/robustness.md` holds the same table, checked against
`table()` so the documentation cannot drift from what the tests assert.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CONTROL = """---
title: 对照文章
date: 2023-03-01
---
OpenAI发布的GPT-3拥有1750亿个参数。
据介绍，GPT-3的参数量为1700亿。
"""
CONTROL_CODES = {"NUM001", "REF001"}  # what the control article alone produces (REF001: a finding that carries the reference fact)


def control_findings(report: dict) -> set[str]:
    """The codes of the control article's findings, REF001 for one that carries a reference fact
    (a reference finding, or a conflict the fact was folded into)."""
    control = [f for f in report["findings"] if any(e["article"] == "control" for e in f["evidence"])]
    return {f["code"] for f in control} | {"REF001" for f in control if f.get("reference")}
BODY = "OpenAI的GPT-3模型在2020年发布。\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"


@dataclass(frozen=True)
class Case:
    """One bad input. `kind`: article (beside the control, `checker report`), rules
    (`checker rules validate`) or baseline (`checker check --baseline`)."""

    name: str
    kind: str
    what: str
    build: Callable[[Path], None]  # writes into the articles folder, the rules pack or the baseline's folder
    exit: int
    level: str  # error, warning, or "" when the input is read without a message
    message: str  # part of the one message, which also names the file
    line: int | None = None  # the line the message names, where there is one
    code: str = ""  # the problem's stable code (LD, RP or BL), where there is a message
    needs_fifo: bool = False
    may_be_isolated: bool = False  # a crash inside a reader owned elsewhere: isolated to this article until fixed

    @property
    def outcome(self) -> str:
        said = f"{self.level} {self.code}: “{self.message}”" if self.level else "read correctly, no message"
        where = f" at line {self.line}" if self.line else ""
        isolated = "; or, while a reader still crashes on it, error LD090: “internal error while extracting claims” for this article alone" if self.may_be_isolated else ""
        return f"exit {self.exit}; {said}{where}{isolated}"


def _bytes(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


def _text(name: str, text: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_text(text, encoding="utf-8", newline="")


def _fifo(name: str) -> Callable[[Path], None]:
    return lambda folder: os.mkfifo(folder / name)


def _link(name: str, target: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).symlink_to(target)


def _mkdir(name: str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        if (folder / name).exists():
            (folder / name).unlink()
        (folder / name).mkdir()

    return build


def _replace(name: str, target: Callable[[Path], None]) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        (folder / name).unlink()
        target(folder)

    return build


def _append(name: str, text: str) -> Callable[[Path], None]:
    def build(folder: Path) -> None:
        with (folder / name).open("a", encoding="utf-8") as handle:
            handle.write(text)

    return build


def _laughs(key: str) -> str:
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
    return "---\n" + "\n".join(levels) + f"\n{key}: *a8\n---\n" + BODY


def _nested_front_matter(depth: int) -> str:
    return "---\ntitle: " + "[" * depth + "x" + "]" * depth + "\n---\n" + BODY


def _jsonl(*records: str) -> str:
    return "\n".join(records) + "\n"


FACT_2015_02_30 = """
  - subject: gpt-3
    attribute: release_date
    value: 2015-02-30
    source: {title: broken, url: "https://example.org", date: 2020-01-01}
"""
FACT_NAN = """
  - subject: gpt-3
    attribute: parameter_count
    value: .nan
    unit: count
    source: {title: broken, url: "https://example.org", date: 2020-01-01}
"""
ALIASES = "\n".join(["x-long: &long " + "长" * 200_000, "x-many: [" + ", ".join(["*long"] * 20_000) + "]"]) + "\n"


ARTICLE_CASES = [
    Case("bom-then-latin1", "article", "UTF-8 BOM followed by a Latin-1 byte", _bytes("a.md", codecs.BOM_UTF8 + BODY.encode() + b"caf\xe9\n"), 0, "warning", "is not valid UTF-8", code="LD032"),
    Case("utf16-lone-surrogate", "article", "UTF-16 (BOM) with a lone surrogate", _bytes("a.md", codecs.BOM_UTF16_LE + BODY.encode("utf-16-le") + b"\x00\xd8A\x00"), 0, "warning", "is not valid UTF-16-LE", code="LD032"),
    Case("utf16-odd-length", "article", "UTF-16 (BOM) with an odd number of bytes", _bytes("a.md", codecs.BOM_UTF16_LE + BODY.encode("utf-16-le") + b"A"), 0, "warning", "is not valid UTF-16-LE", code="LD032"),
    Case("utf32-bom", "article", "UTF-32 with a BOM", _bytes("a.md", BODY.encode("utf-32")), 0, "", ""),
    Case("utf32-no-bom", "article", "UTF-32 LE without a BOM (was read as UTF-16, an article of NULs)", _bytes("a.md", BODY.encode("utf-32-le")), 0, "warning", "guessed UTF-32-LE", code="LD031"),
    Case("utf16-no-bom-chinese", "article", "UTF-16 LE without a BOM, Chinese only (was called binary)", _bytes("a.md", "模型参数规模达到一千亿。\n".encode("utf-16-le")), 0, "warning", "guessed UTF-16-LE", code="LD031"),
    Case("latin1", "article", "Latin-1 text (was mojibake without a word)", _bytes("a.md", "Le modèle a été publié en été, café crème.\n".encode("latin-1")), 0, "warning", "no encoding declared and not UTF-8: guessed", code="LD031"),
    Case("binary", "article", "binary file", _bytes("a.md", PNG), 0, "error", "binary file", code="LD030"),
    Case("empty", "article", "empty file", _bytes("a.md", b""), 0, "error", "file is empty", code="LD020"),
    Case("over-max-bytes", "article", "file over --max-bytes (the test passes --max-bytes 2000)", _text("a.md", BODY * 100), 0, "error", "over the 2,000-byte limit", code="LD021"),
    Case("date-feb-30", "article", "front matter `date: 2023-02-30`", _text("a.md", "---\ndate: 2023-02-30\n---\n" + BODY), 0, "warning", "`date` '2023-02-30' is not a real date", line=2, code="LD042"),
    Case("date-year-0", "article", "front matter `date: 0000-01-01`", _text("a.md", "---\ndate: 0000-01-01\n---\n" + BODY), 0, "warning", "`date` '0000-01-01' is not a real date", line=2, code="LD042"),
    Case("front-matter-5000-deep", "article", "front matter nested 5,000 deep", _text("a.md", _nested_front_matter(5000)), 0, "warning", "front matter", code="LD040"),
    Case("laughs-title", "article", "billion-laughs front matter used as the title", _text("a.md", _laughs("title")), 0, "warning", "`title` is a list, not text", line=11, code="LD041"),
    Case("laughs-id", "article", "billion-laughs front matter used as the id", _text("a.md", _laughs("id")), 0, "warning", "`id` is a list, not text", line=11, code="LD041"),
    Case("python-tag", "article", "`!!python/object` tag in front matter", _text("a.md", "---\ntitle: !!python/object/apply:os.system [echo hi]\n---\n" + BODY), 0, "warning", "front matter is not valid YAML", code="LD040"),
    Case("line-over-1m", "article", "one line of 1,100,000 characters, ideographic spaces before a sentence (spaCy refuses over 1,000,000)", _text("a.md", "\u3000" * 1_100_000 + BODY), 0, "", ""),
    Case("far-calendar-end", "article", "article dated 9999-12-31 with relative dates (OverflowError in date reading)", _text("a.md", "---\ndate: 9999-12-31\n---\nOpenAI的GPT-3于11月上线，上周又发布了新版本。\n"), 0, "", "", may_be_isolated=True),
    Case("jsonl-100k-deep", "article", "`.jsonl` line nested 100,000 deep", _text("a.jsonl", _jsonl('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}")), 0, "error", "nested too deeply", line=1, code="LD051"),
    Case("jsonl-lone-surrogate", "article", "`.jsonl` text with a lone surrogate `\\ud800`", _text("a.jsonl", _jsonl(json.dumps({"text": "GPT-3模型\ud800在2020年发布。"}))), 0, "warning", "lone surrogate", line=1, code="LD053"),
    Case("jsonl-line-separators", "article", "`.jsonl` text holding U+2028 and U+0085 (was cut into three invalid lines)", _text("a.jsonl", _jsonl(json.dumps({"text": "GPT-3模型\u2028在2020年\x85发布。"}, ensure_ascii=False))), 0, "", ""),
    Case("jsonl-bad-line", "article", "`.jsonl` line that is not JSON", _text("a.jsonl", _jsonl(json.dumps({"text": BODY}), "{not json")), 0, "error", "not valid JSON", line=2, code="LD050"),
    Case("markup-in-name", "article", "path with `[bold red]` and `[/` (was a rich markup error)", lambda d: ((d / "a[bold red]x[").mkdir(), _bytes("a[bold red]x[/y.md", PNG)(d)), 0, "error", "binary file", code="LD030"),
    Case("symlink-loop", "article", "symbolic link loop inside the folder", _link("loop.md", "loop.md"), 0, "warning", "symbolic link loop", code="LD011"),
    Case("dangling-link", "article", "dangling symbolic link inside the folder", _link("gone.md", "nowhere.md"), 0, "warning", "broken symbolic link", code="LD012"),
    Case("fifo-article", "article", "FIFO named like an article inside the folder", _fifo("pipe.md"), 0, "warning", "a FIFO, not a regular file", needs_fifo=True, code="LD010"),
    Case("huge-number", "article", "`1` and 400 zeros before 亿 (was `Infinity`, invalid JSON)", _text("a.md", "GPT-3模型有1" + "0" * 400 + "亿个参数。\n"), 0, "", ""),
    Case("zero-width-in-number", "article", "zero-width space inside a number: `17\\u200b50亿`", _text("a.md", "OpenAI的GPT-3模型有17\u200b50亿个参数。\n"), 0, "", ""),
    Case("terminal-escapes", "article", "ESC, OSC and U+202E in article text", _text("a.md", "OpenAI的GPT-3\x1b]0;pwned\x07模型\x1b[31m有1750亿\u202e个参数。\n"), 0, "", ""),
]

RULES_CASES = [
    Case("fact-feb-30", "rules", "reference fact dated 2015-02-30", _append("facts.yaml", FACT_2015_02_30), 2, "error", "`2015-02-30` is not a valid timestamp", code="RP003"),
    Case("fact-nan", "rules", "reference fact value `.nan`", _append("facts.yaml", FACT_NAN), 2, "error", "`value`: expected a number, a date or text", code="RP012"),
    Case("facts-directory", "rules", "`facts.yaml` that is a folder", _mkdir("facts.yaml"), 2, "error", "file is a folder, not a regular file", code="RP002"),
    Case("rules-fifo", "rules", "`attributes.yaml` that is a FIFO (was a hang)", _replace("attributes.yaml", _fifo("attributes.yaml")), 2, "error", "file is a FIFO, not a regular file", needs_fifo=True, code="RP002"),
    Case("rules-dev-zero", "rules", "`settings.yaml` linked to /dev/zero (was 24 GB of memory)", _replace("settings.yaml", _link("settings.yaml", "/dev/zero")), 2, "error", "file is a device, not a regular file", code="RP002"),
    Case("rules-aliases", "rules", "20,000 aliases to one 200 KB string", _append("settings.yaml", ALIASES), 2, "error", "characters (aliases repeating long values?)", code="RP003"),
]

BASELINE_CASES = [
    Case("baseline-feb-30", "baseline", "baseline `reason: 2023-02-30`", _text("baseline.yaml", "version: 1\nfindings:\n  - fingerprint: 0123456789abcdef0123\n    reason: 2023-02-30\n"), 2, "error", "`2023-02-30` is not a valid timestamp", line=4, code="BL003"),
    Case("baseline-directory", "baseline", "baseline that is a folder", _mkdir("baseline.yaml"), 2, "error", "baseline file is a folder, not a regular file", code="BL002"),
    Case("baseline-fifo", "baseline", "baseline that is a FIFO (was a hang)", _fifo("baseline.yaml"), 2, "error", "baseline file is a FIFO, not a regular file", needs_fifo=True, code="BL002"),
    Case("baseline-dev-zero", "baseline", "baseline linked to /dev/zero", _link("baseline.yaml", "/dev/zero"), 2, "error", "baseline file is a device, not a regular file", code="BL002"),
    Case("baseline-empty", "baseline", "empty baseline file (was treated as no baseline)", _bytes("baseline.yaml", b""), 2, "error", "baseline file is empty", code="BL004"),
    Case("baseline-aliases", "baseline", "baseline whose aliases repeat a 200 KB string", _text("baseline.yaml", ALIASES), 2, "error", "characters (aliases repeating long values?)", code="BL003"),
]

CASES = ARTICLE_CASES + RULES_CASES + BASELINE_CASES

TABLE_HEADER = "| case | input | outcome |\n|---|---|---|"


def table() -> str:
    """The Markdown table docs/robustness.md must contain, row for row."""
    rows = [f"| `{case.name}` | {case.what} | {case.outcome} |" for case in CASES]
    return "\n".join([TABLE_HEADER, *rows])
