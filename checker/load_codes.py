"""Stable codes of input (load) problems, the way checker.rulepack.problems numbers rules-pack
and baseline problems: tests assert codes, scripts match them, messages may be reworded.

`LOAD_CODES` is the one list; docs/robustness.md shows it (a test keeps the two equal).
"""

from __future__ import annotations

LOAD_CODES: dict[str, str] = {
    "LD001": "a path that does not exist",
    "LD002": "a file that cannot be read (permission, I/O error)",
    "LD003": "a folder that cannot be read; skipped",
    "LD004": "a folder given where a file was expected",
    "LD010": "not a regular file (a FIFO, device or socket); not read",
    "LD011": "a symbolic link loop",
    "LD012": "a broken symbolic link (its target is missing)",
    "LD013": "a symbolic link to a folder; not followed",
    "LD014": "a subfolder that is a separate dataset or rules pack; skipped (a note)",
    "LD020": "an empty file, or one of whitespace only",
    "LD021": "a file over --max-bytes (or standard input over it)",
    "LD030": "a binary file (NUL bytes)",
    "LD031": "no encoding declared and not UTF-8: the encoding was guessed",
    "LD032": "bytes invalid in the encoding the byte-order mark declares, read as U+FFFD",
    "LD033": "an encoding that cannot be recognised",
    "LD040": "front matter that cannot be read (not YAML, not closed, too deep, not a mapping); read as body",
    "LD041": "a front-matter field that is not text, or too long; ignored or cut",
    "LD042": "a front-matter date that does not exist or is not in a form the loader reads; undated",
    "LD050": "a .jsonl line that is not valid JSON",
    "LD051": "a .jsonl line nested too deeply",
    "LD052": "a .jsonl line that is not an object with a non-empty string `text`",
    "LD053": "a .jsonl `text` holding lone surrogate escapes, read as U+FFFD",
    "LD054": "a .jsonl file of blank lines only",
    "LD090": "an internal error while extracting one article's claims; its claims are left out",
}
