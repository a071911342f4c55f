"""Safe YAML loading that remembers the line of every key and list item.

Rules files are written by people; a validation error is only useful if it names
the line to fix. PyYAML's composer gives nodes with marks, so we build plain
Python data from the node tree ourselves and keep a map from path to line.
Only safe tags are resolved (SafeLoader), and alias expansion is bounded, by node
count and by the characters the expanded document would hold, so neither a "billion
laughs" document nor thousands of aliases to one long string can exhaust memory;
nesting is bounded too. Files are read only when they are regular files: a FIFO would
block forever and a device (/dev/zero) never ends. Composing uses libyaml when PyYAML
has it (ten times faster on packs that carry test cases), the pure-Python composer
otherwise; both give the same nodes and marks.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path as FilePath
from typing import Any

import yaml

Path = tuple[str | int, ...]
MAX_NODES = 200_000
MAX_DEPTH = 64
MIN_EXPANDED_CHARS = 1_000_000  # expansion may reach 10x the file's size, or this
MAX_FILE_BYTES = 50_000_000
PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
MERGE_TAG = "tag:yaml.org,2002:merge"
COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def read_yaml_text(path: FilePath, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of a regular file; YamlProblem for anything else.

    Opened without blocking and checked on the open descriptor, so a FIFO or device is
    refused before a read could hang, and a file replaced meanwhile cannot slip through.
    FileNotFoundError and UnicodeDecodeError are left to the caller, which knows what a
    missing or non-UTF-8 file means to its user.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        kind = "a folder" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a socket"
        raise YamlProblem(f"is {kind}, not a regular file")
    with os.fdopen(descriptor, "rb") as handle:
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise YamlProblem(f"is over {max_bytes:,} bytes, too large for a YAML file of rules")
    return data.decode("utf-8-sig")


def load_yaml_with_lines(text: str) -> tuple[Any, dict[Path, int]]:
    """Parse one YAML document; return (data, {path: 1-based line})."""
    try:
        root = yaml.compose(text, Loader=COMPOSER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise YamlProblem(f"YAML syntax error: {exc.problem or exc}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML error: {exc}") from None
    if root is None:
        return None, {}
    lines: dict[Path, int] = {}
    budget = _Budget(nodes=MAX_NODES, chars=max(MIN_EXPANDED_CHARS, 10 * len(text)))
    constructor = yaml.SafeLoader("")
    data = _build(root, (), lines, budget, constructor)
    return data, lines


class _Budget:
    """What the expanded document may still hold; aliases are counted every time they occur."""

    def __init__(self, nodes: int, chars: int):
        self.nodes, self.chars, self.max_chars = nodes, chars, chars

    def spend(self, node: yaml.Node) -> None:
        self.nodes -= 1
        if self.nodes < 0:
            raise YamlProblem(f"document expands to more than {MAX_NODES} nodes (too many anchors/aliases?)", node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            self.chars -= len(node.value)
            if self.chars < 0:
                raise YamlProblem(f"document expands to more than {self.max_chars:,} characters (aliases repeating long values?)", node.start_mark.line + 1)


def _build(node: yaml.Node, path: Path, lines: dict[Path, int], budget: _Budget, constructor: yaml.SafeLoader) -> Any:
    budget.spend(node)
    if len(path) > MAX_DEPTH:
        raise YamlProblem(f"nested more than {MAX_DEPTH} levels deep", node.start_mark.line + 1)
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in PLAIN_COLLECTIONS:
        raise YamlProblem(f"tag {node.tag} is not allowed in rules files", node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == MERGE_TAG:
                raise YamlProblem("merge keys (<<) are not supported in rules files", line)
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem("keys must be plain words, not lists or mappings", line)
            key = _scalar(key_node, constructor)
            if key in out:
                raise YamlProblem(f"duplicate key {key!r}", key_node.start_mark.line + 1)
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _build(value_node, path + (key,), lines, budget, constructor)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), lines, budget, constructor) for i, item in enumerate(node.value)]
    return _scalar(node, constructor)


def _scalar(node: yaml.Node, constructor: yaml.SafeLoader) -> Any:
    try:
        return constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        raise YamlProblem(f"unsupported value: {exc.problem}", node.start_mark.line + 1) from None
    except (ValueError, OverflowError) as exc:  # 2015-02-30 looks like a date and is none
        raise YamlProblem(f"`{node.value}` is not a valid {node.tag.rsplit(':', 1)[-1]} ({exc}); correct it, or quote it if it is text", node.start_mark.line + 1) from None


def line_of(lines: dict[Path, int], loc: Path) -> int | None:
    """The line of the deepest known prefix of `loc`."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None
