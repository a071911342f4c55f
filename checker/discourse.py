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
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from checker.models import Mention

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

    def add(self, index: int, mentions: Sequence[tuple[Mention, str | None]], new_paragraph: bool, title: bool) -> None:
        """Record one sentence's entities (article offsets) after its claims were extracted."""
        if new_paragraph and self.sentences:
            self.paragraph += 1
        self.sentences.append([Antecedent(m, t, index, self.paragraph, title) for m, t in mentions])
        if len(self.sentences) > ANAPHOR_REACH:
            self.sentences.pop(0)

    def resolve(self, fits: Callable[[Antecedent], bool], anaphoric: bool, new_paragraph: bool, latest: bool = False) -> Antecedent | None:
        """The most salient earlier entity `fits` accepts; `anaphoric` when the sentence points back
        with a word (该公司), else the subject was left out and only the close context counts;
        `latest`: the last one a sentence names rather than its first (后者, the latter)."""
        paragraph = self.paragraph + (1 if new_paragraph else 0)
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
