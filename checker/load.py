"""Stage 1: find article files, decode them whatever their encoding, read front matter.

The decoded text is kept whole (front matter included): every later offset points
into it. A file that cannot be read becomes a LoadProblem and the run goes on.
Subfolders that are datasets or rules packs of their own are not searched.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path

import yaml
from charset_normalizer import from_bytes

from checker.models import Article, LoadProblem
from checker.normalize import detect_language

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".jsonl")
MAX_BYTES = 5_000_000
PACK_MARKER = "entities.yaml"  # the one file every rules pack must have
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader is several times faster where PyYAML has it
FRONT_MATTER_KEYS = ("title", "url", "source", "date", "id", "language", "lang")


class DecodeError(ValueError):
    pass


def find_article_files(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, Path]], list[LoadProblem]]:
    """Expand files and folders into (file, root) pairs, sorted so runs are repeatable.

    Folders are searched recursively, but a subfolder that is a dataset or rules pack
    of its own (see `boundary_reason`) is skipped with one warning: its articles were
    written for another pack and another expected.yaml. A folder passed explicitly is
    always read.
    """
    paths = [Path(raw) for raw in paths]
    explicit = {path.resolve() for path in paths if path.is_dir()}
    found: list[tuple[Path, Path]] = []
    problems: list[LoadProblem] = []
    for path in paths:
        if path.is_dir():
            files, skipped = _walk(path, explicit)
            found.extend((f, path) for f in files)
            problems.extend(
                LoadProblem(path=str(folder), message=f"skipped: {reason}; pass the folder explicitly to read it", level="warning")
                for folder, reason in skipped
            )
        elif path.is_file():
            found.append((path, path.parent))
        else:
            problems.append(LoadProblem(path=str(path), message="no such file or folder"))
    return found, problems


def boundary_reason(folder: Path) -> str | None:
    """Why `folder` is a separate dataset or rules pack, or None for an ordinary folder."""
    if (folder / "expected.yaml").is_file():
        return "a separate dataset (has expected.yaml)"
    if (folder / "rules" / PACK_MARKER).is_file():
        return "a separate dataset (has its own rules/ pack)"
    if (folder / PACK_MARKER).is_file():
        return f"a rules pack (has {PACK_MARKER})"
    return None


def _is_article_file(name: str) -> bool:
    return Path(name).suffix.lower() in ARTICLE_SUFFIXES


def _walk(root: Path, explicit: set[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Article files under `root`, and the boundary subfolders left out (only those holding articles).

    A boundary that is itself passed explicitly is left out silently: it is read on its own.
    """
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for folder, subfolders, names in os.walk(root):
        here = Path(folder)
        kept = []
        for name in sorted(subfolders):
            child = here / name
            reason = boundary_reason(child)
            if reason is None:
                kept.append(name)
            elif child.resolve() not in explicit and _holds_articles(child):
                skipped.append((child, reason))
        subfolders[:] = kept
        files.extend(here / name for name in names if _is_article_file(name) and (here / name).is_file())
    return sorted(files), skipped


def _holds_articles(folder: Path) -> bool:
    return any(_is_article_file(name) for _, _, names in os.walk(folder) for name in names)


def decode(data: bytes) -> str:
    """Decode article bytes: BOMs first, then strict UTF-8, GB18030, then detection."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is None:
            raise DecodeError("binary file (contains NUL bytes), not an article")
        return guess
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    chinese = [text for text in (_strict(data, "gb18030"), _strict(data, "big5")) if text is not None]
    if chinese:
        return max(chinese, key=_plausibility)
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("unknown text encoding; save the file as UTF-8")
    return str(best)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _plausibility(text: str) -> float:
    """GB18030 decodes almost any bytes; wrong guesses show private-use and rare characters."""
    common = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or ch.isascii() or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return common / max(len(text), 1)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM has NULs in every other byte of its ASCII characters."""
    for encoding, offset in (("utf-16-le", 1), ("utf-16-be", 0)):
        if data[offset::2].count(0) > len(data) // 4:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return text
    return None


