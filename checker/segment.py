"""Stage 3: split an article body into sentences of tokens.

Paragraphs (lines) are processed separately so a heading never runs into the
next line; a paragraph is segmented once (the pack's segmenter, see checker.nlp),
and split into sentences the way spaCy's sentencizer does: a sentence ends after
Chinese or Western sentence punctuation and the punctuation right after it (a
closing quotation mark); splits after English abbreviations (Feb., U.S.) or
inside decimals are undone.

Input is untrusted, so every unit of work is bounded: a paragraph longer than
`MAX_PIECE` characters is segmented in pieces cut at sentence ends (one line can
be longer than any segmenter should see at once), and a "sentence" that would run
past `MAX_SENTENCE` characters (a text without punctuation, or thousands of `1.`
merged as false splits) is cut at a comma or at the limit. Extractors work per
sentence, so the article's cost stays linear.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from checker.languages import grammar
from checker.models import Sentence
from checker.nlp import Token, Toolkit, is_punct

CONTENT = re.compile(r"[\w\u4e00-\u9fff]")
PARAGRAPH = re.compile(r"[^\n]+")
MAX_PIECE = 50_000
MAX_SENTENCE = 600
SENTENCE_PUNCT = frozenset({"。", "！", "？", "!", "?", ".", "…", "……", "｡"})
SENTENCE_END = re.compile(r"[。！？!?；;…]|\.(?=\s)")
SPACE = re.compile(r"\s")
CLAUSE_BREAKS = {"，", ",", "；", ";", "、", "：", ":", " "}
ABBREVIATED = re.compile(r"([A-Za-z.]+)\.$")
TAIL = 64  # characters of a sentence's end that decide a false split


@dataclass(frozen=True, eq=False)
class Segment:
    """A sentence and its tokens; offsets are into the article text.

    Every segment of an article is alive while its names are read, so the tokens are kept as
    offsets in arrays (a few bytes a token, not a tuple, two ints and a string) and made into
    `Token`s when asked for; a token's text is its slice of `text`."""

    sentence: Sentence
    text: str  # the normalized text from the first token's start to the last one's end
    starts: array  # the tokens' article offsets
    ends: array
    spaces: bytes  # 1 where one space follows the token, as in the paragraph

    @classmethod
    def of(cls, sentence: Sentence, text: str, tokens: Sequence[Token]) -> Segment:
        """The segment of `tokens` (article offsets)."""
        return cls(sentence, text, array("q", (t.start for t in tokens)), array("q", (t.end for t in tokens)), bytes(t.space for t in tokens))

    @property
    def tokens(self) -> tuple[Token, ...]:
        offset = self.starts[0]
        text = self.text
        return tuple(Token(a, b, text[a - offset:b - offset], bool(space)) for a, b, space in zip(self.starts, self.ends, self.spaces))

    def between(self, start: int, end: int) -> str:
        """The normalized text between two article offsets inside the segment."""
        offset = self.starts[0]
        return self.text[start - offset:end - offset]

    def token_offsets(self) -> list[tuple[int, int]]:
        return list(zip(self.starts, self.ends))


@dataclass(frozen=True)
class _Span:
    """Tokens [start, end) of a paragraph."""

    start: int
    end: int


def segment(normalized: str, original: str, body_start: int, toolkit: Toolkit) -> list[Segment]:
    """Sentences of the body `normalized[body_start:]`; `original` supplies the sentence text."""
    paragraphs = [piece for m in PARAGRAPH.finditer(normalized, body_start) if CONTENT.search(m.group()) for piece in _pieces(m.start(), m.group())]
    segments: list[Segment] = []
    for start, paragraph in paragraphs:
        tokens = toolkit.tokens(paragraph)
        for span in (bounded for merged in _merge_false_splits(_sentences(tokens), tokens, paragraph) for bounded in _bounded(span=merged, tokens=tokens)):
            first, last = tokens[span.start], tokens[span.end - 1]
            whole = paragraph[first.start:last.end]
            lead = len(whole) - len(whole.lstrip())
            text = whole.strip()
            if not CONTENT.search(text):
                continue
            absolute = start + first.start + lead
            sentence = Sentence(index=len(segments), start=absolute, end=absolute + len(text), text=original[absolute:absolute + len(text)])
            moved = [Token(start + t.start, start + t.end, t.text, t.space) for t in tokens[span.start:span.end]]
            segments.append(Segment.of(sentence, whole, moved))
    return segments


