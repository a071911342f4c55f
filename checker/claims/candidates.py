"""Stage 4b: names the rules pack does not know yet, kept as candidate entities.

News about a fast-moving field names models and companies before any rules pack
does. Three kinds of evidence mark a span as a name:
- `latin`: its Latin-script shape (LaMDA, PaLM-E, OPT-175B, Character.AI, Sparrow).
  In an English sentence a plain capitalized word counts only away from the sentence
  start and when the article never writes it in lower case;
- `before_model` / `before_company`: CJK words right before 模型/大模型 or 公司/集团/
  实验室 that jieba's dictionary does not know as common words (紫东太初大模型, 深报集团);
  generic modifiers in between are skipped (混元AI大模型 -> 混元);
- `quoted`: a short quotation with a naming word before it or a type word after it
  (名为“星火”, “悟道”大模型), and short 《…》 titles; other quotation marks are scare quotes.
A name found once is recognized everywhere else in its article. Spans overlapping
known mentions, the pack's `lexicon.not_names`, calendar words and English function
words are never candidates.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from checker.claims.context import word_pattern
from checker.languages import Grammar, char_class, grammar
from checker.models import Article, Candidate, Mention
from checker.nlp import COMMON_FREQ, Toolkit
from checker.normalize import normalize
from checker.rulepack import RulePack
from checker.segment import Segment

# 约翰·亨尼斯(John Hennessy): a transliterated personal name, then the original
TRANSLITERATED = re.compile(r"[\u4e00-\u9fff]+[·•][\u4e00-\u9fff]+\s*[(（]\s*$")
QUOTED_MAX = 16
QUOTE_NOISE = re.compile(r"[，。！？；：、,;!?()（）\[\]【】—]")  # a quoted phrase, not a name
MAX_NAME_TOKENS = 3
MAX_CJK_NAME = 8
CJK = re.compile(r"[\u4e00-\u9fff]")
CJK_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
LATIN_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]+(?:[.\-+][A-Za-z0-9]+)*(?![A-Za-z0-9])")
LOWER_WORD = re.compile(r"(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])")
FOLD = re.compile(r"[\s\-_.·・]")
ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
VERSION = re.compile(r"^(?:\d|\d+(?:\.\d+)+)$")


@dataclass(frozen=True)
class _Hit:
    """A candidate span inside one sentence (sentence-relative offsets)."""

    start: int
    end: int
    cue: str
    type: str | None


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str


@dataclass
class _Sentence:
    text: str  # normalized
    tokens: list[_Token]
    taken: list[tuple[int, int]]  # known mentions, sentence-relative

    @property
    def english(self) -> bool:
        return not CJK.search(self.text)

    def free(self, start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in self.taken)


@dataclass(frozen=True, eq=False)
class _Lexicon:
    """What the finder needs from a pack and the language tables, prepared once per pack."""

    stop: frozenset[str]  # casefolded not_names
    known: frozenset[str]  # known aliases, folded
    type_words: tuple[tuple[str, re.Pattern[str]], ...]  # (label, the type words of that label)
    model_cues: frozenset[str]  # the pack's words after a model's name (大模型)
    # the language tables' words (checker/languages)
    organization_cues: frozenset[str]
    organization_endings: tuple[str, ...]
    organization_suffixes: frozenset[str]
    person_roles: tuple[str, ...]
    naming_words: tuple[str, ...]
    not_capitalized: frozenset[str]  # function and calendar words: capitalized, yet no name
    quotes: tuple[tuple[str, str], ...]  # titles first, then quotation marks
    quote_chars: str  # what may stand between a name and a type word or role next to it
    modifier_markers: tuple[str, ...]
    numeral: re.Pattern[str]
    particles: re.Pattern[str]


def name_key(text: str) -> str:
    """How occurrences of one name are joined: casefolded, whitespace collapsed (the text is already Simplified)."""
    return " ".join(text.split()).casefold()


def fold(name: str) -> str:
    """Spellings of one name fold to one key: PaLM-E, Palm E and palm-e; Chat GPT and ChatGPT."""
    return FOLD.sub("", name.casefold())


def _lexicon(pack: RulePack) -> _Lexicon:
    return _prepared(pack, grammar())


@lru_cache(maxsize=8)
def _prepared(pack: RulePack, language: Grammar) -> _Lexicon:
    aliases = (alias for entity in pack.entities.values() for alias in entity.aliases)
    known = frozenset(fold(normalize(alias).text) for alias in aliases)
    words = [
        (label, pattern)
        for rule in pack.attributes.values()
        if rule.kind == "type"
        for label, terms in rule.type_words.items()
        if (pattern := word_pattern(tuple(terms))) is not None
    ]
    return _Lexicon(
        stop=frozenset(w.casefold() for w in pack.settings.lexicon.not_names),
        known=known,
        type_words=tuple(words),
        model_cues=frozenset(pack.settings.lexicon.model_cues),
        organization_cues=frozenset(language.organization_cues),
        organization_endings=language.organization_name_endings,
        organization_suffixes=frozenset(language.organization_suffixes),
        person_roles=language.person_roles,
        naming_words=language.naming_words,
        not_capitalized=frozenset(language.function_words + language.calendar_words),
        quotes=language.title_marks + language.quotes,
        quote_chars=" " + language.quote_chars + language.title_chars + "'",  # and 'Sparrow', quoted by an apostrophe
        modifier_markers=language.modifier_markers,
        numeral=re.compile(r"^(?:\d|" + char_class(language.numerals) + ")+$"),
        # grammatical characters that jieba's unknown-word model glues to a neighbour (华为称其大模型 -> 称其)
        particles=re.compile(char_class(language.particles)),
    )


def find_candidates(
    article: Article,
    normalized: str,
    segments: Sequence[Segment],
    mentions: Sequence[Sequence[Mention]],
    pack: RulePack,
    toolkit: Toolkit,
) -> list[list[Candidate]]:
    """Candidates of each segment (article offsets, text order); `mentions` are each segment's known mentions."""
    lexicon = _lexicon(pack)
    frequency = toolkit.word_frequencies()
    lowercase = set(LOWER_WORD.findall(normalized[article.body_start:]))

    def sentences() -> Iterator[_Sentence]:
        """Each segment's sentence view, made as a pass reaches it: views of every sentence at once
        would hold a second copy of a huge article's tokens."""
        return (_sentence(seg, normalized, found) for seg, found in zip(segments, mentions))

    def surface(seg: Segment, hit: _Hit) -> str:
        return normalized[seg.sentence.start + hit.start:seg.sentence.start + hit.end]

    hits = [_in_sentence(s, lexicon, frequency, lowercase) for s in sentences()]
    memory: dict[str, _Hit] = {}
    for seg, found in zip(segments, hits):
        for hit in found:
            memory.setdefault(surface(seg, hit), hit)
    hits = [found + _recalled(sentence, found, memory) for sentence, found in zip(sentences(), hits)]
    types = _article_types([[(name_key(surface(seg, hit)), hit) for hit in found] for seg, found in zip(segments, hits)])
    out = []
    for seg, found in zip(segments, hits):
        base = seg.sentence.start
        out.append(
            [
                Candidate(
                    article=article.id,
                    start=base + hit.start,
                    end=base + hit.end,
                    text=article.text[base + hit.start:base + hit.end],
                    name=(name := name_key(surface(seg, hit))),
                    cue=hit.cue,
                    type=types.get(name),
                    sentence=seg.sentence.text,
                )
                for hit in sorted(found, key=lambda h: h.start)
            ]
        )
    return out


