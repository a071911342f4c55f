"""A rules pack read back from the cache when its files are unchanged.

Reading a pack parses four YAML files keeping every line and cross-checks every rule (about
0.1 s for the bundled pack): a warm run would spend more on that than on its cached articles.
The key hashes the bytes of the pack's files, its folder and the tool (checker.cache), and only a
pack that validated is stored, so a hit is what `load_rules` would return. The entry is JSON,
never pickle, and is validated again by the rules models on the way back. Dates are tagged,
so that a YAML date and a quoted date string come back as they were read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zlib
from pathlib import Path
from typing import Any

from checker.cache import PACKS, ExtractionCache, tool_fingerprint
from checker.rulepack.pack import PACK_FILES, CaseRef, RulePack, bundled_rules_dir
from checker.rulepack.schema import AttributeRule, Case, EntityRule, Fact, Settings

TAGS = ("map", "date", "datetime")


def cached_rules(cache: ExtractionCache, directory: str | Path | None = None) -> RulePack:
    """load_rules(directory), read back from `cache` when the pack's files have not changed.
    Raises RulesError for a bad pack, as load_rules does (a bad pack is never stored)."""
    folder = Path(directory) if directory else bundled_rules_dir()
    key = files_key(folder)
    data = cache.get_many([key], PACKS).get(key) if key is not None else None
    if data is not None:
        try:
            return decode(data)
        except (zlib.error, ValueError, TypeError, KeyError):  # a damaged entry is a miss
            pass
    from checker.rulepack import loader  # the YAML reader and the checks load on a miss only

    pack = loader.load_rules(directory)
    if key is not None and files_key(folder) == key:  # not edited while it was read
        try:
            cache.put_many([(key, encode(pack))], PACKS)
        except TypeError:  # a value the entry format has no tag for: this pack is read from its files every time
            pass
    return pack


def files_key(folder: Path) -> str | None:
    """A hash of the folder's name and of each pack file's bytes (or its absence); None when a
    file cannot be read, which load_rules then reports."""
    digest = hashlib.sha256(f"pack\n{tool_fingerprint()}\n{folder}\n".encode())
    for name in PACK_FILES:
        path = folder / name
        try:
            data = path.read_bytes() if path.exists() or path.is_symlink() else None
        except OSError:
            return None
        digest.update(f"{name}\n{'-' if data is None else len(data)}\n".encode())
        digest.update(data or b"")
    return digest.hexdigest()


def encode(pack: RulePack) -> bytes:
    state = {
        "directory": pack.directory,
        "entities": [(key, rule.model_dump(exclude_unset=True)) for key, rule in pack.entities.items()],
        "attributes": [(key, rule.model_dump(exclude_unset=True)) for key, rule in pack.attributes.items()],
        "facts": [fact.model_dump(exclude_unset=True) for fact in pack.facts],
        "settings": pack.settings.model_dump(exclude_unset=True),
        "cases": [(ref.file, ref.line, ref.owner, ref.case.model_dump(exclude_unset=True)) for ref in pack.cases],
        "lines": {name: list(lines.items()) for name, lines in pack.lines.items()},
    }
    return zlib.compress(json.dumps(_tagged(state), ensure_ascii=False, separators=(",", ":")).encode(), 1)


def decode(data: bytes) -> RulePack:
    state = json.loads(zlib.decompress(data), object_hook=_untagged)
    return RulePack(
        directory=state["directory"],
        entities={key: EntityRule.model_validate(rule) for key, rule in state["entities"]},
        attributes={key: AttributeRule.model_validate(rule) for key, rule in state["attributes"]},
        facts=tuple(Fact.model_validate(fact) for fact in state["facts"]),
        settings=Settings.model_validate(state["settings"]),
        cases=tuple(CaseRef(file=file, line=line, owner=owner, case=Case.model_validate(case)) for file, line, owner, case in state["cases"]),
        lines={name: {tuple(path): line for path, line in lines} for name, lines in state["lines"].items()},
    )


def _tagged(value: Any) -> Any:
    """`value` as JSON data: a date becomes {"date": ISO}, and a mapping that could be read as such a
    tag (one key, a tag's name) is wrapped as {"map": [[key, value], ...]}. Tuples become lists,
    which the rules models read back as the tuples they declare."""
    if isinstance(value, dict):
        if len(value) == 1 and next(iter(value)) in TAGS:
            return {"map": [[key, _tagged(item)] for key, item in value.items()]}
        return {key: _tagged(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_tagged(item) for item in value]
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise TypeError(f"a rules pack holds a {type(value).__name__}, which the pack cache cannot store")


def _untagged(value: dict) -> Any:
    """The object hook undoing _tagged, one JSON object at a time (innermost first)."""
    if len(value) != 1 or (tag := next(iter(value))) not in TAGS:
        return value
    inner = value[tag]
    if tag == "map":
        return dict(inner)
    return dt.datetime.fromisoformat(inner) if tag == "datetime" else dt.date.fromisoformat(inner)
