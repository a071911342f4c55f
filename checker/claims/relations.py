"""Relations written without a verb: possessives, appositions, copulas and anaphoric type nouns.

News credits a model to its maker and says what a thing is without a verb: 腾讯的混元,
X旗下的这款应用 (pointing back to the product named before), "Meta's Llama", "Cohere, whose
Command model", "its Claude chatbot", "The assistant, Baidu's reply to ChatGPT", 文心一言是百度推出的
一款聊天机器人, "Gaudi, an AI training chip",
昇腾是一款推理芯片, and 这款芯片 opening the clause right after a model is named (which calls that
model a chip). Every word is the pack's: the developer attribute's `possessive` markers and its
`forbid` words (an investor is not a developer: 微软投资的…, backed by), the type attribute's
`type_words`, and the lexicon's `demonstratives`, `articles`, `copula`, `phrase_end` and
`possessive_pronouns`; quotation marks and the modifier marker 的 are the language tables'
(checker/languages).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from checker.claims.attribution import in_apposition, is_object
from checker.claims.context import AGENT_TYPES, SentenceContext, find_words, word_pattern
from checker.languages import Grammar, grammar
from checker.models import Claim, Mention
from checker.normalize import normalize
from checker.rulepack import AttributeRule, RulePack
from checker.words import CLAUSE_BREAK

ORGANIZATION = ("organization",)
MODIFIER_REACH = 8  # CJK characters of modifiers before a type word (新一代推理芯片)
LATIN_MODIFIER_WORDS = 4  # English words of modifiers before a type word (in-house multilingual language model)
LATIN_MODIFIER_REACH = 40
GAP_REACH = 12  # characters between a possessive marker and the name it credits (的开源模型LLaMA)
LATIN_GAP_WORDS = 3
LOOKBACK = 80  # characters before the sentence searched for an unnamed thing a demonstrative points back to


TypeWords = dict[str, tuple[str, ...]]  # type label -> its words


@dataclass(frozen=True)
class TypePhrase:
    label: str
    start: int
    end: int
    head: str  # the type word that heads the phrase


def relation_claims(ctx: SentenceContext) -> list[Claim]:
    """Developer and type claims that no verb carries."""
    return _possessive_claims(ctx) + _type_claims(ctx)


# --- type noun phrases --------------------------------------------------------------
def type_words(ctx: SentenceContext) -> TypeWords:
    """Every type attribute's type words, per type label."""
    return _type_words(ctx.pack)


@lru_cache(maxsize=8)
def _type_words(pack: RulePack) -> TypeWords:
    merged: dict[str, list[str]] = {}
    for rule in pack.attributes.values():
        if rule.kind == "type":
            for label, words in rule.type_words.items():
                merged.setdefault(label, []).extend(words)
    return {label: tuple(words) for label, words in merged.items()}


def type_phrase(ctx: SentenceContext, pos: int, words: TypeWords, bounded: bool) -> TypePhrase | None:
    """A type noun phrase at `pos`: a few modifiers, then a run of type words whose last is the
    head (这家芯片公司 is a company). `bounded`: the head must close the phrase (punctuation, the
    end, or a `phrase_end` word after it), since 芯片巨头 is no chip."""
    clause_end = ctx.clause_of(pos)[1]
    hits = sorted(
        ((m.start(), -(m.end() - m.start()), m.end(), label) for label, ws in words.items() for m in ctx.words(ws, pos, clause_end)),
    )
    for start, _, end, label in hits:
        if not _modifiers(ctx, pos, start):
            continue
        head = start
        for nxt_start, _, nxt_end, nxt_label in hits:  # extend through adjacent type words: the last is the head
            if end <= nxt_start <= end + 1 and ctx.at(end, nxt_start).strip() == "" and nxt_end > end:
                head, end, label = nxt_start, nxt_end, nxt_label
        if bounded and not _closes(ctx, end):
            return None
        return TypePhrase(label, start, end, ctx.at(head, end))
    return None