def _article_types(named: list[list[tuple[str, _Hit]]]) -> dict[str, str]:
    """One type per name and article: the guess made most often (对话模型Sparrow makes every Sparrow a model)."""
    votes: dict[str, Counter[str]] = {}
    for found in named:
        for name, hit in found:
            if hit.type is not None:
                votes.setdefault(name, Counter())[hit.type] += 1
    return {name: counter.most_common(1)[0][0] for name, counter in votes.items()}


def _sentence(seg: Segment, normalized: str, mentions: Sequence[Mention]) -> _Sentence:
    start = seg.sentence.start
    tokens = [_Token(a - start, b - start, normalized[a:b]) for a, b in seg.token_offsets()]
    return _Sentence(
        text=normalized[start:seg.sentence.end],
        tokens=[t for t in tokens if t.text.strip()],
        taken=[(m.start - start, m.end - start) for m in mentions],
    )


def _in_sentence(sentence: _Sentence, lexicon: _Lexicon, frequency: dict[str, int], lowercase: set[str]) -> list[_Hit]:
    """Candidates of one sentence: quoted first, then cue words, then Latin shapes; no overlaps."""
    found = _quoted(sentence, lexicon, frequency) + _before_cues(sentence, lexicon, frequency) + _latin(sentence, lexicon, lowercase)
    found = [h for h in found if sentence.free(h.start, h.end) and fold(sentence.text[h.start:h.end]) not in lexicon.known]
    kept: list[_Hit] = []
    for hit in found:
        clash = next((k for k in kept if k.start < hit.end and hit.start < k.end), None)
        if clash is None:
            kept.append(hit)
        elif clash.type is None and hit.type is not None and (clash.start, clash.end) == (hit.start, hit.end):
            kept[kept.index(clash)] = _Hit(clash.start, clash.end, clash.cue, hit.type)
    return kept


