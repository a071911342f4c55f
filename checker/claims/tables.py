"""Figures in Markdown table cells, read under their column header.

A table states its attribute once, in a header cell (收入（亿美元）, Revenue ($bn)) or in the row's
first cell (| 总营收 | 341亿元 |), and its unit and scale in the header's parentheses; the row's
first cell names the subject or the period (| 第二季 | 135.1 |), and the sentence before the table
names what the whole table is about (以下为英伟达三个季度的数据：). Read as a sentence, a row is a run
of bare numbers with no trigger; read cell by cell, each figure gets the attribute, unit, period
and subject its header, row and introduction give it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.claims.context import SentenceContext, find_words, qualified
from checker.claims.periods import Period, period_in
from checker.models import Mention, QuantityMatch
from checker.normalize import normalize
from checker.rulepack import AttributeRule
from checker.structure import Row
from checker.values import find_quantities

# the unit a header puts in parentheses: 收入（亿美元）, Revenue ($bn)
HEADER_UNIT = re.compile(r"[（(]([^（()）]{1,10})[）)]")
BARE = re.compile(r"\s*[+-]?\d[\d,.]{0,20}\s*")
INTRO_REACH = 300  # characters before the table that may introduce it
MAX_ROWS = 200  # lines a row may sit below its table's start: a longer table's rows are read as sentences


@dataclass(frozen=True)
class TableFigure:
    match: QuantityMatch
    attribute: str
    subject: Mention
    period: Period | None


def table_figures(ctx: SentenceContext) -> list[TableFigure] | None:
    """The figures of a table row with what its header gives them; None when the sentence is no
    table body row (checker.structure found the table, its header row and its cells)."""
    found = _row_and_header(ctx)
    if found is None:
        return None
    row, header = found
    table_start = header.start
    # a row cut into sentences is read up to this sentence's end
    cells = [(a, cell) for a, b in row.cells if a < ctx.end and (cell := ctx.at(a, min(b, ctx.end))).strip()]
    line = normalize(ctx.article.text[header.start:header.end], ctx.article.language).text
    heads = [line[a - header.start:b - header.start].strip() for a, b in header.cells]
    if len(cells) < 2:
        return []
    label = cells[0][1]
    intro_start = max(0, table_start - INTRO_REACH)
    intro = ctx.article.text[intro_start:table_start]
    figures = []
    for index, (offset, cell) in enumerate(cells[1:], start=1):
        head = heads[index] if index < len(heads) else ""
        for match in _figures(ctx, cell, offset, head):
            found = _attribute(ctx, match, f"{label} {head}")
            if found is None:
                continue
            name, rule = found
            period = None
            if rule.per_period:
                period = period_in(ctx, label) or period_in(ctx, head) or period_in(ctx, intro)
                if period is None:
                    continue
            subject = _subject(ctx, rule, intro, intro_start)
            if subject is None:
                continue
            figures.append(TableFigure(match, name, subject, period))
    return figures


def _row_and_header(ctx: SentenceContext) -> tuple[Row, Row] | None:
    """The table row this sentence opens and its table's header row; None when the sentence opens
    no row, the row is the header itself, or it sits too far down a long table."""
    block = ctx.block
    if block is None or block.kind != "table":
        return None
    line = block.row_at(ctx.start)
    header = block.header
    if line is None or line > MAX_ROWS or header is None or header.start >= ctx.start:
        return None
    return block.rows[line], header


def _figures(ctx: SentenceContext, cell: str, start: int, head: str) -> list[QuantityMatch]:
    """The figures of one cell (starting at article offset `start`); a bare number takes the unit
    and scale of its header's parentheses."""
    unit = HEADER_UNIT.search(head)
    written = cell.rstrip()
    lent = unit.group(1) if unit and BARE.fullmatch(cell) else ""
    text = written + (" " if lent[:1].isascii() and lent[:1].isalpha() else "") + lent
    settings = ctx.pack.value_settings
    found = find_quantities(text, traditional=ctx.traditional, settings=settings, offset=start)
    # evidence stays inside the cell: the header's unit was only lent to the reader
    edge = start + len(written)
    return [m.model_copy(update={"end": min(m.end, edge), "text": text[m.start - start:min(m.end, edge) - start]}) for m in found if m.start < edge]


def _attribute(ctx: SentenceContext, match: QuantityMatch, heading: str) -> tuple[str, AttributeRule] | None:
    """The quantity attribute whose longest trigger the row label or column header holds."""
    best: tuple[int, str, AttributeRule] | None = None
    for name, rule in ctx.pack.attributes.items():
        if rule.kind != "quantity" or rule.change or not ctx.pack.unit_allowed(match.quantity.unit, rule.units):
            continue
        if not qualified(rule, heading, 0, len(heading)):
            continue
        hits = find_words(rule.triggers, heading)
        length = max((len(h.group()) for h in hits), default=0)
        if length and (best is None or length > best[0]):
            best = (length, name, rule)
    return None if best is None else (best[1], best[2])


def _subject(ctx: SentenceContext, rule: AttributeRule, intro: str, intro_start: int) -> Mention | None:
    """The row's first fitting name (| LLaMA | Meta | …), else what the text before the table is about:
    the most salient earlier name, or (rows far down a long table) the last fitting name of the intro."""
    fitting = ctx.fitting(rule.subject_types)
    if fitting:
        return fitting[0]
    return ctx.earlier(lambda a: a.type in rule.subject_types, anaphoric=True) or _named_in(ctx, rule, intro, intro_start)


def _named_in(ctx: SentenceContext, rule: AttributeRule, intro: str, intro_start: int) -> Mention | None:
    """The fitting pack entity whose alias occurs last (longest first) in the text before the table;
    its offsets are the intro's (before this row)."""
    folded = normalize(intro, ctx.article.language).text
    base = intro_start
    best: tuple[int, int, Mention] | None = None
    for entity in ctx.pack.entities.values():
        if entity.type not in rule.subject_types:
            continue
        for alias in entity.aliases:
            at = folded.rfind(alias)
            if at >= 0 and (best is None or (at, len(alias)) > best[:2]):
                best = (at, len(alias), Mention(entity=entity.id, start=base + at, end=base + at + len(alias), text=alias))
    return None if best is None else best[2]
