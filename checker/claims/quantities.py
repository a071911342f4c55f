"""Quantity claims: a number, the attribute its trigger word names, and its subject.

The attribute is the one whose trigger sits nearest the number in the same
clause and whose units fit the number (a dollar amount is never a parameter
count). Change attributes (市值下降了1700亿美元) need a change word between
trigger and number; the level (市值至1.99万亿美元) must not have one.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.claims.figure_lists import grouped
from checker.claims.generic import describes_a_class
from checker.claims.context import SentenceContext, find_words, reach
from checker.claims.periods import period_before
from checker.claims.tables import TableFigure, table_figures
from checker.claims.variants import variant_of
from checker.models import Claim, DateSpan, Mention, Modality, Quantity, QuantityMatch
from checker.rulepack import AttributeRule
from checker.words import MARKER_REACH
from checker.values import find_quantities
from checker.values.numbers import negated
from checker.values.format import format_quantity

WINDOW = 16


@dataclass(frozen=True)
class Trigger:
    attribute: str
    start: int
    end: int
    distance: int


def quantity_claims(ctx: SentenceContext) -> list[Claim]:
    settings = ctx.pack.value_settings
    # the original text lets the reader see full-width commas and superscripts (value layer)
    matches = find_quantities(ctx.text, traditional=ctx.traditional, settings=settings, original=ctx.original, offset=ctx.start)
    table = table_figures(ctx) or []
    claims = [_table_claim(ctx, figure) for figure in table]
    # digits inside a name (GPT-3, 360) are no figure; a table cell read under its header is read
    taken = [(m.start, m.end) for m in ctx.mentions] + [(f.match.start, f.match.end) for f in table]
    figures = [match for match in matches if not any(a < match.end and match.start < b for a, b in taken)]
    previous: Mention | None = None  # the subject of the sentence's last figure
    parts, respective = grouped(ctx, figures)
    by_match: dict[int, Claim] = {}
    for match in parts:
        if _negated(ctx, match):
            continue  # 没有千亿参数的大模型: a number said not to exist is no claim
        found = _claim_for(ctx, match, previous, figures)
        if found is not None:
            claim, previous = found
            by_match[id(match)] = claim
    paired = {id(m): claim for run in respective for m, claim in _paired(ctx, run, by_match).items()}
    return claims + [paired.get(key, claim) for key, claim in by_match.items() if key in paired or not _in_runs(key, respective)]


def _in_runs(key: int, runs: list[list[QuantityMatch]]) -> bool:
    return any(id(m) == key for run in runs for m in run)


def _paired(ctx: SentenceContext, run: list[QuantityMatch], by_match: dict[int, Claim]) -> dict[QuantityMatch, Claim]:
    """A "respectively" list's claims, the i-th figure given the i-th fitting name before the list; none
    when the names and figures do not pair up one to one."""
    claims = [by_match.get(id(m)) for m in run]
    if any(c is None for c in claims) or len({c.attribute for c in claims}) != 1:
        return {}
    rule = ctx.pack.attributes[claims[0].attribute]
    names = [m for m in ctx.fitting(rule.subject_types) if m.end <= run[0].start]
    if len(names) != len(run):
        return {}
    return {
        match: claim.model_copy(update={"subject": name.entity, "subject_text": ctx.article.text[name.start:name.end]})
        for match, claim, name in zip(run, claims, names)
    }


def _claim_for(ctx: SentenceContext, match: QuantityMatch, previous: Mention | None, figures: list[QuantityMatch]) -> tuple[Claim, Mention] | None:
    trigger = _best_trigger(ctx, match, figures)
    if trigger is None:
        return None
    rule = ctx.pack.attributes[trigger.attribute]
    if trigger.start >= match.end and describes_a_class(ctx, rule, match.start, trigger.end):
        return None  # 几十亿参数的模型: models of that size, not the topic's size
    period = period_before(ctx, match.start) if rule.per_period else None
    if rule.per_period and period is None:
        return None  # 营收341亿元 of which quarter? Figures of different periods never conflict
    quantity = _signed(ctx, rule, trigger, match)
    objects = _objects(ctx, rule)
    subject = ctx.subject_near(match.start, match.end, rule.subject_types, exclude=objects)
    if subject is None:
        return None
    if subject.start < ctx.start and previous is not None and _fits(ctx, previous, rule):
        subject = previous  # …，后者参数规模130亿，训练数据1.4万亿token: the clause goes on about the same subject
    obj = next((o.entity for o in objects if o.entity != subject.entity), None)
    start = min(match.start, trigger.start)
    end = max(match.end, trigger.end)
    if ctx.same_clause(subject.start, match.start):
        start, end = min(start, subject.start), max(end, subject.end)
    modality = ctx.modality_at(start, end)
    if rule.variants:
        obj = variant_of(ctx, rule, match.start, match.end)  # the round, not its lead investor, keys a round
    if period is not None:
        obj = obj or period.key
        modality = Modality.planned if period.open else modality  # 本季营收将达…: a forecast
    when = None if rule.per_period else _stated_time(ctx, start, match.start)
    return _make(ctx, (start, end), subject, trigger.attribute, quantity, modality, obj, when), subject


def _stated_time(ctx: SentenceContext, start: int, figure: int) -> DateSpan | None:
    """The date the claim's own words give the figure (谷歌2020年向Anthropic投资1亿美元: 2020): one inside
    the claim's span before the figure, or a clause before it that holds only a date (2019年，…)."""
    stated = ctx.stated_date(figure, start)
    return stated.span if stated is not None else None


