"""Stage 3a: the block structure of an article body, before it is cut into sentences.

News written in Markdown (or plain text that looks like it) says part of its meaning through
layout: a heading or a list item's title names what the lines under it are about, a table
states its attribute once in its header row, a blank line ends a paragraph. `blocks` reads that
layout once, as a pure function of the normalized text, into typed blocks with article
offsets, so the extractors ask which block a sentence sits in instead of re-reading the lines.

A block runs from its first to its last non-space character. Lines are classified alone:
- heading: `#` to `######` and a space;
- list item: a marker (`1.`, `2、`, `3)`, `-`, `*`, `+`, `•`) then a space or `**`, with the plain
  lines right after it (its continuation); consecutive items of one marker family, blank lines
  allowed between them, form one list;
- table: consecutive lines that open with `|`; the first line that is no `|---|` separator is
  its header row;
- paragraph: consecutive other lines. A line that opens with `**` (a bold title line, or a bold
  lead-in) starts a paragraph of its own, marked `bold`.
A blank line ends every block. Every non-space character of the body lies in exactly one block.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "table"]

HEADING = re.compile(r"[ \t]*(#{1,6})(?=\s|$)")
LIST_MARKER = re.compile(r"[ \t]*(?:(?P<ordered>\d{1,3}[.、)）])|[-*+•])(?=\s|\*\*)")
BOLD = re.compile(r"[ \t]*\*\*")
ROW = re.compile(r"[ \t]*\|")
SEPARATOR = re.compile(r"[ \t]*\|[\s:|-]*\|?\s*")  # |---|:--:|
PIPE = re.compile(r"\|")


@dataclass(frozen=True)
class Row:
    """One line of a table: its offsets, its cells' offsets (between the pipes, spaces kept), and whether it is a `|---|` line."""

    start: int
    end: int
    cells: tuple[tuple[int, int], ...]
    separator: bool


@dataclass(frozen=True)
class Block:
    """A heading, paragraph, list item or table, with offsets into the article text."""

    kind: BlockKind
    start: int
    end: int
    first_line_end: int  # where its first line ends: a title line's extent
    after_blank: bool  # a blank line separates it from the block before
    heading: int | None = None  # index of the nearest heading above it
    level: int = 0  # a heading's level, 1 to 6
    list: int | None = None  # a list item's list: the index of the list's first item
    bold: bool = False  # a paragraph that opens with bold text (**标题**)
    rows: tuple[Row, ...] = ()  # a table's lines, separators included

    @property
    def title(self) -> bool:
        """A heading, a list item or a bold title line: its names head the lines after it."""
        return self.kind in ("heading", "list_item") or self.bold

    @property
    def header(self) -> Row | None:
        """A table's header row: its first line that is no separator."""
        return next((row for row in self.rows if not row.separator), None)

    def row_at(self, pos: int) -> int | None:
        """The index of the table line that starts at `pos`, or None."""
        index = bisect_right(self._row_starts, pos) - 1
        return index if index >= 0 and self.rows[index].start == pos else None

    @cached_property
    def _row_starts(self) -> list[int]:
        return [row.start for row in self.rows]


@dataclass(frozen=True)
class Layout:
    """An article's blocks, and which block holds an offset (a binary search, so a long article stays linear)."""

    blocks: list[Block]
    starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", [b.start for b in self.blocks])

    def index_at(self, pos: int) -> int | None:
        """The index of the block that holds offset `pos`, or None."""
        index = bisect_right(self.starts, pos) - 1
        return index if index >= 0 and pos < self.blocks[index].end else None


@dataclass(frozen=True)
class _Line:
    start: int
    end: int  # trimmed: first and last non-space character
    kind: Literal["blank", "heading", "list_item", "bold", "row", "plain"]
    marker: str = ""  # a heading's #s, or a list item's family (ordered, bullet)


def structure(text: str, start: int = 0) -> Layout:
    """The layout of `text[start:]`."""
    return Layout(blocks(text, start))


def blocks(text: str, start: int = 0) -> list[Block]:
    """The blocks of `text[start:]`, in text order."""
    out: list[Block] = []
    heading: int | None = None
    open_list: tuple[int, str] | None = None  # (its first item's index, marker family) of the list still open
    for group, blank in _groups(_lines(text, start)):
        first = group[0]
        common = {"start": first.start, "end": group[-1].end, "first_line_end": first.end, "after_blank": blank, "heading": heading}
        if first.kind == "heading":
            block = Block(kind="heading", level=len(first.marker), **common)
        elif first.kind == "list_item":
            if open_list is None or open_list[1] != first.marker:
                open_list = (len(out), first.marker)
            block = Block(kind="list_item", list=open_list[0], **common)
        elif first.kind == "row":
            block = Block(kind="table", rows=tuple(_row(text, line) for line in group), **common)
        else:
            block = Block(kind="paragraph", bold=first.kind == "bold", **common)
        if block.kind != "list_item":
            open_list = None
        if block.kind == "heading":
            heading = len(out)
        out.append(block)
    return out


def _groups(lines: list[_Line]) -> list[tuple[list[_Line], bool]]:
    """Lines grouped into blocks, each with whether a blank line comes before it."""
    groups: list[tuple[list[_Line], bool]] = []
    group: list[_Line] = []
    blank = False
    for line in lines:
        if line.kind == "blank":
            if group:
                groups.append((group, blank))
            group, blank = [], True
        elif group and _continues(group[0], line):
            group.append(line)
        else:
            if group:
                groups.append((group, blank))
                blank = False
            group = [line]
    if group:
        groups.append((group, blank))
    return groups


def _continues(first: _Line, line: _Line) -> bool:
    """A table goes on with rows; a paragraph or list item with plain lines."""
    return (line.kind == "row" and first.kind == "row") or (line.kind == "plain" and first.kind in ("plain", "bold", "list_item"))


def _lines(text: str, start: int) -> list[_Line]:
    lines = []
    offset = start
    for raw in text[start:].split("\n"):
        if raw.strip():
            a = offset + len(raw) - len(raw.lstrip())
            lines.append(_Line(a, offset + len(raw.rstrip()), *_classify(raw)))
        else:
            lines.append(_Line(offset, offset, "blank"))
        offset += len(raw) + 1
    return lines


def _classify(line: str) -> tuple[str, str]:
    if ROW.match(line):
        return "row", ""
    heading = HEADING.match(line)
    if heading:
        return "heading", heading.group(1)
    marker = LIST_MARKER.match(line)
    if marker:
        return "list_item", "ordered" if marker.group("ordered") else "bullet"
    if BOLD.match(line):
        return "bold", ""
    return "plain", ""


def _row(text: str, line: _Line) -> Row:
    """A table line's cells: the spans between its pipes, and the text after the last one if any."""
    raw = text[line.start:line.end]
    pipes = [m.start() for m in PIPE.finditer(raw)]
    spans = list(zip(pipes, pipes[1:] + [len(raw)]))
    cells = tuple((line.start + a + 1, line.start + b) for a, b in spans if b > a + 1 or b < len(raw))
    return Row(line.start, line.end, cells, separator=bool(SEPARATOR.fullmatch(raw)))