def _modifiers(ctx: SentenceContext, start: int, end: int) -> bool:
    """Whether [start, end) can be modifiers of a noun: short, no 的, no name, no clause break."""
    text = ctx.at(start, end)
    if grammar().marked(text) or any(start < m.end and m.start < end for m in ctx.mentions):
        return False
    if text.isascii():
        return len(text) <= LATIN_MODIFIER_REACH and len(text.split()) <= LATIN_MODIFIER_WORDS
    return len(text) <= MODIFIER_REACH


def _closes(ctx: SentenceContext, pos: int) -> bool:
    rest = ctx.at(pos).lstrip(" ")
    if not rest or rest[0] in _closing() or CLAUSE_BREAK.match(rest):
        return True
    after = ctx.end - len(rest)
    if after > pos and any(m.start == after for m in ctx.mentions):
        return True  # the chip Amazon has built: a name opens a relative clause after the head
    pattern = word_pattern(tuple(ctx.pack.settings.lexicon.phrase_end))
    return bool(pattern and pattern.match(rest))


def demonstrative_noun(ctx: SentenceContext, pos: int, words: TypeWords) -> TypePhrase | None:
    """这款AI芯片, 该模型, 这家初创公司: a demonstrative and a type noun its classifier allows."""
    demonstratives = ctx.pack.settings.lexicon.demonstratives
    every = tuple(w for ws in demonstratives.values() for w in ws)
    pattern = word_pattern(every)
    hit = ctx.match(pattern, pos) if pattern else None
    if hit is None:
        return None
    phrase = type_phrase(ctx, hit.end(), words, bounded=False)
    if phrase is None or phrase.start > hit.end() + MODIFIER_REACH:
        return None
    allowed = {label for label, ws in demonstratives.items() if hit.group() in ws}
    return TypePhrase(phrase.label, hit.start(), phrase.end, phrase.head) if phrase.label in allowed else None


def _lexicon_anaphor(ctx: SentenceContext, pos: int, ending: bool) -> TypePhrase | None:
    """A listed anaphoric noun (the assistant, 该公司) starting at `pos`, or ending there when `ending`."""
    for label, words in ctx.pack.settings.lexicon.anaphors.items():
        for hit in ctx.words(words, max(ctx.start, pos - 24) if ending else pos, pos if ending else ctx.end):
            if (hit.end() == pos) if ending else (hit.start() == pos):
                return TypePhrase(label, hit.start(), hit.end(), hit.group())
    return None


def referent(ctx: SentenceContext, pos: int, label: str, mismatch: bool) -> Mention | None:
    """What an anaphoric noun of type `label` at `pos` points to: the nearest entity of that type
    before it in the sentence, else the most salient one of the sentences before; with `mismatch`,
    else the nearest artifact before it in the sentence (the noun then calls it by a wrong type)."""
    before = [m for m in ctx.mentions if m.end <= pos and not ctx.is_comparison(m)]
    same = [m for m in before if ctx.entity_type(m) == label]
    if same:
        return same[-1]
    earlier = ctx.earlier(lambda a: a.type == label, anaphoric=True)
    if earlier is not None or not mismatch:
        return earlier
    artifacts = [m for m in before if ctx.entity_type(m) not in AGENT_TYPES]
    return artifacts[-1] if artifacts else None


def _introduced_unnamed(ctx: SentenceContext, noun: TypePhrase) -> bool:
    """正在研发一款对话机器人。…这款对话机器人: the noun points back to a thing introduced without a
    name (an article and the same type word earlier in this sentence or just before it), not to a
    name nearby."""
    article = word_pattern(tuple(ctx.pack.settings.lexicon.articles))
    if article is None:
        return False
    before = normalize(ctx.article.text[max(0, ctx.start - LOOKBACK):ctx.start]).text + ctx.at(ctx.start, noun.start)
    for hit in article.finditer(before):
        if noun.head in before[hit.end():hit.end() + MODIFIER_REACH + len(noun.head)]:
            return True
    return False


