"""JSON Schema export of the rules files, so editors validate while the curator types."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checker.rulepack.schema import SCHEMA_MODELS

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def json_schemas() -> dict[str, dict[str, Any]]:
    """JSON Schema of each rules file, keyed by file stem, generated from the models."""
    schemas = {}
    for stem, model in SCHEMA_MODELS.items():
        schema = model.model_json_schema()
        schemas[stem] = {"$schema": SCHEMA_URL, "$id": f"{stem}.schema.json", **schema}
    return schemas


def write_schemas(folder: str | Path) -> list[Path]:
    """Write <stem>.schema.json for every rules file into `folder`; return the paths."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, schema in json_schemas().items():
        path = target / f"{stem}.schema.json"
        path.write_text(schema_text(schema), encoding="utf-8")
        written.append(path)
    return written


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
