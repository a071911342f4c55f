"""Stage 1: find article files, decode them whatever their encoding, read front matter.

The decoded text is kept whole (front matter included): every later offset points
into it. A file that cannot be read becomes a LoadProblem and the run goes on.
Subfolders that are datasets or rules packs of their own are not searched.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import json
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from checker.legacy import CJK_ENCODINGS, candidates as legacy_candidates, guess as guess_legacy
from checker.models import Article, LoadProblem
from checker.normalize import detect_language

ARTICLE_SUFFIXES = (".md", ".markdown", ".txt", ".jsonl")
from checker.limits import MAX_BYTES  # noqa: E402,F401  (re-exported for the loader's callers)
PACK_MARKER = "entities.yaml"  # the one file every rules pack must have
FRONT_MATTER_KEYS = ("title", "url", "source", "date", "id", "language", "lang")
MAX_FIELD_CHARS = 1_000  # a title or id longer than this is not a title or id
SURROGATE = re.compile(r"[\ud800-\udfff]")
PLAUSIBLE_WITHOUT_BOM = 0.95  # UTF-16/32 without a BOM: binary data decodes to CJK too


class DecodeError(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding it was read with, and what went wrong or was guessed."""

    text: str
    encoding: str
    warning: str | None = None
    code: str = "LD031"  # of the warning: a guess, or LD032 for bytes invalid after a BOM


