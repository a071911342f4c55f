"""Suggest rules-pack entries for the names a corpus mentions but the pack does not know.

Curators grow the pack from their own data: `suggest_entities` groups the candidate
names of many articles (found by checker.claims.candidates) and folds spellings of
one name into one entry: case, spaces, hyphens and dots (PaLM-E / Palm E), near-
identical Latin spellings with the same digits (rapidfuzz), and a CJK name with its
pinyin written in Latin (混元 / Hunyuan). A Latin name shaped like a person's (two or
three capitalized words, or an initial) after a role or "founded by", or before ", the
CEO", is typed person; a name placed as a location (Austin-based, based in Lisbon, a
city before "Texas-based") is not suggested at all. A type word of the pack's own type
attributes right against a mention (疫苗Abrysvo, Abrysvo vaccine) types the name with
the pack's type (its `entity_types`), ahead of the built-in guesses; a guess the pack
does not declare falls back to the pack's first type, marked as a guess. Entries are ranked by occurrences, then by
number of articles, and rendered as YAML to paste into entities.yaml, each after up
to three contexts, or as a Markdown table for review.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import yaml
from pypinyin import lazy_pinyin
from rapidfuzz import fuzz

from checker.attribute_candidates import AttributeSuggestion, attributes_yaml
from checker.claims.candidates import fold
from checker.languages import grammar
from checker.models import Article, Candidate
from checker.normalize import normalize
from checker.rulepack import RulePack

CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
LATIN_FUZZ = 90  # rapidfuzz ratio from which two Latin spellings are one name (Sparow / Sparrow)
LATIN_FUZZ_MIN_LENGTH = 5
MAX_CONTEXTS = 3
CONTEXT_REACH = 30  # characters shown on each side of the name
TYPE_PREFERENCE = ("model", "organization", "product", "platform", "chip", "person")
DEFAULT_TYPE = "product"
DEFAULT_INDENT = "  "
PERSON_NAME = re.compile(r"[A-Z][a-z'’-]{1,20}(?: [A-Z]\.)?(?: [A-Z][a-z'’-]{1,20}){1,2}")
INITIALLED = re.compile(r"[A-Z][a-z]{1,20} [A-Z]\. [A-Z][a-z]{1,20}|(?:[A-Z]\. ?){1,2}[A-Z][a-z]{1,20}")
PERSON_AFTER = re.compile(r"\s?[,，(（]\s?(?:(?:the|its|a|an|[\w.-]{1,30}['’]s)\s){0,2}", re.IGNORECASE)
TYPE_WORD_GAP = 1  # characters (a space, a quotation mark) between a name and a type word against it
PLACE_AFTER = re.compile(r"(?:,\s?[A-Z][a-z]{1,20})?-based\b")
CUE_REACH = 40  # characters before a name searched for its cue


@dataclass(frozen=True)
class Context:
    article: str
    line: int
    text: str  # the line around the name, whitespace collapsed


@dataclass(frozen=True)
class Suggestion:
    """A proposed entities.yaml entry and the evidence for it."""

    id: str
    type: str
    aliases: tuple[str, ...]
    occurrences: int
    articles: int
    cues: tuple[str, ...]
    contexts: tuple[Context, ...]
    typed: bool  # the type was read from the text (模型, 公司, chatbot...), not defaulted


def suggest_entities(articles: Iterable[Article], candidates: Iterable[Candidate], pack: RulePack, min_count: int = 1) -> list[Suggestion]:
    """Entries for names seen at least `min_count` times and not known to `pack`, most frequent first."""
    known = {fold(normalize(alias).text) for entity in pack.entities.values() for alias in entity.aliases}
    known |= {fold(word) for rule in pack.attributes.values() for words in rule.features.values() for word in words}  # feature words name no entity
    texts = {article.id: article.text for article in articles}
    folded = {article_id: normalize(text).text for article_id, text in texts.items()}
    found = [c for c in candidates if fold(c.name) not in known]
    groups = [g for g in _grouped(found) if len(g) >= min_count]
    groups.sort(key=lambda g: (-len(g), -len({c.article for c in g}), _aliases(g)[0].casefold()))
    taken = set(pack.entities)
    out = []
    for group in groups:
        if _placed(group, texts):
            continue
        suggestion = _suggestion(group, texts, taken, _pack_type(group, folded, pack))
        taken.add(suggestion.id)
        out.append(suggestion)
    return out


def _grouped(candidates: list[Candidate]) -> list[list[Candidate]]:
    by_key: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        by_key.setdefault(fold(candidate.name), []).append(candidate)
    keys = list(by_key)
    parent = {key: key for key in keys}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for a, b in combinations(keys, 2):
        if _same_name(a, b):
            parent[root(a)] = root(b)
    merged: dict[str, list[Candidate]] = {}
    for key in keys:
        merged.setdefault(root(key), []).extend(by_key[key])
    return list(merged.values())


def _same_name(a: str, b: str) -> bool:
    """Two folded keys name one thing: a CJK name and its pinyin, or close Latin spellings with the same digits."""
    if CJK_RUN.fullmatch(a) or CJK_RUN.fullmatch(b):
        cjk, latin = (a, b) if CJK_RUN.fullmatch(a) else (b, a)
        return latin.isascii() and "".join(lazy_pinyin(cjk)) == latin
    if not (a.isascii() and b.isascii()) or min(len(a), len(b)) < LATIN_FUZZ_MIN_LENGTH:
        return False
    return re.findall(r"\d+", a) == re.findall(r"\d+", b) and fuzz.ratio(a, b) >= LATIN_FUZZ


def _aliases(group: list[Candidate]) -> list[str]:
    """The spellings seen, folded to the form the pack matches (Simplified, half-width), most frequent first."""
    seen = Counter(" ".join(normalize(c.text).text.split()) for c in group)
    return [alias for alias, _ in sorted(seen.items(), key=lambda item: (-item[1], item[0]))]


def _suggestion(group: list[Candidate], texts: dict[str, str], taken: set[str], read: tuple[str, list[str]] | None = None) -> Suggestion:
    """`read`: the pack's type words found against the mentions (the type and its entity types), if any."""
    aliases = _aliases(group)
    votes = Counter(c.type for c in group if c.type)
    typed = bool(votes)
    kind = min(votes, key=lambda t: (-votes[t], _preference(t), t)) if typed else DEFAULT_TYPE
    if kind == DEFAULT_TYPE and _person(group, texts):
        kind, typed = "person", True
    if read is not None and read[0]:
        kind, typed = read[0], True
    elif read is not None and kind not in read[1]:
        kind, typed = read[1][0], False  # the pack does not have the guessed type
    latin = next((a for a in aliases if a.isascii()), None)
    return Suggestion(
        id=_unique(slug(latin or aliases[0]), taken),
        type=kind,
        aliases=tuple(aliases),
        occurrences=len(group),
        articles=len({c.article for c in group}),
        cues=tuple(sorted({c.cue for c in group})),
        contexts=_contexts(group, texts),
        typed=typed,
    )