def _table_claim(ctx: SentenceContext, figure: TableFigure) -> Claim:
    match, period = figure.match, figure.period
    rule = ctx.pack.attributes[figure.attribute]
    modality = Modality.planned if period is not None and period.open else ctx.modality_at(match.start, match.end)
    obj = period.key if period else variant_of(ctx, rule, match.start, match.end) if rule.variants else None  # | 智谱AI | 25亿元 | B轮 |
    return _make(ctx, (match.start, match.end), figure.subject, figure.attribute, match.quantity, modality, obj)


def _make(
    ctx: SentenceContext, span: tuple[int, int], subject: Mention, attribute: str, quantity: Quantity, modality: Modality, obj: str | None,
    when: DateSpan | None = None,
) -> Claim:
    return ctx.claim(
        span[0],
        span[1],
        subject,
        attribute,
        format_quantity(quantity),
        quantity=quantity,
        modality=modality,
        obj=obj,
        when=when,
    )


def _fits(ctx: SentenceContext, mention: Mention, rule: AttributeRule) -> bool:
    entity = ctx.pack.entities.get(mention.entity)
    return entity is None or entity.type in rule.subject_types


def _negated(ctx: SentenceContext, match: QuantityMatch) -> bool:
    return bool(find_words(ctx.pack.negation_cues, ctx.at(max(ctx.start, match.start - 3), match.start)))


def _best_trigger(ctx: SentenceContext, match: QuantityMatch, figures: list[QuantityMatch]) -> Trigger | None:
    # a list of figures (7B, 13B and 70B parameters) may span clauses: its trigger is in the last one's
    clause_start, clause_end = ctx.clause_of(match.start)[0], ctx.clause_of(max(match.start, match.end - 1))[1]
    best: Trigger | None = None
    for name, rule in ctx.pack.attributes.items():
        if rule.kind != "quantity" or not ctx.pack.unit_allowed(match.quantity.unit, rule.units):
            continue
        if not ctx.qualified(rule, clause_start, clause_end):
            continue
        for hit in ctx.words(rule.triggers, clause_start, clause_end):
            distance = match.start - hit.end() if hit.end() <= match.start else hit.start() - match.end
            if distance < 0 or distance > WINDOW or _counts_another_noun(ctx, match.end, hit.start()):
                continue
            if not _change_fits(ctx, rule, hit.start(), hit.end(), match):
                continue
            candidate = Trigger(name, hit.start(), hit.end(), distance)
            if best is None or (distance, -(hit.end() - hit.start())) < (best.distance, -(best.end - best.start)):
                best = candidate
    return best or _carried(ctx, match, clause_start, figures)