def _not_regular(path: Path) -> tuple[str, str] | None:
    """(code, reason) when `path` is no file to read (a FIFO would block, a device never ends), or None."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return ("LD012", "broken symbolic link (its target is missing)") if path.is_symlink() else ("LD001", "no such file or folder")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "LD011", "symbolic link loop"
        return "LD002", f"cannot read it: {exc.strerror or exc}"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    kind = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode) else "not a regular file"
    return "LD010", f"{kind}, not a regular file; not read"


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
                LoadProblem(path=str(where), message=_skip_message(reason), level="info" if code == "LD014" else "warning", code=code)
                for where, code, reason in skipped
            )
        elif (irregular := _not_regular(path)) is None:
            found.append((path, path.parent))
        else:
            problems.append(LoadProblem(path=str(path), message=irregular[1], code=irregular[0]))
    return found, problems


def boundary_reason(folder: Path) -> str | None:
    """Why `folder` is a separate dataset or rules pack, or None for an ordinary folder.

    An unreadable folder is ordinary here; walking it reports that it cannot be read.
    """
    try:
        if (folder / "expected.yaml").is_file():
            return "a separate dataset (has expected.yaml)"
        if (folder / "rules" / PACK_MARKER).is_file():
            return "a separate dataset (has its own rules/ pack)"
        if (folder / PACK_MARKER).is_file():
            return f"a rules pack (has {PACK_MARKER})"
    except OSError:
        return None
    return None


def _skip_message(reason: str) -> str:
    if reason.startswith(("a separate dataset", "a rules pack", "symbolic link")):
        return f"skipped: {reason}; pass the folder explicitly to read it"
    return f"skipped: {reason}"


def _is_article_file(name: str) -> bool:
    return Path(name).suffix.lower() in ARTICLE_SUFFIXES


def _walk(root: Path, explicit: set[Path]) -> tuple[list[Path], list[tuple[Path, str, str]]]:
    """Article files under `root`, and what was left out with the problem code and reason.

    Left out: boundary subfolders holding articles (a boundary that is itself passed
    explicitly is left out silently: it is read on its own), folders that cannot be
    read, symbolic links to folders (not followed, so a link loop cannot recur), and
    article-named entries that are no regular file (dangling links, FIFOs, devices).
    """
    files: list[Path] = []
    skipped: list[tuple[Path, str, str]] = []

    def unreadable(exc: OSError) -> None:
        skipped.append((Path(exc.filename or root), "LD003", f"cannot read folder: {exc.strerror or exc}"))

    for folder, subfolders, names in os.walk(root, onerror=unreadable):
        here = Path(folder)
        kept = []
        for name in sorted(subfolders):
            child = here / name
            if child.is_symlink():
                skipped.append((child, "LD013", "symbolic link to a folder, not followed"))
                continue
            reason = boundary_reason(child)
            if reason is None:
                kept.append(name)
            elif child.resolve() not in explicit and _holds_articles(child):
                skipped.append((child, "LD014", reason))
        subfolders[:] = kept
        for name in sorted(names):
            if not _is_article_file(name):
                continue
            irregular = _not_regular(here / name)
            if irregular is None:
                files.append(here / name)
            else:
                skipped.append((here / name, *irregular))
    return sorted(files), sorted(skipped)


def _holds_articles(folder: Path) -> bool:
    return any(_is_article_file(name) for _, _, names in os.walk(folder) for name in names)  # errors: reported by the main walk


def decode(data: bytes) -> str:
    """The text of article bytes (see `decode_bytes`)."""
    return decode_bytes(data).text


def decode_bytes(data: bytes) -> Decoded:
    """Decode article bytes: BOMs first, then strict UTF-8, then a legacy guess (checker.legacy), then detection.

    Whatever was not certain is said in `warning`: bytes invalid in the encoding their
    BOM declares (replaced by U+FFFD, so nothing around them is lost), UTF-16 without a
    BOM, and encodings guessed by detection.
    """
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _with_bom(data, len(bom), encoding)
    if b"\x00" in data:
        guess = _wide_without_bom(data)
        if guess is None:
            raise DecodeError("LD030", "binary file (contains NUL bytes), not an article")
        return guess
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if (legacy := guess_legacy(data)) is not None:
        return Decoded(legacy.text, legacy.encoding, _guessed(legacy.encoding))
    from charset_normalizer import from_bytes  # loads for the rare file that is neither UTF-8 nor a plausible legacy encoding

    best = from_bytes(data).best()
    if best is not None:
        return Decoded(str(best), best.encoding, _guessed(best.encoding))
    chinese = [guess for guess in legacy_candidates(data) if guess.encoding in CJK_ENCODINGS]
    if chinese:
        return Decoded(chinese[0].text, chinese[0].encoding, f"read as {chinese[0].encoding}, but much of it decodes to rare characters; save the file as UTF-8")
    raise DecodeError("LD033", "unknown text encoding; save the file as UTF-8")


def _guessed(encoding: str) -> str:
    return f"no encoding declared and not UTF-8: guessed {encoding}; save the file as UTF-8 if the text looks wrong"


def _with_bom(data: bytes, bom_length: int, encoding: str) -> Decoded:
    body = data[bom_length:]
    try:
        return Decoded(body.decode(encoding), encoding)
    except UnicodeDecodeError as exc:
        name = encoding.upper()
        warning = f"starts with a {name} byte-order mark but is not valid {name} ({exc.reason} at byte {bom_length + exc.start}); the invalid bytes are read as U+FFFD"
        return Decoded(body.decode(encoding, errors="replace"), encoding, warning, "LD032")


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _plausibility(text: str) -> float:
    """GB18030 decodes almost any bytes; wrong guesses show private-use and rare characters."""
    common = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or ch.isascii() and (ch.isprintable() or ch in "\n\r\t") or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return common / max(len(text), 1)


def _wide_without_bom(data: bytes) -> Decoded | None:
    """UTF-32 or UTF-16 without a BOM: the one strict decoding without NULs that reads as text.

    ASCII in UTF-32 has three NULs in every four bytes, in UTF-16 one in two; Chinese in
    UTF-16 has none, so the candidates are judged by what they decode to, not by NULs.
    """
    candidates = []
    for encoding in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        text = _strict(data, encoding)
        if text is not None and "\x00" not in text and text.strip():
            candidates.append((_plausibility(text), encoding, text))
    if not candidates:
        return None
    score, encoding, text = max(candidates)
    if score < PLAUSIBLE_WITHOUT_BOM:
        return None
    return Decoded(text, encoding, f"no byte-order mark: guessed {encoding.upper()}; save the file as UTF-8 (or with a BOM)")


class _FrontMatterLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: fast, and bounds nesting
    """Safe YAML where dates stay strings: `parse_date` reads them, so a date that does not
    exist (2023-02-30) is one warning about `date`, not a crash or a lost front matter."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


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
        meta = yaml.load(block, Loader=_FrontMatterLoader) or {}  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at front-matter line {mark.line + 2}" if mark else ""
        return {}, 0, f"front matter is not valid YAML{where}; read the whole file as body"
    except RecursionError:
        return {}, 0, "front matter is nested too deeply to be metadata; read the whole file as body"
    except (ValueError, OverflowError) as exc:  # an explicitly tagged value that does not exist
        return {}, 0, f"front matter has a value that cannot be read ({exc}); read the whole file as body"
    if not isinstance(meta, dict):
        return {}, 0, "front matter is not a mapping of keys to values; read the whole file as body"
    return meta, body_start, None


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


