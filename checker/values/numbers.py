"""Find numbers, money and percentages in normalized text and read them as intervals.

A quantity becomes a `Quantity` interval in a base unit so that two mentions can be
compared by overlap. The stated precision bounds the rounding: the place of the last
written digit is the rounding step, so 1750亿 is [1749.5亿, 1750.5亿) and 1700亿 is
[1699.5亿, 1700.5亿), and the two do not overlap (a writer who means "about 1700亿"
says 约). Chinese numerals follow the same rule (两百亿 rounds like 200亿), so a figure
gets one precision whatever the script; docs/values.md has the table of forms.
Hedges widen or open the interval; 多/几/余 reach to the next step (十多万 is [10万, 20万)).

兆 is 10^12 when the article was Traditional Chinese (Taiwan usage) or when 参数 or a
currency word follows it directly. Otherwise mainland 兆 usually means mega- (兆瓦,
兆字节, 100兆宽带), so the expression is skipped rather than guessed.

Ranges written as "from X to Y" (从30亿到110亿) describe a change, not a range, so
they yield two separate quantities.

Beyond count, percent and currencies, a rules pack may declare units (ValueSettings.units):
a number followed by a declared word (75千瓦时, 0.075 MWh) is converted to the base unit
of its dimension, so equal amounts compare equal whatever the word.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from checker.languages import Grammar, alternation, grammar
from checker.languages.schema import CURRENCY_CODES
from checker.models import Qualifier, Quantity, QuantityMatch
from checker.values.settings import DeclaredUnit, ValueSettings

_CN_DIGITS = "零〇一二两三四五六七八九"
_CN_DIGIT_VALUES = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"两": 2, "零": 0}
_CN_SCALES = {
    "十": 10,
    "百": 100,
    "千": 10**3,
    "万": 10**4,
    "十万": 10**5,
    "百万": 10**6,
    "千万": 10**7,
    "亿": 10**8,
    "十亿": 10**9,
    "百亿": 10**10,
    "千亿": 10**11,
    "万亿": 10**12,
}
# letters after digits that scale them (10k, 7B, $5bn): notation; scale words are the language tables'
_SCALE_LETTERS = {"k": 10**3, "m": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9, "t": 10**12}
_SCALE_LETTER = r"bn|mn|[kKMBT]"
_GAP = r"\s{1,8}"  # the space between two words of a phrase (more than, a hundred and twenty)
_SPELLED_WORDS = 16  # words after the first of a spelled-out number (one hundred and twenty-three thousand …)
_ZHAO = 10**12
# Currency signs, as written before a figure ($5bn, US$100); € and £ also after one (20€). Currency
# words are the language tables'.
_SIGNS = {"US$": "USD", "HK$": "HKD", "NT$": "TWD", "$": "USD", "¥": "CNY", "€": "EUR", "£": "GBP"}
_SIGNS_AFTER = ("€", "£")
# Traditional scale characters, so text that skipped normalization still parses, and the
# financial numerals of cheques and contracts (壹佰贰拾叁), which cn2an does not read.
_TRADITIONAL = str.maketrans("萬億兩壹貳贰參叁肆伍陸陆柒捌玖拾佰仟", "万亿两一二二三三四五六六七八九十百千")
_HAS_TRADITIONAL = re.compile("[萬億兩壹貳贰參叁肆伍陸陆柒捌玖拾佰仟]")
# Characters that normalization folds into digits or commas but that never belong to a
# number as written: a full-width comma separates figures (15，200人 is 15 and 200), and a
# superscript is a footnote or an exponent (1750²亿 is not 17502亿).
_NOT_IN_NUMBER = frozenset("，、¹²³⁰⁴⁵⁶⁷⁸⁹")

# Only an ASCII comma before exactly three digits groups thousands; .5 is 0.5.
_ARABIC = r"\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|\d+(?:\.\d+)?|(?<![\d.])\.\d+"
_CN_NUMERAL = rf"[{_CN_DIGITS}十][{_CN_DIGITS}十百千万亿]*(?:点[{_CN_DIGITS}]+[万亿]*)?"
_CN_SCALE = "|".join(sorted(_CN_SCALES, key=len, reverse=True))
_NUMBER = re.compile(rf"(?P<arabic>{_ARABIC})|(?P<cn>{_CN_NUMERAL})")
_UNIT_NAMES = {"percent": "percent", "points": "percentage points", "cheng": "tenths (成)"}
_LEVEL = re.compile(r"级别|级")
_RANGE_SEP = re.compile(
    r"\s*(?:-|–|—|~|至|到|(?<![A-Za-z])to(?![A-Za-z]))\s*(?P<sign>(?:US|HK|NT)?\$)?"
    rf"(?=[\d{_CN_DIGITS}十])"
)
# Hedges are the language tables' words, by kind (the regex group that reads them); ~ and + are signs.
_HEDGE_GROUPS = {"near": "near", "approx": "approx", "at_least": "least", "at_most": "most"}
_HEDGE_SIGNS_BEFORE = {"approx": "~"}
_HEDGE_SIGNS_AFTER = {"at_least": "+"}
_LEFT_REJECT = re.compile(r"(?:[A-Za-z][-_]?|\d[-/.:]|第|#)$")
_DANGLING = re.compile(r"[-/.]\d")
_BIG_CN = re.compile("[百千万亿]")
_MODEL_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]*[A-Z][A-Za-z]*\s$")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*\(?$")
_LIST_MARK = re.compile(r"[.、)](?!\d)")
_MONEY_M = re.compile(r"m(?![A-Za-z])")
# a Latin word after a Chinese scale character is a unit (1.2万亿token, 3亿users), not a name (5G, 3D)
_SCALE_THEN_LATIN = re.compile(r"(?<=[万亿萬億兆])[A-Za-z]")


def _rejected_right(scan: str, pos: int) -> bool:
    return bool(_words().right_reject.match(scan, pos)) and not _SCALE_THEN_LATIN.match(scan, pos)


_CLOCK = re.compile(r"\s?[点时](?!候|代|期|间)")
_QUOTED = re.compile(r"[“\"「『‘']$")
_YEARLIKE = re.compile(r"(?:19|20)\d\d")
# A sign written before the number (-22.2%, −5%); a hyphen after a letter, digit or bracket is a
# name or a range (GPT-3, 3-5). The sign words (负, minus) are the language tables'.
_SIGN_MARKS = r"(?<![A-Za-z0-9.)\]])[-−]"
# The part after a big scale word, in digits: 3万4000, 25万6千, 2亿5180万, 13万2.
_TAIL = re.compile(r"(?P<zero>零)?(?P<digits>\d{1,4})(?:(?P<small>[千百亿]|万(?!亿))|(?![\d.,%年月日号]))")
_ZHAO_TAIL = re.compile(r"\d{1,4}亿")
# Hedges after the digits (多, 余, 几) read as the next step up: 十多万 is [10万, 20万).
_MORE_PLACE = re.compile(r"0*$")


@dataclass(frozen=True)
class _Words:
    """What the language tables say of numbers and months, and the patterns built from it."""

    token: re.Pattern[str]  # where a number starts and of what form (digits, numerals, 两三, 百分之…)
    has_counter: re.Pattern[str]  # a measure word right after a number (3家, 十多个)
    into_word: re.Pattern[str]  # a CJK character after a number that is no measure word

    small: dict[str, int]  # number words below a hundred
    hundreds: frozenset[str]
    scales: dict[str, int]  # scale words and letters, lower case
    silent: frozenset[str]  # the leads and joiners of a spelled-out number (a, and)
    spelled: re.Pattern[str]  # a spelled-out number: sixteen, a hundred thousand, twenty-one
    after: re.Pattern[str]  # what may follow the digits: 多/余 and a scale word
    scale_word: re.Pattern[str]
    month_before: re.Pattern[str]  # a month name right before a number (Feb. 6)
    right_reject: re.Pattern[str]  # what makes a number no quantity (a time unit, a month name after it)
    unit: re.Pattern[str]  # %, 成, percentage points or a currency word right after a number
    currencies: dict[str, str]  # every currency word, sign and subunit, lower case, to its code
    subunits: frozenset[str]
    currency_units: frozenset[str]  # 元 after a currency word before the number: that currency's unit
    prefix: re.Pattern[str]  # a currency sign, code or word right before a number
    prefix_last: frozenset[str]  # the last characters of those: a cheap test before the search
    zhao_is_trillion: re.Pattern[str]  # what makes 兆 a trillion: 参数 or a currency word after it
    hedge_before: re.Pattern[str]  # a hedge ending right before a figure (约, more than), its kind the group
    hedge_before_last: frozenset[str]  # the last characters of those: a cheap test before the search
    hedge_after: re.Pattern[str]  # a hedge right after a figure (左右, or more)
    sign: re.Pattern[str]  # a sign ending right before a figure: group mark (-, 负) or word (minus)
    sign_last: frozenset[str]  # the last characters of those: a cheap test before the search
    sign_window: int  # how far before the figure a sign may start
    from_before: re.Pattern[str]  # a from word ending right before a figure (从, from)
    from_window: int


@lru_cache(maxsize=4)
def _words_of(language: Grammar) -> _Words:
    return _Words(**_number_fields(language), **_currency_fields(language), **_hedge_fields(language), **_sign_fields(language))


def _number_fields(language: Grammar) -> dict:
    """Number tokens, counters, spelled-out numbers, scale words and month names, and what makes a
    number no quantity (a duration, a unit no figure is counted in, a month name after it)."""
    small, scales = dict(language.number_words), dict(language.scale_words)
    every = alternation([*small, *language.hundred_words, *scales])
    big = alternation([*language.hundred_words, *scales])
    leads, joiners = alternation(language.number_leads), alternation(language.number_joiners)
    lead = rf"(?:(?:{leads}){_GAP}(?=(?:{big})))?" if leads and big else ""
    joiner = rf"{_GAP}(?:{joiners}){_GAP}|" if joiners else ""
    scale_words = alternation(scales)
    en_scale = rf"[\s-]?(?:{scale_words})|{_SCALE_LETTER}" if scales else _SCALE_LETTER
    months = alternation(w[:1].upper() + w[1:] for names in language.months for w in names)
    month = rf"(?:{months})(?![a-z])" if months else r"(?!)"
    cjk_durations = alternation(w for w in language.duration_units if not w.isascii()) or "(?!)"
    latin_durations = alternation(w for w in language.duration_units if w.isascii()) or "(?!)"
    measures = alternation(language.measure_units) or "(?!)"
    counters = "".join(re.escape(c) for c in language.counters)
    counter = rf"[{counters}]" if counters else "(?!)"
    percent_of = alternation(language.percent_prefixes) or "(?!)"
    starts = "".join(dict.fromkeys(re.escape(w[0]) for w in language.percent_prefixes))
    tenths = alternation(language.tenth_words) or "(?!)"
    return dict(
        token=re.compile(
            rf"""
            (?=[\d.数几上百千万亿{_CN_DIGITS}十{starts}])  # fail fast where no token can start
            (?: (?P<iso>(?<!\d)(?:19|20)\d\d[-/.]\d{{1,2}}[-/.]\d{{1,2}})
            | (?:{percent_of})(?P<percent_of>{_ARABIC}|{_CN_NUMERAL})
            | (?P<fuzzy>[数几])(?=[十百千万亿])
            | (?<![{_CN_DIGITS}十百千万亿\d])(?P<upper>上)(?=[百千万亿])
            | (?P<pair>[一二两三四五六七八九][二三四五六七八九])(?=\s?(?:[十百千万亿]|{tenths}|{counter}))
            | (?P<arabic>{_ARABIC})
            | (?P<cn>{_CN_NUMERAL})
            | (?P<bare>万亿|千亿|百亿|千万(?![不别要记])|百万|亿(?=级)|万(?=级))
            )""",
            re.X,
        ),
        has_counter=re.compile(rf"\s?(?:{counter}|多{counter})"),
        # a bare number running into a word is a name (360创始人, 5.0版本), unless a counter follows
        into_word=re.compile(rf"(?!{counter})[\u4e00-\u9fff]"),
        small=small,
        hundreds=frozenset(language.hundred_words),
        scales={**scales, **_SCALE_LETTERS},
        silent=frozenset(language.number_leads + language.number_joiners),
        spelled=re.compile(rf"(?<![A-Za-z-])(?i:{lead}(?:{every})(?:(?:{joiner}{_GAP}|-)(?:{every})){{0,{_SPELLED_WORDS}}})(?![A-Za-z-])") if every else re.compile(r"(?!)"),
        after=re.compile(
            rf"""
            (?P<more1>多|余|几)?
            (?: \s?(?P<cn_scale>{_CN_SCALE}|兆)
              | (?P<en_scale>{en_scale})(?![A-Za-z])
            )?
            (?P<more2>多|余)?
            """,
            re.X,
        ),
        scale_word=re.compile(rf"{_CN_SCALE}|兆|{en_scale}"),
        month_before=re.compile(rf"(?<![A-Za-z]){month}\.?,?\s$"),
        right_reject=re.compile(
            rf"""
              \s?(?:个|多个)?(?:{cjk_durations})
            | \s?(?:{measures})
            | [A-Za-z] | :\d
            | \s?-?\s?(?i:{latin_durations})(?![A-Za-z])
            | \s{month}
            """,
            re.X,
        ),
    )


def _currency_fields(language: Grammar) -> dict:
    """Currency words after and before a figure, their codes, and the units and hundredths they take."""
    words = [w for _, spellings in language.currencies for w in spellings]
    subunits = dict(language.currency_subunits)
    after = alternation([w for w in words if not w.isascii()] + list(_SIGNS_AFTER))
    latin = "|".join(re.escape(w).replace(r"\ ", r"\s") for w in sorted([w for w in words if w.isascii()] + list(subunits), key=len, reverse=True))
    written = "|".join(p for p in (after, rf"(?i:{latin})(?![A-Za-z])" if latin else "") if p)
    currency = rf"| \s?(?P<currency>{written})" if written else ""
    codes = alternation(w for w in language.currency_prefixes if w.isascii())
    prefixes = alternation(w for w in language.currency_prefixes if not w.isascii())
    percent_words = _spaced(language.percent_words, gap=r"\s")  # per cent: one space, as the currency words
    percent = "|".join(["%"] + ([rf"(?i:{percent_words})(?![A-Za-z])"] if percent_words else []))
    cjk_points = alternation(w for w in language.point_words if not w.isascii())
    latin_points = _spaced([w for w in language.point_words if w.isascii()])
    points = "|".join(([cjk_points] if cjk_points else []) + ([rf"(?i:{latin_points})(?![A-Za-z])"] if latin_points else [])) or "(?!)"
    tenths = "|".join(_guarded(w, language.not_tenths) for w in sorted(language.tenth_words, key=len, reverse=True)) or "(?!)"
    before = [rf"(?P<sign>{alternation(_SIGNS)})"] + ([rf"(?<![A-Za-z])(?P<code>{codes})"] if codes else []) + ([rf"(?P<word>{prefixes})"] if prefixes else [])
    return dict(
        unit=re.compile(
            rf"""
              \s?(?P<percent>{percent})
            | \s?(?P<points>{points})
            | (?P<cheng>{tenths})
            {currency}
            """,
            re.X,
        ),
        currencies={w.lower(): code for code, spellings in language.currencies for w in spellings}
        | subunits | {sign.lower(): code for sign, code in _SIGNS.items()},
        subunits=frozenset(subunits),
        currency_units=frozenset(language.currency_units),
        prefix=re.compile(rf"(?:{'|'.join(before)})\s?$"),
        prefix_last=frozenset(w[-1] for w in [*_SIGNS, *language.currency_prefixes]),
        zhao_is_trillion=re.compile(rf"\s?个?(?:{alternation(['参数'] + [w for w in words if not w.isascii()])})"),
    )


def _hedge_fields(language: Grammar) -> dict:
    """Hedges before and after a figure."""
    return dict(
        hedge_before=re.compile(rf"(?:{_hedges(language.hedges_before, _HEDGE_SIGNS_BEFORE, language.not_hedges, True)})\s?$"),
        hedge_before_last=frozenset(c for _, ws in language.hedges_before for w in [*ws, *_HEDGE_SIGNS_BEFORE.values()] for c in {w[-1], w[-1].upper()}),
        hedge_after=re.compile(rf"\s?(?:{_hedges(language.hedges_after, _HEDGE_SIGNS_AFTER, language.not_hedges, False)})"),
    )


def _sign_fields(language: Grammar) -> dict:
    """Signs before a figure (负3.9%, minus 3; a Latin sign word only negates a percentage, as "down
    3%") and the from words that make the range after them a change (从30亿到110亿)."""
    cjk = [w for w in language.sign_words if not w.isascii()]
    latin = [w for w in language.sign_words if w.isascii()]
    mark = "|".join([_SIGN_MARKS] + ([alternation(cjk)] if cjk else []))
    word = rf"|(?<![A-Za-z])(?P<word>(?i:{_spaced(latin)}))\s" if latin else ""
    froms = [rf"(?<![A-Za-z])(?i:{_spaced([w])})" if w.isascii() else re.escape(w) for w in sorted(language.from_words, key=len, reverse=True)]
    return dict(
        sign=re.compile(rf"(?:(?P<mark>{mark}){word})$"),
        sign_last=frozenset("-−") | {c for w in cjk for c in w[-1]} | {c for w in latin for c in (w[-1].lower(), w[-1].upper())},
        sign_window=max((len(w) for w in language.sign_words), default=1) + 2,
        from_before=re.compile(rf"(?:{'|'.join(froms)})\s?$") if froms else re.compile("(?!)"),
        from_window=max((len(w) for w in language.from_words), default=0) + 1,
    )


def _spaced(words: Iterable[str], gap: str = _GAP) -> str:
    """An alternation of Latin words, longest first, a space standing for `gap` (any spaces)."""
    return "|".join(re.escape(w).replace(r"\ ", gap) for w in sorted(words, key=len, reverse=True))


def _hedges(kinds: tuple[tuple[str, tuple[str, ...]], ...], signs: dict[str, str], not_hedges: tuple[str, ...], before: bool) -> str:
    """One named group per hedge kind: its CJK words (none inside a `not_hedges` word) and signs, then
    its Latin words on word edges (any case before a figure; spaces as any spaces)."""
    words = dict(kinds)
    groups = []
    for kind, group in _HEDGE_GROUPS.items():
        spelled = sorted(words.get(kind, ()), key=len, reverse=True)
        parts = [_guarded(w, not_hedges) for w in spelled if not w.isascii()] + ([re.escape(signs[kind])] if kind in signs else [])
        latin = "|".join(re.escape(w).replace(r"\ ", _GAP) for w in spelled if w.isascii())
        if latin:
            parts.append(rf"(?<![A-Za-z])(?i:{latin})" if before else rf"(?<![A-Za-z])(?:{latin})(?![A-Za-z])")
        if parts:
            groups.append(rf"(?P<{group}>{'|'.join(parts)})")
    return "|".join(groups) or "(?!)"


def _guarded(word: str, not_words: tuple[str, ...]) -> str:
    """`word` as a regex that matches nowhere inside one of `not_words` (近 not in 最近, 上下 not in 上下游)."""
    lead, tail = "", ""
    for other in not_words:
        at = other.find(word)
        if at < 0 or other == word:
            continue
        before, after = other[:at], other[at + len(word):]
        if before and after:
            lead += rf"(?!(?<={re.escape(before)}){re.escape(word + after)})"
        elif before:
            lead += rf"(?<!{re.escape(before)})"
        else:
            tail += rf"(?!{re.escape(after)})"
    return lead + re.escape(word) + tail


def _words() -> _Words:
    return _words_of(grammar())


@dataclass(frozen=True)
class _Left:
    """What precedes a number: where the expression starts, its hedge and currency sign."""

    start: int
    modifier: str | None
    currency: str | None
    after_from: bool
    sign: str | None = None  # "mark" (负, -, −) or "word" (minus, down)


@dataclass(frozen=True)
class _Body:
    """An expression before hedging: its interval in the base unit and what was read.

    `low`/`high` are the rounding interval (high exclusive) unless `qualifier` says
    otherwise; `high` is None for an open upper end (上万).
    """

    low: Decimal
    high: Decimal | None
    value: Decimal | None
    end: int
    scale: Decimal = Decimal(1)
    unit: str | None = None
    qualifier: Qualifier = Qualifier.exact
    more: bool = False  # 多/余/几 after the digits: "more than"
    bare: bool = False  # no scale word and no unit: maybe a year, a model or a list marker
    yearlike: bool = False  # a bare 19xx / 20[0-3]x
    closed: bool = False  # `high` is inclusive (两三个 is 2 to 3)


def find_quantities(
    text: str,
    *,
    traditional: bool = False,
    settings: ValueSettings = ValueSettings(),
    original: str | None = None,
    offset: int = 0,
) -> list[QuantityMatch]:
    """Every quantity expression in `text`, hedges and currency included in its span.

    `original` is the text as written (same length as the normalized `text`): where it has
    a full-width comma or a superscript, normalization made a digit or comma the writer
    did not write, and the number stops there. A match's start and end are `offset` plus
    its index in `text` (the article offset of a sentence's figure).
    """
    scan = text.translate(_TRADITIONAL) if _HAS_TRADITIONAL.search(text) else text  # same length
    if original is not None and len(original) == len(text):
        scan = "".join(o if o in _NOT_IN_NUMBER else c for c, o in zip(scan, original))
    units = _declared_pattern(settings.units)
    found: list[QuantityMatch] = []
    resume = 0
    for token in _words().token.finditer(scan):
        if token.start() < resume:
            continue
        match = _read(scan, text, token, traditional, settings, units, offset)
        if match is not None:
            found.append(match)
            resume = match.end - offset
    words = [m for m in _english_words(scan, text, settings, offset) if not _overlaps(m, found)]
    return sorted(found + words, key=lambda m: m.start) if words else found


def _english_words(scan: str, text: str, settings: ValueSettings, offset: int) -> list[QuantityMatch]:
    """Numbers spelled out (sixteen engineers, a hundred thousand, twenty percent).

    Hand-written: cn2an and jionlp read Chinese only. A lone "one" or "a" is an article
    far more often than a count, so it counts only with a scale word or a unit.
    """
    found = []
    for words in _words().spelled.finditer(scan):
        value, place = _en_value(words.group())
        if value is None:
            continue
        unit = _words().unit.match(scan, words.end())
        if unit is None and (value < 2 and place == 1 or _words().right_reject.match(scan, words.end())):
            continue
        left = _read_left(scan, words.start())
        if left is None:
            continue
        body = _Body(
            low=value - place / 2, high=value + place / 2, value=value, end=words.end(),
            scale=place, unit=left.currency,
        )
        body = _read_unit(body, unit)
        quantity, end = _hedge(scan, body, left, settings)
        quantity = _with_sign(quantity, left.sign)
        if quantity is not None:
            found.append(QuantityMatch(start=offset + left.start, end=offset + end, text=text[left.start:end], quantity=quantity))
    return found


def _en_value(phrase: str) -> tuple[Decimal | None, Decimal]:
    """"a hundred and twenty thousand" -> (120000, 1000): the value and the scale of its last word."""
    words = _words()
    total, current, place, seen = 0, 0, 1, False
    for word in re.split(r"[\s-]+", phrase.lower()):
        if word in words.silent:
            continue
        if word in words.small:
            current += words.small[word]
            seen, place = True, 1
        elif word in words.hundreds:
            current, place = (current or 1) * 100, 1
        else:
            total, current, place = total + (current or 1) * words.scales[word], 0, words.scales[word]
    value = total + current
    return (Decimal(value) if seen or value else None), Decimal(place)


def _overlaps(match: QuantityMatch, found: list[QuantityMatch]) -> bool:
    return any(m.start < match.end and match.start < m.end for m in found)


def _currency(word: str) -> str:
    return _words().currencies[" ".join(word.lower().split())]


def parse_quantity(
    text: str, *, traditional: bool = False, settings: ValueSettings = ValueSettings()
) -> Quantity | None:
    """The first quantity in `text` (a claim value such as "约5450亿元"), if any."""
    matches = find_quantities(text, traditional=traditional, settings=settings)
    return matches[0].quantity if matches else None


def _read(
    scan: str,
    text: str,
    token: re.Match[str],
    traditional: bool,
    settings: ValueSettings,
    units: _Declared | None,
    offset: int,
) -> QuantityMatch | None:
    kind = token.lastgroup
    if kind == "iso":
        return None
    left = _read_left(scan, token.start())
    if left is None:
        return None
    if kind in ("fuzzy", "upper", "bare"):
        body = _read_scale_word(scan, token, kind, left, units)
    elif kind == "pair":
        body = _read_pair(scan, token, traditional, left.currency, units)
    elif kind == "percent_of":
        body = _read_percent_of(token)
    else:
        body = _read_number(scan, token, left, traditional, units)
    if body is None or not _plausible(scan, token, left, body):
        return None
    body = _read_level(scan, body)
    if body is None:
        return None
    quantity, end = _hedge(scan, body, left, settings)
    quantity = _with_sign(quantity, left.sign)
    if quantity is None:
        return None
    return QuantityMatch(start=offset + left.start, end=offset + end, text=text[left.start : end], quantity=quantity)


def _with_sign(quantity: Quantity, sign: str | None) -> Quantity | None:
    """Negate for 负/-/−/minus (and "down" before a percentage); None for a non-finite value."""
    bounds = (quantity.low, quantity.high, quantity.value)
    if any(b is not None and not math.isfinite(b) for b in bounds):
        return None  # 1 followed by 400 zeros: no float holds it, and JSON has no Infinity
    if sign is None or (sign == "word" and quantity.unit not in ("percent", "percentage_point")):
        return quantity
    return negated(quantity)


def negated(quantity: Quantity) -> Quantity:
    """-x for every x in the interval: bounds swap and at_least becomes at_most."""
    mirrored = {Qualifier.at_least: Qualifier.at_most, Qualifier.at_most: Qualifier.at_least}
    return quantity.model_copy(
        update={
            "low": None if quantity.high is None else -quantity.high,
            "high": None if quantity.low is None else -quantity.low,
            "value": None if quantity.value is None else -quantity.value,
            "high_open": False,  # the open end moves to `low`, which the model keeps closed: a hair wider
            "qualifier": mirrored.get(quantity.qualifier, quantity.qualifier),
        }
    )


def _read_left(scan: str, start: int) -> _Left | None:
    """Currency sign and hedge before the number; None when the number is part of a name."""
    currency = None
    begin = start
    words = _words()
    prefix = _ends_with(words.prefix, words.prefix_last, scan, start, 4)
    if prefix:
        currency = _currency(prefix.group(prefix.lastgroup))
        begin = prefix.start()
    sign = _ends_with(words.sign, words.sign_last, scan, begin, words.sign_window)
    if sign:
        begin = sign.start()
    elif currency is None and _LEFT_REJECT.search(scan, max(0, start - 2), start):
        return None
    modifier = _ends_with(_words().hedge_before, _words().hedge_before_last, scan, begin, 16)
    if modifier:
        begin = modifier.start()
    after_from = bool(words.from_before.search(scan, max(0, begin - words.from_window), begin))
    return _Left(
        begin, modifier.lastgroup if modifier else None, currency, after_from, sign and sign.lastgroup
    )


def _ends_with(
    pattern: re.Pattern[str], last: frozenset[str], scan: str, end: int, window: int
) -> re.Match[str] | None:
    """`pattern` (anchored with $) ending at `end`, searched only if the last character fits."""
    before = scan[max(0, end - 2) : end].rstrip()
    if not before or before[-1] not in last:
        return None
    return pattern.search(scan, max(0, end - window), end)


def _read_number(
    scan: str, token: re.Match[str], left: _Left, traditional: bool, units: _Declared | None
) -> _Body | None:
    """A number with its scale and unit, extended to a range when another number follows."""
    first = _read_end(scan, token, traditional, left.currency, units)
    if first is None:
        return None
    sep = None if left.after_from else _RANGE_SEP.match(scan, first.end)
    second_token = sep and _NUMBER.match(scan, sep.end())
    if second_token:
        sign = sep.group("sign")
        currency = _currency(sign) if sign else None
        second = _read_end(scan, second_token, traditional, currency, units)
        if second and first.unit and second.unit and first.unit != second.unit:
            return first  # 增长5%至30亿元, fell 2% to $3.5 billion: a change, then a level
        return _range(first, second) if second else None  # 3-5年: a duration
    if first.bare and _DANGLING.match(scan, first.end):
        return None  # 2/8, 3.0.1
    return first


def _range(first: _Body, second: _Body) -> _Body | None:
    """`30亿至110亿美元`, `100-200亿`, `10 to 20 billion`: scale and unit are shared."""
    if first.yearlike or second.yearlike:
        return None  # 2021-2023
    low = first.low
    if first.scale == 1:
        low *= second.scale
    if second.high is None or low >= second.high:
        return None
    return replace(
        second,
        low=low,
        value=None,
        unit=first.unit or second.unit,
        qualifier=Qualifier.range,
        more=False,
    )


def _read_end(
    scan: str, token: re.Match[str], traditional: bool, currency: str | None, units: _Declared | None
) -> _Body | None:
    """One number: digits, 多/余, scale word, then %, currency or a declared unit."""
    # a declared word may start with a scale character (75千瓦时): it wins over the scale
    direct = None if currency or units is None else units.pattern.match(scan, token.end())
    after = _words().after.match(scan, token.end(), token.end() if direct else len(scan))
    unit = None if direct else _words().unit.match(scan, after.end())
    declared = direct or _declared_at(units, scan, after.end(), currency or unit)
    if not (unit or currency or declared) and _rejected_right(scan, after.end()):
        return None  # 2月, 24小时, 28nm: checked first because it is the common case
    numeral = token.group(token.lastgroup)
    written = _numeral_value(numeral)
    scale = _scale(scan, after, traditional)
    if written is None or scale is None:
        return None
    end = after.end()
    if currency and scale == 1 and _MONEY_M.match(scan, end):
        scale, end = Decimal(10**6), end + 1  # €105m, $450m: after a currency sign, m is million
    value, place = written * scale, _place(written, numeral) * scale
    more = bool(after.group("more1") or after.group("more2"))
    if not more and scale >= 10**4 and not direct:
        tail = _compound_tail(scan, end, scale)
        if tail is not None:
            extra, place, end = tail
            value += extra
            unit = _words().unit.match(scan, end)
            declared = _declared_at(units, scan, end, currency or unit)
    bare = scale == 1 and currency is None and not _BIG_CN.search(numeral)
    low, high, qualifier = value - place / 2, value + place / 2, Qualifier.exact
    if more:  # 十多万, 三十几万, 100余家: from the number to the next step of its last digit
        step = Decimal(1).scaleb(len(_MORE_PLACE.search(str(int(written))).group())) * scale
        low, high, qualifier = value, value + (step if written >= 1 else scale), Qualifier.range
    body = _Body(
        low=low,
        high=high,
        value=value,
        end=end,
        scale=scale,
        unit=currency,
        qualifier=qualifier,
        more=more,
        bare=bare,
        yearlike=bare and bool(_YEARLIKE.fullmatch(numeral)),
    )
    body = _read_declared(_read_unit(body, unit), declared, units)
    if body.unit is None and _rejected_right(scan, body.end):
        return None
    if body.bare and (_CLOCK.match(scan, body.end) or not _cn_numeral_ok(scan, numeral, body)):
        return None
    return body


def _compound_tail(scan: str, pos: int, scale: Decimal) -> tuple[Decimal, Decimal, int] | None:
    """What follows a big scale word in digits (3万4000, 2亿5180万, 13万2): added value,
    rounding place and end. Hand-written: cn2an reads only all-Chinese numerals.

    A lone digit is the next place down, as speech has it (13万2 = 13.2万), unless 零
    says a place is skipped (1万零1 = 10001); otherwise the digits are units below 万.
    """
    extra, place, end = Decimal(0), None, pos
    while scale >= 10**4:
        tail = _TAIL.match(scan, end)
        if tail is None:
            break
        digits, small = tail.group("digits"), tail.group("small")
        if small:
            sub = Decimal(_CN_SCALES[small])
        elif len(digits) == 1 and extra == 0 and not tail.group("zero"):
            sub = scale / 10
        elif tail.group("zero") or (len(digits) <= 4 and scale == 10**4):
            sub = Decimal(1)
        else:
            break
        part = int(digits) * sub
        if part >= scale:
            break
        extra, place, end, scale = extra + part, sub, tail.end(), sub
        if not small:
            break
    return None if place is None else (extra, place, end)


def _numeral_value(numeral: str) -> Decimal | None:
    if numeral[0].isdigit() or numeral[0] == ".":
        return Decimal(numeral.replace(",", ""))
    return _cn_value(numeral)


def _place(value: Decimal, numeral: str = "") -> Decimal:
    """The rounding step the writer implied: the last written digit, whatever the script.

    200亿 and 两百亿 are both counted in 亿 and round to 1亿; 1700 and 一千七百 round to 1;
    三点五亿 and 3.5亿 to 0.1亿. A colloquial trailing digit (两千三 = 2300, 一万五) is
    one place below the scale before it, as its digits (2.3千) say.
    """
    if numeral[:1].isdigit() or numeral[:1] == ".":
        return Decimal(1).scaleb(Decimal(numeral.replace(",", "")).as_tuple().exponent)
    head, unit = _split_cn_scale(numeral)
    decimals = head.partition("点")[2]
    step = Decimal(1).scaleb(-len(decimals)) if decimals else Decimal(1)
    if not decimals and len(head) >= 2 and head[-2] in "十百千万" and head[-1] in _CN_DIGIT_VALUES:
        if head[-2] != "十" and "零" not in head:
            step = Decimal(_CN_SCALES[head[-2]]) / 10
    return step * unit


def _split_cn_scale(numeral: str) -> tuple[str, Decimal]:
    """一千七百亿 -> (一千七百, 10^8): the trailing 万 / 亿 the number is counted in."""
    for word in ("万亿", "亿", "万"):
        head = numeral.removesuffix(word)
        if head != numeral and head:
            return head, Decimal(_CN_SCALES[word])
    return numeral, Decimal(1)


@lru_cache(maxsize=4096)
def _cn_value(numeral: str) -> Decimal | None:
    """cn2an reads the numeral; a decimal before a scale (三点五亿) it rejects, so the
    scale is split off first."""
    import cn2an  # slow to import; only Chinese numerals need it

    head, unit = _split_cn_scale(numeral) if "点" in numeral else (numeral, Decimal(1))
    try:
        value = cn2an.cn2an(head, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return Decimal(str(value)) * unit


def _cn_numeral_ok(scan: str, numeral: str, body: _Body) -> bool:
    """A Chinese numeral without 百/千/万/亿 counts only before a counter (两家, 三名, 十人).

    Bare 一 is mostly a word (一些, 统一, 一家公司 as "a company"), so it never counts; 十 alone
    is a word too (十分), which the counter rule already keeps out.
    """
    if numeral[0].isdigit() or _BIG_CN.search(numeral):
        return True
    return numeral != "一" and bool(_words().has_counter.match(scan, body.end))


def _scale(scan: str, after: re.Match[str], traditional: bool) -> Decimal | None:
    """Multiplier of the scale word; None for a 兆 that is probably mega-."""
    cn, en = after.group("cn_scale"), after.group("en_scale")
    if cn == "兆":
        if traditional or _words().zhao_is_trillion.match(scan, after.end()) or _ZHAO_TAIL.match(scan, after.end()):
            return Decimal(_ZHAO)
        return None
    if cn:
        return Decimal(_CN_SCALES[cn])
    if en:
        return Decimal(_words().scales[en.strip().lstrip("-").lower()])  # a 70-billion-parameter model
    return Decimal(1)


def _read_unit(body: _Body, unit: re.Match[str] | None) -> _Body:
    """% / 成 / percentage points / a currency word (`unit`, matched at body.end)."""
    if not unit or (unit.lastgroup == "cheng" and body.scale != 1):
        return body
    kind = unit.lastgroup
    if kind == "cheng":  # 三成 = 30%, 八点五成 = 85%
        low, high = body.low * 10, body.high * 10
        if body.qualifier is Qualifier.exact and body.value is not None:
            # a round 成 is a round percentage: 一成 is 10% to the percent, not [5%, 15%)
            half = min((high - low) / 2, Decimal("0.5"))
            low, high = body.value * 10 - half, body.value * 10 + half
        return replace(
            body,
            low=low,
            high=high,
            value=None if body.value is None else body.value * 10,
            end=unit.end(),
            unit="percent",
            bare=False,
            yearlike=False,
        )
    if kind == "currency":
        word = unit.group("currency")
        # 元 names the unit of any yuan-named currency: 新台币1,200亿元 and 港币30亿元 keep the currency named before
        words = _words()
        name = body.unit if word in words.currency_units and body.unit in CURRENCY_CODES else _currency(word)
        if word.lower() in words.subunits:  # 50 cents = 0.50 USD
            body = _scaled(body, Decimal("0.01"))
    else:
        name = "percent" if kind == "percent" else "percentage_point"
    return replace(body, end=unit.end(), unit=name, bare=False, yearlike=False)


def _scaled(body: _Body, factor: Decimal) -> _Body:
    return replace(
        body,
        low=body.low * factor,
        high=None if body.high is None else body.high * factor,
        value=None if body.value is None else body.value * factor,
        scale=body.scale * factor,
    )


@dataclass(frozen=True)
class _Declared:
    """The declared unit words of a pack as one pattern (longest word first)."""

    pattern: re.Pattern[str]
    by_word: dict[str, DeclaredUnit]


@lru_cache(maxsize=32)
def _declared_pattern(units: tuple[DeclaredUnit, ...]) -> _Declared | None:
    if not units:
        return None
    words = sorted({u.word for u in units}, key=len, reverse=True)
    edges = [re.escape(w) + (r"(?![A-Za-z])" if w[-1:].isascii() and w[-1:].isalpha() else "") for w in words]
    pattern = re.compile(r"\s?(?P<word>" + "|".join(edges) + ")")
    return _Declared(pattern=pattern, by_word={u.word: u for u in units})


def _declared_at(units: _Declared | None, scan: str, pos: int, taken: object) -> re.Match[str] | None:
    """A declared unit word at `pos`, unless a built-in unit or currency was read (`taken`)."""
    return None if taken or units is None else units.pattern.match(scan, pos)


def _read_declared(body: _Body, declared: re.Match[str] | None, units: _Declared | None) -> _Body:
    """Convert to the base unit: the factor scales the interval like a scale word does."""
    if declared is None or units is None or body.unit is not None:
        return body
    unit = units.by_word[declared.group("word")]
    return replace(
        body,
        low=body.low * unit.factor,
        high=None if body.high is None else body.high * unit.factor,
        value=None if body.value is None else body.value * unit.factor,
        end=declared.end(),
        scale=body.scale * unit.factor,
        unit=unit.base,
        bare=False,
        yearlike=False,
    )


def _read_unit_or_declared(scan: str, body: _Body, units: _Declared | None) -> _Body:
    body = _read_unit(body, _words().unit.match(scan, body.end))
    return _read_declared(body, _declared_at(units, scan, body.end, body.unit), units)


def reserved_unit_word(word: str) -> str | None:
    """What the reader already makes of `word` right after a number (a currency, %, a scale), if anything.

    A declared unit word that is one of these can never be read as the declared unit.
    """
    unit = _words().unit.fullmatch(word)
    if unit:
        kind = unit.lastgroup
        return _currency(unit.group("currency")) if kind == "currency" else _UNIT_NAMES[kind]
    if _words().scale_word.fullmatch(word):
        return "a scale word"
    return None


def _read_scale_word(
    scan: str, token: re.Match[str], kind: str, left: _Left, units: _Declared | None
) -> _Body | None:
    """数十亿 (range of a decade), 上万 (at least), 千亿 / 万亿级 (order of magnitude).

    A hedged bare scale (近千亿, 超万亿) names one number, so it reads as 一千亿 / 一万亿.
    """
    currency = left.currency
    if kind == "bare":
        end, scale = token.end(), Decimal(_CN_SCALES[token.group()])
        if left.modifier and not _LEVEL.match(scan, end):
            body = _Body(
                low=scale / 2,
                high=scale * Decimal("1.5"),
                value=scale,
                end=end,
                scale=scale,
                unit=currency,
            )
            return _read_unit_or_declared(scan, body, units)
    else:
        after = _words().after.match(scan, token.end())
        if not after.group("cn_scale") or after.group("cn_scale") == "兆":
            return None
        end, scale = after.end("cn_scale"), Decimal(_CN_SCALES[after.group("cn_scale")])
    if kind == "upper":
        high, value, qualifier = None, scale, Qualifier.at_least
    elif kind == "fuzzy":
        high, value, qualifier = scale * 10, None, Qualifier.range
    else:
        high, value, qualifier = scale * 10, scale, Qualifier.order_of_magnitude
    body = _Body(
        low=scale, high=high, value=value, end=end, scale=scale, unit=currency, qualifier=qualifier
    )
    body = _read_unit_or_declared(scan, body, units)
    return None if _words().right_reject.match(scan, body.end) else body


def _read_pair(
    scan: str, token: re.Match[str], traditional: bool, currency: str | None, units: _Declared | None
) -> _Body | None:
    """两三亿, 八九成: from the lower bound of the first digit to the upper of the second."""
    low_digit, high_digit = (_CN_DIGIT_VALUES[c] for c in token.group())
    if high_digit <= low_digit:
        return None
    after = _words().after.match(scan, token.end())
    scale = _scale(scan, after, traditional)
    if scale is None:
        return None
    body = _Body(
        low=low_digit * scale,
        high=high_digit * scale,
        value=None,
        end=after.end(),
        scale=scale,
        unit=currency,
        qualifier=Qualifier.range,
        closed=True,  # 两三个 is two or three, both included
    )
    body = _read_unit_or_declared(scan, body, units)
    return None if _words().right_reject.match(scan, body.end) else body


def _read_percent_of(token: re.Match[str]) -> _Body | None:
    """百分之十 = 10%."""
    value = _numeral_value(token.group("percent_of"))
    if value is None:
        return None
    place = _place(value, token.group("percent_of"))
    return _Body(
        low=value - place / 2, high=value + place / 2, value=value, end=token.end(), unit="percent"
    )


def _plausible(scan: str, token: re.Match[str], left: _Left, body: _Body) -> bool:
    """Reject bare numbers that are years, names, model versions or list markers."""
    if not body.bare or body.qualifier is not Qualifier.exact or left.modifier:
        return True
    start = token.start()
    if body.yearlike:
        return bool(_words().has_counter.match(scan, body.end))
    if _MODEL_WORD.search(scan, max(0, start - 20), start):
        return False  # ERNIE 3.0, Llama 2
    if _words().month_before.search(scan, max(0, start - 12), start):
        return False  # Feb. 6
    if _LINE_START.search(scan, max(0, start - 8), start) and _LIST_MARK.match(scan, body.end):
        return False  # "1.扎堆入局", "(2)"
    if _QUOTED.search(scan, max(0, start - 1), start):
        return False  # “125”路线图
    return bool(_words().hedge_after.match(scan, body.end)) or not _words().into_word.match(scan, body.end)


def _read_level(scan: str, body: _Body) -> _Body | None:
    """千亿级 / 100亿级别: an order of magnitude starting at the number."""
    level = _LEVEL.match(scan, body.end)
    if not level:
        return body
    if body.qualifier is Qualifier.order_of_magnitude:
        return replace(body, end=level.end())
    if body.bare:
        return None  # 3级: a grade, not a quantity
    if body.qualifier is not Qualifier.exact or body.more:
        return body
    return replace(
        body,
        low=body.value,
        high=body.value * 10,
        end=level.end(),
        qualifier=Qualifier.order_of_magnitude,
    )


def _hedge(scan: str, body: _Body, left: _Left, settings: ValueSettings) -> tuple[Quantity, int]:
    """The final quantity and where its span ends, after a trailing 左右/以上/以下."""
    post = _words().hedge_after.match(scan, body.end)
    modifier = left.modifier or (post.lastgroup if post else None)
    if body.more and modifier:
        modifier = "least"  # 超过100多人: the hedge says no more than the 多 does
        body = replace(body, low=body.value, high=body.value, qualifier=Qualifier.exact)
    high_open = body.high is not None and not body.closed
    low, high, qualifier = body.low, body.high, body.qualifier
    if qualifier is Qualifier.exact and modifier:
        low, high, high_open, qualifier = _hedged(body, modifier, settings)
    quantity = Quantity(
        low=_float(low),
        high=_float(high),
        high_open=high_open,
        unit=body.unit or "count",
        qualifier=qualifier,
        value=_float(body.value),
    )
    return quantity, post.end() if post else body.end


def _hedged(
    body: _Body, modifier: str, settings: ValueSettings
) -> tuple[Decimal, Decimal | None, bool, Qualifier]:
    """近 [v(1-f), v); 约 rounding interval ± f·v; 超过 [v, ∞); 不到 [0, v]."""
    value = body.value
    if modifier == "near":
        return value * (1 - Decimal(str(settings.near_fraction))), value, True, Qualifier.at_most
    if modifier == "approx":
        widen = value * Decimal(str(settings.approx_fraction))
        return body.low - widen, body.high + widen, True, Qualifier.approx
    if modifier == "least":
        return value, None, False, Qualifier.at_least
    return Decimal(0), value, False, Qualifier.at_most


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)
