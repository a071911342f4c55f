"""Stage 3: split an article body into sentences, with jieba tokens from spaCy.

Paragraphs (lines) are processed separately so a heading never runs into the
next line; inside a paragraph spaCy's sentencizer splits on Chinese and Western
sentence punctuation, and splits after English abbreviations (Feb., U.S.) or
inside decimals are undone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from checker.models import Sentence
from checker.nlp import Toolkit

ABBREVIATIONS = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "prof", "inc", "corp", "co", "ltd", "st", "vs", "no", "u.s", "e.g", "i.e", "etc",
}
CONTENT = re.compile(r"[\w\u4e00-\u9fff]")
PARAGRAPH = re.compile(r"[^\n]+")


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
    paragraphs = [(m.start(), m.group()) for m in PARAGRAPH.finditer(normalized, body_start) if CONTENT.search(m.group())]
    segments: list[Segment] = []
    docs = toolkit.nlp.pipe(text for _, text in paragraphs)
    for (start, _), doc in zip(paragraphs, docs):
        for span in _merge_false_splits(list(doc.sents)):
            text = span.text
            lead = len(text) - len(text.lstrip())
            text = text.strip()
            if not CONTENT.search(text):
                continue
            absolute = start + span.start_char + lead
            sentence = Sentence(index=len(segments), start=absolute, end=absolute + len(text), text=original[absolute:absolute + len(text)])
            segments.append(Segment(sentence=sentence, span=span, offset=start + span.start_char))
    return segments


def _merge_false_splits(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and _is_false_split(merged[-1], span):
            previous = merged.pop()
            span = previous.doc[previous.start:span.end]
        merged.append(span)
    return merged


def _is_false_split(previous: Span, current: Span) -> bool:
    text = previous.text.rstrip()
    if not text.endswith("."):
        return False
    if text[:-1].isdigit():
        return True  # a numbered heading: 1.扎堆入局
    if not previous[-1].whitespace_ and current.text[:1].isascii() and current.text[:1].isalpha():
        return True  # a dot inside a name: Character.AI, Baidu.com
    word = re.search(r"([A-Za-z.]+)\.$", text)
    if word and word.group(1).lower() in ABBREVIATIONS:
        return True
    following = current.text.lstrip()[:1]
    return bool(following) and (following.islower() or following.isdigit() and text[-2:-1].isdigit())
