"""`--statistics`: one line per finding code, most frequent first, as `ruff --statistics` prints.

`count  code  kind`, columns aligned, so a log shows at a glance which kind of error a
dataset has most of and the lines sort and grep like ruff's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from checker.models import Finding


def statistics_lines(findings: Iterable[Finding]) -> list[str]:
    counts: Counter[str] = Counter()
    kinds: dict[str, str] = {}
    for finding in findings:
        counts[finding.code] += 1
        kinds[finding.code] = finding.kind
    if not counts:
        return []
    count_width = len(str(max(counts.values())))
    code_width = max(map(len, counts))
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [f"{count:>{count_width}}  {code:<{code_width}}  {kinds[code]}" for code, count in rows]