def _skipped() -> str:
    """What stands between a name and the words about it: spaces and quotation marks (and 'apostrophes')."""
    return _marks(grammar())[0]


def _closing() -> str:
    """What may close a type phrase: punctuation and closing quotation marks."""
    return _marks(grammar())[1]


@lru_cache(maxsize=4)
def _marks(language: Grammar) -> tuple[str, str]:
    return " \t" + language.quote_chars + "'", ",.;:!?。、)]" + language.closing_quotes + "'"


def _skip(ctx: SentenceContext, pos: int, chars: str | None = None) -> int:
    """Past the `chars` (default: spaces and quotation marks) at `pos` in the sentence."""
    chars = _skipped() if chars is None else chars
    text, at = ctx.text, ctx.local(pos)
    while at < len(text) and text[at] in chars:
        at += 1
    return ctx.start + at


# --- possessives: the developer without a verb ------------------------------------------
def _possessive_claims(ctx: SentenceContext) -> list[Claim]:
    claims = []
    words = type_words(ctx)
    for name, rule in ctx.pack.attributes.items():
        if rule.kind != "entity" or not rule.possessive:
            continue
        marker = word_pattern(tuple(rule.possessive))
        for owner in ctx.fitting(ORGANIZATION):
            if is_object(ctx, rule.forbid, owner):
                continue
            hit = ctx.match(marker, _skip(ctx, owner.end, " ,")) if marker else None
            if hit is None:
                continue
            for subject, start, end in _possessed(ctx, rule, owner, hit.end(), words):
                if subject.entity == owner.entity or ctx.entity_type(subject) not in rule.subject_types:
                    continue
                a, b = min(start, owner.start), max(end, hit.end())
                claims.append(ctx.claim(a, b, subject, name, owner.entity, modality=ctx.modality_at(a, b)))
        claims.extend(_pronoun_claims(ctx, name, rule, words))
        claims.extend(_copula_credits(ctx, name, rule))
    return claims


def _pronoun_claims(ctx: SentenceContext, name: str, rule: AttributeRule, words: TypeWords) -> list[Claim]:
    """its Claude chatbot, 其文心一言: the pronoun stands for the organization named before it in the
    sentence (not one inside an apposition), else the one of the sentences before. A CJK pronoun
    counts only at the head of its clause (其 is also part of words such as 尤其)."""
    claims = []
    for hit in ctx.words(ctx.pack.settings.lexicon.possessive_pronouns):
        if not hit.group().isascii() and ctx.at(ctx.clause_of(hit.start())[0], hit.start()).strip():
            continue
        pos = _skip(ctx, hit.end())
        clause_end = ctx.clause_of(pos)[1]
        artifacts = [m for m in ctx.fitting(rule.subject_types) if pos <= m.start < clause_end]
        if not artifacts or not _plain_gap(ctx, rule, pos, artifacts[0].start, words):
            continue
        owners = [m for m in ctx.fitting(ORGANIZATION) if m.end <= hit.start() and not in_apposition(ctx, m, hit.start())]
        owner = owners[-1] if owners else ctx.earlier(lambda a: a.type in ORGANIZATION, anaphoric=True)
        subject = artifacts[0]
        if owner is None or owner.entity == subject.entity:
            continue
        a, b = hit.start(), subject.end
        claims.append(ctx.claim(a, b, subject, name, owner.entity, modality=ctx.modality_at(a, b)))
    return claims