def _preference(entity_type: str) -> int:
    """Rank of a guessed type on a tie; a type outside TYPE_PREFERENCE (a pack's own) comes last."""
    return TYPE_PREFERENCE.index(entity_type) if entity_type in TYPE_PREFERENCE else len(TYPE_PREFERENCE)


def _pack_type(group: list[Candidate], folded: dict[str, str], pack: RulePack) -> tuple[str, list[str]]:
    """The pack type its type words give the name most often ("" when none is found), and the pack's types."""
    declared = list(pack.settings.entity_types)
    words = [
        (word, label)
        for rule in pack.attributes.values() if rule.kind == "type"
        for label, spellings in rule.type_words.items() if label in declared
        for word in spellings
    ]
    votes: Counter[str] = Counter()
    for candidate in group:
        text = folded[candidate.article]
        before = text[max(0, candidate.start - CUE_REACH):candidate.start].rstrip(" \"'“‘「『")
        after = text[candidate.end:candidate.end + CUE_REACH]
        gap = len(after) - len(after[:TYPE_WORD_GAP].lstrip(" \"'”’」』")) - len(after[TYPE_WORD_GAP:])
        for word, label in words:
            if _ends_with_word(before, word) or _starts_with_word(after[gap:], word):
                votes[label] += 1
                break
    best = max(votes, key=lambda t: (votes[t], -declared.index(t))) if votes else ""
    return best, declared


