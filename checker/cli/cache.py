"""`checker cache info` and `checker cache clear`: the extraction cache kept between runs."""

from __future__ import annotations

import sys

import typer

from checker.cli.common import CacheDirOpt, app, err

cache_app = typer.Typer(help="Inspect or empty the extraction cache that makes re-runs on unchanged articles fast.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command()
def info(cache_dir: CacheDirOpt = None) -> None:
    """Print where the cache is, how many extractions it holds and its size on disk."""
    from checker.cache import ExtractionCache

    cache = ExtractionCache(cache_dir)
    found = cache.info()
    cache.close()
    state = f"{found.entries} extractions, {found.bytes / 1024:,.0f} KiB" if found.exists else "empty (no cache file yet)"
    sys.stdout.write(f"{found.path}: {state}\n")


@cache_app.command()
def clear(cache_dir: CacheDirOpt = None) -> None:
    """Delete the cache file; the next run extracts every article again."""
    from checker.cache import ExtractionCache

    cache = ExtractionCache(cache_dir)
    removed = cache.clear()
    err.print(f"cleared {cache.path} ({removed} extractions)", highlight=False)
