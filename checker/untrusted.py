"""Article text, file names and YAML values are untrusted: make them safe for each output.

Control characters (terminal escapes such as ESC and OSC, C1 controls) and invisible
bidirectional controls (U+202E shows text backwards) are shown as `\\uXXXX`, so text
from an article can neither drive a terminal or log viewer nor disguise what a line
says. JSON outputs go through `dumps`, which refuses the non-finite numbers JSON has
no spelling for.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

# C0 and C1 controls, DEL, line and paragraph separators, bidi marks, embeddings,
# overrides and isolates, and the invisible zero-width characters.
UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
UNSAFE_KEEP_NEWLINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")


def _visible(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def visible_controls(text: str) -> str:
    """`text` with every control and invisible formatting character spelled out."""
    return UNSAFE.sub(_visible, text)


def one_line(text: str) -> str:
    """`text` on one line (whitespace runs collapsed) with controls spelled out."""
    return visible_controls(" ".join(text.split()))


def terminal_lines(text: str) -> str:
    """`text` for a terminal or a multi-line field: tabs and newlines kept, every other control spelled out."""
    return UNSAFE_KEEP_NEWLINES.sub(_visible, text)


def finite(value: Any) -> Any:
    """`value` with NaN and infinities replaced by None (JSON null: unknown or unbounded)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(item) for item in value]
    return value


def dumps(data: Any, indent: int | None = 2) -> str:
    """Strict JSON: non-finite numbers become null instead of the invalid `Infinity`."""
    return json.dumps(finite(data), ensure_ascii=False, indent=indent, allow_nan=False)


def dumps_pieces(document: Mapping[str, Any]) -> Iterator[str]:
    """`dumps(document) + "\\n"` in pieces, byte for byte: one top-level value at a time, and a
    top-level value that is an iterator (not a list) one item at a time, so a report of a
    huge article never exists as one string, nor its claims as one list of records.

    A value is encoded alone and re-indented: JSON strings escape every newline, so each
    newline of an encoded value is a line break of its layout."""
    if not document:
        yield "{}\n"
        return
    for n, (key, value) in enumerate(document.items()):
        yield f"{',' if n else '{'}\n  {dumps(key)}: "
        yield from _list_pieces(value) if isinstance(value, Iterator) else (_indented(dumps(value), 1),)
    yield "\n}\n"


def _list_pieces(items: Iterable[Any]) -> Iterator[str]:
    """A list at the second level of the document, item by item."""
    empty = True
    for item in items:
        yield f"{'[' if empty else ','}\n    {_indented(dumps(item), 2)}"
        empty = False
    yield "[]" if empty else "\n  ]"


def _indented(encoded: str, level: int) -> str:
    return encoded.replace("\n", "\n" + "  " * level)