def _possessed(ctx: SentenceContext, rule: AttributeRule, owner: Mention, pos: int, words: TypeWords) -> Iterator[tuple[Mention, int, int]]:
    """What a possessive credits to `owner`: the name after it (清华的MOSS, Meta的开源模型LLaMA), an
    anaphoric noun after it (X旗下的这款应用), or, as an apposition, the name before it
    (Gemini, Google's answer to GPT-4)."""
    pos = _skip(ctx, pos)
    clause_end = ctx.clause_of(pos)[1]
    artifacts = [m for m in ctx.fitting(rule.subject_types) if pos <= m.start < clause_end]
    if artifacts and _plain_gap(ctx, rule, pos, artifacts[0].start, words):
        yield artifacts[0], pos, artifacts[0].end
        return
    noun = demonstrative_noun(ctx, pos, words) or _lexicon_anaphor(ctx, pos, ending=False)
    if noun is not None and not _introduced_unnamed(ctx, noun):
        found = referent(ctx, noun.start, noun.label, mismatch=False)
        if found is not None:
            yield found, pos, noun.end
        return
    subject = _apposed_to(ctx, rule, owner, clause_end)
    if subject is not None:
        yield subject, owner.start, clause_end


def _plain_gap(ctx: SentenceContext, rule: AttributeRule, start: int, end: int, words: TypeWords) -> bool:
    """Between a possessive and the name it credits: nothing, a type phrase (开源模型, open-source
    model) or a few English modifiers; never an investment word (微软投资的…)."""
    gap = ctx.at(start, end).strip()
    if not gap:
        return True
    if find_words(rule.forbid, gap) or len(gap) > GAP_REACH * (3 if gap.isascii() else 1):
        return False
    phrase = type_phrase(ctx, start, words, bounded=False)
    if phrase is not None and ctx.at(phrase.end, end).strip() == "":
        return True
    return gap.isascii() and len(gap.split()) <= LATIN_GAP_WORDS and not find_words(rule.triggers, gap)


def _apposed_to(ctx: SentenceContext, rule: AttributeRule, owner: Mention, clause_end: int) -> Mention | None:
    """`X, Y's <noun>,` is an apposition on X, `X is Y's <noun>` (文心一言是百度的产品) a copula: X is a
    name or an anaphoric noun right before, and the possessive phrase has no verb of its own."""
    lead = ctx.at(ctx.start, owner.start).rstrip(" ")
    copula = _copula_ending(ctx, lead)
    if not lead.endswith(",") and copula is None:
        return None
    phrase = ctx.at(owner.end, clause_end)
    if find_words(rule.triggers, phrase) or find_words(rule.forbid, phrase):
        return None
    comma = ctx.start + (len(lead) - 1 if copula is None else copula)
    end = ctx.start + len(ctx.at(ctx.start, comma).rstrip(_skipped()))
    named = [m for m in ctx.fitting(rule.subject_types) if m.end == end]
    if named:
        return named[-1]
    noun = _lexicon_anaphor(ctx, end, ending=True)
    if noun is None or ctx.at(ctx.clause_of(noun.start)[0], noun.start).strip():
        return None
    return referent(ctx, noun.start, noun.label, mismatch=False)


def _copula_ending(ctx: SentenceContext, lead: str) -> int | None:
    """Where a copula that ends `lead` starts (Claude is, 文心一言是), or None."""
    copula = word_pattern(tuple(ctx.pack.settings.lexicon.copula))
    hits = [m for m in copula.finditer(lead, max(0, len(lead) - 8))] if copula else []
    return hits[-1].start() if hits and hits[-1].end() == len(lead) else None


def _copula_credits(ctx: SentenceContext, name: str, rule: AttributeRule) -> list[Claim]:
    """文心一言是百度推出的聊天机器人: a copula, an organization, the verb and 的 credit the name
    before the copula, though the verb has no object of its own."""
    claims = []
    for owner in ctx.fitting(ORGANIZATION):
        clause_start, clause_end = ctx.clause_of(owner.start)
        lead = ctx.at(clause_start, owner.start).rstrip(" ")
        copula = _copula_ending(ctx, lead)
        if copula is None or is_object(ctx, rule.forbid, owner):
            continue
        end = ctx.start + len(ctx.at(ctx.start, clause_start + copula).rstrip(_skipped()))
        subjects = [m for m in ctx.fitting(rule.subject_types) if m.end == end]
        verbs = [
            v
            for v in ctx.words(rule.triggers, owner.end, min(clause_end, owner.end + GAP_REACH))
            if ctx.startswith(grammar().modifier_markers, v.end()) and _modifiers(ctx, owner.end, v.start()) and not find_words(rule.forbid, ctx.at(owner.end, v.start()))
        ]
        if subjects and verbs and subjects[0].entity != owner.entity:
            a, b = subjects[0].start, verbs[0].end()
            claims.append(ctx.claim(a, b, subjects[0], name, owner.entity, modality=ctx.modality_at(a, b)))
    return claims


