"""Words the matcher can never see: checked against how the pipeline folds and searches text.

A mistake here fails silently at run time (the word simply never matches), so it is
a load error of the pack instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from checker.normalize import normalize
from checker.rulepack.messages import with_article
from checker.rulepack.parse import Entry, problem
from checker.rulepack.problems import RuleProblem
from checker.rulepack.schema import AttributeRule
from checker.words import CLAUSE_BREAK, MARKER_REACH, find_words


def _unmatchable(
    role: str,
    word: str,
    siblings: Sequence[str],
    *,
    clause_bound: bool = False,
    reach: tuple[int, str] | None = None,
    forbid: Sequence[str] = (),
) -> tuple[str, str] | None:
    """Why `word` can never match in the pipeline, as (message, fix); None if it can.

    Text is folded (Traditional -> Simplified, full width -> half width) before any
    matching, clause-bound words are searched inside one clause, and some extractors
    look only a few characters away.
    """
    if not word.strip():
        return f"empty {role}", "remove it: an empty word would match everywhere"
    if not any(char.isalnum() for char in word):
        return f"{role} `{word}` is only punctuation", f"write a word: {with_article(role)} needs a letter, a digit or a CJK character"
    folded = normalize(word).text
    if folded != word:
        listed = folded in siblings
        fix = f"remove it; `{folded}` is listed and matches both forms" if listed else f"write `{folded}` instead; it matches both forms"
        return f"{role} `{word}` can never match: text is folded to `{folded}` before matching", fix
    if clause_bound:
        cut = next((m for m in CLAUSE_BREAK.finditer(word) if m.end() < len(word)), None)
        if cut:
            return f"{role} `{word}` spans a clause break `{cut.group()}` but is matched within one clause", f"split it at `{cut.group()}` or drop what follows"
    if reach and len(word) > reach[0]:
        limit, where = reach
        return f"{role} `{word}` has {len(word)} characters and can never match: it is looked for within {limit} characters {where}", f"use a word of at most {limit} characters"
    hit = find_words(forbid, word) if forbid else []
    if hit:
        return f"trigger `{word}` contains the forbid word `{hit[0].group()}` of its attribute, so it can never match", "remove the trigger, or narrow the forbid word"
    return None


def check_words(entry: Entry, loc: tuple, role: str, words: Sequence[str], problems: list[RuleProblem], **how: Any) -> None:
    for index, word in enumerate(words):
        issue = _unmatchable(role, word, words, **how)
        if issue:
            problems.append(problem(entry, loc + (index,), *issue, code="RP030"))


def check_attribute_words(name: str, rule: AttributeRule, entry: Entry | None, problems: list[RuleProblem]) -> None:
    """The words of one attribute, against how far its extractor (checker/claims/) looks."""
    loc = ("attributes", name)
    clause_bound = rule.kind == "quantity"
    forbid = rule.forbid if rule.kind in ("quantity", "date") else ()
    check_words(entry, loc + ("triggers",), "trigger", rule.triggers, problems, clause_bound=clause_bound, forbid=forbid)
    check_words(entry, loc + ("forbid",), "forbid word", rule.forbid, problems, clause_bound=True)
    check_words(entry, loc + ("require",), "required word", rule.require, problems, clause_bound=True)
    check_words(entry, loc + ("passive",), "passive marker", rule.passive, problems)
    check_words(entry, loc + ("negation_cues",), "negation cue", rule.negation_cues, problems)
    check_words(entry, loc + ("objects",), "object word", rule.objects, problems)
    check_words(entry, loc + ("object_markers",), "object marker", rule.object_markers, problems, reach=(MARKER_REACH, "before the object's name"))
    for index, marker in enumerate(rule.object_markers):
        if marker.strip() and marker != marker.rstrip():
            problems.append(problem(entry, loc + ("object_markers", index), f"object marker `{marker}` ends with a space, but the text before a name is compared without trailing spaces", "remove the trailing space", code="RP030"))
    for label, words in rule.type_words.items():
        check_words(entry, loc + ("type_words", label), "type word", words, problems)
