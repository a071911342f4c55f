"""Rules that matched nothing in the dataset: a broken rule must not pass silently.

An entity none of whose aliases the pipeline found, a trigger word that occurs in no
article body, or a reference fact with no claim of its subject and attribute checks
nothing. A typo in an alias or a trigger, or a fact about a subject the dataset never
states, would otherwise look like a clean run. Triggers are matched the way the
extractors match them (checker.claims.context: Latin words case-insensitively on word
edges) against the article bodies as normalized for matching (checker.normalize).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from checker.check.locations import display_path
from checker.claims.context import word_pattern
from checker.normalize import normalize

if TYPE_CHECKING:
    from checker.api import RunResult


@dataclass(frozen=True)
class RuleWarning:
    kind: Literal["entity", "trigger", "fact"]
    name: str  # entity id, attribute name, or "subject attribute" of a fact
    message: str
    file: str
    line: int | None

    @property
    def label(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


def _path(result: RunResult, name: str) -> str:
    return display_path(Path(result.pack.directory) / name)


def zero_match_warnings(result: RunResult) -> list[RuleWarning]:
    return [*_entities(result), *_triggers(result), *_facts(result)]


def _entities(result: RunResult) -> list[RuleWarning]:
    path = _path(result, "entities.yaml")
    seen = {mention.entity for mentions in result.mentions.values() for mention in mentions}
    return [
        RuleWarning(
            "entity",
            entity.id,
            f"entity `{entity.id}`: none of its aliases ({', '.join(entity.aliases)}) occurs in any article",
            path,
            result.pack.line_of("entities.yaml", ("entities", index)),
        )
        for index, entity in enumerate(result.pack.entities.values())
        if entity.id not in seen
    ]


def _triggers(result: RunResult) -> list[RuleWarning]:
    path = _path(result, "attributes.yaml")
    bodies = [normalize(article.text, article.language).text[article.body_start:] for article in result.articles]
    warnings = []
    for name, rule in result.pack.attributes.items():
        unmatched = [(i, word) for i, word in enumerate(rule.triggers) if not any(word_pattern((word,)).search(body) for body in bodies)]
        if not unmatched:
            continue
        one = len(unmatched) == 1
        words = ", ".join(word for _, word in unmatched)
        message = f"attribute `{name}`: trigger word{'' if one else 's'} {words} occur{'s' if one else ''} in no article"
        warnings.append(RuleWarning("trigger", name, message, path, result.pack.line_of("attributes.yaml", ("attributes", name, "triggers", unmatched[0][0]))))
    return warnings


def _facts(result: RunResult) -> list[RuleWarning]:
    path = _path(result, "facts.yaml")
    claimed = {(claim.subject, claim.attribute) for claim in result.claims}
    return [
        RuleWarning(
            "fact",
            f"{fact.subject} {fact.attribute}",
            f"fact `{fact.subject}` {fact.attribute} ({fact.source.title}) matched no claim: no article states this subject's {fact.attribute}",
            path,
            result.pack.line_of("facts.yaml", ("facts", index)),
        )
        for index, fact in enumerate(result.pack.facts)
        if (fact.subject, fact.attribute) not in claimed
    ]
