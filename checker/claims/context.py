"""What every claim extractor needs to know about one sentence.

Every position a SentenceContext takes or gives is an article offset, as are the
mentions, names, clauses, dates and claims it holds. Its `text` is the sentence
alone (a regex over it sees no neighbour): `at`, `words`, `scan` and `match`
read it at article offsets, and `local` is the one step into its frame.

Chinese is topic-prominent, so when a clause names no fitting subject the
sentence's first fitting entity (its topic) is taken; within a clause the
nearest entity to the left wins. A name the rules
pack does not know (a candidate, see checker.claims.candidates) standing in the
clause beats the topic: 与ChatGPT相比，Sparrow拥有700亿参数 is about Sparrow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from checker.claims.anaphors import Anaphor, find_anaphor
from checker.discourse import Antecedent, Discourse
from checker.languages import Grammar, grammar
from checker.models import Article, Candidate, Claim, DateMatch, Mention, Modality
from checker.values import find_dates
from checker.rulepack import AttributeRule, RulePack
from checker.structure import Block
from checker.words import CLAUSE_BREAK, find_words, reach, word_pattern  # noqa: F401  (re-exported for the extractors)

CJK = re.compile(r"[\u4e00-\u9fff]")
FRAME_REST = 3  # characters besides the date in a clause that frames a sentence in time (截至4月底，)
# an unknown name of unknown type is a subject only right before the value (Sparrow拥有700亿参数),
# not across a clause (DeepMind的研究人员训练了一个700亿参数的模型)
UNTYPED_REACH = 8
# entity types that act (the topic of a sentence) rather than are acted on (released, trained, sold)
AGENT_TYPES = ("organization", "person")


@lru_cache(maxsize=4)
def time_frame(language: Grammar) -> re.Pattern[str] | None:
    """A leading time frame (在新模型上线之前，…): the names inside it are not the sentence's topic."""
    opening, closing = word_pattern(language.time_frame_open), word_pattern(language.time_frame_close)
    if opening is None or closing is None:
        return None
    return re.compile(rf"^\s*(?:{opening.pattern})[^，,；;。]*?(?:{closing.pattern})(?=[，,])")


def _without(text: str, part: str) -> str:
    """`text` without `part` and the date frames around it (截至4月底，: nothing is left)."""
    return text.replace(part, "").strip(" ,，" + grammar().date_frame_chars)
# how long a quoted span may be to be a name: CJK quotations are shorter than Latin ones and titles
NAME_QUOTE_REACH, LONG_QUOTE_REACH = 24, 40
SPEECH_INSIDE = re.compile(r"[，,。；;！？!?]")


def _as_mention(candidate: Candidate) -> Mention:
    """An unknown name as a claim subject: its id is `candidate:<name>`."""
    return Mention(entity=candidate.subject, start=candidate.start, end=candidate.end, text=candidate.text)


def _speech_before(before: str) -> bool:
    """A colon or a speech verb (称, said) right before a quotation: what follows is speech."""
    stripped = before.rstrip()
    return stripped.endswith((":", "：")) or stripped.rstrip(",，").endswith(grammar().speech_verbs)


def _blanked(text: str, words: Sequence[str]) -> str:
    """`text` with each of `words` replaced by spaces (same length)."""
    for hit in reversed(find_words(words, text)) if words else ():
        text = text[:hit.start()] + " " * (hit.end() - hit.start()) + text[hit.end():]
    return text


@lru_cache(maxsize=4)
def quoted_span(language: Grammar) -> re.Pattern[str]:
    """A quoted span short enough to be a name (“星火计划”, 「登月计划」, "Project Plan B", 《…》), from the
    language tables' quotation and title marks: modality words inside it are part of the name; a
    quotation after a colon or a speech verb is speech."""
    spans = []
    for (opening, closing), title in [(pair, False) for pair in language.quotes] + [(pair, True) for pair in language.title_marks]:
        reach = LONG_QUOTE_REACH if title or opening.isascii() else NAME_QUOTE_REACH
        inside = re.escape("".join(dict.fromkeys(opening + closing)))
        spans.append(rf"{re.escape(opening)}[^{inside}\n]{{1,{reach}}}{re.escape(closing)}")
    return re.compile("|".join(spans) or "(?!)")