# --- Latin-script names --------------------------------------------------------


def _latin(sentence: _Sentence, lexicon: _Lexicon, lowercase: set[str]) -> list[_Hit]:
    text = sentence.text
    words = list(LATIN_WORD.finditer(text))
    first = next((m.start() for m in words), -1)
    hits = []
    run: list[re.Match[str]] = []
    for word in words:
        if run and text[run[-1].end():word.start()] != " ":
            hits.extend(_latin_runs(sentence, run, lexicon, lowercase, first))
            run = []
        run.append(word)
    return hits + _latin_runs(sentence, run, lexicon, lowercase, first)


def _latin_runs(sentence: _Sentence, words: list[re.Match[str]], lexicon: _Lexicon, lowercase: set[str], first: int) -> list[_Hit]:
    """Split a run of space-separated Latin words into names: name words, then versions and company suffixes."""
    text = sentence.text
    kinds = [_latin_kind(w.group(), lexicon, text[w.end():w.end() + 1]) if sentence.free(w.start(), w.end()) else "taken" for w in words]
    hits = []
    i = 0
    while i < len(words):
        if kinds[i] != "name":
            i += 1
            continue
        j = i + 1
        while j < len(words) and (kinds[j] in ("name", "version") or (kinds[j] != "taken" and words[j].group().casefold() in lexicon.organization_suffixes)):
            j += 1
        touching = any(_glued(words[k].group(), kinds[k]) for k in (i - 1, j) if 0 <= k < len(words))
        start, end = words[i].start(), words[j - 1].end()
        span = text[start:end]
        if not touching and name_key(span) not in lexicon.stop and _plausible(sentence, words[i:j], lowercase, first):
            hits.append(_Hit(start, end, "latin", _latin_type(text, start, end, lexicon)))
        i = j
    return hits


def _glued(word: str, kind: str) -> bool:
    """A neighbour that makes the span part of a longer name: a known one (Google Brain) or a capitalized
    word that is no name alone (Next Big Thing, AI Lab, The Information)."""
    return kind == "taken" or (kind == "no" and word[:1].isupper())


def _latin_kind(word: str, lexicon: _Lexicon, following: str = "") -> str:
    """name, version (Claude 2, ERNIE 3.0; not 2022年 or 70 billion) or no."""
    if VERSION.match(word) and not CJK.match(following):
        return "version"
    folded = word.casefold()
    if folded in lexicon.stop or folded in lexicon.not_capitalized or word[0].isdigit():
        return "no"
    parts = re.split(r"[.\-+]", word)
    if len(parts) > 1:
        if all(len(p) == 1 for p in parts) or any(p.islower() and len(p) > 1 for p in parts[1:]):
            return "no"  # U.S, AI-as-a-service, ChatGPT-like
        return "name" if _name_shaped(parts[0]) else "no"
    return "name" if _name_shaped(word) else "no"


