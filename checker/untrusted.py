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
