"""What a language table holds (`LanguageTable`), and the merged words the extractors read (`Grammar`)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, field_validator
from pydantic_core import PydanticCustomError

from checker.rulepack.strict import Strict

# the currencies the value readers know (ISO 4217): a table gives its words for these
CURRENCY_CODES = ("USD", "CNY", "HKD", "EUR", "TWD", "JPY", "GBP", "KRW", "CHF")
HedgeKind = Literal["near", "approx", "at_least", "at_most"]
ZoneKind = Literal["beijing", "local"]
OpenKind = Literal["since", "from", "after", "before", "until"]
PeriodKind = Literal["quarter", "half"]
ThirdKind = Literal["early", "mid", "late"]

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
    date_frames: Words = Field(default=[], description="Words that frame a date in its clause (截至, 在, 于): a clause of a date and these alone dates the clause after it (截至4月底，…).")
    person_roles: Words = Field(default=[], description="Job titles (分析师, CEO): a name after one is a person, before one an organization.")
    person_cues: Words = Field(default=[], description="Other words before a name that make it a person (founded by).")
    location_cues: Words = Field(default=[], description="Words before a name that make it a place (based in, 总部位于).")
    organization_cues: Words = Field(default=[], description="Words after an unknown name that make it an organization (公司, 集团).")
    organization_name_endings: Words = Field(default=[], description="Common words that end an organization's name before such a cue (科技 in X科技公司).")
    organization_suffixes: Words = Field(default=[], description="Words that end an organization's Latin name (Inc, Labs).")
    months: list[Words] = Field(default=[], description="Month names, January first, each its spellings (full name, then abbreviations): dates, and never unknown names.")
    weekdays: list[Words] = Field(default=[], description="Weekday names, Monday first, each its spellings: dates, and never unknown names.")
    capitalized_months: Words = Field(default=[], description="Month names that are also common words (may): a month only when capitalized, or before a day or year.")
    number_words: dict[Word, int] = Field(default={}, description="Numbers written as words below a hundred (seven, twenty): spelled-out figures.")
    hundred_words: Words = Field(default=[], description="The word that multiplies the number before it by a hundred (hundred).")
    scale_words: dict[Word, int] = Field(default={}, description="Scale words (thousand: 1000, million: 1000000): after spelled-out numbers and digits.")
    number_leads: Words = Field(default=[], description="A word before a hundred or a scale word that stands for one (a hundred, a million).")
    number_joiners: Words = Field(default=[], description="A word between number words that adds nothing (a hundred and twenty).")
    function_words: Words = Field(default=[], description="Words capitalized only at a sentence start (The, However): never unknown names.")
    abbreviations: Words = Field(default=[], description="Words whose full stop ends no sentence (Feb., U.S.).")
    list_separators: Words = Field(default=[], description="What joins the figures of a list (、, and).")
    range_separators: Words = Field(default=[], description="What joins the ends of a range (到, to).")
    respectively: Words = Field(default=[], description="Words that pair a list of figures with names one by one (分别, respectively).")
    contrast: Words = Field(default=[], description="Words opening a clause that turns against the sentence's head (但, but): the head's plan or hearsay does not reach past them.")
    definite_articles: Words = Field(default=[], description="Articles of a definite noun (the): the Lisbon company points back like the listed anaphor the company.")
    indefinite_articles: Words = Field(default=[], description="Articles of an indefinite noun (a, an): a firm that raised… points back when a relative pronoun follows.")
    relative_pronouns: Words = Field(default=[], description="Words opening a relative clause (that, which, who, whose).")
    possessive_endings: Words = Field(default=[], description="What ends a possessor right after its noun ('s): the Lisbon company's rival is not the company.")
    relative_days: dict[Word, int] = Field(default={}, description="Days named relative to the article's date, with their offset in days (昨天: -1, yesterday: -1); Latin ones in any case, on word edges, a space as any spaces.")
    ordinals: dict[Word, Annotated[int, Field(ge=1, le=4)]] = Field(default={}, description="Ordinal words before a quarter or half word (first: 1): the second quarter of 2023.")
    period_words: dict[PeriodKind, Words] = Field(default={}, description="Words for a quarter and a half of a year after an ordinal (quarter, half); in any case.")
    period_thirds: dict[ThirdKind, Words] = Field(default={}, description="Words before a month or year for its first, middle or last third (early June, mid-2021, late 2020); in any case, a mid word also with a hyphen.")
    relative_years: dict[Word, int] = Field(default={}, description="Years named relative to the article's, with their offset (去年: -1); a month or part may follow (去年11月, 今年年底).")
    relative_months: dict[Word, int] = Field(default={}, description="Months named relative to the article's, with their offset (上个月: -1); a day or part may follow (上个月底).")
    relative_steps: dict[Word, int] = Field(default={}, description="Words before a week, month, year or weekday that step from the article's (last: -1, this: 0, next: 1).")
    time_zones: dict[ZoneKind, Words] = Field(default={}, description="Time-zone phrases next to a date (北京时间: beijing, local time: local); Latin ones also after the date, in any case.")
    open_periods_after: dict[OpenKind, Words] = Field(default={}, description="Words after a date that open its period (以来: since, 之后: after, 之前: before); a `from` word (起) only after an opener.")
    open_period_openers: Words = Field(default=[], description="Words before a date that open a period with a since or from word after it (自, 从).")
    open_periods_before: dict[OpenKind, Words] = Field(default={}, description="Words before a date that open its period (since, after, before, until); in any case, a space as any spaces.")
    counters: list[Char] = Field(default=[], description="Measure words after a number (个, 家, 位): 两三家 is a figure, and 360创始人 a name unless one follows.")
    duration_units: Words = Field(default=[], description="Time units after a number (年, 小时, years, a.m.): a duration or a time, no figure; ASCII words in any case.")
    measure_units: Words = Field(default=[], description="Units after a number that no figure is counted in (米, 公斤, 像素), unless the pack declares them.")
    sign_words: Words = Field(default=[], description="Words before a figure that make it negative (负3.9%, minus 3); a Latin one only before a percentage (down 3%), in any case, on word edges.")
    from_words: Words = Field(default=[], description="Words before a figure that make a range after it a change, read as two figures (从30亿到110亿, from 3 to 5); Latin ones in any case.")
    percent_words: Words = Field(default=[], description="Words after a figure that make it a percentage (percent, per cent); in any case, on word edges, a space as one space. % is notation.")
    percent_prefixes: Words = Field(default=[], description="Words before a number that make it a percentage (百分之十).")
    point_words: Words = Field(default=[], description="Words after a figure for percentage points (个百分点, percentage points); Latin ones in any case, a space as any spaces.")
    tenth_words: Words = Field(default=[], description="Words after a number for tenths, read as a percentage (三成 = 30%).")
    not_tenths: Words = Field(default=[], description="Words that hold a tenth word but are none (成为, 成本): no percentage.")
    hedges_before: dict[HedgeKind, Words] = Field(default={}, description="Hedges before a figure, by what they make of it (约: approx, 超过: at_least, nearly: near, up to: at_most); ASCII words in any case, a space as any spaces.")
    hedges_after: dict[HedgeKind, Words] = Field(default={}, description="Hedges after a figure (左右: approx, 以上: at_least, or more: at_least); ASCII words as written.")
    not_hedges: Words = Field(default=[], description="Words that hold a CJK hedge but are none (最近 holds 近, 上下游 holds 上下); Latin hedges match on word edges.")
    currencies: dict[str, Words] = Field(default={}, description="Each currency's words (code: words) after a figure (1750亿美元, 5 million dollars); ASCII words match in any case, a space as any space.")
    currency_prefixes: Words = Field(default=[], description="Currency words and codes also written before a figure (人民币100亿, USD 5bn); a code as written.")
    currency_units: Words = Field(default=[], description="Words after such a prefix that are the unit of its currency, not the yuan (新台币1200亿元).")
    currency_subunits: dict[Word, str] = Field(default={}, description="Hundredths of a currency (cent: USD): 50 cents is 0.5 USD.")

    @field_validator("currencies", "currency_subunits")
    @classmethod
    def _known_currencies(cls, value: dict, info) -> dict:
        codes = value if info.field_name == "currencies" else dict.fromkeys(value.values())
        unknown = [code for code in codes if code not in CURRENCY_CODES]
        if unknown:
            raise PydanticCustomError("rule", f"unknown currency `{unknown[0]}` in `{info.field_name}`", {"fix": f"use one of {', '.join(CURRENCY_CODES)}"})
        return value

    @field_validator("months", "weekdays")
    @classmethod
    def _every_one(cls, names: list[list[str]], info) -> list[list[str]]:
        count = {"months": 12, "weekdays": 7}[info.field_name]
        if names and len(names) != count:
            raise PydanticCustomError("rule", f"`{info.field_name}` lists {len(names)} entries, not {count}", {"fix": f"give all {count}, in calendar order, or leave the key out"})
        return names


_CALENDARS = ("months", "weekdays")
_KEYED = ("currencies", "hedges_before", "hedges_after", "time_zones", "open_periods_after", "open_periods_before", "period_words", "period_thirds")


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
    date_frames: tuple[str, ...] = ()
    person_roles: tuple[str, ...] = ()
    person_cues: tuple[str, ...] = ()
    location_cues: tuple[str, ...] = ()
    organization_cues: tuple[str, ...] = ()
    organization_name_endings: tuple[str, ...] = ()
    organization_suffixes: tuple[str, ...] = ()
    months: tuple[tuple[str, ...], ...] = ()
    weekdays: tuple[tuple[str, ...], ...] = ()
    capitalized_months: tuple[str, ...] = ()
    number_words: tuple[tuple[str, int], ...] = ()
    hundred_words: tuple[str, ...] = ()
    scale_words: tuple[tuple[str, int], ...] = ()
    number_leads: tuple[str, ...] = ()
    number_joiners: tuple[str, ...] = ()
    function_words: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    list_separators: tuple[str, ...] = ()
    range_separators: tuple[str, ...] = ()
    respectively: tuple[str, ...] = ()
    contrast: tuple[str, ...] = ()
    definite_articles: tuple[str, ...] = ()
    indefinite_articles: tuple[str, ...] = ()
    relative_pronouns: tuple[str, ...] = ()
    possessive_endings: tuple[str, ...] = ()
    relative_days: tuple[tuple[str, int], ...] = ()
    ordinals: tuple[tuple[str, int], ...] = ()
    period_words: tuple[tuple[str, tuple[str, ...]], ...] = ()
    period_thirds: tuple[tuple[str, tuple[str, ...]], ...] = ()
    relative_years: tuple[tuple[str, int], ...] = ()
    relative_months: tuple[tuple[str, int], ...] = ()
    relative_steps: tuple[tuple[str, int], ...] = ()
    time_zones: tuple[tuple[str, tuple[str, ...]], ...] = ()
    open_periods_after: tuple[tuple[str, tuple[str, ...]], ...] = ()
    open_period_openers: tuple[str, ...] = ()
    open_periods_before: tuple[tuple[str, tuple[str, ...]], ...] = ()
    counters: tuple[str, ...] = ()
    duration_units: tuple[str, ...] = ()
    measure_units: tuple[str, ...] = ()
    sign_words: tuple[str, ...] = ()
    from_words: tuple[str, ...] = ()
    percent_words: tuple[str, ...] = ()
    percent_prefixes: tuple[str, ...] = ()
    point_words: tuple[str, ...] = ()
    tenth_words: tuple[str, ...] = ()
    not_tenths: tuple[str, ...] = ()
    hedges_before: tuple[tuple[str, tuple[str, ...]], ...] = ()
    hedges_after: tuple[tuple[str, tuple[str, ...]], ...] = ()
    not_hedges: tuple[str, ...] = ()
    currencies: tuple[tuple[str, tuple[str, ...]], ...] = ()
    currency_prefixes: tuple[str, ...] = ()
    currency_units: tuple[str, ...] = ()
    currency_subunits: tuple[tuple[str, str], ...] = ()

    @classmethod
    def merged(cls, tables: list[LanguageTable]) -> Grammar:
        """Each key's words of every table, in table order, without repeats."""
        out = {}
        for spec in fields(cls):
            if spec.name in _CALENDARS:  # one entry per month or weekday: their spellings join
                entries = [getattr(table, spec.name) for table in tables if getattr(table, spec.name)]
                out[spec.name] = tuple(tuple(dict.fromkeys(w for names in same for w in names)) for same in zip(*entries))
                continue
            if spec.name in _KEYED:  # one entry per currency or hedge kind: every table's words for it
                merged: dict[str, list[str]] = {}
                for table in tables:
                    for code, words in getattr(table, spec.name).items():
                        merged.setdefault(code, []).extend(words)
                out[spec.name] = tuple((code, tuple(dict.fromkeys(words))) for code, words in merged.items())
                continue
            items = [getattr(table, spec.name) for table in tables]
            values = [tuple(v) if isinstance(v, (list, tuple)) else v for item in items for v in (item.items() if isinstance(item, dict) else item)]
            out[spec.name] = tuple(dict.fromkeys(values))
        return cls(**out)

    @cached_property
    def calendar_words(self) -> tuple[str, ...]:
        """Every spelling of a month or weekday: capitalized, but never an unknown name."""
        return tuple(w for names in self.months + self.weekdays for w in names)

    def marked(self, text: str) -> bool:
        """Whether `text` holds a modifier marker (的)."""
        return any(marker in text for marker in self.modifier_markers)

    def find_marker(self, text: str, start: int, end: int) -> int:
        """Where the first modifier marker in text[start:end] starts, or -1."""
        found = [at for marker in self.modifier_markers if (at := text.find(marker, start, end)) >= 0]
        return min(found, default=-1)

    @cached_property
    def date_frame_chars(self) -> str:
        """The characters of `date_frames`, stripped around a date to see whether its clause holds more."""
        return "".join(dict.fromkeys("".join(self.date_frames)))

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
