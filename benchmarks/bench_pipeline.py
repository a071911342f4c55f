"""Throughput of the pipeline on the curated dataset, repeated to a larger corpus.

Usage: python benchmarks/bench_pipeline.py [--copies 10] [--jobs 1]
Prints articles per second and characters per second for extraction and for the whole run.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from checker.api import extract_all, run
from checker.load import load_articles
from checker.rulepack import load_rules

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    pack = load_rules()
    with tempfile.TemporaryDirectory() as tmp:
        for copy in range(args.copies):
            shutil.copytree(FIXTURES, Path(tmp) / f"copy{copy}", ignore=shutil.ignore_patterns("*.yaml"))
        articles, _ = load_articles([tmp])
        chars = sum(len(a.text) for a in articles)
        extract_all(articles[:1], pack)  # warm caches (jieba dictionary, spaCy, jionlp)
        start = time.perf_counter()
        extract_all(articles, pack, jobs=args.jobs)
        extract_seconds = time.perf_counter() - start
        start = time.perf_counter()
        result = run([tmp], pack, jobs=args.jobs)
        total_seconds = time.perf_counter() - start
    print(f"{len(articles)} articles, {chars:,} characters, jobs={args.jobs}")
    print(f"extract: {extract_seconds:.2f} s  {len(articles) / extract_seconds:.1f} articles/s  {chars / extract_seconds:,.0f} chars/s")
    print(f"full run: {total_seconds:.2f} s  {len(result.claims)} claims  {len(result.findings)} findings")


if __name__ == "__main__":
    main()