def _name_shaped(word: str) -> bool:
    """CamelCase or capitals inside (LaMDA, BLOOM, veGiantModel), or capitalized (Sparrow)."""
    if not any(c.isalpha() for c in word):
        return False
    return any(c.isupper() for c in word[1:]) or (word[0].isupper() and len(word) >= 2)


def _plain(word: str) -> bool:
    """Capitalized like any English word at a sentence start: Sparrow, not LaMDA or GPT3."""
    return word[:1].isupper() and word[1:].islower() and word.isalpha()


def _plausible(sentence: _Sentence, words: list[re.Match[str]], lowercase: set[str], first: int) -> bool:
    """In English, a plain capitalized word is a name only mid-sentence and never written in lower case."""
    if not sentence.english or not _plain(words[0].group()):
        return True
    if words[0].start() == first:
        return False
    return len(words) > 1 or words[0].group().lower() not in lowercase


def _latin_type(text: str, start: int, end: int, lexicon: _Lexicon) -> str | None:
    """person after a role word (分析师Timothy Arcuri), organization before one (DeepMind执行长), a type word
    next to it, or a company suffix (Character.AI)."""
    if text[:start].rstrip(lexicon.quote_chars).endswith(lexicon.person_roles) or TRANSLITERATED.search(text[:start]):
        return "person"
    if _unmarked(text[end:].lstrip(lexicon.quote_chars), lexicon.modifier_markers).startswith(lexicon.person_roles):
        return "organization"  # DeepMind首席执行官Demis Hassabis, OpenAI CEO
    guessed = _type_after(text, end, lexicon) or _type_before(text, start, lexicon)
    if guessed:
        return guessed
    parts = re.split(r"[ .\-+]", text[start:end])
    return "organization" if len(parts) > 1 and parts[-1].casefold() in lexicon.organization_suffixes else None


def _unmarked(text: str, markers: tuple[str, ...]) -> str:
    """`text` without the modifier marker it opens with (的CEO -> CEO)."""
    marker = next((m for m in markers if text.startswith(m)), "")
    return text[len(marker):]


def _type_after(text: str, end: int, lexicon: _Lexicon) -> str | None:
    """The entity type named right after a span: Sparrow模型, “悟道”大模型, the Sparrow chatbot."""
    while end < len(text) and text[end] in lexicon.quote_chars:
        end += 1
    return next((label for label, pattern in lexicon.type_words if pattern.match(text, end)), None)


def _type_before(text: str, start: int, lexicon: _Lexicon) -> str | None:
    """The entity type named right before a span: 对话模型Sparrow, 初创公司Anthropic."""
    before = text[:start].rstrip(lexicon.quote_chars)
    for label, pattern in lexicon.type_words:
        if any(hit.end() == len(before) for hit in pattern.finditer(before, max(0, len(before) - 12))):
            return label
    return None


# --- CJK names before 模型 / 公司 ------------------------------------------------


def _before_cues(sentence: _Sentence, lexicon: _Lexicon, frequency: dict[str, int]) -> list[_Hit]:
    hits = []
    tokens = sentence.tokens
    for index, token in enumerate(tokens):
        if token.text in lexicon.model_cues:
            cue, kind, endings = "before_model", "model", ()
        elif token.text in lexicon.organization_cues:
            cue, kind, endings = "before_company", "organization", lexicon.organization_endings
        else:
            continue
        span = _name_before(tokens, index, lexicon, frequency, endings, skip_modifiers=cue == "before_model")
        if span is not None:
            hits.append(_Hit(span[0], span[1], cue, kind))
    return hits


