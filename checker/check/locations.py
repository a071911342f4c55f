"""Where a finding's evidence sits in the files a CI system shows: path, line and column.

Evidence offsets are character offsets into `Article.text`, the whole decoded file, so
line and column follow from the text alone. A JSON Lines record is one line of its
file and its text is JSON-escaped there, so its evidence points at the record's line.
Paths are shown relative to the working directory when they lie under it, because CI
annotations and SARIF viewers resolve paths against the checkout root.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePath
from urllib.parse import quote

from checker.models import Article, Evidence
from checker.report.locate import line_col

JSONL_RECORD = re.compile(r"^(?P<file>.+\.jsonl):(?P<line>\d+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Location:
    """A span of an article file; columns are 1-based, the end column is exclusive, and
    both columns are None for a JSON Lines record (the whole line is meant)."""

    article: str
    path: str
    start_line: int
    start_column: int | None
    end_line: int
    end_column: int | None
    text: str

    @property
    def label(self) -> str:
        """`path:line:col` (or `path:line` for a JSON Lines record), as compilers print it."""
        column = f":{self.start_column}" if self.start_column is not None else ""
        return f"{self.path}:{self.start_line}{column}"


def display_path(path: str | PurePath) -> str:
    """The path relative to the working directory when it lies under it, with / separators."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            return candidate.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return candidate.as_posix()
    return candidate.as_posix()


def artifact_uri(path: str) -> str:
    """A URI reference for SARIF: relative paths stay relative, absolute ones become file URIs."""
    candidate = PurePath(path)
    if candidate.is_absolute():
        return Path(candidate).as_uri()
    return quote(candidate.as_posix(), safe="/")


def locate(article: Article, evidence: Evidence) -> Location:
    record = JSONL_RECORD.match(article.path)
    if record:
        line = int(record.group("line"))
        return Location(evidence.article, display_path(record.group("file")), line, None, line, None, evidence.text)
    start_line, start_column = line_col(article, evidence.start)
    end_line, end_column = line_col(article, evidence.end)
    return Location(evidence.article, display_path(article.path), start_line, start_column, end_line, end_column, evidence.text)
