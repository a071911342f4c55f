"""What a whole run can reuse from the cache: the findings of an unchanged set of articles.

Detection is a pure function of the claims, the articles' dates and the rules pack, and the
claims are a pure function of the articles, the pack and the tool: the extraction keys of every
article, in order, with the pack's hash pin all of it down. A CI re-run on an unchanged dataset
then reads its findings back instead of loading pandas and running every detector. Entries are
JSON of the pydantic models (zlib-compressed), as in checker.cache, never pickle.
"""

from __future__ import annotations

import hashlib
import json
import zlib

from checker.cache import DETECTIONS, ExtractionCache, RunKeys, tool_fingerprint
from checker.models import Confirmation, Finding


def detection_key(keys: RunKeys) -> str:
    """The key of the detection over the articles of `keys` (in their order) with their pack."""
    digest = hashlib.sha256(b"detection\n")
    digest.update(f"{tool_fingerprint()}\n{keys.pack}\n".encode())
    for key in keys.articles:
        digest.update(key.encode())
    return digest.hexdigest()


def cached_detection(cache: ExtractionCache, key: str) -> tuple[list[Finding], list[Confirmation]] | None:
    """The stored findings and confirmations of `key`; None when there are none or they cannot be read."""
    data = cache.get_many([key], DETECTIONS).get(key)
    if data is None:
        return None
    try:
        stored = json.loads(zlib.decompress(data))
        return [Finding.model_validate_json(item) for item in stored["findings"]], [Confirmation.model_validate_json(item) for item in stored["confirmations"]]
    except (zlib.error, ValueError, TypeError, KeyError):  # a damaged entry is a miss; the fresh detection replaces it
        return None


def store_detection(cache: ExtractionCache, key: str, findings: list[Finding], confirmations: list[Confirmation]) -> None:
    """Each model as its own JSON text, read back by its own validator (no schema built for the entry)."""
    stored = {"findings": [finding.model_dump_json() for finding in findings], "confirmations": [c.model_dump_json() for c in confirmations]}
    cache.put_many([(key, zlib.compress(json.dumps(stored).encode(), 1))], DETECTIONS)