def mask_quoted_names(text: str) -> str:
    """`text` with the inside of each quoted name replaced by spaces; a quotation (after a
    colon or a speech verb, or holding punctuation of its own) is left as it is."""
    parts = []
    last = 0
    for match in quoted_span(grammar()).finditer(text):
        inner = match.group()[1:-1]
        if _speech_before(text[max(0, match.start() - 8):match.start()]) or SPEECH_INSIDE.search(inner):
            continue
        parts.append(text[last:match.start() + 1] + " " * len(inner))
        last = match.end() - 1
    return "".join(parts) + text[last:]


def qualified(rule: AttributeRule, text: str, start: int, end: int) -> bool:
    """The span [start, end) holds none of the rule's `forbid` words and, when it has `require`, one of those."""
    if rule.forbid and find_words(rule.forbid, text, start, end):
        return False
    return not rule.require or bool(find_words(rule.require, text, start, end))


def head_of_object(ctx: SentenceContext, mentions: list[Mention], clause_end: int) -> Mention:
    """The entity a verb acts on, among those after it: skip modifiers marked by 的
    (推出了集成ChatGPT技术的新版必应 -> 新版必应); otherwise the first (打造的Claude被视为…)."""
    language = grammar()
    for mention in mentions:
        tail = ctx.at(mention.end, min(clause_end, mention.end + 6))
        if not language.marked(tail):
            return mention
    return mentions[-1]


class Hit:
    """A match in a sentence's text with its positions as article offsets (re.Match's start, end, group)."""

    __slots__ = ("_match", "_base")

    def __init__(self, match: re.Match[str], base: int) -> None:
        self._match, self._base = match, base

    def start(self) -> int:
        return self._match.start() + self._base

    def end(self) -> int:
        return self._match.end() + self._base

    def group(self, *groups: int | str) -> str:
        return self._match.group(*groups)


