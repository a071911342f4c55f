"""The incremental cache: extractions of unchanged articles are read back instead of recomputed.

An extraction is a pure function of (article, rules pack, code), so the key is a hash of
the article (its text and metadata), of the pack's content and of the tool itself (its
version and a fingerprint of its source, so a changed extractor never reads stale
results). Entries are JSON (zlib-compressed), never pickle: the file lives in a shared
cache folder and must not be able to run code when read.

Beside the extractions, the same file keeps what a whole run can reuse: a rules pack read from
unchanged files (checker.cache_packs) and the findings of an unchanged set of articles
(checker.cache_detections).

The store is SQLite in WAL mode: concurrent runs read while one writes, each write is
one transaction, and a writer that finds the file locked skips its write. A cache that
cannot be read (corrupt, not a database, wrong schema) is deleted and rebuilt; a cache
that cannot even be created is switched off with a warning. The cache never fails a run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import warnings
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from checker import __version__
from checker.models import Article, Candidate, Claim, Evidence, Mention

if TYPE_CHECKING:
    from checker.extraction import Extraction
    from checker.rulepack import RulePack

CACHE_ENV = "CHECKER_CACHE_DIR"  # overrides the user cache folder (tests point it at a temporary one)
FILE_NAME = "extractions.sqlite"
SCHEMA_VERSION = 2  # 1 held the extractions table only; such a file gains the other tables on open
EXTRACTIONS, DETECTIONS, PACKS = "extractions", "detections", "packs"
TABLES = (EXTRACTIONS, DETECTIONS, PACKS)
BUSY_TIMEOUT_MS = 2_000
PACKAGE_DIR = Path(__file__).resolve().parent


class StoredExtraction(BaseModel):
    """An extraction without its article (the key already pins the article down)."""

    model_config = ConfigDict(frozen=True, ser_json_inf_nan="constants")

    claims: list[Claim]
    mentions: list[Mention]
    unresolved_dates: list[Evidence]
    candidates: list[Candidate]


def default_cache_dir() -> Path:
    """$CHECKER_CACHE_DIR, else the platform's user cache folder (~/.cache/claim-checker on Linux)."""
    if override := os.environ.get(CACHE_ENV):
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claim-checker", appauthor=False))


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """The version and a hash of every source file of the package, language tables included."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted([*PACKAGE_DIR.rglob("*.py"), *PACKAGE_DIR.glob("languages/*.yaml")]):
        digest.update(str(path.relative_to(PACKAGE_DIR)).encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def pack_fingerprint(pack: RulePack) -> str:
    """A hash of what extraction and detection read from the pack: entities, attributes, facts and settings."""
    content = {
        "entities": {key: rule.model_dump(mode="json") for key, rule in sorted(pack.entities.items())},
        "attributes": {key: rule.model_dump(mode="json") for key, rule in sorted(pack.attributes.items())},
        "facts": [fact.model_dump(mode="json") for fact in pack.facts],
        "settings": pack.settings.model_dump(mode="json"),
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def article_key(article: Article, pack_hash: str) -> str:
    """The cache key of one article's extraction with one pack and this tool."""
    digest = hashlib.sha256(article.model_dump_json().encode())
    digest.update(pack_hash.encode())
    digest.update(tool_fingerprint().encode())
    return digest.hexdigest()


def encode(extraction: Extraction) -> bytes:
    stored = StoredExtraction(
        claims=extraction.claims,
        mentions=extraction.mentions,
        unresolved_dates=extraction.unresolved_dates,
        candidates=extraction.candidates,
    )
    return zlib.compress(stored.model_dump_json(by_alias=True).encode(), 1)


def decode(data: bytes, article: Article) -> Extraction:
    from checker.extraction import Extraction  # loads only when a run reads the cache, not for `checker cache info`

    stored = StoredExtraction.model_validate_json(zlib.decompress(data))
    return Extraction(article=article, claims=stored.claims, mentions=stored.mentions, unresolved_dates=stored.unresolved_dates, candidates=stored.candidates)


@dataclass(frozen=True)
class RunKeys:
    """The cache keys of one run: the pack's hash and the extraction key of each article, in order."""

    pack: str
    articles: list[str]


def run_keys(articles: list[Article], pack: RulePack) -> RunKeys:
    pack_hash = pack_fingerprint(pack)
    return RunKeys(pack_hash, [article_key(article, pack_hash) for article in articles])


def cached_extractions(cache: ExtractionCache, articles: list[Article], keys: list[str]) -> list[Extraction | None]:
    """The cached extraction of each article (`keys`: their article_keys), None where there is none
    (or it cannot be read)."""
    stored = cache.get_many(keys)
    found: list[Extraction | None] = []
    for article, key in zip(articles, keys):
        data = stored.get(key)
        try:
            found.append(decode(data, article) if data is not None else None)
        except (zlib.error, ValueError):  # a damaged entry is a miss; the fresh extraction replaces it
            found.append(None)
    return found


