"""Guess the legacy encoding of text that is not UTF-8: GB18030, Big5, cp1252 or Latin-1.

Each candidate decodes the bytes strictly and is scored by how plausible its non-ASCII
characters are, since ASCII reads the same in all of them (so a Western text, mostly ASCII,
would look plausible in any encoding if ASCII were counted):

- GB18030 and Big5 decode almost any run of high bytes to *some* character, so a character
  counts only when it is in the frequent tier of its encoding (GB2312 level 1, Big5 level 1:
  the hanzi that make up over 99% of running text) or in its punctuation rows, and not when
  it stands alone glued to a Latin letter: Latin-1 read as Chinese gives rare hanzi, one per
  accented letter, inside words (`informação` read as GBK is `informa玢o`).
- cp1252 and Latin-1 decode every byte, so a character counts when it is a letter alone
  (French `à`) or in a short run touching an ASCII letter (an accented letter inside a
  word), or punctuation or a symbol in a short run. Chinese read as cp1252 gives runs of
  two or more accented letters and symbols per hanzi pair (`ÊÐÕþ¸®`), next to no ASCII
  letter.

cp1252 is preferred to Latin-1 whenever it decodes: both read 0xA0-0xFF the same, and
0x80-0x9F are C1 control characters in Latin-1, which text never holds, but typographic
punctuation (“ ” ‘ ’ – — … €) in cp1252, which Windows editors write. A file without those
bytes reads the same in both and is named Latin-1.

charset-normalizer (its mess and coherence measures are tuned for longer texts, and it
takes short Western texts for cp1250 or cp437) stays the fallback for other encodings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PLAUSIBLE = 0.8  # share of plausible non-ASCII characters above which a guess is taken
SAMPLE_CHARS = 100_000  # scoring a prefix is enough, and keeps a file at the size limit fast
SHORT_RUN = 3  # accented letters in a Western word: ü, üß, çã; longer runs are mojibake
CJK_ENCODINGS = ("gb18030", "big5")
C1_BYTES = re.compile(rb"[\x80-\x9f]")  # controls in Latin-1, punctuation in cp1252


@dataclass(frozen=True)
class Guess:
    encoding: str
    text: str
    score: float


def _code(char: str, encoding: str) -> int | None:
    """The two-byte code of `char` in `encoding`, or None when it has none."""
    try:
        data = char.encode(encoding)
    except UnicodeEncodeError:
        return None
    return int.from_bytes(data, "big") if len(data) == 2 else None


def _frequent_gb(char: str) -> bool:
    code = _code(char, "gb2312")
    return code is not None and (0xA1A1 <= code <= 0xA3FE or 0xB0A1 <= code <= 0xD7F9)  # punctuation, full-width forms, level 1


def _frequent_big5(char: str) -> bool:
    code = _code(char, "big5")
    return code is not None and (0xA140 <= code <= 0xA3BF or 0xA440 <= code <= 0xC67E)  # punctuation and symbols, level 1


FREQUENT = {"gb18030": _frequent_gb, "big5": _frequent_big5}


def _runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every run of non-ASCII characters."""
    runs, start = [], None
    for index, char in enumerate(text):
        if char.isascii():
            if start is not None:
                runs.append((start, index))
                start = None
        elif start is None:
            start = index
    if start is not None:
        runs.append((start, len(text)))
    return runs


def _touches_latin_letter(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    return any(char.isascii() and char.isalpha() for char in before + after)


def _cjk_score(text: str, encoding: str) -> float:
    frequent = FREQUENT[encoding]
    plausible = total = 0
    for start, end in _runs(text):
        total += end - start
        if end - start == 1 and _touches_latin_letter(text, start, end):
            continue  # one hanzi inside a Latin word: an accented letter read as a pair of bytes
        plausible += sum(1 for char in text[start:end] if frequent(char))
    return plausible / total if total else 0.0


def _western_char(char: str) -> str:
    """'letter', 'mark' (punctuation, symbol, space) or 'other' (controls, unassigned)."""
    category = unicodedata.category(char)
    return "letter" if category.startswith("L") else "mark" if category[0] in "PSZ" or category == "No" else "other"


def _western_score(text: str) -> float:
    plausible = total = 0
    for start, end in _runs(text):
        total += end - start
        kinds = {_western_char(char) for char in text[start:end]}
        if end - start > SHORT_RUN or "other" in kinds:
            continue
        if kinds == {"mark"} or end - start == 1 or _touches_latin_letter(text, start, end):
            plausible += end - start
    return plausible / total if total else 0.0


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _western(data: bytes) -> tuple[str, str]:
    """cp1252 when the bytes hold 0x80-0x9F and it decodes them, else Latin-1 (which decodes anything)."""
    if C1_BYTES.search(data) and (text := _strict(data, "cp1252")) is not None:
        return "cp1252", text
    return "latin-1", data.decode("latin-1")


def candidates(data: bytes) -> list[Guess]:
    """Every candidate that decodes `data` strictly, best first (ties: GB18030, Big5, then Western)."""
    decoded = [(encoding, text) for encoding in CJK_ENCODINGS if (text := _strict(data, encoding)) is not None]
    decoded.append(_western(data))
    found = []
    for order, (encoding, text) in enumerate(decoded):
        sample = text[:SAMPLE_CHARS]
        score = _cjk_score(sample, encoding) if encoding in CJK_ENCODINGS else _western_score(sample)
        found.append((score, -order, Guess(encoding, text, score)))
    return [guess for _, _, guess in sorted(found, key=lambda item: item[:2], reverse=True)]


def guess(data: bytes) -> Guess | None:
    """The most plausible legacy decoding of `data`, or None when none is plausible enough."""
    best = candidates(data)[0]
    return best if best.score >= PLAUSIBLE else None
