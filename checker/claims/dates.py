"""Date claims: when something was released, open-sourced, opened to the public, announced or shut down.

Chinese puts the time before the verb (2月8日，谷歌推出了Bard), so the trigger is
the nearest one after the date anywhere in the sentence (else the nearest before
it), and the subject is the head of the trigger's object: the last fitting entity
of the clause in Chinese, the first in English. When the clause names no fitting
entity, an unknown name after the trigger (发布了LLaMA) is the object; one before it
only when its type is known (对话模型Sparrow于9月发布), since 某公司于9月发布 is common.

Each date attribute is one kind of event; the trigger names it, and an announcing
trigger yields to the event it announces (宣布开源). An attribute with a place (a
region next to the trigger: 在欧盟上线) takes it as the claim's object. A date in
brackets after a name on a timeline list's title line dates the event the article's
title names.
"""

from __future__ import annotations

from checker.claims.context import SentenceContext, find_words, head_of_object
from checker.claims.thresholds import threshold_of
from checker.languages import grammar
from checker.models import Article, Claim, DateMatch, Evidence, Mention
from checker.normalize import normalize

OPENING, CLOSING = ("(", "（"), (")", "）")  # a date in brackets after a name (text is folded: （ may be ( already)

PRONOUN_GAP = 3  # a pronoun object right before the verb (将它正式发布) points back to an earlier sentence
EVENT_REST = 2  # characters after a trigger that ends its clause (发布会，): the next clause names the product
PLACE_BEFORE = 3  # characters between a region and the trigger after it (在欧盟正式上线)
PLACE_AFTER = 6  # characters between the trigger and a region after it (launched in the EU, 登陆欧洲市场)
ANNOUNCED_GAP = 2  # characters between an announcing trigger and the event verb it announces (宣布将开源)


def date_claims(ctx: SentenceContext) -> tuple[list[Claim], list[Evidence]]:
    """Claims, and the relative dates that could not be resolved (no article date)."""
    claims: list[Claim] = []
    unresolved: list[Evidence] = []
    for match in ctx.dates:
        if match.span is None:
            unresolved.append(_evidence(ctx.article, match.start, match.end))
            continue
        claim = _claim_for(ctx, match)
        if claim is not None:
            claims.append(claim)
    return claims, unresolved


def _evidence(article: Article, start: int, end: int) -> Evidence:
    return Evidence(article=article.id, start=start, end=end, text=article.text[start:end])


def _claim_for(ctx: SentenceContext, match: DateMatch) -> Claim | None:
    trigger = _nearest_trigger(ctx, match)
    if trigger is None:
        return _timeline_claim(ctx, match)
    attribute, t_start, t_end = trigger
    rule = ctx.pack.attributes[attribute]
    subject = _object_of(ctx, t_start, t_end, rule.subject_types)
    if subject is None:
        return None
    place = _place(ctx, rule.object_types, t_start, t_end)
    obj = place.entity if place else None
    if rule.units:
        obj = threshold_of(ctx, rule, t_start, t_end)  # a milestone: first topped $1 trillion
        if obj is None:
            return None
    span = match.span
    here = [subject] if subject.start >= ctx.start else []  # a subject from an earlier sentence stays out of the span
    start = min([match.start, t_start] + [m.start for m in here])
    end = max([match.end, t_end] + [m.end for m in here])
    return ctx.claim(
        start,
        end,
        subject,
        attribute,
        span.iso(),
        object=obj,
        span=span,
        modality=ctx.modality_at(min(match.start, t_start), max(match.end, t_end)),
    )


def _timeline_claim(ctx: SentenceContext, match: DateMatch) -> Claim | None:
    """A list item's title line of a timeline, 2. **智谱AI GLM-130B（6月25日）**: a date in brackets right
    after a name dates the event the article's title names (…发布时间线), when it names one kind."""
    if not ctx.title or not ctx.article.title:
        return None
    before = ctx.at(max(ctx.start, match.start - 1), match.start)
    after = ctx.at(match.end, match.end + 1)
    if before not in OPENING or after not in CLOSING:
        return None
    title = normalize(ctx.article.title, ctx.article.language).text
    named = [n for n, r in ctx.pack.attributes.items() if r.kind == "date" and not r.object_types and not r.announces and find_words(r.triggers, title)]
    if len(named) != 1:
        return None
    rule = ctx.pack.attributes[named[0]]
    subject = next((m for m in ctx.fitting(rule.subject_types) if 0 <= match.start - 1 - m.end <= 1), None)
    if subject is None:
        return None
    span = match.span
    return ctx.claim(
        subject.start, match.end + 1, subject, named[0], span.iso(), span=span)


