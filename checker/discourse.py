"""What earlier sentences of an article said: salience-ordered antecedents for subjects that are not named.

News names a company or a model once and then writes 该公司 / 这家公司 / 该模型 / 其 / "the company" /
"it", or leaves the subject out altogether (智谱AI开源了ChatGLM-6B。该模型拥有62亿参数 / list items under
a heading that names the model). Claim extractors ask the sentence first; when it names no fitting
entity, they ask the discourse: the most salient fitting entity of the few sentences before.

Salience is recency by sentence, and within a sentence the order of mention (the topic of a Chinese
sentence and the subject of an English one come first). A bare omission looks back only within its
paragraph and the heading or list title right above it; an anaphoric noun (该公司, "the startup") reaches
a few sentences further, across paragraphs. Both windows are bounded, so resolution is linear in the
article.

Paragraphs and titles are read from the typed blocks of checker.structure: the first sentence of a
heading, a list item or a bold title line is a title whose names head the sentences after it, and the
first sentence of such a block or of one after a blank line opens a new paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from checker.models import Mention
from checker.structure import Block

BARE_REACH = 2  # sentences a subject left out may reach back: the one before, or a title above it
ANAPHOR_REACH = 4  # sentences an anaphoric noun (该公司, the company) may reach back


@dataclass(frozen=True)
class Antecedent:
    mention: Mention  # article offsets
    type: str | None  # entity type; None for an unknown name of unknown type
    sentence: int
    paragraph: int
    title: bool  # the sentence is a heading or a list item's title line


@dataclass
class Discourse:
    """Antecedents of the sentences seen so far, newest sentence last."""

    sentences: list[list[Antecedent]] = field(default_factory=list)
    paragraph: int = 0
    block: Block | None = None  # the block of the sentence added last

    def opens(self, block: Block | None) -> bool:
        """A sentence in `block` after the ones added so far is its block's first."""
        return block is not None and block is not self.block

    def new_paragraph(self, block: Block | None) -> bool:
        """A sentence in `block` opens a paragraph: it opens a title block or one after a blank line."""
        return self.opens(block) and (block.title or block.after_blank)

    def add(self, index: int, mentions: Sequence[tuple[Mention, str | None]], block: Block | None) -> None:
        """Record one sentence's entities (article offsets) after its claims were extracted; `block`
        is the heading, paragraph, list item or table it sits in."""
        title = self.opens(block) and block.title
        if self.new_paragraph(block) and self.sentences:
            self.paragraph += 1
        self.sentences.append([Antecedent(m, t, index, self.paragraph, title) for m, t in mentions])
        self.block = block
        if len(self.sentences) > ANAPHOR_REACH:
            self.sentences.pop(0)

    def resolve(self, fits: Callable[[Antecedent], bool], anaphoric: bool, block: Block | None, latest: bool = False) -> Antecedent | None:
        """The most salient earlier entity `fits` accepts for a sentence in `block`; `anaphoric` when
        the sentence points back with a word (该公司), else the subject was left out and only the
        close context counts; `latest`: the last one a sentence names rather than its first (后者, the latter)."""
        paragraph = self.paragraph + (1 if self.new_paragraph(block) else 0)
        reach = ANAPHOR_REACH if anaphoric else BARE_REACH
        for back, found in enumerate(reversed(self.sentences[-reach:])):
            if not found and not anaphoric:
                continue
            same = all(a.paragraph == paragraph for a in found) if found else True
            title = bool(found) and found[0].title and back <= 1 and paragraph - found[0].paragraph <= 1
            if not anaphoric and not title and (back > 0 or not same):
                return None  # a bare omission reaches the sentence before in its paragraph, or its heading
            for antecedent in reversed(found) if latest else found:
                if fits(antecedent):
                    return antecedent
        return None