def _sentences(tokens: list[Token]) -> list[_Span]:
    """spaCy's sentencizer: a sentence starts at the first token after sentence punctuation that is
    not punctuation itself."""
    starts = [0] if tokens else []
    seen_end = False
    for i, token in enumerate(tokens):
        ends = token.text in SENTENCE_PUNCT
        if seen_end and not ends and not is_punct(token.text):
            starts.append(i)
            seen_end = False
        elif ends:
            seen_end = True
    return [_Span(a, b) for a, b in zip(starts, [*starts[1:], len(tokens)])]


def _pieces(start: int, paragraph: str) -> list[tuple[int, str]]:
    """(offset, text) pieces of at most MAX_PIECE characters, cut after the last sentence
    end (else whitespace) in the second half of each window, else at the limit."""
    pieces = []
    while len(paragraph) > MAX_PIECE:
        window = paragraph[MAX_PIECE // 2:MAX_PIECE]
        ends = [m.end() for m in SENTENCE_END.finditer(window)] or [m.end() for m in SPACE.finditer(window)]
        cut = MAX_PIECE // 2 + ends[-1] if ends else MAX_PIECE
        pieces.append((start, paragraph[:cut]))
        start, paragraph = start + cut, paragraph[cut:]
    pieces.append((start, paragraph))
    return pieces


def _bounded(span: _Span, tokens: list[Token]) -> list[_Span]:
    """`span`, or its consecutive parts of at most about MAX_SENTENCE characters, cut after
    the last clause break (comma, semicolon, space) before the limit, else at a token."""
    if tokens[span.end - 1].end - tokens[span.start].start <= MAX_SENTENCE:
        return [span]
    parts = []
    start, last_break = span.start, None
    for i in range(span.start, span.end):
        token = tokens[i]
        if i > start and token.end - tokens[start].start > MAX_SENTENCE:
            cut = last_break + 1 if last_break is not None and last_break + 1 < i else i
            parts.append(_Span(start, cut))
            start, last_break = cut, None
        if token.text in CLAUSE_BREAKS or token.text.isspace():
            last_break = i
    parts.append(_Span(start, span.end))
    return parts


def _merge_false_splits(spans: list[_Span], tokens: list[Token], text: str) -> list[_Span]:
    merged: list[_Span] = []
    for span in spans:
        if merged and _is_false_split(merged[-1], span, tokens, text):
            span = _Span(merged.pop().start, span.end)
        merged.append(span)
    return merged


def _is_false_split(previous: _Span, current: _Span, tokens: list[Token], doc_text: str) -> bool:
    """Decided on the last TAIL characters of `previous` and the start of `current`, so a
    run of merges costs no more than the characters merged."""
    previous_start, previous_end, current_start = tokens[previous.start].start, tokens[previous.end - 1].end, tokens[current.start].start
    whole = previous_end - previous_start <= TAIL
    text = doc_text[max(previous_start, previous_end - TAIL):previous_end].rstrip()
    if not text.endswith("."):
        return False
    if whole and text[:-1].isdigit():
        return True  # a numbered heading: 1.扎堆入局
    first = doc_text[current_start:current_start + 1]
    if not tokens[previous.end - 1].space and first.isascii() and first.isalpha():
        return True  # a dot inside a name: Character.AI, Baidu.com
    word = ABBREVIATED.search(text)
    if word and word.group(1).lower() in grammar().abbreviations:  # Feb., U.S.
        return True
    following = doc_text[current_start:current_start + TAIL].lstrip()[:1]
    return bool(following) and (following.islower() or following.isdigit() and text[-2:-1].isdigit())
