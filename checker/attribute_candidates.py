"""Suggest attributes.yaml entries: words that recur right next to figures or dates and that no
attribute of the pack covers.

A curator starting a pack knows the domain's entities before its attributes; the articles
show the attributes: a noun or verb that keeps preceding a number (出货量达到500万台, sold
1.2 million) or following a date (5月3日获批) is a trigger waiting for its attribute. Each
figure's clause is read back from the figure (a date's, in Chinese, forward from it) to
the nearest word (figures some attribute already reads are passed over) that is not a function word of the language (spaCy's stop words), not a
word of the pack's lexicon (为, 达到, rose), not a time word (去年), not a name and not a number; a word that
contains or is contained in a trigger of the pack is covered. Words seen at least twice,
in the same kind and unit class, become draft attributes: kind, label, units, the entity
types of the pack entities named before them, the word as trigger, with the contexts.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from checker.models import Article, Claim
from checker.normalize import normalize
from checker.rulepack import CURRENCIES, RulePack
from checker.words import CLAUSE_BREAK

WORD_REACH = 12  # characters searched before a figure (after a Chinese date) for its word
MIN_ATTRIBUTE_COUNT = 2  # a word next to one figure is no pattern
MAX_CONTEXTS = 3
SUBJECT_REACH = 40  # characters before the figure searched for a pack entity, whose type the subject has
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,24}")
CJK = re.compile(r"[\u4e00-\u9fff]")
CONTENT_TAGS = ("n", "v")  # jieba part-of-speech tags of nouns (n, vn) and verbs (v, vi)
NAME_TAGS = ("nr", "nrt", "nrfg", "ns", "nt", "nz")  # people, places, organizations, other proper names
SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?:\s|$)")


@dataclass
class AttributeSuggestion:
    """A draft attributes.yaml entry and the evidence for it."""

    name: str
    kind: str  # quantity or date
    word: str
    units: tuple[str, ...]
    subject_types: tuple[str, ...]
    occurrences: int
    articles: int
    contexts: tuple[str, ...] = field(default=())


def suggest_attributes(articles: Iterable[Article], claims: Iterable[Claim], pack: RulePack, min_count: int = MIN_ATTRIBUTE_COUNT) -> list[AttributeSuggestion]:
    """Draft attributes for words seen next to at least `min_count` figures or dates that no claim
    of `claims` (the pack's reading of the articles) covers, most frequent first."""
    from checker.values import find_dates, find_quantities  # the value readers load only when suggesting

    skip = _skipped(pack)
    claimed: dict[str, list[tuple[int, int]]] = {}
    for claim in claims:
        claimed.setdefault(claim.article, []).append((claim.start, claim.end))
    seen: dict[tuple[str, str, str], list[tuple[str, str, tuple[str, ...]]]] = {}
    for article in articles:
        folded = normalize(article.text)
        text = folded.text
        spots = [(m.start, m.end, "quantity", _unit_class(m.quantity.unit, pack)) for m in find_quantities(text, traditional=folded.traditional, settings=pack.value_settings)]
        spots += [(m.start, m.end, "date", "") for m in find_dates(text, article.date, traditional=folded.traditional) if m.span is not None]
        for start, end, kind, unit in spots:
            if start < article.body_start:
                continue  # the front matter
            if (kind == "quantity" and not unit) or any(a < end and start < b for a, b in claimed.get(article.id, [])):
                continue  # a figure the pack cannot say, or one an attribute already reads
            word = _word_after(text, end) if kind == "date" and CJK.match(text[end:end + 1]) else None
            word = word or _word_before(text, start)
            if word is None or _covered(word, skip, pack):
                continue
            seen.setdefault((word, kind, unit), []).append((article.id, _context(text, start, end), _types_before(text, start, pack)))
    out = []
    taken = set(pack.attributes)
    for (word, kind, unit), hits in sorted(seen.items(), key=lambda item: (-len(item[1]), item[0])):
        if len(hits) < max(min_count, MIN_ATTRIBUTE_COUNT):
            continue
        types = Counter(t for _, _, found in hits for t in found)
        name = _unique(_name(word), taken)
        taken.add(name)
        out.append(AttributeSuggestion(
            name=name, kind=kind, word=word, units=(unit,) if unit else (), subject_types=tuple(sorted(types, key=lambda t: (-types[t], t))[:2]),
            occurrences=len(hits), articles=len({a for a, _, _ in hits}), contexts=tuple(dict.fromkeys(f"{a}: {c}" for a, c, _ in hits))[:MAX_CONTEXTS],
        ))
    return out


def _skipped(pack: RulePack) -> frozenset[str]:
    """Words that are never a trigger: the language's function words, the pack's lexicon, names."""
    words = set(_stop_words())
    for _, listed in pack.settings.lexicon:
        if isinstance(listed, list):
            words.update(w.casefold() for w in listed)
    words.update(alias.casefold() for entity in pack.entities.values() for alias in entity.aliases)
    return frozenset(words)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH
    from spacy.lang.zh.stop_words import STOP_WORDS as CHINESE

    return frozenset(w.casefold() for w in ENGLISH | CHINESE)


def _covered(word: str, skip: frozenset[str], pack: RulePack) -> bool:
    folded = word.casefold()
    if folded in skip:
        return True
    triggers = {t.casefold() for rule in pack.attributes.values() for t in rule.triggers}
    return any(folded in t or t in folded for t in triggers)


def _unit_class(unit: str, pack: RulePack) -> str:
    """The `units` entry a figure's base unit fits: currency for any currency, else the unit itself if the pack can say it."""
    if unit in CURRENCIES:
        return "currency"
    if unit in ("count", "percent") or unit in pack.settings.units:
        return unit
    return ""


def _clause_start(text: str, pos: int) -> int:
    starts = [m.end() for m in CLAUSE_BREAK.finditer(text, max(0, pos - WORD_REACH), pos)]
    starts += [m.end() for m in SENTENCE_END.finditer(text, max(0, pos - WORD_REACH), pos)]
    return max(starts, default=max(0, pos - WORD_REACH))


def _word_before(text: str, pos: int) -> str | None:
    window = text[_clause_start(text, pos):pos]
    return next((w for w in reversed(_words(window)) if _content(w)), None)


def _word_after(text: str, pos: int) -> str | None:
    end = pos + WORD_REACH
    stop = [m.start() for m in CLAUSE_BREAK.finditer(text, pos, end)] + [m.start() for m in SENTENCE_END.finditer(text, pos, end)]
    window = text[pos:min(stop, default=end)]
    return next((w for w in _words(window) if _content(w)), None)


def _words(window: str) -> list[str]:
    """Chinese nouns and verbs (by jieba's dictionary tags: no time word, numeral, pronoun,
    particle or proper name; a word the dictionary lacks, such as 营收, counts as a noun) and
    Latin words of a short window, in order."""
    import jieba
    import jieba.posseg

    tags = jieba.posseg.dt.word_tag_tab
    found = []
    for piece in jieba.cut(window):
        piece = piece.strip()
        if CJK.search(piece):
            flag = tags.get(piece, "n")
            if flag[:1] in CONTENT_TAGS and flag not in NAME_TAGS:
                found.append(piece)
        else:
            found += LATIN_WORD.findall(piece)
    return found


def _content(word: str) -> bool:
    """A candidate trigger: two or more Chinese characters, or a lowercase Latin word (not a name)."""
    if CJK.search(word):
        return len(word) >= 2 and all(CJK.match(c) for c in word) and word.casefold() not in _stop_words()
    return word[:1].islower() and word.casefold() not in _stop_words()


def _types_before(text: str, pos: int, pack: RulePack) -> tuple[str, ...]:
    """The types of pack entities whose alias appears in the sentence before the figure."""
    start = max([m.end() for m in SENTENCE_END.finditer(text, max(0, pos - SUBJECT_REACH), pos)], default=max(0, pos - SUBJECT_REACH))
    window = text[start:pos]
    return tuple(sorted({e.type for e in pack.entities.values() if any(a in window for a in e.aliases)}))


def _context(text: str, start: int, end: int) -> str:
    snippet = text[max(0, start - 24):end + 12]
    return " ".join(snippet.split())


def _name(word: str) -> str:
    """An attribute name: the lowercase Latin word, or the pinyin (出货量 -> chuhuoliang)."""
    from pypinyin import lazy_pinyin

    return "_".join(re.findall(r"[a-z0-9]+", "".join(lazy_pinyin(word)).casefold())) or "attribute"


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    return candidate


# --- rendering ------------------------------------------------------------------


def attributes_yaml(suggestions: list[AttributeSuggestion], indent: str = "  ") -> list[str]:
    """The draft entries as attributes.yaml lines (without the top-level key), each after its evidence."""
    lines = []
    for s in suggestions:
        lines += ["", f"{indent}# {s.word}: {s.occurrences}× next to a {s.kind if s.kind == 'date' else (s.units[0] + ' figure')} in {s.articles} article(s)"]
        lines += [f"{indent}# {c}" for c in s.contexts]
        lines += [f"{indent}{s.name}:", f"{indent}  kind: {s.kind}", f"{indent}  label: {_quoted(s.word)}"]
        if s.units:
            lines.append(f"{indent}  units: [{', '.join(s.units)}]")
        if s.subject_types:
            lines.append(f"{indent}  subject_types: [{', '.join(s.subject_types)}]")
        lines.append(f"{indent}  triggers: [{_quoted(s.word)}]")
    return lines


def _quoted(word: str) -> str:
    import json

    return json.dumps(word, ensure_ascii=False)