def _counts_another_noun(ctx: SentenceContext, figure_end: int, trigger_start: int) -> bool:
    """两个版本参数量: a measure word and another noun stand between the figure and the trigger after it."""
    between = ctx.at(figure_end, trigger_start) if figure_end <= trigger_start else ""
    words = ctx.pack.settings.lexicon.classifiers
    return len(between) > 1 and any(between.startswith(w) for w in words) and ctx.is_cjk_between(figure_end + 1, trigger_start)


def _carried(ctx: SentenceContext, match: QuantityMatch, clause_start: int, figures: list[QuantityMatch]) -> Trigger | None:
    """亚马逊宣布追加投资，金额约40亿美元; The round, led by a state fund, came to $120 million: a carrier word
    before a figure with no trigger of its own hands it the nearest trigger before its clause, unless
    that trigger's clause holds a figure of its own (一项数十亿美元级别的投资，据悉金额约20亿美元: the
    carrier restates the amount the trigger already measures)."""
    if not ctx.words(ctx.pack.settings.lexicon.carriers, clause_start, match.start):
        return None
    best: Trigger | None = None
    for name, rule in ctx.pack.attributes.items():
        if rule.kind != "quantity" or rule.change or not ctx.pack.unit_allowed(match.quantity.unit, rule.units):
            continue
        for hit in ctx.words(rule.triggers, ctx.start, clause_start):
            a, b = ctx.clause_of(hit.start())
            if not ctx.qualified(rule, a, b):
                continue
            if any(a <= f.start < b for f in figures):
                continue
            if best is None or hit.end() > best.end:
                best = Trigger(name, hit.start(), hit.end(), match.start - hit.end())
    return best


def _change_fits(ctx: SentenceContext, rule: AttributeRule, t_start: int, t_end: int, match: QuantityMatch) -> bool:
    if rule.change is None:
        return True
    lexicon = ctx.pack.settings.lexicon
    a, b = (t_end, match.start) if t_end <= match.start else (match.end, t_start)
    between = ctx.at(a, b)
    changed = bool(find_words(lexicon.increase + lexicon.decrease, between))
    if t_end <= match.start and changed:
        lead = ctx.at(max(a, match.start - reach(lexicon.level)), match.start).strip()
        if any(lead.endswith(w) for w in lexicon.level):
            changed = False  # 市值暴涨…至1.99万亿美元: the level after the change
    return changed if rule.change else not changed


def _signed(ctx: SentenceContext, rule: AttributeRule, trigger: Trigger, match: QuantityMatch) -> Quantity:
    """A change described with a fall word (跌, 下降, fell) becomes a negative interval."""
    quantity = match.quantity
    if not rule.change or (quantity.value or 0) < 0:
        return quantity  # 负3.9%, down 3%: the value layer already read the sign
    a, b = sorted((trigger.end, match.start)) if trigger.end <= match.start else (match.end, trigger.start)
    if not find_words(ctx.pack.settings.lexicon.decrease, ctx.at(a, b)):
        return quantity
    return negated(quantity)


def _objects(ctx: SentenceContext, rule: AttributeRule) -> list[Mention]:
    """Entities named right after an object marker (向Anthropic, in OpenAI, led by X), names the pack
    does not know included: an object is never the subject."""
    if not rule.object_types:
        return []
    found = []
    unknown = [Mention(entity=c.subject, start=c.start, end=c.end, text=c.text) for c in ctx.candidates if c.type is None or c.type in rule.object_types]
    for mention in [m for m in ctx.mentions if ctx.entity_type(m) in rule.object_types] + unknown:
        before = ctx.at(max(ctx.start, mention.start - MARKER_REACH), mention.start).rstrip()
        if any(before.endswith(marker) for marker in rule.object_markers):
            found.append(mention)
    return found
