"""The head of every JSON contract of the tool (the report, the check result).

A consumer reads `schema_version` first (major: incompatible change; minor: fields
added) and `tool` for the version that wrote the document; the body follows.
"""

from __future__ import annotations

from checker import __version__

TOOL = "claim-checker"


def envelope(schema_version: str, body: dict) -> dict:
    return {"schema_version": schema_version, "tool": {"name": TOOL, "version": __version__}, **body}
