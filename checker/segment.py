"""Stage 3: split an article body into sentences, with jieba tokens from spaCy.

Paragraphs (lines) are processed separately so a heading never runs into the
next line; inside a paragraph spaCy's sentencizer splits on Chinese and Western
sentence punctuation, and splits after English abbreviations (Feb., U.S.) or
inside decimals are undone.

Input is untrusted, so every unit of work is bounded: a paragraph longer than
`MAX_PIECE` characters is fed to spaCy in pieces cut at sentence ends (spaCy
refuses texts over a million characters, and one line can be longer), and a
"sentence" that would run past `MAX_SENTENCE` characters (a text without
punctuation, or thousands of `1.` merged as false splits) is cut at a comma or
at the limit. Extractors work per sentence, so the article's cost stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from checker.languages import grammar
from checker.models import Sentence
from checker.nlp import Toolkit

CONTENT = re.compile(r"[\w\u4e00-\u9fff]")
PARAGRAPH = re.compile(r"[^\n]+")
MAX_PIECE = 50_000
MAX_SENTENCE = 600
SENTENCE_END = re.compile(r"[。！？!?；;…]|\.(?=\s)")
SPACE = re.compile(r"\s")
CLAUSE_BREAKS = {"，", ",", "；", ";", "、", "：", ":", " "}
TAIL = 64  # characters of a sentence's end that decide a false split


@dataclass(frozen=True, eq=False)
class Segment:
    """A sentence and its tokens; `sentence` offsets are into the article text."""

    sentence: Sentence
    span: Span
    offset: int  # article offset of span's first character

    def token_offsets(self) -> list[tuple[int, int]]:
        return [(self.offset + t.idx - self.span.start_char, self.offset + t.idx - self.span.start_char + len(t.text)) for t in self.span]


def segment(normalized: str, original: str, body_start: int, toolkit: Toolkit) -> list[Segment]:
    """Sentences of the body `normalized[body_start:]`; `original` supplies the sentence text."""
    paragraphs = [piece for m in PARAGRAPH.finditer(normalized, body_start) if CONTENT.search(m.group()) for piece in _pieces(m.start(), m.group())]
    segments: list[Segment] = []
    docs = toolkit.nlp.pipe(text for _, text in paragraphs)
    for (start, _), doc in zip(paragraphs, docs):
        for span in (bounded for merged in _merge_false_splits(list(doc.sents)) for bounded in _bounded(merged)):
            text = span.text
            lead = len(text) - len(text.lstrip())
            text = text.strip()
            if not CONTENT.search(text):
                continue
            absolute = start + span.start_char + lead
            sentence = Sentence(index=len(segments), start=absolute, end=absolute + len(text), text=original[absolute:absolute + len(text)])
            segments.append(Segment(sentence=sentence, span=span, offset=start + span.start_char))
    return segments


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


def _bounded(span: Span) -> list[Span]:
    """`span`, or its consecutive parts of at most about MAX_SENTENCE characters, cut after
    the last clause break (comma, semicolon, space) before the limit, else at a token."""
    if span.end_char - span.start_char <= MAX_SENTENCE:
        return [span]
    doc = span.doc
    parts = []
    start, last_break = span.start, None
    for i in range(span.start, span.end):
        token = doc[i]
        if i > start and token.idx + len(token) - doc[start].idx > MAX_SENTENCE:
            cut = last_break + 1 if last_break is not None and last_break + 1 < i else i
            parts.append(doc[start:cut])
            start, last_break = cut, None
        if token.text in CLAUSE_BREAKS or token.text.isspace():
            last_break = i
    parts.append(doc[start:span.end])
    return parts


def _merge_false_splits(spans: list[Span]) -> list[Span]:
    if not spans:
        return spans
    doc_text = spans[0].doc.text  # Doc.text joins every token: once per paragraph, not per span
    merged: list[Span] = []
    for span in spans:
        if merged and _is_false_split(merged[-1], span, doc_text):
            previous = merged.pop()
            span = previous.doc[previous.start:span.end]
        merged.append(span)
    return merged


def _is_false_split(previous: Span, current: Span, doc_text: str) -> bool:
    """Decided on the last TAIL characters of `previous` and the start of `current`, so a
    run of merges costs no more than the characters merged."""
    whole = previous.end_char - previous.start_char <= TAIL
    text = doc_text[max(previous.start_char, previous.end_char - TAIL):previous.end_char].rstrip()
    if not text.endswith("."):
        return False
    if whole and text[:-1].isdigit():
        return True  # a numbered heading: 1.扎堆入局
    first = doc_text[current.start_char:current.start_char + 1]
    if not previous[-1].whitespace_ and first.isascii() and first.isalpha():
        return True  # a dot inside a name: Character.AI, Baidu.com
    word = re.search(r"([A-Za-z.]+)\.$", text)
    if word and word.group(1).lower() in grammar().abbreviations:  # Feb., U.S.
        return True
    following = doc_text[current.start_char:current.start_char + TAIL].lstrip()[:1]
    return bool(following) and (following.islower() or following.isdigit() and text[-2:-1].isdigit())
