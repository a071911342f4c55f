"""Stage 1 tests: finding files, decoding every supported encoding, front matter, .jsonl."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from checker.load import (
    DecodeError,
    decode,
    find_article_files,
    load_articles,
    load_file,
    parse_date,
    split_front_matter,
)
from checker.load_codes import LOAD_CODES
from checker.models import Article, LoadProblem

ZH_HANS = "腾讯发布了新的语言模型，参数规模达到一千亿。\n"
ZH_HANT = "騰訊發佈了新的語言模型，參數規模達到一千億。\n"
EN = "The new model has 175 billion parameters.\n"
MIXED_ASCII = "Report: 腾讯 model has 1750亿 parameters, says the team.\n"


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def load_one(path: Path, **kwargs) -> tuple[list[Article], list[LoadProblem]]:
    return load_file(path, path.parent, **kwargs)


def single(path: Path, **kwargs) -> Article:
    articles, problems = load_one(path, **kwargs)
    assert problems == []
    assert len(articles) == 1
    return articles[0]


# --- encodings -----------------------------------------------------------------


def test_utf8(tmp_path):
    article = single(write(tmp_path, "a.md", ZH_HANS.encode("utf-8")))
    assert article.text == ZH_HANS
    assert article.id == "a"
    assert article.body_start == 0
    assert article.language == "zh-Hans"


def test_utf8_bom_is_stripped(tmp_path):
    article = single(write(tmp_path, "a.md", codecs.BOM_UTF8 + ZH_HANS.encode("utf-8")))
    assert article.text == ZH_HANS
    assert "\ufeff" not in article.text


@pytest.mark.parametrize("bom, encoding", [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_utf16_with_bom(tmp_path, bom, encoding):
    article = single(write(tmp_path, "a.txt", bom + ZH_HANS.encode(encoding)))
    assert article.text == ZH_HANS
    assert "\ufeff" not in article.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [MIXED_ASCII, ZH_HANS])
def test_utf16_without_bom(tmp_path, encoding, text):
    """A guess: read right (Chinese too, which has no NUL bytes), and said so."""
    (article,), (problem,) = load_one(write(tmp_path, "a.txt", text.encode(encoding)))
    assert article.text == text
    assert article.encoding == encoding
    assert problem.level == "warning" and f"guessed {encoding.upper()}" in problem.message


@pytest.mark.parametrize("encoding", ["gbk", "gb18030"])
def test_gbk_and_gb18030_chinese(tmp_path, encoding):
    data = ZH_HANS.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the test really exercises the fallback
    (article,), (problem,) = load_one(write(tmp_path, "a.txt", data))
    assert article.text == ZH_HANS
    assert article.language == "zh-Hans"
    assert article.encoding == "gb18030"  # GB18030 is a superset of GBK
    assert problem.level == "warning" and "guessed gb18030" in problem.message


def test_gb18030_only_characters(tmp_path):
    text = "欧元符号€与扩展汉字㐀出现在文中。\n"
    (article,), (problem,) = load_one(write(tmp_path, "a.txt", text.encode("gb18030")))
    assert article.text == text
    assert "guessed gb18030" in problem.message


def test_undetectable_encoding_gives_clear_error(tmp_path):
    path = write(tmp_path, "a.txt", bytes(range(1, 256)) * 4)
    articles, problems = load_one(path)
    assert articles == []
    assert problems == [LoadProblem(path=str(path), message="unknown text encoding; save the file as UTF-8", code="LD033")]


def test_decode_raises_decode_error_for_nul_bytes():
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")


# --- empty, binary, too large ---------------------------------------------------


def test_empty_file(tmp_path):
    path = write(tmp_path, "a.md", b"")
    assert load_one(path) == ([], [LoadProblem(path=str(path), message="file is empty", code="LD020")])


def test_whitespace_only_file(tmp_path):
    path = write(tmp_path, "a.md", b"  \n\t\r\n   \n")
    assert load_one(path) == ([], [LoadProblem(path=str(path), message="file is empty", code="LD020")])


def test_unicode_whitespace_only_file(tmp_path):
    path = write(tmp_path, "a.md", "\u3000\u3000\n\u3000".encode("utf-8"))
    articles, problems = load_one(path)
    assert articles == []
    assert [p.message for p in problems] == ["file has no text"]
    assert problems[0].level == "error"


def test_empty_jsonl(tmp_path):
    path = write(tmp_path, "a.jsonl", b"\n\n")
    assert load_one(path) == ([], [LoadProblem(path=str(path), message="file is empty", code="LD020")])


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00",
        b"\x00" * 64,
        b"text\x00with\x00\x01\x02\x03\x00nul bytes \xff\xfe\xfd" * 3,
    ],
)
def test_binary_file(tmp_path, data):
    path = write(tmp_path, "image.md", data)
    articles, problems = load_one(path)
    assert articles == []
    assert len(problems) == 1
    assert problems[0].path == str(path)
    assert "binary" in problems[0].message
    assert problems[0].level == "error"


def test_file_over_max_bytes(tmp_path):
    path = write(tmp_path, "big.txt", "x" * 1500)
    articles, problems = load_one(path, max_bytes=1000)
    assert articles == []
    assert len(problems) == 1
    assert problems[0].path == str(path)
    assert "1,000-byte limit" in problems[0].message
    assert "1,500 bytes" in problems[0].message


def test_file_exactly_at_max_bytes_loads(tmp_path):
    path = write(tmp_path, "big.txt", "x" * 1000)
    article = single(path, max_bytes=1000)
    assert len(article.text) == 1000


# --- front matter ---------------------------------------------------------------

FRONT = """---
title: 腾讯发布新模型
date: 2023-02-03
source: 新华社
url: https://example.com/news/1
language: zh-Hant
---
正文第一句。
"""


def test_front_matter_parsed(tmp_path):
    article = single(write(tmp_path, "news.md", FRONT))
    assert article.title == "腾讯发布新模型"
    assert article.date == dt.date(2023, 2, 3)
    assert article.source == "新华社"
    assert article.url == "https://example.com/news/1"
    assert article.language == "zh-Hant"  # given, not detected
    assert article.text == FRONT  # front matter is kept in the text
    assert article.text[article.body_start:] == "正文第一句。\n"
    assert article.text[: article.body_start].endswith("---\n")


def test_front_matter_crlf(tmp_path):
    text = FRONT.replace("\n", "\r\n")
    article = single(write(tmp_path, "news.md", text.encode("utf-8")))
    assert article.text == text
    assert article.text[article.body_start:] == "正文第一句。\r\n"
    assert article.title == "腾讯发布新模型"


def test_front_matter_lang_key_and_detection(tmp_path):
    article = single(write(tmp_path, "a.md", "---\nlang: en\n---\n" + ZH_HANS))
    assert article.language == "en"
    article = single(write(tmp_path, "b.md", "---\ntitle: x\n---\n" + ZH_HANT))
    assert article.language == "zh-Hant"  # detected from the body


def test_front_matter_id_overrides_file_id(tmp_path):
    article = single(write(tmp_path, "a.md", "---\nid: custom-id\n---\nbody\n"))
    assert article.id == "custom-id"


def test_front_matter_at_end_of_file(tmp_path):
    text = "---\ntitle: only meta\n---"
    article = single(write(tmp_path, "a.md", text))
    assert article.title == "only meta"
    assert article.body_start == len(text)


def test_front_matter_not_at_start_is_body(tmp_path):
    text = "intro\n---\ntitle: x\n---\nbody\n"
    article = single(write(tmp_path, "a.md", text))
    assert article.title is None
    assert article.body_start == 0


def test_front_matter_ignores_longer_dash_lines(tmp_path):
    text = "---\ntitle: 'a'\nnote: '----'\n---\nbody\n"
    article = single(write(tmp_path, "a.md", text))
    assert article.title == "a"
    assert article.text[article.body_start:] == "body\n"


@pytest.mark.parametrize(
    "text, message_part",
    [
        ("---\ntitle: [unclosed\ndate: 2023-01-01\n---\n正文。\n", "not valid YAML"),
        ("---\ntitle: x\n正文没有结束标记。\n", "never closed"),
        ("---\n- a\n- b\n---\n正文。\n", "not a mapping"),
        ("---\njust a string\n---\n正文。\n", "not a mapping"),
    ],
    ids=["broken-yaml", "unclosed", "list", "scalar"],
)
def test_bad_front_matter_is_warning_and_body(tmp_path, text, message_part):
    path = write(tmp_path, "a.md", text)
    articles, problems = load_one(path)
    assert len(articles) == 1
    article = articles[0]
    assert article.text == text
    assert article.body_start == 0
    assert article.title is None
    assert article.date is None
    assert len(problems) == 1
    assert problems[0].level == "warning"
    assert problems[0].path == str(path)
    assert message_part in problems[0].message


def test_broken_front_matter_names_line():
    meta, body_start, problem = split_front_matter("---\ntitle: ok\nbad: [x\n---\nbody")
    assert (meta, body_start) == ({}, 0)
    assert "front-matter line" in problem


def test_no_front_matter():
    assert split_front_matter("plain text\n---\n") == ({}, 0, None)
    assert split_front_matter("---- not a fence\n") == ({}, 0, None)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2023-02-03", dt.date(2023, 2, 3)),
        (" 2023-02-03T10:20:00Z ", dt.date(2023, 2, 3)),
        (dt.date(2021, 11, 8), dt.date(2021, 11, 8)),
        (dt.datetime(2021, 11, 8, 23, 59), dt.date(2021, 11, 8)),
        ("yesterday", None),
        ("2023-13-01", None),
        (20230203, None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    result = parse_date(value)
    assert result == expected
    assert result is None or type(result) is dt.date


@pytest.mark.parametrize(
    "line, expected",
    [
        ("date: '2023-02-03'", dt.date(2023, 2, 3)),  # string
        ("date: 2023-02-03", dt.date(2023, 2, 3)),  # YAML date
        ("date: 2023-02-03 08:30:00", dt.date(2023, 2, 3)),  # YAML datetime
        ("date: 2023-02-03T08:30:00+08:00", dt.date(2023, 2, 3)),
    ],
)
def test_front_matter_date_forms(tmp_path, line, expected):
    article = single(write(tmp_path, "a.md", f"---\n{line}\n---\nbody\n"))
    assert article.date == expected
    assert type(article.date) is dt.date


def test_default_date_used_when_missing_or_unreadable(tmp_path):
    default = dt.date(2020, 1, 1)
    assert single(write(tmp_path, "a.md", "body\n"), default_date=default).date == default
    (undated,), (problem,) = load_one(write(tmp_path, "b.md", "---\ndate: someday\n---\nbody\n"), default_date=default)
    assert undated.date == default
    assert problem.level == "warning" and "`date` 'someday' is not a date this loader reads" in problem.message
    assert single(write(tmp_path, "c.md", "---\ndate: 2023-05-06\n---\nbody\n"), default_date=default).date == dt.date(2023, 5, 6)


# --- .jsonl ---------------------------------------------------------------------


def test_jsonl_lines(tmp_path):
    lines = [
        json.dumps({"text": ZH_HANS, "title": "一", "date": "2023-02-03", "url": "https://e.com/1"}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps(["text", "a list"]),
        json.dumps({"text": EN, "source": "Wire", "language": "en", "extra": 1}),
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")
    articles, problems = load_one(path)

    assert [a.id for a in articles] == ["batch-1", "batch-7"]
    first, last = articles
    assert first.text == ZH_HANS
    assert first.title == "一"
    assert first.date == dt.date(2023, 2, 3)
    assert first.url == "https://e.com/1"
    assert first.path == f"{path}:1"
    assert first.body_start == 0
    assert first.language == "zh-Hans"
    assert last.text == EN
    assert last.source == "Wire"
    assert last.language == "en"
    assert last.path == f"{path}:7"

    assert [p.path for p in problems] == [f"{path}:3", f"{path}:4", f"{path}:5", f"{path}:6"]
    assert problems[0].message.startswith("not valid JSON")
    assert "column" in problems[0].message
    for problem in problems[1:]:
        assert "`text`" in problem.message
    assert all(p.level == "error" for p in problems)


def test_jsonl_in_gbk_and_with_id(tmp_path):
    line = json.dumps({"text": ZH_HANS, "id": "custom"}, ensure_ascii=False)
    articles, problems = load_one(write(tmp_path, "b.jsonl", (line + "\n").encode("gbk")))
    assert [p.message for p in problems] == ["no encoding declared and not UTF-8: guessed gb18030; save the file as UTF-8 if the text looks wrong"]
    assert [(a.id, a.text) for a in articles] == [("custom", ZH_HANS)]


# --- folders, ids, problems -----------------------------------------------------


def test_folder_recursion(tmp_path):
    root = tmp_path / "corpus"
    write(root, "b.md", "b\n")
    write(root, "a.txt", "a\n")
    write(root, "sub/c.md", "c\n")
    write(root, "sub/deeper/d.TXT", "d\n")
    write(root, "sub/e.jsonl", json.dumps({"text": "e"}) + "\n" + json.dumps({"text": "e2"}) + "\n")
    write(root, "notes.v2.md", "v2\n")
    for ignored in ("f.json", "g.html", "h.png", "i.csv", "j.yaml", "README"):
        write(root, ignored, "ignored\n")

    articles, problems = load_articles([root])
    assert problems == []
    assert [a.id for a in articles] == [
        "a",
        "b",
        "notes.v2",
        "sub/c",
        "sub/deeper/d",
        "sub/e-1",
        "sub/e-2",
    ]
    assert [a.text for a in articles] == ["a\n", "b\n", "v2\n", "c\n", "d\n", "e", "e2"]


def test_find_article_files_sorted_pairs(tmp_path):
    root = tmp_path / "corpus"
    z = write(root, "z.md", "z")
    a = write(root, "x/a.md", "a")
    other = write(tmp_path, "single.txt", "s")
    found, problems = find_article_files([root, other])
    assert problems == []
    assert found == [(a, root), (z, root), (other, tmp_path)]


def test_single_file_id_is_stem(tmp_path):
    path = write(tmp_path, "deep/dir/story.md", "story\n")
    articles, problems = load_articles([path])
    assert problems == []
    assert [a.id for a in articles] == ["story"]
    assert articles[0].path == str(path)


def test_duplicate_ids_get_suffix(tmp_path):
    root = tmp_path / "corpus"
    write(root, "a.md", "one\n")
    write(root, "a.txt", "two\n")
    write(root, "a.markdown", "three\n")
    articles, problems = load_articles([root])
    assert problems == []
    assert [(a.id, a.text) for a in articles] == [("a", "three\n"), ("a-2", "one\n"), ("a-3", "two\n")]


def test_duplicate_ids_across_paths(tmp_path):
    first = write(tmp_path, "one/story.md", "first\n")
    second = write(tmp_path, "two/story.md", "second\n")
    articles, _ = load_articles([first, second])
    assert [(a.id, a.text) for a in articles] == [("story", "first\n"), ("story-2", "second\n")]
    assert len({a.id for a in articles}) == 2


def test_duplicate_front_matter_ids(tmp_path):
    root = tmp_path / "corpus"
    write(root, "a.md", "---\nid: same\n---\nA\n")
    write(root, "b.md", "---\nid: same\n---\nB\n")
    articles, _ = load_articles([root])
    assert [a.id for a in articles] == ["same", "same-2"]


def test_nonexistent_path(tmp_path):
    missing = tmp_path / "nope"
    articles, problems = load_articles([missing])
    assert articles == []
    assert problems == [LoadProblem(path=str(missing), message="no such file or folder", code="LD001")]


def test_run_goes_on_after_problem(tmp_path):
    root = tmp_path / "corpus"
    write(root, "good.md", ZH_HANS)
    bad = write(root, "image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    articles, problems = load_articles([root])
    assert [a.id for a in articles] == ["good"]
    assert len(problems) == 1
    assert problems[0].path == str(bad)
    assert "binary" in problems[0].message


def test_many_problems_and_articles_together(tmp_path):
    root = tmp_path / "corpus"
    write(root, "1-empty.md", b"")
    write(root, "2-good.md", "fine\n")
    write(root, "3-broken-fm.md", "---\ntitle: [x\n---\nstill loaded\n")
    write(root, "4-big.txt", "y" * 500)
    write(root, "5-lines.jsonl", '{"text": "ok"}\nnope\n')
    missing = tmp_path / "missing.md"
    articles, problems = load_articles([missing, root], max_bytes=200)
    assert [a.id for a in articles] == ["2-good", "3-broken-fm", "5-lines-1"]
    assert [(Path(p.path).name, p.level) for p in problems] == [
        ("missing.md", "error"),
        ("1-empty.md", "error"),
        ("3-broken-fm.md", "warning"),
        ("4-big.txt", "error"),
        ("5-lines.jsonl:2", "error"),
    ]


# --- problem codes ----------------------------------------------------------------


def test_load_codes_are_documented_one_to_one():
    docs = (Path(__file__).resolve().parents[1] / "docs" / "robustness.md").read_text(encoding="utf-8")
    assert dict(re.findall(r"^\| `(LD\d{3})` \| (.+) \|$", docs, flags=re.M)) == LOAD_CODES


def test_a_load_problem_needs_a_known_code():
    with pytest.raises(ValueError, match="unknown load problem code 'LD999'"):
        LoadProblem(path="a.md", message="x", code="LD999")
    assert str(LoadProblem(path="a.md:3", message="not valid JSON", code="LD050")) == "a.md:3: LD050 not valid JSON"


@pytest.mark.parametrize(
    "name, data, codes",
    [
        ("a.md", "---\ntitle: [x\n---\nbody\n", ["LD040"]),
        ("a.md", "---\ndate: someday\n---\nbody\n", ["LD042"]),
        ("a.md", "---\nsource: {a: 1}\n---\nbody\n", ["LD041"]),
        ("a.md", b"\xef\xbb\xbfcaf\xe9\n", ["LD032"]),
        ("a.md", "Le député a voté.\n".encode("latin-1"), ["LD031"]),
        ("a.jsonl", '{"text": 3}\n[1]\n', ["LD052", "LD052"]),
        ("a.jsonl", '{"text": "OK", "date": "2023-02-30"}\n', ["LD042"]),
        ("a.jsonl", "   \n\n", ["LD020"]),
    ],
)
def test_each_problem_carries_its_code(tmp_path, name, data, codes):
    _, problems = load_one(write(tmp_path, name, data))
    assert [p.code for p in problems] == codes, problems


def test_skipped_entries_carry_their_codes(tmp_path):
    (tmp_path / "nested" / "rules").mkdir(parents=True)
    (tmp_path / "nested" / "rules" / "entities.yaml").write_text("entities: []\n", encoding="utf-8")
    (tmp_path / "nested" / "b.md").write_text(EN, encoding="utf-8")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "folder-link").symlink_to(tmp_path / "nested")
    _, problems = find_article_files([tmp_path, tmp_path / "missing.md"])
    assert sorted((Path(p.path).name, p.code, p.level) for p in problems) == [
        ("folder-link", "LD013", "warning"),
        ("gone.md", "LD012", "warning"),
        ("missing.md", "LD001", "error"),
        ("nested", "LD014", "info"),
    ]
