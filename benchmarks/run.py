"""Whole-process benchmark of `checker` against the floor of bare spaCy + jieba tokenization.

Usage: python benchmarks/run.py [--articles 100] [--repeats 3] [--jobs 2]

Builds deterministic corpora of distinct articles (names, figures and dates vary, so no
per-process cache flatters the figures), runs each command as its own process (startup
included) `--repeats` times and prints median, min and max wall time and peak memory,
then the ratios the performance targets are stated in (docs/performance.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# Sentences written for this benchmark; {a} and {b} are entity aliases of the bundled pack.
TEMPLATES = (
    "{a}在{month}月{day}日发布了新模型，参数规模达到{n}亿。",
    "据{a}介绍，该模型的训练数据约为{m}TB，比上一代多出{p}%。",
    "{b}表示，其研发团队今年扩充到{k}人，预计{year}年推出下一代产品。",
    "有分析人士认为，{a}与{b}之间的竞争将在{year}年进一步加剧。",
    "{a}的估值在本轮融资后升至{v}亿美元，投资方包括{b}。",
    "In {year}, {a} said its model had {n} billion parameters.",
)
FLOOR = """
import sys
from pathlib import Path
import jieba, spacy
from spacy.lang.zh import ChineseTokenizer, Segmenter
nlp = spacy.blank("zh")
tokenizer = ChineseTokenizer(nlp.vocab, segmenter=Segmenter.char)
tokenizer.segmenter, tokenizer.jieba_seg = Segmenter.jieba, jieba.Tokenizer()
tokens = sum(len(tokenizer(path.read_text(encoding="utf-8"))) for path in sorted(Path(sys.argv[1]).glob("*.md")))
"""


@dataclass(frozen=True)
class Timing:
    seconds: list[float]
    cpu: list[float]  # user + sys of the process and the workers it waited for: steadier than wall time on a shared machine
    peak_mib: float

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    def line(self, label: str) -> str:
        return (f"{label:<34} median {self.median:7.2f} s  min {min(self.seconds):7.2f}  max {max(self.seconds):7.2f}"
                f"  cpu {self.cpu_median:7.2f} s  peak {self.peak_mib:6.0f} MiB")


def build_corpus(folder: Path, count: int, seed: int = 13) -> int:
    """Write `count` distinct articles; the number of bytes written."""
    from checker.rulepack import load_rules

    pack = load_rules()
    aliases = sorted(alias for entity in pack.entities.values() for alias in entity.aliases)
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    start = dt.date(2022, 1, 1)
    for index in range(count):
        date = start + dt.timedelta(days=rng.randrange(900))
        sentences = []
        for _ in range(rng.randint(6, 12)):
            a, b = rng.sample(aliases, 2)
            sentences.append(rng.choice(TEMPLATES).format(
                a=a, b=b, n=rng.randint(10, 20000), m=rng.randint(1, 900), p=rng.randint(1, 99), k=rng.randint(20, 5000),
                v=rng.randint(5, 3000), month=rng.randint(1, 12), day=rng.randint(1, 28), year=rng.randint(2019, 2027)))
        text = f"---\ntitle: 第{index}篇\ndate: {date.isoformat()}\n---\n" + "".join(sentences) + "\n"
        path = folder / f"article{index:05d}.md"
        path.write_text(text, encoding="utf-8")
        written += len(text.encode())
    return written


def measure(command: list[str], repeats: int, before=None) -> Timing:
    seconds, cpu, peak = [], [], 0
    for _ in range(repeats):
        if before:
            before()
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own peak memory, not the running maximum of all children
        seconds.append(time.perf_counter() - started)
        cpu.append(usage.ru_utime + usage.ru_stime)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(command)} exited with {os.waitstatus_to_exitcode(status)}")
        peak = max(peak, usage.ru_maxrss)  # KiB on Linux
    return Timing(seconds, cpu, peak / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100, help="articles of the base corpus (the large one has 10x)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    checker = [sys.executable, "-m", "checker"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        one, base, large = root / "one", root / "base", root / "large"  # built just below
        sizes = {name: build_corpus(root / name, count) for name, count in (("one", 1), ("base", args.articles), ("large", 10 * args.articles))}
        report = [*checker, "report", "-f", "json", "-o", os.devnull, "--no-cache"]
        cache_dir = root / "cache"
        cold_cache = [*checker, "report", "-f", "json", "-o", os.devnull, "--cache-dir", str(cache_dir), str(base)]

        def clear_cache() -> None:
            subprocess.run([*checker, "cache", "clear", "--cache-dir", str(cache_dir)], capture_output=True, check=True)

        r = args.repeats
        results = {
            "checker --help": measure([*checker, "--help"], r),
            "floor, 1 article": measure([sys.executable, "-c", FLOOR, str(one)], r),
            "report, 1 article": measure([*report, str(one)], r),
            f"floor, {args.articles} articles": measure([sys.executable, "-c", FLOOR, str(base)], r),
            f"report, {args.articles} articles": measure([*report, str(base)], r),
            f"floor, {10 * args.articles} articles": measure([sys.executable, "-c", FLOOR, str(large)], r),
            f"report, {10 * args.articles} articles": measure([*report, str(large)], r),
            f"report, {10 * args.articles} articles, --jobs {args.jobs}": measure([*report, "--jobs", str(args.jobs), str(large)], r),
            f"report, {args.articles} articles, cold cache": measure(cold_cache, r, before=clear_cache),
        }
        results[f"report, {args.articles} articles, warm cache"] = measure(cold_cache, r)
    print(f"corpora: 1 article {sizes['one']:,} B; {args.articles} articles {sizes['base'] / 1e6:.3f} MB; {10 * args.articles} articles {sizes['large'] / 1e6:.3f} MB; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
    for label, timing in results.items():
        print(timing.line(label))
    print()
    for clock in ("wall", "cpu"):
        t = {label: timing.median if clock == "wall" else timing.cpu_median for label, timing in results.items()}
        _ratios(t, clock, args.articles, args.jobs, (sizes["large"] - sizes["base"]) / 1e6)


def _ratios(t: dict[str, float], clock: str, n: int, jobs: int, mb: float) -> None:
    """The targets' ratios on one clock: wall time is what a user waits for, CPU time what a loaded machine measures steadily."""
    big = 10 * n
    steady = (t[f"report, {big} articles"] - t[f"report, {n} articles"]) / mb
    floor_steady = (t[f"floor, {big} articles"] - t[f"floor, {n} articles"]) / mb
    print(f"[{clock}] --help: {t['checker --help']:.2f} s (target <= 0.5 s)")
    print(f"[{clock}] one-article report / floor startup: {t['report, 1 article'] / t['floor, 1 article']:.2f}x (target <= 1.5x)")
    print(f"[{clock}] steady state: {steady:.1f} s/MB vs floor {floor_steady:.1f} s/MB = {steady / floor_steady:.2f}x (target <= 3x)")
    print(f"[{clock}] linearity: 10x the articles in {t[f'report, {big} articles'] / t[f'report, {n} articles']:.2f}x the time (target <= 11x)")
    if clock == "wall":  # two workers spend more CPU than one, by design: only wall time shows the speed-up
        print(f"[{clock}] --jobs {jobs} vs 1 on {big} articles: {t[f'report, {big} articles'] / t[f'report, {big} articles, --jobs {jobs}']:.2f}x faster (target >= 1.7x on 1,000)")
    print(f"[{clock}] warm vs cold cache on {n} articles: {t[f'report, {n} articles, cold cache'] / t[f'report, {n} articles, warm cache']:.1f}x faster (target >= 10x)")

if __name__ == "__main__":
    main()
