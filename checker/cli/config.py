"""Configuration discovered the way ruff finds it: `.checker.toml` or the `[tool.checker]`
table of `pyproject.toml`, in the current folder or the nearest folder above it.

The search stops at the root of the git checkout (the folder holding `.git`), so a
project never picks up a file from outside its repository. In one folder `.checker.toml`
comes first. Paths in the file are relative to the file. Command-line flags win over
the file. A wrong key or value is one error naming the file and the key (exit 2).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from checker.cli.selection import SelectionError, selected_codes
from checker.output.registry import choices
from checker.severity import Severity

OWN_FILE = ".checker.toml"
PYPROJECT = "pyproject.toml"
KEYS = ("rules", "fail-on", "select", "ignore", "baseline", "format")


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and key."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    rules: Path | None = None
    fail_on: Severity | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    baseline: Path | None = None
    format: Enum | None = None  # a member of choices("check")
    keys: frozenset[str] = field(default_factory=frozenset)


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The nearest configuration file at or above `start` and its table, or None."""
    for folder in (start, *start.parents):
        own = folder / OWN_FILE
        if own.is_file():
            return own, _read(own)
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {}).get("checker")
            if table is not None:
                if not isinstance(table, dict):
                    raise ConfigError(f"{pyproject}: `tool.checker` must be a table")
                return pyproject, table
        if (folder / ".git").exists():
            return None
    return None


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not readable TOML: {exc}") from None


def load_config(start: Path | None = None) -> Config:
    """The configuration that applies in `start` (default: the current folder)."""
    found = find_config((start or Path.cwd()).resolve())
    if found is None:
        return Config()
    path, table = found
    where = f"{path}: [tool.checker]" if path.name == PYPROJECT else str(path)

    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(f"{where}: `{key}` {message}")

    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise fail(unknown[0], f"is not a setting; valid keys: {', '.join(KEYS)}")
    values: dict = {}
    for key in ("rules", "baseline"):
        if key in table:
            if not isinstance(table[key], str) or not table[key].strip():
                raise fail(key, "must be a path (a non-empty string)")
            values[key] = path.parent / table[key]
    for key, options in (("fail-on", Severity), ("format", choices("check"))):
        if key in table:
            names = [option.value for option in options]
            if table[key] not in names:
                raise fail(key, f"must be one of {', '.join(names)}, not {table[key]!r}")
            values[key.replace("-", "_")] = options(table[key])
    for key in ("select", "ignore"):
        if key in table:
            codes = table[key]
            if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
                raise fail(key, "must be a list of finding codes, such as [\"NUM\", \"REF001\"]")
            try:
                selected_codes(codes, None)
            except SelectionError as exc:
                raise fail(key, f"holds an {exc}") from None
            values[key] = codes
    return Config(path=path, keys=frozenset(table), **values)