# Front-matter dates as people write them. datetime.strptime reads each form; a handful of
# formats is all a front matter needs (dateparser would also guess relative phrases).
DATE_FORMATS = (
    "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y年%m月%d号", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
)
DATE_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}(?=[T ]\d)")  # a timestamp: keep its date


DATE_SHAPE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


def parse_date(value: object) -> dt.date | None:
    """A front-matter date, or None when the value is not one of the forms of DATE_FORMATS."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = " ".join(value.strip().split())[:40]
    if prefix := DATE_PREFIX.match(text):
        text = prefix.group()
    for form in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def _scalar_text(value: object) -> str | None:
    """A front-matter value as text: scalars only (a list or mapping is no title), bounded."""
    if value is None or isinstance(value, (dict, list, tuple, set)):
        return None
    text = SURROGATE.sub("\ufffd", str(value)).strip()
    return text[:MAX_FIELD_CHARS] or None


def _text_field(meta: dict, key: str) -> str | None:
    return _scalar_text(meta.get(key))


def meta_problems(meta: dict) -> list[tuple[str, str]]:
    """(key, message) for what in the metadata was ignored, and why: each is a warning."""
    problems = []
    for key in FRONT_MATTER_KEYS:
        value = meta.get(key)
        if value is None:
            continue
        if isinstance(value, (dict, list, tuple, set)):
            problems.append((key, f"`{key}` is a {'mapping' if isinstance(value, dict) else 'list'}, not text; ignored"))
        elif len(str(value)) > MAX_FIELD_CHARS:
            problems.append((key, f"`{key}` is over {MAX_FIELD_CHARS:,} characters; cut to that length"))
        elif key == "date" and parse_date(value) is None:
            text = _scalar_text(value)
            if text and DATE_SHAPE.fullmatch(text):  # the shape of a date, but no such day (2023-02-30, 0000-01-01)
                problems.append((key, f"`date` {text!r} is not a real date; the article is read as undated"))
            else:
                problems.append((key, f"`date` {text!r} is not a date this loader reads (2023-02-12, 2023/02/12, 2023年2月12日, Feb 12, 2023); the article is read as undated"))
    return problems


def _meta_code(key: str) -> str:
    """The code of a problem `meta_problems` found with `key`: a date, or another field."""
    return "LD042" if key == "date" else "LD041"


def _key_line(text: str, body_start: int, key: str) -> int | None:
    """The line of `key:` in the front matter, for a message that names it."""
    found = re.search(rf"^{re.escape(key)}\s*:", text[:body_start], re.MULTILINE)
    return text[:found.start()].count("\n") + 1 if found else None


def make_article(article_id: str, path: str, text: str, meta: dict, body_start: int, default_date: dt.date | None, encoding: str = "utf-8") -> Article:
    body = text[body_start:]
    return Article(
        id=_text_field(meta, "id") or article_id,
        path=path,
        text=text,
        body_start=body_start,
        title=_text_field(meta, "title"),
        date=parse_date(meta.get("date")) or default_date,
        source=_text_field(meta, "source"),
        url=_text_field(meta, "url"),
        language=_text_field(meta, "language") or _text_field(meta, "lang") or detect_language(body),
        encoding=encoding,
    )


def read_limited(path: Path, max_bytes: int) -> bytes:
    """At most `max_bytes` + 1 bytes of a regular file: a file that grows while read stays bounded."""
    with path.open("rb") as handle:
        return handle.read(max_bytes + 1)


def load_file(path: Path, root: Path, default_date: dt.date | None = None, max_bytes: int = MAX_BYTES) -> tuple[list[Article], list[LoadProblem]]:
    """Load one file: a single article, or one article per line of a .jsonl file."""
    name = str(path)
    irregular = _not_regular(path) or (("LD004", "a folder, not a file") if path.is_dir() else None)
    if irregular is not None:
        return [], [LoadProblem(path=name, message=irregular[1], code=irregular[0])]
    try:
        size = path.stat().st_size
        data = b"" if size > max_bytes else read_limited(path, max_bytes)
    except OSError as exc:
        return [], [LoadProblem(path=name, message=f"cannot read file: {exc.strerror or exc}", code="LD002")]
    if size > max_bytes or len(data) > max_bytes:
        size = max(size, len(data))
        return [], [LoadProblem(path=name, message=f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes); split it into articles", code="LD021")]
    return load_data(data, name, _article_id(path, root), path.suffix.lower() == ".jsonl", default_date)


def load_data(data: bytes, name: str, base_id: str, jsonl: bool = False, default_date: dt.date | None = None) -> tuple[list[Article], list[LoadProblem]]:
    """The articles of one file's bytes (or of standard input, read by the caller): one
    article with optional front matter, or one per line of JSON Lines."""
    if not data.strip():
        return [], [LoadProblem(path=name, message="file is empty", code="LD020")]
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return [], [LoadProblem(path=name, message=str(exc), code=exc.code)]
    problems = [LoadProblem(path=name, message=decoded.warning, level="warning", code=decoded.code)] if decoded.warning else []
    text = decoded.text
    if jsonl:
        articles, line_problems = _load_jsonl(text, name, base_id, default_date, decoded.encoding)
        return articles, problems + line_problems
    if not text.strip():
        return [], problems + [LoadProblem(path=name, message="file has no text", code="LD020")]
    meta, body_start, problem = split_front_matter(text)
    problems += [LoadProblem(path=name, message=problem, level="warning", code="LD040")] if problem else []
    for key, message in meta_problems(meta):
        line = _key_line(text, body_start, key)
        problems.append(LoadProblem(path=f"{name}:{line}" if line else name, message=f"front matter: {message}", level="warning", code=_meta_code(key)))
    return [make_article(base_id, name, text, meta, body_start, default_date, decoded.encoding)], problems


def _jsonl_lines(text: str) -> list[str]:
    """Lines end at LF (CR LF) only: JSON strings may hold U+2028 or U+0085, which
    `str.splitlines` would treat as line ends and so cut one record into several."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def _load_jsonl(text: str, name: str, base_id: str, default_date: dt.date | None, encoding: str = "utf-8") -> tuple[list[Article], list[LoadProblem]]:
    articles: list[Article] = []
    problems: list[LoadProblem] = []
    for number, line in enumerate(_jsonl_lines(text), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(LoadProblem(path=where, message=f"not valid JSON ({exc.msg} at column {exc.colno})", code="LD050"))
            continue
        except RecursionError:
            problems.append(LoadProblem(path=where, message="JSON nested too deeply to be an article record", code="LD051"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str) or not record["text"].strip():
            problems.append(LoadProblem(path=where, message="each line must be a JSON object with a non-empty string `text`", code="LD052"))
            continue
        body, broken = SURROGATE.subn("\ufffd", record["text"])
        if broken:
            problems.append(LoadProblem(path=where, message=f"`text` holds {broken} lone surrogate escape{'s' if broken != 1 else ''} (\\ud800-\\udfff), not characters; read as U+FFFD", level="warning", code="LD053"))
        meta = {key: record[key] for key in FRONT_MATTER_KEYS if key in record}
        problems.extend(LoadProblem(path=where, message=message, level="warning", code=_meta_code(key)) for key, message in meta_problems(meta))
        articles.append(make_article(f"{base_id}-{number}", where, body, meta, 0, default_date, encoding))
    if not articles and not problems:
        problems.append(LoadProblem(path=name, message="file has no JSON records, only blank lines", code="LD054"))
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