def _ends_with_word(text: str, word: str) -> bool:
    """`text` ends with `word`, a Latin word whole (the drug, not a spill)."""
    return text.casefold().endswith(word.casefold()) and not (word[:1].isalnum() and word.isascii() and text[-len(word) - 1:-len(word)].isalnum())


def _starts_with_word(text: str, word: str) -> bool:
    return text.casefold().startswith(word.casefold()) and not (word[-1:].isalnum() and word.isascii() and text[len(word):len(word) + 1].isalnum())


def _before(candidate: Candidate, texts: dict[str, str]) -> str:
    """The text just before a name, casefolded, without the spaces and quotes against it."""
    text = texts[candidate.article]
    return text[max(0, candidate.start - CUE_REACH):candidate.start].rstrip(" \"'“‘「『").casefold()


def _person(group: list[Candidate], texts: dict[str, str]) -> bool:
    """A person's name shape, and a role or "founded by" before it or after a comma, or an initial."""
    names = {c.text for c in group}
    if any(INITIALLED.fullmatch(name) for name in names):
        return True
    if not any(PERSON_NAME.fullmatch(name) for name in names):
        return False
    cues = _person_cues()
    for candidate in group:
        if _before(candidate, texts).endswith(cues):
            return True
        text = texts[candidate.article]
        gap = PERSON_AFTER.match(text, candidate.end)
        if gap and gap.end() > candidate.end and text[gap.end():gap.end() + CUE_REACH].casefold().startswith(cues):
            return True
    return False


def _person_cues() -> tuple[str, ...]:
    """Cues the candidate finder does not type by: a role a few words before (founder and CEO
    Jane Doe, 首席执行官 Jane Doe), or after a comma (Jane Doe, the company's CTO), or founded by."""
    language = grammar()
    return tuple(cue.casefold() for cue in language.person_roles + language.person_cues)


def _placed(group: list[Candidate], texts: dict[str, str]) -> bool:
    """Most occurrences name a location (Austin-based, based in Lisbon, 总部位于Porto), and
    nothing typed the name as something else."""
    if any(c.type and c.type != DEFAULT_TYPE for c in group):
        return False
    placed = sum(
        1 for c in group
        if _before(c, texts).endswith(grammar().location_cues) or PLACE_AFTER.match(texts[c.article], c.end)
    )
    return placed * 2 >= len(group)


def slug(name: str) -> str:
    """An entity id: lowercase Latin words and pinyin joined by hyphens (紫东太初 -> zidongtaichu, PaLM-E -> palm-e)."""
    parts = []
    for piece in re.split(f"({CJK_RUN.pattern})", name):
        if CJK_RUN.fullmatch(piece):
            parts.append("".join(lazy_pinyin(piece)))
        else:
            parts.extend(re.findall(r"[a-z0-9]+", piece.casefold()))
    return "-".join(p for p in parts if p) or "entity"


def _unique(base: str, taken: set[str]) -> str:
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def _contexts(group: list[Candidate], texts: dict[str, str]) -> tuple[Context, ...]:
    """Up to MAX_CONTEXTS lines, one per article first."""
    lines: dict[tuple[str, int], Context] = {}
    for candidate in sorted(group, key=lambda c: (c.article, c.start)):
        context = _context(candidate, texts[candidate.article])
        lines.setdefault((context.article, context.line), context)
    firsts: list[Context] = []
    rest: list[Context] = []
    for context in lines.values():
        (rest if any(f.article == context.article for f in firsts) else firsts).append(context)
    return tuple((firsts + rest)[:MAX_CONTEXTS])


def _context(candidate: Candidate, text: str) -> Context:
    line_start = text.rfind("\n", 0, candidate.start) + 1
    line_end = text.find("\n", candidate.end)
    line_end = len(text) if line_end < 0 else line_end
    a = max(line_start, candidate.start - CONTEXT_REACH)
    b = min(line_end, candidate.end + CONTEXT_REACH)
    snippet = ("…" if a > line_start else "") + text[a:b] + ("…" if b < line_end else "")
    return Context(article=candidate.article, line=text.count("\n", 0, candidate.start) + 1, text=" ".join(snippet.split()))