def _nearest_trigger(ctx: SentenceContext, match: DateMatch) -> tuple[str, int, int] | None:
    after: list[tuple[int, int, bool, str, int, int]] = []
    before: list[tuple[int, int, bool, str, int, int]] = []
    for name, rule in ctx.pack.attributes.items():
        if rule.kind != "date":
            continue
        for hit in ctx.words(rule.triggers):
            a, b = ctx.clause_of(hit.start())
            if not ctx.qualified(rule, a, b):
                continue
            if rule.object_types and _place(ctx, rule.object_types, hit.start(), hit.end()) is None:
                continue  # launched in May is a release, launched in the EU a regional launch
            size = -(hit.end() - hit.start())
            general = not rule.object_types  # on a tie the event with its place wins (在欧盟上线: a regional launch)
            if hit.start() >= match.end and _reaches(ctx, match, hit.start()):
                after.append((hit.start() - match.end, size, general, name, hit.start(), hit.end()))
            elif hit.end() <= match.start and ctx.same_clause(hit.start(), match.start):
                before.append((match.start - hit.end(), size, general, name, hit.start(), hit.end()))
    pool = after or before
    if not pool:
        return None
    _, _, _, name, start, end = min(pool)
    if ctx.pack.attributes[name].announces:
        # 宣布开源 / announced the launch: the announced event names the attribute
        event = [(s, n, e) for _, _, _, n, s, e in after + before if n != name and 0 <= s - end <= ANNOUNCED_GAP]
        if event:
            start, name, end = min(event)
    return name, start, end


def _reaches(ctx: SentenceContext, match: DateMatch, position: int) -> bool:
    """A date governs a verb in its own clause, or in the next one when it stands alone (2月8日，谷歌推出…)."""
    own = ctx.clause_of(match.start)
    if ctx.same_clause(match.start, position):
        return True
    rest = (ctx.at(own[0], match.start) + ctx.at(match.end, own[1])).strip(" ,，" + grammar().date_frame_chars)
    return len(rest) <= 3 and ctx.clause_of(position)[0] == own[1]


def _place(ctx: SentenceContext, types, start: int, end: int) -> Mention | None:
    """Where the event of the trigger at [start, end) happened: an entity of `types` (a region) right
    before it (在欧盟上线) or right after it (登陆欧盟, launched in the EU), in its clause; 美国OpenAI推出
    names the company's country, not the launch's place."""
    if not types:
        return None
    a, b = ctx.clause_of(start)
    return next((
        m for m in ctx.mentions
        if a <= m.start < b and ctx.entity_type(m) in types and (0 <= start - m.end <= PLACE_BEFORE or 0 <= m.start - end <= PLACE_AFTER)
    ), None)


def _object_of(ctx: SentenceContext, t_start: int, t_end: int, types) -> Mention | None:
    clause_start, clause_end = ctx.clause_of(t_start)
    candidates = ctx.fitting(types)
    after = [m for m in candidates if m.start >= t_end and m.start < clause_end]
    if after:
        return head_of_object(ctx, after, clause_end)
    before = [m for m in candidates if m.end <= t_start and m.start >= clause_start]
    if before:
        return before[-1]
    unknown = ctx.unknown_after(t_end, types)
    if unknown:
        return head_of_object(ctx, unknown, clause_end)
    typed = ctx.unknown_before(t_start, types, typed_only=True)
    if typed is not None:
        return typed
    earlier = [m for m in candidates if m.end <= t_start]
    if earlier:
        return earlier[-1]
    if len(ctx.at(t_end, clause_end).strip(" ,，;；。")) <= EVENT_REST:
        # 召开发布会，现场演示了X: the event ends its clause, what it launched comes next
        following = [m for m in candidates if clause_end <= m.start < ctx.clause_of(clause_end)[1]] if clause_end < ctx.end else []
        if following:
            return following[0]
    pronoun = ctx.words(ctx.pack.settings.lexicon.anaphora, max(clause_start, t_start - PRONOUN_GAP), t_start)
    if ctx.anaphor_in(clause_start, clause_end) in types or pronoun:
        return ctx.earlier(lambda a: a.type in types, anaphoric=True)  # 6月25日团队将它正式发布: 它 is the model named before
    return None