@dataclass
class SentenceContext:
    article: Article
    pack: RulePack
    index: int
    start: int  # article offset of the sentence
    text: str  # normalized sentence text: the local view, read through at, words, scan and match
    original: str  # the sentence as written
    mentions: list[Mention]  # the sentence's entities (article offsets, as every position here)
    traditional: bool
    candidates: list[Candidate] = field(default_factory=list)  # unknown names
    discourse: Discourse | None = None  # what the sentences before this one named
    block: Block | None = None  # the heading, paragraph, list item or table the sentence sits in
    clauses: list[tuple[int, int]] = field(default_factory=list)
    end: int = field(init=False)  # article offset of the sentence's end

    def __post_init__(self) -> None:
        self.end = self.start + len(self.text)
        bounds = [self.start] + [self.start + m.end() for m in CLAUSE_BREAK.finditer(self.text)] + [self.end]
        self.clauses = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]

    @property
    def title(self) -> bool:
        """The sentence is (part of) a heading, a list item's title line or a bold title line: the
        segmenter may cut "1. **" from the name that follows, so the whole first line counts."""
        return self.block is not None and self.block.title and self.start < self.block.first_line_end

    # --- the sentence's text at article offsets ----------------------------------
    def local(self, pos: int) -> int:
        """`pos` as an index into `text`."""
        return pos - self.start

    def at(self, start: int, end: int | None = None) -> str:
        """The sentence's text from `start` to `end` (default: the sentence's end), sliced as a str is."""
        return self.text[start - self.start:(self.end if end is None else end) - self.start]

    def words(self, words: Iterable[str], start: int | None = None, end: int | None = None) -> list[Hit]:
        """Where `words` occur in the sentence, within [start, end) when given."""
        return self.scan(word_pattern(tuple(words)), start, end)

    def scan(self, pattern: re.Pattern[str] | None, start: int | None = None, end: int | None = None) -> list[Hit]:
        """Every match of `pattern` in the sentence, within [start, end) when given."""
        if pattern is None:
            return []
        a = 0 if start is None else start - self.start
        b = len(self.text) if end is None else end - self.start
        return [Hit(m, self.start) for m in pattern.finditer(self.text, a, b)]

    def match(self, pattern: re.Pattern[str], pos: int, end: int | None = None) -> Hit | None:
        """`pattern` matched at `pos` (as re.Pattern.match, within the sentence)."""
        found = pattern.match(self.text, pos - self.start, len(self.text) if end is None else end - self.start)
        return None if found is None else Hit(found, self.start)

    def startswith(self, prefix: str | tuple[str, ...], pos: int) -> bool:
        return self.text.startswith(prefix, pos - self.start)

    def qualified(self, rule: AttributeRule, start: int, end: int) -> bool:
        """`qualified` over the sentence's [start, end)."""
        return qualified(rule, self.text, start - self.start, end - self.start)

    @cached_property
    def dates(self) -> list[DateMatch]:
        """The sentence's dates, read once for every extractor that needs them."""
        return find_dates(self.text, self.article.date, traditional=self.traditional, offset=self.start)

    def stated_date(self, pos: int, start: int = 0) -> DateMatch | None:
        """The date that frames `pos` in time: the last resolved date before it in its clause
        (from `start` on), or in the clause before when that clause holds only the date
        (截至4月底，…; 2020年，…)."""
        clause_start = self.clause_of(pos)[0]
        earlier = [c for c in self.clauses if c[1] <= clause_start]
        frame = earlier[-1][0] if earlier else clause_start
        for match in reversed(self.dates):
            if match.span is None or match.end > pos or match.start < frame:
                continue
            if match.start >= max(clause_start, start):
                return match
            if match.end <= clause_start and len(_without(self.at(frame, clause_start), match.text)) <= FRAME_REST:
                return match
        return None

    # --- positions -----------------------------------------------------------
    def clause_of(self, pos: int) -> tuple[int, int]:
        for a, b in self.clauses:
            if a <= pos < b:
                return a, b
        return self.clauses[-1] if self.clauses else (self.start, self.end)

    def same_clause(self, a: int, b: int) -> bool:
        if not (self.start <= a < self.end and self.start <= b < self.end):
            return False  # a subject resolved from an earlier sentence
        return self.clause_of(a) == self.clause_of(b)

    def is_cjk_between(self, a: int, b: int) -> bool:
        return bool(CJK.search(self.at(a, b)))

    # --- entities ------------------------------------------------------------
    def entity_type(self, mention: Mention) -> str:
        return self.pack.entities[mention.entity].type

    def fitting(self, types: Sequence[str], exclude: Iterable[Mention] = ()) -> list[Mention]:
        banned = {id(m) for m in exclude}
        return [m for m in self.mentions if id(m) not in banned and self.entity_type(m) in types and not self.is_comparison(m)]

    def is_comparison(self, mention: Mention) -> bool:
        """百度版ChatGPT, 对标ChatGPT, ChatGPT-like: the entity is a yardstick, not the subject."""
        lexicon = self.pack.settings.lexicon
        language = grammar()
        before = self.at(max(self.start, mention.start - reach(lexicon.comparison_before)), mention.start).rstrip(" " + language.opening_quotes)
        after = self.at(mention.end, mention.end + reach(lexicon.comparison_after)).lstrip(" " + language.closing_quotes)
        return any(before.endswith(w) for w in lexicon.comparison_before) or any(after.startswith(w) for w in lexicon.comparison_after)

    def subject_near(self, start: int, end: int, types: Sequence[str], exclude: Iterable[Mention] = (), unknown: bool = True) -> Mention | None:
        """The subject of a value at [start, end): X的<value>, nearest left in clause, the name
        before a clause opening with 其/its, an unknown name before it in the clause (when
        `unknown`), topic, nearest right."""
        known = self.fitting(types, exclude)
        clause = self.clause_of(start)
        right = [m for m in known if m.start >= end and m.start < clause[1]]
        if right:
            between = self.at(end, right[0].start)
            if len(between) <= 12 and between.rstrip().endswith(grammar().modifier_markers):
                return right[0]  # 1750亿参数的GPT-3
        left = [m for m in known if m.end <= start and m.start >= clause[0]]
        if left:
            return left[-1]
        head = self.at(clause[0], start).lstrip()
        anaphor = self.anaphor_at(clause[0], start)
        if anaphor is None:
            # The family ships in four sizes, from 1 billion…; the Lisbon company, whose founders include a former
            # Google engineer, raised…: an anaphor before every name is the sentence's subject, the names after it modify it
            opening = self.anaphor_at(self.start, clause[0])
            leads = opening is not None and opening.label in types and not any(m.end <= opening.start for m in known)
            anaphor = opening if leads else None
        if anaphor is not None:
            return self._antecedent(known, anaphor.start, types, anaphor.label)
        if any(head.startswith(w) for w in self.pack.settings.lexicon.latter):
            before = [m for m in known if m.end <= clause[0]]
            return before[-1] if before else self.earlier(lambda a: a.type in types, anaphoric=True, latest=True)
        if any(head.startswith(w) for w in self.pack.settings.lexicon.anaphora):
            before = [m for m in known if m.end <= clause[0]]
            if before:
                return before[-1]  # ChatJD，其参数量…: 其 is the name just before, not the topic
        candidate = self.unknown_before(start, types) if unknown else None
        if candidate is not None:
            return candidate
        frame_pattern = time_frame(grammar())
        frame = frame_pattern.match(self.text) if frame_pattern else None
        topic = [m for m in known if m.end <= start and not (frame and m.end <= self.start + frame.end())]
        if topic:
            # an agent (company, person) is the sentence's topic; an artifact is often introduced as the
            # object of the clause before (上周又推出了Y，参数…), so the nearest one wins
            nearest = topic[-1]
            return topic[0] if self.entity_type(nearest) in AGENT_TYPES else nearest
        if right:
            return right[0]
        if self._may_be_subject(clause, types, {(m.start, m.end) for m in exclude}):
            return None  # a name the pack does not know may be the subject: do not guess across sentences
        return self.earlier(lambda a: a.type in types, anaphoric=False)

    # --- discourse -------------------------------------------------------------
    def anaphor_in(self, a: int, b: int) -> str | None:
        """The entity type an anaphoric noun in [a, b) points back to (该公司 -> organization)."""
        found = self.anaphor_at(a, b)
        return found.label if found is not None else None

    def anaphor_at(self, a: int, b: int) -> Anaphor | None:
        """The anaphoric noun or description in [a, b) (checker.claims.anaphors), in article offsets."""
        found = find_anaphor(self.pack, self.text, a - self.start, b - self.start)
        return None if found is None else Anaphor(found.label, found.start + self.start, found.end + self.start)

    def _antecedent(self, known: list[Mention], before: int, types: Sequence[str], label: str) -> Mention | None:
        """What an anaphoric noun of type `label` at `before` refers to: the nearest such entity earlier
        in the sentence, else the most salient one of the sentences before."""
        if label not in types:
            return None  # 该公司 is not the subject of a parameter count
        # the model may be a product of the pack (Claude 2): a type compatible with the noun's fits
        here = [m for m in known if m.end <= before and self.pack.types_compatible(self.entity_type(m), label)]
        if here:
            return here[-1]
        return self.earlier(lambda a: a.type in types and self.pack.types_compatible(a.type, label), anaphoric=True)

    def earlier(self, fits, anaphoric: bool, latest: bool = False) -> Mention | None:
        """The most salient entity of the sentences before that `fits` accepts (it starts before this sentence)."""
        if self.discourse is None:
            return None
        found: Antecedent | None = self.discourse.resolve(fits, anaphoric, self.block, latest)
        return None if found is None else found.mention

    # --- unknown names -----------------------------------------------------------
    def unknown_before(self, pos: int, types: Sequence[str], typed_only: bool = False) -> Mention | None:
        """The nearest unknown name left of `pos` in its clause that may have one of `types`: one of
        guessed type anywhere in the clause, one of unknown type only right before `pos`."""
        clause_start = self.clause_of(pos)[0]
        for candidate in reversed(self._unknown(types)):
            if candidate.end > pos or candidate.start < clause_start:
                continue
            if candidate.type is not None or (not typed_only and pos - candidate.end <= UNTYPED_REACH):
                return _as_mention(candidate)
        return None

    def unknown_after(self, pos: int, types: Sequence[str]) -> list[Mention]:
        """Unknown names right of `pos` in its clause that may have one of `types` (the objects of a verb
        there): ones of guessed type anywhere in the clause, ones of unknown type only right after `pos`."""
        clause_end = self.clause_of(pos)[1]
        return [
            _as_mention(c)
            for c in self._unknown(types)
            if pos <= c.start < clause_end and (c.type is not None or c.start - pos <= UNTYPED_REACH)
        ]

    def _may_be_subject(self, clause: tuple[int, int], types: Sequence[str], banned: set[tuple[int, int]]) -> bool:
        """An unknown name of a fitting guessed type in the sentence, or of unknown type in the clause
        (复旦大学NLP组参与训练的对话模型（参数量160亿）: NLP组 is no model; the list item's heading names it),
        other than a `banned` one (an object: the round, led by X)."""
        return any(
            (c.start, c.end) not in banned and (c.type in types or (c.type is None and clause[0] <= c.start < clause[1]))
            for c in self._unknown(types)
        )

    def _unknown(self, types: Sequence[str]) -> list[Candidate]:
        """Candidates whose guessed type is one of `types` or unknown, except yardsticks (对标Sparrow)."""
        return [c for c in self.candidates if (c.type is None or c.type in types) and not self.is_comparison(_as_mention(c))]

    # --- qualifiers ----------------------------------------------------------
    def modality_at(self, start: int, end: int) -> Modality:
        """Modality cues in the claim's clause or at the head of the sentence, outside quoted
        names (“星火计划” names a programme; it plans nothing)."""
        clause = self.clause_of(start)
        head_end = self.local(self.clauses[0][1]) if self.clauses else 0
        text = self.unquoted
        scopes = [text[self.local(clause[0]):self.local(max(end, clause[1]))]]
        if not self._turns(clause[0]):
            scopes.append(text[:head_end])  # 据报道，…: the head qualifies the sentence, unless a clause turns against it
        previous = [c for c in self.clauses if c[1] <= clause[0]]
        if previous and self.at(*previous[-1]).rstrip(",，:： ").endswith(grammar().speech_verbs):
            scopes.append(text[self.local(previous[-1][0]):self.local(previous[-1][1])])  # Semafor爆料称，投资总额…
        lexicon = self.pack.settings.lexicon
        scopes = [_blanked(scope, lexicon.as_planned) for scope in scopes]  # 按计划发布了: the plan was carried out
        for modality, words in (
            (Modality.denied, lexicon.denied),
            (Modality.planned, lexicon.planned),
            (Modality.reported, lexicon.reported),
            (Modality.claimed, lexicon.claimed),
        ):
            if any(find_words(words, scope) for scope in scopes):
                return modality
        return Modality.asserted

    def _turns(self, clause_start: int) -> bool:
        """A clause after the head that opens with a contrast word (…，但至今还没有…, …, but)."""
        if clause_start == self.start:
            return False
        rest = self.at(clause_start)
        contrast = word_pattern(grammar().contrast)
        return bool(contrast and self.match(contrast, clause_start + len(rest) - len(rest.lstrip())))

    @cached_property
    def unquoted(self) -> str:
        """The sentence with the inside of every quoted name blanked (same length, so offsets hold)."""
        return mask_quoted_names(self.text)

    # --- output --------------------------------------------------------------
    def claim(self, start: int, end: int, subject: Mention, attribute: str, value: str, **fields) -> Claim:
        """A claim whose evidence span covers [start, end) of this sentence; ids are set per article later."""
        return Claim(
            id="",
            article=self.article.id,
            start=start,
            end=end,
            text=self.article.text[start:end],
            sentence=self.original,
            subject=subject.entity,
            subject_text=self.article.text[subject.start:subject.end],
            attribute=attribute,
            value=value,
            version=subject.version,
            **fields,
        )