def split_front_matter(text: str) -> tuple[dict, int, str | None]:
    """Return (metadata, body_start, problem). Broken front matter is left in the body."""
    if not text.startswith("---"):
        return {}, 0, None
    first_break = text.find("\n")
    if first_break < 0 or text[:first_break].strip() != "---":
        return {}, 0, None
    end = text.find("\n---", first_break - 1)
    while end >= 0 and text[end + 4:_line_end(text, end + 4)].strip():
        end = text.find("\n---", end + 4)
    if end < 0:
        return {}, 0, "front matter opened with --- is never closed; read the whole file as body"
    block = text[first_break + 1:end] if end >= first_break else ""
    body_start = _line_end(text, end + 4)
    body_start += 1 if text[body_start:body_start + 1] == "\n" else 0
    try:
        meta = yaml.load(block, Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at front-matter line {mark.line + 2}" if mark else ""
        return {}, 0, f"front matter is not valid YAML{where}; read the whole file as body"
    if not isinstance(meta, dict):
        return {}, 0, "front matter is not a mapping of keys to values; read the whole file as body"
    return meta, body_start, None


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _text_field(meta: dict, key: str) -> str | None:
    value = meta.get(key)
    return None if value is None else str(value).strip() or None


def make_article(article_id: str, path: str, text: str, meta: dict, body_start: int, default_date: dt.date | None) -> Article:
    body = text[body_start:]
    return Article(
        id=str(meta.get("id") or article_id),
        path=path,
        text=text,
        body_start=body_start,
        title=_text_field(meta, "title"),
        date=parse_date(meta.get("date")) or default_date,
        source=_text_field(meta, "source"),
        url=_text_field(meta, "url"),
        language=_text_field(meta, "language") or _text_field(meta, "lang") or detect_language(body),
    )


def load_file(path: Path, root: Path, default_date: dt.date | None = None, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[LoadProblem]]:
    """Load one file: a single article, or one article per line of a .jsonl file."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return [], [LoadProblem(path=name, message=f"file is {size:,} bytes, over the {max_bytes:,}-byte limit; split it into articles")]
        data = path.read_bytes()
    except OSError as exc:
        return [], [LoadProblem(path=name, message=f"cannot read file: {exc.strerror or exc}")]
    if not data.strip():
        return [], [LoadProblem(path=name, message="file is empty")]
    try:
        text = decode(data)
    except DecodeError as exc:
        return [], [LoadProblem(path=name, message=str(exc))]
    base_id = _article_id(path, root)
    if path.suffix.lower() == ".jsonl":
        return _load_jsonl(text, name, base_id, default_date)
    if not text.strip():
        return [], [LoadProblem(path=name, message="file has no text")]
    meta, body_start, problem = split_front_matter(text)
    problems = [LoadProblem(path=name, message=problem, level="warning")] if problem else []
    return [make_article(base_id, name, text, meta, body_start, default_date)], problems


def _load_jsonl(text: str, name: str, base_id: str, default_date: dt.date | None) -> tuple[list[Article], list[LoadProblem]]:
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(LoadProblem(path=where, message=f"not valid JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            problems.append(LoadProblem(path=where, message="each line must be a JSON object with a non-empty string `text`"))
            continue
        meta = {key: record[key] for key in FRONT_MATTER_KEYS if key in record}
        articles.append(make_article(f"{base_id}-{number}", where, record["text"], meta, 0, default_date))
    return articles, problems


def _article_id(path: Path, root: Path) -> str:
    try:
        relative = path.relative_to(root)
    except ValueError:
        relative = Path(path.name)
    return relative.with_suffix("").as_posix()


def load_articles(paths: Iterable[str | Path], default_date: dt.date | None = None, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[LoadProblem]]:
    """Load every article under `paths`; ids are made unique in load order."""
    files, problems = find_article_files(paths)
    articles: list[Article] = []
    seen: set[str] = set()
    for path, root in files:
        loaded, file_problems = load_file(path, root, default_date, max_bytes)
        problems.extend(file_problems)
        for article in loaded:
            unique = article.id
            counter = 2
            while unique in seen:
                unique = f"{article.id}-{counter}"
                counter += 1
            seen.add(unique)
            articles.append(article if unique == article.id else article.model_copy(update={"id": unique}))
    return articles, problems
