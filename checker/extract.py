"""Stages 2–6 for one article: normalize, structure, segment, resolve entities, find unknown names, extract claims.

`extract_article` is a pure function of (article, rules pack): no I/O, no shared
mutable state beyond per-pack caches, so articles can be processed in parallel
processes or on a distributed engine.
"""

from __future__ import annotations

from checker.claims.attribution import attribution_claims
from checker.claims.candidates import find_candidates
from checker.claims.context import SentenceContext
from checker.claims.dates import date_claims
from checker.claims.features import feature_claims
from checker.claims.names import name_claims
from checker.claims.negation import negation_claims
from checker.claims.quantities import quantity_claims
from checker.claims.relations import relation_claims
from checker.claims.types import type_claims
from checker.descriptions import with_descriptions
from checker.editions import with_editions
from checker.discourse import Discourse
from checker.entities import find_mentions
from checker.extraction import Extraction
from checker.models import Article, Candidate, Claim, Evidence, Mention
from checker.nlp import toolkit_for
from checker.normalize import FormatFree, normalize, remove_format_characters
from checker.rulepack import RulePack
from checker.segment import segment
from checker.structure import structure
from checker.versions import with_versions


def extract_article(article: Article, pack: RulePack) -> Extraction:
    """Claims of one article; format characters are removed first (see normalize), and every
    offset of the result points into the original text again."""
    cleaned = remove_format_characters(article.text)
    if cleaned is None:
        return _extract(article, pack)
    clean_article = article.model_copy(update={"text": cleaned.text, "body_start": cleaned.to_cleaned(article.body_start)})
    return _in_original(_extract(clean_article, pack), article, cleaned)


def _in_original(extraction: Extraction, article: Article, cleaned: FormatFree) -> Extraction:
    def moved(item):
        start, end = cleaned.to_original(item.start), cleaned.end_to_original(item.end)
        return item.model_copy(update={"start": start, "end": end, "text": article.text[start:end]})

    return Extraction(
        article=article,
        claims=[moved(claim) for claim in extraction.claims],
        mentions=[moved(mention) for mention in extraction.mentions],
        unresolved_dates=[moved(evidence) for evidence in extraction.unresolved_dates],
        candidates=[moved(candidate) for candidate in extraction.candidates],
        problems=extraction.problems,
    )


def _extract(article: Article, pack: RulePack) -> Extraction:
    normalized = normalize(article.text, article.language)
    toolkit = toolkit_for(pack)
    claims: list[Claim] = []
    unresolved: list[Evidence] = []
    layout = structure(normalized.text, article.body_start)
    segments = segment(normalized.text, article.text, article.body_start, toolkit)
    known = [with_descriptions(normalized.text, with_editions(normalized.text, with_versions(normalized.text, find_mentions(seg, toolkit, pack), pack), pack), pack) for seg in segments]
    unknown = find_candidates(article, normalized.text, segments, known, pack, toolkit)
    discourse = Discourse()
    for seg, found, names in zip(segments, known, unknown):
        sentence = seg.sentence
        index = layout.index_at(sentence.start)
        block = layout.blocks[index] if index is not None else None
        ctx = SentenceContext(
            article=article,
            pack=pack,
            index=sentence.index,
            start=sentence.start,
            text=normalized.text[sentence.start:sentence.end],
            original=sentence.text,
            mentions=found,
            traditional=normalized.traditional,
            candidates=names,
            discourse=discourse,
            block=block,
        )
        dated, missing = date_claims(ctx)
        unresolved.extend(missing)
        claims.extend(quantity_claims(ctx))
        claims.extend(dated)
        claims.extend(attribution_claims(ctx))
        claims.extend(type_claims(ctx))
        claims.extend(relation_claims(ctx))
        claims.extend(negation_claims(ctx))
        claims.extend(feature_claims(ctx))
        claims.extend(name_claims(ctx))
        discourse.add(sentence.index, _antecedents(found, names, pack), block)
    return Extraction(
        article=article,
        claims=_numbered(article.id, _unique(claims)),
        mentions=[m for found in known for m in found],
        unresolved_dates=unresolved,
        candidates=[c for names in unknown for c in names],
    )


def _antecedents(found: list[Mention], names: list[Candidate], pack: RulePack) -> list[tuple[Mention, str | None]]:
    """A sentence's entities in order of mention: known ones with their type, unknown names with a guessed type."""
    known = [(m, pack.entities[m.entity].type) for m in found]
    guessed = [(Mention(entity=c.subject, start=c.start, end=c.end, text=c.text), c.type) for c in names if c.type is not None]
    return sorted(known + guessed, key=lambda pair: pair[0].start)


def _unique(claims: list[Claim]) -> list[Claim]:
    seen: set[tuple] = set()
    out = []
    for claim in sorted(claims, key=lambda c: (c.start, c.end, c.attribute, c.subject)):
        key = (claim.start, claim.end, claim.subject, claim.attribute, claim.value)
        if key not in seen:
            seen.add(key)
            out.append(claim)
    return out


def _numbered(article_id: str, claims: list[Claim]) -> list[Claim]:
    return [claim.model_copy(update={"id": f"{article_id}:c{n}"}) for n, claim in enumerate(claims, start=1)]