# --- types: appositions, copulas and anaphoric type nouns ----------------------------------
def _type_claims(ctx: SentenceContext) -> list[Claim]:
    claims = []
    words = type_words(ctx)
    for name, rule in ctx.pack.attributes.items():
        if rule.kind != "type":
            continue
        for mention in ctx.mentions:
            kind = ctx.entity_type(mention)
            if kind not in rule.subject_types or kind == "person":
                continue
            phrase = _described(ctx, mention, words)
            if phrase is not None:
                claims.append(ctx.claim(mention.start, phrase.end, mention, name, phrase.label, modality=ctx.modality_at(mention.start, phrase.end)))
        for start, _ in ctx.clauses:
            noun = demonstrative_noun(ctx, _skip(ctx, start), words)
            if noun is None or _introduced_unnamed(ctx, noun):
                continue
            found = referent(ctx, noun.start, noun.label, mismatch=True)
            if found is None or ctx.entity_type(found) not in rule.subject_types or ctx.entity_type(found) in AGENT_TYPES:
                continue
            claims.append(ctx.claim(noun.start, noun.end, found, name, noun.label, modality=ctx.modality_at(noun.start, noun.end)))
    return claims


def _described(ctx: SentenceContext, mention: Mention, words: TypeWords) -> TypePhrase | None:
    """The type an apposition (Gaudi, an AI training chip,) or a copula (昇腾是一款推理芯片) gives a name."""
    lexicon = ctx.pack.settings.lexicon
    pos = _skip(ctx, mention.end)
    if ctx.at(pos, pos + 1) == ",":
        pos = _skip(ctx, pos + 1)
        opened = _after_owner(ctx, pos)
        article = word_pattern(tuple(lexicon.articles))
        hit = ctx.match(article, opened) if article else None
        if hit is None and opened == pos:
            return None  # an apposition opens with an article or a possessive
        pos = _skip(ctx, hit.end() if hit else opened)
    else:
        copula = word_pattern(tuple(lexicon.copula))
        hit = ctx.match(copula, pos) if copula else None
        if hit is None:
            return None
        english = hit.group().isascii()
        pos = _skip(ctx, hit.end())
        article = word_pattern(tuple(lexicon.articles))
        opened = _skip(ctx, _after_owner(ctx, pos))
        hit = ctx.match(article, opened) if article else None
        relative = grammar().find_marker(ctx.text, ctx.local(pos), ctx.local(min(ctx.clause_of(pos)[1], pos + GAP_REACH)))
        if hit is None and not english and relative >= 0 and article:
            hit = ctx.match(article, ctx.start + relative + 1)  # 是百度推出的一款聊天机器人
        if english and hit is None and opened == pos:
            return None  # "is pitching its model": an English copula takes an article or a possessive
        pos = _skip(ctx, hit.end()) if hit else opened
    phrase = type_phrase(ctx, pos, words, bounded=True)
    return phrase if phrase is not None and _modifiers(ctx, pos, phrase.start) else None


def _after_owner(ctx: SentenceContext, pos: int) -> int:
    """Past `Amazon's ` or `英伟达的` at `pos`: the possessive that may open a type phrase."""
    owners = [m for m in ctx.mentions if m.start == pos and ctx.entity_type(m) in ORGANIZATION]
    if not owners:
        return pos
    markers = tuple(w for rule in ctx.pack.attributes.values() if rule.kind == "entity" for w in rule.possessive)
    pattern = word_pattern(markers)
    hit = ctx.match(pattern, owners[0].end) if pattern else None
    return _skip(ctx, hit.end()) if hit else pos