def _name_before(tokens: list[_Token], cue: int, lexicon: _Lexicon, frequency: dict[str, int], endings: tuple[str, ...], skip_modifiers: bool) -> tuple[int, int] | None:
    """The CJK name that ends right before token `cue`: uncommon words, then a version or a company ending."""
    j = cue - 1
    while skip_modifiers and j >= 0 and tokens[j].text.casefold() in lexicon.stop and tokens[j].end == tokens[j + 1].start:
        j -= 1
    if j < 0 or tokens[j].end != tokens[j + 1].start:
        return None
    end = tokens[j].end
    if VERSION.match(tokens[j].text) or tokens[j].text in endings:
        j -= 1  # 悟道2.0大模型, 百川智能公司: kept in the name
    names = 0
    while j >= 0 and names < MAX_NAME_TOKENS and _cjk_name_token(tokens[j].text, lexicon, frequency) and tokens[j].end == tokens[j + 1].start:
        names += 1
        j -= 1
    if not names:
        return None
    start = tokens[j + 1].start
    return (start, end) if end - start <= MAX_CJK_NAME else None


def _cjk_name_token(word: str, lexicon: _Lexicon, frequency: dict[str, int]) -> bool:
    """Two or more CJK characters that jieba's dictionary knows as no common word (混元, 通义; not 机器人)."""
    return (
        len(word) >= 2
        and bool(CJK_ONLY.match(word))
        and not lexicon.numeral.match(word)
        and not lexicon.particles.search(word)
        and word not in lexicon.stop
        and frequency.get(word, 0) < COMMON_FREQ
    )


# --- quoted names -------------------------------------------------------------


@lru_cache(maxsize=8)
def _quote_patterns(quotes: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], ...]:
    """A quoted span of each pair of marks: the text between, at most QUOTED_MAX characters."""
    return tuple(
        re.compile(f"{re.escape(opening)}([^{re.escape(opening + closing)}\n]{{2,{QUOTED_MAX}}}){re.escape(closing)}")
        for opening, closing in quotes
    )


def _quoted(sentence: _Sentence, lexicon: _Lexicon, frequency: dict[str, int]) -> list[_Hit]:
    text = sentence.text
    hits = []
    for (opening, closing), pattern in zip(lexicon.quotes, _quote_patterns(lexicon.quotes), strict=True):
        for match in pattern.finditer(text):
            inner = match.group(1)
            start = match.start(1) + len(inner) - len(inner.lstrip())
            end = match.end(1) - (len(inner) - len(inner.rstrip()))
            content = text[start:end]
            if len(content) < 2 or QUOTE_NOISE.search(content) or lexicon.numeral.match(content) or content.casefold() in lexicon.stop:
                continue
            type_after = _type_after(text, match.end(), lexicon)
            named = text[:match.start()].rstrip().endswith(lexicon.naming_words)  # 名为“星火”: even a common word
            common = bool(CJK_ONLY.match(content)) and frequency.get(content, 0) >= COMMON_FREQ  # “对话”模型
            if content.isascii():
                if _latin_kind(content.split()[0], lexicon) == "name":  # “Stable Diffusion”, not “AI-as-a-service”
                    hits.append(_Hit(start, end, "quoted", type_after))
            elif named or (not common and (type_after or opening == "《")):
                hits.append(_Hit(start, end, "quoted", type_after or ("product" if opening == "《" else None)))
    return hits


# --- names seen elsewhere in the article ------------------------------------------


def _recalled(sentence: _Sentence, found: list[_Hit], memory: dict[str, _Hit]) -> list[_Hit]:
    """Further occurrences of names the article introduced elsewhere (紫东太初大模型 … 紫东太初拥有…)."""
    starts = {t.start for t in sentence.tokens}
    ends = {t.end for t in sentence.tokens}
    hits: list[_Hit] = []
    for surface, origin in memory.items():
        for match in re.finditer(re.escape(surface), sentence.text):
            a, b = match.start(), match.end()
            if surface.isascii():
                if ASCII_ALNUM.match(sentence.text[a - 1:a] if a else "") or ASCII_ALNUM.match(sentence.text[b:b + 1]):
                    continue
            elif a not in starts or b not in ends:
                continue
            if not sentence.free(a, b) or any(h.start < b and a < h.end for h in found + hits):
                continue
            hits.append(_Hit(a, b, origin.cue, origin.type))
    return hits
