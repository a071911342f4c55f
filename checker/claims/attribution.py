"""Attribution claims: which organization developed a model or product.

Active voice: the nearest organization left of the trigger (京东自研的K-PLUG,
字节跳动的AML团队开发了veGiantModel); passive voice: the organizations between
the passive marker and the trigger (盘古由华为云和鹏城实验室联合开发, built by
Google). Several organizations in one claim are co-developers (the passive list, or
X与Y联合发布, X and Y jointly built); the value lists them all, so a claim naming one
of them does not contradict it. An organization inside an apposition (Acme, the
lab set up by ex-Google staff, released…) or the object of another relation
(向X投资后推出, backed by X) is not the developer. The model may be
a name the rules pack does not know yet (谷歌推出了Sparrow); the developers must be
known organizations, whose relations the pack records.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.claims.context import SentenceContext, find_words, head_of_object, word_pattern
from checker.languages import grammar
from checker.models import Claim, Mention

ORGANIZATION = ("organization",)
NEGATION_REACH = 4
OBJECT_REACH = 14  # a forbid word this far before an organization makes it an object (invested in X)
POSSESSIVE_GAP = 2  # characters between an owner and its product (英伟达H800, Nvidia's H100)


def attribution_claims(ctx: SentenceContext) -> list[Claim]:
    claims = []
    for name, rule in ctx.pack.attributes.items():
        if rule.kind != "entity":
            continue
        for hit in ctx.words(rule.triggers):
            t_start, t_end = hit.start(), hit.end()
            lead = ctx.at(max(ctx.start, t_start - NEGATION_REACH), t_start)
            # 对研发X的传闻: talk about developing, not a credit
            if find_words(ctx.pack.negation_cues, lead) or lead.rstrip().endswith(grammar().nominal_markers):
                continue
            if any(ctx.startswith(w, t_end) for w in rule.nominal):
                continue  # 开源社区, 开源路线: the trigger heads a noun here, it is no verb
            found = _passive(ctx, rule, t_start, t_end) or _active(ctx, rule, t_start, t_end)
            if found is None:
                continue
            subjects, developers = found
            ids = sorted({d.entity for d in developers})
            for subject in subjects:
                if subject.entity in ids:
                    continue
                positions = [subject.start, subject.end, t_start, t_end] + [p for d in developers for p in (d.start, d.end)]
                start, end = min(positions), max(positions)
                claims.append(ctx.claim(start, end, subject, name, ",".join(ids), modality=ctx.modality_at(start, end)))
    return claims


def _active(ctx: SentenceContext, rule, t_start: int, t_end: int) -> tuple[list[Mention], list[Mention]] | None:
    clause_start, clause_end = ctx.clause_of(t_start)
    products = [m for m in ctx.fitting(rule.subject_types) if m.start >= t_end and m.start < clause_end]
    organizations = [m for m in ctx.fitting(ORGANIZATION) if m.end <= t_start and not _aside(ctx, rule, m, t_start)]
    if not products:  # an unknown name is credited only by an organization in the same clause (谷歌推出了Sparrow)
        products = ctx.unknown_after(t_end, rule.subject_types)
        organizations = [m for m in organizations if m.start >= clause_start]
    if not products or not organizations:
        return None
    developers = _joint(ctx, rule, organizations, t_start)
    products = [m for m in products if not _in_modifier(ctx, m, t_end, developers)]
    if not products:
        return None
    return _coordinated(ctx, head_of_object(ctx, products, clause_end), products), developers


def _in_modifier(ctx: SentenceContext, product: Mention, t_end: int, developers: list[Mention]) -> bool:
    """A name inside what modifies the verb's object is not the object: one owned by another organization
    named right before it (推出了基于英伟达H800的服务, a service built on Nvidia's H100), or one closed by 的
    after words of its own (发布了搭载H800的服务器; 推出的X的用户 keeps X: only particles stand before it)."""
    owners = [m for m in ctx.mentions if ctx.entity_type(m) in ORGANIZATION and m.end <= product.start and m.start >= t_end]
    owner = owners[-1] if owners else None
    if owner is not None and len(ctx.at(owner.end, product.start).strip()) <= POSSESSIVE_GAP and owner.entity not in {d.entity for d in developers}:
        return True
    language = grammar()
    if not ctx.startswith(language.modifier_markers, product.end):
        return False
    lead = ctx.at(t_end, product.start)
    return bool(lead.strip(" " + "".join(language.particles)))


def _coordinated(ctx: SentenceContext, head: Mention, products: list[Mention]) -> list[Mention]:
    """The verb's object and the names coordinated right after it (推出了A800与H800, released X and Y):
    each is credited."""
    coordinator = word_pattern(tuple(ctx.pack.settings.lexicon.coordinators) + ("、", ","))
    out = [head]
    for mention in (m for m in products if m.start >= head.end):
        between = ctx.at(out[-1].end, mention.start).strip()
        if not (coordinator and coordinator.fullmatch(between)):
            break
        out.append(mention)
    return out


def _aside(ctx: SentenceContext, rule, organization: Mention, t_start: int) -> bool:
    """An organization in an apposition of its own or the object of another relation is not the one the verb credits."""
    return is_object(ctx, rule.forbid, organization) or in_apposition(ctx, organization, t_start)


def is_object(ctx: SentenceContext, forbid: Sequence[str], organization: Mention) -> bool:
    """向X, invested in X, backed by X (and Y): the organization is an investee or an investor here,
    and so is one coordinated right after such an organization."""
    coordinator = word_pattern(tuple(ctx.pack.settings.lexicon.coordinators) + (",", "、"))
    current = organization
    while True:
        base = max(ctx.start, current.start - OBJECT_REACH)
        lead = ctx.at(base, current.start).rstrip(" ")
        if any(lead.endswith(w) for w in forbid):
            return True
        joined = [m for m in coordinator.finditer(lead) if m.end() == len(lead)] if coordinator else []
        if not joined:
            return False
        edge = base + joined[-1].start()
        before = [m for m in ctx.mentions if m.end <= edge and not ctx.at(m.end, edge).strip() and ctx.entity_type(m) == "organization"]
        if not before:
            return False
        current = before[-1]


def in_apposition(ctx: SentenceContext, mention: Mention, pos: int) -> bool:
    """The mention sits in a comma-fenced apposition opened by an article (", the start-up founded by
    X,") that does not hold `pos`."""
    start, end = ctx.clause_of(mention.start)
    if start <= pos < end or not ctx.at(ctx.start, start).rstrip().endswith(","):
        return False
    articles = word_pattern(tuple(ctx.pack.settings.lexicon.articles))
    return bool(articles and articles.match(ctx.at(start, mention.start).lstrip()))


def _joint(ctx: SentenceContext, rule, organizations: list[Mention], t_start: int) -> list[Mention]:
    """The developer nearest the verb, and with a joint word before the verb (X与Y联合发布, X and Y
    jointly built) the organization coordinated before it too."""
    last = organizations[-1]
    if not rule.joint or not ctx.words(rule.joint, last.end, t_start):
        return [last]
    lead = ctx.at(ctx.start, last.start).rstrip(" ")
    coordinator = word_pattern(tuple(ctx.pack.settings.lexicon.coordinators))
    joined = [m for m in coordinator.finditer(lead) if m.end() == len(lead)] if coordinator else []
    edge = ctx.start + joined[-1].start() if joined else None
    partners = [m for m in organizations if edge is not None and m.end <= edge and not grammar().marked(ctx.at(m.end, edge))]
    return [partners[-1], last] if partners else [last]


def _passive(ctx: SentenceContext, rule, t_start: int, t_end: int) -> tuple[Mention, list[Mention]] | None:
    clause_start, clause_end = ctx.clause_of(t_start)
    organizations = ctx.fitting(ORGANIZATION)
    lead = ctx.words(rule.passive, clause_start, t_start)
    if lead:  # 由华为云和鹏城实验室联合开发
        anchor = lead[-1].start()
        developers = [m for m in organizations if lead[-1].end() <= m.start and m.end <= t_start]
    else:  # built by Google
        tail = ctx.words(rule.passive, t_end, min(clause_end, t_end + 4))
        if not tail:
            return None
        anchor = t_start
        developers = [m for m in organizations if tail[0].end() <= m.start < clause_end]
    subjects = [m for m in ctx.fitting(rule.subject_types) if m.end <= anchor]
    if not subjects or subjects[-1].start < clause_start:
        unknown = ctx.unknown_before(anchor, rule.subject_types)
        subjects = [unknown] if unknown is not None else subjects
    if not developers or not subjects:
        return None
    return [subjects[-1]], developers
