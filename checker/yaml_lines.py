"""Safe YAML loading that remembers the line of every key and list item.

Rules files are written by people; a validation error is only useful if it names
the line to fix. PyYAML's composer gives nodes with marks, so we build plain
Python data from the node tree ourselves and keep a map from path to line.
Only safe tags are resolved (SafeLoader), and alias expansion is bounded so a
"billion laughs" document cannot exhaust memory. Composing uses libyaml when PyYAML
has it (ten times faster on packs that carry test cases), the pure-Python composer
otherwise; both give the same nodes and marks.
"""

from __future__ import annotations

from typing import Any

import yaml

Path = tuple[str | int, ...]
MAX_NODES = 200_000
PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")
MERGE_TAG = "tag:yaml.org,2002:merge"
COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(Exception):
    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


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
    budget = [MAX_NODES]
    constructor = yaml.SafeLoader("")
    data = _build(root, (), lines, budget, constructor)
    return data, lines


def _build(node: yaml.Node, path: Path, lines: dict[Path, int], budget: list[int], constructor: yaml.SafeLoader) -> Any:
    budget[0] -= 1
    if budget[0] < 0:
        raise YamlProblem(f"document expands to more than {MAX_NODES} nodes (too many anchors/aliases?)", node.start_mark.line + 1)
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


def line_of(lines: dict[Path, int], loc: Path) -> int | None:
    """The line of the deepest known prefix of `loc`."""
    for end in range(len(loc), -1, -1):
        if loc[:end] in lines:
            return lines[loc[:end]]
    return None