def store_extractions(cache: ExtractionCache, extractions: list[Extraction], keys: list[str]) -> None:
    """Store each extraction under its article's key (`keys`, in the same order)."""
    cache.put_many((key, encode(extraction)) for key, extraction in zip(keys, extractions, strict=True))


@dataclass(frozen=True)
class CacheInfo:
    path: Path
    exists: bool
    entries: int
    bytes: int


class ExtractionCache:
    """Entries by key in the tables of one SQLite file; every failure degrades to a cache miss."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else default_cache_dir()
        self.path = self.directory / FILE_NAME
        self._db: sqlite3.Connection | None = None
        self._disabled = False

    def get_many(self, keys: Iterable[str], table: str = EXTRACTIONS) -> dict[str, bytes]:
        """The stored entries of `table` among `keys` (missing keys are absent)."""
        _check_table(table)
        wanted = list(dict.fromkeys(keys))
        found: dict[str, bytes] = {}
        db = self._connection()
        if db is None or not wanted:
            return found
        try:
            for start in range(0, len(wanted), 500):  # SQLite caps the number of bound parameters
                batch = wanted[start:start + 500]
                rows = db.execute(f"SELECT key, data FROM {table} WHERE key IN ({','.join('?' * len(batch))})", batch)
                found.update(rows.fetchall())
        except sqlite3.OperationalError as exc:
            if _locked(exc):
                return found
            self._rebuild(exc)
            return {}
        except sqlite3.DatabaseError as exc:
            self._rebuild(exc)
            return {}
        return found

    def put_many(self, entries: Iterable[tuple[str, bytes]], table: str = EXTRACTIONS) -> None:
        """Store entries in `table` in one transaction; skipped when another run holds the write lock."""
        _check_table(table)
        rows = list(entries)
        db = self._connection()
        if db is None or not rows:
            return
        try:
            with db:
                db.executemany(f"INSERT OR REPLACE INTO {table} (key, data) VALUES (?, ?)", rows)
        except sqlite3.OperationalError as exc:
            if not _locked(exc):
                self._rebuild(exc)
        except sqlite3.DatabaseError as exc:
            self._rebuild(exc)

    def info(self) -> CacheInfo:
        if not self.path.exists():
            return CacheInfo(self.path, False, 0, 0)
        size = sum(p.stat().st_size for p in self._files() if p.exists())
        db = self._connection()
        entries = 0
        if db is not None:
            try:
                entries = db.execute("SELECT count(*) FROM extractions").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                self._rebuild(exc)
        return CacheInfo(self.path, True, entries, size)

    def clear(self) -> int:
        """Delete the cache file; the number of entries it held."""
        entries = self.info().entries
        self.close()
        for path in self._files():
            path.unlink(missing_ok=True)
        return entries

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _files(self) -> Iterator[Path]:
        for suffix in ("", "-wal", "-shm"):
            yield self.path.with_name(self.path.name + suffix)

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is not None or self._disabled:
            return self._db
        try:
            self._db = self._open()
        except sqlite3.OperationalError as exc:
            if _locked(exc):  # another run is writing it: this run goes on without the cache
                self._disabled = True
            else:
                self._rebuild(exc)
        except sqlite3.DatabaseError as exc:
            self._rebuild(exc)
        except OSError as exc:
            self._disable(exc)
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.directory.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level="DEFERRED")
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, 1, SCHEMA_VERSION):
                raise sqlite3.DatabaseError(f"cache schema {version}, expected {SCHEMA_VERSION}")
            if version != SCHEMA_VERSION:  # a new or older file: the only time opening writes
                with db:
                    for table in TABLES:
                        db.execute(f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID")
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            db.execute("SELECT count(*) FROM extractions").fetchone()  # reads the file: a corrupt one fails here
        except BaseException:
            db.close()
            raise
        return db

    def _rebuild(self, cause: Exception) -> None:
        """Delete an unreadable cache and start an empty one; switch the cache off if that fails too."""
        self.close()
        warnings.warn(f"extraction cache {self.path} is unreadable ({cause}); rebuilding it", RuntimeWarning, stacklevel=3)
        try:
            for path in self._files():
                path.unlink(missing_ok=True)
            self._db = self._open()
        except (sqlite3.DatabaseError, OSError) as exc:
            self._disable(exc)

    def _disable(self, cause: Exception) -> None:
        self.close()
        self._disabled = True
        warnings.warn(f"extraction cache {self.path} is unusable ({cause}); running without it", RuntimeWarning, stacklevel=3)


def _check_table(table: str) -> None:
    if table not in TABLES:  # the name is part of the SQL text
        raise ValueError(f"no cache table {table!r}")


def _locked(exc: sqlite3.OperationalError) -> bool:
    return "locked" in str(exc) or "busy" in str(exc)