# --- rendering ------------------------------------------------------------------


def entry_indent(pack: RulePack) -> str:
    """The indentation of the pack's own entries, so the output can be appended to its entities.yaml."""
    path = Path(pack.directory) / "entities.yaml"
    if path.is_file():
        match = re.search(r"^( *)- id:", path.read_text(encoding="utf-8-sig"), re.MULTILINE)
        if match:
            return match.group(1)
    return DEFAULT_INDENT


def render_yaml(suggestions: list[Suggestion], indent: str = DEFAULT_INDENT, attributes: Sequence[AttributeSuggestion] = ()) -> str:
    """Entries ready to append to entities.yaml, each preceded by comments with its contexts; then
    the draft attributes, commented out so that the whole output still appends to entities.yaml."""
    lines = [
        f"# {len(suggestions)} names not in the rules pack (checker entities suggest).",
        "# Check each type and alias, fill in `parent` where one applies, then keep these under `entities:`.",
    ]
    for s in suggestions:
        found_by = ", ".join(s.cues)
        note = "" if s.typed else "; type is a default guess"
        lines += ["", f"{indent}# {s.aliases[0]}: {s.occurrences}× in {s.articles} article(s), found by {found_by}{note}"]
        lines += [f"{indent}# {c.article}:{c.line}: {c.text}" for c in s.contexts]
        lines += [
            f"{indent}- id: {_scalar(s.id)}",
            f"{indent}  type: {s.type}",
            f"{indent}  aliases: [{', '.join(_scalar(a) for a in s.aliases)}]",
        ]
    if attributes:
        lines += [
            "",
            f"# --- attributes.yaml: {len(attributes)} draft attributes, words that recur next to figures or dates no attribute reads.",
            "# Remove the leading '# ' of the entries you keep, rename them, check units and subject_types, and paste them under `attributes:`.",
        ]
        lines += [("# " + line) if line and not line.lstrip().startswith("#") else line for line in attributes_yaml(list(attributes), indent)]
    return "\n".join(lines) + "\n"


def _scalar(text: str) -> str:
    """Plain when YAML reads it back as the same string inside a flow list, else double-quoted."""
    try:
        plain = yaml.safe_load(f"[{text}]") == [text]
    except yaml.YAMLError:
        plain = False
    return text if plain else json.dumps(text, ensure_ascii=False)


def render_markdown(suggestions: list[Suggestion], attributes: Sequence[AttributeSuggestion] = ()) -> str:
    lines = [
        "# Names not in the rules pack",
        "",
        f"{len(suggestions)} names, most frequent first. `checker entities suggest --format yaml` writes them as entities.yaml entries.",
        "",
        "| name | id | type | occurrences | articles | found by | contexts |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in suggestions:
        contexts = "<br>".join(_cell(f"{c.article}:{c.line}: {c.text}") for c in s.contexts)
        kind = s.type if s.typed else f"{s.type}?"
        cells = [" / ".join(s.aliases), f"`{s.id}`", kind, str(s.occurrences), str(s.articles), ", ".join(s.cues)]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + f" | {contexts} |")
    if attributes:
        lines += [
            "",
            "# Attribute candidates",
            "",
            f"{len(attributes)} words that recur next to figures or dates no attribute of the pack reads; a draft for attributes.yaml follows the table.",
            "",
            "| word | kind | units | subject types | occurrences | articles | contexts |",
            "|---|---|---|---|---|---|---|",
        ]
        for a in attributes:
            cells = [a.word, a.kind, ", ".join(a.units), ", ".join(a.subject_types), str(a.occurrences), str(a.articles)]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " | " + "<br>".join(_cell(c) for c in a.contexts) + " |")
        lines += ["", "```yaml", "attributes:", *[line for line in attributes_yaml(list(attributes)) if not line.lstrip().startswith("#")], "```"]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Article text is untrusted: keep it from closing the table cell or opening HTML."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
