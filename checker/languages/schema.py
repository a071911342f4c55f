"""What a language table holds (`LanguageTable`), and the merged words the extractors read (`Grammar`)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cached_property
from typing import Annotated

from pydantic import Field, StringConstraints

from checker.rulepack.schema import Strict

Char = Annotated[str, StringConstraints(min_length=1, max_length=1)]
Word = Annotated[str, StringConstraints(min_length=1)]
Words = list[Word]


class LanguageTable(Strict):
    """One `<code>.yaml` of checker/languages: every key optional, every list of words a plain list."""

    particles: list[Char] = Field(default=[], description="Grammatical characters the segmenter glues to a neighbour (的, 了): never part of an unknown name.")
    modifier_markers: Words = Field(default=[], description="What closes a modifier before its noun (的): 搭载X的新款浏览器.")
    numerals: list[Char] = Field(default=[], description="Characters of numbers written in words (一, 百, 亿): a numeral is no name.")
    title_marks: list[tuple[Char, Char]] = Field(default=[], description="Opening and closing marks of a title (《, 》): a short title is a name.")
    quotes: list[tuple[Char, Char]] = Field(default=[], description="Opening and closing quotation marks.")
    naming_words: Words = Field(default=[], description="Words that introduce a name (名为, dubbed): the quotation after them is a name.")
    speech_verbs: Words = Field(default=[], description="Verbs of saying (表示, said): the clause after one carries its modality.")
    nominal_markers: Words = Field(default=[], description="Words before a verb that make it a noun (对, about): 对研发X的传闻 credits no developer.")
    time_frame_open: Words = Field(default=[], description="What opens a leading time frame (在 … 之前，).")
    time_frame_close: Words = Field(default=[], description="What closes it (之前, 期间); the names inside are not the sentence's topic.")
    person_roles: Words = Field(default=[], description="Job titles (分析师, CEO): a name after one is a person, before one an organization.")
    person_cues: Words = Field(default=[], description="Other words before a name that make it a person (founded by).")
    location_cues: Words = Field(default=[], description="Words before a name that make it a place (based in, 总部位于).")
    organization_cues: Words = Field(default=[], description="Words after an unknown name that make it an organization (公司, 集团).")
    organization_name_endings: Words = Field(default=[], description="Common words that end an organization's name before such a cue (科技 in X科技公司).")
    organization_suffixes: Words = Field(default=[], description="Words that end an organization's Latin name (Inc, Labs).")
    calendar_words: Words = Field(default=[], description="Month and weekday names: capitalized, never unknown names.")
    function_words: Words = Field(default=[], description="Words capitalized only at a sentence start (The, However): never unknown names.")
    abbreviations: Words = Field(default=[], description="Words whose full stop ends no sentence (Feb., U.S.).")
    list_separators: Words = Field(default=[], description="What joins the figures of a list (、, and).")
    range_separators: Words = Field(default=[], description="What joins the ends of a range (到, to).")
    respectively: Words = Field(default=[], description="Words that pair a list of figures with names one by one (分别, respectively).")
    contrast: Words = Field(default=[], description="Words opening a clause that turns against the sentence's head (但, but): the head's plan or hearsay does not reach past them.")
    definite_articles: Words = Field(default=[], description="Articles of a definite noun (the): the Lisbon company points back like the listed anaphor the company.")
    indefinite_articles: Words = Field(default=[], description="Articles of an indefinite noun (a, an): a company that raised… points back when a relative pronoun follows.")
    relative_pronouns: Words = Field(default=[], description="Words opening a relative clause (that, which, who, whose).")


@dataclass(frozen=True, eq=False)
class Grammar:
    """The words of several languages, merged in order. Compared by identity, so the patterns built
    from one grammar are cached per grammar cheaply."""

    particles: tuple[str, ...] = ()
    modifier_markers: tuple[str, ...] = ()
    numerals: tuple[str, ...] = ()
    title_marks: tuple[tuple[str, str], ...] = ()
    quotes: tuple[tuple[str, str], ...] = ()
    naming_words: tuple[str, ...] = ()
    speech_verbs: tuple[str, ...] = ()
    nominal_markers: tuple[str, ...] = ()
    time_frame_open: tuple[str, ...] = ()
    time_frame_close: tuple[str, ...] = ()
    person_roles: tuple[str, ...] = ()
    person_cues: tuple[str, ...] = ()
    location_cues: tuple[str, ...] = ()
    organization_cues: tuple[str, ...] = ()
    organization_name_endings: tuple[str, ...] = ()
    organization_suffixes: tuple[str, ...] = ()
    calendar_words: tuple[str, ...] = ()
    function_words: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    list_separators: tuple[str, ...] = ()
    range_separators: tuple[str, ...] = ()
    respectively: tuple[str, ...] = ()
    contrast: tuple[str, ...] = ()
    definite_articles: tuple[str, ...] = ()
    indefinite_articles: tuple[str, ...] = ()
    relative_pronouns: tuple[str, ...] = ()

    @classmethod
    def merged(cls, tables: list[LanguageTable]) -> Grammar:
        """Each key's words of every table, in table order, without repeats."""
        out = {}
        for spec in fields(cls):
            values = [tuple(v) if isinstance(v, (list, tuple)) else v for table in tables for v in getattr(table, spec.name)]
            out[spec.name] = tuple(dict.fromkeys(values))
        return cls(**out)

    def marked(self, text: str) -> bool:
        """Whether `text` holds a modifier marker (的)."""
        return any(marker in text for marker in self.modifier_markers)

    def find_marker(self, text: str, start: int, end: int) -> int:
        """Where the first modifier marker in text[start:end] starts, or -1."""
        found = [at for marker in self.modifier_markers if (at := text.find(marker, start, end)) >= 0]
        return min(found, default=-1)

    @cached_property
    def opening_quotes(self) -> str:
        return "".join(a for a, _ in self.quotes)

    @cached_property
    def closing_quotes(self) -> str:
        return "".join(b for _, b in self.quotes)

    @cached_property
    def quote_chars(self) -> str:
        """Every quotation mark, opening and closing (titles not included)."""
        return "".join(dict.fromkeys(self.opening_quotes + self.closing_quotes))

    @cached_property
    def title_chars(self) -> str:
        return "".join(a + b for a, b in self.title_marks)
