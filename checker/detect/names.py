"""name_variant: a known entity written with a variant spelling."""

from __future__ import annotations

from checker.detect.base import DetectInput, detector, entity_label, make_finding


@detector("name_variant")
def name_variant(data: DetectInput) -> list:
    """A name that is a near miss of a known entity's alias (a typo or a nonstandard form).

    Why it matters: 字节动态 for 字节跳动, A21 Labs for AI21 Labs or 腾迅 for 腾讯 hide
    claims from anyone searching for the real name, and signal careless copy.
    How: token windows not matched exactly are compared with the aliases using
    rapidfuzz; CJK names of four or more characters need a high ratio and the same first
    character, two- and three-character names may differ in one homophone character only,
    and Latin names that differ only in digits (GPT-3 / GPT-4) are never variants.
    Example: 字节动态的AML团队 (variant of 字节跳动).
    """
    findings = []
    pack = data.pack
    for (subject, value), claims in data.groups("name_variant"):
        message = f"“{value}” looks like a variant spelling of {entity_label(pack, subject)} ({len(claims)}×)"
        findings.append(make_finding("name_variant", subject, "name", claims, message, pack))
    return findings
